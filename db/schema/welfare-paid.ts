import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { welfareMemberships } from './welfare';

/**
 * What a membership has paid, summed up (main/welfare/contributions.ts PaidSummary), so the collection sheet and the
 * collection-day save do not read ten years of receipt lines. Kept in the same transaction as every receipt saved or
 * voided; it stands for the lines only under the contribution settings it was made with (`rulesKey`) and only for days
 * from `lastPaidOn` on — otherwise the lines are read (main/welfare/books.ts paidHistoriesOf).
 */
export const welfarePaid = sqliteTable(
  'welfare_paid',
  {
    membershipId: integer('membership_id')
      .primaryKey()
      .references(() => welfareMemberships.id),
    /** a hash of the contribution settings the summary was made under */
    rulesKey: text('rules_key').notNull(),
    /** PaidSummary as JSON */
    summary: text('summary').notNull(),
    /** the last payment day of the lines it sums (null: none) */
    lastPaidOn: text('last_paid_on'),
    /** the day the membership lapses for arrears if nothing more is paid (null: never, or it has ended) */
    lapseOn: text('lapse_on'),
    /**
     * What is owed on a day from `lastPaidOn` on, under `rulesKey` (contributions.ts owesFrom): before `periodsOwedFrom`
     * no period is owed, only `entranceFeeOwed` (satang, owed from the start) — so the arrears figures count such a
     * member without reading the summary. NULL means unknown (a row from before these columns): read the summary. A
     * membership that is paid to its end holds '9999-12-31' (contributions.ts OWES_NEVER).
     */
    periodsOwedFrom: text('periods_owed_from'),
    entranceFeeOwed: integer('entrance_fee_owed'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('welfare_paid_lapse').on(t.lapseOn)],
);
