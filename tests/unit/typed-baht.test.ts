import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../main/money';
import { formatSatang, parseTypedBaht, typedBahtOf } from '../../renderer/src/ui/money';

describe('baht typed on the collection sheet', () => {
  it('reads what a treasurer types into satang, without floats', () => {
    const cases: [string, number][] = [
      ['30', 3000],
      ['30.00', 3000],
      ['1,095', 109500],
      ['1,095.5', 109550],
      ['0.10', 10],
      ['๓๐', 3000],
      ['฿ 365', 36500],
      ['30 บาท', 3000],
      ['20.50', 2050],
      ['0.29', 29], // 0.29 * 100 is 28.999999999999996 as a float
    ];
    for (const [typed, satang] of cases) expect(parseTypedBaht(typed), typed).toEqual({ ok: true, satang });
  });

  it('agrees with the core on every amount it accepts or refuses (main/money.ts)', () => {
    for (const typed of ['30', '1,095.50', '20.505', '-30', 'สามสิบ', '12.3.4', '0.001', '99.990', '.5', '30.']) {
      const ours = parseTypedBaht(typed);
      const core = parseAmount(typed);
      expect(ours?.ok, typed).toBe(core.ok);
      if (ours?.ok && core.ok) expect(ours.satang).toBe(core.satang);
    }
  });

  it('names why an amount is refused; nothing typed is no payment', () => {
    expect(parseTypedBaht('   ')).toBeNull();
    expect(parseTypedBaht('20.505')).toEqual({ ok: false, problem: 'decimals' });
    expect(parseTypedBaht('-30')).toEqual({ ok: false, problem: 'negative' });
    expect(parseTypedBaht('สามสิบ')).toEqual({ ok: false, problem: 'notNumber' });
    expect(parseTypedBaht('.')).toEqual({ ok: false, problem: 'notNumber' });
    expect(parseTypedBaht('9999999999999')).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('shows satang as the receipt does, and as it would be typed', () => {
    expect(formatSatang(123450)).toBe('1,234.50');
    expect(formatSatang(5)).toBe('0.05');
    expect(formatSatang(-3000)).toBe('-30.00');
    expect(typedBahtOf(14000)).toBe('140');
    expect(typedBahtOf(3050)).toBe('30.50');
  });
});
