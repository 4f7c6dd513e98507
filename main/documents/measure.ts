// Text widths exactly as pdfmake will measure them, before pdfmake runs: the same font objects (pdfmake's own
// PDFDocument.provideFont over the patched Sarabun faces that installFonts() loaded), the same widthOfString, on
// the text as the Thai pass (prepare.ts) leaves it. Tables use this to size their columns by content
// (blocks.ts layoutTable) and to tell how tall a row will be.
import { createRequire } from 'node:module';
import { BODY_FONT, installFonts } from './fonts';
import { prepareDocument } from './prepare';

const require = createRequire(import.meta.url);

/** The part of a pdfkit font that pdfmake measures with (pdfkit EmbeddedFont). */
interface PdfKitFont {
  widthOfString(text: string, size: number): number;
  /** in thousandths of the font size */
  ascender: number;
  descender: number;
}

interface PdfMakeDocument {
  provideFont(family: string, bold: boolean, italics: boolean): PdfKitFont;
}

let faces: { normal: PdfKitFont; bold: PdfKitFont } | null = null;

function font(bold: boolean): PdfKitFont {
  if (!faces) {
    const pdfmake = installFonts();
    const PdfMakeDocumentClass = require('pdfmake/js/PDFDocument').default as new (fonts: unknown, images: unknown, patterns: unknown, attachments: unknown, options: unknown, virtualfs: unknown) => PdfMakeDocument;
    // A document that is never written: only its font objects are used.
    const document = new PdfMakeDocumentClass(pdfmake.fonts, {}, {}, {}, { autoFirstPage: false }, pdfmake.virtualfs);
    faces = { normal: document.provideFont(BODY_FONT, false, false), bold: document.provideFont(BODY_FONT, true, false) };
  }
  return bold ? faces.bold : faces.normal;
}

/**
 * Width memo, per face, in points at 1 pt (widths are linear in the size). pdfkit shapes each string (fontkit
 * layout, tens of microseconds for Thai); a batch asks for the same words over and over.
 */
const widthMemo = { normal: new Map<string, number>(), bold: new Map<string, number>() };
const WIDTH_MEMO_LIMIT = 200_000;

/**
 * Numbers (a list's order, phones, citizen IDs, amounts, house numbers) are mostly unique, and shaping each
 * would cost more than laying the table out: the width of a string of these characters is the sum of theirs,
 * as long as the font neither kerns nor substitutes between them — checked pair by pair when first used, and
 * any character that fails is measured the slow way.
 */
const NUMBER_CHARACTERS = '0123456789๐๑๒๓๔๕๖๗๘๙-,./:()# \u00A0\u200B';
const additiveMemo: { normal: Map<string, number> | null; bold: Map<string, number> | null } = { normal: null, bold: null };

function additiveWidths(bold: boolean): Map<string, number> {
  const key = bold ? 'bold' : 'normal';
  let widths = additiveMemo[key];
  if (widths) return widths;
  const face = font(bold);
  const single = new Map([...NUMBER_CHARACTERS].map((character) => [character, face.widthOfString(character, 1)]));
  widths = new Map(single);
  // Every ordered pair in one string first (one shaping call); pair by pair only if that finds a difference.
  let everyPair = '';
  let summed = 0;
  for (const [first, firstWidth] of single) {
    for (const [second, secondWidth] of single) {
      everyPair += first + second;
      summed += firstWidth + secondWidth;
    }
  }
  if (Math.abs(face.widthOfString(everyPair, 1) - summed) > 1e-6) {
    for (const [first, firstWidth] of single) {
      for (const [second, secondWidth] of single) {
        if (Math.abs(face.widthOfString(first + second, 1) - firstWidth - secondWidth) > 1e-9) {
          widths.delete(first);
          widths.delete(second);
        }
      }
    }
  }
  additiveMemo[key] = widths;
  return widths;
}

/** The summed width when every character is one of the checked ones, else undefined. */
function additiveWidth(text: string, bold: boolean): number | undefined {
  const widths = additiveWidths(bold);
  let sum = 0;
  for (const character of text) {
    const width = widths.get(character);
    if (width === undefined) return undefined;
    sum += width;
  }
  return sum;
}

const THAI_ZERO = 0x0e50;

/**
 * For text made only of digits and their punctuation (order numbers, phones, IDs, amounts): at 1 pt, the widest
 * space-separated piece and the whole width, each with Arabic digits and with the Thai digits prepare.ts may
 * print instead — in one pass, without shaping: [widest, whole, widest in Thai digits, whole in Thai digits].
 * Undefined when a character is not one of the checked ones.
 */
export function numberTextWidths(text: string): [number, number, number, number] | undefined {
  const widths = additiveWidths(false);
  let piece = 0;
  let pieceThai = 0;
  let widest = 0;
  let widestThai = 0;
  let whole = 0;
  let wholeThai = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const character = text.charAt(index);
    const width = widths.get(character);
    if (width === undefined) return undefined;
    const thai = code >= 48 && code <= 57 ? widths.get(String.fromCharCode(THAI_ZERO + code - 48)) : width;
    if (thai === undefined) return undefined;
    whole += width;
    wholeThai += thai;
    if (code === 32) {
      piece = 0;
      pieceThai = 0;
      continue;
    }
    piece += width;
    pieceThai += thai;
    if (piece > widest) widest = piece;
    if (pieceThai > widestThai) widestThai = pieceThai;
  }
  return [widest, whole, widestThai, wholeThai];
}

/** Width in points of text set on one line, as pdfmake's widthOfString gives it. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const memo = bold ? widthMemo.bold : widthMemo.normal;
  let width = memo.get(text);
  if (width === undefined) {
    width = additiveWidth(text, bold);
    if (width !== undefined) return width * fontSize;
    width = font(bold).widthOfString(text, 1);
    if (memo.size >= WIDTH_MEMO_LIMIT) memo.clear();
    memo.set(text, width);
  }
  return width * fontSize;
}

/** Height of one line of text (pdfmake: the font's ascender − descender, times the line height). */
export function lineHeight(fontSize: number, lineHeightFactor: number): number {
  const face = font(false);
  return ((face.ascender - face.descender) / 1000) * fontSize * lineHeightFactor;
}

const preparedMemo = { arabic: new Map<string, string>(), thai: new Map<string, string>() };
const PREPARED_MEMO_LIMIT = 50_000;

/** The text as it will be printed: after the Thai pass (digits, break marks), which runs later on the whole page. */
export function preparedText(text: string, thaiDigits: boolean): string {
  const memo = thaiDigits ? preparedMemo.thai : preparedMemo.arabic;
  let prepared = memo.get(text);
  if (prepared === undefined) {
    prepared = prepareDocument({ content: text }, { thaiDigits }).content as string;
    if (memo.size >= PREPARED_MEMO_LIMIT) memo.clear();
    memo.set(text, prepared);
  }
  return prepared;
}
