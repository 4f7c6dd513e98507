// The parts of an official letter's page that sit outside the flow of its text (DOMAIN.md §4.8): the emblem on
// top of the first page, the contact block at the foot of the page where the letter ends, and the page number
// "- ๒ -" on top of every page after the first.
import type { Content } from 'pdfmake/interfaces';
import { cm, contentWidth, type PageStyle } from './style';

/**
 * Sarabun's height per em (hhea ascent 1068 + descent 232 of 1000 units): pdfmake makes a line that × size ×
 * lineHeight tall. Used to place the contact block against the foot of the page, which pdfmake does not flow
 * to; tests/documents/letter.test.ts checks where it lands.
 */
const SARABUN_HEIGHT_EM = 1.3;

function lineHeight(style: PageStyle, fontSize: number): number {
  return SARABUN_HEIGHT_EM * fontSize * style.lineHeight;
}

/**
 * The office's emblem centred over the text on the first page, at the page style's height and distance from the
 * paper's top edge (inside the top margin, so placed rather than flowed). Its box is as wide as it is high:
 * emblems are round or upright; a wider logo is scaled down to fit.
 */
export function letterEmblem(logo: string, style: PageStyle): Content {
  const size = cm(style.emblemHeightCm);
  return { image: logo, fit: [size, size], alignment: 'center', absolutePosition: { x: cm(style.marginsCm.left), y: cm(style.emblemTopCm) } };
}

/**
 * Space above the letterhead's first line so that it starts just under the emblem's foot ("ที่ …" on the left,
 * the office on the right), or at the top margin when there is no emblem.
 */
export function spaceForEmblem(style: PageStyle, hasEmblem: boolean): number {
  if (!hasEmblem) return 0;
  return Math.max(0, cm(style.emblemTopCm + style.emblemHeightCm) - cm(style.marginsCm.top));
}

/** Thai characters that take no width of their own (vowels above and below, tone marks) and the break mark. */
const NO_ADVANCE = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B]/g;
/**
 * A generous advance per character, so that a reserved height is not short: Sarabun averages 0.5 em on Thai text,
 * its Thai digits are up to 0.69 em (the office may print them), its rare wide letters (ฒ) 0.83 em.
 */
const WIDE_CHARACTER_EM = 0.7;

/** How many lines `text` may take across `width` points at `fontSize`: an upper bound. */
export function linesAtMost(text: string, width: number, fontSize: number): number {
  const advance = text.replace(NO_ADVANCE, '').length * WIDE_CHARACTER_EM * fontSize;
  return Math.max(1, Math.ceil(advance / width));
}

/**
 * The unit that owns the matter, its phone, fax and e-mail, at the bottom left of the page where the letter ends.
 * pdfmake flows from the top only, so the block is placed against the bottom margin, and the flow keeps room
 * for it: `reserve` goes at the end of the flow, in one unbreakable block with what must stay on the same page
 * (the closing and signature), and the block itself right after it (a placed block lands on the page the flow
 * has reached).
 */
export function letterFoot(lines: readonly string[], style: PageStyle): { reserve: Content; block: Content } | null {
  if (lines.length === 0) return null;
  const width = contentWidth(style);
  // a size smaller than the letter's: it is a note to the reader, not part of the letter
  const fontSize = style.bodySize - 2;
  const height = lines.reduce((sum, line) => sum + linesAtMost(line, width, fontSize), 0) * lineHeight(style, fontSize);
  const pageHeight = cm(style.orientation === 'landscape' ? 21 : 29.7);
  const top = pageHeight - cm(style.marginsCm.bottom) - height;
  return {
    // an empty drawing as tall as its margin: the block, and a little air between it and the signature
    reserve: { canvas: [], margin: [0, height + lineHeight(style, fontSize) / 4, 0, 0] },
    block: { stack: [...lines], fontSize, absolutePosition: { x: cm(style.marginsCm.left), y: top } },
  };
}

/** "- ๒ -" centred in the top margin, on the second page of a letter and after; nothing on its first page. */
export function letterPageNumber(style: PageStyle): (pageInDocument: number) => Content | null {
  const [left, right] = [cm(style.marginsCm.left), cm(style.marginsCm.right)];
  return (pageInDocument) =>
    pageInDocument < 2 ? null : { text: `- ${pageInDocument} -`, alignment: 'center', margin: [left, cm(style.marginsCm.top) / 2, right, 0] };
}
