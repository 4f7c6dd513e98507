// What a reader gets when they copy or search Thai text in our PDFs.
//
// pdfkit draws each Thai mark (tone marks, vowels above and below) as its own glyph, moved back over its letter
// with a text matrix of its own. Text extractors that rebuild lines from glyph positions (poppler's pdftotext
// in its default mode, hence Evince, Okular and many PDF-to-text tools) then take the marks for a separate line:
// "หมู่ที่" came out as "หมูท" and, under it, "่ ่ี". On top of that, the page text holds our own typesetting
// helpers: U+200B break marks, no-break spaces and ำ drawn as ํ + า (prepare.ts).
//
// So every drawn line of Thai text is wrapped in a marked-content span whose ActualText is the text as written
// (PDF 32000-1 §14.9.4): viewers that honour ActualText (poppler, Adobe Reader) copy exactly that; pdf.js, which
// reads the glyphs' own Unicode mapping, copies the same letters with ำ as ํ + า (equal under NFKC).
import { BREAK_MARK } from './prepare';

const THAI = /[\u0E00-\u0E7F]/;
const TYPESETTING_MARKS = new RegExp(`[${BREAK_MARK}\\u2060]`, 'g');

/** The text as a person wrote it: without break marks and word joiners, with plain spaces and ำ whole. */
export function asWritten(printed: string): string {
  return printed.replace(TYPESETTING_MARKS, '').replace(/\u00A0/g, ' ').replace(/\u0E4D\u0E32/g, '\u0E33');
}

interface MarkingDocument {
  markContent(tag: string, options: { actual: string }): unknown;
  endMarkedContent(): unknown;
}

interface RendererPrototype {
  renderLine(this: { pdfDocument: MarkingDocument }, line: { inlines: Array<{ text: string }> }, x: number, y: number): void;
}

const patched = new WeakSet<RendererPrototype>();

/**
 * Makes every line of Thai text that pdfmake's Renderer draws copy out as written: one span per line, because
 * poppler reorders lines made of many small spans (each word of a line came out on a line of its own, last first).
 */
export function copyThaiAsWritten(renderer: RendererPrototype): void {
  if (patched.has(renderer)) return;
  patched.add(renderer);
  const renderLine = renderer.renderLine;
  renderer.renderLine = function (line, x, y) {
    const text = line.inlines.map((inline) => inline.text).join('');
    if (!THAI.test(text)) return renderLine.call(this, line, x, y);
    this.pdfDocument.markContent('Span', { actual: asWritten(text) });
    renderLine.call(this, line, x, y);
    this.pdfDocument.endMarkedContent();
  };
}
