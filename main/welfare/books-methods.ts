import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { people, welfareAccounts, welfareBooks, welfareJournalEntries, welfareJournalLines, welfareMemberships, welfareReceiptBooks, welfareReceiptLines, welfareReceipts } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, defineWrite, type AppContext } from '../api/router';
import type { Role } from '../api/roles';
import { bilingual, isoDateField, satangAmountField } from '../api/validation';
import { localIsoDate } from '../dates';
import { fullName } from '../people/register';
import { ensureBooks, systemAccounts } from './accounts';
import { allocationsOf, bookSettings, checkOpenPeriod, currentPaidSummaries, membershipForRules, nextReceiptNumber, postEntry, recomputePaidSummary, reverseEntry, statementOf, storePaidSummary } from './books';
import { addToPaidSummary, allocatePayment, formatPeriod, owed, passbookLines, periodMonthsOf } from './contributions';
import { applyLapses } from './lapses';
import { collectionSheet } from './collection';
import { regulationOn } from './methods';
import { WelfareRuleError } from './rule-error';
import { dateEn, dateTh } from './wording';

const treasurers: readonly Role[] = ['treasurer'];

function membershipOrRefuse(app: AppContext, id: number, field: string) {
  const row = app.db.select().from(welfareMemberships).where(eq(welfareMemberships.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', 'ไม่พบสมาชิกภาพนี้', 'This membership was not found', field);
  return row;
}

function asApiError(error: unknown, field: string): never {
  if (error instanceof WelfareRuleError) throw new ApiError('INVALID_INPUT', error.th, error.en, field ? `${field}.${error.field}` : error.field);
  throw error;
}

/**
 * Closes the books up to `lockDate` (nothing may be posted on or before it): later than any earlier close, and no
 * later than yesterday. The period lock and the year's close (main/welfare/statements-methods.ts) both go through here.
 */
export function lockBooks(app: AppContext, lockDate: string, field: string) {
  ensureBooks(app);
  const before = bookSettings(app)!;
  if (before.lockDate !== null && lockDate <= before.lockDate) {
    throw new ApiError('INVALID_INPUT', `ปิดบัญชีถึงวันที่ ${dateTh(before.lockDate)} อยู่แล้ว วันที่ปิดใหม่ต้องอยู่หลังจากนั้น (การเปิดงวดย้อนหลังต้องให้ผู้ดูแลระบบทำพร้อมเหตุผล)`, `The books are closed up to ${dateEn(before.lockDate)}; a new lock date must be later (reopening needs an administrator and a reason)`, field);
  }
  if (lockDate >= localIsoDate(app.now())) throw new ApiError('INVALID_INPUT', 'ปิดบัญชีได้ถึงเมื่อวานเป็นอย่างช้า', 'The books can be closed up to yesterday at the latest', field);
  const after = app.db.update(welfareBooks).set({ lockDate, updatedAt: app.now().toISOString() }).where(eq(welfareBooks.id, 1)).returning().get()!;
  return { before, after };
}

export const welfareBooksMethods = [
  defineRead({
    name: 'welfare.books.get',
    input: z.object({}),
    access: 'user',
    handler: ({ app }) => {
      const used = new Map(
        app.db
          .select({ bookId: welfareReceipts.bookId, last: sql<number>`max(${welfareReceipts.number})`.mapWith(Number), count: sql<number>`count(*)`.mapWith(Number) })
          .from(welfareReceipts)
          .groupBy(welfareReceipts.bookId)
          .all()
          .map((row) => [row.bookId, row]),
      );
      return {
        settings: bookSettings(app),
        accounts: app.db.select().from(welfareAccounts).orderBy(asc(welfareAccounts.position)).all(),
        receiptBooks: app.db
          .select()
          .from(welfareReceiptBooks)
          // An imported history's book holds the paper receipts' places, full by construction: no new receipt is taken from it.
          .where(sql`${welfareReceiptBooks.id} NOT IN (SELECT receipt_book_id FROM welfare_history_imports WHERE receipt_book_id IS NOT NULL)`)
          .orderBy(asc(welfareReceiptBooks.id))
          .all()
          .map((book) => {
            // Numbers are taken in order without gaps, so the next is the one after the last used.
            const last = used.get(book.id)?.last ?? null;
            const nextNumber = last === null ? book.firstNumber : last + 1;
            return { ...book, nextNumber: nextNumber > book.lastNumber ? null : nextNumber, remaining: Math.max(0, book.lastNumber - nextNumber + 1) };
          }),
      };
    },
  }),

  defineWrite({
    name: 'welfare.receiptBooks.create',
    input: z.object({
      bookNumber: z.string().trim().min(1, bilingual('กรุณากรอกเล่มที่', 'Enter the book number')).max(20),
      firstNumber: z.number().int().min(1),
      lastNumber: z.number().int().min(1).max(999_999),
    }),
    access: treasurers,
    handler: ({ app, input }) => {
      ensureBooks(app);
      if (input.lastNumber < input.firstNumber) throw new ApiError('INVALID_INPUT', `เลขที่สุดท้าย (${input.lastNumber}) น้อยกว่าเลขที่แรก (${input.firstNumber})`, `The last number (${input.lastNumber}) is below the first (${input.firstNumber})`, 'lastNumber');
      if (app.db.select().from(welfareReceiptBooks).where(eq(welfareReceiptBooks.bookNumber, input.bookNumber)).get()) {
        throw new ApiError('CONFLICT', `มีใบเสร็จเล่มที่ ${input.bookNumber} อยู่แล้ว`, `Receipt book ${input.bookNumber} exists`, 'bookNumber');
      }
      const row = app.db.insert(welfareReceiptBooks).values({ ...input, createdAt: app.now().toISOString() }).returning().get();
      return { result: row, audit: { entity: 'receiptBook', entityId: row.id, before: null, after: row } };
    },
  }),

  defineWrite({
    name: 'welfare.members.applyLapses',
    input: z.object({}),
    access: ['treasurer', 'secretary'],
    handler: ({ app }) => {
      const today = localIsoDate(app.now());
      const lapsed = applyLapses(app, today);
      // called each time the members tab opens: a history row only when a lapse was recorded
      const audit = lapsed.length === 0 ? null : { entity: 'membershipLapses', entityId: null, before: null, after: { asOf: today, lapsed } };
      return { result: { asOf: today, lapsed }, audit };
    },
  }),

  defineRead({
    name: 'welfare.collection.sheet',
    input: z.object({ villageId: z.number().int().positive(), asOf: isoDateField('วันที่เก็บเงิน', 'Collection date') }),
    access: 'user',
    handler: ({ app, input }) => collectionSheet(app, input.villageId, input.asOf),
  }),

  defineWrite({
    name: 'welfare.collection.save',
    input: z.object({
      receiptDate: isoDateField('วันที่รับเงิน', 'Receipt date'),
      bookId: z.number().int().positive(),
      payments: z.array(z.object({ membershipId: z.number().int().positive(), amountSatang: satangAmountField })).min(1, bilingual('ยังไม่มีรายการรับเงิน', 'No payment to save')).max(5000),
    }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      const today = localIsoDate(app.now());
      if (input.receiptDate > today) throw new ApiError('INVALID_INPUT', 'วันที่รับเงินอยู่ในอนาคต', 'The receipt date is in the future', 'receiptDate');
      checkOpenPeriod(app, input.receiptDate, 'receiptDate');
      const accounts = ensureBooks(app);
      const settings = regulationOn(app, input.receiptDate, 'receiptDate').contributions;
      const months = periodMonthsOf(settings.scheme);
      // Lapses are recorded before any money is taken: a member past the arrears limit must apply again. They are
      // audited with the save (and undone with it when the save is refused).
      const lapsed = applyLapses(app, today);
      let number = nextReceiptNumber(app, input.bookId);
      const book = app.db.select().from(welfareReceiptBooks).where(eq(welfareReceiptBooks.id, input.bookId)).get()!;
      const ids = input.payments.map((payment) => payment.membershipId);
      // Everything the payments need is read at once: memberships, names and what each has paid.
      const members = new Map(
        app.db
          .select({ membership: welfareMemberships, title: people.title, firstName: people.firstName, lastName: people.lastName })
          .from(welfareMemberships)
          .innerJoin(people, eq(people.id, welfareMemberships.personId))
          .where(inArray(welfareMemberships.id, [...new Set(ids)]))
          .all()
          .map((row) => [row.membership.id, { membership: row.membership, name: fullName(row) }]),
      );
      const summaries = currentPaidSummaries(app, [...members.values()].map((member) => member.membership), settings);
      const insertReceipt = statementOf(app, 'INSERT INTO welfare_receipts (book_id, number, receipt_date, membership_id, payer_name, total_satang, entry_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      const insertLine = statementOf(app, 'INSERT INTO welfare_receipt_lines (receipt_id, kind, period, description, amount_satang, account_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const cash = accounts.get(systemAccounts.cash)!;
      const entranceFees = accounts.get(systemAccounts.entranceFees)!;
      const contributions = accounts.get(systemAccounts.memberContributions)!;
      const seen = new Set<number>();
      const receipts: { id: number; number: number; membershipId: number; totalSatang: number }[] = [];
      const at = app.now().toISOString();
      input.payments.forEach((payment, index) => {
        const field = `payments.${index}`;
        if (seen.has(payment.membershipId)) throw new ApiError('INVALID_INPUT', 'สมาชิกคนเดียวกันอยู่ในแผ่นนี้สองครั้ง รวมเป็นรายการเดียว', 'The same member appears twice on this sheet; make it one payment', `${field}.membershipId`);
        seen.add(payment.membershipId);
        if (number > book.lastNumber) nextReceiptNumber(app, input.bookId); // refuses, naming the book: nothing of this save is kept
        const member = members.get(payment.membershipId);
        if (!member) throw new ApiError('NOT_FOUND', 'ไม่พบสมาชิกภาพนี้', 'This membership was not found', `${field}.membershipId`);
        const { membership, name } = member;
        if (membership.endReason === 'lapsed') {
          throw new ApiError(
            'INVALID_INPUT',
            `${name} (สมาชิกเลขที่ ${membership.memberNumber}) พ้นสภาพสมาชิกเพราะขาดส่งเงินสมทบ ตั้งแต่ ${dateTh(membership.endDate!)} รับเงินสมทบไม่ได้ ต้องสมัครเป็นสมาชิกใหม่`,
            `${name} (member no. ${membership.memberNumber}) lapsed for missed contributions on ${dateEn(membership.endDate!)}; no payment can be taken, they must apply again`,
            `${field}.membershipId`,
          );
        }
        const rules = membershipForRules(membership);
        const paid = summaries.get(membership.id)!;
        let split;
        try {
          split = allocatePayment(settings, rules, paid, payment.amountSatang, input.receiptDate);
        } catch (error) {
          asApiError(error, field);
        }
        const receiptLines = split.allocations.map((allocation) =>
          allocation.kind === 'entrance-fee'
            ? { kind: 'entrance-fee' as const, period: null, description: 'ค่าสมัครแรกเข้า', amountSatang: allocation.satang, accountId: entranceFees }
            : { kind: 'contribution' as const, period: allocation.period, description: `เงินสมทบ ${formatPeriod(allocation.period, months)}`, amountSatang: allocation.satang, accountId: contributions },
        );
        const credits = new Map<number, number>();
        for (const line of receiptLines) credits.set(line.accountId, (credits.get(line.accountId) ?? 0) + line.amountSatang);
        const entryId = postEntry(app, {
          date: input.receiptDate,
          kind: 'receipt',
          description: `ใบเสร็จเล่มที่ ${book.bookNumber} เลขที่ ${number} ${name}`,
          userId: user!.id,
          field: 'receiptDate',
          lines: [{ accountId: cash, amountSatang: payment.amountSatang, membershipId: membership.id }, ...[...credits].map(([accountId, amount]) => ({ accountId, amountSatang: -amount, membershipId: membership.id }))],
        });
        const receiptId = Number(insertReceipt.run(book.id, number, input.receiptDate, membership.id, `${name} (สมาชิกเลขที่ ${membership.memberNumber})`, payment.amountSatang, entryId, at).lastInsertRowid);
        receiptLines.forEach((line, position) => insertLine.run(receiptId, line.kind, line.period, line.description, line.amountSatang, line.accountId, position));
        // The summary moves with the receipt, in the same transaction; a back-dated payment sums the lines again.
        const next = addToPaidSummary(settings, rules, paid, split.allocations);
        if (next === null) summaries.set(membership.id, recomputePaidSummary(app, membership, settings));
        else {
          storePaidSummary(app, membership, settings, next);
          summaries.set(membership.id, next);
        }
        receipts.push({ id: receiptId, number, membershipId: membership.id, totalSatang: payment.amountSatang });
        number += 1;
      });
      const total = receipts.reduce((sum, receipt) => sum + receipt.totalSatang, 0);
      return {
        result: { book: book.bookNumber, receipts, totalSatang: total },
        audit: {
          entity: 'collection',
          entityId: null,
          before: null,
          after: { receiptDate: input.receiptDate, book: book.bookNumber, from: receipts[0]!.number, to: receipts.at(-1)!.number, count: receipts.length, totalSatang: total, ...(lapsed.length > 0 ? { lapsed } : {}) },
        },
      };
    },
  }),

  defineWrite({
    name: 'welfare.receipts.void',
    input: z.object({ receiptId: z.number().int().positive(), reason: z.string().trim().min(1, bilingual('กรุณากรอกเหตุผลที่ยกเลิก', 'Enter why the receipt is voided')).max(300) }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      const before = app.db.select().from(welfareReceipts).where(eq(welfareReceipts.id, input.receiptId)).get();
      if (!before) throw new ApiError('NOT_FOUND', 'ไม่พบใบเสร็จนี้', 'This receipt was not found', 'receiptId');
      const book = app.db.select().from(welfareReceiptBooks).where(eq(welfareReceiptBooks.id, before.bookId)).get()!;
      if (before.voidedOn !== null) throw new ApiError('CONFLICT', `ใบเสร็จเล่มที่ ${book.bookNumber} เลขที่ ${before.number} ถูกยกเลิกไปแล้วเมื่อ ${dateTh(before.voidedOn)}`, `Receipt ${book.bookNumber}/${before.number} was already voided on ${dateEn(before.voidedOn)}`, 'receiptId');
      const today = localIsoDate(app.now());
      // The reversal is dated today: a closed month keeps its figures, the correction shows in the open one.
      const voidEntryId = reverseEntry(app, before.entryId, today, `ยกเลิกใบเสร็จเล่มที่ ${book.bookNumber} เลขที่ ${before.number}: ${input.reason}`, user!.id);
      const after = app.db.update(welfareReceipts).set({ voidedOn: today, voidReason: input.reason, voidEntryId }).where(eq(welfareReceipts.id, input.receiptId)).returning().get()!;
      // What the member has paid is summed again from the lines that are left, in the same transaction.
      if (before.membershipId !== null) recomputePaidSummary(app, membershipOrRefuse(app, before.membershipId, 'receiptId'), regulationOn(app, today, 'receiptId').contributions);
      return { result: after, audit: { entity: 'receipt', entityId: input.receiptId, before, after } };
    },
  }),

  defineRead({
    name: 'welfare.receipts.list',
    input: z.object({ membershipId: z.number().int().positive().nullable().default(null), receiptDate: z.string().nullable().default(null) }),
    access: 'user',
    handler: ({ app, input }) =>
      app.db
        .select({ receipt: welfareReceipts, bookNumber: welfareReceiptBooks.bookNumber })
        .from(welfareReceipts)
        .innerJoin(welfareReceiptBooks, eq(welfareReceiptBooks.id, welfareReceipts.bookId))
        .where(and(input.membershipId === null ? undefined : eq(welfareReceipts.membershipId, input.membershipId), input.receiptDate === null ? undefined : eq(welfareReceipts.receiptDate, input.receiptDate)))
        .orderBy(asc(welfareReceiptBooks.id), asc(welfareReceipts.number))
        .all()
        .map(({ receipt: { historyImportId, paperBook, paperNumber, ...receipt }, bookNumber }) => ({
          ...receipt,
          bookNumber,
          /** imported history: the book and number the receipt had on paper (number null when the paper had none) */
          history: historyImportId === null ? null : { paperBook: paperBook ?? '', paperNumber },
          lines: app.db.select().from(welfareReceiptLines).where(eq(welfareReceiptLines.receiptId, receipt.id)).orderBy(asc(welfareReceiptLines.position)).all(),
        })),
  }),

  defineRead({
    name: 'welfare.members.statement',
    input: z.object({ membershipId: z.number().int().positive(), asOf: isoDateField('ณ วันที่', 'As of') }),
    access: 'user',
    handler: ({ app, input }) => {
      const membership = membershipOrRefuse(app, input.membershipId, 'membershipId');
      const regulation = regulationOn(app, input.asOf, 'asOf');
      const paid = allocationsOf(app, [membership.id]).get(membership.id)!;
      const rules = membershipForRules(membership);
      try {
        return {
          owed: owed(regulation.contributions, rules, paid, input.asOf),
          passbook: passbookLines(regulation.contributions, rules, paid, membership.startDate, input.asOf < membership.startDate ? membership.startDate : input.asOf),
        };
      } catch (error) {
        asApiError(error, '');
      }
    },
  }),

  defineRead({
    name: 'welfare.books.trialBalance',
    input: z.object({ asOf: isoDateField('ณ วันที่', 'As of') }),
    access: 'user',
    handler: ({ app, input }) => {
      const rows = app.db
        .select({ accountId: welfareJournalLines.accountId, code: welfareAccounts.code, nameTh: welfareAccounts.nameTh, nameEn: welfareAccounts.nameEn, kind: welfareAccounts.kind, balanceSatang: sql<number>`sum(${welfareJournalLines.amountSatang})`.mapWith(Number) })
        .from(welfareJournalLines)
        .innerJoin(welfareJournalEntries, eq(welfareJournalEntries.id, welfareJournalLines.entryId))
        .innerJoin(welfareAccounts, eq(welfareAccounts.id, welfareJournalLines.accountId))
        .where(sql`${welfareJournalEntries.entryDate} <= ${input.asOf}`)
        .groupBy(welfareJournalLines.accountId)
        .orderBy(asc(welfareAccounts.code))
        .all();
      return { asOf: input.asOf, accounts: rows, totalSatang: rows.reduce((sum, row) => sum + row.balanceSatang, 0) };
    },
  }),

  defineWrite({
    name: 'welfare.books.settings.update',
    input: z.object({
      accountingYear: z.enum(['fiscal', 'calendar']),
      /** percent of the year's income, up to two decimals */
      adminCostCapBasisPoints: z.number().int().min(0).max(10000),
      twoPersonThresholdSatang: z.number().int().positive(bilingual('ยอดที่ต้องอนุมัติสองคนต้องมากกว่า 0 บาท', 'The two-person threshold must be more than 0')).nullable(),
    }),
    access: [],
    handler: ({ app, input }) => {
      ensureBooks(app);
      const before = bookSettings(app)!;
      const after = app.db.update(welfareBooks).set({ ...input, updatedAt: app.now().toISOString() }).where(eq(welfareBooks.id, 1)).returning().get()!;
      return { result: after, audit: { entity: 'books', entityId: 1, before, after } };
    },
  }),

  defineWrite({
    name: 'welfare.books.lock',
    input: z.object({ lockDate: isoDateField('วันที่ปิดบัญชี', 'Lock date') }),
    access: treasurers,
    handler: ({ app, input }) => {
      const { before, after } = lockBooks(app, input.lockDate, 'lockDate');
      return { result: after, audit: { entity: 'books', entityId: 1, before, after } };
    },
  }),

  defineWrite({
    name: 'welfare.books.reopen',
    input: z.object({
      lockDate: isoDateField('วันที่ปิดบัญชี', 'Lock date').nullable(),
      reason: z.string().trim().min(5, bilingual('กรุณาบอกเหตุผลที่เปิดงวดบัญชีย้อนหลัง (อย่างน้อย 5 ตัวอักษร)', 'Say why the period is reopened (at least 5 characters)')).max(500),
    }),
    access: [],
    handler: ({ app, input }) => {
      const before = bookSettings(app);
      if (!before?.lockDate) throw new ApiError('INVALID_INPUT', 'ยังไม่ได้ปิดบัญชีงวดใด', 'No period is closed', 'lockDate');
      if (input.lockDate !== null && input.lockDate >= before.lockDate) {
        throw new ApiError('INVALID_INPUT', `การเปิดงวดต้องเลื่อนวันที่ปิดบัญชีให้เร็วกว่า ${dateTh(before.lockDate)}`, `Reopening must move the lock date before ${dateEn(before.lockDate)}`, 'lockDate');
      }
      const after = app.db.update(welfareBooks).set({ lockDate: input.lockDate, updatedAt: app.now().toISOString() }).where(eq(welfareBooks.id, 1)).returning().get()!;
      return { result: after, audit: { entity: 'books', entityId: 1, before, after: { ...after, reason: input.reason } } };
    },
  }),
] as const;

