import path from 'node:path';
import { createApp } from '../../main/app';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { makeTempDir } from './measure';

async function main() {
  const temp = makeTempDir('prof');
  const app = createApp(path.join(temp.dir, 'x.sqlite'), { now: () => new Date('2026-11-30T09:00:00+07:00') });
  const data = generateSampleTambon({ size: 'large' });
  const { adminSession } = await loadSampleTambon(app, data);
  const ok = async (m: string, i: unknown) => { const r = await app.router.call(adminSession, m, i); if (!r.ok) throw new Error(r.error.messageEn); return r.value; };
  const preset = (await ok('welfare.regulation.preset', { effectiveFrom: '2015-01-01' })) as object;
  await ok('welfare.regulation.create', preset);
  await ok('welfare.receiptBooks.create', { bookNumber: '1', firstNumber: 1, lastNumber: 99_999 });
  const sqlite = app.database.sqlite;
  const insert = sqlite.prepare("INSERT INTO welfare_memberships (person_id, member_number, category, application_date, start_date, created_at, updated_at) VALUES (?, ?, 'general', '2017-01-01', '2017-01-01', 'x', 'x') RETURNING id");
  const ids = sqlite.transaction(() => data.people.slice(0, 3000).map((p, i) => (insert.get(p.id, String(i + 1).padStart(5, '0')) as { id: number }).id))();
  const receipt = sqlite.prepare("INSERT INTO welfare_receipts (book_id, number, receipt_date, membership_id, payer_name, total_satang, entry_id, created_at) VALUES (1, ?, ?, ?, 'x', 36000, 1, 'x') RETURNING id");
  sqlite.prepare("INSERT INTO welfare_journal_entries (entry_date, kind, description, created_at) VALUES ('2017-01-01', 'receipt', 'x', 'x')").run();
  const line = sqlite.prepare("INSERT INTO welfare_receipt_lines (receipt_id, kind, period, description, amount_satang, account_id, position) VALUES (?, 'contribution', ?, 'x', 3000, 1, 0)");
  let n = 1000;
  sqlite.transaction(() => { for (const id of ids) for (let y = 2017; y <= 2026; y++) { const r = (receipt.get(++n, id % 5 === 0 ? `${y}-03-10` : `${y}-01-15`, id) as { id: number }).id; for (let m = 1; m <= 12; m++) line.run(r, `${y}-${String(m).padStart(2, '0')}`); } })();
  let t = performance.now();
  await ok('welfare.members.applyLapses', {});
  console.log('first lapses', performance.now() - t);
  t = performance.now();
  await ok('welfare.members.applyLapses', {});
  console.log('lapses', performance.now() - t);
  for (const day of ['2026-11-28', '2026-11-29', '2026-11-30']) {
    t = performance.now();
    await ok('welfare.collection.save', { receiptDate: day, bookId: 1, payments: ids.slice(0, 1000).map((id) => ({ membershipId: id, amountSatang: 3000 })) });
    console.log('save', performance.now() - t);
  }
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await ok('welfare.collection.sheet', { villageId: 1, asOf: '2026-11-30' });
    console.log('sheet', performance.now() - t);
  }
  app.close();
  temp.remove();
}
void main();
