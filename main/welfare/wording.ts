// How welfare messages write money and dates, in both languages: "1,000 บาท" / "1,000 baht" (whole baht without
// .00, satang when there are any: formatBaht), "10 มีนาคม 2569" / "10 March 2026".
import { formatBaht, formatThaiDateLong, parseIsoDate } from '../documents/format';

export interface Bilingual {
  th: string;
  en: string;
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function bahtTh(satang: number): string {
  return `${formatBaht(satang)} บาท`;
}

export function bahtEn(satang: number): string {
  return `${formatBaht(satang)} baht`;
}

export function dateTh(iso: string): string {
  return formatThaiDateLong(iso);
}

export function dateEn(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${day} ${ENGLISH_MONTHS[month - 1]!} ${year}`;
}

/** 1855 → "1,855": counts of days read as amounts do. */
export function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 day" / "1,855 days": the English twin needs the plural the Thai does not. */
export function countEn(count: number, singular: string, plural = `${singular}s`): string {
  return `${grouped(count)} ${count === 1 ? singular : plural}`;
}
