import { describe, expect, it } from 'vitest';
import {
  bahtTextFromSatang,
  bahtTextInBrackets,
  formatBaht,
  formatSatang,
  formatThaiDateLong,
  formatThaiDateShort,
  toThaiDigits,
} from '../../main/documents/format';
import { formatCitizenId, maskCitizenId } from '../../main/people/citizen-id';

describe('Thai digits', () => {
  it('turns every Arabic digit of Thai text into a Thai digit and leaves the rest', () => {
    expect(toThaiDigits('หมู่ที่ 10 โทร. 053-123456')).toBe('หมู่ที่ ๑๐ โทร. ๐๕๓-๑๒๓๔๕๖');
    expect(toThaiDigits('20,046.79')).toBe('๒๐,๐๔๖.๗๙');
    expect(toThaiDigits('๑๒๓๔ and 1234')).toBe('๑๒๓๔ and 1234');
  });
  it('leaves digits in Latin words and Latin text Arabic', () => {
    for (const latin of ['Fiscal Year 2023', 'Smart Farmer 4.0', 'COVID-19', 'ISO 9001', 'A4', '2023 Annual Report', 'Tel. 081-234-5678']) {
      expect(toThaiDigits(latin)).toBe(latin);
    }
    expect(toThaiDigits('โครงการ Smart Farmer 4.0 ปี 2569')).toBe('โครงการ Smart Farmer 4.0 ปี ๒๕๖๙');
    expect(toThaiDigits('ผู้ป่วย COVID-19 จำนวน 20 ราย')).toBe('ผู้ป่วย COVID-19 จำนวน ๒๐ ราย');
    expect(toThaiDigits('กระดาษ A4 ตามมาตรฐาน ISO 9001 ใช้ 3 รีม')).toBe('กระดาษ A4 ตามมาตรฐาน ISO 9001 ใช้ ๓ รีม');
    expect(toThaiDigits('(Fiscal Year 2023) ปีงบประมาณ 2566')).toBe('(Fiscal Year 2023) ปีงบประมาณ ๒๕๖๖');
  });
  it('treats the x of a masked citizen ID as a hidden digit, not a Latin letter', () => {
    expect(toThaiDigits(maskCitizenId('1101700203451'))).toBe('x-xxxx-xxxx๓-๔๕-๑');
    expect(toThaiDigits('ขนาด 4x4 ครั้งละ x2')).toBe('ขนาด 4x4 ครั้งละ x2');
  });
});

describe('Buddhist-era dates', () => {
  it('prints the long form with the B.E. year', () => {
    expect(formatThaiDateLong('2026-11-27')).toBe('27 พฤศจิกายน 2569');
    expect(formatThaiDateLong('2026-11-27', { era: true, thaiDigits: true })).toBe('๒๗ พฤศจิกายน พ.ศ. ๒๕๖๙');
  });
  it('prints the short form with the abbreviated month and two-digit year', () => {
    expect(formatThaiDateShort('2026-11-27')).toBe('27 พ.ย. 69');
    expect(formatThaiDateShort('2000-01-05')).toBe('5 ม.ค. 43');
    expect(formatThaiDateShort('2026-11-27', { thaiDigits: true })).toBe('๒๗ พ.ย. ๖๙');
  });
  it('refuses dates that are not in the calendar', () => {
    expect(() => formatThaiDateLong('2025-02-29')).toThrow(RangeError);
    expect(() => formatThaiDateLong('27/11/2569')).toThrow(RangeError);
  });
});

describe('money from integer satang', () => {
  it('formats with thousands separators and two satang digits', () => {
    expect(formatSatang(123450)).toBe('1,234.50');
    expect(formatSatang(0)).toBe('0.00');
    expect(formatSatang(5)).toBe('0.05');
    expect(formatSatang(-100001)).toBe('-1,000.01');
    expect(formatSatang(12345678901)).toBe('123,456,789.01');
    expect(formatSatang(123450, { thaiDigits: true })).toBe('๑,๒๓๔.๕๐');
  });
  it('prints plan budgets in whole baht, keeping satang only when there are some', () => {
    expect(formatBaht(132_500_000)).toBe('1,325,000');
    expect(formatBaht(132_500_050)).toBe('1,325,000.50');
    expect(formatBaht(2_000_000, { thaiDigits: true })).toBe('๒๐,๐๐๐');
  });
  it('refuses fractions of a satang', () => {
    expect(() => formatSatang(10.5)).toThrow(RangeError);
  });
  it('says the amount in words (DOMAIN.md §4.3 vectors)', () => {
    expect(bahtTextFromSatang(12075)).toBe('หนึ่งร้อยยี่สิบบาทเจ็ดสิบห้าสตางค์');
    expect(bahtTextFromSatang(75)).toBe('เจ็ดสิบห้าสตางค์');
    expect(bahtTextFromSatang(1111)).toBe('สิบเอ็ดบาทสิบเอ็ดสตางค์');
    expect(bahtTextFromSatang(101)).toBe('หนึ่งบาทหนึ่งสตางค์');
    expect(bahtTextFromSatang(31710)).toBe('สามร้อยสิบเจ็ดบาทสิบสตางค์');
    expect(bahtTextFromSatang(5100000100)).toBe('ห้าสิบเอ็ดล้านหนึ่งบาทถ้วน');
    expect(bahtTextFromSatang(0)).toBe('ศูนย์บาทถ้วน');
    expect(bahtTextFromSatang(2000)).toBe('ยี่สิบบาทถ้วน');
  });
  it('prints the words in brackets as receipts do', () => {
    expect(bahtTextInBrackets(123450)).toBe('(หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์)');
  });
});

describe('citizen IDs', () => {
  it('groups 13 digits and masks all but the last 4', () => {
    expect(formatCitizenId('1234567890123')).toBe('1-2345-67890-12-3');
    expect(maskCitizenId('1 2345 67890 12 3')).toBe('x-xxxx-xxxx0-12-3');
    expect(maskCitizenId('')).toBe('');
  });
});
