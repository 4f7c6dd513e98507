// The fund at a glance (issue 10): the welfare dashboard's tiles and the treasurer's tasks on the "วันนี้" page, each
// figure read from the same code as the screen that shows its detail (the arrears list, the books, the statements),
// so a tile never disagrees with the page it opens.
import { z } from 'zod';
import { defineRead, type AppContext } from '../api/router';
import type { Role } from '../api/roles';
import { isoDateField } from '../api/validation';
import { localIsoDate } from '../dates';
import { bookSettings, statementOf } from './books';
import { formatPeriod } from './contributions';
import { arrearsFigures } from './report-methods';
import { balancesUpTo, fundBySource, membersByCategoryAndVillage } from './statements';

/** How many months the chart of money in and out shows, the month of the day itself last. */
export const DASHBOARD_MONTHS = 24;
/** A lapse recorded this many days back or fewer is "new" on the treasurer's list. */
export const NEW_LAPSE_DAYS = 30;

/** The roles that act on the fund (approve claims, close months, take money); the administrator may do all. */
const fundActors: readonly Role[] = ['admin', 'treasurer', 'secretary'];

/** 'YYYY-MM' of a month index (months since year 0). */
function monthOf(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function monthIndex(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;
}

/** The ISO day `days` days before `isoDate`. */
function daysBefore(isoDate: string, days: number): string {
  const moment = new Date(`${isoDate}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() - days);
  return moment.toISOString().slice(0, 10);
}

/** Each cash and bank account's balance on `asOf` (`balances`: every account's, statements.ts balancesUpTo): cash on hand first, then each bank account (a closed one only while it holds money). */
function moneyBalances(app: AppContext, balances: Map<number, number>) {
  // the fields in the order the former query gave them (active and position included), so the answer is unchanged
  const accounts = (
    statementOf(
      app,
      `SELECT id AS accountId, code, name_th AS nameTh, name_en AS nameEn, report_line AS reportLine, bank_account AS bankAccount, active, 0 AS amount, position
       FROM welfare_accounts WHERE report_line IN ('cash', 'bank') ORDER BY report_line = 'bank', position, code`,
    ).all() as { accountId: number; code: string; nameTh: string; nameEn: string; reportLine: string; bankAccount: string; active: number; amount: number }[]
  ).filter((account) => {
    account.amount = balances.get(account.accountId) ?? 0;
    return account.active === 1 || account.amount !== 0;
  });
  return { accounts, total: accounts.reduce((sum, account) => sum + account.amount, 0) };
}

/**
 * Members on `asOf`: the statements' count of current members, per village too (main/welfare/statements.ts
 * membersByCategoryAndVillage: a person counts once, by the latest membership), and the people whose latest
 * membership had ended before that day, by reason — so current + ended = every person who was ever a member.
 */
function membersAt(app: AppContext, asOf: string) {
  const counted = membersByCategoryAndVillage(app, asOf);
  const ended = statementOf(
    app,
    `SELECT m.end_reason AS reason, count(*) AS count FROM welfare_memberships m
     WHERE m.end_date < ? AND m.start_date = (SELECT max(later.start_date) FROM welfare_memberships later WHERE later.person_id = m.person_id AND later.start_date <= ?)
     GROUP BY m.end_reason`,
  ).all(asOf, asOf) as { reason: 'resigned' | 'died' | 'lapsed' | 'expelled'; count: number }[];
  const endedBy = { resigned: 0, died: 0, lapsed: 0, expelled: 0 };
  for (const row of ended) endedBy[row.reason] = row.count;
  return {
    current: counted.current,
    cumulative: counted.cumulative,
    ended: endedBy,
    endedTotal: ended.reduce((sum, row) => sum + row.count, 0),
    byVillage: counted.byVillage.map((village) => ({ villageId: village.villageId, name: village.name, nameEn: village.nameEn, current: village.current })),
  };
}

/**
 * Money in and out per month for the `DASHBOARD_MONTHS` months ending with the month of `asOf`: members'
 * contributions received, benefits paid and the other expenses, from the journal (a void counts in the month it was
 * voided, as in the books). A month without money is there with zeros.
 */
function monthlyMoney(app: AppContext, asOf: string) {
  const last = monthIndex(asOf);
  const first = last - DASHBOARD_MONTHS + 1;
  const from = `${monthOf(first)}-01`;
  // per month and account, then summed by kind here: classifying each line in SQL (a join per line) costs more than the sum
  const accounts = new Map(
    (statementOf(app, "SELECT id, kind, report_line AS reportLine FROM welfare_accounts WHERE kind = 'expense' OR report_line = 'memberContributions'").all() as { id: number; kind: string; reportLine: string }[]).map((account) => [account.id, account]),
  );
  const lines = statementOf(
    app,
    // the window's entries by their date index first, then their lines (SQLite keeps a CROSS JOIN's order)
    `SELECT substr(e.entry_date, 1, 7) AS month, l.account_id AS accountId, sum(l.amount_satang) AS amount
     FROM welfare_journal_entries e CROSS JOIN welfare_journal_lines l
     WHERE l.entry_id = e.id AND e.entry_date >= ? AND e.entry_date <= ?
     GROUP BY month, l.account_id`,
  ).all(from, asOf) as { month: string; accountId: number; amount: number }[];
  const byMonth = new Map<string, { contributions: number; benefits: number; expenses: number }>();
  for (const line of lines) {
    const account = accounts.get(line.accountId);
    if (!account) continue;
    let row = byMonth.get(line.month);
    if (!row) byMonth.set(line.month, (row = { contributions: 0, benefits: 0, expenses: 0 }));
    // income is credited (negative in the journal), expenses debited
    if (account.reportLine === 'memberContributions') row.contributions -= line.amount;
    else if (account.reportLine === 'benefits') row.benefits += line.amount;
    else row.expenses += line.amount;
  }
  return Array.from({ length: DASHBOARD_MONTHS }, (_, offset) => {
    const month = monthOf(first + offset);
    const row = byMonth.get(month);
    return { month, label: formatPeriod(month, 1), contributions: row?.contributions ?? 0, benefits: row?.benefits ?? 0, expenses: row?.expenses ?? 0 };
  });
}

/**
 * The months not yet closed: from the month of the day after the lock date (or, never locked, the month of the
 * first entry) up to last month. A month locked only part way is not closed.
 */
function openMonths(app: AppContext, asOf: string) {
  const lockDate = bookSettings(app)?.lockDate ?? null;
  const firstEntry = (statementOf(app, 'SELECT min(entry_date) AS day FROM welfare_journal_entries').get() as { day: string | null }).day;
  const start = lockDate !== null ? monthIndex(daysBefore(lockDate, -1)) : firstEntry !== null ? monthIndex(firstEntry) : null;
  const lastMonth = monthIndex(asOf) - 1;
  const months: string[] = [];
  if (start !== null) for (let index = start; index <= lastMonth; index++) months.push(monthOf(index));
  return { lockDate, months: months.map((month) => ({ month, label: formatPeriod(month, 1) })) };
}

/** The arrears list's figures per village (main/welfare/report-methods.ts arrearsFigures); null until the fund has a regulation. */
function arrearsByVillage(app: AppContext, asOf: string) {
  const hasRegulation = statementOf(app, 'SELECT 1 FROM welfare_regulation_versions WHERE effective_from <= ? LIMIT 1').get(asOf) !== undefined;
  if (!hasRegulation) return null;
  return arrearsFigures(app, asOf);
}

/** Claims entered and waiting for the committee's approval. */
function claimsWaiting(app: AppContext) {
  const row = statementOf(app, "SELECT count(*) AS count, coalesce(sum(amount_satang), 0) AS amountSatang FROM welfare_claims WHERE status = 'pending'").get() as { count: number; amountSatang: number };
  return row;
}

/** Memberships ended as lapsed in the `NEW_LAPSE_DAYS` days up to `asOf`: members newly out for arrears beyond the limit. */
function newLapses(app: AppContext, asOf: string) {
  const since = daysBefore(asOf, NEW_LAPSE_DAYS);
  const count = (statementOf(app, "SELECT count(*) AS n FROM welfare_memberships WHERE end_reason = 'lapsed' AND end_date > ? AND end_date <= ?").get(since, asOf) as { n: number }).n;
  return { since, count };
}

/** Everything the dashboard shows on `asOf`. */
export function welfareDashboard(app: AppContext, asOf: string) {
  const members = membersAt(app, asOf);
  // every account's balance once, for the money held and the sources alike
  const accountBalances = balancesUpTo(app, asOf);
  const balances = moneyBalances(app, accountBalances);
  const sources = fundBySource(app, asOf, accountBalances);
  const monthly = monthlyMoney(app, asOf);
  const months = openMonths(app, asOf);
  const claims = claimsWaiting(app);
  const lapses = newLapses(app, asOf);
  const arrears = arrearsByVillage(app, asOf);
  const hasBooks = balances.accounts.length > 0;
  return {
    asOf,
    /** nothing to show yet: no member and nothing posted */
    empty: !hasBooks && members.cumulative === 0,
    balances,
    sources: { rows: sources.rows, total: sources.total, membersOwnShareBasisPoints: sources.membersOwnShareBasisPoints },
    members,
    monthly,
    arrears,
    claimsWaiting: claims,
    openMonths: months,
    newLapses: lapses,
  };
}

type DashboardFigures = ReturnType<typeof welfareDashboard>;

/** The last figures computed per open database, with the state of the data they were computed from. */
const lastFigures = new WeakMap<AppContext['sqlite'], { key: string; figures: DashboardFigures }>();

/**
 * The dashboard's figures, computed again only when the data may have changed since the last time: on the large
 * sample they take over a second of work (every member's arrears, the books since founding), and the "วันนี้" page
 * and the dashboard tab ask for them one after the other. `total_changes()` counts every row this connection wrote
 * (even in a transaction rolled back), `data_version` moves when another connection (a worker) commits: while
 * neither moves and the day is the same, the figures stand.
 */
export function dashboardFigures(app: AppContext, asOf: string): DashboardFigures {
  const changes = (statementOf(app, 'SELECT total_changes() AS n').get() as { n: number }).n;
  const key = `${asOf}|${changes}|${String(app.sqlite.pragma('data_version', { simple: true }))}`;
  const last = lastFigures.get(app.sqlite);
  if (last?.key === key) return last.figures;
  const figures = welfareDashboard(app, asOf);
  lastFigures.set(app.sqlite, { key, figures });
  return figures;
}

export const welfareDashboardMethods = [
  defineRead({
    name: 'welfare.dashboard.get',
    // the day defaults to today on the office's clock; `mayAct`: the user's role acts on the fund (the tasks, the links to act)
    input: z.object({ asOf: isoDateField('ข้อมูล ณ วันที่', 'As of').optional() }),
    access: 'user',
    handler: ({ app, input, user }) => ({ ...dashboardFigures(app, input.asOf ?? localIsoDate(app.now())), mayAct: user !== null && fundActors.includes(user.role) }),
  }),
] as const;
