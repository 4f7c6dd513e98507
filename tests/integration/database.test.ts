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
});
