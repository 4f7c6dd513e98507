// Where a line of Thai may wrap. Thai is written without spaces between words and pdfmake's line breaker
// (UAX #14 without a dictionary) finds no break inside a Thai run, so it cuts words mid-syllable. The word
// boundaries come from the ICU dictionary behind Intl.Segmenter; this file only decides which of them are
// allowed breaks. Pure: no pdfmake here.

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Thai letters, vowels and marks that can end or begin a word. Left out on purpose: ฯ (U+0E2F) and ๆ (U+0E46),
 * which must stay with the word before them, ๏ (U+0E4F) and the Thai digits ๐–๙ (a number is never split).
 */
const THAI_WORD_CHAR = /[\u0E01-\u0E2E\u0E30-\u0E45\u0E47-\u0E4E]/;
/** Characters a line may not start with, even after a Thai word (repetition and abbreviation marks). */
const NO_BREAK_BEFORE = /^[\u0E2F\u0E46\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/;

/** Memo of recent strings: forms repeat the same labels and cell values many times per batch. */
const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 5000;

/**
 * Splits text into pieces between which a line may wrap. A break is allowed only where a Thai word meets
 * another Thai word directly; spaces, punctuation, brackets and digits keep pdfmake's own rules (it already
 * breaks after spaces and never after "(" or inside "1,234.50").
 * Returns a single piece when there is nothing to add.
 */
export function thaiBreakPieces(text: string): readonly string[] {
  if (!/[\u0E01-\u0E4E]/.test(text)) return [text];
  const known = cache.get(text);
  if (known) return known;

  const pieces: string[] = [];
  let current = '';
  for (const { segment } of segmenter.segment(text)) {
    if (current && endsThaiWord(current) && startsThaiWord(segment)) {
      pieces.push(current);
      current = segment;
    } else {
      current += segment;
    }
  }
  if (current || pieces.length === 0) pieces.push(current);

  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, pieces);
  return pieces;
}

function endsThaiWord(text: string): boolean {
  return THAI_WORD_CHAR.test(text.charAt(text.length - 1));
}

function startsThaiWord(text: string): boolean {
  return THAI_WORD_CHAR.test(text.charAt(0)) && !NO_BREAK_BEFORE.test(text);
}
