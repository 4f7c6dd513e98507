// Backups made with SQLite's online backup API (a consistent copy while the app runs, never a file copy), each opened
// again and checked before it counts; restore from any of them after checking it, keeping a copy of the current
// file first (issue 11, "Nothing lost").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { desc } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { backupLog } from '../../db/schema';
import * as schema from '../../db/schema';
import { defaultMigrationsFolder } from '../../db/open';
import { ApiError } from '../api/errors';
import { endAllLogins, type AppContext } from '../api/router';
import { decryptFile, encryptFile, isEncryptedBackup, WrongPasswordError } from './archive';
import { backupsToKeep } from './retention';

export const AUTOMATIC_PREFIX = 'tambon-desk-auto-';
const DAY_MS = 86_400_000;

/** What a backup holds, shown before a restore replaces the current data with it. */
export interface BackupSummary {
  /** the newest change recorded in it (its audit log), ISO date-time; null for an empty file */
  dataAsOf: string | null;
  counts: { users: number; people: number; members: number; receipts: number; payouts: number; meetings: number | null };
  migrations: number;
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

function tableCount(sqlite: Database.Database, table: string): number | null {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  return exists ? (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : null;
}

/**
 * Opens a plain backup read-only, runs the full integrity check and reads its summary. Refuses (in Thai) a file that
 * is not ours, is damaged, or was written by a newer version.
 */
export function inspectPlainBackup(file: string): BackupSummary {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const check = sqlite.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new ApiError('INVALID_INPUT', 'ไฟล์สำรองนี้เสียหาย (ตรวจความสมบูรณ์ไม่ผ่าน) ใช้กู้คืนไม่ได้ กรุณาเลือกไฟล์สำรองอื่น', 'This backup is damaged (its integrity check failed); choose another one', 'file');
    const migrations = tableCount(sqlite, '__drizzle_migrations');
    if (migrations === null) throw new ApiError('INVALID_INPUT', 'ไฟล์นี้ไม่ใช่ไฟล์สำรองของ Tambon Desk', 'This file is not a Tambon Desk backup', 'file');
    const ours = readMigrationFiles({ migrationsFolder: defaultMigrationsFolder() }).length;
    if (migrations > ours) throw new ApiError('INVALID_INPUT', 'ไฟล์สำรองนี้มาจากโปรแกรมรุ่นที่ใหม่กว่า กรุณาปรับปรุงโปรแกรมก่อนกู้คืน', 'This backup comes from a newer version; update the app before restoring it', 'file');
    const latest = tableCount(sqlite, 'audit_log') ? (sqlite.prepare('SELECT max(at) AS at FROM audit_log').get() as { at: string | null }).at : null;
    return {
      dataAsOf: latest,
      counts: {
        users: tableCount(sqlite, 'users') ?? 0,
        people: tableCount(sqlite, 'people') ?? 0,
        members: tableCount(sqlite, 'welfare_memberships') ?? 0,
        receipts: tableCount(sqlite, 'welfare_receipts') ?? 0,
        payouts: tableCount(sqlite, 'welfare_payouts') ?? 0,
        meetings: tableCount(sqlite, 'meetings'),
      },
      migrations,
    };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('INVALID_INPUT', 'ไฟล์นี้ไม่ใช่ไฟล์สำรองของ Tambon Desk หรือเสียหาย', 'This file is not a Tambon Desk backup, or it is damaged', 'file');
  } finally {
    sqlite?.close();
  }
}

/** A plain copy of any backup (decrypted into a temporary file when it is encrypted), and how to remove it. */
async function plainCopyOf(file: string, password: string | null): Promise<{ plain: string; done(): void }> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ApiError('NOT_FOUND', `ไม่พบไฟล์สำรอง ${file}`, `Backup file ${file} not found`, 'file');
  if (!isEncryptedBackup(file)) return { plain: file, done: () => {} };
  if (!password) throw new ApiError('INVALID_INPUT', 'ไฟล์สำรองนี้เข้ารหัสไว้ กรุณากรอกรหัสผ่านของไฟล์สำรอง', 'This backup is encrypted; enter its password', 'password');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-restore-'));
  const plain = path.join(dir, 'backup.sqlite');
  try {
    await decryptFile(file, plain, password);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    if (error instanceof WrongPasswordError) throw new ApiError('INVALID_INPUT', 'รหัสผ่านของไฟล์สำรองไม่ถูกต้อง (หรือไฟล์ถูกแก้ไข)', 'Wrong backup password (or the file was changed)', 'password');
    throw error;
  }
  return { plain, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function inspectBackup(file: string, password: string | null): Promise<BackupSummary> {
  const copy = await plainCopyOf(file, password);
  try {
    return inspectPlainBackup(copy.plain);
  } finally {
    copy.done();
  }
}

/**
 * Makes a backup at `target` (encrypted when a password is given), checks it and records it. The copy is written
 * beside the target under a temporary name and renamed only once checked, so a half-written backup never looks whole.
 */
export async function makeBackup(app: AppContext, target: string, options: { kind: 'automatic' | 'manual' | 'before-restore'; password?: string | null }): Promise<{ file: string; sizeBytes: number; summary: BackupSummary }> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const plain = options.password ? `${target}.plain.partial` : partial;
  try {
    await app.sqlite.backup(plain);
    // A backup is one self-contained file: no write-ahead log beside it, whoever opens it later.
    const copy = new Database(plain);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const summary = inspectPlainBackup(plain);
    if (options.password) {
      await encryptFile(plain, partial, options.password);
      fs.rmSync(plain, { force: true });
    }
    fs.renameSync(partial, target);
    const sizeBytes = fs.statSync(target).size;
    app.db
      .insert(backupLog)
      .values({ madeAt: app.now().toISOString(), kind: options.kind, file: target, sizeBytes, encrypted: Boolean(options.password), verified: true, counts: JSON.stringify(summary.counts) })
      .run();
    return { file: target, sizeBytes, summary };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(plain, { force: true });
    if (error instanceof ApiError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new ApiError('STORAGE', `พื้นที่ใน ${path.dirname(target)} ไม่พอสำหรับไฟล์สำรอง ไม่มีการบันทึกไฟล์สำรอง`, `Not enough space in ${path.dirname(target)} for the backup; no backup was written`, 'folder');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new ApiError('STORAGE', `เขียนไฟล์ลงโฟลเดอร์ ${path.dirname(target)} ไม่ได้ (ไม่มีสิทธิ์ หรือเป็นแบบอ่านอย่างเดียว)`, `Cannot write to ${path.dirname(target)} (no permission, or read-only)`, 'folder');
    throw error;
  }
}

export function automaticBackupDir(app: AppContext): string {
  return path.join(path.dirname(app.sqlite.name), 'backups');
}

function automaticBackups(dir: string): { file: string; madeAt: string }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(AUTOMATIC_PREFIX) && name.endsWith('.sqlite'))
    .map((name) => {
      const match = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(name)!;
      return { file: path.join(dir, name), madeAt: `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}.000Z` };
    });
}

/** An automatic backup into the data folder's backups/ (at exit, and daily), then the old ones beyond 7 daily, 4 weekly, 12 monthly removed. */
export async function automaticBackup(app: AppContext): Promise<string> {
  const dir = automaticBackupDir(app);
  const made = await makeBackup(app, path.join(dir, `${AUTOMATIC_PREFIX}${stamp(app.now())}.sqlite`), { kind: 'automatic' });
  const all = automaticBackups(dir);
  const keep = backupsToKeep(all);
  for (const backup of all) if (!keep.has(backup.file)) fs.rmSync(backup.file, { force: true });
  return made.file;
}

/** Backs up on start when the newest automatic backup is a day old, then once a day while the app runs. */
export function startAutomaticBackups(app: AppContext, onError: (error: unknown) => void = (error) => console.error('[backup]', error)): { stop(): void } {
  const due = () => {
    // nothing to keep before the office is set up
    if ((app.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n === 0) return;
    const newest = automaticBackups(automaticBackupDir(app)).sort((a, b) => b.madeAt.localeCompare(a.madeAt))[0];
    if (!newest || app.now().getTime() - Date.parse(newest.madeAt) >= DAY_MS) automaticBackup(app).catch(onError);
  };
  due();
  const timer = setInterval(due, 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** The newest backup that was checked good, for the warning on the "วันนี้" page. */
export function lastGoodBackup(app: AppContext) {
  return app.db.select().from(backupLog).orderBy(desc(backupLog.madeAt)).limit(1).get() ?? null;
}

/**
 * Replaces the current data with a backup's: checks it, keeps a copy of the current file in backups/, copies the
 * backup in through the online backup API (the app's connection stays open and sees the new data), then brings an
 * older backup's tables up to this version.
 */
export async function restoreBackup(app: AppContext, file: string, password: string | null): Promise<{ summary: BackupSummary; safetyCopy: string }> {
  const copy = await plainCopyOf(file, password);
  try {
    const summary = inspectPlainBackup(copy.plain);
    const safety = await makeBackup(app, path.join(automaticBackupDir(app), `tambon-desk-before-restore-${stamp(app.now())}.sqlite`), { kind: 'before-restore' });
    const source = new Database(copy.plain, { readonly: true, fileMustExist: true });
    try {
      await source.backup(app.sqlite.name);
    } finally {
      source.close();
    }
    migrate(drizzle(app.sqlite, { schema }), { migrationsFolder: defaultMigrationsFolder() });
    endAllLogins(app);
    const check = app.sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`restored file failed its check: ${String(check)}`);
    // the restore itself is the first line of the restored file's backup log
    app.db
      .insert(backupLog)
      .values({ madeAt: app.now().toISOString(), kind: 'before-restore', file: safety.file, sizeBytes: safety.sizeBytes, encrypted: false, verified: true, counts: JSON.stringify(safety.summary.counts) })
      .run();
    return { summary, safetyCopy: safety.file };
  } finally {
    copy.done();
  }
}

/**
 * Puts a backup in the place of a data file the app refused (damaged, or not a database at all) before the app
 * opens it: the backup is checked first, the refused file is kept beside it as `<name>.refused-<time>` (never deleted),
 * then the backup's copy takes its place.
 */
export async function restoreIntoPlace(file: string, backupFile: string, password: string | null, now = new Date()): Promise<BackupSummary> {
  const copy = await plainCopyOf(backupFile, password);
  try {
    const summary = inspectPlainBackup(copy.plain);
    const incoming = `${file}.restoring`;
    fs.copyFileSync(copy.plain, incoming);
    const kept = `${file}.refused-${stamp(now)}`;
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, kept + suffix);
    fs.renameSync(incoming, file);
    return summary;
  } finally {
    copy.done();
  }
}
