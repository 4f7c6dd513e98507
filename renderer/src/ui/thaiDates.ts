// Dates as the office types and reads them: B.E. (พ.ศ. = ค.ศ. + 543) on screen, ISO C.E. YYYY-MM-DD inside.
import dayjs, { type Dayjs } from 'dayjs';
import i18next from 'i18next';

const BE_OFFSET = 543;

const thaiMonths = [
  ['ม.ค.', 'มกราคม'],
  ['ก.พ.', 'กุมภาพันธ์'],
  ['มี.ค.', 'มีนาคม'],
  ['เม.ย.', 'เมษายน'],
  ['พ.ค.', 'พฤษภาคม'],
  ['มิ.ย.', 'มิถุนายน'],
  ['ก.ค.', 'กรกฎาคม'],
  ['ส.ค.', 'สิงหาคม'],
  ['ก.ย.', 'กันยายน'],
  ['ต.ค.', 'ตุลาคม'],
  ['พ.ย.', 'พฤศจิกายน'],
  ['ธ.ค.', 'ธันวาคม'],
] as const;

function monthFromWord(word: string): number | null {
  const bare = word.replace(/\./g, '');
  const index = thaiMonths.findIndex(([short, long]) => short.replace(/\./g, '') === bare || long === word);
  return index < 0 ? null : index + 1;
}

/** A typed year: 4 digits from 2400 are B.E., other 4 digits C.E.; 2 digits are the B.E. year 25xx ("66"). */
function ceYear(typed: string, shortYears: boolean): number | null {
  const year = Number(typed);
  if (typed.length === 2) return shortYears ? 2500 + year - BE_OFFSET : null;
  if (typed.length !== 4) return null;
  return year >= 2400 ? year - BE_OFFSET : year;
}

/**
 * What a clerk types for a date, as an ISO C.E. date, or null when it is not (yet) a real date:
 * 15/3/2566, 15/03/66, 15-3-2566, 15.3.2566, 15 มี.ค. 2566, 15 มีนาคม 66, 2566-03-15, with Thai digits too.
 * `shortYears: false` refuses two-digit years: while the user is still typing "15/3/25…", "25" is not a year yet.
 */
export function parseTypedDate(text: string, { shortYears = true } = {}): string | null {
  const typed = text.trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  let day: number, month: number | null, year: number | null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (match) {
    [year, month, day] = [ceYear(match[1]!, false), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(typed))) {
    [day, month, year] = [Number(match[1]), Number(match[2]), ceYear(match[3]!, shortYears)];
  } else if ((match = /^(\d{1,2})\s*([ก-๛.]+)\s*(?:พ\.ศ\.\s*)?(\d{2}|\d{4})$/.exec(typed))) {
    [day, month, year] = [Number(match[1]), monthFromWord(match[2]!), ceYear(match[3]!, shortYears)];
  } else return null;
  if (year === null || month === null) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = dayjs(iso);
  return date.isValid() && date.format('YYYY-MM-DD') === iso ? iso : null;
}

/** An ISO date for the screen in B.E., short (15/03/2566) or long (15 มีนาคม 2566). */
export function showDate(iso: string | null | undefined, style: 'short' | 'long' = 'long'): string {
  if (!iso) return i18next.t('common.notGiven');
  const date = dayjs(iso.slice(0, 10));
  return date.isValid() ? date.format(i18next.t(style === 'short' ? 'dates.short' : 'dates.long')) : iso;
}

/** A moment (ISO timestamp) for the screen in B.E. with the time: 15 มี.ค. 2566 14:05. */
export function showDateTime(isoTimestamp: string): string {
  return dayjs(isoTimestamp).format(i18next.t('dates.dateTime'));
}

export const todayIso = () => dayjs().format('YYYY-MM-DD');

/** Whole years from an ISO birth date to today: the age printed on Thai forms. */
export function ageToday(birthDate: string | null | undefined): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = todayIso().split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const isoOf = (date: Dayjs) => date.format('YYYY-MM-DD');
