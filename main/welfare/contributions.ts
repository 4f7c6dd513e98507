// The fund's contribution rules, pure: which periods a member owes, how one payment is split over them, when
// arrears end a membership, and the passbook rows. No database and no clock: everything the fund decides comes in
// as ContributionSettings (DESIGN.md rule 5), every "now" comes in as a date, money is integer satang (rule 1).
import { formatSatang, formatThaiDateShort, THAI_MONTHS_SHORT } from '../documents/format';
import { MAX_AMOUNT_SATANG, type Satang } from '../money';
import { dayNumberOf, isoInMonth, isoOfDayNumber, monthIdOf, monthIndexOf, readIsoDate, type FieldLabel } from './membership-dates';
import { WelfareRuleError } from './rule-error';

// ---------------------------------------------------------------------------------------------------------------
// Settings

/** How much a member pays and how often. Monthly and yearly are the usual "1 baht a day" (30 a month, 365 a year). */
export type ContributionScheme =
  | { kind: 'monthly'; amountSatang: Satang }
  | { kind: 'yearly'; amountSatang: Satang }
  /** the fund's own period, e.g. 90 every 3 months, 180 every 6 */
  | { kind: 'every'; months: number; amountSatang: Satang };

/** The collection day of a period: day N (or the last day) of the period's first or last month. */
export interface DueDayRule {
  month: 'first' | 'last';
  day: number | 'last';
}

/**
 * How arrears are counted against the limit:
 * - 'consecutive': N periods in a row overdue and unpaid at the same time (ขาดส่ง N ครั้งติดต่อกัน);
 * - 'outstanding': N periods overdue and unpaid at the same time, in a row or not (ค้างส่งรวม N ครั้ง);
 * - 'ever-missed': N periods ever paid late or not at all during this membership, even if paid later.
 * A late payment cures a period under the first two; under 'ever-missed' nothing cures.
 */
export type ArrearsCounting = 'consecutive' | 'outstanding' | 'ever-missed';

export interface ContributionSettings {
  scheme: ContributionScheme;
  /** the first period is the month of joining, or the month after it */
  firstPeriod: 'joining-month' | 'next-month';
  dueDay: DueDayRule;
  /** paid once per membership, on the first collection day; 0 = no fee */
  entranceFeeSatang: Satang;
  /** how far ahead a member may pay: periods starting up to this many months after the month of payment */
  maxAdvanceMonths: number;
  /** may a payment leave a period partly paid? */
  allowPartialPeriod: boolean;
  /** the period in which membership ends: still owed, or waived when its due date falls after the end */
  periodOfEnd: 'owed' | 'waived';
  arrears: {
    /** N missed periods end the membership; null = the fund never lapses anyone for arrears */
    limit: number | null;
    counting: ArrearsCounting;
    /** days after the due date before a period counts as missed for the lapse rule (0 = the day after) */
    graceDays: number;
  };
}

/**
 * Defaults from DOMAIN.md §2.1/§2.2/§2.10. Each fund sets its own; these are only where a new fund starts.
 * Confirmed by a fund's regulation [C]: 30 บาท a month (1 baht a day); entrance fee 20 บาท (ต.ทรัพย์อนันต์, one
 * example of 10 or 20); "ขาดส่งเงิน 3 ครั้ง จะขาดจากการเป็นสมาชิก" (ต.อุโมงค์).
 * UNCONFIRMED [U] — choices of ours where DOMAIN.md is silent: first period = the month of joining; due on the last
 * day of the period; the 3 missed payments counted as consecutive (the source text is truncated); no grace days;
 * 12 months' advance at most; partial periods allowed; the period of a death/resignation still owed.
 */
export const defaultContributionSettings: ContributionSettings = {
  scheme: { kind: 'monthly', amountSatang: 3000 },
  firstPeriod: 'joining-month', // [U]
  dueDay: { month: 'last', day: 'last' }, // [U]
  entranceFeeSatang: 2000, // [C one fund; U as a national default]
  maxAdvanceMonths: 12, // [U]
  allowPartialPeriod: true, // [U]
  periodOfEnd: 'owed', // [U]
  arrears: { limit: 3, counting: 'consecutive', graceDays: 0 }, // limit [C ต.อุโมงค์], counting and grace [U]
};

// ---------------------------------------------------------------------------------------------------------------
// Inputs

/** One membership; a rejoin is a new membership (new periods, new waiting period, a new entrance fee). */
export interface Membership {
  /** ISO date membership starts (the approval or application date, as the fund counts it) */
  start: string;
  /** ISO date it ended (died, resigned, lapsed, expelled); absent or null while active */
  end?: string | null;
  endReason?: MembershipEndReason | null;
  /** the committee waived the entrance fee (e.g. founding members) */
  entranceFeeWaived?: boolean;
}

export type MembershipEndReason = 'resigned' | 'died' | 'lapsed' | 'expelled';

/** Money already posted to one item: the entrance fee or one period (net of voided receipts). */
export type Allocation =
  | { kind: 'entrance-fee'; satang: Satang; paidOn: string; receipt?: string }
  | { kind: 'contribution'; period: string; satang: Satang; paidOn: string; receipt?: string };

/** One period of contributions, named by its first month. */
export interface Period {
  /** ครั้งที่: 1 for the first period of this membership */
  number: number;
  /** first month, 'YYYY-MM' */
  period: string;
  /** last month, 'YYYY-MM' (the same as `period` for a monthly scheme) */
  lastMonth: string;
  /** ISO due date (the collection day); never before the membership start */
  dueDate: string;
  amountSatang: Satang;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation and the compiled plan of one membership

const LABELS = {
  amount: { th: 'จำนวนเงิน', en: 'Amount' },
  paidOn: { th: 'วันที่รับเงิน', en: 'Payment date' },
  asOf: { th: 'วันที่คำนวณ', en: 'Date of calculation' },
  start: { th: 'วันเริ่มเป็นสมาชิก', en: 'Membership start date' },
  end: { th: 'วันสิ้นสุดสมาชิกภาพ', en: 'Membership end date' },
  from: { th: 'วันที่เริ่ม', en: 'From date' },
  to: { th: 'วันที่สิ้นสุด', en: 'To date' },
} satisfies Record<string, FieldLabel>;

function baht(satang: Satang): string {
  return `${formatSatang(satang)} บาท`;
}

function refuse(field: string, th: string, en: string, details?: Record<string, number | string>): never {
  throw new WelfareRuleError({ th, en, field, details });
}

function checkSatang(value: unknown, field: string, label: FieldLabel, options: { allowZero: boolean }): Satang {
  if (typeof value !== 'number' || !Number.isFinite(value)) refuse(field, `${label.th} "${String(value)}" ไม่ใช่ตัวเลข`, `${label.en} "${String(value)}" is not a number`);
  if (!Number.isInteger(value)) refuse(field, `${label.th} ${value} สตางค์ มีเศษของสตางค์`, `${label.en} ${value} satang has a fraction of a satang`);
  if (value < 0) refuse(field, `${label.th} ${baht(value)} ติดลบไม่ได้`, `${label.en} ${formatSatang(value)} baht cannot be negative`);
  if (value === 0 && !options.allowZero) refuse(field, `${label.th}ต้องมากกว่าศูนย์`, `${label.en} must be more than zero`);
  if (value > MAX_AMOUNT_SATANG) refuse(field, `${label.th} ${baht(value)} มากเกินไป`, `${label.en} ${formatSatang(value)} baht is too large`);
  return value;
}

function checkWholeNumber(value: unknown, field: string, label: FieldLabel, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    refuse(field, `${label.th} "${String(value)}" ต้องเป็นจำนวนเต็มตั้งแต่ ${min} ถึง ${max}`, `${label.en} "${String(value)}" must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Settings are read back from storage as JSON: a value outside its list is a message, not a silent default. */
function checkChoice(value: unknown, field: string, choices: readonly string[]): void {
  if (typeof value !== 'string' || !choices.includes(value)) {
    refuse(field, `ค่าตั้งกองทุน ${field} "${String(value)}" ต้องเป็นหนึ่งใน ${choices.join(', ')}`, `Fund setting ${field} "${String(value)}" must be one of ${choices.join(', ')}`);
  }
}

/** Months per period of a scheme. */
export function periodMonthsOf(scheme: ContributionScheme): number {
  return scheme.kind === 'monthly' ? 1 : scheme.kind === 'yearly' ? 12 : scheme.months;
}

/** A settings object is checked once per call: a fund's typo must be a message, not a wrong amount. */
export function checkContributionSettings(settings: ContributionSettings): void {
  checkChoice(settings.scheme.kind, 'settings.scheme.kind', ['monthly', 'yearly', 'every']);
  checkChoice(settings.firstPeriod, 'settings.firstPeriod', ['joining-month', 'next-month']);
  checkChoice(settings.dueDay.month, 'settings.dueDay.month', ['first', 'last']);
  checkChoice(settings.periodOfEnd, 'settings.periodOfEnd', ['owed', 'waived']);
  checkChoice(settings.arrears.counting, 'settings.arrears.counting', ['consecutive', 'outstanding', 'ever-missed']);
  if (typeof settings.allowPartialPeriod !== 'boolean') checkChoice(String(settings.allowPartialPeriod), 'settings.allowPartialPeriod', ['true', 'false']);
  checkSatang(settings.scheme.amountSatang, 'settings.scheme.amountSatang', { th: 'เงินสมทบต่องวด', en: 'Contribution per period' }, { allowZero: false });
  if (settings.scheme.kind === 'every') checkWholeNumber(settings.scheme.months, 'settings.scheme.months', { th: 'จำนวนเดือนต่องวด', en: 'Months per period' }, 1, 120);
  const day = settings.dueDay.day;
  if (day !== 'last') checkWholeNumber(day, 'settings.dueDay.day', { th: 'วันเก็บเงิน', en: 'Collection day' }, 1, 31);
  checkSatang(settings.entranceFeeSatang, 'settings.entranceFeeSatang', { th: 'ค่าสมัครแรกเข้า', en: 'Entrance fee' }, { allowZero: true });
  checkWholeNumber(settings.maxAdvanceMonths, 'settings.maxAdvanceMonths', { th: 'จำนวนเดือนที่รับล่วงหน้า', en: 'Months paid in advance' }, 0, 120);
  if (settings.arrears.limit !== null) checkWholeNumber(settings.arrears.limit, 'settings.arrears.limit', { th: 'จำนวนครั้งที่ขาดส่ง', en: 'Missed payments limit' }, 1, 1000);
  checkWholeNumber(settings.arrears.graceDays, 'settings.arrears.graceDays', { th: 'จำนวนวันผ่อนผัน', en: 'Grace days' }, 0, 366);
}

/** One membership under one settings object, as integers, so a period is found by arithmetic, not by search. */
interface Plan {
  settings: ContributionSettings;
  periodMonths: number;
  amount: Satang;
  firstMonth: number;
  startIso: string;
  startDay: number;
  endIso: string | null;
  endDay: number;
  /** the ordinal (0-based) of the last period of this membership; Infinity while it has no end */
  lastOrdinal: number;
  entranceFee: Satang;
}

interface PeriodPlan {
  ordinal: number;
  startMonth: number;
  id: string;
  dueIso: string;
  dueDay: number;
  amount: Satang;
}

function planOf(settings: ContributionSettings, membership: Membership): Plan {
  checkContributionSettings(settings);
  const start = readIsoDate(membership.start, 'membership.start', LABELS.start);
  const startDay = dayNumberOf(start);
  const periodMonths = periodMonthsOf(settings.scheme);
  const firstMonth = monthIndexOf(start) + (settings.firstPeriod === 'next-month' ? 1 : 0);
  const plan: Plan = {
    settings,
    periodMonths,
    amount: settings.scheme.amountSatang,
    firstMonth,
    startIso: membership.start,
    startDay,
    endIso: null,
    endDay: Infinity,
    lastOrdinal: Infinity,
    entranceFee: membership.entranceFeeWaived ? 0 : settings.entranceFeeSatang,
  };
  if (membership.end !== undefined && membership.end !== null) {
    const end = readIsoDate(membership.end, 'membership.end', LABELS.end);
    const endDay = dayNumberOf(end);
    if (endDay < startDay) {
      refuse('membership.end', `${LABELS.end.th} ${formatThaiDateShort(membership.end)} อยู่ก่อน${LABELS.start.th} ${formatThaiDateShort(membership.start)}`, `${LABELS.end.en} ${membership.end} is before the membership start ${membership.start}`);
    }
    plan.endIso = membership.end;
    plan.endDay = endDay;
    // Periods that began while the member was a member: those starting in or before the month of the end.
    let last = Math.floor((monthIndexOf(end) - firstMonth) / periodMonths);
    // 'waived': the period of the end is not owed when its collection day comes after the end.
    while (last >= 0 && settings.periodOfEnd === 'waived' && periodAt(plan, last).dueDay > endDay) last -= 1;
    plan.lastOrdinal = last;
  }
  return plan;
}

function periodAt(plan: Plan, ordinal: number): PeriodPlan {
  const startMonth = plan.firstMonth + ordinal * plan.periodMonths;
  const due = plan.settings.dueDay;
  const dueMonth = due.month === 'first' ? startMonth : startMonth + plan.periodMonths - 1;
  let dueIso = isoInMonth(dueMonth, due.day);
  let dueDay = Date.UTC(Math.floor(dueMonth / 12), dueMonth % 12, Number(dueIso.slice(8, 10))) / 86_400_000;
  // A collection day before the member joined (day 5 of the joining month, joined on the 20th): due on joining.
  if (dueDay < plan.startDay) {
    dueIso = plan.startIso;
    dueDay = plan.startDay;
  }
  return { ordinal, startMonth, id: monthIdOf(startMonth), dueIso, dueDay, amount: plan.amount };
}

function publicPeriod(plan: Plan, period: PeriodPlan): Period {
  return { number: period.ordinal + 1, period: period.id, lastMonth: monthIdOf(period.startMonth + plan.periodMonths - 1), dueDate: period.dueIso, amountSatang: period.amount };
}

/** How many periods have started by the month `monthIndex` (0 before the first), capped at the membership's end. */
function periodsStartedBy(plan: Plan, monthIndex: number): number {
  if (monthIndex < plan.firstMonth) return 0;
  return Math.min(Math.floor((monthIndex - plan.firstMonth) / plan.periodMonths) + 1, plan.lastOrdinal + 1);
}

/** Periods that have started on `day` (a day number): none before the membership start. */
function startedOn(plan: Plan, day: number, iso: string): number {
  if (day < plan.startDay) return 0;
  return periodsStartedBy(plan, monthIndexOf({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) }));
}

const PERIOD_ID = /^(\d{4})-(\d{2})$/;

interface Posted {
  /** satang per period ordinal (besides the runs) */
  byOrdinal: Map<number, Satang>;
  /** runs of period ordinals [first, last], sorted, each period holding the scheme's amount (from a paid summary) */
  runs: [number, number][];
  entranceFee: Satang;
  /** receipts and the last payment day per ordinal (for the passbook), filled only when asked */
  dates?: Map<number, { lastPaidOn: string; receipts: string[] }>;
}

/**
 * Checks the posted allocations and sums them per item, counting only those paid on or before `asOfIso` (all
 * when null). An allocation to a period that is not one of this membership's periods is refused: a period that
 * is not on the scheme's grid, or before the first period. Money on periods after the end of the membership (paid
 * ahead, then the member died) is kept: owed() reports it as credit.
 */
function postedOf(plan: Plan, allocations: readonly Allocation[], asOfIso: string | null, keepDates = false): Posted {
  const posted: Posted = { byOrdinal: new Map(), runs: [], entranceFee: 0, dates: keepDates ? new Map() : undefined };
  for (let i = 0; i < allocations.length; i += 1) {
    const allocation = allocations[i]!;
    const field = `allocations.${i}`;
    const satang = checkSatang(allocation.satang, `${field}.satang`, { th: `จำนวนเงินรายการที่ ${i + 1}`, en: `Amount of allocation ${i + 1}` }, { allowZero: false });
    readIsoDate(allocation.paidOn, `${field}.paidOn`, { th: `วันที่รับเงินรายการที่ ${i + 1}`, en: `Payment date of allocation ${i + 1}` });
    // Valid ISO dates compare as text.
    if (allocation.paidOn < plan.startIso) {
      refuse(`${field}.paidOn`, `วันที่รับเงินรายการที่ ${i + 1} (${formatThaiDateShort(allocation.paidOn)}) อยู่ก่อน${LABELS.start.th} ${formatThaiDateShort(plan.startIso)}`, `Payment date of allocation ${i + 1} (${allocation.paidOn}) is before the membership start ${plan.startIso}`);
    }
    if (asOfIso !== null && allocation.paidOn > asOfIso) continue;
    if (allocation.kind === 'entrance-fee') {
      posted.entranceFee += satang;
      if (posted.entranceFee > plan.entranceFee) {
        refuse(`${field}.satang`, `ค่าสมัครแรกเข้ารับไว้แล้ว ${baht(posted.entranceFee)} เกินค่าสมัคร ${baht(plan.entranceFee)}`, `Entrance fee posted ${formatSatang(posted.entranceFee)} baht exceeds the fee of ${formatSatang(plan.entranceFee)} baht`);
      }
      continue;
    }
    const ordinal = ordinalOfPeriod(plan, allocation.period, `${field}.period`);
    const total = (posted.byOrdinal.get(ordinal) ?? 0) + satang;
    if (total > plan.amount) {
      refuse(`${field}.satang`, `งวด ${formatPeriod(allocation.period, plan.periodMonths)} รับไว้แล้ว ${baht(total)} เกินเงินสมทบต่องวด ${baht(plan.amount)}`, `Period ${allocation.period} has ${formatSatang(total)} baht posted, more than the ${formatSatang(plan.amount)} baht per period`);
    }
    posted.byOrdinal.set(ordinal, total);
    if (posted.dates) {
      const seen = posted.dates.get(ordinal) ?? { lastPaidOn: allocation.paidOn, receipts: [] };
      if (allocation.paidOn > seen.lastPaidOn) seen.lastPaidOn = allocation.paidOn;
      if (allocation.receipt !== undefined && !seen.receipts.includes(allocation.receipt)) seen.receipts.push(allocation.receipt);
      posted.dates.set(ordinal, seen);
    }
  }
  return posted;
}

/** What is posted to one period. */
function paidAt(plan: Plan, posted: Posted, ordinal: number): Satang {
  const own = posted.byOrdinal.get(ordinal);
  if (own !== undefined) return own;
  return posted.runs.some(([first, last]) => ordinal >= first && ordinal <= last) ? plan.amount : 0;
}

/** 'YYYY-MM' → month index, remembered (a history names the same months over and over); bounded. */
const readPeriods = new Map<string, number>();

function monthIndexOfPeriod(period: string, field: string): number {
  const known = readPeriods.get(period);
  if (known !== undefined) return known;
  const match = PERIOD_ID.exec(period);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) {
    refuse(field, `งวด "${String(period)}" ไม่อยู่ในรูปแบบ ปปปป-ดด (ค.ศ.)`, `Period "${String(period)}" is not in the form YYYY-MM (C.E.)`);
  }
  const index = monthIndexOf({ year: Number(match[1]), month });
  if (readPeriods.size >= 100_000) readPeriods.clear();
  readPeriods.set(period, index);
  return index;
}

function ordinalOfPeriod(plan: Plan, period: string, field: string): number {
  const offset = monthIndexOfPeriod(period, field) - plan.firstMonth;
  if (offset < 0 || offset % plan.periodMonths !== 0) {
    const first = monthIdOf(plan.firstMonth);
    refuse(
      field,
      `งวด ${formatPeriod(period, 1)} ไม่ใช่งวดของสมาชิกภาพนี้ (งวดแรก ${formatPeriod(first, plan.periodMonths)} งวดละ ${plan.periodMonths} เดือน)`,
      `Period ${period} is not a period of this membership (first period ${first}, ${plan.periodMonths} month(s) each)`,
    );
  }
  return offset / plan.periodMonths;
}

/** 'ม.ค. 69' for one month, 'ม.ค.–มี.ค. 69' or 'พ.ย. 69–ม.ค. 70' for a longer period. */
export function formatPeriod(period: string, months: number): string {
  const match = PERIOD_ID.exec(period);
  if (!match) return period;
  const first = monthIndexOf({ year: Number(match[1]), month: Number(match[2]) });
  const name = (index: number) => THAI_MONTHS_SHORT[index % 12]!;
  const shortYear = (index: number) => String((Math.floor(index / 12) + 543) % 100).padStart(2, '0');
  const last = first + months - 1;
  if (months <= 1) return `${name(first)} ${shortYear(first)}`;
  if (shortYear(first) === shortYear(last)) return `${name(first)}–${name(last)} ${shortYear(last)}`;
  return `${name(first)} ${shortYear(first)}–${name(last)} ${shortYear(last)}`;
}

function readAsOf(iso: string, field: string, label: FieldLabel): number {
  return dayNumberOf(readIsoDate(iso, field, label));
}

// ---------------------------------------------------------------------------------------------------------------
// Periods and what is owed

/**
 * Every period of the membership that has started on `asOf` (the first month of the period has come), oldest
 * first, current period included even though its collection day may still be ahead. None after the membership
 * ended; none before it started.
 */
export function periodsDue(settings: ContributionSettings, membership: Membership, asOf: string): Period[] {
  const plan = planOf(settings, membership);
  const count = startedOn(plan, readAsOf(asOf, 'asOf', LABELS.asOf), asOf);
  const periods: Period[] = [];
  for (let ordinal = 0; ordinal < count; ordinal += 1) periods.push(publicPeriod(plan, periodAt(plan, ordinal)));
  return periods;
}

export interface OwedLine {
  kind: 'entrance-fee' | 'contribution';
  /** ครั้งที่ of the period; null for the entrance fee */
  number: number | null;
  /** first month 'YYYY-MM'; null for the entrance fee */
  period: string | null;
  dueDate: string;
  amountSatang: Satang;
  paidSatang: Satang;
  owedSatang: Satang;
  /** the collection day has passed and it is not fully paid */
  missed: boolean;
}

export interface Owed {
  /** unpaid items, the entrance fee first, then periods oldest first (partly paid ones with what is left) */
  lines: OwedLine[];
  totalSatang: Satang;
  /** periods whose collection day has passed (before asOf) and are not fully paid; the entrance fee is not counted */
  missedCount: number;
  missedSatang: Satang;
  /** the last period ('YYYY-MM') up to which every period is fully paid (ส่งถึง), ahead included; null if none */
  paidThrough: string | null;
  /** posted to periods that have not started yet on asOf */
  paidAheadSatang: Satang;
  /** posted to periods after the membership ended (paid ahead, then died or resigned): to refund or set off */
  creditAfterEndSatang: Satang;
}

/** What the member owes on `asOf`, counting only money paid on or before that day. */
export function owed(settings: ContributionSettings, membership: Membership, paid: PaidHistory, asOf: string): Owed {
  const plan = planOf(settings, membership);
  const asOfDay = readAsOf(asOf, 'asOf', LABELS.asOf);
  return owedOnPlan(plan, isPaidSummary(paid) ? postedOfSummary(plan, paid, asOf) : postedOf(plan, paid, asOf), asOfDay, asOf);
}

/** OwesFrom.periodsFrom of a membership paid to its end: after every ISO date (stored as such, db/schema/welfare-paid.ts). */
export const OWES_NEVER = '9999-12-31';

/** What a membership owes on any day from its last payment on, until it falls behind on a period (owesFrom). */
export interface OwesFrom {
  /** the entrance fee still to pay: owed from the membership's start, never counted as a missed period */
  entranceFeeSatang: Satang;
  /** the first day (ISO) a period is owed: the first day of the first period not fully paid (not before the start); OWES_NEVER when every period to the end is paid */
  periodsFrom: string;
}

/**
 * For a day on or after the summary's last payment (before it, only the lines know what had been paid): before
 * `periodsFrom` owed() is the entrance fee left alone (one line, nothing missed); from it on, a period too. Periods
 * only start as days pass and money paid after `lastPaidOn` is not in the summary, so once owed stays owed; an end
 * recorded later only takes periods away (never the fee), so `periodsFrom` kept for the open membership stays a safe
 * lower bound.
 */
export function owesFrom(settings: ContributionSettings, membership: Membership, summary: PaidSummary): OwesFrom {
  const plan = planOf(settings, membership);
  const posted = postedOfSummary(plan, summary, null);
  const entranceFeeSatang = Math.max(0, plan.entranceFee - posted.entranceFee);
  // the first period not fully paid: after the runs and the periods holding the whole amount
  let ordinal = 0;
  for (;;) {
    const run = posted.runs.find(([first, last]) => ordinal >= first && ordinal <= last);
    if (run !== undefined) ordinal = run[1] + 1;
    else if ((posted.byOrdinal.get(ordinal) ?? 0) >= plan.amount) ordinal += 1;
    else break;
  }
  if (ordinal > plan.lastOrdinal) return { entranceFeeSatang, periodsFrom: OWES_NEVER };
  const firstDay = isoInMonth(plan.firstMonth + ordinal * plan.periodMonths, 1);
  return { entranceFeeSatang, periodsFrom: firstDay < plan.startIso ? plan.startIso : firstDay };
}

function owedOnPlan(plan: Plan, posted: Posted, asOfDay: number, asOf: string): Owed {
  const result: Owed = { lines: [], totalSatang: 0, missedCount: 0, missedSatang: 0, paidThrough: null, paidAheadSatang: 0, creditAfterEndSatang: 0 };
  const started = startedOn(plan, asOfDay, asOf);
  if (plan.entranceFee > 0 && asOfDay >= plan.startDay && posted.entranceFee < plan.entranceFee) {
    // The fee is collected with the first period: on its collection day (or on joining when that comes later).
    const dueIso = periodAt(plan, 0).dueIso;
    const left = plan.entranceFee - posted.entranceFee;
    result.lines.push({ kind: 'entrance-fee', number: null, period: null, dueDate: dueIso, amountSatang: plan.entranceFee, paidSatang: posted.entranceFee, owedSatang: left, missed: dueIso < asOf });
    result.totalSatang += left;
  }
  let fullyPaidRun = true;
  /** the last period of the fully paid stretch from the first one (ส่งถึง) */
  let paidThrough = -1;
  let runIndex = 0;
  for (let ordinal = 0; ordinal < started; ordinal += 1) {
    while (runIndex < posted.runs.length && posted.runs[runIndex]![1] < ordinal) runIndex += 1;
    const run = posted.runs[runIndex];
    if (run !== undefined && run[0] <= ordinal) {
      // a whole run of fully paid periods at once
      ordinal = Math.min(run[1], started - 1);
      if (fullyPaidRun) paidThrough = ordinal;
      continue;
    }
    const paid = posted.byOrdinal.get(ordinal) ?? 0;
    if (paid >= plan.amount) {
      if (fullyPaidRun) paidThrough = ordinal;
      continue;
    }
    fullyPaidRun = false;
    const period = periodAt(plan, ordinal);
    const left = plan.amount - paid;
    const missed = period.dueDay < asOfDay;
    result.lines.push({ kind: 'contribution', number: ordinal + 1, period: period.id, dueDate: period.dueIso, amountSatang: plan.amount, paidSatang: paid, owedSatang: left, missed });
    result.totalSatang += left;
    if (missed) {
      result.missedCount += 1;
      result.missedSatang += left;
    }
  }
  for (const [ordinal, paid] of posted.byOrdinal) {
    if (ordinal > plan.lastOrdinal) result.creditAfterEndSatang += paid;
    else if (ordinal >= started) result.paidAheadSatang += paid;
  }
  for (const [first, last] of posted.runs) {
    result.creditAfterEndSatang += Math.max(0, last - Math.max(first, plan.lastOrdinal + 1) + 1) * plan.amount;
    result.paidAheadSatang += Math.max(0, Math.min(last, plan.lastOrdinal) - Math.max(first, started) + 1) * plan.amount;
  }
  if (fullyPaidRun) {
    for (let ordinal = started; ordinal <= plan.lastOrdinal && paidAt(plan, posted, ordinal) >= plan.amount; ordinal += 1) paidThrough = ordinal;
  }
  if (paidThrough >= 0) result.paidThrough = monthIdOf(plan.firstMonth + paidThrough * plan.periodMonths);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting a payment

export interface PaymentSplit {
  /** the new allocations, to post with the receipt; their satang sum to the payment exactly */
  allocations: Allocation[];
  entranceFeeSatang: Satang;
  /** to periods that had started on the payment date (arrears and the current period) */
  owedSatang: Satang;
  /** to periods that start later */
  advanceSatang: Satang;
  /** first and last month the payment covers ('YYYY-MM'), as the receipt prints it; null when only the fee */
  coversFrom: string | null;
  coversTo: string | null;
}

/**
 * Splits one payment: the entrance fee first, then the oldest unpaid period (a partly paid one is completed
 * first), up to the current period, then periods ahead — as far as `maxAdvanceMonths` after the month of payment.
 * Refused, with the amounts: more than can be taken; a part period when the fund allows none; a payment dated
 * before the membership start. Allocations already posted count whatever their date (the money is there).
 */
export function allocatePayment(
  settings: ContributionSettings,
  membership: Membership,
  paid: PaidHistory,
  amountSatang: Satang,
  paidOn: string,
  options: { receipt?: string } = {},
): PaymentSplit {
  const plan = planOf(settings, membership);
  const amount = checkSatang(amountSatang, 'amountSatang', LABELS.amount, { allowZero: false });
  const paidDay = readAsOf(paidOn, 'paidOn', LABELS.paidOn);
  if (paidDay < plan.startDay) {
    refuse('paidOn', `${LABELS.paidOn.th} ${formatThaiDateShort(paidOn)} อยู่ก่อน${LABELS.start.th} ${formatThaiDateShort(plan.startIso)}`, `${LABELS.paidOn.en} ${paidOn} is before the membership start ${plan.startIso}`, { paidOn, start: plan.startIso });
  }
  const posted = isPaidSummary(paid) ? postedOfSummary(plan, paid, null) : postedOf(plan, paid, null);
  const started = startedOn(plan, paidDay, paidOn);

  // Everything that can take money, in the order it takes it — only as far as the amount reaches: the items after
  // would take nothing, and all of them are needed only to say by how much a payment is too large.
  type Item = { kind: 'entrance-fee' } | { kind: 'contribution'; ordinal: number; ahead: boolean };
  const items: { item: Item; open: Satang }[] = [];
  let capacity = 0;
  const add = (item: Item, open: Satang) => {
    items.push({ item, open });
    capacity += open;
  };
  if (plan.entranceFee > posted.entranceFee) add({ kind: 'entrance-fee' }, plan.entranceFee - posted.entranceFee);
  for (let ordinal = 0; ordinal < started && capacity < amount; ordinal += 1) {
    const open = plan.amount - paidAt(plan, posted, ordinal);
    if (open > 0) add({ kind: 'contribution', ordinal, ahead: false }, open);
  }
  const paidMonth = monthIndexOf({ year: Number(paidOn.slice(0, 4)), month: Number(paidOn.slice(5, 7)) });
  const windowEnd = paidMonth + settings.maxAdvanceMonths;
  let windowTotal = 0;
  let prepaid = 0;
  for (let ordinal = started; ordinal <= plan.lastOrdinal && plan.firstMonth + ordinal * plan.periodMonths <= windowEnd && capacity < amount; ordinal += 1) {
    const paid = paidAt(plan, posted, ordinal);
    windowTotal += plan.amount;
    prepaid += paid;
    if (plan.amount > paid) add({ kind: 'contribution', ordinal, ahead: true }, plan.amount - paid);
  }

  if (amount > capacity) {
    const ended = plan.endDay <= paidDay;
    // A resignation recorded ahead of time: the advance stops at the last period of the membership, not at the limit.
    const cutByEnd = !ended && plan.lastOrdinal !== Infinity && plan.firstMonth + (plan.lastOrdinal + 1) * plan.periodMonths <= windowEnd;
    refuseExcess(plan, { amount, capacity, dueNow: capacity - (windowTotal - prepaid), windowTotal, prepaid, ended, cutByEnd });
  }

  const split: PaymentSplit = { allocations: [], entranceFeeSatang: 0, owedSatang: 0, advanceSatang: 0, coversFrom: null, coversTo: null };
  let left = amount;
  let before = 0;
  for (const { item, open } of items) {
    if (left === 0) break;
    const take = Math.min(left, open);
    if (take < open && !settings.allowPartialPeriod) refusePart(plan, item.kind === 'entrance-fee' ? null : item.ordinal, { amount, before, open });
    left -= take;
    before += take;
    const receipt = options.receipt === undefined ? {} : { receipt: options.receipt };
    if (item.kind === 'entrance-fee') {
      split.entranceFeeSatang += take;
      split.allocations.push({ kind: 'entrance-fee', satang: take, paidOn, ...receipt });
      continue;
    }
    const startMonth = plan.firstMonth + item.ordinal * plan.periodMonths;
    split.allocations.push({ kind: 'contribution', period: monthIdOf(startMonth), satang: take, paidOn, ...receipt });
    if (item.ahead) split.advanceSatang += take;
    else split.owedSatang += take;
    split.coversFrom ??= monthIdOf(startMonth);
    split.coversTo = monthIdOf(startMonth + plan.periodMonths - 1);
  }
  return split;
}

function refuseExcess(plan: Plan, n: { amount: Satang; capacity: Satang; dueNow: Satang; windowTotal: Satang; prepaid: Satang; ended: boolean; cutByEnd: boolean }): never {
  const excess = n.amount - n.capacity;
  const th: string[] = [];
  const en: string[] = [];
  if (n.dueNow > 0) {
    th.push(`ค้างชำระ ${baht(n.dueNow)}`);
    en.push(`${formatSatang(n.dueNow)} baht is due;`);
  }
  const months = plan.settings.maxAdvanceMonths;
  if (n.ended) {
    th.push(`สมาชิกภาพสิ้นสุดเมื่อ ${formatThaiDateShort(plan.endIso!)} ไม่รับชำระล่วงหน้า`);
    en.push(`the membership ended on ${plan.endIso!}, so nothing is taken in advance;`);
  } else if (n.cutByEnd) {
    const last = monthIdOf(plan.firstMonth + plan.lastOrdinal * plan.periodMonths);
    th.push(`สมาชิกภาพสิ้นสุด ${formatThaiDateShort(plan.endIso!)} รับล่วงหน้าได้ถึงงวด ${formatPeriod(last, plan.periodMonths)} (${baht(n.windowTotal)})`);
    en.push(`the membership ends on ${plan.endIso!}, so advance payments go up to period ${last} (${formatSatang(n.windowTotal)} baht);`);
  } else if (months === 0) {
    th.push('กองทุนไม่รับชำระล่วงหน้า');
    en.push('the fund takes no advance payments;');
  } else {
    th.push(`รับล่วงหน้าได้ไม่เกิน ${months} เดือน (${baht(n.windowTotal)})`);
    en.push(`at most ${months} months (${formatSatang(n.windowTotal)} baht) may be paid in advance;`);
    if (n.prepaid > 0) {
      th.push(`ชำระล่วงหน้าไว้แล้ว ${baht(n.prepaid)}`);
      en.push(`${formatSatang(n.prepaid)} baht is already paid in advance;`);
    }
  }
  th.push(`จ่ายมา ${baht(n.amount)} เกิน ${baht(excess)}`);
  en.push(`paid ${formatSatang(n.amount)} baht, ${formatSatang(excess)} baht too much`);
  refuse('amountSatang', th.join(' '), en.join(' ').replace(/^./, (c) => c.toUpperCase()), { amountSatang: n.amount, acceptableSatang: n.capacity, excessSatang: excess });
}

function refusePart(plan: Plan, ordinal: number | null, n: { amount: Satang; before: Satang; open: Satang }): never {
  const itemTh = ordinal === null ? 'ค่าสมัครแรกเข้า' : `งวด ${formatPeriod(monthIdOf(plan.firstMonth + ordinal * plan.periodMonths), plan.periodMonths)}`;
  const itemEn = ordinal === null ? 'the entrance fee' : `period ${monthIdOf(plan.firstMonth + ordinal * plan.periodMonths)}`;
  const lower = n.before;
  const upper = n.before + n.open;
  const remainder = n.amount - lower;
  const lowerTh = lower > 0 ? `${baht(lower)} หรือ ` : '';
  const lowerEn = lower > 0 ? `${formatSatang(lower)} or ` : '';
  refuse(
    'amountSatang',
    `กองทุนไม่รับชำระบางส่วนของงวด: จ่ายมา ${baht(n.amount)} เหลือ ${baht(remainder)} ไม่ครบ${itemTh} (${baht(n.open)}) กรุณาชำระ ${lowerTh}${baht(upper)}`,
    `The fund takes no part payments: ${formatSatang(n.amount)} baht leaves ${formatSatang(remainder)} baht, short of ${itemEn} (${formatSatang(n.open)} baht); pay ${lowerEn}${formatSatang(upper)} baht`,
    { amountSatang: n.amount, lowerSatang: lower, upperSatang: upper, remainderSatang: remainder },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Arrears and lapse

export interface Lapse {
  /** ISO day the membership lapses: the day after the (grace-extended) collection day of the Nth missed period */
  date: string;
  /** the missed periods that reached the limit ('YYYY-MM'), oldest first */
  periods: string[];
  th: string;
  en: string;
}

/**
 * The day this membership lapses for arrears under the fund's rule, or null (no limit, or the membership ended
 * first). Only the allocations given count and none after them: a date after today is a forecast ("if nothing
 * more is paid"); a date on or before today means the member has lapsed. A payment dated on the collection day
 * counts as on time; one dated on the lapse day itself is too late.
 */
export function lapseDate(settings: ContributionSettings, membership: Membership, paid: PaidHistory): Lapse | null {
  const plan = planOf(settings, membership);
  const found = findLapse(plan, paid);
  if (found === null) return null;
  const { lapseDay, missed } = found;
  const date = isoOfDayNumber(lapseDay);
  const names = missed.map((p) => formatPeriod(p.id, plan.periodMonths)).join(', ');
  const count = missed.length;
  const what = { consecutive: `ขาดส่ง ${count} ครั้งติดต่อกัน`, outstanding: `ค้างส่ง ${count} ครั้ง`, 'ever-missed': `ขาดส่งรวม ${count} ครั้ง` }[settings.arrears.counting];
  const whatEn = { consecutive: `Missed ${count} payments in a row`, outstanding: `${count} payments outstanding`, 'ever-missed': `Missed ${count} payments in all` }[settings.arrears.counting];
  return {
    date,
    periods: missed.map((p) => p.id),
    th: `${what} (${names}) ขาดจากการเป็นสมาชิกตั้งแต่ ${formatThaiDateShort(date)}`,
    en: `${whatEn} (${missed.map((p) => p.id).join(', ')}): membership lapses on ${date}`,
  };
}

/** lapseDate()'s day alone (ISO), without its wording: what is kept beside each membership's summary. */
export function lapseDayOf(settings: ContributionSettings, membership: Membership, paid: PaidHistory): string | null {
  const found = findLapse(planOf(settings, membership), paid);
  return found === null ? null : isoOfDayNumber(found.lapseDay);
}

function findLapse(plan: Plan, paid: PaidHistory): { lapseDay: number; missed: PeriodPlan[] } | null {
  const settings = plan.settings;
  const limit = settings.arrears.limit;
  if (limit === null) return null;
  const { curedDay, lastKnown, runs } = isPaidSummary(paid) ? curesOfSummary(plan, paid) : curesOfLines(plan, paid);
  const grace = settings.arrears.graceDays;
  const inRun = (ordinal: number) => runs.some(([first, last]) => ordinal >= first && ordinal <= last);
  const cure = (ordinal: number) => curedDay.get(ordinal) ?? (runs.length > 0 && inRun(ordinal) ? PAID_ON_TIME : Infinity);
  const periods: PeriodPlan[] = [];
  let runIndex = 0;
  for (let ordinal = 0; ordinal <= plan.lastOrdinal; ordinal += 1) {
    while (runIndex < runs.length && runs[runIndex]![1] < ordinal) runIndex += 1;
    if (runIndex < runs.length && runs[runIndex]![0] <= ordinal) {
      // Paid in full by its collection day (a summary's run): never missed under any counting, so its day is not needed.
      periods.push({ ordinal, startMonth: 0, id: '', dueIso: '', dueDay: Infinity, amount: plan.amount });
      continue;
    }
    const period = periodAt(plan, ordinal);
    periods.push(period);
    const lapseDay = period.dueDay + grace + 1;
    if (lapseDay > plan.endDay) return null;
    // Only a newly missed period can raise the count (between these days payments only lower it).
    if (cure(ordinal) >= lapseDay) {
      const missed = missedAt(periods, cure, lapseDay, grace, settings.arrears.counting, limit);
      if (missed.length >= limit) return { lapseDay, missed };
    }
    // Every period after the last one paid is missed, so the limit is reached by lastKnown + limit at the latest.
    if (ordinal > lastKnown + limit) break;
  }
  return null;
}

/** A period paid in full by its collection day: as cured before any day, so it never counts as missed. */
const PAID_ON_TIME = -Infinity;

/** The day (number) each period became fully paid, payments in date order; the last period with money on it. */
interface Cures {
  /** the day (number) each period became fully paid; absent while it is not */
  curedDay: Map<number, number>;
  /** the last period with money on it */
  lastKnown: number;
  /** runs of periods paid in full by their collection day (first and last ordinal): cured before any day */
  runs: [number, number][];
}

function curesOfLines(plan: Plan, allocations: readonly Allocation[]): Cures {
  const curedDay = new Map<number, number>();
  const byOrdinal = new Map<number, { day: number; satang: Satang }[]>();
  postedOf(plan, allocations, null); // validates
  for (const allocation of allocations) {
    if (allocation.kind !== 'contribution') continue;
    const ordinal = ordinalOfPeriod(plan, allocation.period, 'allocations');
    const list = byOrdinal.get(ordinal) ?? [];
    list.push({ day: dayNumberOf(readIsoDate(allocation.paidOn, 'allocations', LABELS.paidOn)), satang: allocation.satang });
    byOrdinal.set(ordinal, list);
  }
  for (const [ordinal, list] of byOrdinal) {
    list.sort((a, b) => a.day - b.day);
    let sum = 0;
    for (const entry of list) {
      sum += entry.satang;
      if (sum >= plan.amount) {
        curedDay.set(ordinal, entry.day);
        break;
      }
    }
  }
  // Past the last payment nothing is paid: the limit is reached within `limit` periods after it.
  return { curedDay, lastKnown: Math.max(0, ...byOrdinal.keys()), runs: [] };
}

function curesOfSummary(plan: Plan, summary: PaidSummary): Cures {
  const posted = postedOfSummary(plan, summary, null); // validates the periods
  const curedDay = new Map<number, number>();
  let lastKnown = 0;
  for (const [, last] of posted.runs) lastKnown = Math.max(lastKnown, last);
  for (const item of summary.other) {
    const ordinal = ordinalOfPeriod(plan, item.period, 'summary.other');
    if (item.satang >= plan.amount) curedDay.set(ordinal, dayNumberOf(readIsoDate(item.paidOn, 'summary.other', LABELS.paidOn)));
    lastKnown = Math.max(lastKnown, ordinal);
  }
  return { curedDay, lastKnown, runs: posted.runs };
}

export interface MembershipStatus {
  /** 'not-started' before the start day; the recorded end reason from the end day; 'lapsed' from the lapse day */
  status: 'not-started' | 'active' | MembershipEndReason;
  /** the day the status began (ISO) */
  since: string;
  /** the lapse that ended it; for an active member, the day it will lapse if nothing more is paid (null: never) */
  lapse: Lapse | null;
}

/**
 * The membership's status on `onDate`, from its recorded end and the arrears rule: a recorded end (died,
 * resigned, expelled) counts from its day; a lapse counts from the lapse day even if nobody has recorded it yet.
 * Payments dated after `onDate` are not seen (a status on a past day is what it was then).
 */
export function membershipStatusOn(settings: ContributionSettings, membership: Membership, allocations: readonly Allocation[], onDate: string): MembershipStatus {
  const plan = planOf(settings, membership);
  const onDay = readAsOf(onDate, 'onDate', { th: 'วันที่', en: 'Date' });
  if (onDay < plan.startDay) return { status: 'not-started', since: onDate, lapse: null };
  const lapse = lapseDate(settings, membership, allocations.filter((a) => a.paidOn <= onDate));
  if (lapse !== null && lapse.date <= onDate && (plan.endIso === null || lapse.date <= plan.endIso)) return { status: 'lapsed', since: lapse.date, lapse };
  if (plan.endIso !== null && plan.endDay <= onDay) {
    if (!membership.endReason) refuse('membership.endReason', `สมาชิกภาพสิ้นสุด ${formatThaiDateShort(plan.endIso)} แต่ไม่ได้ระบุเหตุ (ลาออก เสียชีวิต ขาดสมาชิกภาพ หรือถูกให้ออก)`, `The membership ended on ${plan.endIso} but no reason is given (resigned, died, lapsed or expelled)`);
    return { status: membership.endReason, since: plan.endIso, lapse: null };
  }
  return { status: 'active', since: plan.startIso, lapse };
}

/** The periods counting against the limit on `day`, oldest first, stopping once `limit` are found. */
function missedAt(periods: readonly PeriodPlan[], cure: (ordinal: number) => number, day: number, grace: number, counting: ArrearsCounting, limit: number): PeriodPlan[] {
  const found: PeriodPlan[] = [];
  for (let index = periods.length - 1; index >= 0 && found.length < limit; index -= 1) {
    const period = periods[index]!;
    const missedBy = period.dueDay + grace + 1;
    const counts = counting === 'ever-missed' ? cure(period.ordinal) >= missedBy : missedBy <= day && cure(period.ordinal) >= day;
    if (counts) found.push(period);
    else if (counting === 'consecutive') break;
  }
  return found.reverse();
}

// ---------------------------------------------------------------------------------------------------------------
// The passbook (สมุดประจำตัวสมาชิก)

export interface PassbookLine {
  kind: 'entrance-fee' | 'contribution';
  /** ครั้งที่ (the period's number in this membership); null for the entrance fee */
  number: number | null;
  /** first month 'YYYY-MM'; null for the entrance fee */
  period: string | null;
  /** 'ม.ค. 69', 'ม.ค.–มี.ค. 69' or 'ค่าสมัครแรกเข้า' */
  label: string;
  /** วัน เดือน ปี: the day of the payment that completed it (or of the last part payment); null if nothing paid */
  date: string | null;
  /** จำนวนเงิน paid */
  amountSatang: Satang;
  dueSatang: Satang;
  dueDate: string;
  status: 'paid' | 'partly-paid' | 'missed' | 'not-due';
  /** paid after the collection day */
  late: boolean;
  /** หมายเหตุ: ส่ง / ขาด, with the amount still open when partly paid */
  remark: string;
  receipts: string[];
}

/**
 * The passbook rows for the periods starting from `from` to `to` (ISO dates; periods whose first month lies in
 * that range), as they stood on `asOf` (default `to`): ส่ง when fully paid, ขาด when the collection day has
 * passed unpaid, blank when not yet due. The entrance fee is a row of its own when the membership starts in the
 * range. The treasurer's name is the caller's.
 */
export function passbookLines(
  settings: ContributionSettings,
  membership: Membership,
  allocations: readonly Allocation[],
  from: string,
  to: string,
  options: { asOf?: string } = {},
): PassbookLine[] {
  const plan = planOf(settings, membership);
  const fromDay = readAsOf(from, 'from', LABELS.from);
  const toDay = readAsOf(to, 'to', LABELS.to);
  if (toDay < fromDay) refuse('to', `${LABELS.to.th} ${formatThaiDateShort(to)} อยู่ก่อน${LABELS.from.th} ${formatThaiDateShort(from)}`, `${LABELS.to.en} ${to} is before the ${LABELS.from.en.toLowerCase()} ${from}`);
  const asOf = options.asOf ?? to;
  readAsOf(asOf, 'asOf', LABELS.asOf);
  const posted = postedOf(plan, allocations, asOf, true);
  const lines: PassbookLine[] = [];

  if (plan.entranceFee > 0 && plan.startDay >= fromDay && plan.startDay <= toDay) {
    const feeDates = allocations.filter((a) => a.kind === 'entrance-fee' && a.paidOn <= asOf);
    const dueDate = periodAt(plan, 0).dueIso;
    const paid = posted.entranceFee;
    const lastPaidOn = feeDates.reduce<string | null>((last, a) => (last === null || a.paidOn > last ? a.paidOn : last), null);
    lines.push(row('entrance-fee', null, null, 'ค่าสมัครแรกเข้า', plan.entranceFee, paid, dueDate, lastPaidOn, feeDates.flatMap((a) => (a.receipt === undefined ? [] : [a.receipt])), asOf));
  }

  const fromMonth = monthIndexOf(readIsoDate(from, 'from', LABELS.from));
  const toMonth = monthIndexOf(readIsoDate(to, 'to', LABELS.to));
  const firstOrdinal = Math.max(0, Math.ceil((fromMonth - plan.firstMonth) / plan.periodMonths));
  const lastOrdinal = Math.min(plan.lastOrdinal, Math.floor((toMonth - plan.firstMonth) / plan.periodMonths));
  for (let ordinal = firstOrdinal; ordinal <= lastOrdinal; ordinal += 1) {
    const period = periodAt(plan, ordinal);
    const paid = posted.byOrdinal.get(ordinal) ?? 0;
    const dates = posted.dates?.get(ordinal);
    lines.push(row('contribution', ordinal + 1, period.id, formatPeriod(period.id, plan.periodMonths), plan.amount, paid, period.dueIso, dates?.lastPaidOn ?? null, dates?.receipts ?? [], asOf));
  }
  return lines;
}

function row(kind: PassbookLine['kind'], number: number | null, period: string | null, label: string, due: Satang, paid: Satang, dueDate: string, date: string | null, receipts: string[], asOf: string): PassbookLine {
  const overdue = dueDate < asOf;
  const status: PassbookLine['status'] = paid >= due ? 'paid' : overdue ? 'missed' : paid > 0 ? 'partly-paid' : 'not-due';
  const remark =
    status === 'paid'
      ? 'ส่ง'
      : status === 'missed'
        ? paid > 0
          ? `ขาด (ส่งแล้ว ${formatSatang(paid)} ค้าง ${formatSatang(due - paid)})`
          : 'ขาด'
        : status === 'partly-paid'
          ? `ส่งแล้ว ${formatSatang(paid)} ค้าง ${formatSatang(due - paid)}`
          : '';
  return { kind, number, period, label, date, amountSatang: paid, dueSatang: due, dueDate, status, late: date !== null && paid >= due && date > dueDate, remark, receipts };
}

// ---------------------------------------------------------------------------------------------------------------
// What is paid, summed up (kept beside the receipts so ten years of lines are not read on every collection day)

/**
 * A membership's posted allocations, summed so that owed(), allocatePayment() and lapseDate() give exactly what they
 * give on the lines themselves, as long as (1) the same settings are used and (2) owed() is asked for a day on or
 * after `lastPaidOn` (money paid later than the day asked about must not count; only the lines know their days).
 * A period paid in full by its collection day can never count as missed under any arrears counting, so only its
 * sum matters: such periods are kept as runs. Every other period keeps its sum and the day it became fully paid
 * (or, while partly paid, its last payment day) — all the arrears rule needs.
 */
export interface PaidSummary {
  entranceFeeSatang: Satang;
  /** the last day money came to the entrance fee */
  entranceFeePaidOn: string | null;
  /** the last payment day of all lines summed */
  lastPaidOn: string | null;
  /** runs of consecutive periods, each paid in full (the scheme's amount) by its collection day: [first period, count] */
  onTime: [string, number][];
  /** every other period with money on it, oldest first */
  other: { period: string; satang: Satang; paidOn: string }[];
}

/** What the rules take as "what is paid": the lines (allocations) or their summary. */
export type PaidHistory = readonly Allocation[] | PaidSummary;

export function isPaidSummary(paid: PaidHistory): paid is PaidSummary {
  return !Array.isArray(paid);
}

/** Sums the posted allocations of one membership (validated as every rule validates them). */
export function paidSummaryOf(settings: ContributionSettings, membership: Membership, allocations: readonly Allocation[]): PaidSummary {
  const plan = planOf(settings, membership);
  postedOf(plan, allocations, null); // validates: the summary of lines the rules refuse is refused alike
  const summary: PaidSummary = { entranceFeeSatang: 0, entranceFeePaidOn: null, lastPaidOn: null, onTime: [], other: [] };
  const byOrdinal = new Map<number, { paidOn: string; satang: Satang }[]>();
  for (const allocation of allocations) {
    if (summary.lastPaidOn === null || allocation.paidOn > summary.lastPaidOn) summary.lastPaidOn = allocation.paidOn;
    if (allocation.kind === 'entrance-fee') {
      summary.entranceFeeSatang += allocation.satang;
      if (summary.entranceFeePaidOn === null || allocation.paidOn > summary.entranceFeePaidOn) summary.entranceFeePaidOn = allocation.paidOn;
      continue;
    }
    const ordinal = ordinalOfPeriod(plan, allocation.period, 'allocations');
    const list = byOrdinal.get(ordinal) ?? [];
    list.push({ paidOn: allocation.paidOn, satang: allocation.satang });
    byOrdinal.set(ordinal, list);
  }
  let run: [string, number] | null = null;
  let runEnd = -2;
  for (const ordinal of [...byOrdinal.keys()].sort((a, b) => a - b)) {
    // Payments in date order, as lapseDate() finds the day a period became fully paid.
    const list = byOrdinal.get(ordinal)!.sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
    let sum = 0;
    let cured: string | null = null;
    for (const entry of list) {
      sum += entry.satang;
      if (cured === null && sum >= plan.amount) cured = entry.paidOn;
    }
    const period = periodAt(plan, ordinal);
    if (cured !== null && sum === plan.amount && cured <= period.dueIso) {
      if (run !== null && ordinal === runEnd + 1) run[1] += 1;
      else {
        run = [period.id, 1];
        summary.onTime.push(run);
      }
      runEnd = ordinal;
      continue;
    }
    summary.other.push({ period: period.id, satang: sum, paidOn: cured ?? list.at(-1)!.paidOn });
  }
  return summary;
}

/**
 * The summary with new allocations (a payment's split) added — what paidSummaryOf gives on all the lines. Null when
 * the lines must be summed again instead: an allocation dated before the summary's last day (which money came first
 * only the lines know), or one the rules would refuse (more than an item's amount; the lines say why).
 */
export function addToPaidSummary(settings: ContributionSettings, membership: Membership, summary: PaidSummary, added: readonly Allocation[]): PaidSummary | null {
  if (summary.lastPaidOn !== null && added.some((allocation) => allocation.paidOn < summary.lastPaidOn!)) return null;
  const plan = planOf(settings, membership);
  const next: PaidSummary = { entranceFeeSatang: summary.entranceFeeSatang, entranceFeePaidOn: summary.entranceFeePaidOn, lastPaidOn: summary.lastPaidOn, onTime: [], other: [] };
  const runs = summary.onTime.map(([from, count]): [number, number] => {
    const first = ordinalOfPeriod(plan, from, 'summary.onTime');
    return [first, first + count - 1];
  });
  const other = new Map(summary.other.map((item) => [ordinalOfPeriod(plan, item.period, 'summary.other'), item]));
  for (const allocation of added) {
    if (next.lastPaidOn === null || allocation.paidOn > next.lastPaidOn) next.lastPaidOn = allocation.paidOn;
    if (allocation.kind === 'entrance-fee') {
      next.entranceFeeSatang += allocation.satang;
      if (next.entranceFeeSatang > plan.entranceFee) return null;
      next.entranceFeePaidOn = allocation.paidOn;
      continue;
    }
    const ordinal = ordinalOfPeriod(plan, allocation.period, 'allocations');
    if (runs.some(([first, last]) => ordinal >= first && ordinal <= last)) return null;
    const satang = (other.get(ordinal)?.satang ?? 0) + allocation.satang;
    if (satang > plan.amount) return null;
    // Dated on or after every earlier payment: this one completes the period, or is its last part so far.
    const period = periodAt(plan, ordinal);
    if (satang === plan.amount && allocation.paidOn <= period.dueIso) {
      other.delete(ordinal);
      runs.push([ordinal, ordinal]);
    } else other.set(ordinal, { period: period.id, satang, paidOn: allocation.paidOn });
  }
  runs.sort((a, b) => a[0] - b[0]);
  for (const [first, last] of runs) {
    const previous = next.onTime.at(-1);
    if (previous !== undefined && ordinalOfPeriod(plan, previous[0], 'summary.onTime') + previous[1] === first) previous[1] += last - first + 1;
    else next.onTime.push([monthIdOf(plan.firstMonth + first * plan.periodMonths), last - first + 1]);
  }
  next.other = [...other].sort((a, b) => a[0] - b[0]).map(([, item]) => item);
  return next;
}

function postedOfSummary(plan: Plan, summary: PaidSummary, asOfIso: string | null): Posted {
  if (asOfIso !== null && summary.lastPaidOn !== null && asOfIso < summary.lastPaidOn) {
    // A programming error: the caller must read the lines for a day before the last payment.
    throw new Error(`a paid summary to ${summary.lastPaidOn} cannot answer for ${asOfIso}`);
  }
  const posted: Posted = { byOrdinal: new Map(), runs: [], entranceFee: summary.entranceFeeSatang };
  for (const [from, count] of summary.onTime) {
    const first = ordinalOfPeriod(plan, from, 'summary.onTime');
    posted.runs.push([first, first + count - 1]);
  }
  for (const item of summary.other) posted.byOrdinal.set(ordinalOfPeriod(plan, item.period, 'summary.other'), item.satang);
  return posted;
}
