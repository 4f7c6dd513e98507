// Calendar arithmetic for the fund: days and whole years of membership, months as integers, and the accounting
// year. Pure and deterministic; dates are ISO C.E. 'YYYY-MM-DD' (DESIGN.md rule 2), shown in B.E. in messages.
import { buddhistYear, formatThaiDateShort, parseIsoDate } from '../documents/format';
import { WelfareRuleError } from './rule-error';

const DAY_MS = 86_400_000;

export type DateParts = ReturnType<typeof parseIsoDate>;

/** What a date field is called on screen, for messages that name it. */
export interface FieldLabel {
  th: string;
  en: string;
}

/**
 * Dates already read: a fund's history repeats the same few thousand collection days, and building a Date for
 * each of millions of allocations was most of owed()'s time. Pure input → output, so caching is safe; bounded.
 */
const readDates = new Map<string, DateParts>();

/** Reads an ISO date or refuses it naming the field: the format and impossible days (2026-02-30) alike. */
export function readIsoDate(value: string, field: string, label: FieldLabel): DateParts {
  const known = readDates.get(value);
  if (known !== undefined) return known;
  try {
    if (typeof value !== 'string') throw new RangeError('not a string');
    const parts = parseIsoDate(value);
    if (readDates.size >= 100_000) readDates.clear();
    readDates.set(value, parts);
    return parts;
  } catch {
    throw new WelfareRuleError({
      th: `${label.th} "${String(value)}" ไม่ใช่วันที่ที่มีจริง (ต้องเป็น ค.ศ. รูปแบบ ปปปป-ดด-วว เช่น 2026-03-31)`,
      en: `${label.en} "${String(value)}" is not a real date (expected C.E. YYYY-MM-DD, e.g. 2026-03-31)`,
      field,
    });
  }
}

/** Days since 1970-01-01 of a valid date: differences of these are calendar days, leap years included. */
export function dayNumberOf(parts: DateParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day) / DAY_MS;
}

export function isoOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month as one integer (year × 12 + month − 1), so month arithmetic is plain addition across year ends. */
export function monthIndexOf(parts: { year: number; month: number }): number {
  return parts.year * 12 + parts.month - 1;
}

/** 24315 → '2026-04' */
export function monthIdOf(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

/** The ISO date of `day` in a month; a day past the month's end falls on its last day (31 → 30 Apr, 28/29 Feb). */
export function isoInMonth(monthIndex: number, day: number | 'last'): string {
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const last = daysInMonth(year, month);
  const chosen = day === 'last' ? last : Math.min(day, last);
  return `${monthIdOf(monthIndex)}-${chosen < 10 ? '0' : ''}${chosen}`;
}

const START_LABEL: FieldLabel = { th: 'วันเริ่มเป็นสมาชิก', en: 'Membership start date' };
const ON_LABEL: FieldLabel = { th: 'วันที่นับ', en: 'Date counted to' };

function readSpan(start: string, onDate: string): { start: DateParts; on: DateParts } {
  const from = readIsoDate(start, 'start', START_LABEL);
  const on = readIsoDate(onDate, 'onDate', ON_LABEL);
  if (dayNumberOf(on) < dayNumberOf(from)) {
    throw new WelfareRuleError({
      th: `${ON_LABEL.th} ${formatThaiDateShort(onDate)} อยู่ก่อน${START_LABEL.th} ${formatThaiDateShort(start)}`,
      en: `${ON_LABEL.en} ${onDate} is before the ${START_LABEL.en.toLowerCase()} ${start}`,
      field: 'onDate',
      details: { start, onDate },
    });
  }
  return { start: from, on };
}

/**
 * Days of membership on `onDate`. The start day itself is not counted — as the Civil and Commercial Code counts
 * periods in days (ป.พ.พ. มาตรา 193/3: the first day is left out) — so a member who joined on 1 March 2026 has
 * 0 days that day, 1 day on 2 March, and "ครบ 180 วัน" on 28 August 2026 (1 March + 180 days).
 * An `onDate` before the start is refused (an event before membership is a claim refusal, said by the caller).
 */
export function membershipDays(start: string, onDate: string): number {
  const span = readSpan(start, onDate);
  return dayNumberOf(span.on) - dayNumberOf(span.start);
}

/**
 * Whole years of membership on `onDate`: the year is complete on its anniversary (ป.พ.พ. มาตรา 193/5 — a year
 * counted from the day after the start ends on the anniversary day). A member who joined on 29 February completes
 * a year on 28 February when the year has no 29th (the period ends on the month's last day, มาตรา 193/5 วรรคสอง).
 * So membershipDays and membershipYears agree: 365 or 366 days is exactly 1 year.
 */
export function membershipYears(start: string, onDate: string): number {
  const span = readSpan(start, onDate);
  let years = span.on.year - span.start.year;
  const anniversaryDay = Math.min(span.start.day, daysInMonth(span.on.year, span.start.month));
  if (span.on.month < span.start.month || (span.on.month === span.start.month && span.on.day < anniversaryDay)) years -= 1;
  return years;
}

export type AccountingYearKind = 'fiscal' | 'calendar';

export interface AccountingYear {
  kind: AccountingYearKind;
  /** the B.E. year that names it: the fiscal year is named by the B.E. year in which it ends (DOMAIN.md §4.2) */
  buddhistYear: number;
  /** "ปีงบประมาณ 2570" or "ปี 2570" */
  label: string;
  /** first and last day, ISO C.E. */
  start: string;
  end: string;
}

/** The accounting year a date falls in: fiscal (1 Oct – 30 Sep) or calendar (1 Jan – 31 Dec). */
export function fiscalYearOf(date: string, accountingYear: AccountingYearKind): AccountingYear {
  const { year, month } = readIsoDate(date, 'date', { th: 'วันที่', en: 'Date' });
  if (accountingYear === 'calendar') {
    const be = buddhistYear(year);
    return { kind: 'calendar', buddhistYear: be, label: `ปี ${be}`, start: `${year}-01-01`, end: `${year}-12-31` };
  }
  const endYear = month >= 10 ? year + 1 : year;
  const be = buddhistYear(endYear);
  return { kind: 'fiscal', buddhistYear: be, label: `ปีงบประมาณ ${be}`, start: `${endYear - 1}-10-01`, end: `${endYear}-09-30` };
}
