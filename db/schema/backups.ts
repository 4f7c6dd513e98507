import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every backup the app made and checked: automatic ones in the data folder's backups/, and those made to a folder the
 * office chose (a USB stick). The "วันนี้" page warns when the newest good one is more than a week old.
 */
export const backupLog = sqliteTable('backup_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  madeAt: text('made_at').notNull(),
  kind: text('kind', { enum: ['automatic', 'manual', 'before-restore'] }).notNull(),
  file: text('file').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  encrypted: integer('encrypted', { mode: 'boolean' }).notNull(),
  /** opened again and its integrity check passed */
  verified: integer('verified', { mode: 'boolean' }).notNull(),
  /** JSON: how many people, members, receipts … it holds */
  counts: text('counts').notNull(),
});
