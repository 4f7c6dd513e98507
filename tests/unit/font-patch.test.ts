import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withZeroWidthSpace, ZERO_WIDTH_SPACE } from '../../main/documents/font-patch';

// fontkit is the font engine pdfkit (and so pdfmake) lays text out with: what it reads is what prints.
interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  path: { commands: unknown[] };
}
interface FontkitFont {
  characterSet: number[];
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  layout(text: string): { glyphs: FontkitGlyph[] };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(buffer: Buffer): FontkitFont };

const faces = ['400Regular/Sarabun_400Regular.ttf', '700Bold/Sarabun_700Bold.ttf', '400Regular_Italic/Sarabun_400Regular_Italic.ttf', '700Bold_Italic/Sarabun_700Bold_Italic.ttf'];
const read = (face: string) => fs.readFileSync(createRequire(import.meta.url).resolve(`@expo-google-fonts/sarabun/${face}`));

describe('the Sarabun faces with an invisible break mark', () => {
  it.each(faces)('%s: U+200B is an empty, zero-width glyph (not the .notdef box)', (face) => {
    const original = fontkit.create(read(face));
    expect(original.glyphForCodePoint(ZERO_WIDTH_SPACE).id).toBe(0); // the box, before
    const mark = fontkit.create(withZeroWidthSpace(read(face))).glyphForCodePoint(ZERO_WIDTH_SPACE);
    expect(mark.id).not.toBe(0);
    expect(mark.advanceWidth).toBe(0);
    expect(mark.path.commands).toHaveLength(0);
  });

  it.each(faces)('%s: every other character keeps its glyph, and Thai shapes as before', (face) => {
    const original = fontkit.create(read(face));
    const patched = fontkit.create(withZeroWidthSpace(read(face)));
    const changed = original.characterSet.filter((codePoint) => original.glyphForCodePoint(codePoint).id !== patched.glyphForCodePoint(codePoint).id);
    expect(changed).toEqual([]);
    const ids = (font: FontkitFont, text: string) => font.layout(text).glyphs.map((glyph) => glyph.id);
    expect(ids(patched, 'น้ำที่ผู้ปั้นญี่ปุ่น')).toEqual(ids(original, 'น้ำที่ผู้ปั้นญี่ปุ่น'));
  });
});
