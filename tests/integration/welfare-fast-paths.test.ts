// The quick ways to the shared figures (issue 10, performance) give what the plain ways give: balances summed from
// the lines' covering index less the lines dated after the day, against the lines of the entries up to the day; every
// village's arrears read at once, against one village at a time; the dashboard's arrears tile against the list it
// opens. On the statements' fund of two years (a receipt voided, a voucher voided, an opening balance), on days
// before, inside and after its books. Real SQLite; nothing mocked.
import { describe, expect, it } from 'vitest';
import { collectionSheet } from '../../main/welfare/collection';
import { arrearsFigures, arrearsList } from '../../main/welfare/report-methods';
import { balancesUpTo, financialPosition, fundBySource, receiptsAndPayments, sumOfLinesUpTo } from '../../main/welfare/statements';
import { citizenId, fundWithTwoYears, TODAY } from './welfare-statements-fund';

/** Accounts with money on them, by id: an account at zero may be listed by one way and not the other. */
function held(balances: Map<number, number>): [number, number][] {
  return [...balances].filter(([, amount]) => amount !== 0).sort((a, b) => a[0] - b[0]);
}

/** Before the books, their first day, the year's edges, the voided receipt's day, the last entry's day, and after. */
const DAYS = ['2025-05-31', '2025-06-01', '2025-12-31', '2026-01-01', '2026-09-30', '2026-10-01', '2026-11-05', '2026-11-24', TODAY, '2027-01-31'];

describe('the quick ways to the shared figures', () => {
  it('balances from the covering index, less the lines dated after the day, equal the lines of the entries up to it on every day', async () => {
    const { context, sql, voidedReceipt } = await fundWithTwoYears();
    const lastEntry = sql<{ day: string }>('SELECT max(entry_date) AS day FROM welfare_journal_entries')[0]!.day;
    // the voided receipt and its void are both in the books: the void nets it out from its own date on
    expect(sql('SELECT 1 FROM welfare_receipts WHERE id = ? AND void_entry_id IS NOT NULL', voidedReceipt.id)).toHaveLength(1);
    expect(DAYS.some((day) => day < lastEntry) && DAYS.some((day) => day >= lastEntry)).toBe(true);
    for (const day of DAYS) {
      const quick = balancesUpTo(context, day);
      const plain = sumOfLinesUpTo(context, day);
      const own = sql<{ accountId: number; amount: number }>('SELECT l.account_id AS accountId, sum(l.amount_satang) AS amount FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id WHERE e.entry_date <= ? GROUP BY l.account_id', day);
      expect(held(quick), day).toEqual(held(plain));
      expect(held(quick), day).toEqual(held(new Map(own.map((row) => [row.accountId, row.amount]))));
      // the statements read the same from either
      expect(fundBySource(context, day, quick), day).toEqual(fundBySource(context, day, plain));
      expect(financialPosition(context, day, quick), day).toEqual(financialPosition(context, day, plain));
      expect(receiptsAndPayments(context, '2025-10-01', day < '2025-10-01' ? '2025-10-01' : day, day < '2025-10-01' ? balancesUpTo(context, '2025-10-01') : quick)).toEqual(
        receiptsAndPayments(context, '2025-10-01', day < '2025-10-01' ? '2025-10-01' : day, day < '2025-10-01' ? sumOfLinesUpTo(context, '2025-10-01') : plain),
      );
    }
    // the money held on the last day, as the dashboard shows it, is the sum of every cash and bank line
    const money = sql<{ total: number }>("SELECT sum(l.amount_satang) AS total FROM welfare_journal_lines l JOIN welfare_accounts a ON a.id = l.account_id WHERE a.report_line IN ('cash', 'bank')")[0]!.total;
    expect(fundBySource(context, TODAY).heldSatang).toBe(money);
  });

  it('every village read at once gives each village’s arrears as its own sheet does, and the dashboard counts the list’s rows', async () => {
    const { call, context, sql, admin, punya } = await fundWithTwoYears();
    // ended on the day (still listed that day), and a member with no village (on no village's list)
    await call('welfare.members.end', { membershipId: punya.id, endDate: '2026-11-20', reason: 'resigned', note: 'ย้ายไปอยู่กับลูกที่กรุงเทพฯ' });
    const nowhere = await call<{ id: number }>('people.persons.create', { title: 'นาย', firstName: 'ภูมิพัฒน์', lastName: 'อัครเศรษฐ์สกุล', citizenId: citizenId('190990012345') }, admin);
    const homeless = await call<{ id: number }>('welfare.members.join', { personId: nowhere.id, memberNumber: '0910', category: 'general', applicationDate: '2026-07-01', startDate: '2026-07-01' });
    const villages = sql<{ id: number }>('SELECT id FROM villages ORDER BY position, number');
    for (const day of ['2025-08-31', '2026-01-31', '2026-09-30', '2026-11-20', TODAY]) {
      const list = arrearsList(context, null, day);
      expect(list.memberCount, day).toBeGreaterThan(0);
      expect(list.villages.flatMap((village) => village.rows).some((row) => row.membershipId === homeless.id)).toBe(false);
      for (const village of villages) {
        const one = arrearsList(context, village.id, day).villages[0]!;
        const inAll = list.villages.find((section) => section.villageId === village.id);
        expect(inAll?.rows ?? [], `${day} village ${village.id}`).toEqual(one.rows);
        // and the list is the sheet's members who owe or have missed a period
        const sheet = collectionSheet(context, village.id, day);
        expect(one.rows.map((row) => [row.membershipId, row.owedSatang, row.missedCount])).toEqual(sheet.rows.filter((row) => row.owedSatang > 0 || row.missedCount > 0).map((row) => [row.membershipId, row.owedSatang, row.missedCount]));
      }
      const figures = arrearsFigures(context, day);
      expect(figures, day).toEqual({
        arrearsLimit: list.arrearsLimit,
        villages: list.villages.map((village) => ({ villageId: village.villageId, number: village.number, name: village.name, memberCount: village.rows.length, atLimitCount: village.rows.filter((row) => row.atLimit).length, nearLimitCount: village.rows.filter((row) => row.nearLimit).length, owedSatang: village.totalOwedSatang })),
        memberCount: list.memberCount,
        atLimitCount: list.atLimitCount,
        nearLimitCount: list.nearLimitCount,
        totalOwedSatang: list.totalOwedSatang,
      });
    }
  });
});
