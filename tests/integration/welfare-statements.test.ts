// The fund's statements (issue 10) on a fund with two accounting years of work: each figure is held against SQL of
// the test's own over the journal, never against the code under test. Real SQLite through the router.
import { describe, expect, it } from 'vitest';
import { accountingPeriod, benefitsPaidByType, financialPosition, fundBySource, membersByCategoryAndVillage, receiptsAndPayments } from '../../main/welfare/statements';
import { fundWithTwoYears } from './welfare-statements-fund';

/** Independent: the other side of every entry in [from, to] that has a line on a cash or bank account, by account. */
function otherSideOfMoney(sql: <T>(query: string, ...params: unknown[]) => T[], from: string, to: string) {
  return sql<{ code: string; kind: string; total: number }>(
    `SELECT a.code, a.kind, sum(l.amount_satang) AS total
     FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id
     WHERE e.entry_date BETWEEN ? AND ? AND e.kind <> 'opening' AND a.report_line NOT IN ('cash', 'bank')
       AND e.id IN (SELECT l2.entry_id FROM welfare_journal_lines l2 JOIN welfare_accounts a2 ON a2.id = l2.account_id WHERE a2.report_line IN ('cash', 'bank'))
     GROUP BY a.code ORDER BY a.code`,
    from,
    to,
  );
}

describe('the shared figures (main/welfare/statements.ts)', () => {
  it('a month: receipts and payments are the journal entries of the month that moved money', async () => {
    const { context, sql } = await fundWithTwoYears();
    const period = accountingPeriod(context, 'month', '2026-11');
    expect(period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', label: { th: 'เดือนพฤศจิกายน 2569' } });
    const statement = receiptsAndPayments(context, period.from, period.to);
    const expected = otherSideOfMoney(sql, '2026-11-01', '2026-11-30');
    expect(statement.receipts.map((line) => [line.code, line.amount])).toEqual(expected.filter((row) => row.kind === 'income' || row.kind === 'equity').map((row) => [row.code, -row.total]));
    expect(statement.payments.map((line) => [line.code, line.amount])).toEqual(expected.filter((row) => row.kind === 'expense' || row.kind === 'asset').map((row) => [row.code, row.total]));
    const [money] = sql<{ before: number; after: number }>(
      `SELECT sum(CASE WHEN e.entry_date < '2026-11-01' THEN l.amount_satang ELSE 0 END) AS before, sum(CASE WHEN e.entry_date <= '2026-11-30' THEN l.amount_satang ELSE 0 END) AS after
       FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id WHERE a.report_line IN ('cash', 'bank')`,
    );
    expect(statement.opening.total).toBe(money!.before);
    expect(statement.closing.total).toBe(money!.after);
    expect(statement.opening.total + statement.totalReceipts - statement.totalPayments).toBe(statement.closing.total);
  });

  it('the financial position balances, and the other figures answer', async () => {
    const { context } = await fundWithTwoYears();
    const position = financialPosition(context, '2026-11-30');
    expect(position.totalReceiptSide).toBe(position.totalPaymentSide);
    expect(position.totalReceiptSide).toBeGreaterThan(0);
    expect(benefitsPaidByType(context, '2025-10-01', '2026-09-30', '2026-11-30')).toHaveLength(1);
    expect(fundBySource(context, '2026-11-30').total).toBe(position.totalReceiptSide);
    expect(membersByCategoryAndVillage(context, '2026-11-30')).toMatchObject({ cumulative: 4, current: 4 });
  });
});
