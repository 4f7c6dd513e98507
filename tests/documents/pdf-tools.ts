// Reading the PDFs our engine writes, for the document tests and for looking at them by hand — all from npm
// (pdf.js and @napi-rs/canvas), so `npm install` is the whole set-up: no poppler.
//   text     — pdf.js's own text extraction (what a reader copies out of the PDF in Firefox's viewer);
//   words    — every drawn glyph placed from pdf.js's operator list, grouped into words;
//   images   — pages drawn by pdf.js on @napi-rs/canvas (skia);
//   fonts    — the names of the fonts the pages use.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PageWords {
  width: number;
  height: number;
  words: WordBox[];
}

/**
 * Text made comparable: in NFKC (the engine prints ำ as its two parts ํ + า so that copied text keeps every
 * า — see prepare.ts — and NFKC writes ำ that way on both sides), without white space and without the U+200B
 * break marks (extractors differ in the spaces they add at gaps).
 */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200B]/g, '');
}

/** Opened documents, by file and modification time: a test file reads the same PDF many times. */
const opened = new Map<string, Promise<PDFDocumentProxy>>();

async function openPdf(file: string): Promise<PDFDocumentProxy> {
  const key = `${path.resolve(file)}@${fs.statSync(file).mtimeMs}`;
  let document = opened.get(key);
  if (!document) {
    // pdf.js takes ownership of the bytes it is given: a copy, so the caller's buffer stays usable.
    const data = new Uint8Array(fs.readFileSync(file));
    document = getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
    opened.set(key, document);
  }
  return await document;
}

async function pagesOf(file: string, page?: number): Promise<PDFPageProxy[]> {
  const document = await openPdf(file);
  const numbers = page === undefined ? Array.from({ length: document.numPages }, (_, index) => index + 1) : [page];
  return await Promise.all(numbers.map((number) => document.getPage(number)));
}

export async function pdfPageCount(file: string): Promise<number> {
  return (await openPdf(file)).numPages;
}

/**
 * Text in drawing order, as pdf.js extracts it: one line per text line, in NFKC. pdfmake draws a table row by row,
 * cell by cell, so cells stay whole.
 */
export async function pdfText(file: string, page?: number): Promise<string> {
  const lines: string[] = [];
  for (const pdfPage of await pagesOf(file, page)) {
    const content = await pdfPage.getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    if (line) lines.push(line);
  }
  return lines.join('\n').normalize('NFKC');
}

/** A PDF transformation matrix [a b c d e f]. */
export type Matrix = [number, number, number, number, number, number];

/** m then n: the matrix that applies m first (PDF's row-vector order). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

interface PlacedGlyph {
  text: string;
  /** start and end of the advance, baseline, in PDF user space (origin bottom left) */
  x0: number;
  x1: number;
  y: number;
  fontSize: number;
  ascent: number;
  descent: number;
}

interface PdfJsGlyph {
  unicode: string;
  width: number;
  isSpace?: boolean;
}

interface PdfJsFont {
  name?: string;
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

/** Every glyph the page draws, with its place: the text state machine of PDF, run over pdf.js's operator list. */
async function placedGlyphs(pdfPage: PDFPageProxy): Promise<PlacedGlyph[]> {
  const list = await pdfPage.getOperatorList();
  const glyphs: PlacedGlyph[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  let textMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  let lineMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  let font: PdfJsFont = {};
  let fontSize = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let horizontalScale = 1;
  let leading = 0;
  let rise = 0;

  const show = (items: Array<PdfJsGlyph | number | null>) => {
    for (const item of items) {
      if (item === null) continue;
      if (typeof item === 'number') {
        // TJ's numbers move back by thousandths of the font size
        textMatrix = multiply([1, 0, 0, 1, (-item / 1000) * fontSize * horizontalScale, 0], textMatrix);
        continue;
      }
      const advance = ((item.width / 1000) * fontSize + charSpacing + (item.isSpace ? wordSpacing : 0)) * horizontalScale;
      const start = multiply(multiply([1, 0, 0, 1, 0, rise], textMatrix), ctm);
      const end = multiply(multiply([1, 0, 0, 1, advance, rise], textMatrix), ctm);
      const scale = Math.hypot(start[2], start[3]);
      glyphs.push({
        text: item.unicode,
        x0: Math.min(start[4], end[4]),
        x1: Math.max(start[4], end[4]),
        y: start[5],
        fontSize: fontSize * scale,
        ascent: font.ascent ?? 0.9,
        descent: font.descent ?? -0.25,
      });
      textMatrix = multiply([1, 0, 0, 1, advance, 0], textMatrix);
    }
  };

  for (let index = 0; index < list.fnArray.length; index++) {
    const args = list.argsArray[index] as unknown[];
    switch (list.fnArray[index]) {
      case OPS.save:
        saved.push(ctm);
        break;
      case OPS.restore:
        ctm = saved.pop() ?? [1, 0, 0, 1, 0, 0];
        break;
      case OPS.transform:
        ctm = multiply(Array.from(args as ArrayLike<number>) as Matrix, ctm);
        break;
      case OPS.beginText:
        textMatrix = [1, 0, 0, 1, 0, 0];
        lineMatrix = [1, 0, 0, 1, 0, 0];
        break;
      case OPS.setFont: {
        const [fontId, size] = args as [string, number];
        font = (pdfPage.commonObjs.has(fontId) ? pdfPage.commonObjs.get(fontId) : {}) as PdfJsFont;
        fontSize = size;
        break;
      }
      case OPS.setTextMatrix:
        // pdf.js hands the matrix over as one typed array
        textMatrix = Array.from(args[0] as ArrayLike<number>) as Matrix;
        lineMatrix = textMatrix;
        break;
      case OPS.moveText:
      case OPS.setLeadingMoveText: {
        const [tx, ty] = args as [number, number];
        if (list.fnArray[index] === OPS.setLeadingMoveText) leading = -ty;
        lineMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
        textMatrix = lineMatrix;
        break;
      }
      case OPS.nextLine:
        lineMatrix = multiply([1, 0, 0, 1, 0, -leading], lineMatrix);
        textMatrix = lineMatrix;
        break;
      case OPS.setCharSpacing:
        charSpacing = args[0] as number;
        break;
      case OPS.setWordSpacing:
        wordSpacing = args[0] as number;
        break;
      case OPS.setHScale:
        horizontalScale = (args[0] as number) / 100;
        break;
      case OPS.setLeading:
        leading = args[0] as number;
        break;
      case OPS.setTextRise:
        rise = args[0] as number;
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        show(args[0] as Array<PdfJsGlyph | number | null>);
        break;
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        throw new Error(`pdf-tools: text operator ${list.fnArray[index]} is not drawn by pdfkit and not handled here`);
    }
  }
  return glyphs;
}

/** A space, a break mark or other white space ends a word. */
const WORD_END = /^[\s\u200B]*$/;

/**
 * Every word with its box, page by page (points, origin top left). A word is a run of glyphs on one baseline with
 * no white space, break mark or gap between them; its box spans the glyphs' advances, from the font's ascent to
 * its descent. Zero-width marks (tone marks, vowels above and below) belong to the word they sit in.
 */
export async function pdfWords(file: string): Promise<PageWords[]> {
  const result: PageWords[] = [];
  for (const pdfPage of await pagesOf(file)) {
    const [, , width, height] = pdfPage.view as [number, number, number, number];
    const words: WordBox[] = [];
    let current: { glyphs: PlacedGlyph[] } | null = null;
    const finish = () => {
      if (!current) return;
      const { glyphs } = current;
      const text = glyphs.map((glyph) => glyph.text).join('').normalize('NFKC');
      words.push({
        text,
        xMin: Math.min(...glyphs.map((glyph) => glyph.x0)),
        xMax: Math.max(...glyphs.map((glyph) => glyph.x1)),
        yMin: height - Math.max(...glyphs.map((glyph) => glyph.y + glyph.ascent * glyph.fontSize)),
        yMax: height - Math.min(...glyphs.map((glyph) => glyph.y + glyph.descent * glyph.fontSize)),
      });
      current = null;
    };
    for (const glyph of await placedGlyphs(pdfPage)) {
      if (WORD_END.test(glyph.text)) {
        finish();
        continue;
      }
      const last = current?.glyphs.at(-1);
      // A mark placed by the font sits a little before the end of the letter it belongs to: allow a small overlap.
      const joins = last && Math.abs(glyph.y - last.y) < 0.2 * glyph.fontSize && glyph.x0 >= last.x0 - 0.6 * glyph.fontSize && glyph.x0 <= last.x1 + 0.5;
      if (!joins) finish();
      current ??= { glyphs: [] };
      current.glyphs.push(glyph);
    }
    finish();
    result.push({ width, height, words });
  }
  return result;
}

/** The names of the fonts the document's pages draw with (subset prefixes included, e.g. "ABCDEF+Sarabun-Regular"). */
export async function pdfFonts(file: string): Promise<string[]> {
  const names = new Set<string>();
  for (const pdfPage of await pagesOf(file)) {
    const list = await pdfPage.getOperatorList();
    for (let index = 0; index < list.fnArray.length; index++) {
      if (list.fnArray[index] !== OPS.setFont) continue;
      const [fontId] = list.argsArray[index] as [string];
      const font = pdfPage.commonObjs.get(fontId) as PdfJsFont;
      if (font.name) names.add(font.name);
    }
  }
  return [...names];
}

/** A PDF literal string's bytes: (…) with its backslash escapes. */
function literalBytes(literal: string): number[] {
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  for (let index = 1; index < literal.length - 1; index++) {
    const char = literal[index]!;
    if (char !== '\\') {
      bytes.push(char.charCodeAt(0) & 0xff);
      continue;
    }
    const next = literal[++index]!;
    const octal = /^[0-7]{1,3}/.exec(literal.slice(index, index + 3));
    if (octal) {
      bytes.push(parseInt(octal[0], 8) & 0xff);
      index += octal[0].length - 1;
    } else bytes.push(escapes[next] ?? next.charCodeAt(0));
  }
  return bytes;
}

/** A PDF text string: UTF-16BE after a byte order mark, else PDFDocEncoding (Latin-1 is close enough here). */
function textString(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let text = '';
    for (let index = 2; index + 1 < bytes.length; index += 2) text += String.fromCharCode((bytes[index]! << 8) | bytes[index + 1]!);
    return text;
  }
  return String.fromCharCode(...bytes);
}

/**
 * The ActualText of every marked-content span, in drawing order: what poppler and Adobe Reader copy out for the
 * glyphs inside the span (copy-text.ts). Read from the raw content streams, which pdf.js does not expose.
 */
export function pdfActualTexts(file: string): string[] {
  const raw = fs.readFileSync(file).toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = Buffer.from(raw.slice(start, end), 'latin1');
    let content: string;
    try {
      content = (/\/FlateDecode/.test(match[1]!) ? zlib.inflateSync(bytes) : bytes).toString('latin1');
    } catch {
      continue; // not a content stream pdfkit compressed whole (fonts, images)
    }
    for (const span of content.matchAll(/\/ActualText\s*(\((?:\\[^]|[^\\)])*\))/g)) texts.push(textString(literalBytes(span[1]!)));
  }
  return texts;
}

/** Draws one page as a PNG at the given resolution, on white. */
export async function pageImage(file: string, page: number, dpi = 80): Promise<PNG> {
  const [pdfPage] = await pagesOf(file, page);
  const viewport = pdfPage!.getViewport({ scale: dpi / 72 });
  // whole pixels rounded up, as pdftoppm does: the goldens made with it keep their size
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await pdfPage!.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  return PNG.sync.read(canvas.toBuffer('image/png'));
}

export interface ImageComparison {
  differentPixels: number;
  ratio: number;
  /** written next to the PDF when the images differ, for a person to look at */
  diffFile?: string;
}

export function compareImages(actual: PNG, expected: PNG, diffFile: string): ImageComparison {
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return { differentPixels: actual.width * actual.height, ratio: 1 };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differentPixels = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  const comparison: ImageComparison = { differentPixels, ratio: differentPixels / (actual.width * actual.height) };
  if (differentPixels > 0) {
    fs.writeFileSync(diffFile, PNG.sync.write(diff));
    comparison.diffFile = diffFile;
  }
  return comparison;
}
