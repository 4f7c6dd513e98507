// Numbers are set from their characters' glyphs instead of being shaped one by one (number-shaping.ts): a printed
// citizen ID, phone or amount must come out with exactly the glyphs and positions that shaping gives it.
import { describe, expect, it } from 'vitest';
import { pdfkitSamples } from '../../main/documents/measure';
import { installNumberShaping } from '../../main/documents/number-shaping';

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
    const { font } = pdfkitSamples();
    const shaped = numbers.map((text) => font.layoutRun(text));
    installNumberShaping(font);
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
    const { font } = pdfkitSamples();
    installNumberShaping(font);
    const shaped = font.layoutRun('หมู่ที่\u00A0๓');
    const run = font.layoutCached('หมู่ที่\u00A0๓');
    expect(run.glyphs.map((glyph) => glyph.id)).toEqual(shaped.glyphs.map((glyph) => glyph.id));
    expect('หมู่ที่\u00A0๓' in (font as unknown as { layoutCache: Record<string, unknown> }).layoutCache).toBe(true);
  });
});
