import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** หมู่บ้าน / หมู่ที่ n: the unit of collection days, council seats and plan proposals. */
export const villages = sqliteTable(
  'villages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** หมู่ที่ (unique in the tambon) */
    number: integer('number').notNull(),
    name: text('name').notNull(),
    /** position in lists and pickers, chosen by the office (usually the หมู่ที่ order) */
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('villages_number').on(t.number), check('villages_number_positive', sql`${t.number} > 0`)],
);

export const noCitizenIdReasons = ['no_card', 'foreigner', 'other'] as const;
export type NoCitizenIdReason = (typeof noCitizenIdReasons)[number];
export const lifeStatuses = ['alive', 'died', 'moved'] as const;
export type LifeStatus = (typeof lifeStatuses)[number];

/** One record per human, shared by the fund, the council and the plan (DESIGN.md "Data model sketch"). */
export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** นาย, นาง, นางสาว, เด็กชาย, เด็กหญิง, or free text (ranks, monks) */
    title: text('title').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull().default(''),
    /** 13 digits, check digit verified; null only with a reason */
    citizenId: text('citizen_id'),
    noCitizenIdReason: text('no_citizen_id_reason', { enum: noCitizenIdReasons }),
    /** M, F, or null when not known (an import without it) */
    sex: text('sex', { enum: ['M', 'F'] }),
    /** ISO YYYY-MM-DD (C.E.); null when not known */
    birthDate: text('birth_date'),
    houseNumber: text('house_number').notNull().default(''),
    villageId: integer('village_id').references(() => villages.id),
    /** the rest of the address: ซอย, ถนน, or an address outside the tambon */
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    consentGiven: integer('consent_given', { mode: 'boolean' }).notNull().default(false),
    /** ISO date the consent was given or withdrawn */
    consentDate: text('consent_date'),
    consentScope: text('consent_scope').notNull().default(''),
    notes: text('notes').notNull().default(''),
    lifeStatus: text('life_status', { enum: lifeStatuses }).notNull().default('alive'),
    /** date of death or of moving away */
    lifeStatusDate: text('life_status_date'),
    /** Thai dictionary order of the full name, comparable bytewise (main/people/thai-order.ts) */
    sortKey: text('sort_key').notNull(),
    /** names, ID digits and phone digits, normalised for search as you type (main/people/search.ts) */
    searchText: text('search_text').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('people_citizen_id').on(t.citizenId),
    index('people_sort').on(t.sortKey),
    index('people_village_sort').on(t.villageId, t.sortKey),
    index('people_village_birth').on(t.villageId, t.birthDate),
    check('people_id_or_reason', sql`(${t.citizenId} IS NULL) = (${t.noCitizenIdReason} IS NOT NULL)`),
  ],
);

/** The column mapping a user last chose for an import of one kind ('people', later 'members', …). */
export const spreadsheetMappings = sqliteTable('spreadsheet_mappings', {
  kind: text('kind').primaryKey(),
  /** JSON: { [field]: heading } */
  mapping: text('mapping').notNull(),
  updatedAt: text('updated_at').notNull(),
});
