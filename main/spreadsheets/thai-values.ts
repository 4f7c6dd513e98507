// Pure parsers for the values Thai offices type into spreadsheets: B.E. dates in every habit, citizen IDs that
// Excel has mangled, titles written into the name cell, "หมู่ 3" / "ม.3", phones that lost their leading 0.
// Each returns ok with the value as it will be stored (and a warning when it had to interpret), or an error that
// names the field and repeats what was typed — the import preview shows these messages per row as they are.
// Hand-written: no library reads B.E. dates or Thai ID habits (dayjs's buddhistEra plugin only formats).
import type { CellValue } from './read';
import { formatCitizenId, isValidCitizenId } from '../people/citizen-id';

export interface Message {
  th: string;
  en: string;
}

export type ParseResult<T> = { ok: true; value: T; warning?: Message } | { ok: false; error: Message };

const ok = <T>(value: T, warning?: Message): ParseResult<T> => (warning ? { ok: true, value, warning } : { ok: true, value });
const fail = <T>(th: string, en: string): ParseResult<T> => ({ ok: false, error: { th, en } });

// ---------------------------------------------------------------------------------------------------------------
// Text

/** Zero-width space/non-joiner/joiner, BOM and soft hyphen: invisible, copied in from web pages and Word. */
const INVISIBLE = /[\u200B\u200C\u200D\uFEFF\u00AD]/g;
/** NBSP and the other Unicode spaces Word and web pages leave behind. */
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const THAI_DIGIT = /[\u0E50-\u0E59]/g;

/** Trim, collapse inner runs of spaces, drop zero-width characters, NBSP → space. Thai digits are kept. */
export function normaliseText(s: string): string {
  // most cells need nothing: one test instead of three replacements (an import reads hundreds of thousands)
  if (!NEEDS_NORMALISING.test(s)) return s;
  return s.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').replace(/[ \t\r\n]+/g, ' ').trim();
}
/** Whatever normaliseText would change: an invisible or odd space, a tab or line break, a double space, a space at either end. */
const NEEDS_NORMALISING = /[\u200B\u200C\u200D\uFEFF\u00AD\u00A0\u2000-\u200A\u202F\u205F\u3000\u1680\u2028\u2029\t\n\v\f\r]| {2}|^ | $/;

/** ๐–๙ → 0–9, for places where a number is expected (dates, IDs, หมู่ที่, phones). */
export function toArabicDigits(s: string): string {
  return s.replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** A cell as text the way the user sees it: normalised, '' for empty. Numbers keep all their digits. */
export function cellText(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoFromDate(cell) ?? '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return normaliseText(String(cell));
}

/** A cell as the clerk typed it, for a sheet of rows to fix and import again: a date cell as B.E. text. */
export function cellForFixing(cell: CellValue): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  if (cell instanceof Date) return formatThaiDate(cellText(cell));
  return cellText(cell);
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const BE_OFFSET = 543;

const THAI_MONTHS_FULL = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
/** ม.ค.–ธ.ค. written without their dots: 'มีค' for มี.ค. */
const THAI_MONTHS_SHORT = ['มค', 'กพ', 'มีค', 'เมย', 'พค', 'มิย', 'กค', 'สค', 'กย', 'ตค', 'พย', 'ธค'];
const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthFromWord(word: string): number | null {
  const key = word.replace(/[.\s]/g, '').toLowerCase();
  for (let i = 0; i < 12; i++) {
    if (key === THAI_MONTHS_FULL[i] || key === THAI_MONTHS_SHORT[i]) return i + 1;
    if (key.length >= 3 && key.slice(0, 3) === ENGLISH_MONTHS[i]) return i + 1;
  }
  return null;
}

export interface DateOptions {
  /** the field's name in messages; 'วันที่' / 'date' when not given */
  label?: Message;
  /** ISO date; a later date is an error (a birth date cannot be in the future) */
  notAfter?: string;
  /** ISO date that two-digit years are read around; notAfter, else today, when not given */
  referenceDate?: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** exceljs gives date cells as a JS Date at UTC midnight of the day shown: read the UTC fields, never local time. */
function isoFromDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** B.E. text as this app writes and shows it: 15/03/2566. */
export function formatThaiDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${Number(y) + BE_OFFSET}`;
}

/** Excel's largest date serial (9999-12-31). */
const MAX_EXCEL_SERIAL = 2_958_465;

/**
 * Excel serial → ISO. Excel counts 1900 as a leap year (a bug kept from Lotus 1-2-3): serial 60 is the
 * 29 February 1900 that never was, and serials from 61 on are one day ahead of a plain count from 1899-12-31.
 */
function isoFromExcelSerial(serial: number): string | null {
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_EXCEL_SERIAL || day === 60) return null;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return isoFromDate(new Date(epoch + day * 86_400_000));
}

type Era = 'be' | 'ce' | null;

/** How far past the reference year a two-digit year may reach before it is read as the century before. */
const TWO_DIGIT_YEAR_AHEAD = 10;

/**
 * The C.E. year of a typed year, or why not. Two digits are B.E. (66 → 2566), as offices write them, in the
 * hundred years ending ten years after the reference date: with 2569 as reference, 93 is 2493 and 79 is 2579.
 */
function resolveYear(yearText: string, era: Era, shown: string, label: Message, referenceIso: string): ParseResult<number> {
  const y = Number(yearText);
  if (yearText.length === 2) {
    const referenceYear = Number(referenceIso.slice(0, 4)) + (era === 'ce' ? 0 : BE_OFFSET);
    let full = Math.floor(referenceYear / 100) * 100 + y;
    if (full > referenceYear + TWO_DIGIT_YEAR_AHEAD) full -= 100;
    return ok(era === 'ce' ? full : full - BE_OFFSET);
  }
  if (era === 'ce') return ok(y);
  if (era === 'be' || y >= 2400) return ok(y - BE_OFFSET);
  if (y >= 1800) {
    return ok(y, {
      th: `${label.th} "${shown}": ปี ${y} เป็นปี ค.ศ. ตีความเป็น พ.ศ. ${y + BE_OFFSET} — กรุณาตรวจสอบ`,
      en: `${label.en} "${shown}": the year ${y} is a Christian-era year, read as B.E. ${y + BE_OFFSET} — please check`,
    });
  }
  return fail(`${label.th} "${shown}": ปี ${y} ไม่ถูกต้อง`, `${label.en} "${shown}": the year ${y} is not possible`);
}

function checkedIso(year: number, month: number, day: number, shown: string, label: Message, options: DateOptions, warning?: Message): ParseResult<string | null> {
  if (month < 1 || month > 12) {
    const swapped = day >= 1 && day <= 12 && month <= 31;
    return fail(
      `${label.th} "${shown}" ไม่มีเดือน ${month}${swapped ? ' (เขียนแบบ เดือน/วัน/ปี หรือไม่? ต้องเป็น วัน/เดือน/ปี)' : ''}`,
      `${label.en} "${shown}": there is no month ${month}${swapped ? ' (written month/day/year? it must be day/month/year)' : ''}`,
    );
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return fail(`${label.th} "${shown}" ไม่มีวันนี้`, `${label.en} "${shown}": no such day`);
  }
  const iso = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  if (options.notAfter !== undefined && iso > options.notAfter) {
    return fail(`${label.th} "${shown}" เป็นวันในอนาคต`, `${label.en} "${shown}" is in the future`);
  }
  return ok(iso, warning);
}

/** A date cell whose year is > 2400: a B.E. year typed into a C.E. date cell. Subtract 543 and say so. */
function fromCalendarIso(iso: string, shown: string, label: Message, options: DateOptions, source: 'cell' | 'serial'): ParseResult<string | null> {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (y > 2400) {
    const ce = y - BE_OFFSET;
    const warning = {
      th: `${label.th} "${shown}": ปี ${y} ใน${source === 'cell' ? 'เซลล์วันที่' : 'เลขวันที่'}ของ Excel เป็นปี พ.ศ. ที่ถูกเก็บเป็น ค.ศ. ตีความเป็น พ.ศ. ${y} (ค.ศ. ${ce}) — กรุณาตรวจสอบ`,
      en: `${label.en} "${shown}": the year ${y} in an Excel date ${source === 'cell' ? 'cell' : 'number'} is a B.E. year stored as C.E.; read as B.E. ${y} (C.E. ${ce}) — please check`,
    };
    return checkedIso(ce, m, d, shown, label, options, warning);
  }
  return checkedIso(y, m, d, shown, label, options);
}

const TIME_SUFFIX = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DMY = new RegExp(String.raw`^(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})${TIME_SUFFIX}$`);
const YMD = new RegExp(String.raw`^(\d{4})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})${TIME_SUFFIX}$`);
const D_MONTH_Y = /^(\d{1,2})\s*([^\d]+?)\s*(\d{4}|\d{2})$/;

/**
 * A date as offices type it → ISO C.E. 'YYYY-MM-DD'. B.E. years are the rule; a C.E. year (1800–2399) is read as
 * such but always with a warning, never silently. Empty → null.
 */
export function parseThaiDate(cell: CellValue, options: DateOptions = {}): ParseResult<string | null> {
  const label = options.label ?? { th: 'วันที่', en: 'date' };
  if (cell === null) return ok(null);
  if (typeof cell === 'boolean') return fail(`${label.th} "${String(cell)}" ไม่ใช่วันที่`, `${label.en} "${String(cell)}" is not a date`);
  if (cell instanceof Date) {
    const iso = isoFromDate(cell);
    if (iso === null) return fail(`${label.th} ไม่ใช่วันที่ที่ถูกต้อง`, `${label.en} is not a valid date`);
    const [y, m, d] = iso.split('-');
    return fromCalendarIso(iso, `${d}/${m}/${y}`, label, options, 'cell');
  }
  if (typeof cell === 'number') return fromSerial(cell, String(cell), label, options);

  const shown = normaliseText(cell);
  if (shown === '') return ok(null);
  let text = toArabicDigits(shown).replace(/^วันที่\s*/, '');
  let era: Era = null;
  // An era written out: "15 มี.ค. พ.ศ. 2566", "15/03/2566 พ.ศ.", "2023 ค.ศ."
  text = text.replace(/\s*(พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)\s*/g, (marker) => {
    era = marker.includes('พ') ? 'be' : 'ce';
    return ' ';
  }).trim();

  let match = DMY.exec(text);
  if (match) return fromParts(match[4]!, Number(match[3]), Number(match[1]), era, shown, label, options);
  match = YMD.exec(text);
  if (match) return fromParts(match[1]!, Number(match[3]), Number(match[4]), era, shown, label, options);
  match = D_MONTH_Y.exec(text);
  if (match) {
    const month = monthFromWord(match[2]!);
    if (month === null) return fail(`${label.th} "${shown}": ไม่รู้จักเดือน "${match[2]!.trim()}"`, `${label.en} "${shown}": unknown month "${match[2]!.trim()}"`);
    return fromParts(match[3]!, month, Number(match[1]), era, shown, label, options);
  }
  // A date serial that became text (a CSV saved from a cell formatted General).
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text), shown, label, options);
  return fail(
    `${label.th} "${shown}" อ่านไม่ได้ ต้องเป็น วัน/เดือน/ปี พ.ศ. เช่น 15/03/2566 หรือ 15 มี.ค. 2566`,
    `${label.en} "${shown}" cannot be read; use day/month/B.E. year such as 15/03/2566 or 15 มี.ค. 2566`,
  );
}

function fromParts(yearText: string, month: number, day: number, era: Era, shown: string, label: Message, options: DateOptions): ParseResult<string | null> {
  const reference = options.referenceDate ?? options.notAfter ?? new Date().toISOString().slice(0, 10);
  const year = resolveYear(yearText, era, shown, label, reference);
  if (!year.ok) return year;
  return checkedIso(year.value, month, day, shown, label, options, year.warning);
}

function fromSerial(serial: number, shown: string, label: Message, options: DateOptions): ParseResult<string | null> {
  // A bare year typed into the date column (2566 or 2023) would be a serial in 1904–1907: refuse, don't guess.
  if (serial >= 1800 && serial <= 2700 && Number.isInteger(serial)) {
    return fail(`${label.th} "${shown}" มีแต่ปี ต้องมีวันและเดือนด้วย`, `${label.en} "${shown}" is only a year; a day and month are needed`);
  }
  const iso = isoFromExcelSerial(serial);
  if (iso === null) return fail(`${label.th} "${shown}" ไม่ใช่วันที่`, `${label.en} "${shown}" is not a date`);
  return fromCalendarIso(iso, shown, label, options, 'serial');
}

// ---------------------------------------------------------------------------------------------------------------
// Citizen ID

const CITIZEN_ID_LABEL = { th: 'เลขประจำตัวประชาชน', en: 'citizen ID' };

/** A 13-digit citizen ID with its check digit verified → '1103700000003'; empty → null. */
export function parseCitizenId(cell: CellValue): ParseResult<string | null> {
  const { th, en } = CITIZEN_ID_LABEL;
  if (cell === null) return ok(null);
  if (typeof cell === 'boolean' || cell instanceof Date) return fail(`${th} "${cellText(cell)}" ไม่ใช่ตัวเลข`, `${en} "${cellText(cell)}" is not a number`);
  let shown: string;
  if (typeof cell === 'number') {
    // A 13-digit number is exact in a double (< 2^53); a fraction means it was typed or computed wrongly.
    if (!Number.isInteger(cell) || cell < 0) return fail(`${th} "${cell}" ไม่ใช่เลข 13 หลัก`, `${en} "${cell}" is not a 13-digit number`);
    shown = cell.toFixed(0);
  } else {
    shown = normaliseText(cell);
    if (shown === '') return ok(null);
  }
  const text = toArabicDigits(shown);
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(text.replace(/\s/g, ''))) {
    return fail(
      `เลขประจำตัวถูก Excel ย่อเป็น ${shown} ตัวเลขหายไป กรุณาจัดรูปแบบคอลัมน์เป็นข้อความ แล้วพิมพ์เลขใหม่`,
      `Excel shortened the citizen ID to ${shown} and digits were lost; format the column as Text and type the number again`,
    );
  }
  // A leading apostrophe is how Excel users force text; dashes, spaces and dots are how IDs are written.
  const digits = text.replace(/^'/, '').replace(/[\s\-.]/g, '');
  if (!/^\d+$/.test(digits)) return fail(`${th} "${shown}" มีตัวอักษรที่ไม่ใช่ตัวเลข`, `${en} "${shown}" contains characters that are not digits`);
  if (digits.length !== 13) {
    const hint =
      typeof cell === 'number' && digits.length === 12
        ? { th: ' (เลขประจำตัวประชาชนไม่ขึ้นต้นด้วย 0 จึงไม่ใช่เลขที่ 0 หน้าสุดหายไป)', en: ' (a Thai citizen ID never starts with 0, so this is not a lost leading zero)' }
        : { th: '', en: '' };
    return fail(`${th} "${shown}" มี ${digits.length} หลัก ต้องมี 13 หลัก${hint.th}`, `${en} "${shown}" has ${digits.length} digits; it needs 13${hint.en}`);
  }
  if (!isValidCitizenId(digits)) {
    return fail(
      `${th} ${formatCitizenId(digits)} ไม่ถูกต้อง: เลขตรวจสอบ (หลักสุดท้าย) ไม่ตรง กรุณาตรวจสอบว่าพิมพ์ครบและถูกทุกหลัก`,
      `${en} ${formatCitizenId(digits)} is wrong: the check digit (the last one) does not match; check every digit`,
    );
  }
  return ok(digits);
}

// ---------------------------------------------------------------------------------------------------------------
// Names

export interface SplitName {
  /** the standard title (น.ส. → นางสาว, ด.ช. → เด็กชาย) or a rank/monk title as written; null when none */
  title: string | null;
  firstName: string;
  lastName: string;
}

/** Abbreviations that stand for one of the five standard titles. */
const STANDARD_TITLES: Record<string, string> = {
  นาย: 'นาย', นาง: 'นาง', นางสาว: 'นางสาว', 'น.ส.': 'นางสาว', 'นส.': 'นางสาว',
  เด็กชาย: 'เด็กชาย', 'ด.ช.': 'เด็กชาย', 'ดช.': 'เด็กชาย', เด็กหญิง: 'เด็กหญิง', 'ด.ญ.': 'เด็กหญิง', 'ดญ.': 'เด็กหญิง',
};

/** Ranks, monks and honorifics, kept as written (free-text title). Longest first when matching. */
const OTHER_TITLES = [
  'ว่าที่ร้อยตรี', 'ว่าที่ร้อยโท', 'ว่าที่ร้อยเอก', 'ว่าที่ ร.ต.', 'ว่าที่ร.ต.', 'ว่าที่ ร.ท.', 'ว่าที่ ร.อ.',
  'พระภิกษุ', 'พระครู', 'พระมหา', 'พระอธิการ', 'พระ', 'สามเณร', 'แม่ชี',
  'ร.ต.ต.', 'ร.ต.ท.', 'ร.ต.อ.', 'พ.ต.ต.', 'พ.ต.ท.', 'พ.ต.อ.', 'พล.ต.ต.', 'ด.ต.', 'จ.ส.ต.', 'ส.ต.อ.', 'ส.ต.ท.', 'ส.ต.ต.',
  'จ.ส.อ.', 'จ.ส.ท.', 'ส.อ.', 'ส.ท.', 'ส.ต.', 'พลฯ', 'ร.ต.', 'ร.ท.', 'ร.อ.', 'พ.ต.', 'พ.ท.', 'พ.อ.', 'พล.ต.',
  'จ.อ.', 'จ.ท.', 'จ.ต.', 'พ.จ.อ.', 'พ.จ.ท.', 'พ.จ.ต.', 'น.ต.', 'น.ท.', 'น.อ.', 'ร.ต.หญิง', 'ร.ท.หญิง', 'ร.อ.หญิง',
  'ดร.', 'นพ.', 'พญ.', 'ทพ.', 'ทพญ.', 'ผศ.', 'รศ.', 'ศ.',
];

const ALL_TITLES = [...Object.keys(STANDARD_TITLES), ...OTHER_TITLES].sort((a, b) => b.length - a.length);

/**
 * A first name must start like a Thai syllable (a consonant, or a leading vowel เ แ โ ใ ไ and a consonant) and have
 * at least two letters; "นายิกา" is not นาย + "ิกา", "นายก" is not นาย + "ก".
 */
function plausibleName(rest: string): boolean {
  return /^([ก-ฮ]|[เแโใไ][ก-ฮ])/.test(rest) && [...rest].length >= 2;
}

/**
 * "นายสมชาย ใจดี" → นาย / สมชาย / ใจดี. A title is taken off only when it is one of a known list and what is left
 * reads as a name; otherwise the whole first word is the first name ("นาวิน" stays นาวิน). Call it only when the
 * file has no title column: with one, the name cell is kept as typed.
 */
export function splitTitle(name: string): SplitName {
  const text = normaliseText(name);
  let title: string | null = null;
  let rest = text;
  for (const candidate of ALL_TITLES) {
    if (!text.startsWith(candidate)) continue;
    const after = text.slice(candidate.length);
    const separated = after.startsWith(' ') || candidate.endsWith('.') || candidate.endsWith('ฯ');
    const remainder = after.trim();
    if (remainder === '' || !(separated ? remainder.length > 0 : plausibleName(remainder))) continue;
    title = STANDARD_TITLES[candidate] ?? candidate;
    rest = remainder;
    break;
  }
  const space = rest.indexOf(' ');
  return space < 0 ? { title, firstName: rest, lastName: '' } : { title, firstName: rest.slice(0, space), lastName: rest.slice(space + 1) };
}

// ---------------------------------------------------------------------------------------------------------------
// Village, sex, phone

/** "3", 3, "หมู่ 3", "ม.3", "ม. 3", "หมู่ที่ ๓", "หมู่ที่ 3 บ้านหนองบัว" → 3; empty → null. */
export function parseVillageNumber(cell: CellValue): ParseResult<number | null> {
  const label = { th: 'หมู่ที่', en: 'village number' };
  if (cell === null) return ok(null);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1 && cell <= 999) return ok(cell);
    return fail(`${label.th} "${cell}" ต้องเป็นเลขจำนวนเต็ม 1 ขึ้นไป`, `${label.en} "${cell}" must be a whole number from 1`);
  }
  const shown = cellText(cell);
  if (shown === '') return ok(null);
  const match = /^(?:หมู่\s*ที่|หมู่|ม\.?)?\s*(\d{1,3})(?:\s|$)/.exec(toArabicDigits(shown));
  const n = match ? Number(match[1]) : NaN;
  if (!(n >= 1)) return fail(`${label.th} "${shown}" ไม่ใช่ตัวเลขหมู่ที่ (เช่น 3 หรือ หมู่ 3)`, `${label.en} "${shown}" is not a village number (such as 3 or หมู่ 3)`);
  return ok(n);
}

/** ชาย/หญิง/ช/ญ/M/F/male/female → 'M' | 'F'; empty → null. */
export function parseSex(cell: CellValue): ParseResult<'M' | 'F' | null> {
  const shown = cellText(cell);
  if (shown === '') return ok(null);
  const key = shown.toLowerCase().replace(/[.\s]/g, '').replace(/^เพศ/, '');
  if (['ชาย', 'ช', 'ผู้ชาย', 'm', 'male', 'man'].includes(key)) return ok('M');
  if (['หญิง', 'ญ', 'ผู้หญิง', 'f', 'female', 'woman'].includes(key)) return ok('F');
  return fail(`เพศ "${shown}" อ่านไม่ได้ ต้องเป็น ชาย หรือ หญิง`, `sex "${shown}" cannot be read; use ชาย (male) or หญิง (female)`);
}

/**
 * A phone number as typed (dashes kept), Thai digits → Arabic. Thai numbers have 9 digits (landline 0x-xxx-xxxx) or
 * 10 (mobile 0xx-xxx-xxxx); several may be written with ',' or '/'. A number cell lost the leading 0: it is put
 * back, with a warning.
 */
export function parsePhone(cell: CellValue): ParseResult<string | null> {
  const label = { th: 'เบอร์โทรศัพท์', en: 'phone' };
  if (cell === null) return ok(null);
  if (typeof cell === 'number') {
    const digits = Number.isInteger(cell) && cell > 0 ? cell.toFixed(0) : '';
    if (digits.length === 8 || digits.length === 9) {
      return ok(`0${digits}`, {
        th: `${label.th} ${digits} ถูก Excel ตัดเลข 0 หน้าสุดออก เติมกลับเป็น 0${digits} — กรุณาตรวจสอบ`,
        en: `${label.en} ${digits} lost its leading 0 in Excel; restored as 0${digits} — please check`,
      });
    }
    return fail(`${label.th} "${cell}" ไม่ใช่เบอร์โทรศัพท์ (9 หรือ 10 หลัก)`, `${label.en} "${cell}" is not a phone number (9 or 10 digits)`);
  }
  const shown = cellText(cell);
  if (shown === '') return ok(null);
  const text = toArabicDigits(shown);
  for (const part of text.split(/\s*[,/]\s*/)) {
    const digits = part.replace(/^\+66/, '0').replace(/[\s\-().]/g, '').replace(/(ต่อ|ext\.?|#)\d+$/i, '');
    if (!/^\d{9,10}$/.test(digits)) {
      return fail(`${label.th} "${shown}" ไม่ใช่เบอร์โทรศัพท์ (9 หรือ 10 หลัก)`, `${label.en} "${shown}" is not a phone number (9 or 10 digits)`);
    }
  }
  return ok(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Month headings

/**
 * A column heading that names a month, as a fund's table of monthly contributions writes it → 'YYYY-MM' (C.E.):
 * "ต.ค. 66", "ม.ค.2567", "มกราคม 2567", "1/2567", "10/66", "Jan 2024". Two-digit years are B.E. (66 → 2566);
 * four-digit years from 2400 on are B.E., below it C.E. Anything else → null (not a month column).
 */
export function parseMonthHeading(heading: string): string | null {
  const text = toArabicDigits(normaliseText(heading)).replace(/\s*(พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)\s*/g, ' ').trim();
  let month: number | null;
  let yearText: string | undefined;
  const numeric = /^(\d{1,2})\s*[/\-.]\s*(\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    month = Number(numeric[1]);
    yearText = numeric[2];
  } else {
    const worded = /^([^\d]+?)\s*(\d{2}|\d{4})$/.exec(text);
    if (!worded) return null;
    month = monthFromWord(worded[1]!);
    yearText = worded[2];
  }
  if (month === null || month < 1 || month > 12 || yearText === undefined) return null;
  let year = Number(yearText);
  if (yearText.length === 2) year = 2500 + year - BE_OFFSET;
  else if (year >= 2400) year -= BE_OFFSET;
  if (year < 1900 || year > 2200) return null;
  return `${year}-${pad2(month)}`;
}
