import { describe, expect, it } from 'vitest';
import {
  bahtTextFromSatang,
  bahtTextInBrackets,
  formatCitizenId,
  formatBaht,
  formatSatang,
  formatThaiDateLong,
  formatThaiDateShort,
  maskCitizenId,
  toThaiDigits,
} from '../../main/documents/format';
import { keepLabelsWithNumbers, thaiBreakPieces } from '../../main/documents/segment';

describe('Thai digits', () => {
  it('turns every Arabic digit into a Thai digit and leaves the rest', () => {
    expect(toThaiDigits('หมู่ที่ 10 โทร. 053-123456')).toBe('หมู่ที่ ๑๐ โทร. ๐๕๓-๑๒๓๔๕๖');
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

describe('Thai break opportunities', () => {
  it('breaks between Thai words', () => {
    expect(thaiBreakPieces('องค์การบริหารส่วนตำบล').length).toBeGreaterThan(1);
    expect(thaiBreakPieces('องค์การบริหารส่วนตำบล').join('')).toBe('องค์การบริหารส่วนตำบล');
  });
  it('never breaks inside a number, Thai or Arabic', () => {
    for (const text of ['ยอดเงิน1,234.50บาท', 'ปี๒๕๖๙ประชุม', 'เลขที่2569/000123']) {
      const pieces = thaiBreakPieces(text);
      for (const number of ['1,234.50', '๒๕๖๙', '2569/000123']) {
        if (text.includes(number)) expect(pieces.some((piece) => piece.includes(number))).toBe(true);
      }
    }
  });
  it('never breaks after an opening bracket or before a closing one', () => {
    const pieces = thaiBreakPieces('จำนวนเงิน(หนึ่งพันบาทถ้วน)ครับ');
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith('(')).toBe(false);
    for (const piece of pieces.slice(1)) expect(piece.startsWith(')')).toBe(false);
  });
  it('keeps ๆ and ฯ with the word before them', () => {
    for (const piece of thaiBreakPieces('ดีๆมากๆกรุงเทพฯและอื่นๆ')) expect(/^[ๆฯ]/.test(piece)).toBe(false);
  });
  it('never breaks inside words a Thai reader takes as one, though the dictionary splits them', () => {
    expect(thaiBreakPieces('หน่วยงานรับผิดชอบหลัก')).toEqual(['หน่วยงาน', 'รับผิดชอบ', 'หลัก']);
    expect(thaiBreakPieces('ครัวเรือนเป้าหมายร้อยละ 80')).toEqual(['ครัวเรือน', 'เป้าหมาย', 'ร้อยละ 80']);
    expect(thaiBreakPieces('ผู้สูงอายุและผู้พิการหมู่ที่ 3')).toEqual(['ผู้สูงอายุ', 'และ', 'ผู้พิการ', 'หมู่ที่ 3']);
  });
  it('keeps a label with its number: หมู่ที่ 3, ครั้งที่ 1/2569, หน้า ๒', () => {
    expect(keepLabelsWithNumbers('ประชุมครั้งที่ 1/2569 ณ หมู่ที่ 3 หน้า ๒')).toBe('ประชุมครั้งที่\u00A01/2569 ณ หมู่ที่\u00A03 หน้า\u00A0๒');
    expect(keepLabelsWithNumbers('ร้อยละ 80 ของครัวเรือน พ.ศ. 2569')).toBe('ร้อยละ\u00A080 ของครัวเรือน พ.ศ.\u00A02569');
    expect(keepLabelsWithNumbers('หมู่ที่ บ้านหนองบัว')).toBe('หมู่ที่ บ้านหนองบัว');
  });
  it('leaves text without Thai alone', () => {
    expect(thaiBreakPieces('Tambon Desk 2026')).toEqual(['Tambon Desk 2026']);
  });
});
