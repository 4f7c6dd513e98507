// Thai dictionary order as a plain string key, so that SQLite can sort and page the register with an index.
// SQLite has no Thai collation and better-sqlite3 cannot register one, and sorting 20,000 names with
// Intl.Collator on every screen costs ~100 ms; a key stored with the row costs nothing to read.
// The key reproduces Intl.Collator('th') for names (checked against it on the whole large sample in
// tests/unit/people-rules.test.ts):
// - a leading vowel (เ แ โ ใ ไ) is ordered after the consonant it is written before ("เกษม" sorts under ก);
// - tone marks and other marks that do not change the letters (่ ้ ๊ ๋ ็ ์ ํ) only break ties, after all letters;
// - first name, then family name.

const LEADING_VOWEL = /[\u0E40-\u0E44]/;
const CONSONANT = /[\u0E01-\u0E2E]/;
/** Marks compared only when the letters are equal: tone marks, maitaikhu, thanthakhat, nikhahit, yamakkan. */
const TIE_BREAK_MARK = /[\u0E47-\u0E4E]/;

/** Letters in dictionary order plus the marks, kept apart. */
function splitForOrder(text: string): { letters: string; marks: string } {
  const chars = [...text.normalize('NFC').toLowerCase()];
  let letters = '';
  let marks = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const next = chars[i + 1];
    if (LEADING_VOWEL.test(char) && next !== undefined && CONSONANT.test(next)) {
      letters += next + char;
      i++;
    } else if (TIE_BREAK_MARK.test(char)) {
      // The mark's place among the letters matters only when two names have the same letters.
      marks += String.fromCharCode(0x41 + Math.min(letters.length, 60)) + char;
    } else {
      letters += char;
    }
  }
  return { letters, marks };
}

/** U+0001 sorts before every letter, so a shorter name comes before a longer one that starts with it. */
const FIELD_END = '\u0001';

export function thaiSortKey(firstName: string, lastName: string): string {
  const first = splitForOrder(firstName.trim());
  const last = splitForOrder(lastName.trim());
  return first.letters + FIELD_END + last.letters + FIELD_END + first.marks + FIELD_END + last.marks;
}

/** The comparison Intl offers, for lists sorted in memory (small lists, tests). */
export const thaiCollator = new Intl.Collator('th');
