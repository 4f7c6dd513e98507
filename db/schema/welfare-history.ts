import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './office';
import { welfareReceiptBooks, welfareReceipts } from './welfare';

/**
 * One import of the fund's years on paper (main/welfare/history-import.ts): which file, when, by whom, and what it
 * posted. A file is imported once (its sha256); the receipts it posted sit in a receipt book of their own, full by
 * construction, so that no number of the fund's real receipt books is spent on history.
 */
export const welfareHistoryImports = sqliteTable('welfare_history_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull().unique(),
  /** the day the paper books hand over to the program: every row is on or before it, the opening balances are on it */
  cutOverDate: text('cut_over_date').notNull(),
  /** the import's own book of history receipts (numbered 1…N in the order posted); null when it posted none */
  receiptBookId: integer('receipt_book_id').references(() => welfareReceiptBooks.id),
  /** JSON: the totals the treasurer was shown and confirmed (members, contributions and payouts per year, openings) */
  summary: text('summary').notNull(),
  importedAt: text('imported_at').notNull(),
  importedBy: integer('imported_by').references(() => users.id),
});

/**
 * A receipt that came from the paper books: IMPORTED HISTORY, with the book and number it had on paper (both empty
 * when the paper kept only a table of months). A paper book and number is imported once.
 */
export const welfareHistoryReceipts = sqliteTable(
  'welfare_history_receipts',
  {
    receiptId: integer('receipt_id')
      .primaryKey()
      .references(() => welfareReceipts.id),
    importId: integer('import_id')
      .notNull()
      .references(() => welfareHistoryImports.id),
    /** เล่มที่ on paper, as written; '' when none */
    paperBook: text('paper_book').notNull().default(''),
    /** เลขที่ on paper, as written; null when none */
    paperNumber: text('paper_number'),
  },
  (t) => [
    uniqueIndex('welfare_history_receipts_paper')
      .on(t.paperBook, t.paperNumber)
      .where(sql`${t.paperNumber} IS NOT NULL`),
    index('welfare_history_receipts_import').on(t.importId),
  ],
);
