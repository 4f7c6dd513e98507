// The bulk writer every import commits through (db/bulk-write.ts): long runs go in as many-row INSERTs, and still
// every row lands in order with the ids it would have had one by one, or none does.
import { describe, expect, it } from 'vitest';
import { BulkWriteCancelled, runBulkWrite, type BulkWritePlan, type SqlValue } from '../../db/bulk-write';
import { auditCount, tempApp } from '../helpers/temp';

const statements = {
  insertNote: 'INSERT INTO bulk_notes (village, text, amount) VALUES (?, ?, ?)',
  insertOnce: 'INSERT INTO bulk_notes (id, village, text, amount) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
};

function notesApp() {
  const app = tempApp();
  app.database.sqlite.exec('CREATE TABLE bulk_notes (id INTEGER PRIMARY KEY AUTOINCREMENT, village INTEGER NOT NULL, text TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0))');
  app.database.sqlite.exec('CREATE INDEX bulk_notes_village ON bulk_notes (village, amount)');
  app.database.sqlite.exec('CREATE UNIQUE INDEX bulk_notes_text ON bulk_notes (text)');
  return app;
}

/** `count` rows of (village, text, amount): rare letters, a long note, amounts in the millions of satang. */
function noteValues(count: number, bad: number | null = null): SqlValue[] {
  const values: SqlValue[] = [];
  for (let i = 0; i < count; i++) values.push(1 + (i % 20), i === 7 ? 'ก'.repeat(2000) : `กัญญ์ณัฏฐ์ ${i}`, i === bad ? -1 : 123_456_789 + i);
  return values;
}

const indexSql = (app: ReturnType<typeof notesApp>, name: string) => (app.database.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(name) as { sql: string } | undefined)?.sql;

function planOf(runs: BulkWritePlan['runs'], rebuiltIndexes?: string[]): BulkWritePlan {
  return { statements, steps: [], runs, ...(rebuiltIndexes ? { rebuiltIndexes } : {}), actor: { userId: null, at: new Date().toISOString(), method: 'test.bulk' }, audit: { entity: 'bulk_notes', entityId: null, before: null, after: { rows: 'many' } } };
}

describe('bulk write', () => {
  it('writes 250 rows (two many-row inserts and 50 one by one) in order, with the ids one by one would give', () => {
    const app = notesApp();
    const reports: [number, number][] = [];
    const result = runBulkWrite(app.database.sqlite, planOf([{ statement: 'insertNote', width: 3, values: noteValues(250) }]), { progress: (done, total) => reports.push([done, total]) });
    expect(result.changes.insertNote).toBe(250);
    const rows = app.database.sqlite.prepare('SELECT id, village, text, amount FROM bulk_notes ORDER BY id').all() as { id: number; village: number; text: string; amount: number }[];
    expect(rows).toHaveLength(250);
    rows.forEach((row, i) => expect(row).toEqual({ id: i + 1, village: 1 + (i % 20), text: i === 7 ? 'ก'.repeat(2000) : `กัญญ์ณัฏฐ์ ${i}`, amount: 123_456_789 + i }));
    expect(reports.at(-1)).toEqual([250, 250]);
  });

  it('a bad row inside a many-row insert leaves nothing written, not even the audit row', () => {
    const app = notesApp();
    const audits = auditCount(app);
    expect(() => runBulkWrite(app.database.sqlite, planOf([{ statement: 'insertNote', width: 3, values: noteValues(250, 150) }]))).toThrow(/CHECK constraint/);
    expect(app.database.sqlite.prepare('SELECT count(*) AS n FROM bulk_notes').get()).toEqual({ n: 0 });
    expect(auditCount(app)).toBe(audits);
  });

  it('an upsert runs row by row: the rows already there are left as they were and not counted', () => {
    const app = notesApp();
    app.database.sqlite.prepare("INSERT INTO bulk_notes (id, village, text, amount) VALUES (5, 1, 'เดิม', 1)").run();
    const values: SqlValue[] = [];
    for (let id = 1; id <= 120; id++) values.push(id, 2, `ใหม่ ${id}`, 100);
    const result = runBulkWrite(app.database.sqlite, planOf([{ statement: 'insertOnce', width: 4, values }]));
    expect(result.changes.insertOnce).toBe(119);
    expect(app.database.sqlite.prepare('SELECT text FROM bulk_notes WHERE id = 5').get()).toEqual({ text: 'เดิม' });
    expect(app.database.sqlite.prepare('SELECT count(*) AS n FROM bulk_notes').get()).toEqual({ n: 120 });
  });

  it('a cancel between inserts leaves nothing written', () => {
    const app = notesApp();
    let looks = 0;
    // the first look is before any row; the second after 500 of 1,000
    expect(() => runBulkWrite(app.database.sqlite, planOf([{ statement: 'insertNote', width: 3, values: noteValues(1000) }]), { cancelled: () => ++looks > 1 })).toThrow(BulkWriteCancelled);
    expect(looks).toBe(2);
    expect(app.database.sqlite.prepare('SELECT count(*) AS n FROM bulk_notes').get()).toEqual({ n: 0 });
  });

  it('an index built again after the rows is there as it was, and answers as before; a UNIQUE one is never dropped', () => {
    const app = notesApp();
    const before = indexSql(app, 'bulk_notes_village');
    runBulkWrite(app.database.sqlite, planOf([{ statement: 'insertNote', width: 3, values: noteValues(250) }], ['bulk_notes_village']));
    expect(indexSql(app, 'bulk_notes_village')).toBe(before);
    const plan = app.database.sqlite.prepare('EXPLAIN QUERY PLAN SELECT sum(amount) FROM bulk_notes WHERE village = 3').all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('bulk_notes_village');
    expect(app.database.sqlite.prepare('SELECT count(*) AS n FROM bulk_notes WHERE village = 3').get()).toEqual({ n: 13 });
    expect(app.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // a unique index guards the rows while they go in: asked to rebuild it, the write refuses and writes nothing
    expect(() => runBulkWrite(app.database.sqlite, planOf([{ statement: 'insertNote', width: 3, values: noteValues(3) }], ['bulk_notes_text']))).toThrow(/not an index that can be built again/);
    expect(app.database.sqlite.prepare('SELECT count(*) AS n FROM bulk_notes').get()).toEqual({ n: 250 });
  });

  it('a cancel or a bad row leaves the dropped index in place', () => {
    const app = notesApp();
    const before = indexSql(app, 'bulk_notes_village');
    expect(() => runBulkWrite(app.database.sqlite, planOf([{ statement: 'insertNote', width: 3, values: noteValues(250, 200) }], ['bulk_notes_village']))).toThrow(/CHECK constraint/);
    expect(indexSql(app, 'bulk_notes_village')).toBe(before);
    let looks = 0;
    expect(() => runBulkWrite(app.database.sqlite, planOf([{ statement: 'insertNote', width: 3, values: noteValues(1000) }], ['bulk_notes_village']), { cancelled: () => ++looks > 1 })).toThrow(BulkWriteCancelled);
    expect(indexSql(app, 'bulk_notes_village')).toBe(before);
  });
});
