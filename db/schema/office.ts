import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

/** The one office (tambon) this database belongs to: always the row with id 1. */
export const office = sqliteTable('office', {
  id: integer('id').primaryKey(),
  tambon: text('tambon').notNull(),
  amphoe: text('amphoe').notNull(),
  province: text('province').notNull(),
  councilName: text('council_name').notNull(),
  fundName: text('fund_name').notNull(),
  address: text('address').notNull(),
  phone: text('phone').notNull().default(''),
  /** PNG or JPEG as a data URL; kept small (the letterhead prints it at ~2 cm). */
  logo: text('logo'),
  /** Print digits on documents as Thai digits (๐–๙). */
  thaiDigits: integer('thai_digits', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  displayName: text('display_name').notNull(),
  username: text('username').notNull().unique(),
  role: text('role', { enum: ['admin', 'secretary', 'treasurer', 'planner', 'viewer', 'auditor'] }).notNull(),
  /** scrypt$N$r$p$salt$hash, all base64 — see main/office/passwords.ts */
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id),
    at: text('at').notNull(),
    method: text('method').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
  },
  (t) => [
    index('audit_log_entity').on(t.entity, t.entityId),
    // the history viewer filters by who, when and area (method prefix) over hundreds of thousands of rows
    index('audit_log_user').on(t.userId),
    index('audit_log_at').on(t.at),
    index('audit_log_method').on(t.method),
  ],
);
