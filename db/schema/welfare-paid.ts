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
     * The first day on which the membership owes anything (contributions.ts owesFrom), for days from `lastPaidOn` on
     * and under `rulesKey`: before it owed() is nothing, so the arrears figures skip the member without reading the
     * summary. NULL means unknown (a row from before this column): read the summary. A membership that never owes under
     * these rules (paid to its end) holds '9999-12-31' (contributions.ts OWES_NEVER).
     */
    owesFrom: text('owes_from'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('welfare_paid_lapse').on(t.lapseOn)],
);
