import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './office';
import { people } from './people';

/**
 * People whose personal data was erased (PDPA, main/people/anonymise.ts): when and by whom. Their register row stays,
 * under a marker name, so every receipt, voucher and member number still points at someone.
 */
export const anonymisedPeople = sqliteTable('anonymised_people', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id),
  anonymisedAt: text('anonymised_at').notNull(),
  anonymisedBy: integer('anonymised_by').references(() => users.id),
  /** how many earlier audit rows had this person's values taken out */
  auditRowsRedacted: integer('audit_rows_redacted').notNull(),
});

/** The office's personal-data settings, one row (id 1). */
export const privacySettings = sqliteTable(
  'privacy_settings',
  {
    id: integer('id').primaryKey(),
    /** years after leaving (death, moving away, the last membership's end) before a person may be anonymised [U] */
    anonymiseAfterYears: integer('anonymise_after_years').notNull().default(10),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('privacy_settings_one_row', sql`${t.id} = 1`), check('privacy_settings_years', sql`${t.anonymiseAfterYears} BETWEEN 1 AND 50`)],
);

/**
 * Wrong sign-in tries (main/office/login-throttle.ts), kept on disk so that restarting the program does not clear a
 * guesser's wait. Scope 'username' is keyed by the username typed, 'client' by the browser's address or the window.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    scope: text('scope', { enum: ['username', 'client'] }).notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull(),
    /** epoch milliseconds */
    lastTry: integer('last_try').notNull(),
    waitUntil: integer('wait_until').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
