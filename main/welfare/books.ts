// The fund's books: balanced journal entries under a lock date, and the contributions each member has paid, read
// back from the receipts that are not voided. Every posting goes through postEntry, so no entry can be unbalanced,
// empty or dated into a closed period.
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { eq, max } from 'drizzle-orm';
import { welfareBooks, type welfareJournalEntries, welfareJournalLines, welfareReceiptBooks, welfareReceipts, type welfareMemberships } from '../../db/schema';
import { ApiError } from '../api/errors';
import type { AppContext } from '../api/router';
import type { Satang } from '../money';
import { lapseDayOf, owesFrom, paidSummaryOf, type Allocation, type ContributionSettings, type Membership, type PaidHistory, type PaidSummary } from './contributions';
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

const statements = new WeakMap<AppContext['sqlite'], Map<string, Statement<unknown[]>>>();

/** A statement prepared once per open database: the collection day runs the same few thousands of times. */
export function statementOf(app: AppContext, text: string): Statement<unknown[]> {
  let cache = statements.get(app.sqlite);
  if (!cache) {
    cache = new Map();
    statements.set(app.sqlite, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = app.sqlite.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

/** Refuses a posting on or before the lock date, naming both dates. */
export function checkOpenPeriod(app: AppContext, date: string, field: string): void {
  const lock = (statementOf(app, 'SELECT lock_date AS lockDate FROM welfare_books WHERE id = 1').get() as { lockDate: string | null } | undefined)?.lockDate ?? null;
  if (lock !== null && date <= lock) {
    throw new ApiError(
      'INVALID_INPUT',
      `ปิดบัญชีถึงวันที่ ${dateTh(lock)} แล้ว บันทึกรายการวันที่ ${dateTh(date)} ไม่ได้ (ต้องให้ผู้ดูแลระบบเปิดงวดบัญชีก่อน พร้อมเหตุผล)`,
      `The books are closed up to ${dateEn(lock)}; nothing can be posted on ${dateEn(date)} (an administrator must reopen the period, with a reason)`,
      field,
    );
  }
}

/**
 * The lines of an entry as they are stored: the zero lines left out, and the rest balancing to the satang over at
 * least two lines. Every posting passes here (postEntry, and the history import's bulk plan).
 */
export function balancedLines<L extends PostingLine>(description: string, lines: readonly L[]): L[] {
  const kept = lines.filter((line) => line.amountSatang !== 0);
  const balance = kept.reduce((sum, line) => sum + line.amountSatang, 0);
  if (kept.length < 2 || balance !== 0 || kept.some((line) => !Number.isSafeInteger(line.amountSatang))) {
    // A programming error, never the user's: the caller composed the lines.
    throw new Error(`unbalanced journal entry "${description}": ${balance} satang over ${kept.length} lines`);
  }
  return kept;
}

/** Posts one entry; its lines must balance to the satang. Returns the entry's id. */
export function postEntry(
  app: AppContext,
  entry: { date: string; kind: JournalKind; description: string; lines: PostingLine[]; reversesEntryId?: number | null; userId: number | null; field?: string },
): number {
  checkOpenPeriod(app, entry.date, entry.field ?? 'date');
  const lines = balancedLines(entry.description, entry.lines);
  const entryId = Number(
    statementOf(app, 'INSERT INTO welfare_journal_entries (entry_date, kind, description, reverses_entry_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(
      entry.date,
      entry.kind,
      entry.description,
      entry.reversesEntryId ?? null,
      app.now().toISOString(),
      entry.userId,
    ).lastInsertRowid,
  );
  const insertLine = statementOf(app, 'INSERT INTO welfare_journal_lines (entry_id, account_id, amount_satang, membership_id, benefit_code) VALUES (?, ?, ?, ?, ?)');
  for (const line of lines) insertLine.run(entryId, line.accountId, line.amountSatang, line.membershipId ?? null, line.benefitCode ?? null);
  return entryId;
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

/** What a member has paid, item by item, from the receipts that are not voided (in the order they were paid). */
export function allocationsOf(app: AppContext, membershipIds: readonly number[]): Map<number, Allocation[]> {
  const byMembership = new Map<number, Allocation[]>(membershipIds.map((id) => [id, []]));
  if (membershipIds.length === 0) return byMembership;
  // A raw statement: ten years of lines are read at every first look, and mapping them row by row through the ORM
  // was most of the time. json_each takes the whole list of ids as one bound value.
  const rows = statementOf(
    app,
    `SELECT r.membership_id AS membershipId, l.kind, l.period, l.amount_satang AS amount, r.receipt_date AS paidOn, b.book_number AS book, r.number,
            r.history_import_id AS history, r.paper_book AS paperBook, r.paper_number AS paperNumber
     FROM welfare_receipt_lines l JOIN welfare_receipts r ON r.id = l.receipt_id JOIN welfare_receipt_books b ON b.id = r.book_id
     WHERE r.membership_id IN (SELECT value FROM json_each(?)) AND r.voided_on IS NULL
     ORDER BY r.receipt_date, l.id`,
  ).all(JSON.stringify(membershipIds)) as { membershipId: number; kind: string; period: string | null; amount: number; paidOn: string; book: string; number: number; history: number | null; paperBook: string | null; paperNumber: string | null }[];
  for (const row of rows) {
    // An imported receipt is known by the book and number it had on paper (none when the paper kept a table of months).
    const receipt = row.history === null ? `${row.book}/${row.number}` : row.paperNumber === null ? 'ประวัติ' : `${row.paperBook || '-'}/${row.paperNumber}`;
    const list = byMembership.get(row.membershipId)!;
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

// ---------------------------------------------------------------------------------------------------------------
// What is paid, summed per membership (db/schema/welfare-paid.ts)

type MembershipRow = typeof welfareMemberships.$inferSelect;

/** The settings a summary was made under, as a short key: another regulation means the lines are read again. */
export function contributionRulesKey(settings: ContributionSettings): string {
  let key = rulesKeys.get(settings);
  if (key === undefined) {
    key = createHash('sha1').update(JSON.stringify(settings)).digest('base64url');
    rulesKeys.set(settings, key);
  }
  return key;
}

const rulesKeys = new WeakMap<ContributionSettings, string>();

function readSummaryRows(app: AppContext, ids: readonly number[]) {
  // json_each takes the whole list as one bound value: one prepared statement for any number of ids; rows as arrays,
  // since the arrears of every member (20,000 on the large sample) are read at once
  return statementOf(app, 'SELECT membership_id, rules_key, summary, last_paid_on, periods_owed_from FROM welfare_paid WHERE membership_id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(ids)) as [membershipId: number, rulesKey: string, summary: string, lastPaidOn: string | null, periodsOwedFrom: string | null][];
}

/**
 * What each membership has paid, as the rules take it for `settings` on `asOf` (null: whatever the day): the stored
 * summary where it stands for the lines, the lines themselves where it does not (none stored yet, another regulation,
 * or a day before its last payment). A read: nothing is written here.
 */
export function paidHistoriesOf(app: AppContext, membershipIds: readonly number[], settings: ContributionSettings, asOf: string | null): Map<number, PaidHistory> {
  const key = contributionRulesKey(settings);
  const histories = new Map<number, PaidHistory>();
  for (const [membershipId, rulesKey, summary, lastPaidOn] of membershipIds.length === 0 ? [] : readSummaryRows(app, membershipIds)) {
    if (rulesKey !== key || (asOf !== null && lastPaidOn !== null && asOf < lastPaidOn)) continue;
    histories.set(membershipId, JSON.parse(summary) as PaidSummary);
  }
  const missing = membershipIds.filter((id) => !histories.has(id));
  for (const [id, lines] of allocationsOf(app, missing)) histories.set(id, lines);
  return histories;
}

/**
 * Stores a membership's summary, the day it lapses if nothing more is paid (only an open membership lapses), and what
 * it owes until it falls behind on a period (owesFrom: the arrears figures count it without reading the summary).
 */
export function storePaidSummary(app: AppContext, membership: MembershipRow, settings: ContributionSettings, summary: PaidSummary): void {
  const rules = membershipForRules(membership);
  const lapseOn = membership.endDate === null ? lapseDayOf(settings, rules, summary) : null;
  const owing = owesFrom(settings, rules, summary);
  statementOf(
    app,
    `INSERT INTO welfare_paid (membership_id, rules_key, summary, last_paid_on, lapse_on, periods_owed_from, entrance_fee_owed, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (membership_id) DO UPDATE SET rules_key = excluded.rules_key, summary = excluded.summary, last_paid_on = excluded.last_paid_on, lapse_on = excluded.lapse_on,
       periods_owed_from = excluded.periods_owed_from, entrance_fee_owed = excluded.entrance_fee_owed, updated_at = excluded.updated_at`,
  ).run(membership.id, contributionRulesKey(settings), JSON.stringify(summary), summary.lastPaidOn, lapseOn, owing.periodsFrom, owing.entranceFeeSatang, app.now().toISOString());
}

/** Sums a membership's lines again and stores it (after a void, a regulation change, or a back-dated payment). */
export function recomputePaidSummary(app: AppContext, membership: MembershipRow, settings: ContributionSettings): PaidSummary {
  const summary = paidSummaryOf(settings, membershipForRules(membership), allocationsOf(app, [membership.id]).get(membership.id)!);
  storePaidSummary(app, membership, settings, summary);
  return summary;
}

/** The stored summaries of these memberships when made under `settings`, else their lines summed again and stored. A write. */
export function currentPaidSummaries(app: AppContext, memberships: readonly MembershipRow[], settings: ContributionSettings): Map<number, PaidSummary> {
  const key = contributionRulesKey(settings);
  const summaries = new Map<number, PaidSummary>();
  const byId = new Map(memberships.map((membership) => [membership.id, membership]));
  for (const [membershipId, rulesKey, summary, , periodsOwedFrom] of memberships.length === 0 ? [] : readSummaryRows(app, memberships.map((membership) => membership.id))) {
    if (rulesKey !== key) continue;
    const current = JSON.parse(summary) as PaidSummary;
    // a row from before what is owed was kept beside it: stored again, with it
    if (periodsOwedFrom === null) storePaidSummary(app, byId.get(membershipId)!, settings, current);
    summaries.set(membershipId, current);
  }
  const stale = memberships.filter((membership) => !summaries.has(membership.id));
  // Read in slices: one query for many memberships, without binding more values than SQLite takes.
  for (let start = 0; start < stale.length; start += 500) {
    const slice = stale.slice(start, start + 500);
    const lines = allocationsOf(app, slice.map((membership) => membership.id));
    for (const membership of slice) {
      const summary = paidSummaryOf(settings, membershipForRules(membership), lines.get(membership.id)!);
      storePaidSummary(app, membership, settings, summary);
      summaries.set(membership.id, summary);
    }
  }
  return summaries;
}
