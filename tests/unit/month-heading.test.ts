import { describe, expect, it } from 'vitest';
import { parseMonthHeading } from '../../main/spreadsheets/thai-values';

describe('a month column heading as funds write it', () => {
  it('reads short and full Thai months, numeric months, two- and four-digit B.E. years and C.E. years', () => {
    expect(parseMonthHeading('ต.ค. 66')).toBe('2023-10');
    expect(parseMonthHeading('ม.ค.2567')).toBe('2024-01');
    expect(parseMonthHeading('มกราคม 2567')).toBe('2024-01');
    expect(parseMonthHeading('1/2567')).toBe('2024-01');
    expect(parseMonthHeading('10/66')).toBe('2023-10');
    expect(parseMonthHeading('ก.ย. ๒๕๖๖')).toBe('2023-09');
    expect(parseMonthHeading('Jan 2024')).toBe('2024-01');
    expect(parseMonthHeading('ธ.ค. พ.ศ. 2565')).toBe('2022-12');
  });

  it('is not fooled by headings that are not months', () => {
    for (const heading of ['เลขทะเบียนสมาชิก', 'ชื่อ-สกุล', 'รวม', '13/2566', 'หมู่ 3', '2566', '']) expect(parseMonthHeading(heading)).toBeNull();
  });
});
