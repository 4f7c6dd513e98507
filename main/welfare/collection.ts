// The collection sheet: what each member of a village owes on a day, oldest period first. The collection-day screen,
// the arrears list and its printed form all read it from here, so they never disagree.
import { and, asc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { people, welfareMemberships } from '../../db/schema';
import type { AppContext } from '../api/router';
import { fullName } from '../people/register';
import { membershipForRules, paidHistoriesOf } from './books';
import { formatPeriod, owed, periodMonthsOf } from './contributions';
import { regulationOn } from './methods';

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
  const members = app.db
    .select({ membership: welfareMemberships, title: people.title, firstName: people.firstName, lastName: people.lastName })
    .from(welfareMemberships)
    .innerJoin(people, eq(people.id, welfareMemberships.personId))
    .where(
      and(
        eq(people.villageId, villageId),
        sql`${welfareMemberships.startDate} <= ${asOf}`,
        // Listed on the day a membership ends too (what is owed up to then), but not from the day it lapsed.
        or(isNull(welfareMemberships.endDate), gt(welfareMemberships.endDate, asOf), and(eq(welfareMemberships.endDate, asOf), ne(welfareMemberships.endReason, 'lapsed'))),
      ),
    )
    .orderBy(asc(welfareMemberships.memberNumber))
    .all();
  const paid = paidHistoriesOf(app, members.map((member) => member.membership.id), regulation.contributions, asOf);
  const months = periodMonthsOf(regulation.contributions.scheme);
  const rows: CollectionSheetRow[] = members.map((member) => {
    const due = owed(regulation.contributions, membershipForRules(member.membership), paid.get(member.membership.id)!, asOf);
    return {
      membershipId: member.membership.id,
      memberNumber: member.membership.memberNumber,
      name: fullName(member),
      owedSatang: due.totalSatang,
      missedCount: due.missedCount,
      paidThrough: due.paidThrough,
      lines: due.lines.map((line) => ({ kind: line.kind, period: line.period, label: line.period === null ? 'ค่าสมัครแรกเข้า' : formatPeriod(line.period, months), owedSatang: line.owedSatang, missed: line.missed })),
    };
  });
  return { asOf, arrearsLimit: regulation.contributions.arrears.limit, periodMonths: months, rows, totalOwedSatang: rows.reduce((sum, row) => sum + row.owedSatang, 0), lapsed: lapsedOf(app, villageId, asOf) };
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
