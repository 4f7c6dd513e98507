// The collection sheet: what each member of a village owes on a day, oldest period first. The collection-day screen,
// the arrears list and its printed form all read it from here, so they never disagree.
import { and, asc, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { people, welfareMemberships } from '../../db/schema';
import type { AppContext } from '../api/router';
import { fullName } from '../people/register';
import { allocationsOf, membershipForRules } from './books';
import { formatPeriod, owed, periodMonthsOf } from './contributions';
import { regulationOn } from './methods';

export interface CollectionSheetRow {
  membershipId: number;
  memberNumber: string;
  name: string;
  owedSatang: number;
  missedCount: number;
  paidThrough: string | null;
  lines: { kind: 'entrance-fee' | 'contribution'; label: string; owedSatang: number; missed: boolean }[];
}

/** The members of a village whose membership is open on `asOf`, each with what they owe on that day. */
export function collectionSheet(app: AppContext, villageId: number, asOf: string) {
  const regulation = regulationOn(app, asOf, 'asOf');
  const members = app.db
    .select({ membership: welfareMemberships, title: people.title, firstName: people.firstName, lastName: people.lastName })
    .from(welfareMemberships)
    .innerJoin(people, eq(people.id, welfareMemberships.personId))
    .where(and(eq(people.villageId, villageId), sql`${welfareMemberships.startDate} <= ${asOf}`, or(isNull(welfareMemberships.endDate), gte(welfareMemberships.endDate, asOf))))
    .orderBy(asc(welfareMemberships.memberNumber))
    .all();
  const paid = allocationsOf(app, members.map((member) => member.membership.id));
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
      lines: due.lines.map((line) => ({ kind: line.kind, label: line.period === null ? 'ค่าสมัครแรกเข้า' : formatPeriod(line.period, months), owedSatang: line.owedSatang, missed: line.missed })),
    };
  });
  return { asOf, arrearsLimit: regulation.contributions.arrears.limit, rows, totalOwedSatang: rows.reduce((sum, row) => sum + row.owedSatang, 0) };
}
