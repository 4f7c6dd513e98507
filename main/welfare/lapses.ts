// A lapse recorded as a status: when a member's arrears pass the fund's limit (contributions.ts lapseDate), the
// membership is ended with the reason 'lapsed' on the lapse day. Done by a write the screens call when the treasurer
// opens the members tab or the collection day, and by every collection save before it takes money — never by a read.
import { eq, sql } from 'drizzle-orm';
import { welfareMemberships } from '../../db/schema';
import type { AppContext } from '../api/router';
import { contributionRulesKey, currentPaidSummaries, membershipForRules, statementOf } from './books';
import { lapseDate } from './contributions';
import { regulationOn } from './methods';

export interface RecordedLapse {
  membershipId: number;
  memberNumber: string;
  lapsedOn: string;
  note: string;
}

/** Ends, as lapsed, every open membership whose lapse day has come by `today`; returns those it ended. */
export function applyLapses(app: AppContext, today: string): RecordedLapse[] {
  const hasRegulation = statementOf(app, 'SELECT 1 FROM welfare_regulation_versions WHERE effective_from <= ? LIMIT 1').get(today) !== undefined;
  if (!hasRegulation) return [];
  const settings = regulationOn(app, today, 'today').contributions;
  // Summaries not made under today's rules (a new member, a new regulation, a database from before the summaries)
  // are made again first: their lapse day is part of them. One stored before what is owed was kept beside it is stored again.
  const stale = app.db
    .select()
    .from(welfareMemberships)
    .where(
      sql`${welfareMemberships.endDate} IS NULL AND NOT EXISTS (SELECT 1 FROM welfare_paid p WHERE p.membership_id = ${welfareMemberships.id} AND p.rules_key = ${contributionRulesKey(settings)} AND p.periods_owed_from IS NOT NULL)`,
    )
    .all();
  currentPaidSummaries(app, stale, settings);
  if (settings.arrears.limit === null) return [];
  const due = app.db
    .select()
    .from(welfareMemberships)
    .where(sql`${welfareMemberships.endDate} IS NULL AND ${welfareMemberships.id} IN (SELECT p.membership_id FROM welfare_paid p WHERE p.lapse_on <= ${today})`)
    .all();
  const recorded: RecordedLapse[] = [];
  const summaries = currentPaidSummaries(app, due, settings);
  const at = app.now().toISOString();
  for (const membership of due) {
    const lapse = lapseDate(settings, membershipForRules(membership), summaries.get(membership.id)!);
    if (lapse === null || lapse.date > today) continue;
    app.db.update(welfareMemberships).set({ endDate: lapse.date, endReason: 'lapsed', endNote: lapse.th, updatedAt: at }).where(eq(welfareMemberships.id, membership.id)).run();
    statementOf(app, 'UPDATE welfare_paid SET lapse_on = NULL WHERE membership_id = ?').run(membership.id);
    recorded.push({ membershipId: membership.id, memberNumber: membership.memberNumber, lapsedOn: lapse.date, note: lapse.th });
  }
  return recorded;
}
