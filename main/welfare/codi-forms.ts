// CODI's two forms filled from the books (issue 10, DOMAIN.md §2.6–2.7): the parts that are the CODI forms' own —
// members who completed one year by 30 September, the request round and the rounds before it, the villages taking
// part against the tambon's, the criteria of the matching-budget application met or not with their numbers, and the
// committee's own words kept per fiscal year. The figures the forms share with the statements (financial position,
// fund by source, benefits by type, members by category and village) come from ./statements.ts, never from here.
import { z } from 'zod';
import { welfareBooks, welfareCodiSettings } from '../../db/schema';
import { ApiError } from '../api/errors';
import type { AppContext } from '../api/router';
import { bilingual } from '../api/validation';
import { daysInMonth, dayNumberOf, membershipYears, readIsoDate } from './membership-dates';
import { bahtEn, bahtTh, dateEn as dateEnCe, dateTh, grouped } from './wording';

/** "30 September B.E. 2569": the English twin keeps the Buddhist year the screen and the forms use. */
function dateEn(iso: string): string {
  return dateEnCe(iso).replace(/(\d{4})$/, (year) => `B.E. ${Number(year) + 543}`);
}

/** One-baht-a-day: a year's contribution, and so the matching asked per eligible member (DOMAIN.md §2.6 [U]). */
export const MATCHING_PER_MEMBER_SATANG = 36_500;

// ---------------------------------------------------------------------------------------------------------------
// The fiscal year

export interface CodiYear {
  /** B.E., as the forms print it: ปีงบประมาณ 2570 */
  fiscalYear: number;
  /** 1 October of the year before, ISO C.E. */
  start: string;
  /** 30 September: the day members are counted on (DOMAIN.md §2.2 "ครบ 1 ปี … 30 กันยายน") */
  end: string;
}

/** ปีงบประมาณ 2570 → 1 Oct 2026 – 30 Sep 2027 (C.E. 2570 − 543 = 2027). */
export function codiYear(fiscalYear: number): CodiYear {
  const endYear = fiscalYear - 543;
  return { fiscalYear, start: `${endYear - 1}-10-01`, end: `${endYear}-09-30` };
}

/**
 * The fiscal year typed by the user, in B.E. A C.E. year (2026) is the mistake people make most: it is named as
 * such, not silently turned into 1483 or 2569.
 */
export const fiscalYearField = z
  .number({ error: bilingual('ปีงบประมาณต้องเป็นตัวเลข พ.ศ. เช่น 2570', 'The fiscal year must be a B.E. number, e.g. 2570') })
  .int(bilingual('ปีงบประมาณต้องเป็นจำนวนเต็ม เช่น 2570', 'The fiscal year must be a whole number, e.g. 2570'))
  .refine((year) => !(year >= 1900 && year <= 2200), bilingual('ปีงบประมาณเป็น ค.ศ. แต่ต้องเป็น พ.ศ. (ค.ศ. + 543) เช่น 2570', 'The fiscal year is C.E.; B.E. (C.E. + 543) expected, e.g. 2570'))
  .refine((year) => year >= 2540 && year <= 2700, bilingual('ปีงบประมาณต้องเป็น พ.ศ. ระหว่าง 2540 ถึง 2700', 'The fiscal year must be B.E. 2540 to 2700'));

/** The day the forms are made as of: the year's 30 September, or today while the year is not over. */
export function formDate(year: CodiYear, today: string): string {
  return today < year.end ? (today < year.start ? year.start : today) : year.end;
}

// ---------------------------------------------------------------------------------------------------------------
// Members who completed one year by 30 September

/**
 * The rule, from the membership history (start and end dates), never a stored flag:
 * - A person counts when they are a member ON 30 September (`cutoff`) and have been one, without a break, for at
 *   least one whole year on that day. "One year" is the anniversary rule of membership-dates.ts (ป.พ.พ. 193/5): a
 *   member who joined on 30 September 2568 completes the year on 30 September 2569 and counts for ปีงบประมาณ 2569;
 *   one who joined on 1 October 2568 completes it on 1 October 2569 and does not.
 * - A membership's end date is its last day, as the member list counts it (active while end ≥ today): a member
 *   whose membership ended before 30 September (died, resigned, lapsed, expelled) does not count; one whose last day
 *   is 30 September (died that day) still was a member on it and counts. A person the register says died before
 *   the cutoff does not count either, even if the membership was not yet ended in the books.
 * - Lapsed and rejoined: the year counts from the start of the membership held on 30 September — a new membership
 *   is a new waiting period (schema: "a new waiting period, a new entrance fee"). Memberships that follow each
 *   other without a gap (the next starts on or the day after the previous one's end) are one unbroken membership.
 */
export interface MembershipSpan {
  personId: number;
  startDate: string;
  endDate: string | null;
  /** the register's date of death, if the person died */
  diedOn: string | null;
}

export interface OneYearCount {
  cutoff: string;
  /** members on the cutoff day */
  membersOnCutoff: number;
  /** of them, members for a whole year or more: สมาชิกที่ครบ 1 ปี */
  completedOneYear: number;
  /** members on the cutoff day who joined less than a year before it */
  underOneYear: number;
}

export function countOneYearMembers(spans: readonly MembershipSpan[], cutoff: string): OneYearCount {
  const cutoffDay = dayNumberOf(readIsoDate(cutoff, 'fiscalYear', { th: 'วันที่นับ', en: 'Cut-off date' }));
  const byPerson = new Map<number, MembershipSpan[]>();
  for (const span of spans) {
    const list = byPerson.get(span.personId);
    if (list) list.push(span);
    else byPerson.set(span.personId, [span]);
  }
  let membersOnCutoff = 0;
  let completedOneYear = 0;
  for (const list of byPerson.values()) {
    if (list[0]!.diedOn !== null && list[0]!.diedOn < cutoff) continue;
    list.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
    const heldIndex = list.findIndex((span) => span.startDate <= cutoff && (span.endDate === null || span.endDate >= cutoff));
    if (heldIndex < 0) continue;
    membersOnCutoff += 1;
    let since = list[heldIndex]!.startDate;
    for (let index = heldIndex - 1; index >= 0; index -= 1) {
      const before = list[index]!;
      // an earlier membership whose last day is the day before the later one starts (or later): no break
      if (before.endDate === null || dayNumberOf(readIsoDate(before.endDate, 'endDate', { th: 'วันสิ้นสุดสมาชิกภาพ', en: 'Membership end' })) + 1 < dayNumberOf(readIsoDate(since, 'startDate', { th: 'วันเริ่มเป็นสมาชิก', en: 'Membership start' }))) break;
      since = before.startDate < since ? before.startDate : since;
    }
    if (dayNumberOf(readIsoDate(since, 'startDate', { th: 'วันเริ่มเป็นสมาชิก', en: 'Membership start' })) <= cutoffDay && membershipYears(since, cutoff) >= 1) completedOneYear += 1;
  }
  return { cutoff, membersOnCutoff, completedOneYear, underOneYear: membersOnCutoff - completedOneYear };
}

/** The memberships that may count on `cutoff` (started by then), with the register's date of death. */
export function membershipSpans(app: AppContext, cutoff: string): MembershipSpan[] {
  return app.sqlite
    .prepare(
      `SELECT m.person_id AS personId, m.start_date AS startDate, m.end_date AS endDate,
              CASE WHEN p.life_status = 'died' THEN coalesce(p.life_status_date, m.end_date, '0000-00-00') END AS diedOn
         FROM welfare_memberships m JOIN people p ON p.id = m.person_id
        WHERE m.start_date <= ?`,
    )
    .all(cutoff) as MembershipSpan[];
}

export function oneYearMembers(app: AppContext, cutoff: string): OneYearCount {
  return countOneYearMembers(membershipSpans(app, cutoff), cutoff);
}

// ---------------------------------------------------------------------------------------------------------------
// Settings the books do not hold

export type LocalGovernmentKind = 'subdistrict' | 'municipality';

export interface CodiSettings {
  localGovernmentKind: LocalGovernmentKind;
  /** as saved; null: the default of the kind */
  villageThresholdBasisPoints: number | null;
  /** the threshold in force: saved, or 50 % of a tambon's villages, 20 % of a municipality's communities */
  thresholdBasisPoints: number;
  /** as saved; null: the books' first day (statements.ts fundFoundingDate) */
  foundedOn: string | null;
}

export const DEFAULT_THRESHOLD_BASIS_POINTS: Record<LocalGovernmentKind, number> = { subdistrict: 5000, municipality: 2000 };

export function codiSettings(app: AppContext): CodiSettings {
  const row = app.db.select().from(welfareCodiSettings).get();
  const kind = row?.localGovernmentKind ?? 'subdistrict';
  const saved = row?.villageThresholdBasisPoints ?? null;
  return { localGovernmentKind: kind, villageThresholdBasisPoints: saved, thresholdBasisPoints: saved ?? DEFAULT_THRESHOLD_BASIS_POINTS[kind], foundedOn: row?.foundedOn ?? null };
}

// ---------------------------------------------------------------------------------------------------------------
// Rounds of government matching through CODI, and the money beside them

export interface CodiRound {
  /** รอบที่; null: matching money recorded without its round */
  round: number | null;
  approvalDate: string | null;
  /** the first day money of the round came in */
  receivedOn: string;
  amountSatang: number;
  /** members' contributions in the fiscal year the round was approved (or received) in */
  memberContributionsSatang: number;
  /** that fiscal year, B.E. */
  fiscalYear: number;
}

/** Net credits to the income accounts of a report line between two days (a reversal takes its posting back). */
export function incomeOfLine(app: AppContext, reportLine: string, from: string, to: string): number {
  const row = app.sqlite
    .prepare(
      `SELECT coalesce(-sum(l.amount_satang), 0) AS amount
         FROM welfare_journal_lines l
         JOIN welfare_journal_entries e ON e.id = l.entry_id
        WHERE l.account_id IN (SELECT id FROM welfare_accounts WHERE kind = 'income' AND report_line = ?)
          AND e.entry_date BETWEEN ? AND ?`,
    )
    .get(reportLine, from, to) as { amount: number };
  return row.amount;
}

/** The B.E. fiscal year a day falls in (CODI's year, whatever the fund's own accounting year). */
export function fiscalYearOfDay(iso: string): number {
  const { year, month } = readIsoDate(iso, 'date', { th: 'วันที่', en: 'Date' });
  return (month >= 10 ? year + 1 : year) + 543;
}

/**
 * The rounds of government matching (งบสมทบจากรัฐบาลผ่าน พอช., account 4103) received by `until`, from the other
 * money recorded with its round and CODI's approval date. A record voided by `until` does not count; one voided later
 * still does, as the books stood that day (the money table beside it, statements.ts fundBySource, reads them so).
 */
export function codiRounds(app: AppContext, until: string): CodiRound[] {
  const rows = app.sqlite
    .prepare(
      `SELECT r.codi_round AS round, max(r.codi_round_approval_date) AS approvalDate, min(r.income_date) AS receivedOn, sum(r.amount_satang) AS amountSatang
         FROM welfare_income_records r JOIN welfare_accounts a ON a.id = r.source_account_id
        WHERE a.report_line = 'codiMatching' AND (r.voided_on IS NULL OR r.voided_on > ?) AND r.income_date <= ?
        GROUP BY r.codi_round
        ORDER BY r.codi_round IS NULL, r.codi_round`,
    )
    .all(until, until) as Omit<CodiRound, 'memberContributionsSatang' | 'fiscalYear'>[];
  return rows.map((row) => {
    const fiscalYear = fiscalYearOfDay(row.approvalDate ?? row.receivedOn);
    const year = codiYear(fiscalYear);
    return { ...row, fiscalYear, memberContributionsSatang: incomeOfLine(app, 'memberContributions', year.start, year.end) };
  });
}

/** รอบที่ of this request: one more than the last round received (the first round when none was). */
export function requestRound(rounds: readonly CodiRound[]): number {
  return rounds.reduce((highest, round) => Math.max(highest, round.round ?? 0), 0) + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// The criteria of the matching-budget application (แบบเสนอ ข้อ 4)

export interface Criterion {
  key: 'operatingOneYear' | 'villages' | 'categories' | 'accountsCurrent' | 'benefitTypes';
  /** the form's item: "4.1", "4.2" … */
  item: string;
  met: boolean;
  label: { th: string; en: string };
  /** the numbers it was judged on, as a sentence */
  detail: { th: string; en: string };
}

export function operatingCriterion(foundingDate: string | null, cutoff: string): Criterion {
  const label = { th: 'ดำเนินการจัดสวัสดิการมาแล้วไม่น้อยกว่า 1 ปี', en: 'Operating welfare for at least one year' };
  if (foundingDate === null || foundingDate > cutoff) {
    return { key: 'operatingOneYear', item: '4.1', met: false, label, detail: { th: 'ยังไม่มีวันก่อตั้งกองทุน (ยังไม่มีระเบียบ สมาชิก หรือรายการบัญชี)', en: 'No founding date yet (no regulation, member or entry)' } };
  }
  const years = membershipYears(foundingDate, cutoff);
  return {
    key: 'operatingOneYear',
    item: '4.1',
    met: years >= 1,
    label,
    detail: { th: `ก่อตั้ง ${dateTh(foundingDate)} ถึง ${dateTh(cutoff)} ครบ ${grouped(years)} ปี`, en: `Founded ${dateEn(foundingDate)}; ${grouped(years)} full years by ${dateEn(cutoff)}` },
  };
}

/** Villages with current members against the tambon's: met at the threshold (50 % by default; 20 % in a municipality). */
export function villagesCriterion(taking: number, total: number, thresholdBasisPoints: number, kind: LocalGovernmentKind): Criterion {
  const percent = (thresholdBasisPoints / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
  const share = total === 0 ? 0 : Math.floor((taking * 10000) / total);
  const shown = (share / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
  const unit = kind === 'municipality' ? { th: 'ชุมชน', en: 'communities' } : { th: 'หมู่บ้าน', en: 'villages' };
  return {
    key: 'villages',
    item: '4.2',
    // taking × 10000 ≥ total × threshold: exact, no rounding at the edge (5 of 10 villages is 50 %)
    met: total > 0 && taking * 10000 >= total * thresholdBasisPoints,
    label: { th: `${unit.th}ที่เข้าร่วมไม่น้อยกว่าร้อยละ ${percent} ของ${unit.th}ทั้งหมด`, en: `At least ${percent} % of the ${unit.en} take part` },
    detail: { th: `เข้าร่วม ${grouped(taking)} จาก ${grouped(total)} ${unit.th} (ร้อยละ ${shown})`, en: `${grouped(taking)} of ${grouped(total)} ${unit.en} take part (${shown} %)` },
  };
}

/** The four groups the application asks the fund to cover, matched by the regulation's category code or Thai name. */
export const COVERED_GROUPS = [
  { key: 'youth', codes: ['youth', 'child', 'children'], words: ['เยาวชน', 'เด็ก'], th: 'เด็ก/เยาวชน', en: 'children/youth' },
  { key: 'elderly', codes: ['elderly'], words: ['สูงอายุ'], th: 'ผู้สูงอายุ', en: 'older people' },
  { key: 'disabled', codes: ['disabled'], words: ['พิการ'], th: 'ผู้พิการ', en: 'people with disabilities' },
  { key: 'disadvantaged', codes: ['disadvantaged', 'orphan'], words: ['ด้อยโอกาส', 'กำพร้า'], th: 'ผู้ด้อยโอกาส', en: 'disadvantaged people' },
] as const;

export function categoriesCriterion(byCategory: readonly { category: string; name: string; current: number }[]): Criterion {
  const counts = COVERED_GROUPS.map((group) => ({
    group,
    current: byCategory.filter((row) => (group.codes as readonly string[]).includes(row.category) || group.words.some((word) => row.name.includes(word))).reduce((sum, row) => sum + row.current, 0),
  }));
  return {
    key: 'categories',
    item: '4.2',
    met: counts.every((entry) => entry.current > 0),
    label: { th: 'ครอบคลุมเด็ก/เยาวชน ผู้สูงอายุ ผู้พิการ และผู้ด้อยโอกาส', en: 'Covers children/youth, older, disabled and disadvantaged people' },
    detail: {
      th: counts.map((entry) => `${entry.group.th} ${grouped(entry.current)} คน`).join(', '),
      en: counts.map((entry) => `${entry.group.en} ${grouped(entry.current)}`).join(', '),
    },
  };
}

/**
 * "ระบบบัญชีที่เป็นปัจจุบัน": the books are closed (locked, books-methods.ts) through the last day of the month
 * before the month of the form's date — a form made on 30 September wants August closed.
 */
export function accountsCurrentCriterion(lockDate: string | null, asOf: string): Criterion {
  const { year, month } = readIsoDate(asOf, 'asOf', { th: 'ณ วันที่', en: 'As of' });
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const required = `${previous.year}-${String(previous.month).padStart(2, '0')}-${String(daysInMonth(previous.year, previous.month)).padStart(2, '0')}`;
  return {
    key: 'accountsCurrent',
    item: '4.4',
    met: lockDate !== null && lockDate >= required,
    label: { th: 'ระบบบัญชีเป็นปัจจุบัน (ปิดงวดบัญชีถึงเดือนก่อน)', en: 'Accounts up to date (closed through last month)' },
    detail:
      lockDate === null
        ? { th: `ยังไม่เคยปิดงวดบัญชี (ต้องปิดถึง ${dateTh(required)})`, en: `No period closed yet (needs ${dateEn(required)})` }
        : { th: `ปิดงวดบัญชีถึง ${dateTh(lockDate)} (ต้องปิดถึง ${dateTh(required)})`, en: `Closed through ${dateEn(lockDate)} (needs ${dateEn(required)})` },
  };
}

export function benefitTypesCriterion(paidTypes: readonly { name: string; persons: number; amountSatang: number }[]): Criterion {
  const paid = paidTypes.filter((type) => type.persons > 0 && type.amountSatang > 0);
  return {
    key: 'benefitTypes',
    item: '4.5',
    met: paid.length >= 3,
    label: { th: 'จัดสวัสดิการพื้นฐานไม่น้อยกว่า 3 ประเภท', en: 'At least three basic welfare types paid' },
    detail: {
      th: paid.length === 0 ? 'ยังไม่เคยจ่ายสวัสดิการ' : `จ่ายแล้ว ${paid.length} ประเภท: ${paid.map((type) => type.name).join(', ')}`,
      en: paid.length === 0 ? 'No welfare paid yet' : `${paid.length} types paid: ${paid.map((type) => type.name).join(', ')}`,
    },
  };
}

export function lockDateOf(app: AppContext): string | null {
  return app.db.select({ lockDate: welfareBooks.lockDate }).from(welfareBooks).get()?.lockDate ?? null;
}

/** The requested amount the books suggest: eligible members × 365 บาท (the committee may write another, §5). */
export function suggestedRequest(eligible: number): { amountSatang: number; th: string; en: string } {
  const amountSatang = eligible * MATCHING_PER_MEMBER_SATANG;
  return { amountSatang, th: `${grouped(eligible)} คน × 365 บาท = ${bahtTh(amountSatang)}`, en: `${grouped(eligible)} members × 365 baht = ${bahtEn(amountSatang)}` };
}

// ---------------------------------------------------------------------------------------------------------------
// The committee's own words, per fiscal year

const text = (max: number) => z.string().max(max, bilingual(`ข้อความยาวได้ไม่เกิน ${grouped(max)} ตัวอักษร`, `At most ${grouped(max)} characters`));

const planRow = z.object({
  plan: z.string().trim().max(500),
  method: z.string().trim().max(1000),
  result: z.string().trim().max(1000),
});

const committeeRow = z.object({
  name: z.string().trim().min(1, bilingual('ต้องกรอกชื่อ-นามสกุลกรรมการ', 'The committee member needs a name')).max(100),
  /** ตำแหน่งในกองทุน: ประธาน, ผู้ประสานงาน, เหรัญญิก, เลขานุการ, กรรมการ */
  position: z.string().trim().max(100).default(''),
  /** ตำแหน่งในชุมชน */
  communityRole: z.string().trim().max(100).default(''),
  citizenId: z.string().trim().max(20).default(''),
  phone: z.string().trim().max(40).default(''),
});

export type PlanRow = z.output<typeof planRow>;
export type CommitteeRow = z.output<typeof committeeRow>;

/**
 * The sections the committee writes, in the order of the screen. §11 links to the council and the plan: written
 * here until those areas of the app exist, then filled from them.
 */
export const codiSections = {
  objectives: { form: 'status', item: '2', th: 'วัตถุประสงค์ของกองทุน', en: 'Objectives of the fund', value: text(4000) },
  population: { form: 'status', item: '3', th: 'จำนวนประชากรในชุมชน (คน)', en: 'Population of the community', value: text(100) },
  activities: { form: 'status', item: '7', th: 'กิจกรรมของกองทุนในชุมชน', en: 'Activities in the community', value: text(4000) },
  management: { form: 'status', item: '9', th: 'ระบบการบริหารจัดการ (ระเบียบ การเก็บข้อมูลสมาชิก การประชุม การติดตามประเมินผล การรายงาน)', en: 'Management (rules, member data, meetings, follow-up, reporting)', value: text(4000) },
  links: { form: 'status', item: '11', th: 'การเชื่อมโยงกับงานอื่น (สภาองค์กรชุมชน แผนชุมชน ฯลฯ)', en: 'Links to other work (council, community plan …)', value: text(4000) },
  support: { form: 'status', item: '12', th: 'การสนับสนุนจาก อปท. และหน่วยงานอื่น', en: 'Support from local government and agencies', value: text(4000) },
  plans: { form: 'status', item: '13', th: 'แผนงาน/กิจกรรม', en: 'Plans and activities', value: z.array(planRow).max(30, bilingual('แผนงานมีได้ไม่เกิน 30 แถว', 'At most 30 plan rows')) },
  problems: { form: 'status', item: '14', th: 'ปัญหาและอุปสรรค', en: 'Problems and obstacles', value: text(4000) },
  suggestions: { form: 'status', item: '15', th: 'ข้อเสนอแนะ', en: 'Suggestions', value: text(4000) },
  committee: { form: 'both', item: '8', th: 'คณะกรรมการ (ผู้ลงนาม ประธาน ผู้ประสานงาน)', en: 'Committee (signers, chair, coordinator)', value: z.array(committeeRow).max(40, bilingual('คณะกรรมการมีได้ไม่เกิน 40 คน', 'At most 40 committee members')) },
  requestedAmount: {
    form: 'application',
    item: '5',
    th: 'จำนวนเงินที่ขอรับการสนับสนุน (บาท)',
    en: 'Amount requested',
    value: z.number({ error: bilingual('จำนวนเงินที่ขอต้องเป็นตัวเลข', 'The amount requested must be a number') }).int(bilingual('จำนวนเงินต้องเป็นจำนวนเต็มสตางค์', 'The amount must be whole satang')).min(0, bilingual('จำนวนเงินติดลบไม่ได้', 'The amount cannot be negative')).max(99_999_999_999).nullable(),
  },
  highlights: { form: 'application', item: '6', th: 'จุดเด่นของกองทุน', en: 'Highlights of the fund', value: text(4000) },
  sustainability: { form: 'application', item: '7', th: 'แผนการใช้เงินและความยั่งยืนของกองทุน', en: 'Use of the money and sustainability plan', value: text(4000) },
} as const;

export type CodiSectionKey = keyof typeof codiSections;
export const codiSectionKeys = Object.keys(codiSections) as CodiSectionKey[];

export interface CodiTexts {
  objectives: string;
  population: string;
  activities: string;
  management: string;
  links: string;
  support: string;
  plans: PlanRow[];
  problems: string;
  suggestions: string;
  committee: CommitteeRow[];
  requestedAmount: number | null;
  highlights: string;
  sustainability: string;
}

export function emptyTexts(): CodiTexts {
  return { objectives: '', population: '', activities: '', management: '', links: '', support: '', plans: [], problems: '', suggestions: '', committee: [], requestedAmount: null, highlights: '', sustainability: '' };
}

/** A section's stored text: JSON for rows and the amount, the text itself otherwise. */
export function storedText(key: CodiSectionKey, value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function readStoredText(key: CodiSectionKey, stored: string): unknown {
  const schema = codiSections[key].value;
  if (schema instanceof z.ZodString) return stored;
  try {
    const parsed = schema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : emptyTexts()[key];
  } catch {
    return emptyTexts()[key];
  }
}

export function yearTexts(app: AppContext, fiscalYear: number): CodiTexts {
  const texts = emptyTexts() as unknown as Record<string, unknown>;
  const rows = app.sqlite.prepare('SELECT section_key AS key, text FROM welfare_codi_year_texts WHERE fiscal_year = ?').all(fiscalYear) as { key: string; text: string }[];
  for (const row of rows) if (row.key in codiSections) texts[row.key] = readStoredText(row.key as CodiSectionKey, row.text);
  return texts as unknown as CodiTexts;
}

/** Refuses a section key the forms do not have, naming it. */
export function sectionOf(key: string): CodiSectionKey {
  if (!(key in codiSections)) throw new ApiError('INVALID_INPUT', `ไม่มีหัวข้อ "${key}" ในแบบฟอร์ม พอช.`, `The CODI forms have no section "${key}"`, 'sections');
  return key as CodiSectionKey;
}
