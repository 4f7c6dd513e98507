import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './office';

/**
 * The committee's own words on CODI's two forms (แบบแสดงสถานะกองทุน, แบบเสนอเพื่อรับการสนับสนุน), kept per fiscal
 * year: objectives, activities, problems, plans… one row per year and section (main/welfare/codi-forms.ts lists the
 * sections and what each holds). Every save is audited; saving a section again replaces its text.
 */
export const welfareCodiYearTexts = sqliteTable(
  'welfare_codi_year_texts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** the B.E. fiscal year the forms are for (2570 = 1 Oct 2569 – 30 Sep 2570) */
    fiscalYear: integer('fiscal_year').notNull(),
    /** a key of codiSections: 'objectives', 'plans', 'committee', … */
    sectionKey: text('section_key').notNull(),
    /** plain text, or JSON for a section of rows (plans, committee) or an amount (satang) */
    text: text('text').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('welfare_codi_year_texts_section').on(t.fiscalYear, t.sectionKey)],
);

/**
 * What the CODI forms need to know about the fund that the books do not say, one row (id 1): the kind of local
 * government (the villages criterion is 50 % of a tambon's villages, 20 % of a municipality's communities —
 * DOMAIN.md §2.6, unconfirmed) and the fund's founding date (null: the earliest regulation, membership or entry).
 */
export const welfareCodiSettings = sqliteTable('welfare_codi_settings', {
  id: integer('id').primaryKey(),
  localGovernmentKind: text('local_government_kind', { enum: ['subdistrict', 'municipality'] }).notNull().default('subdistrict'),
  /** the share of villages (communities) that must take part, in hundredths of a percent; null: 5000 or 2000 by kind */
  villageThresholdBasisPoints: integer('village_threshold_basis_points'),
  foundedOn: text('founded_on'),
  updatedAt: text('updated_at').notNull(),
});
