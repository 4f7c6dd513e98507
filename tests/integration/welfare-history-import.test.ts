// Years of a fund's history from Excel (issue 10), through the router on real SQLite: workbooks with totals known in
// advance in both contribution layouts; the posted totals equal the known ones, the books balance, the receipts keep
// their paper numbers and spend none of a real book's, a file with bad rows lists each with its reason and writes
// nothing, and the same file is not imported twice.
import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { readSpreadsheet } from '../../main/spreadsheets/read';
import { citizenIdOf, fiscalYearBE, HISTORY_CUT_OVER, HISTORY_FUND_START, historyMonthsFrom, historyWorkbook, monthlyPaymentsWorkbook, writeHistoryWorkbook, type ExistingPerson, type KnownHistory } from '../fixtures/welfare-history';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';

interface YearTotal {
  year: number;
  count: number;
  satang: number;
}
interface Preview {
  importId: string;
  sheets: { name: string; kind: string; headerRow: number; months: string[]; rows: number }[];
  problems: { sheet: string; rowNumber: number; column: string | null; th: string }[];
  problemCount: number;
  warnings: { sheet: string; rowNumber: number; column: string | null; th: string }[];
  warningCount: number;
  lapsing: { memberNumber: string; name: string; lastPaidOn: string | null; lapsedOn: string; reason: { th: string } }[];
  lapsingCount: number;
  totals: {
    members: { newPeople: number; matchedPeople: number; newMemberships: number; alreadyMembers: number };
    contributions: { count: number; satang: number; byYear: YearTotal[] };
    payouts: { count: number; satang: number; byBenefit: { code: string; satang: number }[] };
    openings: { code: string; paperSatang: number; historySatang: number; openingSatang: number }[];
  };
}

/** The sample tambon on 1 December 2026 with its regulation and one real receipt book, the treasurer logged in. */
async function fund() {
  const app = tempApp(undefined, { now: () => new Date('2026-12-01T10:00:00+07:00') });
  await loadSampleTambon(app, generateSampleTambon({ size: 'small' }));
  const session: ClientSession = { user: null };
  await app.router.call(session, 'office.auth.login', { username: 'treasurer', password: 'tambon1234' });
  const { call, refusal } = routerCalls(app, session);
  const preset = await call<Record<string, unknown>>('welfare.regulation.preset', { effectiveFrom: '2020-01-01' });
  await call('welfare.regulation.create', { ...preset, adoptedBy: 'มติที่ประชุมใหญ่สมาชิก ครั้งที่ 1/2563' });
  await call('welfare.receiptBooks.create', { bookNumber: '1', firstNumber: 1, lastNumber: 100 });
  const sqlite = app.database.sqlite;
  const one = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).get(...params) as T;
  const count = (table: string) => one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;
  // A person of the register with a citizen ID, and one whose name is unique in their village (matched without an ID).
  const existing = one<ExistingPerson>(
    'SELECT p.title, p.first_name AS firstName, p.last_name AS lastName, p.citizen_id AS citizenId, v.number AS village FROM people p JOIN villages v ON v.id = p.village_id WHERE p.citizen_id IS NOT NULL ORDER BY p.id LIMIT 1',
  );
  const sameNameAndVillage = one<ExistingPerson>(
    `SELECT p.title, p.first_name AS firstName, p.last_name AS lastName, NULL AS citizenId, v.number AS village FROM people p JOIN villages v ON v.id = p.village_id
     WHERE p.id > 10 AND (SELECT count(*) FROM people q WHERE q.first_name = p.first_name AND q.last_name = p.last_name AND q.village_id = p.village_id) = 1 ORDER BY p.id LIMIT 1`,
  );
  const preview = (file: KnownHistory, extra: object = {}) =>
    call<Preview>('welfare.history.preview', { fileName: file.fileName, contentBase64: file.bytes.toString('base64'), fundStart: file.fundStart, cutOverDate: file.cutOverDate, ...extra });
  return { app, call, refusal, one, count, existing, sameNameAndVillage, preview };
}

function expectTotals(preview: Preview, known: KnownHistory) {
  expect(preview.totals.members).toMatchObject({ newPeople: known.newPeople, matchedPeople: known.matchedPeople, newMemberships: known.memberships, alreadyMembers: 0 });
  expect(preview.totals.contributions.count).toBe(known.contributions.count);
  expect(preview.totals.contributions.satang).toBe(known.contributions.satang);
  expect(preview.totals.contributions.byYear.map((y) => [y.year, y.count, y.satang])).toEqual([...known.contributions.byYear].sort((a, b) => a[0] - b[0]).map(([year, t]) => [year, t.count, t.satang]));
  expect(preview.totals.payouts.satang).toBe(known.payouts.satang);
  expect(Object.fromEntries(preview.totals.payouts.byBenefit.map((b) => [b.code, b.satang]))).toEqual(Object.fromEntries(known.payouts.byBenefit));
  expect(Object.fromEntries(preview.totals.openings.map((o) => [o.code, o.paperSatang]))).toEqual({ '1101': known.openings.cash, '1102': known.openings.bank });
}

describe('history from Excel, a row per payment', () => {
  it('posts exactly the known totals, balanced, with the paper receipt numbers and no real receipt number spent', async () => {
    const f = await fund();
    const known = await historyWorkbook({ layout: 'payments', bad: false, existing: f.existing, sameNameAndVillage: f.sameNameAndVillage });
    const before = { people: f.count('people'), audit: f.count('audit_log') };
    const booksBefore = await f.call<{ receiptBooks: { bookNumber: string; nextNumber: number | null }[] }>('welfare.books.get', {});
    const preview = await f.preview(known);
    expect(preview.sheets.map((s) => s.kind)).toEqual(['members', 'payments', 'payouts', 'openings']);
    expect(preview.problems).toEqual([]);
    expectTotals(preview, known);

    const indexesBefore = f.app.database.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexesBefore.length).toBeGreaterThan(20);
    const done = await f.call<{ rowsWritten: number }>('welfare.history.commit', { importId: preview.importId });
    expect(done.rowsWritten).toBeGreaterThan(known.contributions.count * 5);
    expect(f.count('people')).toBe(before.people + known.newPeople);
    expect(f.count('welfare_memberships')).toBe(known.memberships);
    expect(f.count('audit_log')).toBe(before.audit + 1);
    // the books' indexes, dropped during the write and built again after it, are all there and whole
    const indexes = () => f.app.database.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes()).toEqual(indexesBefore);
    expect(f.app.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // Every entry balances; the trial balance is zero; the accounts hold the known totals (independent SQL).
    expect(f.one<{ n: number }>('SELECT count(*) AS n FROM (SELECT entry_id FROM welfare_journal_lines GROUP BY entry_id HAVING sum(amount_satang) <> 0)').n).toBe(0);
    const trial = await f.call<{ totalSatang: number; accounts: { code: string; balanceSatang: number }[] }>('welfare.books.trialBalance', { asOf: '2026-12-01' });
    expect(trial.totalSatang).toBe(0);
    const balance = (code: string) => f.one<{ s: number | null }>('SELECT sum(l.amount_satang) AS s FROM welfare_journal_lines l JOIN welfare_accounts a ON a.id = l.account_id WHERE a.code = ?', code).s ?? 0;
    expect(balance('4101')).toBe(-known.contributions.satang);
    expect(balance('5101')).toBe(known.payouts.satang);
    expect(balance('1101')).toBe(known.openings.cash);
    expect(balance('1102')).toBe(known.openings.bank);
    expect(f.one<{ n: number }>("SELECT count(*) AS n FROM welfare_journal_lines WHERE benefit_code = 'death'").n).toBe(1);
    for (const [year, total] of known.contributions.byYear) {
      const from = `${year - 544}-10-01`;
      const to = `${year - 543}-09-30`;
      const posted = f.one<{ s: number }>("SELECT -sum(l.amount_satang) AS s FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id WHERE a.code = '4101' AND e.entry_date BETWEEN ? AND ?", from, to).s;
      expect([year, posted]).toEqual([year, total.satang]);
      expect(fiscalYearBE(from)).toBe(year);
    }

    // The receipts: marked as history, each with its paper book and number, and the real book's next number unchanged.
    const paper = f.app.database.sqlite.prepare('SELECT paper_book AS book, paper_number AS number, total_satang AS total FROM welfare_receipts WHERE history_import_id IS NOT NULL').all() as { book: string; number: string; total: number }[];
    expect(new Map(paper.map((p) => [`${p.book}/${p.number}`, p.total]))).toEqual(known.paperReceipts);
    const booksAfter = await f.call<{ receiptBooks: { bookNumber: string; nextNumber: number | null }[] }>('welfare.books.get', {});
    expect(booksAfter.receiptBooks).toEqual(booksBefore.receiptBooks);
    expect(booksAfter.receiptBooks.find((b) => b.bookNumber === '1')!.nextNumber).toBe(1);

    // A member's statement shows the history with the paper receipt numbers.
    const first = f.one<{ id: number }>("SELECT id FROM welfare_memberships WHERE member_number = '0001'");
    const statement = await f.call<{ passbook: { receipt?: string | null }[] }>('welfare.members.statement', { membershipId: first.id, asOf: '2023-09-30' });
    expect(JSON.stringify(statement.passbook)).toContain('1/001');
    const died = f.one<{ endDate: string; endReason: string }>("SELECT end_date AS endDate, end_reason AS endReason FROM welfare_memberships WHERE member_number = '0006'");
    expect(died).toEqual({ endDate: '2023-06-20', endReason: 'died' });

    // Told before posting: the open members whose history stops in 2566 lapse at the next lapse pass (today is
    // 1 Dec 2569), each on the day the lapse pass then records.
    expect(preview.lapsing.map((m) => m.memberNumber).sort()).toEqual(['0001', '0002', '0003', '0004', '0005']);
    expect(preview.lapsingCount).toBe(5);
    expect(preview.lapsing.find((m) => m.memberNumber === '0001')).toMatchObject({ name: 'นางสาวปุณณ์ญาดา ศรีสุขสวัสดิ์', lastPaidOn: '2023-09-25' });
    for (const member of preview.lapsing) expect(member.lapsedOn > HISTORY_CUT_OVER && member.lapsedOn <= '2026-12-01').toBe(true);
    const lapses = await f.call<{ lapsed: { memberNumber: string; lapsedOn: string }[] }>('welfare.members.applyLapses', {});
    expect(new Map(lapses.lapsed.map((m) => [m.memberNumber, m.lapsedOn]))).toEqual(new Map(preview.lapsing.map((m) => [m.memberNumber, m.lapsedOn])));

    // The same file again is refused before anything is read twice.
    const again = await f.refusal('welfare.history.preview', { fileName: known.fileName, contentBase64: known.bytes.toString('base64'), fundStart: known.fundStart, cutOverDate: known.cutOverDate });
    expect(again.code).toBe('CONFLICT');
    expect(again.messageTh).toContain('นำเข้าไฟล์นี้ไปแล้ว');
  });

  it('lists every bad row with its row number and Thai reason, offers them as xlsx, and writes nothing', async () => {
    const f = await fund();
    const known = await historyWorkbook({ layout: 'payments', bad: true, existing: f.existing, sameNameAndVillage: f.sameNameAndVillage });
    const before = { people: f.count('people'), entries: f.count('welfare_journal_entries'), receipts: f.count('welfare_receipts'), audit: f.count('audit_log') };
    const preview = await f.preview(known);
    expect(preview.problems.map((p) => [p.sheet, p.rowNumber])).toEqual(known.badRows.map((b) => [b.sheet, b.rowNumber]));
    preview.problems.forEach((problem, index) => expect(problem.th).toContain(known.badRows[index]!.reason));
    // the good rows still add up to the known totals, so the treasurer sees what the fixed file will post
    expect(preview.totals.contributions.satang).toBe(known.contributions.satang);

    const download = await f.call<{ contentBase64: string; rows: number }>('welfare.history.errorRows', { importId: preview.importId });
    expect(download.rows).toBe(known.badRows.length);
    // the refused rows hold names and citizen IDs: taking them out is logged as an export (PDPA)
    const exported = f.one<{ userId: number; after: string }>("SELECT user_id AS userId, after FROM audit_log WHERE entity = 'export' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(exported.after)).toEqual({ list: 'history-import-refused-rows', fileName: known.fileName, rows: known.badRows.length });
    expect(exported.userId).toBe(f.one<{ id: number }>("SELECT id FROM users WHERE username = 'treasurer'").id);
    before.audit += 1;
    const sheet = await readSpreadsheet(Buffer.from(download.contentBase64, 'base64'), { fileName: 'errors.xlsx' });
    expect(sheet.table.rows.slice(1).map((row) => row[1])).toEqual(known.badRows.map((b) => b.rowNumber));

    const refused = await f.refusal('welfare.history.commit', { importId: preview.importId });
    expect(refused.messageTh).toContain('ไม่มีการบันทึกข้อมูลใด ๆ');
    expect({ people: f.count('people'), entries: f.count('welfare_journal_entries'), receipts: f.count('welfare_receipts'), audit: f.count('audit_log') }).toEqual(before);
  });
});

describe('history from Excel, rows taken with a note to check', () => {
  it('a year typed in C.E. and a missing title are taken, each listed with its row and column for the treasurer to check', async () => {
    const f = await fund();
    const bytes = await writeHistoryWorkbook([
      {
        name: 'สมาชิก',
        rows: [
          ['เลขทะเบียนสมาชิก', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเกิด', 'เลขประจำตัวประชาชน', 'หมู่ที่', 'วันเริ่มเป็นสมาชิก'],
          ['0001', 'นางสาว', 'ปุณณ์ญาดา', 'ศรีสุขสวัสดิ์', 'หญิง', '02/02/2530', citizenIdOf('110170020345'), 1, '01/10/2563'],
          ['0002', null, 'ณัฐวุฒิ์', 'ใจบุญ', 'ชาย', '14/07/2501', citizenIdOf('340990012345'), 2, '15/01/2021'],
        ],
      },
      {
        name: 'รับเงินสมทบ',
        rows: [
          ['เลขทะเบียนสมาชิก', 'วันที่รับเงิน', 'จำนวนเงิน', 'เล่มที่', 'เลขที่ใบเสร็จ'],
          ['0001', '25/10/2563', 30, '1', '001'],
          ['0001', '25/11/2020', 30, '1', '002'],
          ['0002', '25/01/2564', 30, '1', '003'],
        ],
      },
    ]);
    const file = { fileName: 'ปีปนกัน.xlsx', bytes, fundStart: HISTORY_FUND_START, cutOverDate: HISTORY_CUT_OVER } as KnownHistory;
    const preview = await f.preview(file);
    expect(preview.problems).toEqual([]);
    expect(preview.totals.contributions).toMatchObject({ count: 3, satang: 9000 });
    expect(preview.warningCount).toBe(3);
    expect(preview.warnings.map((w) => [w.sheet, w.rowNumber, w.column])).toEqual([
      ['สมาชิก', 3, null],
      ['สมาชิก', 3, 'วันเริ่มเป็นสมาชิก'],
      ['รับเงินสมทบ', 3, 'วันที่รับเงิน'],
    ]);
    expect(preview.warnings[0]!.th).toContain('ไม่มีคำนำหน้าชื่อ ใช้ "นาย"');
    expect(preview.warnings[1]!.th).toContain('ปี 2021 เป็นปี ค.ศ.');
    expect(preview.warnings[2]!.th).toContain('"25/11/2020": ปี 2020 เป็นปี ค.ศ.');
    // taken as read: the C.E. payment is posted on 25 November 2020
    await f.call('welfare.history.commit', { importId: preview.importId });
    expect(f.one<{ n: number }>("SELECT count(*) AS n FROM welfare_receipts WHERE receipt_date = '2020-11-25'").n).toBe(1);
  });
});

describe('history from Excel, a row per member with a column per month', () => {
  it('reads the month headings in their several spellings and posts the known totals', async () => {
    const f = await fund();
    const known = await historyWorkbook({ layout: 'monthly', bad: false, existing: f.existing, sameNameAndVillage: f.sameNameAndVillage });
    const preview = await f.preview(known);
    const monthly = preview.sheets.find((s) => s.kind === 'monthly')!;
    expect(monthly.months).toEqual(['2022-10', '2022-11', '2022-12', '2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09']);
    expect(monthly.headerRow).toBe(2);
    expect(preview.problems).toEqual([]);
    expectTotals(preview, known);
    await f.call('welfare.history.commit', { importId: preview.importId });
    expect(f.one<{ s: number }>("SELECT -sum(l.amount_satang) AS s FROM welfare_journal_lines l JOIN welfare_accounts a ON a.id = l.account_id WHERE a.code = '4101'").s).toBe(known.contributions.satang);
    expect(f.one<{ n: number }>('SELECT count(*) AS n FROM welfare_receipts WHERE history_import_id IS NOT NULL AND paper_number IS NULL').n).toBe(known.contributions.count);
    const trial = await f.call<{ totalSatang: number }>('welfare.books.trialBalance', { asOf: '2026-12-01' });
    expect(trial.totalSatang).toBe(0);
  });

  it('refuses a cell that is not money and a member who is not one, naming the row', async () => {
    const f = await fund();
    const known = await historyWorkbook({ layout: 'monthly', bad: true, existing: f.existing, sameNameAndVillage: f.sameNameAndVillage });
    const before = f.count('welfare_journal_entries');
    const preview = await f.preview(known);
    expect(preview.problems.map((p) => [p.sheet, p.rowNumber])).toEqual(known.badRows.map((b) => [b.sheet, b.rowNumber]));
    preview.problems.forEach((problem, index) => expect(problem.th).toContain(known.badRows[index]!.reason));
    expect(preview.problems.find((p) => p.th.includes('ไม่ใช่ตัวเลข'))!.column).toBe('ต.ค. 65');
    await f.refusal('welfare.history.commit', { importId: preview.importId });
    expect(f.count('welfare_journal_entries')).toBe(before);
  });
});

describe('history import, stopped', () => {
  it('a cancelled commit writes nothing, and the same preview can then be posted', async () => {
    const f = await fund();
    const known = await historyWorkbook({ layout: 'payments', bad: false, existing: f.existing, sameNameAndVillage: f.sameNameAndVillage });
    const preview = await f.preview(known);
    const before = { people: f.count('people'), entries: f.count('welfare_journal_entries'), receipts: f.count('welfare_receipts'), imports: f.count('welfare_history_imports') };
    const stop = new AbortController();
    stop.abort();
    const cancelled = await f.refusal('welfare.history.commit', { importId: preview.importId }, undefined, { signal: stop.signal });
    expect(cancelled.code).toBe('CANCELLED');
    expect(cancelled.messageTh).toContain('ไม่มีการบันทึกข้อมูลใด ๆ');
    expect({ people: f.count('people'), entries: f.count('welfare_journal_entries'), receipts: f.count('welfare_receipts'), imports: f.count('welfare_history_imports') }).toEqual(before);
    await f.call('welfare.history.commit', { importId: preview.importId });
    expect(f.count('welfare_history_imports')).toBe(1);
    expect(f.count('welfare_receipts')).toBe(known.contributions.count);
  });

  it('a commit cancelled while the writer is at work writes nothing', async () => {
    const f = await fund();
    // Every person of the sample a member, three years paid monthly: 10,800 payments, streamed to the writer in
    // batches that are built only as it takes them, so a cancel on its first report reaches it mid-write.
    const people = f.app.database.sqlite
      .prepare('SELECT p.title, p.first_name AS firstName, p.last_name AS lastName, p.citizen_id AS citizenId, v.number AS village FROM people p JOIN villages v ON v.id = p.village_id WHERE p.citizen_id IS NOT NULL ORDER BY p.id')
      .all() as ExistingPerson[];
    const workbook = await monthlyPaymentsWorkbook(people, historyMonthsFrom('2020-10-01'));
    expect(workbook.payments).toBeGreaterThan(8_000);
    const preview = await f.call<Preview>('welfare.history.preview', { fileName: 'สามปี.xlsx', contentBase64: workbook.bytes.toString('base64'), fundStart: HISTORY_FUND_START, cutOverDate: HISTORY_CUT_OVER });
    expect(preview.problemCount).toBe(0);
    const before = { people: f.count('people'), entries: f.count('welfare_journal_entries'), lines: f.count('welfare_journal_lines'), receipts: f.count('welfare_receipts'), imports: f.count('welfare_history_imports') };
    const stop = new AbortController();
    const reports: number[] = [];
    const progress = (report: { done: number }) => {
      reports.push(report.done);
      stop.abort();
    };
    const cancelled = await f.refusal('welfare.history.commit', { importId: preview.importId }, undefined, { signal: stop.signal, progress });
    expect(reports.length).toBeGreaterThan(0);
    expect(cancelled.code).toBe('CANCELLED');
    expect({ people: f.count('people'), entries: f.count('welfare_journal_entries'), lines: f.count('welfare_journal_lines'), receipts: f.count('welfare_receipts'), imports: f.count('welfare_history_imports') }).toEqual(before);
    // the same preview then posts whole
    await f.call('welfare.history.commit', { importId: preview.importId });
    expect(f.count('welfare_receipts') - before.receipts).toBe(workbook.payments);
  });
});
