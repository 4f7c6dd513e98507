// The collection sheet: what each member of a village owes on a day, oldest period first. The collection-day screen,
// the arrears list and its printed form all read it from here, so they never disagree.
import { and, asc, eq, sql } from 'drizzle-orm';
import { people, welfareMemberships } from '../../db/schema';
import type { AppContext } from '../api/router';
import { fullName } from '../people/register';
import { contributionRulesKey, paidHistoriesOf, statementOf } from './books';
import { formatPeriod, owed, periodMonthsOf, type Membership, type Owed } from './contributions';
import { regulationOn, type StoredRegulation } from './methods';

export interface CollectionSheetRow {
  membershipId: number;
  memberNumber: string;
  name: string;
  owedSatang: number;
  missedCount: number;
  paidThrough: string | null;
  /** `label` is the period in Thai ('ส.ค. 69'); `period` its first month 'YYYY-MM' (null for the entrance fee) */
  lines: { kind: 'entrance-fee' | 'contribution'; period: string | null; label: string; owedSatang: number; missed: boolean }[];
}

/** The members of a village whose membership is open on `asOf`, each with what they owe on that day. */
export function collectionSheet(app: AppContext, villageId: number, asOf: string) {
  const regulation = regulationOn(app, asOf, 'asOf');
  const rows = collectionRows(app, villageId, asOf, regulation).get(villageId) ?? [];
  return { asOf, arrearsLimit: regulation.contributions.arrears.limit, periodMonths: periodMonthsOf(regulation.contributions.scheme), rows, totalOwedSatang: rows.reduce((sum, row) => sum + row.owedSatang, 0), lapsed: lapsedOf(app, villageId, asOf) };
}

/** The members a sheet lists on a day: those of one village (or, null, of every village) whose membership is open. */
const LISTED = `(? IS NULL AND p.village_id IS NOT NULL OR p.village_id = ?) AND m.start_date <= ?
       -- listed on the day a membership ends too (what is owed up to then), but not from the day it lapsed
       AND (m.end_date IS NULL OR m.end_date > ? OR (m.end_date = ? AND m.end_reason <> 'lapsed'))`;

/**
 * The stored summary `s` says what is owed on the day without being read: made under these rules, the day on or after
 * its last payment and before any period is owed — then owed() is the entrance fee left alone (s.entrance_fee_owed,
 * not a missed period). A NULL periods_owed_from is unknown: not known.
 */
const OWED_IS_KNOWN = 's.rules_key = ? AND (s.last_paid_on IS NULL OR s.last_paid_on <= ?) AND s.periods_owed_from > ?';

/**
 * Who owedByVillage lists: 'all' (the sheet); 'owing' leaves out whom the stored summary says owes nothing that day
 * (the arrears list: they are not in arrears); 'behind' leaves out whom it says owes at most the entrance fee
 * (the arrears figures count those apart, entranceFeeOnlyByVillage).
 */
export type OwedByVillageWho = 'all' | 'owing' | 'behind';

/**
 * What each member whose membership is open on `asOf` owes that day, by village: of one village, or (null) of every
 * member with a village in one read — the arrears list of every village and the dashboard's arrears tile read the
 * regulation, the members and their paid summaries once rather than once a village. Each village's members are in
 * member-number order; `who` may leave out members whose summary need not be read (OwedByVillageWho).
 */
export function owedByVillage(app: AppContext, villageId: number | null, asOf: string, regulation: StoredRegulation = regulationOn(app, asOf, 'asOf'), who: OwedByVillageWho = 'all') {
  // as arrays, only the columns the rules need (the names are read apart, by the sheet): 20,000 members are read at once
  const members = statementOf(
    app,
    `SELECT m.id, m.person_id, m.member_number, m.start_date, m.end_date, m.end_reason, m.entrance_fee_waived, p.village_id
     FROM welfare_memberships m JOIN people p ON p.id = m.person_id
     WHERE ${LISTED}
       AND (? = 'all' OR NOT EXISTS (SELECT 1 FROM welfare_paid s WHERE s.membership_id = m.id AND ${OWED_IS_KNOWN} AND (? = 'behind' OR s.entrance_fee_owed = 0)))
     ORDER BY m.member_number`,
  )
    .raw()
    .all(villageId, villageId, asOf, asOf, asOf, who, contributionRulesKey(regulation.contributions), asOf, asOf, who) as [number, number, string, string, string | null, Membership['endReason'], number, number][];
  const paid = paidHistoriesOf(app, members.map(([id]) => id), regulation.contributions, asOf);
  const byVillage = new Map<number, { membershipId: number; personId: number; memberNumber: string; due: Owed }[]>();
  for (const [id, personId, memberNumber, start, end, endReason, entranceFeeWaived, village] of members) {
    const due = owed(regulation.contributions, { start, end, endReason, entranceFeeWaived: entranceFeeWaived === 1 }, paid.get(id)!, asOf);
    let owing = byVillage.get(village);
    if (!owing) byVillage.set(village, (owing = []));
    owing.push({ membershipId: id, personId, memberNumber, due });
  }
  return byVillage;
}

/**
 * The members owedByVillage(…, 'behind') leaves out who owe the entrance fee alone that day, counted by village from
 * their stored summaries: how many, and the fee they owe (the arrears figures add them to the others).
 */
export function entranceFeeOnlyByVillage(app: AppContext, asOf: string, regulation: StoredRegulation): Map<number, { memberCount: number; owedSatang: number }> {
  const rows = statementOf(
    app,
    `SELECT p.village_id, count(*), sum(s.entrance_fee_owed)
     FROM welfare_memberships m JOIN people p ON p.id = m.person_id JOIN welfare_paid s ON s.membership_id = m.id
     WHERE ${LISTED} AND ${OWED_IS_KNOWN} AND s.entrance_fee_owed > 0
     GROUP BY p.village_id`,
  )
    .raw()
    .all(null, null, asOf, asOf, asOf, contributionRulesKey(regulation.contributions), asOf, asOf) as [number, number, number][];
  return new Map(rows.map(([village, memberCount, owedSatang]) => [village, { memberCount, owedSatang }]));
}

/** The collection sheet's rows by village (see owedByVillage, and its `who`): each member with what they owe, period by period. */
export function collectionRows(app: AppContext, villageId: number | null, asOf: string, regulation: StoredRegulation = regulationOn(app, asOf, 'asOf'), who: OwedByVillageWho = 'all'): Map<number, CollectionSheetRow[]> {
  const months = periodMonthsOf(regulation.contributions.scheme);
  const owing = owedByVillage(app, villageId, asOf, regulation, who);
  const names = new Map(
    (statementOf(app, 'SELECT id, title, first_name AS firstName, last_name AS lastName FROM people WHERE ? IS NULL AND village_id IS NOT NULL OR village_id = ?').all(villageId, villageId) as { id: number; title: string; firstName: string; lastName: string }[]).map(
      (person) => [person.id, fullName(person)],
    ),
  );
  const byVillage = new Map<number, CollectionSheetRow[]>();
  for (const [village, members] of owing) {
    byVillage.set(
      village,
      members.map(({ membershipId, personId, memberNumber, due }) => ({
        membershipId,
        memberNumber,
        name: names.get(personId)!,
        owedSatang: due.totalSatang,
        missedCount: due.missedCount,
        paidThrough: due.paidThrough,
        lines: due.lines.map((line) => ({ kind: line.kind, period: line.period, label: line.period === null ? 'ค่าสมัครแรกเข้า' : formatPeriod(line.period, months), owedSatang: line.owedSatang, missed: line.missed })),
      })),
    );
  }
  return byVillage;
}

/**
 * Members of the village whose membership lapsed for arrears in the year up to `asOf` and who have not joined again:
 * listed apart on the sheet (พ้นสภาพ — ต้องสมัครใหม่), since no payment is taken from them.
 */
function lapsedOf(app: AppContext, villageId: number, asOf: string) {
  const yearBefore = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  return app.db
    .select({ membershipId: welfareMemberships.id, personId: people.id, memberNumber: welfareMemberships.memberNumber, lapsedOn: welfareMemberships.endDate, title: people.title, firstName: people.firstName, lastName: people.lastName })
    .from(welfareMemberships)
    .innerJoin(people, eq(people.id, welfareMemberships.personId))
    .where(
      and(
        eq(people.villageId, villageId),
        eq(welfareMemberships.endReason, 'lapsed'),
        sql`${welfareMemberships.endDate} <= ${asOf} AND ${welfareMemberships.endDate} > ${yearBefore}`,
        sql`NOT EXISTS (SELECT 1 FROM welfare_memberships later WHERE later.person_id = ${welfareMemberships.personId} AND later.start_date > ${welfareMemberships.startDate})`,
      ),
    )
    .orderBy(asc(welfareMemberships.memberNumber))
    .all()
    .map((row) => ({ membershipId: row.membershipId, personId: row.personId, memberNumber: row.memberNumber, name: fullName(row), lapsedOn: row.lapsedOn! }));
}
