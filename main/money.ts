// Money is integer satang everywhere it is stored, summed or compared (DESIGN.md rule 1). This is the one way an
// amount typed by a person or read from a spreadsheet becomes satang; formatting for screens and paper is in
// main/documents/format.ts (formatSatang, formatBaht, bahtTextFromSatang).
import { toArabicDigits } from './spreadsheets/thai-values';

export type Satang = number;

export type AmountResult = { ok: true; satang: Satang } | { ok: false; th: string; en: string };

/** 999,999,999.99 baht: far above any fund's total, and safe as an integer (< 2^53 satang). */
export const MAX_AMOUNT_SATANG = 99_999_999_999;

/**
 * "30", "30.00", "1,095", "1,095.5", "๓๐", "฿30", "30 บาท", or a number cell → satang. Refused, with the reason:
 * empty, not a number, negative (unless allowed), more than two decimals (a fraction of a satang), too large.
 * The decimal text is split, never multiplied as a float: 0.1 + 0.2 never stands for money.
 */
export function parseAmount(value: string | number, options: { label?: { th: string; en: string }; allowNegative?: boolean; allowZero?: boolean } = {}): AmountResult {
  const label = options.label ?? { th: 'จำนวนเงิน', en: 'Amount' };
  const shown = typeof value === 'number' ? String(value) : value;
  const text = toArabicDigits(String(shown)).trim().replace(/^฿\s*|\s*บาท$/g, '').replace(/,/g, '').replace(/\s+/g, '');
  const fail = (th: string, en: string): AmountResult => ({ ok: false, th: `${label.th} "${shown}" ${th}`, en: `${label.en} "${shown}" ${en}` });
  if (text === '') return { ok: false, th: `กรุณากรอก${label.th}`, en: `Enter the ${label.en.toLowerCase()}` };
  if (typeof value === 'number' && !Number.isFinite(value)) return fail('ไม่ใช่ตัวเลข', 'is not a number');
  if (typeof value === 'number' && Math.abs(value) * 100 > MAX_AMOUNT_SATANG) return fail('มากเกินไป', 'is too large');
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(typeof value === 'number' ? numberText(value) : text);
  if (!match) return fail('ไม่ใช่ตัวเลข กรุณากรอกเฉพาะตัวเลข เช่น 30 หรือ 1,095.50', 'is not a number; type digits only, e.g. 30 or 1,095.50');
  const [, sign, whole, fraction = ''] = match as unknown as [string, string, string, string | undefined];
  if (fraction.replace(/0+$/, '').length > 2) return fail('มีทศนิยมเกิน 2 ตำแหน่ง (เศษของสตางค์)', 'has more than two decimals (a fraction of a satang)');
  const satang = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  if (!Number.isSafeInteger(satang) || satang > MAX_AMOUNT_SATANG) return fail('มากเกินไป', 'is too large');
  if (sign === '-' && satang !== 0 && !options.allowNegative) return fail('ติดลบไม่ได้', 'cannot be negative');
  if (satang === 0 && options.allowZero === false) return fail('ต้องมากกว่าศูนย์', 'must be more than zero');
  return { ok: true, satang: sign === '-' ? -satang : satang };
}

/** A number cell as its plain decimal text (a tiny 1e-7 comes out as digits, not an exponent). */
function numberText(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}
