import { describe, expect, it } from 'vitest';
import {
  allocatePayment,
  defaultContributionSettings,
  formatPeriod,
  lapseDate,
  membershipStatusOn,
  owed,
  passbookLines,
  periodsDue,
  type Allocation,
  type ContributionSettings,
  type Membership,
} from '../../main/welfare/contributions';
import { formatSatang } from '../../main/documents/format';
import { fiscalYearOf, membershipDays, membershipYears } from '../../main/welfare/membership-dates';
import { WelfareRuleError } from '../../main/welfare/rule-error';

/** The usual fund: 30 บาท a month, collected on the 25th of the month, fee 20, 3 missed in a row → lapse. */
const collectionDay25: ContributionSettings = { ...defaultContributionSettings, dueDay: { month: 'last', day: 25 } };
const noFee = (settings: ContributionSettings): ContributionSettings => ({ ...settings, entranceFeeSatang: 0 });

function pay(period: string, satang: number, paidOn: string, receipt?: string): Allocation {
  return receipt === undefined ? { kind: 'contribution', period, satang, paidOn } : { kind: 'contribution', period, satang, paidOn, receipt };
}
const fee = (paidOn: string, satang = 2000): Allocation => ({ kind: 'entrance-fee', satang, paidOn });

/** Monthly 30 บาท paid on time for each month from `first` for `count` months, on the collection day. */
function paidMonths(first: string, count: number, day = 25): Allocation[] {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + m - 1 + i;
    const id = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    return pay(id, 3000, `${id}-${String(day).padStart(2, '0')}`);
  });
}

function refusal(run: () => unknown): WelfareRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof WelfareRuleError) return error;
    throw error;
  }
  throw new Error('expected a WelfareRuleError');
}

const sum = (allocations: readonly Allocation[]) => allocations.reduce((total, a) => total + a.satang, 0);

describe('periods from the membership start', () => {
  it('counts monthly periods from the month of joining up to the month of asOf, each due on the collection day', () => {
    const periods = periodsDue(collectionDay25, { start: '2026-01-15' }, '2026-05-25');
    expect(periods.map((p) => [p.number, p.period, p.dueDate, p.amountSatang])).toEqual([
      [1, '2026-01', '2026-01-25', 3000],
      [2, '2026-02', '2026-02-25', 3000],
      [3, '2026-03', '2026-03-25', 3000],
      [4, '2026-04', '2026-04-25', 3000],
      [5, '2026-05', '2026-05-25', 3000],
    ]);
  });

  it('with the period ending on its last day: 31 Jan, 28 Feb, 30 Apr; 29 Feb in a leap year', () => {
    expect(periodsDue(defaultContributionSettings, { start: '2026-01-31' }, '2026-04-01').map((p) => p.dueDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(periodsDue(defaultContributionSettings, { start: '2024-02-01' }, '2024-02-10').map((p) => p.dueDate)).toEqual(['2024-02-29']);
  });

  it('"next month": a member who joins on 31 December starts paying in January, nothing is due on joining', () => {
    const settings: ContributionSettings = { ...defaultContributionSettings, firstPeriod: 'next-month' };
    expect(periodsDue(settings, { start: '2025-12-31' }, '2025-12-31')).toEqual([]);
    expect(periodsDue(settings, { start: '2025-12-31' }, '2026-01-01').map((p) => [p.number, p.period, p.dueDate])).toEqual([[1, '2026-01', '2026-01-31']]);
  });

  it('nothing before the start, and nothing after a member died — the month of death is still owed', () => {
    expect(periodsDue(defaultContributionSettings, { start: '2026-03-01' }, '2026-02-28')).toEqual([]);
    const died: Membership = { start: '2025-01-01', end: '2026-03-15' };
    const periods = periodsDue(defaultContributionSettings, died, '2026-12-01');
    expect(periods).toHaveLength(15);
    expect(periods.at(-1)?.period).toBe('2026-03');
    // A fund that waives the period in which the member dies (its collection day comes after the death).
    expect(periodsDue({ ...defaultContributionSettings, periodOfEnd: 'waived' }, died, '2026-12-01').at(-1)?.period).toBe('2026-02');
  });

  it('yearly 365 บาท: one period of 12 months from the joining month, due at its end', () => {
    const yearly: ContributionSettings = { ...defaultContributionSettings, scheme: { kind: 'yearly', amountSatang: 36500 } };
    const periods = periodsDue(yearly, { start: '2025-11-10' }, '2026-11-01');
    expect(periods.map((p) => [p.number, p.period, p.lastMonth, p.dueDate, p.amountSatang])).toEqual([
      [1, '2025-11', '2026-10', '2026-10-31', 36500],
      [2, '2026-11', '2027-10', '2027-10-31', 36500],
    ]);
  });

  it('90 บาท every 3 months collected on the 15th of the first month; a member who joins after the 15th is due on joining', () => {
    const quarterly: ContributionSettings = { ...defaultContributionSettings, scheme: { kind: 'every', months: 3, amountSatang: 9000 }, dueDay: { month: 'first', day: 15 } };
    expect(periodsDue(quarterly, { start: '2026-01-20' }, '2026-07-15').map((p) => [p.period, p.lastMonth, p.dueDate])).toEqual([
      ['2026-01', '2026-03', '2026-01-20'],
      ['2026-04', '2026-06', '2026-04-15'],
      ['2026-07', '2026-09', '2026-07-15'],
    ]);
  });

  it('names periods in B.E. as the passbook prints them', () => {
    expect(formatPeriod('2026-01', 1)).toBe('ม.ค. 69');
    expect(formatPeriod('2026-01', 3)).toBe('ม.ค.–มี.ค. 69');
    expect(formatPeriod('2026-11', 3)).toBe('พ.ย. 69–ม.ค. 70');
  });

  it('refuses an impossible date, naming the field', () => {
    const error = refusal(() => periodsDue(defaultContributionSettings, { start: '2026-02-30' }, '2026-05-01'));
    expect(error.field).toBe('membership.start');
    expect(error.th).toContain('วันเริ่มเป็นสมาชิก "2026-02-30" ไม่ใช่วันที่ที่มีจริง');
    expect(refusal(() => periodsDue(defaultContributionSettings, { start: '2026-01-01' }, '31/05/2569')).field).toBe('asOf');
    const ended = refusal(() => periodsDue(defaultContributionSettings, { start: '2026-03-01', end: '2026-02-01' }, '2026-05-01'));
    expect(ended.th).toBe('วันสิ้นสุดสมาชิกภาพ 1 ก.พ. 69 อยู่ก่อนวันเริ่มเป็นสมาชิก 1 มี.ค. 69');
  });

  it('refuses a fund setting that cannot be right', () => {
    expect(refusal(() => periodsDue({ ...defaultContributionSettings, scheme: { kind: 'monthly', amountSatang: 30.5 } }, { start: '2026-01-01' }, '2026-02-01')).field).toBe('settings.scheme.amountSatang');
    expect(refusal(() => periodsDue({ ...defaultContributionSettings, scheme: { kind: 'every', months: 0, amountSatang: 9000 } }, { start: '2026-01-01' }, '2026-02-01')).th).toBe('จำนวนเดือนต่องวด "0" ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 120');
    expect(refusal(() => periodsDue({ ...defaultContributionSettings, dueDay: { month: 'last', day: 32 } }, { start: '2026-01-01' }, '2026-02-01')).field).toBe('settings.dueDay.day');
    const fromJson = JSON.parse('{"firstPeriod":"joining"}') as { firstPeriod: ContributionSettings['firstPeriod'] };
    expect(refusal(() => periodsDue({ ...defaultContributionSettings, ...fromJson }, { start: '2026-01-01' }, '2026-02-01')).th).toBe('ค่าตั้งกองทุน settings.firstPeriod "joining" ต้องเป็นหนึ่งใน joining-month, next-month');
  });
});

describe('what a member owes', () => {
  // ปุณณ์ญาดา joined on 10 January 2026, paid the fee and January, then nothing.
  const punyada: Membership = { start: '2026-01-10' };
  const history = [fee('2026-01-10'), pay('2026-01', 3000, '2026-01-25')];

  it('four months behind on the May collection day: Feb–May, oldest first; Feb–Apr missed, May due today', () => {
    const result = owed(collectionDay25, punyada, history, '2026-05-25');
    expect(result.lines.map((l) => [l.period, l.owedSatang, l.missed])).toEqual([
      ['2026-02', 3000, true],
      ['2026-03', 3000, true],
      ['2026-04', 3000, true],
      ['2026-05', 3000, false],
    ]);
    expect(result.totalSatang).toBe(12000);
    expect(result.missedCount).toBe(3);
    expect(result.missedSatang).toBe(9000);
    expect(result.paidThrough).toBe('2026-01');
  });

  it('a partly paid month shows what is left; payments dated after asOf do not count yet', () => {
    const partly = [...history, pay('2026-02', 1500, '2026-03-02'), pay('2026-02', 1500, '2026-06-01')];
    const result = owed(collectionDay25, punyada, partly, '2026-05-25');
    expect(result.lines[0]).toEqual({ kind: 'contribution', number: 2, period: '2026-02', dueDate: '2026-02-25', amountSatang: 3000, paidSatang: 1500, owedSatang: 1500, missed: true });
    expect(result.totalSatang).toBe(10500);
    expect(owed(collectionDay25, punyada, partly, '2026-06-01').paidThrough).toBe('2026-02');
  });

  it('a new member on the first collection day owes the entrance fee as its own line, then the first month', () => {
    const result = owed(collectionDay25, { start: '2026-03-02' }, [], '2026-03-25');
    expect(result.lines.map((l) => [l.kind, l.number, l.dueDate, l.owedSatang, l.missed])).toEqual([
      ['entrance-fee', null, '2026-03-25', 2000, false],
      ['contribution', 1, '2026-03-25', 3000, false],
    ]);
    expect(result.totalSatang).toBe(5000);
    expect(result.missedCount).toBe(0);
    // The committee waived it for a founding member; a rejoin is a new membership and pays the fee again.
    expect(owed(collectionDay25, { start: '2026-03-02', entranceFeeWaived: true }, [], '2026-03-25').totalSatang).toBe(3000);
    expect(owed(collectionDay25, { start: '2027-05-02' }, [], '2027-05-25').lines[0]?.kind).toBe('entrance-fee');
  });

  it('paid ahead: nothing owed, the months ahead reported, and ส่งถึง the last month paid', () => {
    const ahead = [fee('2026-01-10'), ...paidMonths('2026-01', 8, 25).map((a) => ({ ...a, paidOn: '2026-01-25' }))];
    const result = owed(collectionDay25, punyada, ahead, '2026-03-01');
    expect(result.totalSatang).toBe(0);
    expect(result.paidAheadSatang).toBe(5 * 3000);
    expect(result.paidThrough).toBe('2026-08');
  });

  it('a member who died mid-period having paid a year ahead: the months after death are credit, the month of death is not', () => {
    const died: Membership = { start: '2026-01-10', end: '2026-04-15' };
    const ahead = [fee('2026-01-10'), ...paidMonths('2026-01', 12).map((a) => ({ ...a, paidOn: '2026-01-25' }))];
    const result = owed(collectionDay25, died, ahead, '2026-05-01');
    expect(result.totalSatang).toBe(0);
    expect(result.creditAfterEndSatang).toBe(8 * 3000);
    expect(result.paidThrough).toBe('2026-04');
    // Died owing February to April: those stay owed (to be set off against the death benefit by the claim).
    const behind = owed(collectionDay25, died, history, '2026-12-31');
    expect(behind.lines.map((l) => l.period)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(behind.missedCount).toBe(3);
  });

  it('ten years of monthly history, one month missed in the middle', () => {
    const all = paidMonths('2016-10', 120).filter((a) => a.kind !== 'contribution' || a.period !== '2021-06');
    const result = owed(noFee(collectionDay25), { start: '2016-10-01' }, all, '2026-09-25');
    expect(result.lines.map((l) => l.period)).toEqual(['2021-06']);
    expect(result.missedCount).toBe(1);
    expect(result.paidThrough).toBe('2021-05');
  });

  it('refuses money posted to a month that is not one of the membership’s periods, or more than a period takes', () => {
    const quarterly: ContributionSettings = { ...collectionDay25, scheme: { kind: 'every', months: 3, amountSatang: 9000 } };
    const offGrid = refusal(() => owed(quarterly, { start: '2026-01-10' }, [pay('2026-02', 9000, '2026-02-01')], '2026-05-01'));
    expect(offGrid.field).toBe('allocations.0.period');
    expect(offGrid.th).toBe('งวด ก.พ. 69 ไม่ใช่งวดของสมาชิกภาพนี้ (งวดแรก ม.ค.–มี.ค. 69 งวดละ 3 เดือน)');
    const before = refusal(() => owed(collectionDay25, punyada, [pay('2025-12', 3000, '2026-01-10')], '2026-05-01'));
    expect(before.field).toBe('allocations.0.period');
    const over = refusal(() => owed(collectionDay25, punyada, [pay('2026-02', 2000, '2026-02-25'), pay('2026-02', 2000, '2026-03-25')], '2026-05-01'));
    expect(over.field).toBe('allocations.1.satang');
    expect(over.th).toBe('งวด ก.พ. 69 รับไว้แล้ว 40.00 บาท เกินเงินสมทบต่องวด 30.00 บาท');
    const early = refusal(() => owed(collectionDay25, punyada, [pay('2026-01', 3000, '2026-01-09')], '2026-05-01'));
    expect(early.th).toBe('วันที่รับเงินรายการที่ 1 (9 ม.ค. 69) อยู่ก่อนวันเริ่มเป็นสมาชิก 10 ม.ค. 69');
    expect(refusal(() => owed(collectionDay25, punyada, [pay('2026-02', -3000, '2026-02-25')], '2026-05-01')).th).toBe('จำนวนเงินรายการที่ 1 -30.00 บาท ติดลบไม่ได้');
  });
});

describe('splitting one payment', () => {
  const punyada: Membership = { start: '2026-01-10' };
  const history = [fee('2026-01-10'), pay('2026-01', 3000, '2026-01-25')];

  it('four months behind paying 150 on the collection day: Feb–May cleared and June paid in advance', () => {
    const split = allocatePayment(collectionDay25, punyada, history, 15000, '2026-05-25', { receipt: 'เล่ม 3 เลขที่ 45' });
    expect(split.allocations.map((a) => [a.kind === 'contribution' ? a.period : a.kind, a.satang])).toEqual([
      ['2026-02', 3000],
      ['2026-03', 3000],
      ['2026-04', 3000],
      ['2026-05', 3000],
      ['2026-06', 3000],
    ]);
    expect(split.allocations.every((a) => a.paidOn === '2026-05-25' && a.receipt === 'เล่ม 3 เลขที่ 45')).toBe(true);
    expect([split.owedSatang, split.advanceSatang, split.entranceFeeSatang]).toEqual([12000, 3000, 0]);
    expect([split.coversFrom, split.coversTo]).toEqual(['2026-02', '2026-06']);
    const after = owed(collectionDay25, punyada, [...history, ...split.allocations], '2026-05-25');
    expect(after.totalSatang).toBe(0);
    expect(after.paidThrough).toBe('2026-06');
  });

  it('refuses more than 12 months ahead, saying how much is too much', () => {
    const upToDate = [fee('2026-01-10'), ...paidMonths('2026-01', 5)];
    const error = refusal(() => allocatePayment(collectionDay25, punyada, upToDate, 40000, '2026-05-25'));
    expect(error.th).toBe('รับล่วงหน้าได้ไม่เกิน 12 เดือน (360.00 บาท) จ่ายมา 400.00 บาท เกิน 40.00 บาท');
    expect(error.en).toBe('At most 12 months (360.00 baht) may be paid in advance; paid 400.00 baht, 40.00 baht too much');
    expect(error.field).toBe('amountSatang');
    expect(error.details).toMatchObject({ acceptableSatang: 36000, excessSatang: 4000 });
    // Exactly the limit is taken: June 2026 to May 2027.
    const full = allocatePayment(collectionDay25, punyada, upToDate, 36000, '2026-05-25');
    expect([full.coversFrom, full.coversTo, full.allocations.length]).toEqual(['2026-06', '2027-05', 12]);
  });

  it('with arrears and months already paid ahead, the refusal names each amount', () => {
    const some = [...history, pay('2026-06', 3000, '2026-01-25'), pay('2026-07', 3000, '2026-01-25')];
    const error = refusal(() => allocatePayment(collectionDay25, punyada, some, 50000, '2026-05-25'));
    // Feb–May owed 120; June 2026–May 2027 is 360, of which 60 already paid: 420 acceptable.
    expect(error.th).toBe('ค้างชำระ 120.00 บาท รับล่วงหน้าได้ไม่เกิน 12 เดือน (360.00 บาท) ชำระล่วงหน้าไว้แล้ว 60.00 บาท จ่ายมา 500.00 บาท เกิน 80.00 บาท');
    // The split skips the months already paid.
    const split = allocatePayment(collectionDay25, punyada, some, 18000, '2026-05-25');
    expect(split.allocations.map((a) => (a.kind === 'contribution' ? a.period : a.kind))).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-08', '2026-09']);
  });

  it('a fund without part payments refuses 100 บาท against 30-baht months, with the two amounts it would take', () => {
    const whole: ContributionSettings = { ...collectionDay25, allowPartialPeriod: false };
    const error = refusal(() => allocatePayment(whole, punyada, history, 10000, '2026-05-25'));
    expect(error.th).toBe('กองทุนไม่รับชำระบางส่วนของงวด: จ่ายมา 100.00 บาท เหลือ 10.00 บาท ไม่ครบงวด พ.ค. 69 (30.00 บาท) กรุณาชำระ 90.00 บาท หรือ 120.00 บาท');
    expect(error.details).toMatchObject({ lowerSatang: 9000, upperSatang: 12000, remainderSatang: 1000 });
    // A fund that allows them: Feb–Apr full and 10 บาท toward May; the next payment completes May first.
    const first = allocatePayment(collectionDay25, punyada, history, 10000, '2026-05-25');
    expect(first.allocations.map((a) => a.satang)).toEqual([3000, 3000, 3000, 1000]);
    const second = allocatePayment(collectionDay25, punyada, [...history, ...first.allocations], 5000, '2026-06-25');
    expect(second.allocations.map((a) => [a.kind === 'contribution' ? a.period : a.kind, a.satang])).toEqual([
      ['2026-05', 2000],
      ['2026-06', 3000],
    ]);
  });

  it('a new member on the first collection day: the entrance fee first, then the month; fee not paid in part when parts are refused', () => {
    const split = allocatePayment(collectionDay25, { start: '2026-03-02' }, [], 5000, '2026-03-25');
    expect(split.allocations).toEqual([
      { kind: 'entrance-fee', satang: 2000, paidOn: '2026-03-25' },
      { kind: 'contribution', period: '2026-03', satang: 3000, paidOn: '2026-03-25' },
    ]);
    expect(split.entranceFeeSatang).toBe(2000);
    const error = refusal(() => allocatePayment({ ...collectionDay25, allowPartialPeriod: false }, { start: '2026-03-02' }, [], 1000, '2026-03-25'));
    expect(error.th).toBe('กองทุนไม่รับชำระบางส่วนของงวด: จ่ายมา 10.00 บาท เหลือ 10.00 บาท ไม่ครบค่าสมัครแรกเข้า (20.00 บาท) กรุณาชำระ 20.00 บาท');
  });

  it('a yearly member pays 365 บาท plus the fee on joining; next year’s 365 is the advance', () => {
    const yearly: ContributionSettings = { ...defaultContributionSettings, scheme: { kind: 'yearly', amountSatang: 36500 } };
    const split = allocatePayment(yearly, { start: '2026-01-05' }, [], 38500, '2026-01-05');
    expect(split.allocations.map((a) => [a.kind, a.satang])).toEqual([
      ['entrance-fee', 2000],
      ['contribution', 36500],
    ]);
    expect([split.coversFrom, split.coversTo]).toEqual(['2026-01', '2026-12']);
    const next = allocatePayment(yearly, { start: '2026-01-05' }, split.allocations, 36500, '2026-11-20');
    expect([next.advanceSatang, next.coversFrom, next.coversTo]).toEqual([36500, '2027-01', '2027-12']);
    expect(refusal(() => allocatePayment(yearly, { start: '2026-01-05' }, split.allocations, 73000, '2026-11-20')).th).toBe('รับล่วงหน้าได้ไม่เกิน 12 เดือน (365.00 บาท) จ่ายมา 730.00 บาท เกิน 365.00 บาท');
  });

  it('90 บาท every 3 months: 180 covers two quarters', () => {
    const quarterly: ContributionSettings = { ...noFee(collectionDay25), scheme: { kind: 'every', months: 3, amountSatang: 9000 } };
    const split = allocatePayment(quarterly, { start: '2026-01-20' }, [], 18000, '2026-03-25');
    expect(split.allocations.map((a) => (a.kind === 'contribution' ? a.period : a.kind))).toEqual(['2026-01', '2026-04']);
    expect([split.owedSatang, split.advanceSatang, split.coversTo]).toEqual([9000, 9000, '2026-06']);
  });

  it('a resignation recorded ahead of time: advance only up to the last month of membership', () => {
    const leaving: Membership = { start: '2026-01-10', end: '2026-08-31', endReason: 'resigned' };
    const upToDate = [fee('2026-01-10'), ...paidMonths('2026-01', 5)];
    expect(refusal(() => allocatePayment(collectionDay25, leaving, upToDate, 12000, '2026-05-25')).th).toBe('สมาชิกภาพสิ้นสุด 31 ส.ค. 69 รับล่วงหน้าได้ถึงงวด ส.ค. 69 (90.00 บาท) จ่ายมา 120.00 บาท เกิน 30.00 บาท');
  });

  it('after a member died, only arrears are taken (the heirs settle them)', () => {
    const died: Membership = { start: '2026-01-10', end: '2026-04-15' };
    const split = allocatePayment(collectionDay25, died, history, 9000, '2026-05-02');
    expect(split.allocations.map((a) => (a.kind === 'contribution' ? a.period : a.kind))).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(refusal(() => allocatePayment(collectionDay25, died, history, 12000, '2026-05-02')).th).toBe('ค้างชำระ 90.00 บาท สมาชิกภาพสิ้นสุดเมื่อ 15 เม.ย. 69 ไม่รับชำระล่วงหน้า จ่ายมา 120.00 บาท เกิน 30.00 บาท');
  });

  it('amounts in the millions stay exact to the satang', () => {
    const big: ContributionSettings = { ...noFee(collectionDay25), scheme: { kind: 'monthly', amountSatang: 12_345_678 } };
    const split = allocatePayment(big, { start: '2026-01-01' }, [], 12_345_678 * 10 + 99, '2026-01-25');
    expect(sum(split.allocations)).toBe(12_345_678 * 10 + 99);
    expect(split.allocations.at(-1)).toMatchObject({ period: '2026-11', satang: 99 });
    const error = refusal(() => allocatePayment(big, { start: '2026-01-01' }, [], 99_999_999_999, '2026-01-25'));
    expect(error.th).toBe('ค้างชำระ 123,456.78 บาท รับล่วงหน้าได้ไม่เกิน 12 เดือน (1,481,481.36 บาท) จ่ายมา 999,999,999.99 บาท เกิน 998,395,061.85 บาท');
  });

  it('whatever the amount, the split sums exactly to it and never overfills a period', () => {
    let seed = 20261201;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const settingsList: ContributionSettings[] = [
      collectionDay25,
      { ...collectionDay25, scheme: { kind: 'every', months: 3, amountSatang: 9000 } },
      { ...collectionDay25, scheme: { kind: 'yearly', amountSatang: 36500 }, maxAdvanceMonths: 24 },
      { ...collectionDay25, scheme: { kind: 'monthly', amountSatang: 3333 } },
    ];
    for (let round = 0; round < 400; round += 1) {
      const settings = settingsList[round % settingsList.length]!;
      const membership: Membership = { start: '2025-07-14' };
      let allocations: Allocation[] = [];
      for (let step = 0; step < 6; step += 1) {
        const paidOn = `2026-0${1 + step}-1${next(9)}`;
        const capacity = owed(settings, membership, allocations, paidOn).totalSatang;
        const amount = 1 + next(capacity + 20000);
        try {
          const split = allocatePayment(settings, membership, allocations, amount, paidOn);
          expect(sum(split.allocations)).toBe(amount);
          allocations = [...allocations, ...split.allocations];
          owed(settings, membership, allocations, paidOn); // would throw if a period were overfilled
        } catch (error) {
          expect(error).toBeInstanceOf(WelfareRuleError);
          expect((error as WelfareRuleError).details.excessSatang).toBeGreaterThan(0);
        }
      }
    }
  });

  it('refuses a negative, fractional, zero or non-numeric amount and a payment before the membership start', () => {
    expect(refusal(() => allocatePayment(collectionDay25, punyada, history, 3000.5, '2026-05-25')).th).toBe('จำนวนเงิน 3000.5 สตางค์ มีเศษของสตางค์');
    expect(refusal(() => allocatePayment(collectionDay25, punyada, history, -3000, '2026-05-25')).th).toBe('จำนวนเงิน -30.00 บาท ติดลบไม่ได้');
    expect(refusal(() => allocatePayment(collectionDay25, punyada, history, 0, '2026-05-25')).th).toBe('จำนวนเงินต้องมากกว่าศูนย์');
    expect(refusal(() => allocatePayment(collectionDay25, punyada, history, Number.NaN, '2026-05-25')).field).toBe('amountSatang');
    const early = refusal(() => allocatePayment(collectionDay25, punyada, [], 5000, '2026-01-09'));
    expect(early.field).toBe('paidOn');
    expect(early.th).toBe('วันที่รับเงิน 9 ม.ค. 69 อยู่ก่อนวันเริ่มเป็นสมาชิก 10 ม.ค. 69');
  });
});

describe('arrears end a membership', () => {
  const lapseOf = (settings: ContributionSettings, membership: Membership, allocations: Allocation[]) => lapseDate(settings, membership, allocations)?.date ?? null;

  it('never paid: three missed months in a row lapse on the day after the third collection day', () => {
    const lapse = lapseDate(defaultContributionSettings, { start: '2026-01-01' }, []);
    expect(lapse).toEqual({
      date: '2026-04-01',
      periods: ['2026-01', '2026-02', '2026-03'],
      th: 'ขาดส่ง 3 ครั้งติดต่อกัน (ม.ค. 69, ก.พ. 69, มี.ค. 69) ขาดจากการเป็นสมาชิกตั้งแต่ 1 เม.ย. 69',
      en: 'Missed 3 payments in a row (2026-01, 2026-02, 2026-03): membership lapses on 2026-04-01',
    });
  });

  it('a payment on the collection day itself is on time; one on the next day is too late', () => {
    const settings = noFee(collectionDay25);
    const member: Membership = { start: '2026-01-05' };
    const janToMar = paidMonths('2026-01', 3);
    // April and May missed; 90 paid on 25 June clears April–June: no lapse; the forecast moves to after September.
    const onTime = [...janToMar, pay('2026-04', 3000, '2026-06-25'), pay('2026-05', 3000, '2026-06-25'), pay('2026-06', 3000, '2026-06-25')];
    expect(lapseOf(settings, member, onTime)).toBe('2026-09-26');
    const dayLate = onTime.map((a) => ({ ...a, paidOn: a.paidOn === '2026-06-25' ? '2026-06-26' : a.paidOn }));
    expect(lapseOf(settings, member, dayLate)).toBe('2026-06-26');
  });

  it('a late payment that cures the arrears before the limit keeps the member', () => {
    const settings = noFee(defaultContributionSettings);
    const member: Membership = { start: '2026-01-05' };
    // Paid Jan–Mar; April and May missed; on 10 June pays both: then June, July, August missed.
    const allocations = [...paidMonths('2026-01', 3, 28), pay('2026-04', 3000, '2026-06-10'), pay('2026-05', 3000, '2026-06-10')];
    expect(lapseOf(settings, member, allocations)).toBe('2026-09-01');
    // A part payment does not cure: 15 of 30 toward April leaves April, May and June missed.
    const part = [...paidMonths('2026-01', 3, 28), pay('2026-04', 1500, '2026-06-10')];
    expect(lapseOf(settings, member, part)).toBe('2026-07-01');
  });

  it('across December to January, and across the fiscal year end (30 September) without restarting the count', () => {
    const settings = noFee(defaultContributionSettings);
    expect(lapseOf(settings, { start: '2025-10-01' }, paidMonths('2025-10', 2, 28))).toBe('2026-03-01');
    expect(lapseOf(settings, { start: '2025-07-01' }, paidMonths('2025-07', 3, 28))).toBe('2026-01-01');
    // Missed August and September 2569 (fiscal 2569) and October (fiscal 2570): lapses 1 November 2569.
    const lapse = lapseDate(settings, { start: '2026-01-01' }, paidMonths('2026-01', 7, 28));
    expect(lapse?.date).toBe('2026-11-01');
    expect(lapse?.th).toBe('ขาดส่ง 3 ครั้งติดต่อกัน (ส.ค. 69, ก.ย. 69, ต.ค. 69) ขาดจากการเป็นสมาชิกตั้งแต่ 1 พ.ย. 69');
    expect(fiscalYearOf(lapse!.periods[1]! + '-30', 'fiscal').buddhistYear).toBe(2569);
    expect(fiscalYearOf(lapse!.periods[2]! + '-01', 'fiscal').buddhistYear).toBe(2570);
  });

  it('leap years: collected on the 29th, February 2567 is due on the 29th, February 2569 on the 28th', () => {
    const day29: ContributionSettings = { ...noFee(defaultContributionSettings), dueDay: { month: 'last', day: 29 } };
    expect(lapseOf(day29, { start: '2023-12-01' }, [])).toBe('2024-03-01'); // Dec 29, Jan 29, Feb 29 → 1 March
    expect(lapseOf(day29, { start: '2025-12-01' }, [])).toBe('2026-03-01'); // Dec 29, Jan 29, Feb 28 → 1 March
    // Paid February 2024 on the 29th (on time): the run restarts — March, April, May missed → 30 May.
    expect(lapseOf(day29, { start: '2023-12-01' }, [pay('2024-02', 3000, '2024-02-29')])).toBe('2024-05-30');
  });

  it('a member who joined on the 31st, collection day 31: due 28 Feb and 30 Apr', () => {
    const day31: ContributionSettings = { ...noFee(defaultContributionSettings), dueDay: { month: 'last', day: 31 } };
    expect(lapseOf(day31, { start: '2026-01-31' }, [])).toBe('2026-04-01');
    expect(lapseOf({ ...day31, firstPeriod: 'next-month' }, { start: '2026-01-31' }, [])).toBe('2026-05-01');
    expect(lapseOf({ ...day31, firstPeriod: 'next-month' }, { start: '2026-01-31' }, paidMonths('2026-02', 1, 28))).toBe('2026-06-01');
  });

  it('"in total" counts overdue months whether or not in a row; "ever missed" counts late months even when paid later', () => {
    const base = noFee(defaultContributionSettings);
    const member: Membership = { start: '2026-01-01' };
    // February and April paid on time; January, March and May never.
    const gaps = [pay('2026-02', 3000, '2026-02-27'), pay('2026-04', 3000, '2026-04-27')];
    expect(lapseOf(base, member, gaps)).toBe('2026-08-01'); // May, June, July in a row
    const outstanding = lapseDate({ ...base, arrears: { ...base.arrears, counting: 'outstanding' } }, member, gaps);
    expect(outstanding?.date).toBe('2026-06-01');
    expect(outstanding?.periods).toEqual(['2026-01', '2026-03', '2026-05']);
    expect(outstanding?.th).toBe('ค้างส่ง 3 ครั้ง (ม.ค. 69, มี.ค. 69, พ.ค. 69) ขาดจากการเป็นสมาชิกตั้งแต่ 1 มิ.ย. 69');
    // Every month paid, but January, March and May a few days late.
    const late = [pay('2026-01', 3000, '2026-02-03'), pay('2026-02', 3000, '2026-02-27'), pay('2026-03', 3000, '2026-04-03'), pay('2026-04', 3000, '2026-04-27'), pay('2026-05', 3000, '2026-06-03')];
    const everMissed = { ...base, arrears: { ...base.arrears, counting: 'ever-missed' as const } };
    expect(lapseOf(everMissed, member, late)).toBe('2026-06-01');
    expect(lapseDate(everMissed, member, late)?.th).toBe('ขาดส่งรวม 3 ครั้ง (ม.ค. 69, มี.ค. 69, พ.ค. 69) ขาดจากการเป็นสมาชิกตั้งแต่ 1 มิ.ย. 69');
    expect(lapseOf(base, member, late)).toBe('2026-09-01'); // cured each time: only June–August lapse it
  });

  it('grace days, no limit, an end before the lapse, and a yearly scheme', () => {
    const base = noFee(defaultContributionSettings);
    expect(lapseOf({ ...base, arrears: { ...base.arrears, graceDays: 15 } }, { start: '2026-01-01' }, [])).toBe('2026-04-16');
    expect(lapseOf({ ...base, arrears: { ...base.arrears, limit: null } }, { start: '2026-01-01' }, [])).toBeNull();
    expect(lapseOf(base, { start: '2026-01-01', end: '2026-03-15' }, [])).toBeNull(); // resigned before it lapsed
    expect(lapseOf(base, { start: '2026-01-01', end: '2026-04-01' }, [])).toBe('2026-04-01');
    const yearly: ContributionSettings = { ...base, scheme: { kind: 'yearly', amountSatang: 36500 } };
    expect(lapseOf(yearly, { start: '2026-01-05' }, [pay('2026-01', 36500, '2026-01-05')])).toBe('2030-01-01');
  });
});

describe('membership status on a day', () => {
  const settings = noFee(defaultContributionSettings);

  it('active with a forecast, lapsed from the lapse day, and as it stood on a past day', () => {
    const member: Membership = { start: '2026-01-01' };
    const paid = paidMonths('2026-01', 2, 28);
    expect(membershipStatusOn(settings, member, paid, '2025-12-31')).toEqual({ status: 'not-started', since: '2025-12-31', lapse: null });
    const active = membershipStatusOn(settings, member, paid, '2026-04-30');
    expect([active.status, active.since, active.lapse?.date]).toEqual(['active', '2026-01-01', '2026-06-01']);
    const lapsed = membershipStatusOn(settings, member, paid, '2026-06-01');
    expect([lapsed.status, lapsed.since]).toEqual(['lapsed', '2026-06-01']);
    // Paying March–May on 2 June is too late: the lapse of 1 June stands.
    const late = [...paid, pay('2026-03', 3000, '2026-06-02'), pay('2026-04', 3000, '2026-06-02'), pay('2026-05', 3000, '2026-06-02')];
    expect(membershipStatusOn(settings, member, late, '2026-07-01').status).toBe('lapsed');
    // Paid on 31 May instead: active on 1 June; on 30 May the status was still heading for the lapse.
    const inTime = late.map((a) => ({ ...a, paidOn: a.paidOn === '2026-06-02' ? '2026-05-31' : a.paidOn }));
    expect(membershipStatusOn(settings, member, inTime, '2026-06-01').status).toBe('active');
    expect(membershipStatusOn(settings, member, inTime, '2026-05-30').lapse?.date).toBe('2026-06-01');
  });

  it('a recorded death or resignation counts from its day; a lapse that came first wins', () => {
    const died: Membership = { start: '2026-01-01', end: '2026-02-14', endReason: 'died' };
    expect(membershipStatusOn(settings, died, [], '2026-02-13').status).toBe('active');
    expect(membershipStatusOn(settings, died, [], '2026-02-14')).toEqual({ status: 'died', since: '2026-02-14', lapse: null });
    const resignedLate: Membership = { start: '2026-01-01', end: '2026-05-10', endReason: 'resigned' };
    expect(membershipStatusOn(settings, resignedLate, [], '2026-06-01')).toMatchObject({ status: 'lapsed', since: '2026-04-01' });
    expect(refusal(() => membershipStatusOn(settings, { start: '2026-01-01', end: '2026-02-14' }, [], '2026-03-01')).field).toBe('membership.endReason');
  });
});

describe('days and years of membership, and the accounting year', () => {
  it('does not count the start day: joined 1 March 2569, 180 days on 28 August', () => {
    expect(membershipDays('2026-03-01', '2026-03-01')).toBe(0);
    expect(membershipDays('2026-03-01', '2026-03-02')).toBe(1);
    expect(membershipDays('2026-03-01', '2026-08-28')).toBe(180);
    expect(membershipDays('2023-03-01', '2024-03-01')).toBe(366);
  });

  it('a year is complete on its anniversary; one who joined on 29 February completes it on 28 February', () => {
    expect(membershipYears('2024-02-29', '2025-02-27')).toBe(0);
    expect(membershipYears('2024-02-29', '2025-02-28')).toBe(1);
    expect(membershipDays('2024-02-29', '2025-02-28')).toBe(365);
    expect(membershipYears('2024-02-29', '2028-02-28')).toBe(3);
    expect(membershipYears('2024-02-29', '2028-02-29')).toBe(4);
    expect(membershipYears('2016-01-31', '2026-01-30')).toBe(9);
    expect(membershipYears('2016-01-31', '2026-01-31')).toBe(10);
  });

  it('refuses a day before the start, with both dates in B.E.', () => {
    const error = refusal(() => membershipDays('2026-03-01', '2026-02-28'));
    expect(error.field).toBe('onDate');
    expect(error.th).toBe('วันที่นับ 28 ก.พ. 69 อยู่ก่อนวันเริ่มเป็นสมาชิก 1 มี.ค. 69');
  });

  it('names the fiscal year by the B.E. year in which it ends', () => {
    expect(fiscalYearOf('2026-09-30', 'fiscal')).toEqual({ kind: 'fiscal', buddhistYear: 2569, label: 'ปีงบประมาณ 2569', start: '2025-10-01', end: '2026-09-30' });
    expect(fiscalYearOf('2026-10-01', 'fiscal')).toMatchObject({ buddhistYear: 2570, start: '2026-10-01', end: '2027-09-30' });
    expect(fiscalYearOf('2024-02-29', 'fiscal').label).toBe('ปีงบประมาณ 2567');
    expect(fiscalYearOf('2026-10-01', 'calendar')).toEqual({ kind: 'calendar', buddhistYear: 2569, label: 'ปี 2569', start: '2026-01-01', end: '2026-12-31' });
    expect(refusal(() => fiscalYearOf('2569-13-01', 'fiscal')).field).toBe('date');
  });
});

describe('the passbook (สมุดประจำตัวสมาชิก)', () => {
  it('one row per month with ครั้งที่, the day paid, the amount and ส่ง/ขาด, for fiscal year 2569', () => {
    const member: Membership = { start: '2025-08-10' };
    const allocations: Allocation[] = [
      { kind: 'entrance-fee', satang: 2000, paidOn: '2025-08-10', receipt: '1/001' },
      pay('2025-08', 3000, '2025-08-25', '1/001'),
      pay('2025-09', 3000, '2025-09-25', '1/015'),
      pay('2025-10', 3000, '2025-10-25', '1/030'),
      pay('2025-11', 3000, '2025-12-25', '1/050'), // late
      pay('2025-12', 3000, '2025-12-25', '1/050'),
      pay('2026-01', 1000, '2026-01-25', '1/070'), // part
    ];
    const lines = passbookLines(collectionDay25, member, allocations, '2025-10-01', '2026-09-30', { asOf: '2026-03-01' });
    expect(lines.slice(0, 6).map((l) => [l.number, l.label, l.date, l.amountSatang, l.remark, l.late])).toEqual([
      [3, 'ต.ค. 68', '2025-10-25', 3000, 'ส่ง', false],
      [4, 'พ.ย. 68', '2025-12-25', 3000, 'ส่ง', true],
      [5, 'ธ.ค. 68', '2025-12-25', 3000, 'ส่ง', false],
      [6, 'ม.ค. 69', '2026-01-25', 1000, 'ขาด (ส่งแล้ว 10.00 ค้าง 20.00)', false],
      [7, 'ก.พ. 69', null, 0, 'ขาด', false],
      [8, 'มี.ค. 69', null, 0, '', false],
    ]);
    expect(lines).toHaveLength(12);
    expect(lines[1]?.receipts).toEqual(['1/050']);
    // The year he joined shows the entrance fee first, as its own row.
    const first = passbookLines(collectionDay25, member, allocations, '2024-10-01', '2025-09-30');
    expect(first.map((l) => [l.number, l.label, l.amountSatang, l.remark])).toEqual([
      [null, 'ค่าสมัครแรกเข้า', 2000, 'ส่ง'],
      [1, 'ส.ค. 68', 3000, 'ส่ง'],
      [2, 'ก.ย. 68', 3000, 'ส่ง'],
    ]);
  });

  it('a yearly member’s book: one row a year with 365 บาท', () => {
    const yearly: ContributionSettings = { ...noFee(defaultContributionSettings), scheme: { kind: 'yearly', amountSatang: 36500 } };
    const lines = passbookLines(yearly, { start: '2022-01-05' }, [pay('2022-01', 36500, '2022-01-05'), pay('2023-01', 36500, '2023-02-01'), pay('2025-01', 36500, '2025-12-30')], '2022-01-01', '2026-12-31', { asOf: '2026-12-31' });
    expect(lines.map((l) => [l.number, l.label, l.remark])).toEqual([
      [1, 'ม.ค.–ธ.ค. 65', 'ส่ง'],
      [2, 'ม.ค.–ธ.ค. 66', 'ส่ง'],
      [3, 'ม.ค.–ธ.ค. 67', 'ขาด'],
      [4, 'ม.ค.–ธ.ค. 68', 'ส่ง'],
      [5, 'ม.ค.–ธ.ค. 69', ''],
    ]);
  });
});

describe('speed', () => {
  it('owed() for 20,000 members × 120 months of history', () => {
    const settings = noFee(collectionDay25);
    const members = Array.from({ length: 20_000 }, (_, i) => {
      const history = paidMonths('2016-10', 120).filter((_, m) => (m * 7 + i) % 97 !== 0);
      return { membership: { start: '2016-10-01' } satisfies Membership, history };
    });
    const totals: number[] = [];
    for (const pass of ['first', 'second']) {
      const started = performance.now();
      let total = 0;
      for (const { membership, history } of members) total += owed(settings, membership, history, '2026-09-25').totalSatang;
      const ms = performance.now() - started;
      console.log(`owed() for 20,000 members × 120 periods (2.4 M allocations), ${pass} pass: ${ms.toFixed(0)} ms (${((ms * 1000) / 20_000).toFixed(1)} µs a member); owed in all ${formatSatang(total)} บาท`);
      totals.push(total);
    }
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[1]).toBe(totals[0]);
  });
});
