// Checks any form's tests can use on a rendered PDF: every value that went in came out (nothing dropped or cut
// short), a number sits on one line, and no line starts with a character Thai never starts a line with.
import { expect } from 'vitest';
import { toThaiDigits } from '../../main/documents/format';
import { comparable, pdfPageCount, pdfText, pdfWords, type PageWords, type WordBox } from './pdf-tools';

/**
 * Whether `value` is in `text` as at most `pieces` runs, in order: a cell that breaks across a page comes out in
 * two (or more) runs, with the other cells of its row between them. Greedy: the longest run at each step.
 */
export function foundInPieces(text: string, value: string, pieces: number): boolean {
  let from = 0;
  let rest = value;
  for (let piece = 0; piece < pieces && rest.length > 0; piece++) {
    let length = rest.length;
    let at = -1;
    // the longest prefix of what is left that occurs after the previous run
    let low = 1;
    let high = rest.length;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = text.indexOf(rest.slice(0, middle), from);
      if (found >= 0) {
        at = found;
        length = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (at < 0) return false;
    from = at + length;
    rest = rest.slice(length);
  }
  return rest.length === 0;
}

/**
 * Asserts that each value is printed in the PDF (compared as comparable() says: NFKC, no white space, no break
 * marks), whole or — text broken across pages — in runs in order, at most one more than the document's pages.
 */
export async function expectEveryValue(file: string, values: readonly string[], options: { thaiDigits: boolean; label?: string }): Promise<void> {
  const text = comparable(await pdfText(file));
  const pieces = (await pdfPageCount(file)) + 1;
  for (const value of values) {
    if (!value.trim()) continue;
    const printed = comparable(options.thaiDigits ? toThaiDigits(value) : value);
    const whole = text.includes(printed);
    expect(whole || foundInPieces(text, printed, pieces), `${options.label ?? file}: "${value.slice(0, 80)}${value.length > 80 ? '…' : ''}" is not in the PDF`).toBe(true);
  }
}

/** Words of a page grouped into lines (same baseline within a point), each line left to right. */
export function pageLines(page: PageWords): WordBox[][] {
  const lines: WordBox[][] = [];
  for (const word of [...page.words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
    const line = lines.find((candidate) => Math.abs(candidate[0]!.yMax - word.yMax) < 1);
    if (line) line.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => line.sort((a, b) => a.xMin - b.xMin));
}

/**
 * Words that begin a line of text (nothing on their baseline within `gap` points before them): the start of a
 * cell's line, a paragraph's, a column's.
 */
export function lineStartWords(pages: readonly PageWords[], gap = 5): { page: number; word: WordBox }[] {
  const starts: { page: number; word: WordBox }[] = [];
  pages.forEach((page, index) => {
    for (const line of pageLines(page)) {
      line.forEach((word, position) => {
        const before = line.slice(0, position).some((other) => other.xMax <= word.xMin + 0.5 && other.xMax >= word.xMin - gap);
        if (!before) starts.push({ page: index + 1, word });
      });
    }
  });
  return starts;
}

/** ๆ, ฯ, a closing bracket or punctuation, a vowel or tone mark written after or above its letter. */
export const NO_LINE_START = /^[\u0E46\u0E2F)\]}.,:;!?%\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/;

export async function expectNoForbiddenLineStart(file: string): Promise<void> {
  const offending = lineStartWords(await pdfWords(file)).filter(({ word }) => NO_LINE_START.test(word.text));
  expect(
    offending.map(({ page, word }) => `page ${page}: "${word.text}" at ${word.xMin.toFixed(1)}, ${word.yMin.toFixed(1)}`),
    'lines that start with ๆ, ฯ, a closing bracket or a lone mark',
  ).toEqual([]);
}

/** Asserts that each number is printed as one word on one line (not cut over two lines of a narrow cell). */
export async function expectOnOneLine(file: string, numbers: readonly string[], options: { thaiDigits: boolean }): Promise<void> {
  const words = (await pdfWords(file)).flatMap((page) => page.words.map((word) => comparable(word.text)));
  for (const number of numbers) {
    const printed = comparable(options.thaiDigits ? toThaiDigits(number) : number);
    expect(words, `${number} is not printed whole on one line`).toContain(printed);
  }
}
