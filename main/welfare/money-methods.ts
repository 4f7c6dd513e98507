// The fund's money beyond the collection day (issue 9, "Other money in" and "The books"): its money accounts (cash
// on hand and each bank account), other money in by source (a CODI round, อปท., a donation, interest…), transfers
// between cash and the banks, and the monthly bank reconciliation. Every posting goes through postEntry; a mistake
// is corrected by a reversal that points to what it reverses.
import { and, asc, eq, gte, inArray, isNull, lte, max, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { welfareAccounts, welfareBankReconciliations, welfareClearedLines, welfareIncomeRecords, welfareJournalEntries, welfareJournalLines, welfareReceiptBooks, welfareReceiptLines, welfareReceipts } from '../../db/schema';
import { ApiError } from '../api/errors';
import type { Role } from '../api/roles';
import { defineRead, defineWrite, type AppContext } from '../api/router';
import { bilingual, isoDateField, labelFields, satangAmountField } from '../api/validation';
import { localIsoDate } from '../dates';
import { MAX_AMOUNT_SATANG } from '../money';
import { ensureBooks, systemAccounts } from './accounts';
import { checkOpenPeriod, nextReceiptNumber, postEntry, reverseEntry } from './books';
import { bahtEn, bahtTh, dateEn, dateTh } from './wording';

const treasurers: readonly Role[] = ['treasurer'];

type Account = typeof welfareAccounts.$inferSelect;

/** Money in or moved: whole satang, more than zero, not beyond what the app can hold (main/money.ts). */
const monthField = z
  .string()
  .trim()
  .refine((value) => !/^2[4-9]\d\d-/.test(value), bilingual('ปีเป็น พ.ศ. แต่ระบบต้องการ ค.ศ.', 'The year is B.E.; C.E. expected'))
  .refine((value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value), bilingual('ต้องเป็นเดือนและปี เช่น 2026-11', 'Must be a month, e.g. 2026-11'));

const voidReason = z.string().trim().min(1, bilingual('กรุณากรอกเหตุผลที่ยกเลิก', 'Enter why it is voided')).max(300);

labelFields({
  nameTh: ['ชื่อบัญชี', 'Account name'],
  bankAccount: ['ธนาคาร สาขา และเลขที่บัญชี', 'Bank, branch and account number'],
  accountId: ['บัญชี', 'Account'],
  sourceAccountId: ['แหล่งที่มาของเงิน', 'Source of the money'],
  moneyAccountId: ['รับเข้า (เงินสด/บัญชีธนาคาร)', 'Received into (cash/bank)'],
  incomeDate: ['วันที่รับเงิน', 'Date received'],
  payerName: ['ได้รับเงินจาก', 'Received from'],
  description: ['รายละเอียด', 'Description'],
  codiRound: ['รอบที่', 'Round'],
  codiRoundApprovalDate: ['วันที่ พอช. อนุมัติรอบนี้', 'Date CODI approved the round'],
  receiptBookId: ['เล่มใบเสร็จ', 'Receipt book'],
  incomeId: ['รายการรับเงิน', 'Income record'],
  transferDate: ['วันที่โอน', 'Transfer date'],
  fromAccountId: ['โอนจาก', 'From'],
  toAccountId: ['โอนเข้า', 'To'],
  entryId: ['รายการบัญชี', 'Journal entry'],
  voidReason: ['เหตุผลที่ยกเลิก', 'Reason for voiding'],
  month: ['เดือน', 'Month'],
  bankBalanceSatang: ['ยอดตามสมุดบัญชีธนาคาร', 'Balance in the bank book'],
  clearedLineIds: ['รายการที่ตรงกับสมุดบัญชีธนาคาร', 'Lines found in the bank book'],
});

const isMoneyAccount = (account: Account) => account.kind === 'asset' && (account.reportLine === 'cash' || account.reportLine === 'bank');

/** How a money account is named in a message: "ธ.ก.ส. สาขาบ้านไผ่ (020-1-23456-7)". */
const accountLabel = (account: Account) => (account.bankAccount ? `${account.nameTh} (${account.bankAccount})` : account.nameTh);

/**
 * An account's balance from every posting up to and including `asOf` (all postings when null): debit positive.
 * Cash on hand gets a line per receipt, millions over the years: its lines are summed without reading their
 * entries, and only the entries after `asOf` (few: a transfer is dated near today) are read to take them off.
 */
export function accountBalance(app: AppContext, accountId: number, asOf: string | null): number {
  const total = app.db
    .select({ balance: sql<number>`coalesce(sum(${welfareJournalLines.amountSatang}), 0)`.mapWith(Number) })
    .from(welfareJournalLines)
    .where(eq(welfareJournalLines.accountId, accountId))
    .get()!.balance;
  if (asOf === null) return total;
  // CROSS JOIN keeps the entries (by their date index) as the outer loop: SQLite would otherwise walk the
  // account's lines first.
  const later = app.sqlite
    .prepare(
      `SELECT coalesce(sum(l.amount_satang), 0) AS balance FROM welfare_journal_entries e CROSS JOIN welfare_journal_lines l
       ON l.entry_id = e.id WHERE e.entry_date > ? AND l.account_id = ?`,
    )
    .get(asOf, accountId) as { balance: number };
  return total - later.balance;
}

function accountOrRefuse(app: AppContext, id: number, field: string): Account {
  const account = app.db.select().from(welfareAccounts).where(eq(welfareAccounts.id, id)).get();
  if (!account) throw new ApiError('NOT_FOUND', 'ไม่พบบัญชีนี้', 'This account was not found', field);
  return account;
}

/** Cash on hand or an active bank account, or a refusal naming the field. */
export function moneyAccountOrRefuse(app: AppContext, id: number, field: string): Account {
  const account = accountOrRefuse(app, id, field);
  if (!isMoneyAccount(account)) {
    throw new ApiError(
      'INVALID_INPUT',
      `"${account.code} ${account.nameTh}" ไม่ใช่เงินสดหรือบัญชีเงินฝากธนาคาร กรุณาเลือกบัญชีเงินสดหรือเงินฝากธนาคารที่ยังใช้อยู่`,
      `"${account.code} ${account.nameEn || account.nameTh}" is not cash or a bank account; choose an active cash or bank account`,
      field,
    );
  }
  if (!account.active) throw new ApiError('INVALID_INPUT', `บัญชี ${accountLabel(account)} ปิดใช้แล้ว`, `The account ${accountLabel(account)} is closed`, field);
  return account;
}

function bankAccountOrRefuse(app: AppContext, id: number, field: string): Account {
  const account = accountOrRefuse(app, id, field);
  if (account.reportLine !== 'bank' || account.kind !== 'asset') throw new ApiError('INVALID_INPUT', `"${account.nameTh}" ไม่ใช่บัญชีเงินฝากธนาคาร`, `"${account.nameEn || account.nameTh}" is not a bank account`, field);
  return account;
}

function refuseFutureDate(app: AppContext, date: string, field: string, th: string, en: string): void {
  if (date > localIsoDate(app.now())) throw new ApiError('INVALID_INPUT', `${th} (${dateTh(date)}) อยู่ในอนาคต`, `${en} (${dateEn(date)}) is in the future`, field);
}

/** The last day of a 'YYYY-MM' month, ISO. */
function monthEnd(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

const thaiMonthNames = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const englishMonthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthTh = (month: string) => `${thaiMonthNames[Number(month.slice(5, 7)) - 1]!} ${Number(month.slice(0, 4)) + 543}`;
const monthEn = (month: string) => `${englishMonthNames[Number(month.slice(5, 7)) - 1]!} ${month.slice(0, 4)}`;

/** The longest item a receipt prints (main/documents/forms/welfare-parts.ts moneyItem). */
const receiptItemLength = 200;

/** Income that comes through the collection day, never as "other money in". */
const collectedIncome = new Set<string>([systemAccounts.memberContributions, systemAccounts.entranceFees]);

// ---------------------------------------------------------------------------------------------------------------
// The bank reconciliation of one account and month

interface ReconciliationLine {
  lineId: number;
  entryId: number;
  entryDate: string;
  kind: string;
  description: string;
  amountSatang: number;
  /** the month the bank book showed it; null while it has not shown up */
  clearedMonth: string | null;
}

/**
 * The lines of the account the treasurer can tick for `month`: every line up to the month's end that had not
 * cleared before the month (a line cleared in an earlier month stays cleared and is not asked about again).
 */
function reconciliationLines(app: AppContext, accountId: number, month: string): ReconciliationLine[] {
  return app.db
    .select({
      lineId: welfareJournalLines.id,
      entryId: welfareJournalEntries.id,
      entryDate: welfareJournalEntries.entryDate,
      kind: welfareJournalEntries.kind,
      description: welfareJournalEntries.description,
      amountSatang: welfareJournalLines.amountSatang,
      clearedMonth: welfareClearedLines.clearedMonth,
    })
    .from(welfareJournalLines)
    .innerJoin(welfareJournalEntries, eq(welfareJournalEntries.id, welfareJournalLines.entryId))
    .leftJoin(welfareClearedLines, eq(welfareClearedLines.journalLineId, welfareJournalLines.id))
    .where(and(eq(welfareJournalLines.accountId, accountId), lte(welfareJournalEntries.entryDate, monthEnd(month)), or(isNull(welfareClearedLines.clearedMonth), gte(welfareClearedLines.clearedMonth, month))))
    .orderBy(asc(welfareJournalEntries.entryDate), asc(welfareJournalLines.id))
    .all();
}

/** Ledger balance − uncleared lines = the bank book's balance, when every line is accounted for. */
function reconciliationFigures(ledgerBalanceSatang: number, lines: readonly ReconciliationLine[], month: string, bankBalanceSatang: number | null) {
  const uncleared = lines.filter((line) => line.clearedMonth === null || line.clearedMonth > month);
  const depositsInTransitSatang = uncleared.filter((line) => line.amountSatang > 0).reduce((sum, line) => sum + line.amountSatang, 0);
  const paymentsNotPresentedSatang = -uncleared.filter((line) => line.amountSatang < 0).reduce((sum, line) => sum + line.amountSatang, 0);
  const unclearedSatang = depositsInTransitSatang - paymentsNotPresentedSatang;
  const expectedBankSatang = ledgerBalanceSatang - unclearedSatang;
  return {
    ledgerBalanceSatang,
    depositsInTransitSatang,
    paymentsNotPresentedSatang,
    unclearedSatang,
    expectedBankSatang,
    bankBalanceSatang,
    /** bank book − (ledger − uncleared): 0 when reconciled */
    differenceSatang: bankBalanceSatang === null ? null : bankBalanceSatang - expectedBankSatang,
  };
}

function reconciliationOf(app: AppContext, account: Account, month: string) {
  const lines = reconciliationLines(app, account.id, month);
  const saved = app.db.select().from(welfareBankReconciliations).where(and(eq(welfareBankReconciliations.accountId, account.id), eq(welfareBankReconciliations.month, month))).get() ?? null;
  const ledger = accountBalance(app, account.id, monthEnd(month));
  return {
    account: { id: account.id, code: account.code, nameTh: account.nameTh, nameEn: account.nameEn, bankAccount: account.bankAccount, active: account.active },
    month,
    monthEnd: monthEnd(month),
    lines: lines.map((line) => ({ ...line, cleared: line.clearedMonth === month })),
    saved,
    ...reconciliationFigures(ledger, lines, month, saved?.bankBalanceSatang ?? null),
  };
}

export const welfareMoneyMethods = [
  // -------------------------------------------------------------------------------------------------------------
  // Money accounts: cash on hand and the bank accounts

  defineRead({
    name: 'welfare.moneyAccounts.list',
    input: z.object({ asOf: isoDateField('ณ วันที่', 'As of').nullable().default(null) }),
    access: 'user',
    handler: ({ app, input }) => {
      const accounts = app.db.select().from(welfareAccounts).orderBy(asc(welfareAccounts.code)).all().filter(isMoneyAccount);
      return accounts.map((account) => ({ ...account, balanceSatang: accountBalance(app, account.id, input.asOf) }));
    },
  }),

  defineWrite({
    // A fund that records money in before anything else (no receipt book yet) starts its chart of accounts here.
    name: 'welfare.moneyAccounts.setUp',
    input: z.object({}),
    access: treasurers,
    handler: ({ app }) => {
      const before = app.db.select({ id: welfareAccounts.id }).from(welfareAccounts).all().length;
      const accounts = ensureBooks(app);
      return { result: { accounts: accounts.size }, audit: { entity: 'books', entityId: 1, before: { accounts: before }, after: { accounts: accounts.size } } };
    },
  }),

  defineWrite({
    name: 'welfare.bankAccounts.create',
    input: z.object({
      nameTh: z.string().trim().min(1, bilingual('กรุณากรอกชื่อบัญชี เช่น เงินฝาก ธ.ก.ส.', 'Enter the account name')).max(100),
      bankAccount: z.string().trim().min(1, bilingual('กรุณากรอกธนาคาร สาขา และเลขที่บัญชี', 'Enter the bank, branch and account number')).max(200),
    }),
    access: treasurers,
    handler: ({ app, input }) => {
      ensureBooks(app);
      refuseDuplicateBankName(app, input.nameTh, null);
      // Bank accounts are numbered after the preset 1102: 1103, 1104, … (1201 is other investments).
      const highest = app.db.select({ code: max(welfareAccounts.code) }).from(welfareAccounts).where(and(gte(welfareAccounts.code, '1102'), lte(welfareAccounts.code, '1199'))).get()?.code ?? '1102';
      const code = String(Number(highest) + 1);
      if (Number(code) > 1199) throw new ApiError('CONFLICT', 'มีบัญชีเงินฝากครบ 98 บัญชีแล้ว', 'The fund already has 98 bank accounts', 'nameTh');
      const position = (app.db.select({ position: max(welfareAccounts.position) }).from(welfareAccounts).get()?.position ?? 0) + 1;
      const row = app.db.insert(welfareAccounts).values({ code, nameTh: input.nameTh, nameEn: input.nameTh, kind: 'asset', reportLine: 'bank', bankAccount: input.bankAccount, system: false, active: true, position }).returning().get();
      return { result: row, audit: { entity: 'bankAccount', entityId: row.id, before: null, after: row } };
    },
  }),

  defineWrite({
    name: 'welfare.bankAccounts.update',
    input: z.object({
      accountId: z.number().int().positive(),
      nameTh: z.string().trim().min(1, bilingual('กรุณากรอกชื่อบัญชี', 'Enter the account name')).max(100),
      bankAccount: z.string().trim().min(1, bilingual('กรุณากรอกธนาคาร สาขา และเลขที่บัญชี', 'Enter the bank, branch and account number')).max(200),
    }),
    access: treasurers,
    handler: ({ app, input }) => {
      ensureBooks(app);
      const before = bankAccountOrRefuse(app, input.accountId, 'accountId');
      refuseDuplicateBankName(app, input.nameTh, before.id);
      // The English name follows a renamed account (the preset's English name would describe the old one).
      const after = app.db.update(welfareAccounts).set({ nameTh: input.nameTh, nameEn: input.nameTh === before.nameTh ? before.nameEn : input.nameTh, bankAccount: input.bankAccount }).where(eq(welfareAccounts.id, before.id)).returning().get()!;
      return { result: after, audit: { entity: 'bankAccount', entityId: before.id, before, after } };
    },
  }),

  defineWrite({
    name: 'welfare.bankAccounts.deactivate',
    input: z.object({ accountId: z.number().int().positive() }),
    access: treasurers,
    handler: ({ app, input }) => {
      const before = bankAccountOrRefuse(app, input.accountId, 'accountId');
      if (!before.active) throw new ApiError('CONFLICT', `บัญชี ${accountLabel(before)} ปิดใช้อยู่แล้ว`, `The account ${accountLabel(before)} is already closed`, 'accountId');
      const balance = accountBalance(app, before.id, null);
      if (balance !== 0) {
        throw new ApiError(
          'CONFLICT',
          `บัญชี ${accountLabel(before)} ยังมียอดคงเหลือ ${bahtTh(balance)} ปิดใช้ได้เมื่อยอดเป็น 0 บาท (โอนเงินออกก่อน)`,
          `The account ${accountLabel(before)} still holds ${bahtEn(balance)}; it can be closed at 0 baht (transfer the money out first)`,
          'accountId',
        );
      }
      const after = app.db.update(welfareAccounts).set({ active: false }).where(eq(welfareAccounts.id, before.id)).returning().get()!;
      return { result: after, audit: { entity: 'bankAccount', entityId: before.id, before, after } };
    },
  }),

  // -------------------------------------------------------------------------------------------------------------
  // Other money in

  defineWrite({
    name: 'welfare.income.create',
    input: z.object({
      sourceAccountId: z.number().int().positive(),
      moneyAccountId: z.number().int().positive(),
      incomeDate: isoDateField('วันที่รับเงิน', 'Date received'),
      amountSatang: satangAmountField,
      payerName: z.string().trim().min(1, bilingual('กรุณากรอกชื่อผู้จ่ายเงิน (หน่วยงาน ผู้บริจาค หรือธนาคาร)', 'Enter who paid (the agency, the donor or the bank)')).max(100),
      description: z.string().trim().max(300).default(''),
      codiRound: z.number().int().min(1).max(999).nullable().default(null),
      codiRoundApprovalDate: isoDateField('วันที่ พอช. อนุมัติ', 'CODI approval date').nullable().default(null),
      receiptBookId: z.number().int().positive().nullable().default(null),
    }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      refuseFutureDate(app, input.incomeDate, 'incomeDate', 'วันที่รับเงิน', 'The date received');
      checkOpenPeriod(app, input.incomeDate, 'incomeDate');
      ensureBooks(app);
      const source = accountOrRefuse(app, input.sourceAccountId, 'sourceAccountId');
      if (source.kind !== 'income' || collectedIncome.has(source.code)) {
        throw new ApiError('INVALID_INPUT', 'กรุณาเลือกแหล่งที่มาของเงินจากบัญชีรายรับ (เงินสมทบและค่าสมัครของสมาชิกรับในวันเก็บเงิน)', "Choose an income account as the source (members' contributions and entrance fees are taken on the collection day)", 'sourceAccountId');
      }
      if (!source.active) throw new ApiError('INVALID_INPUT', `บัญชี ${source.nameTh} ปิดใช้แล้ว`, `The account ${source.nameEn || source.nameTh} is closed`, 'sourceAccountId');
      const into = moneyAccountOrRefuse(app, input.moneyAccountId, 'moneyAccountId');

      const isMatching = source.reportLine === 'codiMatching';
      if (isMatching && input.codiRound === null) throw new ApiError('INVALID_INPUT', 'งบสมทบจากรัฐบาลผ่าน พอช. ต้องระบุรอบที่', 'Government matching via CODI needs its round number', 'codiRound');
      if (isMatching && input.codiRoundApprovalDate === null) throw new ApiError('INVALID_INPUT', 'งบสมทบจากรัฐบาลผ่าน พอช. ต้องระบุวันที่ พอช. อนุมัติรอบนี้', 'Government matching via CODI needs the date CODI approved the round', 'codiRoundApprovalDate');
      if (!isMatching && (input.codiRound !== null || input.codiRoundApprovalDate !== null)) {
        throw new ApiError('INVALID_INPUT', 'รอบที่และวันที่อนุมัติใช้กับงบสมทบจากรัฐบาลผ่าน พอช. เท่านั้น', 'A round and its approval date belong to government matching via CODI only', input.codiRound !== null ? 'codiRound' : 'codiRoundApprovalDate');
      }
      if (input.codiRoundApprovalDate !== null && input.codiRoundApprovalDate > input.incomeDate) {
        throw new ApiError('INVALID_INPUT', `วันที่ พอช. อนุมัติ (${dateTh(input.codiRoundApprovalDate)}) อยู่หลังวันที่รับเงิน (${dateTh(input.incomeDate)})`, `CODI's approval (${dateEn(input.codiRoundApprovalDate)}) is after the date received (${dateEn(input.incomeDate)})`, 'codiRoundApprovalDate');
      }

      // A donation, and any money handed over in cash, gets a numbered receipt; money the bank credits (interest, a
      // transfer from CODI) may have one.
      const needsReceipt = source.reportLine === 'donations' || into.reportLine === 'cash';
      if (needsReceipt && input.receiptBookId === null) {
        const why = source.reportLine === 'donations' ? 'เงินบริจาคต้องออกใบเสร็จรับเงิน' : 'เงินสดที่รับต้องออกใบเสร็จรับเงิน';
        const whyEn = source.reportLine === 'donations' ? 'A donation needs a receipt' : 'Money received in cash needs a receipt';
        throw new ApiError('INVALID_INPUT', `${why} กรุณาเลือกเล่มใบเสร็จ`, `${whyEn}; choose a receipt book`, 'receiptBookId');
      }
      const book = input.receiptBookId === null ? null : app.db.select().from(welfareReceiptBooks).where(eq(welfareReceiptBooks.id, input.receiptBookId)).get();
      if (book === undefined) throw new ApiError('NOT_FOUND', 'ไม่พบเล่มใบเสร็จนี้', 'This receipt book was not found', 'receiptBookId');
      const number = book === null ? null : nextReceiptNumber(app, book.id);

      const round = input.codiRound === null ? '' : ` รอบที่ ${input.codiRound} (พอช. อนุมัติ ${dateTh(input.codiRoundApprovalDate!)})`;
      const description = input.description || `${source.nameTh}${round}`;
      if (book !== null && description.length > receiptItemLength) {
        throw new ApiError(
          'INVALID_INPUT',
          `รายละเอียดพิมพ์ในใบเสร็จได้ไม่เกิน ${receiptItemLength} ตัวอักษร (กรอกไว้ ${description.length} ตัวอักษร)`,
          `A receipt prints at most ${receiptItemLength} characters of description (${description.length} typed)`,
          'description',
        );
      }
      const receiptWords = book === null ? '' : `ใบเสร็จเล่มที่ ${book.bookNumber} เลขที่ ${number} `;
      const entryId = postEntry(app, {
        date: input.incomeDate,
        kind: 'income',
        description: `${receiptWords}${description} จาก ${input.payerName}`,
        userId: user!.id,
        field: 'incomeDate',
        lines: [
          { accountId: into.id, amountSatang: input.amountSatang },
          { accountId: source.id, amountSatang: -input.amountSatang },
        ],
      });
      const at = app.now().toISOString();
      let receipt: { id: number; bookNumber: string; number: number } | null = null;
      if (book !== null && number !== null) {
        const row = app.db
          .insert(welfareReceipts)
          .values({ bookId: book.id, number, receiptDate: input.incomeDate, membershipId: null, payerName: input.payerName, totalSatang: input.amountSatang, entryId, createdAt: at })
          .returning({ id: welfareReceipts.id })
          .get();
        app.db.insert(welfareReceiptLines).values({ receiptId: row.id, kind: 'income', period: null, description, amountSatang: input.amountSatang, accountId: source.id, position: 0 }).run();
        receipt = { id: row.id, bookNumber: book.bookNumber, number };
      }
      const record = app.db
        .insert(welfareIncomeRecords)
        .values({
          entryId,
          incomeDate: input.incomeDate,
          sourceAccountId: source.id,
          moneyAccountId: into.id,
          amountSatang: input.amountSatang,
          payerName: input.payerName,
          description,
          codiRound: input.codiRound,
          codiRoundApprovalDate: input.codiRoundApprovalDate,
          receiptId: receipt?.id ?? null,
          createdAt: at,
          createdBy: user!.id,
        })
        .returning()
        .get();
      return { result: { ...record, receipt }, audit: { entity: 'income', entityId: record.id, before: null, after: { ...record, receipt } } };
    },
  }),

  defineRead({
    name: 'welfare.income.list',
    input: z.object({ from: isoDateField('ตั้งแต่วันที่', 'From'), to: isoDateField('ถึงวันที่', 'To') }),
    access: 'user',
    handler: ({ app, input }) => {
      const rows = app.db
        .select({ record: welfareIncomeRecords, receiptNumber: welfareReceipts.number, receiptVoidedOn: welfareReceipts.voidedOn, receiptVoidReason: welfareReceipts.voidReason, bookNumber: welfareReceiptBooks.bookNumber })
        .from(welfareIncomeRecords)
        .leftJoin(welfareReceipts, eq(welfareReceipts.id, welfareIncomeRecords.receiptId))
        .leftJoin(welfareReceiptBooks, eq(welfareReceiptBooks.id, welfareReceipts.bookId))
        .where(and(gte(welfareIncomeRecords.incomeDate, input.from), lte(welfareIncomeRecords.incomeDate, input.to)))
        .orderBy(asc(welfareIncomeRecords.incomeDate), asc(welfareIncomeRecords.id))
        .all();
      const accounts = new Map(app.db.select().from(welfareAccounts).all().map((account) => [account.id, account]));
      return rows.map(({ record, receiptNumber, receiptVoidedOn, receiptVoidReason, bookNumber }) => ({
        ...record,
        source: { code: accounts.get(record.sourceAccountId)!.code, nameTh: accounts.get(record.sourceAccountId)!.nameTh, nameEn: accounts.get(record.sourceAccountId)!.nameEn },
        moneyAccount: { code: accounts.get(record.moneyAccountId)!.code, nameTh: accounts.get(record.moneyAccountId)!.nameTh, nameEn: accounts.get(record.moneyAccountId)!.nameEn },
        receipt: record.receiptId === null ? null : { id: record.receiptId, bookNumber: bookNumber!, number: receiptNumber! },
        // a receipted income is voided through its receipt (welfare.receipts.void), which reverses the same entry
        voidedOn: record.voidedOn ?? receiptVoidedOn,
        voidReason: record.voidedOn !== null ? record.voidReason : (receiptVoidReason ?? ''),
      }));
    },
  }),

  defineWrite({
    name: 'welfare.income.void',
    input: z.object({ incomeId: z.number().int().positive(), voidReason }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      const before = app.db.select().from(welfareIncomeRecords).where(eq(welfareIncomeRecords.id, input.incomeId)).get();
      if (!before) throw new ApiError('NOT_FOUND', 'ไม่พบรายการรับเงินนี้', 'This income record was not found', 'incomeId');
      if (before.receiptId !== null) {
        const receipt = app.db.select({ number: welfareReceipts.number, book: welfareReceiptBooks.bookNumber }).from(welfareReceipts).innerJoin(welfareReceiptBooks, eq(welfareReceiptBooks.id, welfareReceipts.bookId)).where(eq(welfareReceipts.id, before.receiptId)).get()!;
        throw new ApiError('CONFLICT', `รายการนี้มีใบเสร็จเล่มที่ ${receipt.book} เลขที่ ${receipt.number} ให้ยกเลิกที่ใบเสร็จ`, `This income has receipt ${receipt.book}/${receipt.number}; void the receipt`, 'incomeId');
      }
      if (before.voidedOn !== null) throw new ApiError('CONFLICT', `รายการนี้ถูกยกเลิกไปแล้วเมื่อ ${dateTh(before.voidedOn)}`, `This income was already voided on ${dateEn(before.voidedOn)}`, 'incomeId');
      const today = localIsoDate(app.now());
      // Dated today, as a voided receipt: a closed month keeps its figures, the correction shows in the open one.
      const voidEntryId = reverseEntry(app, before.entryId, today, `ยกเลิกรายการรับเงิน ${before.description} จาก ${before.payerName}: ${input.voidReason}`, user!.id);
      const after = app.db.update(welfareIncomeRecords).set({ voidedOn: today, voidReason: input.voidReason, voidEntryId }).where(eq(welfareIncomeRecords.id, before.id)).returning().get()!;
      return { result: after, audit: { entity: 'income', entityId: before.id, before, after } };
    },
  }),

  // -------------------------------------------------------------------------------------------------------------
  // Transfers: cash ↔ bank, bank ↔ bank

  defineWrite({
    name: 'welfare.transfers.create',
    input: z.object({
      fromAccountId: z.number().int().positive(),
      toAccountId: z.number().int().positive(),
      transferDate: isoDateField('วันที่โอน', 'Transfer date'),
      amountSatang: satangAmountField,
      description: z.string().trim().max(300).default(''),
    }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      refuseFutureDate(app, input.transferDate, 'transferDate', 'วันที่โอน', 'The transfer date');
      checkOpenPeriod(app, input.transferDate, 'transferDate');
      ensureBooks(app);
      const from = moneyAccountOrRefuse(app, input.fromAccountId, 'fromAccountId');
      const to = moneyAccountOrRefuse(app, input.toAccountId, 'toAccountId');
      if (from.id === to.id) throw new ApiError('INVALID_INPUT', `โอนจากและโอนเข้าเป็นบัญชีเดียวกัน (${accountLabel(from)})`, `From and to are the same account (${accountLabel(from)})`, 'toAccountId');
      if (from.reportLine === 'cash') {
        const held = accountBalance(app, from.id, input.transferDate);
        if (held < input.amountSatang) {
          throw new ApiError(
            'INVALID_INPUT',
            `เงินสดในมือ ณ วันที่ ${dateTh(input.transferDate)} มี ${bahtTh(held)} นำออก ${bahtTh(input.amountSatang)} ไม่ได้`,
            `Cash on hand on ${dateEn(input.transferDate)} is ${bahtEn(held)}; ${bahtEn(input.amountSatang)} cannot be taken out`,
            'amountSatang',
          );
        }
      }
      const what = from.reportLine === 'cash' ? `นำเงินสดฝากเข้าบัญชี ${accountLabel(to)}` : to.reportLine === 'cash' ? `ถอนเงินจากบัญชี ${accountLabel(from)} เป็นเงินสด` : `โอนเงินจากบัญชี ${accountLabel(from)} เข้าบัญชี ${accountLabel(to)}`;
      const entryId = postEntry(app, {
        date: input.transferDate,
        kind: 'transfer',
        description: input.description ? `${what}: ${input.description}` : what,
        userId: user!.id,
        field: 'transferDate',
        lines: [
          { accountId: to.id, amountSatang: input.amountSatang },
          { accountId: from.id, amountSatang: -input.amountSatang },
        ],
      });
      const entry = app.db.select().from(welfareJournalEntries).where(eq(welfareJournalEntries.id, entryId)).get()!;
      const result = { entryId, transferDate: input.transferDate, fromAccountId: from.id, toAccountId: to.id, amountSatang: input.amountSatang, description: entry.description };
      return { result, audit: { entity: 'transfer', entityId: entryId, before: null, after: result } };
    },
  }),

  defineRead({
    name: 'welfare.transfers.list',
    input: z.object({ from: isoDateField('ตั้งแต่วันที่', 'From'), to: isoDateField('ถึงวันที่', 'To') }),
    access: 'user',
    handler: ({ app, input }) => {
      const entries = app.db
        .select()
        .from(welfareJournalEntries)
        .where(and(eq(welfareJournalEntries.kind, 'transfer'), gte(welfareJournalEntries.entryDate, input.from), lte(welfareJournalEntries.entryDate, input.to)))
        .orderBy(asc(welfareJournalEntries.entryDate), asc(welfareJournalEntries.id))
        .all();
      if (entries.length === 0) return [];
      const ids = entries.map((entry) => entry.id);
      const lines = app.db.select().from(welfareJournalLines).where(inArray(welfareJournalLines.entryId, ids)).all();
      const reversals = app.db.select().from(welfareJournalEntries).where(inArray(welfareJournalEntries.reversesEntryId, ids)).all();
      return entries.map((entry) => {
        const own = lines.filter((line) => line.entryId === entry.id);
        const reversal = reversals.find((row) => row.reversesEntryId === entry.id) ?? null;
        return {
          entryId: entry.id,
          transferDate: entry.entryDate,
          description: entry.description,
          fromAccountId: own.find((line) => line.amountSatang < 0)!.accountId,
          toAccountId: own.find((line) => line.amountSatang > 0)!.accountId,
          amountSatang: own.find((line) => line.amountSatang > 0)!.amountSatang,
          reversedOn: reversal?.entryDate ?? null,
          reversal: reversal?.description ?? null,
        };
      });
    },
  }),

  defineWrite({
    name: 'welfare.transfers.reverse',
    input: z.object({ entryId: z.number().int().positive(), voidReason }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      const entry = app.db.select().from(welfareJournalEntries).where(eq(welfareJournalEntries.id, input.entryId)).get();
      if (!entry || entry.kind !== 'transfer') throw new ApiError('NOT_FOUND', 'ไม่พบรายการโอนนี้', 'This transfer was not found', 'entryId');
      const earlier = app.db.select().from(welfareJournalEntries).where(eq(welfareJournalEntries.reversesEntryId, entry.id)).get();
      if (earlier) throw new ApiError('CONFLICT', `รายการโอนนี้ถูกกลับรายการไปแล้วเมื่อ ${dateTh(earlier.entryDate)}`, `This transfer was already reversed on ${dateEn(earlier.entryDate)}`, 'entryId');
      const today = localIsoDate(app.now());
      const reversalId = reverseEntry(app, entry.id, today, `กลับรายการ ${entry.description}: ${input.voidReason}`, user!.id);
      return { result: { entryId: entry.id, reversalId, reversedOn: today }, audit: { entity: 'transfer', entityId: entry.id, before: entry, after: { reversalId, reversedOn: today, reason: input.voidReason } } };
    },
  }),

  // -------------------------------------------------------------------------------------------------------------
  // Bank reconciliation (กระทบยอดเงินฝากธนาคาร)

  defineRead({
    name: 'welfare.bank.reconciliation.get',
    input: z.object({ accountId: z.number().int().positive(), month: monthField }),
    access: 'user',
    handler: ({ app, input }) => reconciliationOf(app, bankAccountOrRefuse(app, input.accountId, 'accountId'), input.month),
  }),

  defineWrite({
    name: 'welfare.bank.reconciliation.save',
    input: z.object({
      accountId: z.number().int().positive(),
      month: monthField,
      bankBalanceSatang: z
        .number({ error: bilingual('ยอดตามสมุดบัญชีธนาคารต้องเป็นตัวเลข', 'The bank book balance must be a number') })
        .int(bilingual('ยอดตามสมุดบัญชีธนาคารต้องเป็นจำนวนเต็มสตางค์', 'The bank book balance must be whole satang'))
        .min(0, bilingual('ยอดตามสมุดบัญชีธนาคารติดลบไม่ได้', 'The bank book balance cannot be negative'))
        .max(MAX_AMOUNT_SATANG, bilingual('ยอดตามสมุดบัญชีธนาคารมากเกินไป', 'The bank book balance is too large')),
      clearedLineIds: z.array(z.number().int().positive()).max(100_000),
      note: z.string().trim().max(500).default(''),
    }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      const account = bankAccountOrRefuse(app, input.accountId, 'accountId');
      if (`${input.month}-01` > localIsoDate(app.now())) throw new ApiError('INVALID_INPUT', `เดือน${monthTh(input.month)}ยังไม่ถึง`, `${monthEn(input.month)} has not begun`, 'month');
      const before = reconciliationOf(app, account, input.month);
      const candidates = new Map(before.lines.map((line) => [line.lineId, line]));
      const ticked = new Set<number>();
      input.clearedLineIds.forEach((lineId, index) => {
        if (!candidates.has(lineId)) {
          throw new ApiError('INVALID_INPUT', `รายการที่เลือกลำดับที่ ${index + 1} ไม่ใช่รายการของบัญชี ${accountLabel(account)} ถึงสิ้นเดือน${monthTh(input.month)} ที่ยังไม่ได้กระทบยอด`, `Line ${index + 1} chosen is not an unreconciled line of ${accountLabel(account)} up to the end of ${monthEn(input.month)}`, `clearedLineIds.${index}`);
        }
        ticked.add(lineId);
      });
      for (const line of before.lines) {
        if (ticked.has(line.lineId)) {
          // cleared in this month: whether it was not yet, or was thought to clear only in a later month
          app.db.insert(welfareClearedLines).values({ journalLineId: line.lineId, accountId: account.id, clearedMonth: input.month }).onConflictDoUpdate({ target: welfareClearedLines.journalLineId, set: { clearedMonth: input.month } }).run();
        } else if (line.clearedMonth === input.month) {
          app.db.delete(welfareClearedLines).where(eq(welfareClearedLines.journalLineId, line.lineId)).run();
        }
      }
      const figures = reconciliationFigures(before.ledgerBalanceSatang, reconciliationLines(app, account.id, input.month), input.month, input.bankBalanceSatang);
      const values = {
        accountId: account.id,
        month: input.month,
        bankBalanceSatang: input.bankBalanceSatang,
        ledgerBalanceSatang: figures.ledgerBalanceSatang,
        unclearedSatang: figures.unclearedSatang,
        differenceSatang: figures.differenceSatang!,
        note: input.note,
        savedAt: app.now().toISOString(),
        savedBy: user!.id,
      };
      app.db.insert(welfareBankReconciliations).values(values).onConflictDoUpdate({ target: [welfareBankReconciliations.accountId, welfareBankReconciliations.month], set: values }).run();
      const after = reconciliationOf(app, account, input.month);
      const clearedIn = (state: typeof before) => state.lines.filter((line) => line.cleared).map((line) => line.lineId);
      return {
        result: after,
        audit: {
          entity: 'bankReconciliation',
          entityId: after.saved!.id,
          before: before.saved === null ? null : { ...before.saved, clearedLineIds: clearedIn(before) },
          after: { ...after.saved, clearedLineIds: clearedIn(after) },
        },
      };
    },
  }),
] as const;

function refuseDuplicateBankName(app: AppContext, nameTh: string, exceptId: number | null): void {
  const same = app.db
    .select()
    .from(welfareAccounts)
    .where(and(eq(welfareAccounts.nameTh, nameTh), eq(welfareAccounts.reportLine, 'bank'), eq(welfareAccounts.active, true)))
    .all()
    .filter((account) => account.id !== exceptId);
  if (same.length > 0) throw new ApiError('CONFLICT', `มีบัญชีเงินฝากชื่อ "${nameTh}" อยู่แล้ว`, `A bank account named "${nameTh}" exists`, 'nameTh');
}
