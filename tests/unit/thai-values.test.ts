import { describe, expect, it } from 'vitest';
import {
  normaliseText,
  parseCitizenId,
  parsePhone,
  parseSex,
  parseThaiDate,
  parseVillageNumber,
  splitTitle,
  type ParseResult,
} from '../../main/spreadsheets/thai-values';
import { citizenIdCheckDigit, formatCitizenId, maskCitizenId } from '../../main/people/citizen-id';
import * as sampleCitizenId from '../../main/people/citizen-id';

const value = <T>(result: ParseResult<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.th}`);
  return result.value;
};
const errorTh = <T>(result: ParseResult<T>): string => {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error.th;
};

const birth = { label: { th: 'วันเกิด', en: 'birth date' }, notAfter: '2026-01-01' };

describe('parseThaiDate: B.E. dates as offices write them', () => {
  it.each([
    ['15/03/2566'],
    ['15/3/66'],
    ['15-03-2566'],
    ['15.03.2566'],
    ['15 มี.ค. 2566'],
    ['15 มีนาคม 2566'],
    ['15 มี.ค. 66'],
    ['15 มีค 2566'],
    ['2566-03-15'],
    ['๑๕/๐๓/๒๕๖๖'],
    ['วันที่ 15 มีนาคม พ.ศ. 2566'],
    ['  15/03/2566\u200B '],
  ])('%s → 2023-03-15 without a warning', (typed) => {
    const result = parseThaiDate(typed, birth);
    expect(value(result)).toBe('2023-03-15');
    expect(result.ok && result.warning).toBeFalsy();
  });

  it('reads Excel date cells (a Date at UTC midnight) by their UTC day, whatever the time zone', () => {
    expect(value(parseThaiDate(new Date(Date.UTC(2023, 2, 15)), birth))).toBe('2023-03-15');
    expect(value(parseThaiDate(new Date(Date.UTC(1950, 0, 1, 13, 30)), birth))).toBe('1950-01-01');
  });

  it('reads Excel serial numbers, with the 1900 leap-year bug', () => {
    // Excel shows 44927 as 1 Jan 2023, so 15 Mar 2023 is 45000 and 44999 is 14 March.
    expect(value(parseThaiDate(44927, birth))).toBe('2023-01-01');
    expect(value(parseThaiDate(45000, birth))).toBe('2023-03-15');
    expect(value(parseThaiDate(44999, birth))).toBe('2023-03-14');
    expect(value(parseThaiDate('45000', birth))).toBe('2023-03-15');
    expect(value(parseThaiDate(61))).toBe('1900-03-01');
    expect(value(parseThaiDate(59))).toBe('1900-02-28');
    expect(errorTh(parseThaiDate(60))).toContain('ไม่ใช่วันที่'); // 29 Feb 1900 never was
  });

  it('accepts a C.E. year but always says so', () => {
    const result = parseThaiDate('15/03/2023', birth);
    expect(value(result)).toBe('2023-03-15');
    expect(result.ok && result.warning?.th).toContain('ปี 2023 เป็นปี ค.ศ. ตีความเป็น พ.ศ. 2566 — กรุณาตรวจสอบ');
    expect(value(parseThaiDate('2023-03-15', birth))).toBe('2023-03-15');
    expect(parseThaiDate('15 มี.ค. ค.ศ. 2023').ok && (parseThaiDate('15 มี.ค. ค.ศ. 2023') as { warning?: unknown }).warning).toBeFalsy();
  });

  it('takes 543 off an Excel date cell whose year is B.E., with a warning', () => {
    const result = parseThaiDate(new Date(Date.UTC(2566, 2, 15)), birth);
    expect(value(result)).toBe('2023-03-15');
    expect(result.ok && result.warning?.th).toContain('พ.ศ. 2566');
  });

  it('reads two-digit years as B.E. within the hundred years around the reference date', () => {
    expect(value(parseThaiDate('1/1/93', birth))).toBe('1950-01-01'); // 2493, not 2593
    expect(value(parseThaiDate('1/1/05', birth))).toBe('1962-01-01'); // 2505
  });

  it('refuses impossible and future dates, naming the field and the value', () => {
    expect(errorTh(parseThaiDate('31/02/2566', birth))).toBe('วันเกิด "31/02/2566" ไม่มีวันนี้');
    expect(errorTh(parseThaiDate('29/02/2566', birth))).toContain('ไม่มีวันนี้');
    expect(value(parseThaiDate('29/02/2567', birth))).toBe('2024-02-29');
    expect(errorTh(parseThaiDate('15/13/2566', birth))).toContain('ไม่มีเดือน 13');
    expect(errorTh(parseThaiDate('3/15/2023', birth))).toContain('เดือน/วัน/ปี');
    expect(errorTh(parseThaiDate('15/03/2570', birth))).toBe('วันเกิด "15/03/2570" เป็นวันในอนาคต');
    expect(errorTh(parseThaiDate('15 มีนา 2566', birth))).toContain('ไม่รู้จักเดือน');
    expect(errorTh(parseThaiDate('เมื่อวาน', birth))).toContain('อ่านไม่ได้');
    expect(errorTh(parseThaiDate(2566, birth))).toContain('มีแต่ปี');
  });

  it('gives null for an empty cell', () => {
    expect(value(parseThaiDate(null))).toBeNull();
    expect(value(parseThaiDate('   '))).toBeNull();
  });
});

describe('parseCitizenId', () => {
  const id = '110370000000' + String(citizenIdCheckDigit('110370000000'));

  it.each([
    [id],
    ['1-1037-00000-00-3'],
    ['1 1037 00000 00 3'],
    ['1.1037.00000.00.3'],
    ['๑-๑๐๓๗-๐๐๐๐๐-๐๐-๓'],
    [`'${id}`],
    [Number(id)],
  ])('%s → 1103700000003', (typed) => {
    expect(value(parseCitizenId(typed))).toBe(id);
  });

  it('refuses an ID Excel shortened into scientific notation and says how to fix it', () => {
    const message = errorTh(parseCitizenId('1.10370000000E+12'));
    expect(message).toContain('เลขประจำตัวถูก Excel ย่อเป็น 1.10370000000E+12 ตัวเลขหายไป');
    expect(message).toContain('จัดรูปแบบคอลัมน์เป็นข้อความ');
    expect(errorTh(parseCitizenId('1.10E+12'))).toContain('Excel ย่อ');
  });

  it('refuses a 12-digit number and explains it is not a lost leading zero', () => {
    const message = errorTh(parseCitizenId(110370000000));
    expect(message).toContain('มี 12 หลัก ต้องมี 13 หลัก');
    expect(message).toContain('ไม่ขึ้นต้นด้วย 0');
  });

  it('refuses a wrong check digit, letters and wrong lengths', () => {
    expect(errorTh(parseCitizenId('1103700000004'))).toContain('1-1037-00000-00-4 ไม่ถูกต้อง: เลขตรวจสอบ');
    expect(errorTh(parseCitizenId('ไม่มีบัตร'))).toContain('ไม่ใช่ตัวเลข');
    expect(errorTh(parseCitizenId('11037000000'))).toContain('มี 11 หลัก');
    expect(value(parseCitizenId(null))).toBeNull();
    expect(value(parseCitizenId(' '))).toBeNull();
  });

  it('masks all but the last four digits, and the sample keeps its import path', () => {
    expect(maskCitizenId(id)).toBe('x-xxxx-xxxx0-00-3');
    expect(formatCitizenId(id)).toBe('1-1037-00000-00-3');
    expect(sampleCitizenId.isValidCitizenId(id)).toBe(true);
  });
});

describe('splitTitle', () => {
  it.each([
    ['นายสมชาย ใจดี', 'นาย', 'สมชาย', 'ใจดี'],
    ['นางสาว กัญญ์ณัฏฐ์ ศรีสุวรรณ์', 'นางสาว', 'กัญญ์ณัฏฐ์', 'ศรีสุวรรณ์'],
    ['น.ส.ปุณณ์ญาดา มีสุข', 'นางสาว', 'ปุณณ์ญาดา', 'มีสุข'],
    ['นางบุญเรือน แก้วมณี', 'นาง', 'บุญเรือน', 'แก้วมณี'],
    ['ด.ช.ภาคิน ทองดี', 'เด็กชาย', 'ภาคิน', 'ทองดี'],
    ['ด.ญ. ญาณิศา ทองดี', 'เด็กหญิง', 'ญาณิศา', 'ทองดี'],
    ['เด็กหญิงกัญญ์ณัฏฐ์ ศรีสุวรรณ์', 'เด็กหญิง', 'กัญญ์ณัฏฐ์', 'ศรีสุวรรณ์'],
    ['ร.ต.ต.สมศักดิ์ ใจดี', 'ร.ต.ต.', 'สมศักดิ์', 'ใจดี'],
    ['จ.ส.อ. บุญมี ศรีสุข', 'จ.ส.อ.', 'บุญมี', 'ศรีสุข'],
    ['ว่าที่ร้อยตรีณัฐพล ทองคำ', 'ว่าที่ร้อยตรี', 'ณัฐพล', 'ทองคำ'],
    ['พระสมชาย ฐิตธมฺโม', 'พระ', 'สมชาย', 'ฐิตธมฺโม'],
    ['นางสาวนางนวล ใจดี', 'นางสาว', 'นางนวล', 'ใจดี'],
    ['นาวิน ใจดี', null, 'นาวิน', 'ใจดี'],
    ['นายิกา ใจดี', null, 'นายิกา', 'ใจดี'],
    ['นายก', null, 'นายก', ''],
    ['สมชาย', null, 'สมชาย', ''],
    [' นาย\u200Bสมชาย\u00A0 ใจดี ', 'นาย', 'สมชาย', 'ใจดี'],
  ])('%s', (name, title, firstName, lastName) => {
    expect(splitTitle(name)).toEqual({ title, firstName, lastName });
  });
});

describe('parseVillageNumber, parseSex, parsePhone, normaliseText', () => {
  it.each([['3'], [3], ['หมู่ 3'], ['ม.3'], ['ม. 3'], ['หมู่ที่ ๓'], ['หมู่ที่ 3 บ้านหนองบัว'], ['หมู่3']])('village %s → 3', (typed) => {
    expect(value(parseVillageNumber(typed))).toBe(3);
  });

  it('reads หมู่ที่ 12 and refuses what is not a village number', () => {
    expect(value(parseVillageNumber('หมู่ที่ 12'))).toBe(12);
    expect(errorTh(parseVillageNumber('บ้านหนองบัว'))).toBe('หมู่ที่ "บ้านหนองบัว" ไม่ใช่ตัวเลขหมู่ที่ (เช่น 3 หรือ หมู่ 3)');
    expect(parseVillageNumber(0).ok).toBe(false);
    expect(parseVillageNumber(3.5).ok).toBe(false);
    expect(value(parseVillageNumber(null))).toBeNull();
  });

  it('reads sex in Thai and English', () => {
    for (const male of ['ชาย', 'ช', 'ช.', 'M', 'male', 'เพศชาย']) expect(value(parseSex(male))).toBe('M');
    for (const female of ['หญิง', 'ญ', 'F', 'Female', 'ผู้หญิง']) expect(value(parseSex(female))).toBe('F');
    expect(errorTh(parseSex('ไม่ระบุ'))).toContain('เพศ "ไม่ระบุ"');
    expect(value(parseSex(null))).toBeNull();
  });

  it('keeps phones as typed and puts back a leading 0 that Excel dropped, with a warning', () => {
    expect(value(parsePhone('081-234-5678'))).toBe('081-234-5678');
    expect(value(parsePhone('๐๘๑-๒๓๔-๕๖๗๘'))).toBe('081-234-5678');
    expect(value(parsePhone('081-234-5678, 043-123-456'))).toBe('081-234-5678, 043-123-456');
    expect(value(parsePhone('+66 81 234 5678'))).toBe('+66 81 234 5678');
    const lost = parsePhone(812345678);
    expect(value(lost)).toBe('0812345678');
    expect(lost.ok && lost.warning?.th).toContain('ตัดเลข 0');
    expect(value(parsePhone(43123456))).toBe('043123456');
    expect(errorTh(parsePhone('12345'))).toContain('ไม่ใช่เบอร์โทรศัพท์');
  });

  it('normalises stray spaces and invisible characters, keeping Thai digits', () => {
    expect(normaliseText(' \u200Bสม\u00A0ชาย  ใจดี\uFEFF\u00AD ')).toBe('สม ชาย ใจดี');
    expect(normaliseText('บ้านเลขที่ ๑๒/๓')).toBe('บ้านเลขที่ ๑๒/๓');
    // the quick "nothing to do" answer agrees with the full clean-up on every mix of the characters it looks for
    const full = (s: string) => s.replace(/[\u200B\u200C\u200D\uFEFF\u00AD]/g, '').replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ').replace(/[ \t\r\n]+/g, ' ').trim();
    const alphabet = ['ก', 'a', '1', ' ', '\t', '\n', '\r', '\v', '\f', '\u00A0', '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u2003', '\u202F', '\u3000', '\u1680', '\u2028', '\u2029', '\u0E48'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: next() % 8 }, () => alphabet[next() % alphabet.length]).join('');
      expect(normaliseText(text), JSON.stringify(text)).toBe(full(text));
    }
  });
});
