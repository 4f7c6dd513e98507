// The fund's statements, read from the books (issue 10): the receipts and payments of a month or a year, the
// financial position on a day as section 10 of CODI's status form prints it, the benefits paid by type, the money by
// source and the members by category and village. These are the shared figures: the statements screen, the CODI
// forms and the dashboard all take them from here, so a figure reads the same wherever it is shown.
import { ApiError } from '../api/errors';
import type { AppContext } from '../api/router';
import { buddhistYear, THAI_MONTHS_LONG } from '../documents/format';
import { localIsoDate } from '../dates';
import { presetMemberCategories } from './regulation';
import { statementOf } from './books';
import { regulationVersions } from './methods';
import { fiscalYearOf, isoInMonth, monthIndexOf } from './membership-dates';
import { dateEn, dateTh, type Bilingual } from './wording';

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The accounts that hold money: a statement's receipts and payments are what moved them. */
const MONEY_LINES = ['cash', 'bank'] as const;

/** Section 10's receipt side, group 1 (รายรับ): money given to the fund; everything else credited is group 2 (รายได้). */
const GRANT_LINES = ['memberContributions', 'codiSeed', 'codiMatching', 'localGovernment', 'otherAgencies', 'groupProfits'];

/** The status form's §4 order of the sources since founding. */
const SOURCE_ORDER = ['memberContributions', 'groupProfits', 'localGovernment', 'codiSeed', 'codiMatching', 'otherAgencies', 'interest', 'entranceFees', 'donations', 'otherIncome'];

/** The part of the fund that is members' own money: their contributions (the CODI matching is counted against them). */
const MEMBERS_OWN_LINES = ['memberContributions'];

export interface Line {
  accountId: number;
  code: string;
  reportLine: string;
  name: string;
  /** the chart's English name, for the English screens (the printed forms are Thai) */
  nameEn: string;
  /** satang; on the receipt side money in is positive, on the payment side money out is positive */
  amount: number;
}

export interface Section {
  title: string;
  titleEn: string;
  lines: Line[];
  total: number;
}

export interface MoneyHeld {
  cash: number;
  bank: number;
  total: number;
}

export interface AccountingPeriod {
  kind: 'month' | 'year';
  key: string;
  from: string;
  to: string;
  label: Bilingual;
}

interface AccountRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: 'asset' | 'income' | 'expense' | 'equity';
  reportLine: string;
  active: number;
  position: number;
}

function accountsOf(app: AppContext): AccountRow[] {
  return statementOf(app, 'SELECT id, code, name_th AS name, coalesce(nullif(name_en, \'\'), name_th) AS nameEn, kind, report_line AS reportLine, active, position FROM welfare_accounts ORDER BY code').all() as AccountRow[];
}

function isMoney(account: AccountRow): boolean {
  return account.kind === 'asset' && (MONEY_LINES as readonly string[]).includes(account.reportLine);
}

function lineOf(account: AccountRow, amount: number): Line {
  return { accountId: account.id, code: account.code, reportLine: account.reportLine, name: account.name, nameEn: account.nameEn, amount };
}

function accountingYearKind(app: AppContext): 'fiscal' | 'calendar' {
  const row = statementOf(app, 'SELECT accounting_year AS kind FROM welfare_books WHERE id = 1').get() as { kind: 'fiscal' | 'calendar' } | undefined;
  return row?.kind ?? 'fiscal';
}

/**
 * The first day of the fund's life: its first regulation, membership or posting, whichever is earliest; null when
 * the fund has none of them yet.
 */
export function fundFoundingDate(app: AppContext): string | null {
  const row = statementOf(
    app,
    `SELECT min(day) AS day FROM (
       SELECT min(effective_from) AS day FROM welfare_regulation_versions
       UNION ALL SELECT min(start_date) FROM welfare_memberships
       UNION ALL SELECT min(entry_date) FROM welfare_journal_entries)`,
  ).get() as { day: string | null };
  return row.day;
}

/**
 * A month ('2026-03', C.E. as the month picker gives it) or an accounting year ('2569', B.E., fiscal 1 Oct – 30 Sep
 * named by the year it ends in, or calendar, as welfare_books says) as its first and last day. A key that is not a
 * month or a B.E. year, or a period wholly outside the fund's life, is refused naming the field ('month' / 'year').
 */
export function accountingPeriod(app: AppContext, kind: 'month' | 'year', key: string): AccountingPeriod {
  let period: AccountingPeriod;
  if (kind === 'month') {
    const match = /^(\d{4})-(\d{2})$/.exec(key);
    const month = match ? Number(match[2]) : 0;
    if (!match || month < 1 || month > 12) {
      throw new ApiError('INVALID_INPUT', `เดือน "${key}" ไม่ใช่เดือนที่มีจริง (ต้องเป็นเดือน 01–12 เช่น 2026-03)`, `Month "${key}" is not a real month (expected 01–12, e.g. 2026-03)`, 'month');
    }
    const year = Number(match[1]);
    if (year > 2400) {
      throw new ApiError('INVALID_INPUT', `เดือน "${key}" ใช้ปี พ.ศ. แต่ค่านี้ต้องเป็นปี ค.ศ. (เช่น ${year - 543}-${match[2]})`, `Month "${key}" has a B.E. year; it must be C.E. (e.g. ${year - 543}-${match[2]})`, 'month');
    }
    const index = monthIndexOf({ year, month });
    period = {
      kind,
      key,
      from: isoInMonth(index, 1),
      to: isoInMonth(index, 'last'),
      label: { th: `เดือน${THAI_MONTHS_LONG[month - 1]!} ${buddhistYear(year)}`, en: `${ENGLISH_MONTHS[month - 1]!} ${year}` },
    };
  } else {
    if (!/^\d{4}$/.test(key)) {
      throw new ApiError('INVALID_INPUT', `ปีบัญชี "${key}" ต้องเป็นปี พ.ศ. 4 หลัก (เช่น 2569)`, `The accounting year "${key}" must be a 4-digit B.E. year (e.g. 2569)`, 'year');
    }
    const be = Number(key);
    if (be < 2400) {
      throw new ApiError('INVALID_INPUT', `ปีบัญชี ${key} ดูเหมือนเป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (ค.ศ. ${key} คือ พ.ศ. ${be + 543})`, `The accounting year ${key} looks like a C.E. year; type the B.E. year (C.E. ${key} is B.E. ${be + 543})`, 'year');
    }
    const accountingYear = accountingYearKind(app);
    // any day inside the named year: 1 June is in fiscal year n (Oct n-1 – Sep n) and in calendar year n alike
    const year = fiscalYearOf(`${be - 543}-06-01`, accountingYear);
    period = {
      kind,
      key,
      from: year.start,
      to: year.end,
      label:
        accountingYear === 'fiscal'
          ? { th: `ปีบัญชี ${be} (${dateTh(year.start)} – ${dateTh(year.end)})`, en: `Accounting year B.E. ${be} (${dateEn(year.start)} – ${dateEn(year.end)})` }
          : { th: `ปีบัญชี ${be} (ปีปฏิทิน)`, en: `Accounting year B.E. ${be} (calendar ${be - 543})` },
    };
  }
  const founding = fundFoundingDate(app);
  const today = localIsoDate(app.now());
  if (founding !== null && (period.to < founding || period.from > today)) {
    throw new ApiError(
      'INVALID_INPUT',
      `${period.label.th} อยู่นอกช่วงที่กองทุนดำเนินงาน (ตั้งแต่ ${dateTh(founding)} ถึงวันนี้ ${dateTh(today)})`,
      `${period.label.en} is outside the fund's life (from ${dateEn(founding)} to today, ${dateEn(today)})`,
      kind,
    );
  }
  return period;
}

/**
 * Each account's balance at the end of `asOf` (every line since founding). The statements that share a day (the
 * annual statement's receipts and payments, position and sources) may pass it on instead of summing again.
 */
export function balancesUpTo(app: AppContext, asOf: string): Map<number, number> {
  // Usually few entries are dated after the day (a statement of this year or today): then every line is summed from
  // the lines' covering index (account, entry, amount) without reading an entry, and the lines of the entries dated
  // after the day, found by the entry-date index, are taken off again — about three times less work than looking up
  // every line's entry. When most of the journal is after the day (a statement of an early year), the lines of the
  // entries up to the day are summed directly. Counting stops at half the journal, so the choice costs little.
  const entries = (statementOf(app, 'SELECT coalesce(max(id), 0) AS n FROM welfare_journal_entries').get() as { n: number }).n;
  const half = Math.ceil(entries / 2);
  const after = (statementOf(app, 'SELECT count(*) AS n FROM (SELECT 1 FROM welfare_journal_entries WHERE entry_date > ? LIMIT ?)').get(asOf, half) as { n: number }).n;
  if (after >= half && after > 0) return sumOfLinesUpTo(app, asOf);
  const balances = new Map((statementOf(app, 'SELECT account_id, sum(amount_satang) FROM welfare_journal_lines GROUP BY account_id').raw().all() as [number, number][]));
  if (after === 0) return balances;
  const later = statementOf(
    app,
    // the later entries by their date index first, then their lines (SQLite keeps a CROSS JOIN's order)
    `SELECT l.account_id, sum(l.amount_satang) FROM welfare_journal_entries e CROSS JOIN welfare_journal_lines l
     WHERE l.entry_id = e.id AND e.entry_date > ? GROUP BY l.account_id`,
  )
    .raw()
    .all(asOf) as [number, number][];
  for (const [accountId, amount] of later) balances.set(accountId, balances.get(accountId)! - amount);
  return balances;
}

/** Each account's balance at the end of `asOf`, summing the lines of the entries dated up to it (the general way). */
export function sumOfLinesUpTo(app: AppContext, asOf: string): Map<number, number> {
  const rows = statementOf(
    app,
    `SELECT l.account_id AS accountId, sum(l.amount_satang) AS amount
     FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id
     WHERE e.entry_date <= ? GROUP BY l.account_id`,
  ).all(asOf) as { accountId: number; amount: number }[];
  return new Map(rows.map((row) => [row.accountId, row.amount]));
}

function moneyHeld(accounts: AccountRow[], balances: Map<number, number>): MoneyHeld {
  let cash = 0;
  let bank = 0;
  for (const account of accounts) {
    if (!isMoney(account)) continue;
    const balance = balances.get(account.id) ?? 0;
    if (account.reportLine === 'cash') cash += balance;
    else bank += balance;
  }
  return { cash, bank, total: cash + bank };
}

/** Whether an account's lines in a receipts-and-payments statement read as money in (credits) rather than money out. */
function isReceiptAccount(account: AccountRow): boolean {
  return account.kind === 'income' || account.kind === 'equity';
}

/**
 * รายงานรับ-จ่าย from `from` to `to`: the money held at the start (cash and bank), what came in and went out by the
 * account on the other side of each entry that moved money, and the money held at the end. A transfer between cash
 * and bank is neither. An opening-balance entry (ยอดยกมา of a fund that starts its books here) is money brought
 * forward, so it adds to the opening figures rather than to the receipts. By double entry,
 * opening + totalReceipts − totalPayments = closing.
 */
export function receiptsAndPayments(app: AppContext, from: string, to: string, closingBalances: Map<number, number> = balancesUpTo(app, to)) {
  const accounts = accountsOf(app);
  const money = new Set(accounts.filter(isMoney).map((account) => account.id));
  // The period's lines in one pass (its entries by their date index first, then their lines), summed here: what
  // each account moved, the opening-balance entries, and the other side of the entries that moved money.
  const lines = statementOf(
    app,
    `SELECT e.id AS entryId, e.kind = 'opening' AS opening, l.account_id AS accountId, l.amount_satang AS amount
     FROM welfare_journal_entries e CROSS JOIN welfare_journal_lines l
     WHERE l.entry_id = e.id AND e.entry_date >= ? AND e.entry_date <= ?`,
  )
    .raw()
    .all(from, to) as [number, number, number, number][];
  const add = (map: Map<number, number>, accountId: number, amount: number) => map.set(accountId, (map.get(accountId) ?? 0) + amount);
  const inPeriod = new Map<number, number>();
  const openingEntries = new Map<number, number>();
  const movedMoney = new Set<number>();
  for (const [entryId, opening, accountId, amount] of lines) {
    add(inPeriod, accountId, amount);
    if (opening) add(openingEntries, accountId, amount);
    else if (money.has(accountId)) movedMoney.add(entryId);
  }
  const otherSide = new Map<number, number>();
  for (const [entryId, , accountId, amount] of lines) if (movedMoney.has(entryId) && !money.has(accountId)) add(otherSide, accountId, amount);
  // brought forward = carried forward less the period's lines (one pass over the fund's history instead of two),
  // plus an opening-balance entry dated in the period
  const openingBalances = new Map([...closingBalances].map(([accountId, balance]) => [accountId, balance - (inPeriod.get(accountId) ?? 0) + (openingEntries.get(accountId) ?? 0)]));
  const opening = moneyHeld(accounts, openingBalances);
  const moved = [...otherSide].map(([accountId, amount]) => ({ accountId, amount }));
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const receipts: Line[] = [];
  const payments: Line[] = [];
  for (const row of moved) {
    // a receipt and its void in the same period leave nothing to report
    if (row.amount === 0) continue;
    const account = byId.get(row.accountId)!;
    if (isReceiptAccount(account)) receipts.push(lineOf(account, -row.amount));
    else payments.push(lineOf(account, row.amount));
  }
  const byCode = (a: Line, b: Line) => a.code.localeCompare(b.code);
  receipts.sort(byCode);
  payments.sort(byCode);
  const totalReceipts = receipts.reduce((sum, line) => sum + line.amount, 0);
  const totalPayments = payments.reduce((sum, line) => sum + line.amount, 0);
  const closing = moneyHeld(accounts, closingBalances);
  return { from, to, opening, receipts, payments, totalReceipts, totalPayments, closing };
}

export type ReceiptsAndPayments = ReturnType<typeof receiptsAndPayments>;

/**
 * รายงานฐานะการเงิน ณ วันที่ `asOf`, as section 10 of the status form: on the receipt side what the fund was given
 * (รายรับ) and earned (รายได้) since founding, and the capital it started its books with; on the payment side what it
 * holds (bank, cash, investments), the welfare it has paid, and its expenses. Every account of the chart has its line
 * (a zero prints as the form's blank line); an inactive account with nothing on it is left out. The two totals are
 * equal because every entry balances.
 */
export function financialPosition(app: AppContext, asOf: string, balances: Map<number, number> = balancesUpTo(app, asOf)) {
  const accounts = accountsOf(app);
  const shown = accounts.filter((account) => account.active || (balances.get(account.id) ?? 0) !== 0);
  const lines = (filter: (account: AccountRow) => boolean, sign: 1 | -1) =>
    shown
      .filter(filter)
      .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code))
      .map((account) => lineOf(account, sign * (balances.get(account.id) ?? 0)));
  const section = ([title, titleEn]: [string, string], sectionLines: Line[]): Section => ({ title, titleEn, lines: sectionLines, total: sectionLines.reduce((sum, line) => sum + line.amount, 0) });
  const receiptSide = [
    section(['1. รายรับ', '1. Grants and contributions'], lines((account) => account.kind === 'income' && GRANT_LINES.includes(account.reportLine), -1)),
    section(['2. รายได้', '2. Other income'], lines((account) => account.kind === 'income' && !GRANT_LINES.includes(account.reportLine), -1)),
  ];
  const equity = lines((account) => account.kind === 'equity', -1);
  if (equity.some((line) => line.amount !== 0)) receiptSide.push(section(['3. ทุนกองทุน (ยอดยกมา)', '3. Fund capital (brought forward)'], equity));
  const paymentSide = [
    section(['1. สินทรัพย์/เงินคงเหลือ', '1. Assets and money held'], lines((account) => account.kind === 'asset' || (account.kind === 'expense' && account.reportLine === 'benefits'), 1)),
    section(['2. ค่าใช้จ่าย', '2. Expenses'], lines((account) => account.kind === 'expense' && account.reportLine !== 'benefits', 1)),
  ];
  const totalReceiptSide = receiptSide.reduce((sum, part) => sum + part.total, 0);
  const totalPaymentSide = paymentSide.reduce((sum, part) => sum + part.total, 0);
  return { asOf, receiptSide, paymentSide, totalReceiptSide, totalPaymentSide };
}

export type FinancialPosition = ReturnType<typeof financialPosition>;

/** Benefit names by code, the latest regulation's wording first: the journal keeps only the code. */
function benefitNames(app: AppContext): Map<string, Bilingual> {
  const names = new Map<string, Bilingual>();
  for (const version of regulationVersions(app)) for (const benefit of version.benefitTypes) names.set(benefit.code, { th: benefit.name.th, en: benefit.name.en || benefit.name.th });
  return names;
}

export interface BenefitPaidRow {
  /** null: help paid to people who are not members (ผู้ด้อยโอกาสที่ไม่ใช่สมาชิก) or without a benefit type */
  benefitCode: string;
  name: string;
  nameEn: string;
  personsInPeriod: number;
  amountInPeriod: number;
  personsSinceFounding: number;
  amountSinceFounding: number;
}

/**
 * สวัสดิการที่จ่าย by benefit type: persons and baht paid from `from` to `to` and since founding up to `asOf`, from the
 * benefit lines of the journal (a voided voucher's reversal carries the same code and nets it out). A person counts
 * once per type however many times paid, and not at all when what they were paid nets to nothing.
 */
export function benefitsPaidByType(app: AppContext, from: string, to: string, asOf: string): BenefitPaidRow[] {
  const rows = statementOf(
    app,
    `SELECT l.benefit_code AS code, m.person_id AS personId, l.membership_id AS membershipId,
            sum(l.amount_satang) AS ever, sum(CASE WHEN e.entry_date >= ? AND e.entry_date <= ? THEN l.amount_satang ELSE 0 END) AS inPeriod
     FROM welfare_accounts a
     CROSS JOIN welfare_journal_lines l
     JOIN welfare_journal_entries e ON e.id = l.entry_id
     LEFT JOIN welfare_memberships m ON m.id = l.membership_id
     -- the expense accounts' lines by the account index: a benefit is paid from one of those, and the journal's
     -- millions of receipt lines are never read
     WHERE a.kind = 'expense' AND l.account_id = a.id AND l.benefit_code IS NOT NULL AND e.entry_date <= ?
     GROUP BY l.benefit_code, coalesce(m.person_id, -l.entry_id)`,
  ).all(from, to, asOf) as { code: string; personId: number | null; ever: number; inPeriod: number }[];
  const names = benefitNames(app);
  const byCode = new Map<string, BenefitPaidRow>();
  for (const row of rows) {
    let benefit = byCode.get(row.code);
    if (!benefit) {
      const name = names.get(row.code) ?? { th: row.code, en: row.code };
      benefit = { benefitCode: row.code, name: name.th, nameEn: name.en, personsInPeriod: 0, amountInPeriod: 0, personsSinceFounding: 0, amountSinceFounding: 0 };
      byCode.set(row.code, benefit);
    }
    benefit.amountInPeriod += row.inPeriod;
    benefit.amountSinceFounding += row.ever;
    if (row.inPeriod > 0) benefit.personsInPeriod += 1;
    if (row.ever > 0) benefit.personsSinceFounding += 1;
  }
  // in the regulation's order, then any code no longer in it
  const order = [...names.keys()];
  return [...byCode.values()].sort((a, b) => {
    const ia = order.indexOf(a.benefitCode);
    const ib = order.indexOf(b.benefitCode);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.benefitCode.localeCompare(b.benefitCode);
  });
}

export interface SourceRow {
  reportLine: string;
  name: string;
  nameEn: string;
  amount: number;
}

/**
 * เงินกองทุนแยกตามแหล่งที่มา since founding up to `asOf`: each source of income (the status form's §4 lines), and
 * the capital the books started with; the total; the share of it that is members' own contributions (basis points,
 * 10000 = all); the CODI matching rounds with their approval dates; and what the fund holds now.
 */
export function fundBySource(app: AppContext, asOf: string, balances: Map<number, number> = balancesUpTo(app, asOf)) {
  const accounts = accountsOf(app);
  const bySource = new Map<string, SourceRow>();
  for (const account of accounts) {
    if (account.kind !== 'income' && account.kind !== 'equity') continue;
    const amount = -(balances.get(account.id) ?? 0);
    const key = account.kind === 'equity' ? 'equity' : account.reportLine;
    const row = bySource.get(key);
    if (row) row.amount += amount;
    else if (account.active || amount !== 0) {
      const name = account.kind === 'equity' ? { th: 'ทุนกองทุน (ยอดยกมา)', en: 'Fund capital (brought forward)' } : { th: account.name, en: account.nameEn };
      bySource.set(key, { reportLine: key, name: name.th, nameEn: name.en, amount });
    }
  }
  const rank = (line: string) => (line === 'equity' ? SOURCE_ORDER.length + 1 : SOURCE_ORDER.includes(line) ? SOURCE_ORDER.indexOf(line) : SOURCE_ORDER.length);
  const rows = [...bySource.values()].filter((row) => row.reportLine !== 'equity' || row.amount !== 0).sort((a, b) => rank(a.reportLine) - rank(b.reportLine));
  const total = rows.reduce((sum, row) => sum + row.amount, 0);
  const membersOwn = rows.filter((row) => MEMBERS_OWN_LINES.includes(row.reportLine)).reduce((sum, row) => sum + row.amount, 0);
  const rounds = statementOf(
    app,
    `SELECT codi_round AS round, codi_round_approval_date AS approvalDate, income_date AS receivedOn, amount_satang AS amount
     FROM welfare_income_records WHERE codi_round IS NOT NULL AND voided_on IS NULL AND income_date <= ? ORDER BY codi_round, income_date`,
  ).all(asOf) as { round: number; approvalDate: string; receivedOn: string; amount: number }[];
  const held = accounts.filter((account) => account.kind === 'asset').reduce((sum, account) => sum + (balances.get(account.id) ?? 0), 0);
  return {
    asOf,
    rows,
    total,
    membersOwnSatang: membersOwn,
    membersOwnShareBasisPoints: total > 0 ? Math.round((membersOwn * 10000) / total) : 0,
    codiRounds: rounds,
    /** money and investments held on `asOf` */
    heldSatang: held,
  };
}

export type FundBySource = ReturnType<typeof fundBySource>;

export interface MemberCount {
  cumulative: number;
  current: number;
}

/** A category or village of members: its name in Thai (forms, exports) and English (the English screens). */
interface CountedGroup extends MemberCount {
  name: string;
  nameEn: string;
}

/**
 * Members by category and by village on `asOf`: สมาชิกสะสม (every person who has been a member since founding) and
 * สมาชิกปัจจุบัน (members that day: joined on or before it and not ended before it — as the member list counts
 * them). A person who left and joined again counts once, under their latest membership's category; a person is
 * counted in the village the register has them in now.
 */
export function membersByCategoryAndVillage(app: AppContext, asOf: string) {
  // one row per person, from their latest membership begun by `asOf` (SQLite gives the bare columns of the row
  // where max() is found), counted in SQL by village, category and current: the counts cross into JavaScript, not
  // 20,000 rows (three times faster on the large sample)
  const rows = statementOf(
    app,
    `SELECT p.village_id AS villageId, latest.category, latest.current, count(*) AS count
     FROM (SELECT person_id, max(start_date), category, (end_date IS NULL OR end_date >= ?) AS current
           FROM welfare_memberships WHERE start_date <= ? GROUP BY person_id) latest
     JOIN people p ON p.id = latest.person_id
     GROUP BY p.village_id, latest.category, latest.current`,
  ).all(asOf, asOf) as { villageId: number | null; category: string; current: number; count: number }[];
  const categoryNames = new Map<string, Bilingual>(presetMemberCategories.map((category) => [category.code, category]));
  for (const version of regulationVersions(app)) for (const category of version.memberCategories ?? []) categoryNames.set(category.code, category);
  const byCategory = new Map<string, { category: string } & CountedGroup>();
  for (const [code, name] of categoryNames) byCategory.set(code, { category: code, name: name.th, nameEn: name.en || name.th, cumulative: 0, current: 0 });
  const villages = statementOf(app, 'SELECT id, number, name FROM villages ORDER BY position, number').all() as { id: number; number: number; name: string }[];
  const byVillage = new Map<number | null, { villageId: number | null } & CountedGroup>();
  // the village's own name is Thai in both languages: only the word for หมู่ is translated
  for (const village of villages) byVillage.set(village.id, { villageId: village.id, name: `หมู่ ${village.number} ${village.name}`, nameEn: `Village ${village.number} ${village.name}`, cumulative: 0, current: 0 });
  let cumulative = 0;
  let current = 0;
  for (const row of rows) {
    const category = byCategory.get(row.category) ?? { category: row.category, name: row.category, nameEn: row.category, cumulative: 0, current: 0 };
    byCategory.set(row.category, category);
    // every village of the register is listed already: only "no village" can be new here
    let village = byVillage.get(row.villageId);
    if (!village) {
      village = { villageId: row.villageId, name: 'ไม่ระบุหมู่บ้าน', nameEn: 'No village', cumulative: 0, current: 0 };
      byVillage.set(row.villageId, village);
    }
    const currentCount = row.current === 1 ? row.count : 0;
    for (const counted of [category, village]) {
      counted.cumulative += row.count;
      counted.current += currentCount;
    }
    cumulative += row.count;
    current += currentCount;
  }
  return { asOf, byCategory: [...byCategory.values()], byVillage: [...byVillage.values()], cumulative, current };
}

export type MembersByCategoryAndVillage = ReturnType<typeof membersByCategoryAndVillage>;

export interface EntryRow {
  entryId: number;
  date: string;
  /** "ใบเสร็จ 12/457", "ใบสำคัญจ่าย 3", "ยกเลิกใบเสร็จ 12/457"; empty for an entry without a paper */
  document: string;
  description: string;
  /** satang, signed as the figure drilled into reads (money in on a receipt line is positive) */
  amount: number;
}

/** The paper behind each entry: a receipt (เล่ม/เลขที่), a voucher, or the void of one. */
function papersOf(app: AppContext, entryIds: readonly number[]): Map<number, string> {
  const papers = new Map<number, string>();
  if (entryIds.length === 0) return papers;
  const ids = JSON.stringify(entryIds);
  const receipts = statementOf(
    app,
    `SELECT r.entry_id AS entryId, r.void_entry_id AS voidEntryId, b.book_number AS book, r.number FROM welfare_receipts r JOIN welfare_receipt_books b ON b.id = r.book_id
     WHERE r.entry_id IN (SELECT value FROM json_each(?)) OR r.void_entry_id IN (SELECT value FROM json_each(?))`,
  ).all(ids, ids) as { entryId: number; voidEntryId: number | null; book: string; number: number }[];
  for (const receipt of receipts) {
    papers.set(receipt.entryId, `ใบเสร็จ ${receipt.book}/${receipt.number}`);
    if (receipt.voidEntryId !== null) papers.set(receipt.voidEntryId, `ยกเลิกใบเสร็จ ${receipt.book}/${receipt.number}`);
  }
  const payouts = statementOf(
    app,
    `SELECT entry_id AS entryId, void_entry_id AS voidEntryId, voucher_number AS number FROM welfare_payouts
     WHERE entry_id IN (SELECT value FROM json_each(?)) OR void_entry_id IN (SELECT value FROM json_each(?))`,
  ).all(ids, ids) as { entryId: number; voidEntryId: number | null; number: number }[];
  for (const payout of payouts) {
    papers.set(payout.entryId, `ใบสำคัญจ่าย ${payout.number}`);
    if (payout.voidEntryId !== null) papers.set(payout.voidEntryId, `ยกเลิกใบสำคัญจ่าย ${payout.number}`);
  }
  return papers;
}

/**
 * The journal entries behind a figure: those dated from `from` (null: since founding) to `to` with a line on one of
 * `accountIds`, each with the sum of its lines on them times `sign`. `movedMoney`: only the entries a
 * receipts-and-payments statement counts (they moved cash or bank; not an opening balance). The latest `limit`
 * entries are listed in date order; `count` and `total` are over all of them, so the total equals the figure.
 */
export function entriesOf(app: AppContext, query: { accountIds: readonly number[]; from: string | null; to: string; movedMoney: boolean; sign: 1 | -1; limit: number }) {
  const accounts = accountsOf(app);
  const moneyIds = JSON.stringify(accounts.filter(isMoney).map((account) => account.id));
  const rows = statementOf(
    app,
    `SELECT e.id AS entryId, e.entry_date AS date, e.description, sum(l.amount_satang) AS amount
     FROM welfare_journal_entries e CROSS JOIN welfare_journal_lines l
     WHERE l.entry_id = e.id AND e.entry_date >= ? AND e.entry_date <= ? AND l.account_id IN (SELECT value FROM json_each(?))
       AND (? = 0 OR (e.kind <> 'opening' AND EXISTS (SELECT 1 FROM welfare_journal_lines m WHERE m.entry_id = e.id AND m.account_id IN (SELECT value FROM json_each(?)))))
     GROUP BY e.id
     HAVING sum(l.amount_satang) <> 0
     ORDER BY e.entry_date, e.id`,
  ).all(query.from ?? '0000-00-00', query.to, JSON.stringify(query.accountIds), query.movedMoney ? 1 : 0, moneyIds) as { entryId: number; date: string; description: string; amount: number }[];
  const total = rows.reduce((sum, row) => sum + query.sign * row.amount, 0);
  const shown = rows.slice(Math.max(0, rows.length - query.limit));
  const papers = papersOf(app, shown.map((row) => row.entryId));
  const entries: EntryRow[] = shown.map((row) => ({ entryId: row.entryId, date: row.date, document: papers.get(row.entryId) ?? '', description: row.description, amount: query.sign * row.amount }));
  return { entries, count: rows.length, total };
}
