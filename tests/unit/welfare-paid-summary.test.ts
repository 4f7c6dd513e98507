import { describe, expect, it } from 'vitest';
import {
  addToPaidSummary,
  allocatePayment,
  defaultContributionSettings,
  lapseDate,
  owed,
  owesFrom,
  OWES_NEVER,
  paidSummaryOf,
  type Allocation,
  type ContributionSettings,
  type Membership,
  type PaidSummary,
} from '../../main/welfare/contributions';
import { WelfareRuleError } from '../../main/welfare/rule-error';

/** A small deterministic generator (mulberry32), so a failure names a history that can be run again. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The fund's rules in the forms funds actually write them (DOMAIN.md §2.2), each with its own arrears counting. */
const funds: Record<string, ContributionSettings> = {
  'monthly, due on the last day, 3 missed in a row': defaultContributionSettings,
  'monthly, due on the 25th, 4 outstanding, 5 days grace, whole periods only': {
    ...defaultContributionSettings,
    dueDay: { month: 'last', day: 25 },
    allowPartialPeriod: false,
    arrears: { limit: 4, counting: 'outstanding', graceDays: 5 },
  },
  '90 every 3 months, due on the 10th of the first month, 2 ever missed, first period the month after joining': {
    ...defaultContributionSettings,
    scheme: { kind: 'every', months: 3, amountSatang: 9000 },
    dueDay: { month: 'first', day: 10 },
    firstPeriod: 'next-month',
    entranceFeeSatang: 10_000,
    arrears: { limit: 2, counting: 'ever-missed', graceDays: 0 },
  },
  '365 a year, 6 months ahead at most, the period of the end waived': {
    ...defaultContributionSettings,
    scheme: { kind: 'yearly', amountSatang: 36_500 },
    maxAdvanceMonths: 6,
    periodOfEnd: 'waived',
    arrears: { limit: 2, counting: 'consecutive', graceDays: 30 },
  },
};

function outcome<T>(run: () => T): T | { refused: string } {
  try {
    return run();
  } catch (error) {
    if (error instanceof WelfareRuleError) return { refused: error.th };
    throw error;
  }
}

describe('the paid summary answers as the lines do', () => {
  for (const [name, settings] of Object.entries(funds)) {
    it(`${name}: payments on time, late, in part, ahead and back-dated`, () => {
      for (let seed = 1; seed <= 12; seed += 1) {
        const random = randomFrom(seed * 7919);
        const start = addDays('2021-01-01', random(400));
        const membership: Membership = { start, entranceFeeWaived: random(4) === 0 };
        const lines: Allocation[] = [];
        let summary: PaidSummary = paidSummaryOf(settings, membership, []);
        let day = start;
        for (let step = 0; step < 40 && day < '2026-11-30'; step += 1) {
          // Mostly forward in time; now and then a receipt written earlier and entered late.
          const backDated = step > 3 && random(6) === 0;
          const paidOn = backDated ? addDays(day, -random(40)) : (day = addDays(day, random(75)));
          const when = paidOn < start ? start : paidOn;
          const amount = (1 + random(3 * (settings.scheme.amountSatang / 1000))) * 1000;
          const onLines = outcome(() => allocatePayment(settings, membership, lines, amount, when));
          expect(outcome(() => allocatePayment(settings, membership, summary, amount, when)), `seed ${seed} step ${step}`).toEqual(onLines);
          if ('refused' in onLines) continue;
          const added = addToPaidSummary(settings, membership, summary, onLines.allocations);
          lines.push(...onLines.allocations);
          const again = paidSummaryOf(settings, membership, lines);
          if (added === null) expect(when < (summary.lastPaidOn ?? '')).toBe(true);
          else expect(added, `seed ${seed} step ${step}`).toEqual(again);
          summary = again;
          const asOf = summary.lastPaidOn!;
          expect(owed(settings, membership, summary, asOf)).toEqual(owed(settings, membership, lines, asOf));
          expect(owed(settings, membership, summary, '2026-11-30')).toEqual(owed(settings, membership, lines, '2026-11-30'));
          expect(lapseDate(settings, membership, summary), `seed ${seed} step ${step}`).toEqual(lapseDate(settings, membership, lines));
        }
        // The membership ends (resigned): what is owed and the lapse, on the lines and on the summary, still agree.
        const ended: Membership = { ...membership, end: '2026-06-15', endReason: 'resigned' };
        const endedSummary = paidSummaryOf(settings, ended, lines);
        expect(owed(settings, ended, endedSummary, '2026-11-30')).toEqual(owed(settings, ended, lines, '2026-11-30'));
        expect(lapseDate(settings, ended, endedSummary)).toEqual(lapseDate(settings, ended, lines));
      }
    });
  }

  it('refuses to answer for a day before its last payment: only the lines know what was paid by then', () => {
    const membership: Membership = { start: '2026-01-01' };
    const summary = paidSummaryOf(defaultContributionSettings, membership, [{ kind: 'contribution', period: '2026-01', satang: 3000, paidOn: '2026-03-01' }]);
    expect(() => owed(defaultContributionSettings, membership, summary, '2026-02-01')).toThrow(/cannot answer for 2026-02-01/);
  });

  it('keeps a long history small: ten years paid on time are one run', () => {
    const membership: Membership = { start: '2016-01-01', entranceFeeWaived: true };
    const lines: Allocation[] = [];
    for (let year = 2016; year <= 2025; year += 1) {
      for (let month = 1; month <= 12; month += 1) lines.push({ kind: 'contribution', period: `${year}-${String(month).padStart(2, '0')}`, satang: 3000, paidOn: `${year}-01-15` });
    }
    expect(paidSummaryOf(defaultContributionSettings, membership, lines)).toEqual({ entranceFeeSatang: 0, entranceFeePaidOn: null, lastPaidOn: '2025-01-15', onTime: [['2016-01', 120]], other: [] });
  });
});

describe('what a membership owes until it falls behind on a period (owesFrom, kept beside the summary)', () => {
  /** Days from `from` for about five years: every day near `around`, every third day elsewhere. */
  function daysToTry(from: string, around: string): string[] {
    const days: string[] = [];
    for (let offset = 0; offset < 5 * 366; offset += 1) {
      const day = addDays(from, offset);
      const near = around !== OWES_NEVER && Math.abs(Date.parse(day) - Date.parse(around)) <= 40 * 86_400_000;
      if (near || offset % 3 === 0) days.push(day);
    }
    return days;
  }

  for (const [name, settings] of Object.entries(funds)) {
    it(`${name}: on and after the last payment, owed() is the fee left alone before the day, and a period too from it on`, () => {
      const seen = { later: 0, never: 0, feeShort: 0, ended: 0 };
      for (let seed = 1; seed <= 40; seed += 1) {
        const random = randomFrom(seed * 104_729);
        const start = addDays('2021-01-01', random(400));
        // a third end (resigned) some time after joining, some paid ahead past the end
        const end = random(3) === 0 ? addDays(start, 30 + random(1500)) : null;
        const membership: Membership = { start, end, endReason: end === null ? null : 'resigned', entranceFeeWaived: random(4) === 0 };
        const lines: Allocation[] = [];
        let day = start;
        const steps = random(30);
        for (let step = 0; step < steps; step += 1) {
          day = addDays(day, random(120));
          // now and then less than the fee: a fee part paid
          const amount = (1 + random(4 * (settings.scheme.amountSatang / 1000))) * 1000;
          const split = outcome(() => allocatePayment(settings, membership, lines, amount, day));
          if (!('refused' in split)) lines.push(...split.allocations);
        }
        const summary = paidSummaryOf(settings, membership, lines);
        const owing = owesFrom(settings, membership, summary);
        const first = owing.periodsFrom;
        const from = summary.lastPaidOn ?? start;
        expect(first >= start, `seed ${seed}`).toBe(true);
        if (first === OWES_NEVER) seen.never += 1;
        else if (first > from) seen.later += 1;
        if (owing.entranceFeeSatang > 0) seen.feeShort += 1;
        if (end !== null) seen.ended += 1;
        for (const asOf of daysToTry(from, first)) {
          const due = owed(settings, membership, summary, asOf);
          const periods = due.lines.filter((line) => line.kind === 'contribution');
          expect(periods.length > 0, `seed ${seed}: owed on ${asOf}, periods owed from ${first}`).toBe(asOf >= first);
          expect(due.totalSatang - periods.reduce((sum, line) => sum + line.owedSatang, 0), `seed ${seed}: the fee on ${asOf}`).toBe(owing.entranceFeeSatang);
          if (asOf < first) expect(due.missedCount).toBe(0);
        }
        if (first !== OWES_NEVER && first >= from) expect(owed(settings, membership, summary, first).lines.some((line) => line.kind === 'contribution'), `seed ${seed} on ${first}`).toBe(true);
        // An end recorded later only takes periods away: what was kept for the open membership stays a safe lower bound.
        if (end === null) {
          const endedLater: Membership = { ...membership, end: addDays(from, random(900)), endReason: 'died' };
          const afterEnd = owesFrom(settings, endedLater, paidSummaryOf(settings, endedLater, lines));
          expect(afterEnd.periodsFrom >= first, `seed ${seed}`).toBe(true);
          expect(afterEnd.entranceFeeSatang).toBe(owing.entranceFeeSatang);
        }
      }
      // the histories reach every kind of answer
      expect(seen.later).toBeGreaterThan(0);
      expect(seen.ended).toBeGreaterThan(0);
    });
  }

  it('names the first day of the first unpaid period, the fee left, and never when paid to the end', () => {
    const settings = defaultContributionSettings;
    const joined: Membership = { start: '2026-01-20' };
    const paidToMarch = paidSummaryOf(settings, joined, [
      { kind: 'entrance-fee', satang: 2000, paidOn: '2026-01-20' },
      { kind: 'contribution', period: '2026-01', satang: 3000, paidOn: '2026-01-20' },
      { kind: 'contribution', period: '2026-02', satang: 3000, paidOn: '2026-01-20' },
      { kind: 'contribution', period: '2026-03', satang: 3000, paidOn: '2026-01-20' },
    ]);
    expect(owesFrom(settings, joined, paidToMarch)).toEqual({ entranceFeeSatang: 0, periodsFrom: '2026-04-01' });
    expect(owesFrom(settings, joined, paidSummaryOf(settings, joined, []))).toEqual({ entranceFeeSatang: 2000, periodsFrom: '2026-01-20' });
    const waived: Membership = { ...joined, entranceFeeWaived: true };
    expect(owesFrom(settings, waived, paidSummaryOf(settings, waived, []))).toEqual({ entranceFeeSatang: 0, periodsFrom: '2026-01-20' });
    const resigned: Membership = { ...joined, end: '2026-03-10', endReason: 'resigned' };
    expect(owesFrom(settings, resigned, paidToMarch)).toEqual({ entranceFeeSatang: 0, periodsFrom: OWES_NEVER });
    // the fee short while the periods are paid (lines brought from paper): the fee alone until the next period starts
    const nextMonth: ContributionSettings = { ...settings, firstPeriod: 'next-month' };
    const feeShort = paidSummaryOf(nextMonth, joined, [{ kind: 'entrance-fee', satang: 1000, paidOn: '2026-01-20' }, { kind: 'contribution', period: '2026-02', satang: 3000, paidOn: '2026-01-20' }]);
    expect(owesFrom(nextMonth, joined, feeShort)).toEqual({ entranceFeeSatang: 1000, periodsFrom: '2026-03-01' });
    expect(owed(nextMonth, joined, feeShort, '2026-02-28')).toMatchObject({ totalSatang: 1000, missedCount: 0 });
    // a part paid period is owed from its first day
    const part = paidSummaryOf(settings, waived, [{ kind: 'contribution', period: '2026-01', satang: 3000, paidOn: '2026-01-20' }, { kind: 'contribution', period: '2026-02', satang: 1000, paidOn: '2026-01-20' }]);
    expect(owesFrom(settings, waived, part)).toEqual({ entranceFeeSatang: 0, periodsFrom: '2026-02-01' });
  });
});
