// Numbers are set from their characters' glyphs instead of being shaped one by one (number-shaping.ts): a printed
// citizen ID, phone or amount must come out with exactly the glyphs and positions that shaping gives it.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BODY_FONT, installFonts } from '../../main/documents/fonts';
import { installNumberShapingOnFirstFont, type ShapingFont } from '../../main/documents/number-shaping';

const require = createRequire(import.meta.url);
const PdfMakeDocument = require('pdfmake/js/PDFDocument').default as new (...args: unknown[]) => { provideFont(family: string, bold: boolean, italics: boolean): unknown };

/** The body font as a never-written pdfmake document provides it. */
function bodyFont(): ShapingFont {
  const pdfmake = installFonts();
  return new PdfMakeDocument(pdfmake.fonts, {}, {}, {}, { autoFirstPage: false }, pdfmake.virtualfs).provideFont(BODY_FONT, false, false) as ShapingFont;
}

const numbers = [
  '1-1017-00203-45-1',
  '081-234-5678',
  '๑-๑๐๑๗-๐๐๒๐๓-๔๕-๑',
  '๐๘๑-๒๓๔-๕๖๗๘',
  '20,046.79',
  '๒๐,๐๔๖.๗๙',
  '15/03/2566',
  '09:30',
  '(69%)',
  '#12/3 ',
  '๕๐๐\u00A0',
  '7\u200B',
];

describe('numbers set without shaping', () => {
  it('get the glyphs, positions and width that shaping gives them', () => {
    const font = bodyFont();
    const shaped = numbers.map((text) => font.layoutRun(text));
    installNumberShapingOnFirstFont(PdfMakeDocument.prototype);
    bodyFont();
    numbers.forEach((text, index) => {
      const run = font.layoutCached(text);
      expect(run.glyphs.map((glyph) => glyph.id)).toEqual(shaped[index]!.glyphs.map((glyph) => glyph.id));
      expect(run.positions).toEqual(shaped[index]!.positions);
      expect(run.advanceWidth).toBe(shaped[index]!.advanceWidth);
    });
    // not shaped: pdfkit's own path would have kept them in its cache of shaped words
    const cache = (font as unknown as { layoutCache: Record<string, unknown> }).layoutCache;
    expect(numbers.filter((text) => text in cache)).toEqual([]);
  });

  it('leave words with letters to shaping', () => {
    const font = bodyFont();
    const shaped = font.layoutRun('หมู่ที่\u00A0๓');
    const run = font.layoutCached('หมู่ที่\u00A0๓');
    expect(run.glyphs.map((glyph) => glyph.id)).toEqual(shaped.glyphs.map((glyph) => glyph.id));
    expect('หมู่ที่\u00A0๓' in (font as unknown as { layoutCache: Record<string, unknown> }).layoutCache).toBe(true);
  });
});
