import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { people } from './people';
import { users } from './office';

/**
 * The regulation of the welfare fund (ระเบียบกองทุน), one row per version: what the fund decides is data with an
 * effective date (DESIGN.md rule 5). The body is the whole regulation as main/welfare/regulation-store.ts reads and
 * checks it: contributions, member categories and benefit types. A claim is judged by the version in force on the
 * day of its event.
 */
export const welfareRegulationVersions = sqliteTable('welfare_regulation_versions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** ISO date the version takes effect; one version per day */
  effectiveFrom: text('effective_from').notNull().unique(),
  /** JSON: { contributions, memberCategories, benefitTypes } */
  body: text('body').notNull(),
  /** where the committee adopted it: "มติที่ประชุมกรรมการ ครั้งที่ 3/2569" */
  adoptedBy: text('adopted_by').notNull().default(''),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
});

export const membershipEndReasons = ['resigned', 'died', 'lapsed', 'expelled'] as const;
export type MembershipEndReasonCode = (typeof membershipEndReasons)[number];

/**
 * A person's membership of the fund, from start to end. A person who leaves and joins again has a second row (a new
 * waiting period, a new entrance fee); at most one row per person is open (no end date).
 */
export const welfareMemberships = sqliteTable(
  'welfare_memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    /**
     * เลขทะเบียนสมาชิก, as the fund writes it ("0042"). Open memberships never share one; a member who rejoins may
     * keep their old number, but no other person may take it (main/welfare/members.ts).
     */
    memberNumber: text('member_number').notNull(),
    /** a member category code of the regulation (ทั่วไป, เด็ก/เยาวชน, ผู้สูงอายุ, …) */
    category: text('category').notNull(),
    applicationDate: text('application_date').notNull(),
    /** the day membership counts from (waiting periods, years of membership, the first contribution period) */
    startDate: text('start_date').notNull(),
    /** the committee's approval: which meeting, and its date */
    approvedBy: text('approved_by').notNull().default(''),
    approvalDate: text('approval_date'),
    /** founding members and others the committee exempts */
    entranceFeeWaived: integer('entrance_fee_waived', { mode: 'boolean' }).notNull().default(false),
    /** explicit consent to keep health-related data for claims (PDPA s.26, DOMAIN.md §4.7) */
    healthConsent: integer('health_consent', { mode: 'boolean' }).notNull().default(false),
    healthConsentDate: text('health_consent_date'),
    endDate: text('end_date'),
    endReason: text('end_reason', { enum: membershipEndReasons }),
    endNote: text('end_note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('welfare_memberships_open_number')
      .on(t.memberNumber)
      .where(sql`${t.endDate} IS NULL`),
    index('welfare_memberships_number').on(t.memberNumber),
    // One open membership per person (DOMAIN.md §2.2: one active membership per citizen ID per fund).
    uniqueIndex('welfare_memberships_open_person')
      .on(t.personId)
      .where(sql`${t.endDate} IS NULL`),
    index('welfare_memberships_person').on(t.personId),
    check('welfare_memberships_end', sql`(${t.endDate} IS NULL) = (${t.endReason} IS NULL)`),
    check('welfare_memberships_order', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);

/** ผู้รับผลประโยชน์: who receives a death benefit, a person of the register or a name as written, with a share. */
export const welfareBeneficiaries = sqliteTable(
  'welfare_beneficiaries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => welfareMemberships.id),
    personId: integer('person_id').references(() => people.id),
    /** as written on the application when the beneficiary is not in the register */
    name: text('name').notNull(),
    relationship: text('relationship').notNull(),
    /** share in hundredths of a percent (10000 = all); the shares of one membership add up to 10000 */
    shareBasisPoints: integer('share_basis_points').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('welfare_beneficiaries_membership').on(t.membershipId), check('welfare_beneficiaries_share', sql`${t.shareBasisPoints} > 0 AND ${t.shareBasisPoints} <= 10000`)],
);
