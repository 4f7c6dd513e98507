import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './office';

/**
 * A password an administrator set for someone else (a reset): while the row is here, that user must choose a new
 * password at the next login. Choosing one deletes the row; the audit log keeps who reset it and when.
 */
export const passwordResets = sqliteTable('password_resets', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  resetBy: integer('reset_by')
    .notNull()
    .references(() => users.id),
  resetAt: text('reset_at').notNull(),
});
