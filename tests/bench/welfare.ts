// The welfare fund on the large sample (DESIGN.md targets): 20,000 members since 2016 with ten years of monthly
// contributions (2.4 M receipt lines, on one receipt a year each), each figure beside the bare query in the same run.
// Targets: one village's collection sheet < 50 ms; a member's statement query < 20 ms; a collection-day save of
// 1,000 payments < 1 s; judging a claim < 5 ms.
import path from 'node:path';
import { createApp, type App } from '../../main/app';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { formatMs, makeTempDir, measurePair, pairRow, type BenchRow } from './measure';

async function callOk<T>(app: App, session: ClientSession, method: string, input: unknown): Promise<T> {
  const result = await app.router.call(session, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.messageEn}`);
  return result.value as T;
}

const MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

/** Ten years of contributions, written straight into the books as the app would post them (a fixture, not a test). */
function fillBooks(app: App, memberIds: number[]): number {
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
      for (let year = 2016; year <= 2025; year++) {
        const date = `${year}-01-15`;
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

export async function benchWelfare(): Promise<BenchRow[]> {
  const temp = makeTempDir('welfare');
  const rows: BenchRow[] = [];
  const app = createApp(path.join(temp.dir, 'tambon-desk.sqlite'), { now: () => new Date('2026-11-30T09:00:00+07:00') });
  try {
    const data = generateSampleTambon({ size: 'large' });
    const { adminSession } = await loadSampleTambon(app, data);
    const preset = await callOk<{ contributions: { arrears: { limit: number | null } }; benefitTypes: { code: string; payment: { kind: string }; evidence: { code: string }[] }[] }>(app, adminSession, 'welfare.regulation.preset', { effectiveFrom: '2015-01-01' });
    preset.contributions.arrears.limit = null;
    await callOk(app, adminSession, 'welfare.regulation.create', preset);
    await callOk(app, adminSession, 'welfare.receiptBooks.create', { bookNumber: '1', firstNumber: 1, lastNumber: 99_999 });
    // 20,000 members since 2016: every living person of the sample, joined through the same table the app writes.
    const started = performance.now();
    const insert = app.database.sqlite.prepare("INSERT INTO welfare_memberships (person_id, member_number, category, application_date, start_date, created_at, updated_at) VALUES (?, ?, 'general', '2016-01-01', '2016-01-01', '2016-01-01', '2016-01-01') RETURNING id");
    const living = data.people.filter((person) => person.id % 97 !== 0 && person.id % 131 !== 0 && person.birthDate < '2016-01-01');
    const memberIds = app.database.sqlite.transaction(() => living.map((person, index) => (insert.get(person.id, String(index + 1).padStart(5, '0')) as { id: number }).id))();
    const lines = fillBooks(app, memberIds);
    const buildSeconds = (performance.now() - started) / 1000;

    const village = 1;
    const sheet = await callOk<{ rows: unknown[] }>(app, adminSession, 'welfare.collection.sheet', { villageId: village, asOf: '2026-11-30' });
    const bareAllocations = app.database.sqlite.prepare(
      `SELECT r.membership_id, l.kind, l.period, l.amount_satang, r.receipt_date FROM welfare_receipt_lines l JOIN welfare_receipts r ON r.id = l.receipt_id
       JOIN welfare_memberships m ON m.id = r.membership_id JOIN people p ON p.id = m.person_id WHERE p.village_id = ? AND r.voided_on IS NULL`,
    );
    const sheetTiming = await measurePair(
      () => callOk(app, adminSession, 'welfare.collection.sheet', { villageId: village, asOf: '2026-11-30' }),
      () => bareAllocations.all(village),
      { warmup: 3, samples: 20 },
    );
    rows.push(pairRow(`collection sheet, หมู่ ${village} (${sheet.rows.length} members, 10 years paid) vs bare read of its receipt lines`, sheetTiming, `${memberIds.length} members, ${lines.toLocaleString('en-US')} receipt lines built in ${buildSeconds.toFixed(1)} s; target < 50 ms`));

    const member = memberIds[Math.floor(memberIds.length / 2)]!;
    const bareMember = app.database.sqlite.prepare('SELECT l.kind, l.period, l.amount_satang, r.receipt_date FROM welfare_receipt_lines l JOIN welfare_receipts r ON r.id = l.receipt_id WHERE r.membership_id = ? AND r.voided_on IS NULL');
    const statement = await measurePair(
      () => callOk(app, adminSession, 'welfare.members.statement', { membershipId: member, asOf: '2026-11-30' }),
      () => bareMember.all(member),
      { warmup: 10, samples: 100 },
    );
    rows.push(pairRow("a member's statement (10 years, passbook lines and what is owed) vs bare read of the member's lines", statement, 'target < 20 ms for the query'));

    const perNight = preset.benefitTypes.find((benefit) => benefit.payment.kind === 'perDay')!;
    const judge = await measurePair(
      () => callOk(app, adminSession, 'welfare.claims.judge', { membershipId: member, benefitCode: perNight.code, eventDate: '2026-11-20', units: 3, evidence: perNight.evidence.map((item) => item.code) }),
      () => bareMember.all(member),
      { warmup: 10, samples: 100 },
    );
    rows.push(pairRow('judging a claim (router: member, history, regulation in force, arrears) vs the bare read of the member\'s lines', judge, 'target < 5 ms'));

    // A collection day for 1,000 members: three days running, each one transaction.
    const villageMembers = app.database.sqlite.prepare('SELECT m.id FROM welfare_memberships m JOIN people p ON p.id = m.person_id ORDER BY p.village_id, m.id LIMIT 1000').all() as { id: number }[];
    const book = (app.database.sqlite.prepare("SELECT id FROM welfare_receipt_books WHERE book_number = '1'").get() as { id: number }).id;
    const saves: number[] = [];
    for (const day of ['2026-11-28', '2026-11-29', '2026-11-30']) {
      const begun = performance.now();
      await callOk(app, adminSession, 'welfare.collection.save', { receiptDate: day, bookId: book, payments: villageMembers.map((row) => ({ membershipId: row.id, amountSatang: 3000 })) });
      saves.push(performance.now() - begun);
    }
    saves.sort((a, b) => a - b);
    rows.push({ name: 'collection-day save of 1,000 payments (one transaction, receipts numbered, books posted)', app: formatMs(saves[1]!), baseline: '1 s (target)', ratio: '—', note: `median of 3 saves: ${saves.map((ms) => formatMs(ms)).join(', ')}` });
  } finally {
    app.close();
    temp.remove();
  }
  return rows;
}
