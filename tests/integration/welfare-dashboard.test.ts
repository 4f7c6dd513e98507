// The fund at a glance (issue 10): every tile of the welfare dashboard checked against a query of its own, written
// here over the same tables, not a call of the code under test; the 24 months with their empty months; an empty fund;
// who sees it and who may act. Real SQLite; nothing mocked. "Today" is 30 November 2569.
import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';
import { citizenId, fundWithTwoYears, TODAY } from './welfare-statements-fund';

interface Dashboard {
  asOf: string;
  mayAct: boolean;
  empty: boolean;
  balances: { accounts: { accountId: number; code: string; nameTh: string; bankAccount: string; amount: number }[]; total: number };
  sources: { rows: { reportLine: string; name: string; amount: number }[]; total: number; membersOwnShareBasisPoints: number };
  members: { current: number; cumulative: number; ended: Record<'resigned' | 'died' | 'lapsed' | 'expelled', number>; endedTotal: number; byVillage: { villageId: number | null; name: string; current: number }[] };
  monthly: { month: string; label: string; contributions: number; benefits: number; expenses: number }[];
  arrears: { arrearsLimit: number | null; villages: { villageId: number; number: number; name: string; memberCount: number; atLimitCount: number; owedSatang: number }[]; memberCount: number; atLimitCount: number; totalOwedSatang: number } | null;
  claimsWaiting: { count: number; amountSatang: number };
  openMonths: { lockDate: string | null; months: { month: string; label: string }[] };
  newLapses: { since: string; count: number };
}

/**
 * The statements' fund of two years, and on top: ปุณณ์ญาดา resigned on 20 November, a member who died in August,
 * one who lapsed on 10 November, a hospital claim waiting for the committee, the books closed to 30 September.
 */
async function fundOnTheDashboard() {
  const fund = await fundWithTwoYears();
  const { call, sql, admin } = fund;
  await call('welfare.members.end', { membershipId: fund.punya.id, endDate: '2026-11-20', reason: 'resigned', note: 'ย้ายไปอยู่กับลูกที่กรุงเทพฯ' });
  const join = async (firstName: string, id12: string, villageId: number, memberNumber: string) => {
    const person = await call<{ id: number }>('people.persons.create', { title: 'นาง', firstName, lastName: 'ทองประเสริฐศักดิ์', citizenId: citizenId(id12), villageId }, admin);
    return call<{ id: number }>('welfare.members.join', { personId: person.id, memberNumber, category: 'general', applicationDate: '2025-07-01', startDate: '2025-07-01' });
  };
  const died = await join('บุญเรือน', '360990012345', fund.villageA.id, '0905');
  await call('welfare.members.end', { membershipId: died.id, endDate: '2026-08-14', reason: 'died', note: '' });
  // a lapse as applyLapses records it (this fund's regulation has no limit, so it is written as the lapse pass would)
  const lapsed = await join('ศรีสุดา', '460990012345', fund.villageB.id, '0906');
  fund.app.database.sqlite.prepare("UPDATE welfare_memberships SET end_date = '2026-11-10', end_reason = 'lapsed', end_note = 'ขาดส่งเงินสมทบ 3 งวดติดต่อกัน' WHERE id = ?").run(lapsed.id);
  await call('welfare.claims.create', { membershipId: fund.thiti.id, benefitCode: fund.perNight.code, eventDate: '2026-11-22', units: 2, evidence: fund.perNight.evidence.map((item) => item.code) });
  await call('welfare.books.lock', { lockDate: '2026-09-30' });
  const dashboard = await call<Dashboard>('welfare.dashboard.get', { asOf: TODAY });
  return { ...fund, dashboard, sql, died, lapsed };
}

const login = async (app: ReturnType<typeof tempApp>, username: string) => {
  const session: ClientSession = { user: null };
  await app.router.call(session, 'office.auth.login', { username, password: 'tambon1234' });
  return session;
};

describe('the welfare dashboard', () => {
  it('shows each cash and bank balance as the sum of its journal lines up to today', async () => {
    const { dashboard, sql } = await fundOnTheDashboard();
    const expected = sql<{ code: string; amount: number }>(
      `SELECT a.code, coalesce(sum(CASE WHEN e.entry_date <= ? THEN l.amount_satang END), 0) AS amount
       FROM welfare_accounts a LEFT JOIN welfare_journal_lines l ON l.account_id = a.id LEFT JOIN welfare_journal_entries e ON e.id = l.entry_id
       WHERE a.report_line IN ('cash', 'bank') GROUP BY a.id ORDER BY a.report_line = 'bank', a.position`,
      TODAY,
    );
    expect(dashboard.balances.accounts.map((account) => ({ code: account.code, amount: account.amount }))).toEqual(expected);
    expect(dashboard.balances.accounts[0]!.code).toBe('1101'); // cash on hand first
    expect(dashboard.balances.total).toBe(expected.reduce((sum, row) => sum + row.amount, 0));
    // 2,486,902.25 brought forward + CODI's 1,500,000 round into the bank: millions, to the satang
    expect(dashboard.balances.total).toBeGreaterThan(3_900_000_00);
  });

  it('on an earlier day, leaves out what was dated after it', async () => {
    const { call, sql } = await fundOnTheDashboard();
    const earlier = await call<Dashboard>('welfare.dashboard.get', { asOf: '2026-09-30' });
    const expected = sql<{ code: string; amount: number }>(
      `SELECT a.code, coalesce(sum(CASE WHEN e.entry_date <= '2026-09-30' THEN l.amount_satang END), 0) AS amount
       FROM welfare_accounts a LEFT JOIN welfare_journal_lines l ON l.account_id = a.id LEFT JOIN welfare_journal_entries e ON e.id = l.entry_id
       WHERE a.report_line IN ('cash', 'bank') GROUP BY a.id ORDER BY a.report_line = 'bank', a.position`,
    );
    expect(earlier.balances.accounts.map((account) => ({ code: account.code, amount: account.amount }))).toEqual(expected);
    expect(earlier.monthly.at(-1)!.month).toBe('2026-09');
    // the claim waiting and the books' lock are as they are now: they have no date to go back to
    expect(earlier.openMonths.months).toEqual([]);
  });

  it("shows the fund's money by source as its income and capital accounts, and the members' own share", async () => {
    const { dashboard, sql } = await fundOnTheDashboard();
    const [total] = sql<{ amount: number }>(`SELECT -sum(l.amount_satang) AS amount FROM welfare_journal_lines l JOIN welfare_accounts a ON a.id = l.account_id JOIN welfare_journal_entries e ON e.id = l.entry_id WHERE a.kind IN ('income', 'equity') AND e.entry_date <= ?`, TODAY);
    expect(dashboard.sources.total).toBe(total!.amount);
    const [own] = sql<{ amount: number }>(`SELECT -sum(l.amount_satang) AS amount FROM welfare_journal_lines l JOIN welfare_accounts a ON a.id = l.account_id WHERE a.report_line = 'memberContributions'`);
    expect(dashboard.sources.rows.find((row) => row.reportLine === 'memberContributions')?.amount).toBe(own!.amount);
    expect(dashboard.sources.rows.find((row) => row.reportLine === 'codiMatching')?.amount).toBe(1_500_000_00);
    expect(dashboard.sources.membersOwnShareBasisPoints).toBeGreaterThan(0);
  });

  it('counts current members, ended members by reason and current members per village, each person once', async () => {
    const { dashboard, sql } = await fundOnTheDashboard();
    // each person's latest membership begun by today: current when not ended before today
    const latest = `SELECT m.*, p.village_id FROM welfare_memberships m JOIN people p ON p.id = m.person_id
      WHERE m.start_date <= '${TODAY}' AND m.start_date = (SELECT max(x.start_date) FROM welfare_memberships x WHERE x.person_id = m.person_id AND x.start_date <= '${TODAY}')`;
    const [current] = sql<{ n: number }>(`SELECT count(*) AS n FROM (${latest}) WHERE end_date IS NULL OR end_date >= ?`, TODAY);
    expect(dashboard.members.current).toBe(current!.n);
    expect(dashboard.members.current).toBe(3); // กัญญ์ณัฏฐ์, ฐิติพงศ์, ณัฐวรรธน์
    const ended = sql<{ reason: string; n: number }>(`SELECT end_reason AS reason, count(*) AS n FROM (${latest}) WHERE end_date < ? GROUP BY end_reason`, TODAY);
    expect(dashboard.members.ended).toEqual({ resigned: 0, died: 0, lapsed: 0, expelled: 0, ...Object.fromEntries(ended.map((row) => [row.reason, row.n])) });
    expect(dashboard.members.ended).toEqual({ resigned: 1, died: 1, lapsed: 1, expelled: 0 });
    expect(dashboard.members.current + dashboard.members.endedTotal).toBe(dashboard.members.cumulative);
    const perVillage = sql<{ villageId: number; n: number }>(`SELECT village_id AS villageId, count(*) AS n FROM (${latest}) WHERE end_date IS NULL OR end_date >= ? GROUP BY village_id`, TODAY);
    for (const row of perVillage) expect(dashboard.members.byVillage.find((village) => village.villageId === row.villageId)?.current).toBe(row.n);
    expect(dashboard.members.byVillage.reduce((sum, village) => sum + village.current, 0)).toBe(current!.n);
  });

  it('has 24 months up to this month, each month as its journal lines, and the months without money as 0', async () => {
    const { dashboard, sql } = await fundOnTheDashboard();
    expect(dashboard.monthly).toHaveLength(24);
    expect(dashboard.monthly[0]!.month).toBe('2024-12');
    expect(dashboard.monthly.at(-1)!.month).toBe('2026-11');
    expect(dashboard.monthly.find((month) => month.month === '2026-10')!.label).toBe('ต.ค. 69');
    const sums = sql<{ month: string; contributions: number; benefits: number; expenses: number }>(
      `SELECT substr(e.entry_date, 1, 7) AS month,
              coalesce(-sum(l.amount_satang) FILTER (WHERE a.code = '4101'), 0) AS contributions,
              coalesce(sum(l.amount_satang) FILTER (WHERE a.code = '5101'), 0) AS benefits,
              coalesce(sum(l.amount_satang) FILTER (WHERE a.kind = 'expense' AND a.code <> '5101'), 0) AS expenses
       FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id
       WHERE e.entry_date BETWEEN '2024-12-01' AND ? GROUP BY month`,
      TODAY,
    );
    const byMonth = new Map(sums.map((row) => [row.month, row]));
    for (const month of dashboard.monthly) {
      const expected = byMonth.get(month.month) ?? { contributions: 0, benefits: 0, expenses: 0 };
      expect({ month: month.month, contributions: month.contributions, benefits: month.benefits, expenses: month.expenses }).toEqual({ month: month.month, contributions: expected.contributions, benefits: expected.benefits, expenses: expected.expenses });
    }
    // before the books began, and a month of the fund with no money moved, are there as 0
    expect(dashboard.monthly[0]).toMatchObject({ month: '2024-12', contributions: 0, benefits: 0, expenses: 0 });
    expect(dashboard.monthly.find((month) => month.month === '2026-03')).toMatchObject({ contributions: 0, benefits: 0, expenses: 0 });
    // November: of ณัฐวรรธน์'s 50 baht, 30 is November's contribution (the rest his entrance fee, not a contribution);
    // ปุณณ์ญาดา's 60 was voided in the month; his benefit was paid and voided in the month; the expense
    expect(dashboard.monthly.at(-1)).toMatchObject({ contributions: 30_00, benefits: 0, expenses: 487_50 });
  });

  it('shows arrears per village as the arrears list shows them', async () => {
    const { dashboard, call } = await fundOnTheDashboard();
    const list = await call<{ villages: { villageId: number; rows: { atLimit: boolean; owedSatang: number }[]; totalOwedSatang: number }[]; memberCount: number; totalOwedSatang: number }>('welfare.reports.arrears', { villageId: null, asOf: TODAY });
    expect(dashboard.arrears!.villages.map((village) => ({ villageId: village.villageId, members: village.memberCount, owed: village.owedSatang }))).toEqual(
      list.villages.map((village) => ({ villageId: village.villageId, members: village.rows.length, owed: village.totalOwedSatang })),
    );
    expect(dashboard.arrears!.totalOwedSatang).toBe(list.totalOwedSatang);
    expect(dashboard.arrears!.memberCount).toBeGreaterThan(0);
  });

  it('counts the claims waiting for approval, the months not yet closed and the members newly lapsed', async () => {
    const { dashboard, sql } = await fundOnTheDashboard();
    const [pending] = sql<{ n: number; amount: number }>("SELECT count(*) AS n, sum(amount_satang) AS amount FROM welfare_claims WHERE status = 'pending'");
    expect(dashboard.claimsWaiting).toEqual({ count: pending!.n, amountSatang: pending!.amount });
    expect(dashboard.claimsWaiting.count).toBe(1);
    // closed to 30 September: October is open; November is this month, not yet to close
    expect(dashboard.openMonths.lockDate).toBe('2026-09-30');
    expect(dashboard.openMonths.months).toEqual([{ month: '2026-10', label: 'ต.ค. 69' }]);
    const [lapsed] = sql<{ n: number }>("SELECT count(*) AS n FROM welfare_memberships WHERE end_reason = 'lapsed' AND end_date > date(?, '-30 days') AND end_date <= ?", TODAY, TODAY);
    expect(dashboard.newLapses.count).toBe(lapsed!.n);
    expect(dashboard.newLapses.count).toBe(1);
  });

  it('reads the changes made since it was last shown', async () => {
    const { call, dashboard, thiti, perNight } = await fundOnTheDashboard();
    await call('welfare.claims.create', { membershipId: thiti.id, benefitCode: perNight.code, eventDate: '2026-11-25', units: 1, evidence: perNight.evidence.map((item) => item.code) });
    const again = await call<Dashboard>('welfare.dashboard.get', { asOf: TODAY });
    expect(again.claimsWaiting.count).toBe(dashboard.claimsWaiting.count + 1);
  });

  it('lets the viewer see it but not act, and the treasurer act', async () => {
    const { app, call, refusal, dashboard } = await fundOnTheDashboard();
    expect(dashboard.mayAct).toBe(true);
    const viewer = await login(app, 'viewer');
    const seen = await call<Dashboard>('welfare.dashboard.get', { asOf: TODAY }, viewer);
    expect(seen.mayAct).toBe(false);
    expect(seen.claimsWaiting).toEqual(dashboard.claimsWaiting);
    // what the tiles lead to doing is refused to the viewer: closing a month, approving the claim waiting
    const closing = await refusal('welfare.books.lock', { lockDate: '2026-10-31' }, viewer);
    expect(closing.messageTh).toContain('ผู้ดูข้อมูล');
    const [claim] = app.database.sqlite.prepare("SELECT id FROM welfare_claims WHERE status = 'pending'").all() as { id: number }[];
    await refusal('welfare.claims.approve', { claimId: claim!.id, approvedBy: 'มติคณะกรรมการ ครั้งที่ 11/2569', approvalDate: '2026-11-30' }, viewer);
    const secretary = await login(app, 'secretary');
    expect((await call<Dashboard>('welfare.dashboard.get', {}, secretary)).mayAct).toBe(true);
  });
});

describe('an empty fund', () => {
  it('answers with an empty dashboard, not an error: no members, no books, no regulation', async () => {
    const app = tempApp(undefined, { now: () => new Date('2026-11-30T10:00:00+07:00') });
    await loadSampleTambon(app, generateSampleTambon({ size: 'small' }));
    const treasurer = await login(app, 'treasurer');
    const { call } = routerCalls(app, treasurer);
    const dashboard = await call<Dashboard>('welfare.dashboard.get', {});
    expect(dashboard.empty).toBe(true);
    expect(dashboard.asOf).toBe('2026-11-30');
    expect(dashboard.balances).toEqual({ accounts: [], total: 0 });
    expect(dashboard.members.current).toBe(0);
    expect(dashboard.monthly).toHaveLength(24);
    expect(dashboard.monthly.every((month) => month.contributions === 0 && month.benefits === 0 && month.expenses === 0)).toBe(true);
    expect(dashboard.arrears).toBeNull();
    expect(dashboard.openMonths.months).toEqual([]);
    expect(dashboard.claimsWaiting).toEqual({ count: 0, amountSatang: 0 });
    expect(dashboard.sources.total).toBe(0);
  });
});
