// The fund's statements (issue 10) on a fund with two accounting years of work: each figure is held against SQL of
// the test's own over the journal, never against the code under test. Real SQLite through the router.
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../main/spreadsheets/exceljs';
import { formatSatang } from '../../main/documents/format';
import { printedText } from '../helpers/printed-text';
import { comparable } from '../documents/pdf-tools';
import { fundWithTwoYears } from './welfare-statements-fund';

type Sql = <T>(query: string, ...params: unknown[]) => T[];
interface Line {
  accountId: number;
  code: string;
  reportLine: string;
  name: string;
  amount: number;
}
interface Statement {
  from: string;
  to: string;
  opening: { cash: number; bank: number; total: number };
  receipts: Line[];
  payments: Line[];
  totalReceipts: number;
  totalPayments: number;
  closing: { cash: number; bank: number; total: number };
}
interface Period {
  from: string;
  to: string;
  label: { th: string; en: string };
}
interface Section {
  title: string;
  lines: Line[];
  total: number;
}
interface Annual {
  period: Period;
  statement: Statement;
  position: { asOf: string; receiptSide: Section[]; paymentSide: Section[]; totalReceiptSide: number; totalPaymentSide: number };
  benefits: { benefitCode: string; name: string; personsInPeriod: number; amountInPeriod: number; personsSinceFounding: number; amountSinceFounding: number }[];
  sources: { rows: { reportLine: string; name: string; amount: number }[]; total: number; membersOwnShareBasisPoints: number };
  members: { byCategory: { category: string; name: string; cumulative: number; current: number }[]; byVillage: { villageId: number | null; name: string; cumulative: number; current: number }[]; cumulative: number; current: number };
  lockDate: string | null;
  ended: boolean;
  closed: boolean;
}
interface Entries {
  entries: { entryId: number; date: string; document: string; description: string; amount: number }[];
  count: number;
  total: number;
}

/** Independent: the other side of every entry in [from, to] that has a line on a cash or bank account, by account. */
function otherSideOfMoney(sql: Sql, from: string, to: string) {
  return sql<{ code: string; kind: string; total: number }>(
    `SELECT a.code, a.kind, sum(l.amount_satang) AS total
     FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id
     WHERE e.entry_date BETWEEN ? AND ? AND e.kind <> 'opening' AND a.report_line NOT IN ('cash', 'bank')
       AND e.id IN (SELECT l2.entry_id FROM welfare_journal_lines l2 JOIN welfare_accounts a2 ON a2.id = l2.account_id WHERE a2.report_line IN ('cash', 'bank'))
     GROUP BY a.code HAVING sum(l.amount_satang) <> 0 ORDER BY a.code`,
    from,
    to,
  );
}

/** Independent: money held (cash and bank) at the end of a day, from the journal. */
function moneyAt(sql: Sql, day: string): number {
  return sql<{ total: number | null }>(
    `SELECT sum(l.amount_satang) AS total FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id
     WHERE a.report_line IN ('cash', 'bank') AND e.entry_date <= ?`,
    day,
  )[0]!.total ?? 0;
}

/** The statement's receipts and payments against the journal, and its money brought and carried forward. */
function expectStatementIsTheJournal(sql: Sql, statement: Statement) {
  const expected = otherSideOfMoney(sql, statement.from, statement.to);
  expect(statement.receipts.map((line) => [line.code, line.amount])).toEqual(expected.filter((row) => row.kind === 'income' || row.kind === 'equity').map((row) => [row.code, -row.total]));
  expect(statement.payments.map((line) => [line.code, line.amount])).toEqual(expected.filter((row) => row.kind === 'expense' || row.kind === 'asset').map((row) => [row.code, row.total]));
  expect(statement.totalReceipts).toBe(statement.receipts.reduce((sum, line) => sum + line.amount, 0));
  expect(statement.totalPayments).toBe(statement.payments.reduce((sum, line) => sum + line.amount, 0));
  const dayBefore = new Date(Date.parse(`${statement.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const openingEntries = sql<{ total: number | null }>(
    `SELECT sum(l.amount_satang) AS total FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id
     WHERE a.report_line IN ('cash', 'bank') AND e.kind = 'opening' AND e.entry_date BETWEEN ? AND ?`,
    statement.from,
    statement.to,
  )[0]!.total ?? 0;
  expect(statement.opening.total).toBe(moneyAt(sql, dayBefore) + openingEntries);
  expect(statement.closing.total).toBe(moneyAt(sql, statement.to));
  expect(statement.opening.cash + statement.opening.bank).toBe(statement.opening.total);
  expect(statement.opening.total + statement.totalReceipts - statement.totalPayments).toBe(statement.closing.total);
}

describe('รายงานรับ-จ่ายประจำเดือน', () => {
  it('a month is the sum of its journal entries; the receipt voided in the month and the voucher voided in it net out', async () => {
    const { call, sql, chart, natthawat, voidedReceipt } = await fundWithTwoYears();
    const { period, statement } = await call<{ period: Period; statement: Statement }>('welfare.statements.monthly', { month: '2026-11' });
    expect(period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', label: { th: 'เดือนพฤศจิกายน 2569', en: 'November 2026' } });
    expectStatementIsTheJournal(sql, statement);
    // ปุณณ์ญาดา's 60 baht of 5 November was voided on the 30th: only ณัฐวรรธน์'s 50 baht came from members
    const fromMembers = statement.receipts.filter((line) => line.code === '4101' || line.code === '4201').reduce((sum, line) => sum + line.amount, 0);
    expect(fromMembers).toBe(5_000);
    // his hospital benefit paid on the 20th was voided: no benefit line; the expense of 487.50 stays
    expect(statement.payments.map((line) => [line.code, line.amount])).toEqual([['5203', 487_50]]);
    // the cash banked on the 26th is neither a receipt nor a payment
    expect(statement.receipts.concat(statement.payments).some((line) => line.accountId === chart.get('1102'))).toBe(false);
    // the total drills down to the entries that make it, their sum equal to it
    const drilled = await call<Entries>('welfare.statements.entries', { accountIds: statement.receipts.map((line) => line.accountId), from: period.from, to: period.to, movedMoney: true, sign: -1 });
    expect(drilled.total).toBe(statement.totalReceipts);
    const voided = voidedReceipt.number;
    expect(drilled.entries.map((entry) => entry.document)).toEqual([`ใบเสร็จ 12/${voided}`, `ใบเสร็จ 12/${voided + 1}`, `ยกเลิกใบเสร็จ 12/${voided}`]);
    expect(drilled.entries.map((entry) => entry.amount)).toEqual([6_000, 5_000, -6_000]);
    const members = await call<{ cumulative: number; current: number }>('welfare.statements.members', { asOf: '2026-11-30' });
    expect(members).toMatchObject({ cumulative: 4, current: 4 });
    expect(natthawat.id).toBeGreaterThan(0);
  });

  it('prints the month with the screen’s figures, and its xlsx holds the same figures', async () => {
    const { call } = await fundWithTwoYears();
    const { statement } = await call<{ statement: Statement }>('welfare.statements.monthly', { month: '2026-11' });
    const printed = await call<{ pdfBase64: string; pages: number; fileName: string }>('welfare.statements.monthlyPrint', { month: '2026-11' });
    expect(printed.pages).toBe(1);
    const text = await printedText(printed.pdfBase64, 'monthly-statement');
    for (const expected of ['รายงานรับ-จ่ายประจำเดือนพฤศจิกายน 2569', 'ตั้งแต่วันที่ 1 พฤศจิกายน 2569 ถึงวันที่ 30 พฤศจิกายน 2569', ...statement.receipts.map((line) => `${line.name} ${formatSatang(line.amount)}`), `รวมรับ ${formatSatang(statement.totalReceipts)}`, `รวมจ่าย ${formatSatang(statement.totalPayments)}`, `รวมยอดยกมา ${formatSatang(statement.opening.total)}`, `รวมยอดยกไป ${formatSatang(statement.closing.total)}`]) {
      expect(text, expected).toContain(comparable(expected));
    }

    const exported = await call<{ fileName: string; contentBase64: string }>('welfare.statements.monthlyExport', { month: '2026-11' });
    expect(exported.fileName).toBe('รายงานรับ-จ่าย-2026-11.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: { section: string; code: string; name: string; satang: number }[] = [];
    sheet.eachRow((row, number) => {
      if (number <= 2) return; // the title and the header
      const cell = (index: number) => row.getCell(index).value;
      rows.push({ section: String(cell(1) ?? ''), code: String(cell(2) ?? ''), name: String(cell(3) ?? ''), satang: Math.round(Number(cell(4)) * 100) });
    });
    expect(rows.filter((row) => row.section === 'รายการรับ' && row.code).map((row) => [row.code, row.satang])).toEqual(statement.receipts.map((line) => [line.code, line.amount]));
    expect(rows.filter((row) => row.section === 'รายการจ่าย' && row.code).map((row) => [row.code, row.satang])).toEqual(statement.payments.map((line) => [line.code, line.amount]));
    expect(rows.find((row) => row.name === 'รวมรับ')!.satang).toBe(statement.totalReceipts);
    expect(rows.find((row) => row.name === 'รวมจ่าย')!.satang).toBe(statement.totalPayments);
    expect(rows.find((row) => row.name === 'รวมยอดยกมา')!.satang).toBe(statement.opening.total);
    expect(rows.find((row) => row.name === 'รวมยอดยกไป')!.satang).toBe(statement.closing.total);
  });

  it('refuses a month that is not one, a B.E. month, and a month outside the fund’s life, naming the field in Thai', async () => {
    const { refusal } = await fundWithTwoYears();
    const thirteen = await refusal('welfare.statements.monthly', { month: '2026-13' });
    expect(thirteen).toMatchObject({ field: 'month' });
    expect(thirteen.messageTh).toBe('เดือน "2026-13" ไม่ใช่เดือนที่มีจริง (ต้องเป็นเดือน 01–12 เช่น 2026-03)');
    expect((await refusal('welfare.statements.monthlyPrint', { month: '2569-11' })).messageTh).toBe('เดือน "2569-11" ใช้ปี พ.ศ. แต่ค่านี้ต้องเป็นปี ค.ศ. (เช่น 2026-11)');
    const before = await refusal('welfare.statements.monthlyExport', { month: '2024-01' });
    expect(before.field).toBe('month');
    expect(before.messageTh).toBe('เดือนมกราคม 2567 อยู่นอกช่วงที่กองทุนดำเนินงาน (ตั้งแต่ 1 พฤษภาคม 2568 ถึงวันนี้ 30 พฤศจิกายน 2569)');
    expect((await refusal('welfare.statements.monthly', { month: '2027-01' })).field).toBe('month');
  });
});

describe('งบรับ-จ่ายประจำปี', () => {
  it('a fiscal year runs 1 October to 30 September: the 30 September receipt and payout are in 2569, the 1 October ones in 2570', async () => {
    const { call, sql } = await fundWithTwoYears();
    const y2569 = await call<Annual>('welfare.statements.annual', { year: '2569' });
    expect(y2569.period).toMatchObject({ from: '2025-10-01', to: '2026-09-30', label: { th: 'ปีบัญชี 2569 (1 ตุลาคม 2568 – 30 กันยายน 2569)' } });
    expectStatementIsTheJournal(sql, y2569.statement);
    const y2570 = await call<Annual>('welfare.statements.annual', { year: 2570 });
    expect(y2570.period).toMatchObject({ from: '2026-10-01', to: '2027-09-30' });
    expectStatementIsTheJournal(sql, y2570.statement);
    expect(y2570.statement.opening).toEqual(y2569.statement.closing);
    // drilled: the edge days fall where they belong
    const datesIn = async (annual: Annual) =>
      (await call<Entries>('welfare.statements.entries', { accountIds: annual.statement.receipts.concat(annual.statement.payments).map((line) => line.accountId), from: annual.period.from, to: annual.period.to, movedMoney: true, sign: 1 })).entries.map((entry) => entry.date);
    const dates2569 = await datesIn(y2569);
    const dates2570 = await datesIn(y2570);
    expect(dates2569).toContain('2026-09-30');
    expect(dates2569).not.toContain('2026-10-01');
    expect(dates2570[0]).toBe('2026-10-01');
    // CODI's round came into the bank on 1 October: 2570, not 2569
    expect(y2570.statement.receipts.find((line) => line.code === '4103')?.amount).toBe(1_500_000_00);
    expect(y2569.statement.receipts.find((line) => line.code === '4103')).toBeUndefined();
    expect(y2569.ended).toBe(true);
    expect(y2570.ended).toBe(false);
  });

  it('a calendar year runs 1 January to 31 December: 31 December 2568 and 1 January 2569 fall apart', async () => {
    const { call, sql } = await fundWithTwoYears({ accountingYear: 'calendar' });
    const y2568 = await call<Annual>('welfare.statements.annual', { year: '2568' });
    expect(y2568.period).toMatchObject({ from: '2025-01-01', to: '2025-12-31', label: { th: 'ปีบัญชี 2568 (ปีปฏิทิน)' } });
    expectStatementIsTheJournal(sql, y2568.statement);
    const y2569 = await call<Annual>('welfare.statements.annual', { year: '2569' });
    expectStatementIsTheJournal(sql, y2569.statement);
    // 31 December: กัญญ์ณัฏฐ์'s 90 baht and the temple's 500 baht donation; 1 January: ปุณณ์ญาดา's 90 baht
    const members = (annual: Annual) => annual.statement.receipts.filter((line) => line.code === '4101' || line.code === '4201').reduce((sum, line) => sum + line.amount, 0);
    expect(members(y2568)).toBe(9_000);
    expect(y2568.statement.receipts.find((line) => line.code === '4202')?.amount).toBe(500_00);
    expect(y2569.statement.receipts.find((line) => line.code === '4202')).toBeUndefined();
    // the opening balance of 1 June 2568 is money brought forward, not a receipt
    expect(y2568.statement.opening.total).toBe(1_235_50 + 2_486_902_25);
    expect(y2569.statement.opening).toEqual(y2568.statement.closing);
  });

  it('the financial position balances, each side equal to the journal, and the benefits, sources and members answer as the records do', async () => {
    const { call, sql, thitiBenefit } = await fundWithTwoYears();
    const annual = await call<Annual>('welfare.statements.annual', { year: '2570' });
    const { position } = annual;
    expect(position.asOf).toBe('2027-09-30');
    expect(position.totalReceiptSide).toBe(position.totalPaymentSide);
    const balances = sql<{ kind: string; reportLine: string; total: number }>(
      `SELECT a.kind, a.report_line AS reportLine, sum(l.amount_satang) AS total FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id
       WHERE e.entry_date <= '2027-09-30' GROUP BY a.kind, a.report_line`,
    );
    const sumOf = (filter: (row: { kind: string; reportLine: string }) => boolean) => balances.filter(filter).reduce((sum, row) => sum + row.total, 0);
    expect(position.totalReceiptSide).toBe(-sumOf((row) => row.kind === 'income' || row.kind === 'equity'));
    expect(position.totalPaymentSide).toBe(sumOf((row) => row.kind === 'asset' || row.kind === 'expense'));
    expect(position.receiptSide.map((section) => section.title)).toEqual(['1. รายรับ', '2. รายได้', '3. ทุนกองทุน (ยอดยกมา)']);
    expect(position.paymentSide.map((section) => section.title)).toEqual(['1. สินทรัพย์/เงินคงเหลือ', '2. ค่าใช้จ่าย']);
    const benefitsLine = position.paymentSide[0]!.lines.find((line) => line.reportLine === 'benefits')!;
    expect(benefitsLine.amount).toBe(thitiBenefit.claim.amountSatang);

    // benefits: ฐิติพงศ์'s nights paid in 2569, ณัฐวรรธน์'s voided: nothing this year, one person since founding
    const y2569 = await call<Annual>('welfare.statements.annual', { year: '2569' });
    expect(y2569.benefits).toHaveLength(1);
    expect(y2569.benefits[0]).toMatchObject({ personsInPeriod: 1, amountInPeriod: thitiBenefit.claim.amountSatang, personsSinceFounding: 1, amountSinceFounding: thitiBenefit.claim.amountSatang });
    expect(y2569.benefits[0]!.name).not.toMatch(/^[a-z]/);
    expect(annual.benefits[0]).toMatchObject({ personsInPeriod: 0, amountInPeriod: 0, personsSinceFounding: 1 });

    // sources since founding: every income account and the capital brought forward; the members' own share
    const contributions = -sumOf((row) => row.reportLine === 'memberContributions');
    expect(annual.sources.total).toBe(position.totalReceiptSide);
    expect(annual.sources.rows.find((row) => row.reportLine === 'memberContributions')!.amount).toBe(contributions);
    expect(annual.sources.membersOwnShareBasisPoints).toBe(Math.round((contributions * 10000) / annual.sources.total));

    // members on 30 September 2569: three (ณัฐวรรธน์ joined in November), by category and village
    expect(y2569.members).toMatchObject({ cumulative: 3, current: 3 });
    expect(y2569.members.byCategory.find((row) => row.category === 'elderly')).toMatchObject({ name: 'ผู้สูงอายุ', cumulative: 1, current: 1 });
    const perVillage = sql<{ villageId: number; members: number }>("SELECT p.village_id AS villageId, count(DISTINCT m.person_id) AS members FROM welfare_memberships m JOIN people p ON p.id = m.person_id WHERE m.start_date <= '2026-09-30' GROUP BY p.village_id");
    for (const row of perVillage) expect(y2569.members.byVillage.find((village) => village.villageId === row.villageId)!.cumulative).toBe(row.members);
  });

  it('prints the annual statement with the screen’s figures, the two sides equal, and exports the same figures', async () => {
    const { call } = await fundWithTwoYears();
    const annual = await call<Annual>('welfare.statements.annual', { year: '2569' });
    const printed = await call<{ pdfBase64: string; pages: number }>('welfare.statements.annualPrint', { year: '2569' });
    const text = await printedText(printed.pdfBase64, 'annual-statement');
    for (const expected of [
      'งบรับ-จ่ายประจำปี',
      annual.period.label.th,
      `รวมรับ ${formatSatang(annual.statement.totalReceipts)}`,
      `รวมจ่าย ${formatSatang(annual.statement.totalPayments)}`,
      'รายงานฐานะการเงิน ณ วันที่ 30 กันยายน 2569',
      `รวมยอดบัญชีรายรับ ${formatSatang(annual.position.totalReceiptSide)} รวมยอดบัญชีรายจ่าย ${formatSatang(annual.position.totalPaymentSide)}`,
      formatSatang(annual.benefits[0]!.amountInPeriod),
      formatSatang(annual.sources.total),
      'สมาชิกสะสม',
    ]) {
      expect(text, expected).toContain(comparable(expected));
    }
    const exported = await call<{ contentBase64: string }>('welfare.statements.annualExport', { year: '2569' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['งบรับ-จ่าย', 'ฐานะการเงิน', 'สวัสดิการที่จ่าย', 'แหล่งที่มาของเงิน', 'สมาชิก']);
    const valueOf = (sheetName: string, name: string, column: number) => {
      let found: number | null = null;
      workbook.getWorksheet(sheetName)!.eachRow((row) => {
        if (row.values && (row.values as unknown[]).includes(name)) found = Number(row.getCell(column).value);
      });
      return found;
    };
    expect(Math.round(valueOf('งบรับ-จ่าย', 'รวมรับ', 4)! * 100)).toBe(annual.statement.totalReceipts);
    expect(Math.round(valueOf('ฐานะการเงิน', 'รวมยอดบัญชีรายรับ', 5)! * 100)).toBe(annual.position.totalReceiptSide);
    expect(Math.round(valueOf('ฐานะการเงิน', 'รวมยอดบัญชีรายจ่าย', 5)! * 100)).toBe(annual.position.totalPaymentSide);
    expect(Math.round(valueOf('แหล่งที่มาของเงิน', 'รวม', 2)! * 100)).toBe(annual.sources.total);
  });

  it('refuses a C.E. year, a year outside the fund’s life and a year with letters, naming the field in Thai; nothing is written', async () => {
    const { refusal, sql } = await fundWithTwoYears();
    const audits = () => sql<{ count: number }>('SELECT count(*) AS count FROM audit_log')[0]!.count;
    const before = audits();
    const christian = await refusal('welfare.statements.annual', { year: '2026' });
    expect(christian).toMatchObject({ field: 'year', messageTh: 'ปีบัญชี 2026 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (ค.ศ. 2026 คือ พ.ศ. 2569)' });
    const early = await refusal('welfare.statements.annualPrint', { year: '2560' });
    expect(early.field).toBe('year');
    expect(early.messageTh).toContain('อยู่นอกช่วงที่กองทุนดำเนินงาน (ตั้งแต่ 1 พฤษภาคม 2568');
    expect((await refusal('welfare.statements.annualExport', { year: '2575' })).field).toBe('year');
    expect((await refusal('welfare.statements.annual', { year: '25x9' })).messageTh).toBe('ปีบัญชี "25x9" ต้องเป็นปี พ.ศ. 4 หลัก (เช่น 2569)');
    const close = await refusal('welfare.statements.closeYear', { year: '2026' });
    expect(close.field).toBe('year');
    expect(audits()).toBe(before);
    expect(sql<{ lockDate: string | null }>('SELECT lock_date AS lockDate FROM welfare_books WHERE id = 1')[0]!.lockDate).toBeNull();
  });
});

describe('members by category and village (สมาชิกสะสม / สมาชิกปัจจุบัน)', () => {
  it('a person who resigned and joined again counts once, by the latest membership; one who died is no longer current', async () => {
    const { call, sql, kanya, punya } = await fundWithTwoYears();
    const personOf = (membershipId: number) => sql<{ personId: number }>('SELECT person_id AS personId FROM welfare_memberships WHERE id = ?', membershipId)[0]!.personId;
    await call('welfare.members.end', { membershipId: kanya.id, endDate: '2026-02-10', reason: 'resigned', note: 'ย้ายไปอยู่กับลูกที่กรุงเทพฯ' });
    await call('welfare.members.join', { personId: personOf(kanya.id), memberNumber: '0911', category: 'elderly', applicationDate: '2026-04-01', startDate: '2026-04-01' });
    await call('welfare.members.end', { membershipId: punya.id, endDate: '2026-08-20', reason: 'died', note: '' });
    type Members = { byCategory: { category: string; cumulative: number; current: number }[]; cumulative: number; current: number };
    // independent: people with a membership begun by the day, and those whose latest such membership is open that day
    const expected = (day: string) =>
      sql<{ cumulative: number; current: number }>(
        `SELECT count(*) AS cumulative, sum(CASE WHEN m.end_date IS NULL OR m.end_date >= ? THEN 1 ELSE 0 END) AS current FROM welfare_memberships m
         WHERE m.start_date <= ? AND m.start_date = (SELECT max(o.start_date) FROM welfare_memberships o WHERE o.person_id = m.person_id AND o.start_date <= ?)`,
        day,
        day,
        day,
      )[0]!;
    for (const day of ['2026-03-01', '2026-09-30']) {
      const members = await call<Members>('welfare.statements.members', { asOf: day });
      expect(members, day).toMatchObject(expected(day));
    }
    expect(await call<Members>('welfare.statements.members', { asOf: '2026-03-01' })).toMatchObject({ cumulative: 3, current: 2 });
    const september = await call<Members>('welfare.statements.members', { asOf: '2026-09-30' });
    expect(september).toMatchObject({ cumulative: 3, current: 2 });
    // กัญญ์ณัฏฐ์ rejoined as an older person: counted there, and no longer under บุคคลทั่วไป
    expect(september.byCategory.find((row) => row.category === 'elderly')).toMatchObject({ cumulative: 2, current: 2 });
    expect(september.byCategory.find((row) => row.category === 'general')).toMatchObject({ cumulative: 1, current: 0 });
  });
});

describe('closing a year (ปิดบัญชีปีนี้)', () => {
  it('closes an ended year through the books’ lock, then nothing can be posted into it; a year not ended is refused', async () => {
    const { call, refusal, sql, chart } = await fundWithTwoYears();
    const notEnded = await refusal('welfare.statements.closeYear', { year: '2570' });
    expect(notEnded).toMatchObject({ field: 'year', messageTh: 'ปีบัญชี 2570 ยังไม่สิ้นสุด (สิ้นสุดวันที่ 30 กันยายน 2570) ปิดบัญชีปีนี้ได้ตั้งแต่วันที่ 1 ตุลาคม 2570' });
    const annual = await call<Annual>('welfare.statements.annual', { year: '2569' });
    const closed = await call<{ lockDate: string; totalReceipts: number; totalPayments: number; closing: number }>('welfare.statements.closeYear', { year: '2569' });
    expect(closed).toMatchObject({ lockDate: '2026-09-30', totalReceipts: annual.statement.totalReceipts, totalPayments: annual.statement.totalPayments, closing: annual.statement.closing.total });
    expect(sql<{ lockDate: string }>('SELECT lock_date AS lockDate FROM welfare_books WHERE id = 1')[0]!.lockDate).toBe('2026-09-30');
    const audit = sql<{ after: string }>("SELECT after FROM audit_log WHERE entity = 'books' ORDER BY id DESC LIMIT 1")[0]!;
    expect(JSON.parse(audit.after)).toMatchObject({ lockDate: '2026-09-30', closedYear: '2569' });
    expect((await call<Annual>('welfare.statements.annual', { year: '2569' })).closed).toBe(true);
    // the last day of the closed year takes nothing more; the first day of the next does
    const late = await refusal('welfare.expenses.create', { expenseDate: '2026-09-30', accountCode: '5204', description: 'ค่าอาหารว่างประชุม', amountSatang: 300_00, recipientName: 'ร้านป้าแดง' });
    expect(late.messageTh).toContain('ปิดบัญชีถึงวันที่ 30 กันยายน 2569 แล้ว');
    await call('welfare.expenses.create', { expenseDate: '2026-10-01', accountCode: '5204', description: 'ค่าอาหารว่างประชุม', amountSatang: 300_00, recipientName: 'ร้านป้าแดง' });
    const again = await refusal('welfare.statements.closeYear', { year: '2569' });
    expect(again.messageTh).toBe('ปีบัญชี 2569 ปิดบัญชีแล้ว (ปิดบัญชีถึงวันที่ 30 กันยายน 2569)');
    expect(chart.size).toBeGreaterThan(0);
  });
});
