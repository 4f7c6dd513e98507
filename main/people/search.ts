// Search as you type over the register. Measured on the large sample (20,000 people, tests/bench/people.ts):
// a LIKE scan of one short normalised column takes ~2 ms at worst, an FTS5 trigram index ~0.05 ms but it cannot
// answer one- or two-letter queries ("ก", "08") and would need triggers on every write and import. Both are far
// under the 20 ms target, so the register keeps the one plain column and the bench keeps the comparison honest.
import { toArabicDigits } from '../spreadsheets/thai-values';

/** What search matches a person by: names, citizen ID digits and phone digits, lower case, Arabic digits. */
export function personSearchText(person: { firstName: string; lastName: string; citizenId: string | null; phone: string }): string {
  const phoneDigits = toArabicDigits(person.phone).replace(/\D/g, '');
  return [`${person.firstName} ${person.lastName}`, person.citizenId ?? '', phoneDigits].join('|').toLowerCase();
}

export interface ParsedQuery {
  /** every term must match (as a substring) */
  terms: string[];
  /** "หมู่ 3", "ม.3", "หมู่ที่ ๓" */
  villageNumber: number | null;
}

const VILLAGE_PATTERN = /(?:หมู่\s*(?:ที่)?|ม\.)\s*([0-9๐-๙]{1,3})/;

/** Splits what the user typed into name/number terms and a village number. */
export function parseSearchQuery(raw: string): ParsedQuery {
  let text = raw.normalize('NFC').replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '').toLowerCase();
  let villageNumber: number | null = null;
  const village = VILLAGE_PATTERN.exec(text);
  if (village) {
    villageNumber = Number(toArabicDigits(village[1]!));
    text = text.replace(village[0], ' ');
  }
  const words = text.split(/\s+/).filter(Boolean);
  // An ID or phone typed with dashes or spaces ("1-1017-00203-45-1", "081 234 5678") is one number.
  const numeric = words.length > 0 && words.every((word) => /^[0-9๐-๙-]+$/.test(word));
  const terms = numeric ? [toArabicDigits(words.join('')).replace(/-/g, '')] : words.map((word) => (/^[0-9๐-๙-]+$/.test(word) ? toArabicDigits(word).replace(/-/g, '') : word));
  return { terms: terms.filter(Boolean), villageNumber };
}

/** LIKE pattern for a term, with LIKE's own wildcards taken literally. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
