import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './office';
import { welfareAccounts, welfareJournalEntries, welfareJournalLines, welfareReceipts } from './welfare';

/**
 * Other money in (รับเงินอื่น): a CODI grant, a round of government matching, อปท. support, a donation, bank
 * interest… one row per posting, saying where the money came from as the CODI forms report it. The money itself is
 * the journal entry; a donation or money handed over in cash also has a receipt. Voided by reversal, never deleted.
 */
export const welfareIncomeRecords = sqliteTable(
  'welfare_income_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryId: integer('entry_id')
      .notNull()
      .references(() => welfareJournalEntries.id),
    incomeDate: text('income_date').notNull(),
    /** the income account credited: the source (4102 พอช., 4103 งบสมทบจากรัฐบาล, 4202 เงินบริจาค, …) */
    sourceAccountId: integer('source_account_id')
      .notNull()
      .references(() => welfareAccounts.id),
    /** cash on hand or a bank account: where the money went */
    moneyAccountId: integer('money_account_id')
      .notNull()
      .references(() => welfareAccounts.id),
    amountSatang: integer('amount_satang').notNull(),
    /** ได้รับเงินจาก: who paid it (the agency, the donor, the bank) */
    payerName: text('payer_name').notNull(),
    description: text('description').notNull(),
    /** government matching via CODI: รอบที่ n and the day CODI approved it (the CODI forms list rounds with dates) */
    codiRound: integer('codi_round'),
    codiRoundApprovalDate: text('codi_round_approval_date'),
    receiptId: integer('receipt_id').references(() => welfareReceipts.id),
    voidedOn: text('voided_on'),
    voidReason: text('void_reason').notNull().default(''),
    voidEntryId: integer('void_entry_id').references(() => welfareJournalEntries.id),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('welfare_income_records_entry').on(t.entryId),
    index('welfare_income_records_date').on(t.incomeDate),
    index('welfare_income_records_source').on(t.sourceAccountId, t.incomeDate),
    check('welfare_income_records_amount', sql`${t.amountSatang} > 0`),
    check('welfare_income_records_round', sql`(${t.codiRound} IS NULL) = (${t.codiRoundApprovalDate} IS NULL)`),
  ],
);

/**
 * กระทบยอดเงินฝากธนาคาร: one bank account's month end, the bank book's balance as the treasurer typed it against the
 * ledger. Saving the month again replaces the row; the audit log keeps every earlier save.
 */
export const welfareBankReconciliations = sqliteTable(
  'welfare_bank_reconciliations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => welfareAccounts.id),
    /** 'YYYY-MM' */
    month: text('month').notNull(),
    /** ยอดตามสมุดบัญชีธนาคาร at the month's end */
    bankBalanceSatang: integer('bank_balance_satang').notNull(),
    /** the figures as they stood when saved: a later posting into the month shows as a change, not silently */
    ledgerBalanceSatang: integer('ledger_balance_satang').notNull(),
    unclearedSatang: integer('uncleared_satang').notNull(),
    differenceSatang: integer('difference_satang').notNull(),
    note: text('note').notNull().default(''),
    savedAt: text('saved_at').notNull(),
    savedBy: integer('saved_by').references(() => users.id),
  },
  (t) => [uniqueIndex('welfare_bank_reconciliations_month').on(t.accountId, t.month)],
);

/**
 * A ledger line of a bank account that the treasurer found in the bank book, and the month it cleared in: it stays
 * cleared for every later month. A line not here is uncleared (a deposit in transit, a payment not yet presented).
 */
export const welfareClearedLines = sqliteTable(
  'welfare_cleared_lines',
  {
    journalLineId: integer('journal_line_id')
      .primaryKey()
      .references(() => welfareJournalLines.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => welfareAccounts.id),
    /** 'YYYY-MM': the month whose bank book shows it */
    clearedMonth: text('cleared_month').notNull(),
  },
  (t) => [index('welfare_cleared_lines_account').on(t.accountId, t.clearedMonth)],
);
