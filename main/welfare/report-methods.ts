// The fund's reports, read from the books and never typed again (issue 9): the cash book (สมุดเงินสด) of a period
// from the journal's lines on the money accounts, and the list of members in arrears (รายชื่อสมาชิกค้างส่งเงินสมทบ)
// from the collection sheet. The screen and the printed form show the same figures: both come from here.
import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { people, villages, welfareAccounts, welfareClaims, welfareJournalEntries, welfareJournalLines, welfareMemberships, welfarePayouts, welfareReceiptBooks, welfareReceipts } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, defineTask, type AppContext } from '../api/router';
import { personalDataPrinted } from '../history/pdpa';
import { bilingual, isoDateField, isRealIsoDate, labelFields } from '../api/validation';
import { cashBookTotals, runningBalances, type WelfareCashBookData } from '../documents/forms/welfare-cash-book';
import type { WelfareArrearsData } from '../documents/forms/welfare-arrears';
import { printFromRecords } from '../documents/methods';
import { fullName } from '../people/register';
import { collectionRows, entranceFeeOnlyByVillage, owedByVillage } from './collection';
import { regulationOn } from './methods';
import { dateEn, dateTh } from './wording';

labelFields({
  fromDate: ['ตั้งแต่วันที่', 'From'],
  toDate: ['ถึงวันที่', 'To'],
  asOf: ['ณ วันที่', 'As of'],
});

const MONEY_LINES = ['cash', 'bank'] as const;

export interface CashBookAccount {
  id: number;
  code: string;
  name: string;
  reportLine: string;
  bankAccount: string;
}

export interface CashBookRow {
  entryId: number;
  date: string;
  kind: string;
  /** "ใบเสร็จ 12/457" (เล่ม/เลขที่), "ใบสำคัญจ่าย 3", "ยกเลิกใบเสร็จ 12/457"; empty for an entry without a paper */
  document: string;
  description: string;
  /** per account, in the order of `accounts`: received positive, paid negative, 0 untouched */
  amounts: number[];
  /** each account's balance after this entry */
  balances: number[];
}

/** A benefit's Thai name in the regulation in force on the event date; its code if the regulation no longer has it. */
function benefitName(app: AppContext, code: string, eventDate: string): string {
  try {
    return regulationOn(app, eventDate, 'fromDate').benefitTypes.find((benefit) => benefit.code === code)?.name.th ?? code;
  } catch {
    return code;
  }
}

/**
 * The papers behind the entries dated in the period: each receipt or voucher, and the reversal that voided it. A
 * receipt's row reads "รับเงินจาก <payer>" (its book and number are already in the document column), a benefit's
 * "จ่ายสวัสดิการ<name> ให้ <recipient>".
 */
function documentsOf(app: AppContext, fromDate: string, toDate: string): Map<number, { document: string; description?: string }> {
  const inPeriod = sql`(SELECT ${welfareJournalEntries.id} FROM ${welfareJournalEntries} WHERE ${welfareJournalEntries.entryDate} BETWEEN ${fromDate} AND ${toDate})`;
  const documents = new Map<number, { document: string; description?: string }>();
  const receipts = app.db
    .select({
      entryId: welfareReceipts.entryId,
      voidEntryId: welfareReceipts.voidEntryId,
      number: welfareReceipts.number,
      book: welfareReceiptBooks.bookNumber,
      payer: welfareReceipts.payerName,
      title: people.title,
      firstName: people.firstName,
      lastName: people.lastName,
    })
    .from(welfareReceipts)
    .innerJoin(welfareReceiptBooks, eq(welfareReceiptBooks.id, welfareReceipts.bookId))
    .leftJoin(welfareMemberships, eq(welfareMemberships.id, welfareReceipts.membershipId))
    .leftJoin(people, eq(people.id, welfareMemberships.personId))
    .where(sql`${welfareReceipts.entryId} IN ${inPeriod} OR ${welfareReceipts.voidEntryId} IN ${inPeriod}`)
    .all();
  for (const receipt of receipts) {
    documents.set(receipt.entryId, { document: `ใบเสร็จ ${receipt.book}/${receipt.number}`, description: `รับเงินจาก ${receipt.firstName === null ? receipt.payer : fullName({ title: receipt.title ?? '', firstName: receipt.firstName, lastName: receipt.lastName ?? '' })}` });
    if (receipt.voidEntryId !== null) documents.set(receipt.voidEntryId, { document: `ยกเลิกใบเสร็จ ${receipt.book}/${receipt.number}` });
  }
  const payouts = app.db
    .select({ entryId: welfarePayouts.entryId, voidEntryId: welfarePayouts.voidEntryId, number: welfarePayouts.voucherNumber, recipient: welfarePayouts.recipientName, benefitCode: welfareClaims.benefitCode, eventDate: welfareClaims.eventDate })
    .from(welfarePayouts)
    .leftJoin(welfareClaims, eq(welfareClaims.id, welfarePayouts.claimId))
    .where(sql`${welfarePayouts.entryId} IN ${inPeriod} OR ${welfarePayouts.voidEntryId} IN ${inPeriod}`)
    .all();
  for (const payout of payouts) {
    // a benefit reads by the benefit's name in the regulation it was judged by (the journal keeps its code)
    const benefit = payout.benefitCode === null || payout.eventDate === null ? null : benefitName(app, payout.benefitCode, payout.eventDate);
    documents.set(payout.entryId, {
      document: `ใบสำคัญจ่าย ${payout.number}`,
      ...(benefit === null ? {} : { description: `จ่ายสวัสดิการ${benefit} ให้ ${payout.recipient} (เหตุวันที่ ${dateTh(payout.eventDate!)})` }),
    });
    if (payout.voidEntryId !== null) documents.set(payout.voidEntryId, { document: `ยกเลิกใบสำคัญจ่าย ${payout.number}` });
  }
  return documents;
}

/**
 * The cash book from `fromDate` to `toDate`: a column group per money account (cash on hand first, then each bank
 * account), the balances brought forward from before the period, each entry that moved money in date order with its
 * paper, the totals and the balances carried forward. A transfer between cash and bank shows in both groups.
 */
export function cashBook(app: AppContext, fromDate: string, toDate: string) {
  const accounts: CashBookAccount[] = app.db
    .select({ id: welfareAccounts.id, code: welfareAccounts.code, name: welfareAccounts.nameTh, reportLine: welfareAccounts.reportLine, bankAccount: welfareAccounts.bankAccount })
    .from(welfareAccounts)
    .where(inArray(welfareAccounts.reportLine, [...MONEY_LINES]))
    .orderBy(sql`${welfareAccounts.reportLine} = 'bank'`, asc(welfareAccounts.position), asc(welfareAccounts.code))
    .all();
  const column = new Map(accounts.map((account, index) => [account.id, index]));
  const ids = accounts.map((account) => account.id);
  const broughtForward = accounts.map(() => 0);
  if (ids.length > 0) {
    const before = app.db
      .select({ accountId: welfareJournalLines.accountId, balance: sql<number>`sum(${welfareJournalLines.amountSatang})`.mapWith(Number) })
      .from(welfareJournalLines)
      .innerJoin(welfareJournalEntries, eq(welfareJournalEntries.id, welfareJournalLines.entryId))
      .where(and(inArray(welfareJournalLines.accountId, ids), lt(welfareJournalEntries.entryDate, fromDate)))
      .groupBy(welfareJournalLines.accountId)
      .all();
    for (const row of before) broughtForward[column.get(row.accountId)!] = row.balance;
  }
  const lines =
    ids.length === 0
      ? []
      : app.db
          .select({
            entryId: welfareJournalEntries.id,
            date: welfareJournalEntries.entryDate,
            kind: welfareJournalEntries.kind,
            description: welfareJournalEntries.description,
            accountId: welfareJournalLines.accountId,
            amount: sql<number>`sum(${welfareJournalLines.amountSatang})`.mapWith(Number),
          })
          // the period's entries by their date index first, then their lines (SQLite keeps a CROSS JOIN's order):
          // led by the account index instead, a month would read every cash line of the fund's history
          .from(welfareJournalEntries)
          .crossJoin(welfareJournalLines)
          .where(and(eq(welfareJournalLines.entryId, welfareJournalEntries.id), inArray(welfareJournalLines.accountId, ids), gte(welfareJournalEntries.entryDate, fromDate), lte(welfareJournalEntries.entryDate, toDate)))
          .groupBy(welfareJournalEntries.id, welfareJournalLines.accountId)
          .orderBy(asc(welfareJournalEntries.entryDate), asc(welfareJournalEntries.id))
          .all();
  const documents = lines.length ? documentsOf(app, fromDate, toDate) : new Map<number, { document: string; description?: string }>();
  const entries: Omit<CashBookRow, 'balances'>[] = [];
  for (const line of lines) {
    let entry = entries.at(-1);
    if (entry?.entryId !== line.entryId) {
      const paper = documents.get(line.entryId);
      entry = { entryId: line.entryId, date: line.date, kind: line.kind, document: paper?.document ?? '', description: paper?.description ?? line.description, amounts: accounts.map(() => 0) };
      entries.push(entry);
    }
    entry.amounts[column.get(line.accountId)!]! += line.amount;
  }
  // an entry whose money lines cancel out (cash to cash) moves no money: it has no row
  const moved = entries.filter((entry) => entry.amounts.some((amount) => amount !== 0));
  const balances = runningBalances(broughtForward, moved);
  const rows: CashBookRow[] = moved.map((entry, index) => ({ ...entry, balances: balances[index]! }));
  const totals = cashBookTotals(accounts.length, rows);
  return { fromDate, toDate, accounts, broughtForward, rows, receivedSatang: totals.received, paidSatang: totals.paid, carriedForward: balances.at(-1) ?? broughtForward };
}

/** "ค่าสมัครแรกเข้า, ส.ค. 69 – พ.ย. 69": what a member owes, oldest first. */
function periodsOwed(lines: { kind: 'entrance-fee' | 'contribution'; label: string; owedSatang: number }[]): { text: string; count: number } {
  const owing = lines.filter((line) => line.owedSatang > 0);
  const periods = owing.filter((line) => line.kind === 'contribution');
  const parts: string[] = [];
  if (owing.some((line) => line.kind === 'entrance-fee')) parts.push('ค่าสมัครแรกเข้า');
  if (periods.length === 1) parts.push(periods[0]!.label);
  if (periods.length > 1) parts.push(`${periods[0]!.label} – ${periods.at(-1)!.label}`);
  return { text: parts.join(', '), count: periods.length };
}

/** A member is on the arrears list when they owe something or have missed a period (a credit may offset the sum). */
function isInArrears(due: { owedSatang: number; missedCount: number }): boolean {
  return due.owedSatang > 0 || due.missedCount > 0;
}

/** Missed as many periods as the regulation's arrears limit allows, or more (null: the fund sets no limit). */
function isAtLimit(limit: number | null, missedCount: number): boolean {
  return limit !== null && missedCount >= limit;
}

/**
 * One missed period short of the arrears limit (one more brings them to it): the members the treasurer reminds before
 * they lapse. Only with a limit above 1 — with a limit of 1 everyone who has missed a period is already at it.
 */
function isNearLimit(limit: number | null, missedCount: number): boolean {
  return limit !== null && limit > 1 && missedCount === limit - 1;
}

/**
 * The arrears list's figures without its names and periods (the dashboard's tile): per village (every village with
 * someone in arrears, in the list's order) how many members are in arrears, how many are at the limit, how many are
 * one missed period short of it and what they owe, and the totals — counted from the same owed() figures as
 * arrearsList, whose rows it would count.
 */
export function arrearsFigures(app: AppContext, asOf: string) {
  const regulation = regulationOn(app, asOf, 'asOf');
  const limit = regulation.contributions.arrears.limit;
  const chosen = app.db.select().from(villages).orderBy(asc(villages.position), asc(villages.number)).all();
  // owed() only for the members who may be behind on a period; those who owe at most the entrance fee, from the summaries' columns
  const owing = owedByVillage(app, null, asOf, regulation, 'behind');
  const feeOnly = entranceFeeOnlyByVillage(app, asOf, regulation);
  const sections = chosen.map((village) => {
    // owing the fee alone: in arrears, nothing missed, so never at the limit
    let memberCount = feeOnly.get(village.id)?.memberCount ?? 0;
    let atLimitCount = 0;
    let nearLimitCount = 0;
    let owedSatang = feeOnly.get(village.id)?.owedSatang ?? 0;
    for (const { due } of owing.get(village.id) ?? []) {
      if (!isInArrears({ owedSatang: due.totalSatang, missedCount: due.missedCount })) continue;
      memberCount += 1;
      if (isAtLimit(limit, due.missedCount)) atLimitCount += 1;
      if (isNearLimit(limit, due.missedCount)) nearLimitCount += 1;
      owedSatang += due.totalSatang;
    }
    return { villageId: village.id, number: village.number, name: village.name, memberCount, atLimitCount, nearLimitCount, owedSatang };
  });
  const shown = sections.filter((section) => section.memberCount > 0);
  return {
    arrearsLimit: limit,
    villages: shown,
    memberCount: shown.reduce((sum, section) => sum + section.memberCount, 0),
    atLimitCount: shown.reduce((sum, section) => sum + section.atLimitCount, 0),
    nearLimitCount: shown.reduce((sum, section) => sum + section.nearLimitCount, 0),
    totalOwedSatang: shown.reduce((sum, section) => sum + section.owedSatang, 0),
  };
}

/**
 * The members in arrears on `asOf`, village by village (one village, or every village with someone in arrears),
 * each with the periods owed, the periods missed against the fund's arrears limit and the amount owed.
 */
export function arrearsList(app: AppContext, villageId: number | null, asOf: string) {
  const regulation = regulationOn(app, asOf, 'asOf');
  const limit = regulation.contributions.arrears.limit;
  const chosen = app.db
    .select()
    .from(villages)
    .where(villageId === null ? undefined : eq(villages.id, villageId))
    .orderBy(asc(villages.position), asc(villages.number))
    .all();
  if (villageId !== null && chosen.length === 0) throw new ApiError('NOT_FOUND', 'ไม่พบหมู่บ้านที่เลือก', 'The village chosen was not found', 'villageId');
  // every village's sheet rows in one read (the regulation, the members and their paid summaries once)
  const sheets = collectionRows(app, villageId, asOf, regulation, 'owing');
  const sections = chosen.map((village) => {
    const rows = (sheets.get(village.id) ?? [])
      .filter((row) => isInArrears(row))
      .map((row) => {
        const owed = periodsOwed(row.lines);
        return {
          membershipId: row.membershipId,
          memberNumber: row.memberNumber,
          name: row.name,
          periods: owed.text,
          periodCount: owed.count,
          missedCount: row.missedCount,
          atLimit: isAtLimit(limit, row.missedCount),
          nearLimit: isNearLimit(limit, row.missedCount),
          owedSatang: row.owedSatang,
        };
      });
    return { villageId: village.id, number: village.number, name: village.name, rows, totalOwedSatang: rows.reduce((sum, row) => sum + row.owedSatang, 0) };
  });
  const shown = villageId === null ? sections.filter((section) => section.rows.length > 0) : sections;
  return {
    asOf,
    arrearsLimit: limit,
    villages: shown,
    memberCount: shown.reduce((sum, section) => sum + section.rows.length, 0),
    atLimitCount: shown.reduce((sum, section) => sum + section.rows.filter((row) => row.atLimit).length, 0),
    nearLimitCount: shown.reduce((sum, section) => sum + section.rows.filter((row) => row.nearLimit).length, 0),
    totalOwedSatang: shown.reduce((sum, section) => sum + section.totalOwedSatang, 0),
  };
}

const cashBookInput = z
  .object({ fromDate: isoDateField('ตั้งแต่วันที่', 'From'), toDate: isoDateField('ถึงวันที่', 'To') })
  .superRefine((input, context) => {
    // zod runs this even when a date itself was refused: compare real dates only (the fuzzer found the crash)
    if (!isRealIsoDate(input.fromDate) || !isRealIsoDate(input.toDate)) return;
    if (input.toDate < input.fromDate) {
      context.addIssue({
        code: 'custom',
        path: ['toDate'],
        message: bilingual(`ถึงวันที่ ${dateTh(input.toDate)} อยู่ก่อนตั้งแต่วันที่ ${dateTh(input.fromDate)}`, `The end date ${dateEn(input.toDate)} is before the start date ${dateEn(input.fromDate)}`),
      });
    }
  });

const arrearsInput = z.object({ villageId: z.number().int().positive().nullable().default(null), asOf: isoDateField('ข้อมูล ณ วันที่', 'As of') });

/** The name printed under the treasurer's signature: the user printing, when that user is the treasurer. */
function treasurerName(user: { role: string; displayName: string } | null): string {
  return user?.role === 'treasurer' ? user.displayName : '';
}

/** The payers and recipients a cash book names, each once: its rows read "รับเงินจาก <name>" and "... ให้ <name> (เหตุวันที่ ...)". */
function peopleNamedInCashBook(rows: { description: string }[]): number {
  const names = new Set<string>();
  for (const { description } of rows) {
    const name = /^รับเงินจาก (.+)$/.exec(description)?.[1] ?? / ให้ (.+) \(เหตุวันที่ /.exec(description)?.[1];
    if (name) names.add(name);
  }
  return names.size;
}

export const welfareReportMethods = [
  defineRead({
    name: 'welfare.reports.cashBook',
    input: cashBookInput,
    access: 'user',
    handler: ({ app, input }) => cashBook(app, input.fromDate, input.toDate),
  }),

  defineTask({
    name: 'welfare.reports.cashBookPrint',
    input: cashBookInput,
    access: 'user',
    handler: async ({ app, input, user, signal, recordAudit }) => {
      const book = cashBook(app, input.fromDate, input.toDate);
      if (book.accounts.length === 0) throw new ApiError('NOT_FOUND', 'กองทุนยังไม่มีบัญชีเงินสดหรือเงินฝาก (ยังไม่เคยบันทึกรายการ)', 'The fund has no cash or bank account yet (nothing was ever posted)', 'fromDate');
      const data: WelfareCashBookData = {
        fromDate: book.fromDate,
        toDate: book.toDate,
        accounts: book.accounts.map((account) => ({ name: account.name, bankAccount: account.bankAccount })),
        broughtForward: book.broughtForward,
        rows: book.rows.map((row) => ({ date: row.date, document: row.document, description: row.description, amounts: row.amounts })),
        treasurer: treasurerName(user),
        auditor: '',
      };
      const printed = await printFromRecords(app, 'welfare-cash-book', data, signal);
      recordAudit(personalDataPrinted('welfare-cash-book', peopleNamedInCashBook(book.rows), { fromDate: input.fromDate, toDate: input.toDate, rows: book.rows.length }));
      return { ...printed, carriedForward: book.carriedForward };
    },
  }),

  defineRead({
    name: 'welfare.reports.arrears',
    input: arrearsInput,
    access: 'user',
    handler: ({ app, input }) => arrearsList(app, input.villageId, input.asOf),
  }),

  defineTask({
    name: 'welfare.reports.arrearsPrint',
    input: arrearsInput,
    access: 'user',
    handler: async ({ app, input, user, signal, recordAudit }) => {
      const list = arrearsList(app, input.villageId, input.asOf);
      const data: WelfareArrearsData = {
        asOf: list.asOf,
        arrearsLimit: list.arrearsLimit,
        villages: list.villages.map((village) => ({
          number: village.number,
          name: village.name,
          rows: village.rows.map((row) => ({ memberNumber: row.memberNumber, name: row.name, periods: row.periods, missedCount: row.missedCount, atLimit: row.atLimit, nearLimit: row.nearLimit, owedSatang: row.owedSatang })),
        })),
        treasurer: treasurerName(user),
      };
      const printed = await printFromRecords(app, 'welfare-arrears', data, signal);
      recordAudit(personalDataPrinted('welfare-arrears', list.memberCount, { villageId: input.villageId, asOf: input.asOf }));
      return printed;
    },
  }),
] as const;
