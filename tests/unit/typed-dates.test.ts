import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../renderer/src/ui/thaiDates';
import { formatCitizenIdTyped } from '../../renderer/src/people/peopleFormat';

describe('dates as the office types them (B.E. in, ISO C.E. out)', () => {
  it.each([
    ['15/3/2566', '2023-03-15'],
    ['15/03/2566', '2023-03-15'],
    ['5-3-2566', '2023-03-05'],
    ['15.3.2566', '2023-03-15'],
    ['๑๕/๓/๒๕๖๖', '2023-03-15'],
    ['15 มี.ค. 2566', '2023-03-15'],
    ['15 มีนาคม 2566', '2023-03-15'],
    ['15 มี.ค. 66', '2023-03-15'],
    ['15/3/66', '2023-03-15'],
    ['2566-03-15', '2023-03-15'],
    ['29/2/2567', '2024-02-29'],
  ])('%s is %s', (typed, iso) => expect(parseTypedDate(typed)).toBe(iso));

  it.each(['29/2/2566', '31/4/2566', '15/13/2566', '15/3/256', '15/3', 'ไม่ทราบ', ''])('%s is not a date', (typed) => expect(parseTypedDate(typed)).toBeNull());

  it('a two-digit year waits until the user leaves the field (typing "15/3/25…" is not 2525)', () => {
    expect(parseTypedDate('15/3/25', { shortYears: false })).toBeNull();
    expect(parseTypedDate('15/3/2536', { shortYears: false })).toBe('1993-03-15');
  });
});

describe('a citizen ID takes its dashes as it is typed', () => {
  it.each([
    ['3', '3'],
    ['34', '3-4'],
    ['34099', '3-4099'],
    ['340990', '3-4099-0'],
    ['3409900123451', '3-4099-00123-45-1'],
    ['3-4099-00123-45-1', '3-4099-00123-45-1'],
    ['3 4099 00123 45 1 99', '3-4099-00123-45-1'],
    ['๓๔๐๙๙๐๐๑๒๓๔๕๑', '3-4099-00123-45-1'],
  ])('%s shows as %s', (typed, shown) => expect(formatCitizenIdTyped(typed)).toBe(shown));
});
