import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { checkDataFile, checkPages, damaged, DatabaseOpenError } from './file-check';
import * as schema from './schema';

export { DatabaseOpenError } from './file-check';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema>;

export interface OpenDatabase {
  /** drizzle over the connection: the normal way to query. */
  db: Db;
  /** the raw connection, for prepared bulk statements and pragmas. */
  sqlite: Database.Database;
  file: string;
  /** where the pre-migration copy went, when this open migrated an existing file. */
  backupFile: string | null;
  /** the last run ended without closing the file: the full integrity check is due */
  uncleanShutdown: boolean;
  /** every page was already read at this open (a new file, or one checked before migrating) */
  pagesChecked: boolean;
  close(): void;
}

/** Migrations ship beside this file in source and are copied next to the bundle by scripts/build-main.mjs. */
export function defaultMigrationsFolder(): string {
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'migrations'), path.join(here, '..', '..', 'db', 'migrations')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`migrations folder not found near ${here}`);
  return found;
}

interface AppliedMigration {
  hash: string;
  created_at: number;
}

function appliedMigrations(sqlite: Database.Database): AppliedMigration[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return [];
  return sqlite
    .prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at, id')
    .all() as AppliedMigration[];
}

function backupName(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const dir = path.join(path.dirname(file), 'backups');
  return path.join(dir, `${path.basename(file, path.extname(file))}-${stamp}-before-migration.sqlite`);
}

/**
 * One connection with the house pragmas: WAL (readers never wait for a writer), foreign keys, a writer waits up to
 * 5 s for another, and every commit reaches the disk (synchronous = FULL) so a power cut loses nothing committed.
 * A second connection (an import worker) opens the same way, after openDatabase() has migrated the file.
 */
export function openConnection(file: string): Database.Database {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = FULL');
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Opens (or creates) a Tambon Desk database: safe pragmas, then the bundled migrations.
 * An existing file with pending migrations is first copied to backups/ (VACUUM INTO: a consistent copy
 * even in WAL mode). A file whose applied migrations are not a prefix of ours was written by a newer
 * (or a foreign) version and is refused untouched.
 */
export function openDatabase(
  file: string,
  options: { migrationsFolder?: string; now?: () => Date } = {},
): OpenDatabase {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const { uncleanShutdown, fresh } = checkDataFile(file);
  const sqlite = openConnection(file);
  try {

    const bundled = readMigrationFiles({ migrationsFolder });
    const applied = appliedMigrations(sqlite);
    if (applied.length > bundled.length) {
      throw new DatabaseOpenError(
        'NEWER_SCHEMA',
        'ไฟล์ฐานข้อมูลนี้ถูกบันทึกโดยโปรแกรมรุ่นที่ใหม่กว่า กรุณาปรับปรุงโปรแกรม Tambon Desk ก่อนเปิดไฟล์นี้ (ไฟล์ไม่ถูกแก้ไข)',
        `database ${file} was written by a newer version (${applied.length} migrations applied, ${bundled.length} known)`,
      );
    }
    applied.forEach((row, i) => {
      const ours = bundled[i]!;
      if (row.hash !== ours.hash || Number(row.created_at) !== ours.folderMillis) {
        throw new DatabaseOpenError(
          'FOREIGN_SCHEMA',
          'ไฟล์ฐานข้อมูลนี้มีโครงสร้างที่โปรแกรมรุ่นนี้ไม่รู้จัก (อาจมาจากรุ่นอื่น) จึงไม่เปิดเพื่อป้องกันข้อมูลเสียหาย (ไฟล์ไม่ถูกแก้ไข)',
          `database ${file}: applied migration #${i + 1} does not match the bundled one`,
        );
      }
    });

    let backupFile: string | null = null;
    const pending = bundled.length - applied.length;
    const hasUserTables = sqlite
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .get() as { n: number };
    let pagesChecked = fresh;
    if (pending > 0 && hasUserTables.n > 0) {
      // Migrating writes: a damaged file is refused before, not after.
      const refusal = checkPages(file, uncleanShutdown);
      if (refusal) throw refusal;
      pagesChecked = true;
      backupFile = backupName(file, (options.now ?? (() => new Date()))());
      fs.mkdirSync(path.dirname(backupFile), { recursive: true });
      sqlite.prepare('VACUUM INTO ?').run(backupFile);
    }

    const db = drizzle(sqlite, { schema });
    if (pending > 0) migrate(db, { migrationsFolder });
    return { db, sqlite, file, backupFile, uncleanShutdown, pagesChecked, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) throw damaged(file, String((error as Error).message));
    throw error;
  }
}
