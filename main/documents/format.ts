// Pure formatting for printed Thai documents: digits, Buddhist-era dates, money, citizen IDs.
// No pdfmake here, so the UI and the tests can use the same rules.
import { bahttext } from 'bahttext';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

const ARABIC_DIGIT = /[0-9]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;
const THAI_LETTER = /[\u0E01-\u0E4E]/;
/**
 * A number: digits with the separators that can stand between them (1,234.50 · 081-234-5678 · 15/03/2566 ·
 * 09:30), x or X among them included (x2, 4x4, and the masked ID x-xxxx-xxxx0-12-3), or a masked ID alone.
 */
const NUMBER = /[xX]*[0-9][0-9xX]*(?:[.,:/-][0-9xX]+)*|[xX]+(?:-[xX0-9]+)+/g;
/** The printed mask of a number (maskCitizenId): x stands for a hidden digit, not for a Latin letter. */
const MASKED_NUMBER = /^[xX0-9]+(?:-[xX0-9]+)+$/;

function thaiDigitsOf(number: string): string {
  return number.replace(ARABIC_DIGIT, (digit) => THAI_DIGITS[digit.charCodeAt(0) - 48]!);
}

/** The nearest Thai or Latin letter from `offset` on in `step` direction (past spaces, punctuation, digits), or ''. */
function nearestLetter(text: string, offset: number, step: 1 | -1): string {
  for (let at = offset; at >= 0 && at < text.length; at += step) {
    const char = text.charAt(at);
    if (LATIN_LETTER.test(char) || THAI_LETTER.test(char)) return char;
  }
  return '';
}

/**
 * Thai digits only in Thai text (DOMAIN.md §4.8: digits inside Latin text stay Arabic). A number — digits with
 * the , . : / - between them — keeps its Arabic digits when
 *   1. it is part of a Latin word: a Latin letter touches it ("A4", "4G", "abc123", "COVID-19" — the hyphen
 *      after a letter is not part of a number), or an x sits inside it ("x2", "4x4"); or
 *   2. the nearest letter before it, looking past spaces, punctuation and other numbers, is Latin ("Fiscal Year
 *      2023", "ISO 9001", "Smart Farmer 4.0", "Tel. 081-234-5678"), or there is no letter before it at all and
 *      the nearest letter after it is Latin ("2023 Annual Report").
 * Every other Arabic digit becomes its Thai digit (๐–๙): a number alone ("20,046.79"), or with Thai before it
 * ("หมู่ที่ 3", "โทร. 081-234-5678", "COVID-19 จำนวน 20 ราย" → the 20 only). A masked ID (x-xxxx-xxxx0-12-3) is
 * a number: its x's are hidden digits, not Latin. Everything else is left alone.
 */
export function toThaiDigits(text: string): string {
  if (!LATIN_LETTER.test(text)) return thaiDigitsOf(text);
  return text.replace(NUMBER, (number: string, start: number) => {
    const end = start + number.length;
    if (/[xX]/.test(number) && !MASKED_NUMBER.test(number)) return number;
    if (LATIN_LETTER.test(text.charAt(start - 1)) || LATIN_LETTER.test(text.charAt(end))) return number;
    const letter = nearestLetter(text, start - 1, -1) || nearestLetter(text, end, 1);
    return LATIN_LETTER.test(letter) ? number : thaiDigitsOf(number);
  });
}

/** Applies the office's digit setting to a string that is about to be printed. */
export function digitsFor(text: string, thaiDigits: boolean): string {
  return thaiDigits ? toThaiDigits(text) : text;
}

export const THAI_MONTHS_LONG = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

export const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Reads a stored ISO date (Christian era, 'YYYY-MM-DD'); rejects impossible dates such as 2025-02-30. */
export function parseIsoDate(iso: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`วันที่ไม่อยู่ในรูปแบบ YYYY-MM-DD: "${iso}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.UTC rolls 30 Feb over into March: comparing back catches impossible dates.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`ไม่มีวันที่นี้ในปฏิทิน: "${iso}"`);
  }
  return { year, month, day };
}

/** พ.ศ. = ค.ศ. + 543 */
export function buddhistYear(christianYear: number): number {
  return christianYear + 543;
}

/** "27 พฤศจิกายน 2569" (or with Thai digits "๒๗ พฤศจิกายน ๒๕๖๙"); `era` adds "พ.ศ." before the year. */
export function formatThaiDateLong(iso: string, options: { thaiDigits?: boolean; era?: boolean } = {}): string {
  const { year, month, day } = parseIsoDate(iso);
  const text = `${day} ${THAI_MONTHS_LONG[month - 1]!} ${options.era ? 'พ.ศ. ' : ''}${buddhistYear(year)}`;
  return digitsFor(text, options.thaiDigits ?? false);
}

/** "27 พ.ย. 69": abbreviated month, two-digit B.E. year. */
export function formatThaiDateShort(iso: string, options: { thaiDigits?: boolean } = {}): string {
  const { year, month, day } = parseIsoDate(iso);
  const shortYear = String(buddhistYear(year) % 100).padStart(2, '0');
  return digitsFor(`${day} ${THAI_MONTHS_SHORT[month - 1]!} ${shortYear}`, options.thaiDigits ?? false);
}

function assertSatang(satang: number): void {
  if (!Number.isSafeInteger(satang)) throw new RangeError(`จำนวนเงินต้องเป็นจำนวนเต็มสตางค์: ${satang}`);
}

/** Splits integer satang into whole baht and the two-digit satang part, with integer arithmetic only. */
function splitSatang(satang: number): { negative: boolean; baht: number; cents: number } {
  assertSatang(satang);
  const absolute = Math.abs(satang);
  return { negative: satang < 0, baht: Math.trunc(absolute / 100), cents: absolute % 100 };
}

function groupThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 123450 satang → "1,234.50" (minus sign in front for negatives). */
/** "12.35": a share kept in basis points (hundredths of a percent), as a percentage with two decimals. */
export function formatBasisPoints(basisPoints: number): string {
  return `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}`;
}

export function formatSatang(satang: number, options: { thaiDigits?: boolean } = {}): string {
  const { negative, baht, cents } = splitSatang(satang);
  const text = `${negative ? '-' : ''}${groupThousands(baht)}.${String(cents).padStart(2, '0')}`;
  return digitsFor(text, options.thaiDigits ?? false);
}

/** Budgets in whole baht, as plan forms print them: 132500000 satang → "1,325,000"; satang shown only if any. */
export function formatBaht(satang: number, options: { thaiDigits?: boolean } = {}): string {
  const { negative, baht, cents } = splitSatang(satang);
  if (cents !== 0) return formatSatang(satang, options);
  return digitsFor(`${negative ? '-' : ''}${groupThousands(baht)}`, options.thaiDigits ?? false);
}

/**
 * 123450 satang → "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์" through the bahttext package.
 * bahttext takes a number or a numeric string; we hand it the exact decimal string built from the integer
 * parts, so no float (e.g. 0.1 + 0.2) ever stands for money.
 */
export function bahtTextFromSatang(satang: number): string {
  const { negative, baht, cents } = splitSatang(satang);
  const words = bahttext(`${baht}.${String(cents).padStart(2, '0')}`);
  return negative ? `ลบ${words}` : words;
}

/** The amount in words as receipts print it: "(หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์)". */
export function bahtTextInBrackets(satang: number): string {
  return `(${bahtTextFromSatang(satang)})`;
}
