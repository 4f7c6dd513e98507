// The fund's books: balanced journal entries under a lock date, and the contributions each member has paid, read
// back from the receipts that are not voided. Every posting goes through postEntry, so no entry can be unbalanced,
// empty or dated into a closed period.
import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import { welfareBooks, welfareJournalEntries, welfareJournalLines, welfareReceiptBooks, welfareReceiptLines, welfareReceipts, type welfareMemberships } from '../../db/schema';
import { ApiError } from '../api/errors';
import type { AppContext } from '../api/router';
import type { Satang } from '../money';
import type { Allocation, Membership } from './contributions';
import { dateEn, dateTh } from './wording';

export type JournalKind = (typeof welfareJournalEntries.$inferInsert)['kind'];

export interface PostingLine {
  accountId: number;
  /** debit positive, credit negative */
  amountSatang: Satang;
  membershipId?: number | null;
  benefitCode?: string | null;
}

export function bookSettings(app: AppContext) {
  return app.db.select().from(welfareBooks).where(eq(welfareBooks.id, 1)).get() ?? null;
}

/** Refuses a posting on or before the lock date, naming both dates. */
export function checkOpenPeriod(app: AppContext, date: string, field: string): void {
  const lock = bookSettings(app)?.lockDate ?? null;
  if (lock !== null && date <= lock) {
    throw new ApiError(
      'INVALID_INPUT',
      `ปิดบัญชีถึงวันที่ ${dateTh(lock)} แล้ว บันทึกรายการวันที่ ${dateTh(date)} ไม่ได้ (ต้องให้ผู้ดูแลระบบเปิดงวดบัญชีก่อน พร้อมเหตุผล)`,
      `The books are closed up to ${dateEn(lock)}; nothing can be posted on ${dateEn(date)} (an administrator must reopen the period, with a reason)`,
      field,
    );
  }
}

/** Posts one entry; its lines must balance to the satang. Returns the entry's id. */
export function postEntry(
  app: AppContext,
  entry: { date: string; kind: JournalKind; description: string; lines: PostingLine[]; reversesEntryId?: number | null; userId: number | null; field?: string },
): number {
  checkOpenPeriod(app, entry.date, entry.field ?? 'date');
  const lines = entry.lines.filter((line) => line.amountSatang !== 0);
  const balance = lines.reduce((sum, line) => sum + line.amountSatang, 0);
  if (lines.length < 2 || balance !== 0 || lines.some((line) => !Number.isSafeInteger(line.amountSatang))) {
    // A programming error, never the user's: the caller composed the lines.
    throw new Error(`unbalanced journal entry "${entry.description}": ${balance} satang over ${lines.length} lines`);
  }
  const row = app.db
    .insert(welfareJournalEntries)
    .values({ entryDate: entry.date, kind: entry.kind, description: entry.description, reversesEntryId: entry.reversesEntryId ?? null, createdAt: app.now().toISOString(), createdBy: entry.userId })
    .returning({ id: welfareJournalEntries.id })
    .get();
  for (const line of lines) {
    app.db.insert(welfareJournalLines).values({ entryId: row.id, accountId: line.accountId, amountSatang: line.amountSatang, membershipId: line.membershipId ?? null, benefitCode: line.benefitCode ?? null }).run();
  }
  return row.id;
}

/** The reversal of an entry, dated `date`: the same lines with the signs turned, pointing to what it reverses. */
export function reverseEntry(app: AppContext, entryId: number, date: string, description: string, userId: number | null): number {
  const lines = app.db.select().from(welfareJournalLines).where(eq(welfareJournalLines.entryId, entryId)).all();
  return postEntry(app, {
    date,
    kind: 'reversal',
    description,
    reversesEntryId: entryId,
    userId,
    lines: lines.map((line) => ({ accountId: line.accountId, amountSatang: -line.amountSatang, membershipId: line.membershipId, benefitCode: line.benefitCode })),
  });
}

/** A membership as the contribution rules take it. */
export function membershipForRules(row: typeof welfareMemberships.$inferSelect): Membership {
  return { start: row.startDate, end: row.endDate, endReason: row.endReason, entranceFeeWaived: row.entranceFeeWaived };
}

/** What a member has paid, item by item, from the receipts that are not voided. */
export function allocationsOf(app: AppContext, membershipIds: readonly number[]): Map<number, Allocation[]> {
  const byMembership = new Map<number, Allocation[]>(membershipIds.map((id) => [id, []]));
  if (membershipIds.length === 0) return byMembership;
  const rows = app.db
    .select({ membershipId: welfareReceipts.membershipId, kind: welfareReceiptLines.kind, period: welfareReceiptLines.period, amount: welfareReceiptLines.amountSatang, paidOn: welfareReceipts.receiptDate, book: welfareReceiptBooks.bookNumber, number: welfareReceipts.number })
    .from(welfareReceiptLines)
    .innerJoin(welfareReceipts, eq(welfareReceipts.id, welfareReceiptLines.receiptId))
    .innerJoin(welfareReceiptBooks, eq(welfareReceiptBooks.id, welfareReceipts.bookId))
    .where(and(sql`${welfareReceipts.membershipId} IN (${sql.join(membershipIds.map((id) => sql`${id}`), sql`, `)})`, isNull(welfareReceipts.voidedOn)))
    .orderBy(asc(welfareReceipts.receiptDate), asc(welfareReceiptLines.id))
    .all();
  for (const row of rows) {
    const receipt = `${row.book}/${row.number}`;
    const list = byMembership.get(row.membershipId!)!;
    if (row.kind === 'entrance-fee') list.push({ kind: 'entrance-fee', satang: row.amount, paidOn: row.paidOn, receipt });
    else if (row.kind === 'contribution') list.push({ kind: 'contribution', period: row.period!, satang: row.amount, paidOn: row.paidOn, receipt });
  }
  return byMembership;
}

/** The next unused number of a receipt book, or a refusal when the book is used up. */
export function nextReceiptNumber(app: AppContext, bookId: number): number {
  const book = app.db.select().from(welfareReceiptBooks).where(eq(welfareReceiptBooks.id, bookId)).get();
  if (!book) throw new ApiError('NOT_FOUND', 'ไม่พบเล่มใบเสร็จนี้', 'This receipt book was not found', 'bookId');
  const last = app.db.select({ number: max(welfareReceipts.number) }).from(welfareReceipts).where(eq(welfareReceipts.bookId, bookId)).get()?.number ?? null;
  const next = last === null ? book.firstNumber : last + 1;
  if (next > book.lastNumber) {
    throw new ApiError('CONFLICT', `ใบเสร็จเล่มที่ ${book.bookNumber} ใช้ครบทุกเลขแล้ว (ถึงเลขที่ ${book.lastNumber}) กรุณาเพิ่มเล่มใหม่`, `Receipt book ${book.bookNumber} is used up (to number ${book.lastNumber}); add a new book`, 'bookId');
  }
  return next;
}

