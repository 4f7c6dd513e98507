import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, defaultMigrationsFolder, openDatabase } from '../../db/open';
import { tempDir } from '../helpers/temp';

const hashOf = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Our bundled migrations plus one more, as the next release would ship them. */
function migrationsWithOneMore(dir: string): string {
  const folder = path.join(dir, 'next-migrations');
  fs.cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number; when: number; tag: string; breakpoints: boolean; version: string }> };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_next_release' });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, '9999_next_release.sql'), 'ALTER TABLE `office` ADD `email` text;');
  return folder;
}

/** Our bundled migrations up to `tag`, as an earlier release shipped them. */
function migrationsUpTo(dir: string, tag: string): string {
  const folder = path.join(dir, 'earlier-migrations');
  fs.cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === tag) + 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('openDatabase', () => {
  it('sets the safety pragmas on every open', () => {
    const { sqlite, close } = openDatabase(path.join(tempDir(), 'a.sqlite'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    close();
  });

  it('creates a new file without making a pointless backup', () => {
    const dir = tempDir();
    const opened = openDatabase(path.join(dir, 'new.sqlite'));
    expect(opened.backupFile).toBeNull();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    opened.close();
  });

  it('migrating an older file keeps its rows and first leaves a dated backup of it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const older = openDatabase(file);
    older.sqlite
      .prepare("INSERT INTO office (id, tambon, amphoe, province, council_name, fund_name, address) VALUES (1, 'หนองบัว', 'เมือง', 'อุดรธานี', 'สภา', 'กองทุน', 'ที่อยู่')")
      .run();
    older.close();

    const newer = openDatabase(file, { migrationsFolder: migrationsWithOneMore(dir), now: () => new Date('2026-11-27T08:30:00Z') });

    expect(newer.sqlite.prepare('SELECT tambon, email FROM office').get()).toEqual({ tambon: 'หนองบัว', email: null });
    expect(newer.backupFile).toBe(path.join(dir, 'backups', 'office-20261127-083000-before-migration.sqlite'));
    const backup = new Database(newer.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT tambon FROM office').get()).toEqual({ tambon: 'หนองบัว' });
    expect(() => backup.prepare('SELECT email FROM office').get()).toThrow(/no such column/);
    backup.close();
    newer.close();
  });

  it('refuses, untouched, a file written by a newer version', () => {
    const dir = tempDir();
    const file = path.join(dir, 'from-the-future.sqlite');
    openDatabase(file, { migrationsFolder: migrationsWithOneMore(dir) }).close();
    const before = hashOf(file);

    let refusal: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      refusal = error;
    }

    expect(refusal).toBeInstanceOf(DatabaseOpenError);
    expect((refusal as DatabaseOpenError).code).toBe('NEWER_SCHEMA');
    expect((refusal as DatabaseOpenError).messageTh).toContain('รุ่นที่ใหม่กว่า');
    expect(hashOf(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('refuses a file whose applied migrations differ from ours', () => {
    const dir = tempDir();
    const file = path.join(dir, 'foreign.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("UPDATE __drizzle_migrations SET hash = 'something-else'").run();
    raw.close();
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'FOREIGN_SCHEMA' }));
  });

  it('migration 0008 moves each imported receipt’s paper book and number onto the receipt, and keeps a paper number imported once', () => {
    const dir = tempDir();
    const file = path.join(dir, 'fund.sqlite');
    const older = openDatabase(file, { migrationsFolder: migrationsUpTo(dir, '0007_claims_pending') });
    older.sqlite.exec(`
      INSERT INTO welfare_receipt_books (id, book_number, first_number, last_number, created_at) VALUES (1, 'ประวัติ', 1, 3, '2026-11-01'), (2, '1', 1, 100, '2026-11-01');
      INSERT INTO welfare_history_imports (id, file_name, sha256, cut_over_date, receipt_book_id, summary, imported_at) VALUES (1, 'ประวัติกองทุน.xlsx', 'abc', '2023-09-30', 1, '{}', '2026-11-01');
      INSERT INTO welfare_journal_entries (id, entry_date, kind, description, created_at) VALUES (1, '2023-01-05', 'receipt', 'ประวัติ', '2026-11-01'), (2, '2023-02-05', 'receipt', 'ประวัติ', '2026-11-01'), (3, '2026-11-02', 'receipt', 'ใหม่', '2026-11-02');
      INSERT INTO welfare_receipts (id, book_id, number, receipt_date, payer_name, total_satang, entry_id, created_at) VALUES
        (1, 1, 1, '2023-01-05', 'นางสาวกัญญ์ณัฏฐ์ ศรีสุข', 3000, 1, '2026-11-01'), (2, 1, 2, '2023-02-05', 'นางสาวกัญญ์ณัฏฐ์ ศรีสุข', 3000, 2, '2026-11-01'), (3, 2, 1, '2026-11-02', 'นางปุณณ์ญาดา ใจดี', 3000, 3, '2026-11-02');
      INSERT INTO welfare_history_receipts (receipt_id, import_id, paper_book, paper_number) VALUES (1, 1, '12', '0457'), (2, 1, '', NULL);
    `);
    older.close();

    const newer = openDatabase(file);
    const receipts = newer.sqlite.prepare('SELECT id, history_import_id AS importId, paper_book AS book, paper_number AS number FROM welfare_receipts ORDER BY id').all();
    expect(receipts).toEqual([
      { id: 1, importId: 1, book: '12', number: '0457' },
      { id: 2, importId: 1, book: '', number: null },
      { id: 3, importId: null, book: null, number: null },
    ]);
    expect(newer.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'welfare_history_receipts'").get()).toEqual({ n: 0 });
    expect(() => newer.sqlite.prepare("UPDATE welfare_receipts SET history_import_id = 1, paper_book = '12', paper_number = '0457' WHERE id = 3").run()).toThrow(/UNIQUE/);
    expect(newer.sqlite.pragma('foreign_key_check')).toEqual([]);
    newer.close();
  });
});
