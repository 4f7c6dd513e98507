// Helpers for the document tests: text and word boxes from poppler, page images compared with goldens.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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
 * Text as pdftotext extracts it, made comparable: in NFKC (the engine prints ำ as its two parts ํ + า so that
 * copied text keeps every า — see prepare.ts — and NFKC writes ำ that way on both sides), without white space
 * (pdftotext adds spaces where it sees gaps) and without the U+200B break marks.
 */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200B]/g, '');
}

/** Text in drawing order (-raw): pdfmake draws a table row by row, cell by cell, so cells stay whole. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' }).normalize('NFKC');
}

function attribute(tag: string, name: string): number {
  const match = new RegExp(`${name}="([-0-9.]+)"`).exec(tag);
  return match ? Number(match[1]) : NaN;
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Every word with its box, page by page (points, origin top left). pdftotext cuts Thai "words" at the break
 * marks and sometimes beside a mark glyph (ตำ|บล, ผู|้), so tests match word beginnings, not whole words.
 */
export function pdfWords(file: string): PageWords[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PageWords[] = [];
  for (const pageMatch of html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const words: WordBox[] = [];
    for (const wordMatch of pageMatch[2]!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)) {
      const tag = wordMatch[1]!;
      const text = decodeEntities(wordMatch[2]!).replace(/\u200B/g, '').normalize('NFKC');
      if (!text.trim()) continue;
      words.push({ text, xMin: attribute(tag, 'xMin'), yMin: attribute(tag, 'yMin'), xMax: attribute(tag, 'xMax'), yMax: attribute(tag, 'yMax') });
    }
    pages.push({ width: attribute(pageMatch[1]!, 'width'), height: attribute(pageMatch[1]!, 'height'), words });
  }
  return pages;
}

/** Renders one page to PNG at the given resolution. */
export function pageImage(file: string, page: number, dpi = 80): PNG {
  const prefix = path.join(path.dirname(file), `${path.basename(file, '.pdf')}-p${page}`);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return PNG.sync.read(fs.readFileSync(`${prefix}.png`));
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
