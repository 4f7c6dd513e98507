// The welfare fund on the large sample (DESIGN.md targets): 20,000 members since 2017 with ten years of monthly
// contributions (2.4 M receipt lines, on one receipt a year each) and 50,000 benefits paid with vouchers, each figure
// beside the bare query in the same run.
// Targets: one village's collection sheet < 50 ms; a member's statement query < 20 ms; a collection-day save of
// 1,000 payments < 1 s; judging a claim < 5 ms.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createApp, type App } from '../../main/app';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { arrearsFigures, arrearsList } from '../../main/welfare/report-methods';
import { welfareDashboard } from '../../main/welfare/dashboard';
import { oneYearMembers } from '../../main/welfare/codi-forms';
import { balancesUpTo, benefitsPaidByType, financialPosition, fundBySource, membersByCategoryAndVillage, receiptsAndPayments } from '../../main/welfare/statements';
import { formatMs, makeTempDir, measurePair, pairRow, skippedRow, type BenchRow } from './measure';

async function callOk<T>(app: App, session: ClientSession, method: string, input: unknown): Promise<T> {
  const result = await app.router.call(session, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.messageEn}`);
  return result.value as T;
}

const MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const FIRST_YEAR = 2017;
const LAST_YEAR = 2026;

/**
 * Ten years of contributions, written straight into the books as the app would post them (a fixture, not a test):
 * one receipt a year per member for the whole year, on 15 January — or, for one member in five, on 10 March, so that
 * January and February are paid late and the summaries are not all one run of periods paid on time.
 */
export function fillBooks(app: App, memberIds: number[]): number {
  const sqlite = app.database.sqlite;
  const account = (code: string) => (sqlite.prepare('SELECT id FROM welfare_accounts WHERE code = ?').get(code) as { id: number }).id;
  const cash = account('1101');
  const contributions = account('4101');
  const book = (sqlite.prepare("INSERT INTO welfare_receipt_books (book_number, first_number, last_number, created_at) VALUES ('ย้อนหลัง', 1, 999999, '2016-01-01') RETURNING id").get() as { id: number }).id;
  const entry = sqlite.prepare("INSERT INTO welfare_journal_entries (entry_date, kind, description, created_at) VALUES (?, 'receipt', ?, ?) RETURNING id");
  const line = sqlite.prepare('INSERT INTO welfare_journal_lines (entry_id, account_id, amount_satang, membership_id) VALUES (?, ?, ?, ?)');
  const receipt = sqlite.prepare('INSERT INTO welfare_receipts (book_id, number, receipt_date, membership_id, payer_name, total_satang, entry_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id');
  const receiptLine = sqlite.prepare("INSERT INTO welfare_receipt_lines (receipt_id, kind, period, description, amount_satang, account_id, position) VALUES (?, 'contribution', ?, ?, 3000, ?, ?)");
  let number = 0;
  let lines = 0;
  sqlite.transaction(() => {
    for (const membershipId of memberIds) {
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        const date = membershipId % 5 === 0 ? `${year}-03-10` : `${year}-01-15`;
        const entryId = (entry.get(date, `receipt ${membershipId}/${year}`, date) as { id: number }).id;
        line.run(entryId, cash, 36_000, membershipId);
        line.run(entryId, contributions, -36_000, membershipId);
        const receiptId = (receipt.get(book, ++number, date, membershipId, 'สมาชิก', 36_000, entryId, date) as { id: number }).id;
        for (let month = 1; month <= 12; month++) {
          receiptLine.run(receiptId, `${year}-${String(month).padStart(2, '0')}`, `เงินสมทบ ${MONTHS[month - 1]} ${String(year + 543).slice(2)}`, contributions, month - 1);
          lines++;
        }
      }
    }
  })();
  return lines;
}

/** Benefits paid over the ten years: a claim approved and paid with a voucher through the books, as claims-methods posts it. */
export function fillPayouts(app: App, memberIds: number[], benefitCode: string, count: number): void {
  const sqlite = app.database.sqlite;
  const account = (code: string) => (sqlite.prepare('SELECT id FROM welfare_accounts WHERE code = ?').get(code) as { id: number }).id;
  const cash = account('1101');
  const benefits = account('5101');
  const claim = sqlite.prepare("INSERT INTO welfare_claims (membership_id, benefit_code, event_date, units, evidence, status, amount_satang, judgement, created_at) VALUES (?, ?, ?, 2, '[]', 'paid', ?, '{}', ?) RETURNING id");
  const entry = sqlite.prepare("INSERT INTO welfare_journal_entries (entry_date, kind, description, created_at) VALUES (?, 'payout', ?, ?) RETURNING id");
  const line = sqlite.prepare('INSERT INTO welfare_journal_lines (entry_id, account_id, amount_satang, membership_id, benefit_code) VALUES (?, ?, ?, ?, ?)');
  const payout = sqlite.prepare("INSERT INTO welfare_payouts (voucher_number, payout_date, claim_id, recipient_name, total_satang, entry_id, created_at) VALUES (?, ?, ?, 'สมาชิก', ?, ?, ?) RETURNING id");
  const payoutLine = sqlite.prepare('INSERT INTO welfare_payout_lines (payout_id, description, amount_satang, account_id, position) VALUES (?, ?, ?, ?, 0)');
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const membershipId = memberIds[(i * 7919) % memberIds.length]!;
      const day = new Date(Date.UTC(FIRST_YEAR, 1, 1) + ((i * 104_729) % (9 * 365)) * 86_400_000).toISOString().slice(0, 10);
      const amount = 20_000 + (i % 10) * 10_000;
      const claimId = (claim.get(membershipId, benefitCode, day, amount, day) as { id: number }).id;
      const entryId = (entry.get(day, `สวัสดิการ ${benefitCode} ${membershipId}`, day) as { id: number }).id;
      line.run(entryId, benefits, amount, membershipId, benefitCode);
      line.run(entryId, cash, -amount, membershipId, null);
      const payoutId = (payout.get(i + 1, day, claimId, amount, entryId, day) as { id: number }).id;
      payoutLine.run(payoutId, `สวัสดิการ ${benefitCode}`, amount, benefits);
    }
  })();
}

/**
 * CPU milliseconds per call of `work` (this process, user + system), beside the wall-clock medians: on a machine
 * shared with other work the wall clock also counts the time spent waiting for a core.
 */
async function cpuPerCall(work: () => unknown, calls: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}

function timeOnce(work: () => unknown): number {
  const begun = performance.now();
  work();
  return performance.now() - begun;
}

/** The large fund: every person of the large sample a member since 2017, ten years of contributions, 50,000 benefits paid. */
async function largeFund(app: App) {
  const data = generateSampleTambon({ size: 'large' });
  const { adminSession } = await loadSampleTambon(app, data);
  const preset = await callOk<{ contributions: { arrears: { limit: number | null } }; benefitTypes: { code: string; payment: { kind: string }; evidence: { code: string }[] }[] }>(app, adminSession, 'welfare.regulation.preset', { effectiveFrom: '2015-01-01' });
  // The preset's arrears rule stands (three missed in a row): lapses are looked for before every save.
  await callOk(app, adminSession, 'welfare.regulation.create', preset);
  await callOk(app, adminSession, 'welfare.receiptBooks.create', { bookNumber: '1', firstNumber: 1, lastNumber: 99_999 });
  // 20,000 members since 2017: every person of the large sample, through the same table the app writes (a volume
  // fixture: the year of birth is not looked at).
  const started = performance.now();
  const insert = app.database.sqlite.prepare(`INSERT INTO welfare_memberships (person_id, member_number, category, application_date, start_date, created_at, updated_at) VALUES (?, ?, 'general', '${FIRST_YEAR}-01-01', '${FIRST_YEAR}-01-01', '2016-12-01', '2016-12-01') RETURNING id`);
  const memberIds = app.database.sqlite.transaction(() => data.people.map((person, index) => (insert.get(person.id, String(index + 1).padStart(5, '0')) as { id: number }).id))();
  const lines = fillBooks(app, memberIds);
  const perNight = preset.benefitTypes.find((benefit) => benefit.payment.kind === 'perDay')!;
  const payouts = 50_000;
  fillPayouts(app, memberIds, perNight.code, payouts);
  const buildSeconds = (performance.now() - started) / 1000;
  const fixture = `${memberIds.length.toLocaleString('en-US')} members, ${lines.toLocaleString('en-US')} receipt lines, ${payouts.toLocaleString('en-US')} paid claims with vouchers, built in ${buildSeconds.toFixed(1)} s`;

  return { adminSession, memberIds, perNight, fixture };
}

/**
 * The annual statement of fiscal year 2569 through the router (receipts and payments, the financial position on
 * 30 September, benefits by type, money by source, members by category and village) beside the bare query that
 * sums the journal's lines by account up to that day.
 */
async function annualStatementRow(app: App, session: ClientSession): Promise<BenchRow> {
  const bare = app.database.sqlite.prepare('SELECT l.account_id, sum(l.amount_satang) FROM welfare_journal_entries e JOIN welfare_journal_lines l ON l.entry_id = e.id WHERE e.entry_date <= ? GROUP BY l.account_id');
  const annual = await measurePair(
    () => callOk(app, session, 'welfare.statements.annual', { year: '2569' }),
    () => bare.all('2026-09-30'),
    { warmup: 2, samples: 10 },
  );
  const annualCpu = await cpuPerCall(() => callOk(app, session, 'welfare.statements.annual', { year: '2569' }), 3);
  // where the time goes, one warm run of each part
  const context = { db: app.database.db, sqlite: app.database.sqlite, now: () => new Date('2026-11-30T09:00:00+07:00') };
  const balances = balancesUpTo(context, '2026-09-30');
  const parts = [
    ['balances to 30 Sep', () => balancesUpTo(context, '2026-09-30')],
    ['receipts and payments', () => receiptsAndPayments(context, '2025-10-01', '2026-09-30', balances)],
    ['position', () => financialPosition(context, '2026-09-30', balances)],
    ['benefits', () => benefitsPaidByType(context, '2025-10-01', '2026-09-30', '2026-09-30')],
    ['sources', () => fundBySource(context, '2026-09-30', balances)],
    ['members', () => membersByCategoryAndVillage(context, '2026-09-30')],
  ] as const;
  const breakdown = parts.map(([name, work]) => `${name} ${formatMs(timeOnce(work))}`).join(', ');
  return pairRow('annual statement of fiscal 2569 (receipts and payments, position, benefits, sources, members) vs bare sum of the journal lines by account to 30 Sep', annual, `target < 500 ms; CPU ${formatMs(annualCpu)} a call; parts: ${breakdown}`);
}

/** Only the annual statement on the large fund (`npm run bench -- --only welfare-statements`). */
export async function benchWelfareStatements(): Promise<BenchRow[]> {
  const temp = makeTempDir('welfare-statements');
  const app = createApp(path.join(temp.dir, 'tambon-desk.sqlite'), { now: () => new Date('2026-11-30T09:00:00+07:00') });
  try {
    const { adminSession, fixture } = await largeFund(app);
    const row = await annualStatementRow(app, adminSession);
    return [{ ...row, note: `${row.note}; ${fixture}` }];
  } finally {
    app.close();
    temp.remove();
  }
}

/** `npm run bench -- --only welfare --part dashboard`: the fixture and the dashboard rows only. */
const onlyPart = process.argv.includes('--part') ? process.argv[process.argv.indexOf('--part') + 1] : undefined;

/**
 * The welfare dashboard's data (every tile and the 24-month chart) computed afresh, beside the bare read of what its
 * arrears tile reads (every open member with the paid summary) and the bare sums of the chart's journal lines; the
 * router's answer when nothing changed since (the "วันนี้" page, then the tab); and the memory of a process of its own
 * that opens the large fund and computes the dashboard, as the main process does. Targets: < 200 ms; < 400 MB.
 */
async function benchDashboard(app: App, session: ClientSession, databasePath: string): Promise<BenchRow[]> {
  const context = { db: app.database.db, sqlite: app.database.sqlite, now: () => new Date('2026-11-30T09:00:00+07:00') };
  const bareMembers = app.database.sqlite.prepare('SELECT m.*, p.first_name, p.last_name, p.village_id, s.summary FROM welfare_memberships m JOIN people p ON p.id = m.person_id LEFT JOIN welfare_paid s ON s.membership_id = m.id WHERE m.end_date IS NULL');
  const bareMonthly = app.database.sqlite.prepare(
    `SELECT substr(e.entry_date, 1, 7) AS month, l.account_id, sum(l.amount_satang) FROM welfare_journal_entries e JOIN welfare_journal_lines l ON l.entry_id = e.id
     WHERE e.entry_date BETWEEN '2024-12-01' AND '2026-11-30' GROUP BY month, l.account_id`,
  );
  const afresh = () => welfareDashboard(context, '2026-11-30');
  const parts = {
    arrears: () => arrearsFigures(context, '2026-11-30'),
    arrearsList: () => arrearsList(context, null, '2026-11-30'),
    bySource: () => fundBySource(context, '2026-11-30'),
  };
  const againstMembers = await measurePair(afresh, () => bareMembers.all(), { warmup: 1, samples: 7 });
  const againstMonthly = await measurePair(afresh, () => bareMonthly.all(), { warmup: 0, samples: 5 });
  const cpu = await cpuPerCall(afresh, 3);
  const arrearsCpu = await cpuPerCall(parts.arrears, 3);
  const arrearsListCpu = await cpuPerCall(parts.arrearsList, 3);
  const sourcesCpu = await cpuPerCall(parts.bySource, 3);
  const opened = () => callOk(app, session, 'welfare.dashboard.get', { asOf: '2026-11-30' });
  await opened();
  const again = await measurePair(opened, () => bareMembers.all(), { warmup: 2, samples: 20 });
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('tests', 'bench', 'welfare-memory.ts'), databasePath, 'treasurer', 'tambon1234'], { encoding: 'utf8' });
  const memory = child.status === 0 ? (JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { rss: number; heapUsed: number; external: number }) : null;
  const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
  return [
    pairRow('welfare dashboard data computed afresh (balances, by source, members, 24 months of money, arrears by village, claims, open months) vs bare read of every open member with the paid summary', againstMembers, `target < 200 ms; CPU ${formatMs(cpu)} a call, of which arrears by village (report-methods arrearsFigures) ${formatMs(arrearsCpu)} and money by source (statements) ${formatMs(sourcesCpu)}; the arrears list of every village ${formatMs(arrearsListCpu)}`),
    pairRow('welfare dashboard data computed afresh vs bare sums of 24 months of journal lines by month and account', againstMonthly),
    pairRow('welfare dashboard opened again with nothing changed (router; the figures kept) vs bare read of every open member with the paid summary', again),
    memory === null
      ? skippedRow('main-process memory with the large fund open', `failed: ${child.stderr.slice(-300)}`)
      : { name: 'main-process memory: a process of its own opens the large fund, logs in and computes the dashboard (rss; includes the tsx loader)', app: mb(memory.rss), baseline: '–', ratio: '–', note: `target < 400 MB; heap used ${mb(memory.heapUsed)}, external ${mb(memory.external)}` },
  ];
}

export async function benchWelfare(): Promise<BenchRow[]> {
  const temp = makeTempDir('welfare');
  const rows: BenchRow[] = [];
  const app = createApp(path.join(temp.dir, 'tambon-desk.sqlite'), { now: () => new Date('2026-11-30T09:00:00+07:00') });
  try {
    const { adminSession, memberIds, perNight, fixture } = await largeFund(app);

    // The first look for lapses on a database from before the summaries sums every open membership's lines once.
    const allLines = app.database.sqlite.prepare('SELECT r.membership_id, l.kind, l.period, l.amount_satang, r.receipt_date FROM welfare_receipt_lines l JOIN welfare_receipts r ON r.id = l.receipt_id WHERE r.voided_on IS NULL');
    const lapsesBegun = performance.now();
    const firstLapsesCpu = await cpuPerCall(() => callOk(app, adminSession, 'welfare.members.applyLapses', {}), 1);
    const firstLapses = performance.now() - lapsesBegun;
    const bareAll = timeOnce(() => allLines.all());
    rows.push({ name: 'first look for lapses: sums every membership\'s lines into its summary (once per database) vs bare read of all lines', app: formatMs(firstLapses), baseline: formatMs(bareAll), ratio: `${(firstLapses / bareAll).toFixed(2)}×`, note: `${fixture}; one run each; CPU ${formatMs(firstLapsesCpu)}` });

    rows.push(...(await benchDashboard(app, adminSession, path.join(temp.dir, 'tambon-desk.sqlite'))));
    if (onlyPart === 'dashboard') return rows;
    const bareLapses = app.database.sqlite.prepare('SELECT m.id FROM welfare_memberships m JOIN welfare_paid p ON p.membership_id = m.id WHERE m.end_date IS NULL AND p.lapse_on <= ?');
    const lapses = await measurePair(
      () => callOk(app, adminSession, 'welfare.members.applyLapses', {}),
      () => bareLapses.all('2026-11-30'),
      { warmup: 3, samples: 20 },
    );
    rows.push(pairRow('looking for lapses (members tab, collection day, before each save) vs bare query of the lapse days come', lapses, 'every open membership checked against the regulation in force'));

    const village = 1;
    const sheet = await callOk<{ rows: unknown[] }>(app, adminSession, 'welfare.collection.sheet', { villageId: village, asOf: '2026-11-30' });
    const bareAllocations = app.database.sqlite.prepare(
      `SELECT r.membership_id, l.kind, l.period, l.amount_satang, r.receipt_date FROM welfare_receipt_lines l JOIN welfare_receipts r ON r.id = l.receipt_id
       JOIN welfare_memberships m ON m.id = r.membership_id JOIN people p ON p.id = m.person_id WHERE p.village_id = ? AND r.voided_on IS NULL`,
    );
    const bareSummaries = app.database.sqlite.prepare('SELECT m.*, p.first_name, p.last_name, s.summary FROM welfare_memberships m JOIN people p ON p.id = m.person_id JOIN welfare_paid s ON s.membership_id = m.id WHERE p.village_id = ? AND m.end_date IS NULL');
    const sheetTiming = await measurePair(
      () => callOk(app, adminSession, 'welfare.collection.sheet', { villageId: village, asOf: '2026-11-30' }),
      () => bareAllocations.all(village),
      { warmup: 3, samples: 20 },
    );
    const sheetCpu = await cpuPerCall(() => callOk(app, adminSession, 'welfare.collection.sheet', { villageId: village, asOf: '2026-11-30' }), 20);
    rows.push(pairRow(`collection sheet, หมู่ ${village} (${sheet.rows.length} members, 10 years paid) vs bare read of its receipt lines`, sheetTiming, `target < 50 ms; CPU ${formatMs(sheetCpu)} a sheet`));
    const sheetOnSummaries = await measurePair(
      () => callOk(app, adminSession, 'welfare.collection.sheet', { villageId: village, asOf: '2026-11-30' }),
      () => bareSummaries.all(village),
      { warmup: 3, samples: 20 },
    );
    rows.push(pairRow(`collection sheet, หมู่ ${village} vs bare read of its members and their paid summaries`, sheetOnSummaries, 'what the sheet now reads'));

    const member = memberIds[Math.floor(memberIds.length / 2)]!;
    const bareMember = app.database.sqlite.prepare('SELECT l.kind, l.period, l.amount_satang, r.receipt_date FROM welfare_receipt_lines l JOIN welfare_receipts r ON r.id = l.receipt_id WHERE r.membership_id = ? AND r.voided_on IS NULL');
    const statement = await measurePair(
      () => callOk(app, adminSession, 'welfare.members.statement', { membershipId: member, asOf: '2026-11-30' }),
      () => bareMember.all(member),
      { warmup: 10, samples: 100 },
    );
    rows.push(pairRow("a member's statement (10 years, passbook lines and what is owed) vs bare read of the member's lines", statement, 'target < 20 ms for the query'));

    // The passbook PDF (สมุดประจำตัวสมาชิก) of the same member, printed through the router: query, layout, Thai
    // shaping and the PDF in the documents worker (warm), beside the statement query alone.
    const passbook = await measurePair(
      () => callOk(app, adminSession, 'welfare.members.passbookPrint', { membershipId: member, asOf: '2026-11-30' }),
      () => callOk(app, adminSession, 'welfare.members.statement', { membershipId: member, asOf: '2026-11-30' }),
      { warmup: 3, samples: 15 },
    );
    rows.push(pairRow("a member's passbook PDF (10 years, 120 lines) vs the statement query alone", passbook, 'target < 300 ms for the PDF'));

    const judge = await measurePair(
      () => callOk(app, adminSession, 'welfare.claims.judge', { membershipId: member, benefitCode: perNight.code, eventDate: '2026-11-20', units: 3, evidence: perNight.evidence.map((item) => item.code) }),
      () => bareMember.all(member),
      { warmup: 10, samples: 100 },
    );
    rows.push(pairRow('judging a claim (router: member, history, regulation in force, arrears) vs the bare read of the member\'s lines', judge, 'target < 5 ms'));

    const bareTrial = app.database.sqlite.prepare('SELECT l.account_id, sum(l.amount_satang) FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id WHERE e.entry_date <= ? GROUP BY l.account_id');
    const trial = await measurePair(
      () => callOk(app, adminSession, 'welfare.books.trialBalance', { asOf: '2026-11-30' }),
      () => bareTrial.all('2026-11-30'),
      { warmup: 2, samples: 10 },
    );
    rows.push(pairRow('trial balance over every receipt and voucher posted vs bare sum of the journal lines', trial));
    rows.push(await annualStatementRow(app, adminSession));

    // A collection day for 1,000 members: three days running, each one transaction; beside it, the same rows
    // inserted bare (an entry, its two lines, the receipt and its line per payment) in a transaction rolled back.
    const villageMembers = app.database.sqlite.prepare('SELECT m.id FROM welfare_memberships m JOIN people p ON p.id = m.person_id ORDER BY p.village_id, m.id LIMIT 1000').all() as { id: number }[];
    const book = (app.database.sqlite.prepare("SELECT id FROM welfare_receipt_books WHERE book_number = '1'").get() as { id: number }).id;
    const sqlite = app.database.sqlite;
    const bareEntry = sqlite.prepare("INSERT INTO welfare_journal_entries (entry_date, kind, description, created_at) VALUES (?, 'receipt', ?, ?)");
    const bareLine = sqlite.prepare('INSERT INTO welfare_journal_lines (entry_id, account_id, amount_satang, membership_id) VALUES (?, ?, ?, ?)');
    const bareReceipt = sqlite.prepare('INSERT INTO welfare_receipts (book_id, number, receipt_date, membership_id, payer_name, total_satang, entry_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const bareReceiptLine = sqlite.prepare("INSERT INTO welfare_receipt_lines (receipt_id, kind, period, description, amount_satang, account_id, position) VALUES (?, 'contribution', '2027-01', 'เงินสมทบ ม.ค. 70', 3000, 1, 0)");
    const bareSave = () => {
      try {
        sqlite.transaction(() => {
          villageMembers.forEach((row, index) => {
            const entryId = bareEntry.run('2026-11-30', `ใบเสร็จ ${index}`, '2026-11-30').lastInsertRowid;
            bareLine.run(entryId, 1, 3000, row.id);
            bareLine.run(entryId, 5, -3000, row.id);
            const receiptId = bareReceipt.run(book, 90_000 + index, '2026-11-30', row.id, 'สมาชิก', 3000, entryId, '2026-11-30').lastInsertRowid;
            bareReceiptLine.run(receiptId);
          });
          throw new Error('rolled back');
        })();
      } catch {
        // the bare rows are not kept
      }
    };
    const saves: number[] = [];
    const savesCpu: number[] = [];
    const bare: number[] = [];
    for (const day of ['2026-11-28', '2026-11-29', '2026-11-30']) {
      bare.push(timeOnce(bareSave));
      const begun = performance.now();
      savesCpu.push(await cpuPerCall(() => callOk(app, adminSession, 'welfare.collection.save', { receiptDate: day, bookId: book, payments: villageMembers.map((row) => ({ membershipId: row.id, amountSatang: 3000 })) }), 1));
      saves.push(performance.now() - begun);
    }
    saves.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    savesCpu.sort((a, b) => a - b);
    rows.push({ name: 'collection-day save of 1,000 payments (one transaction, lapses looked for, receipts numbered, books posted, summaries kept) vs the same rows inserted bare', app: formatMs(saves[1]!), baseline: formatMs(bare[1]!), ratio: `${(saves[1]! / bare[1]!).toFixed(2)}×`, note: `target < 1 s; median of 3 saves: ${saves.map((ms) => formatMs(ms)).join(', ')}; CPU median ${formatMs(savesCpu[1]!)}` });
  } finally {
    app.close();
    temp.remove();
  }
  return rows;
}

/**
 * CODI's status form and application (issue 10) on the same large fund — members, money by source, rounds, benefits,
 * the financial position, the one-year count and the criteria — beside the bare query the heaviest of them is: the
 * journal summed by account up to the form's date. Target: the status form's data < 1 s.
 * `npm run bench -- --only welfare-codi` runs only this (it builds the fund again).
 */
export async function benchWelfareCodi(): Promise<BenchRow[]> {
  const temp = makeTempDir('welfare-codi');
  const rows: BenchRow[] = [];
  const app = createApp(path.join(temp.dir, 'tambon-desk.sqlite'), { now: () => new Date('2026-11-30T09:00:00+07:00') });
  try {
    const data = generateSampleTambon({ size: 'large' });
    const { adminSession } = await loadSampleTambon(app, data);
    const preset = await callOk<{ benefitTypes: { code: string; payment: { kind: string } }[] }>(app, adminSession, 'welfare.regulation.preset', { effectiveFrom: '2015-01-01' });
    await callOk(app, adminSession, 'welfare.regulation.create', preset);
    await callOk(app, adminSession, 'welfare.receiptBooks.create', { bookNumber: '1', firstNumber: 1, lastNumber: 99_999 });
    const insert = app.database.sqlite.prepare(`INSERT INTO welfare_memberships (person_id, member_number, category, application_date, start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '2016-12-01', '2016-12-01') RETURNING id`);
    // joined over the ten years, in the preset's categories: the one-year count has edges to look at
    const categories = ['general', 'youth', 'elderly', 'disadvantaged', 'disabled', 'orphan'];
    const memberIds = app.database.sqlite.transaction(() =>
      data.people.map((person, index) => {
        const start = new Date(Date.UTC(FIRST_YEAR, 0, 1) + ((index * 7919) % (9 * 365)) * 86_400_000).toISOString().slice(0, 10);
        return (insert.get(person.id, String(index + 1).padStart(5, '0'), categories[index % categories.length], start, start) as { id: number }).id;
      }),
    )();
    const lines = fillBooks(app, memberIds);
    const perNight = preset.benefitTypes.find((benefit) => benefit.payment.kind === 'perDay')!;
    fillPayouts(app, memberIds, perNight.code, 50_000);
    const fixture = `${memberIds.length.toLocaleString('en-US')} members, ${lines.toLocaleString('en-US')} receipt lines, 50,000 paid claims`;
    const asOf = '2026-09-30';
    const bareJournal = app.database.sqlite.prepare('SELECT l.account_id, sum(l.amount_satang) FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id WHERE e.entry_date <= ? GROUP BY l.account_id');
    const status = await measurePair(
      () => callOk(app, adminSession, 'welfare.codi.statusForm', { fiscalYear: 2569 }),
      () => bareJournal.all(asOf),
      { samples: 5, warmup: 1 },
    );
    rows.push(pairRow('CODI status form data, ปีงบประมาณ 2569 (router) vs bare sum of the journal by account to 30 Sep', status, `target < 1 s; ${fixture}`));
    const request = await measurePair(
      () => callOk(app, adminSession, 'welfare.codi.application', { fiscalYear: 2569 }),
      () => bareJournal.all(asOf),
      { samples: 5, warmup: 1 },
    );
    rows.push(pairRow('CODI matching-budget application data (router: criteria, rounds, one-year count) vs the same bare sum', request));
    const bareMemberships = app.database.sqlite.prepare('SELECT person_id, start_date, end_date FROM welfare_memberships WHERE start_date <= ?');
    const oneYear = await measurePair(
      () => oneYearMembers({ db: app.database.db, sqlite: app.database.sqlite, now: () => new Date() }, asOf),
      () => bareMemberships.all(asOf),
      { samples: 9, warmup: 2 },
    );
    rows.push(pairRow('members of one year by 30 September (membership history) vs bare read of the memberships', oneYear));
  } finally {
    app.close();
    temp.remove();
  }
  return rows;
}
