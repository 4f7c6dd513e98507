// Opening the data file: the app's openDatabase (pragmas, migration check, backup, migrate) beside bare
// better-sqlite3 doing the same SQL. Target (DESIGN.md): open, migrate, first screen's data < 300 ms.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { defaultMigrationsFolder, openDatabase } from '../../db/open';
import { createApp } from '../../main/app';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { makeTempDir, measurePair, megabytes, pairRow, removeDatabaseFile, type BenchRow } from './measure';

const AUDIT_ROWS = 1_000_000;

interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

function readJournal(folder: string): { entries: JournalEntry[] } & Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
}

/** The same pragmas db/open.ts sets, so the baseline pays for them too. */
function bareOpen(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  return sqlite;
}

/** Runs migration SQL the way the migrator does: all statements in one transaction. */
function execInTransaction(sqlite: Database.Database, sql: string): void {
  sqlite.exec('BEGIN');
  sqlite.exec(sql);
  sqlite.exec('COMMIT');
}

/** A migrated file holding the sample office and 1 M audit rows, written with one prepared INSERT in one transaction. */
async function makeMillionRowFile(file: string): Promise<void> {
  const app = createApp(file);
  try {
    await loadSampleTambon(app, generateSampleTambon({ size: 'small' }));
    const insert = app.database.sqlite.prepare(
      'INSERT INTO audit_log (user_id, at, method, entity, entity_id, before, after) VALUES (NULL, ?, ?, ?, ?, NULL, ?)',
    );
    const start = Date.parse('2016-01-01T00:00:00Z');
    app.database.sqlite.transaction(() => {
      for (let i = 0; i < AUDIT_ROWS; i++) {
        const receipt = i + 1;
        insert.run(
          new Date(start + i * 300_000).toISOString(),
          'welfare.receipts.create',
          'receipt',
          String(receipt),
          `{"book":${Math.floor(receipt / 100) + 1},"number":${receipt % 100},"amountSatang":${(receipt % 12) * 3000 + 3000}}`,
        );
      }
    })();
  } finally {
    app.close(); // closing the last connection checkpoints the WAL into the file
  }
}

/** A copy of our migrations plus a harmless 0001, so a file at migration 0 has one pending migration. */
function makeMigrationsWithPendingNoop(target: string): string {
  fs.cpSync(defaultMigrationsFolder(), target, { recursive: true });
  const journal = readJournal(target);
  const last = journal.entries[journal.entries.length - 1]!;
  const noopSql = 'CREATE TABLE `bench_noop` (\n\t`id` integer PRIMARY KEY NOT NULL\n);\n';
  const tag = `${String(last.idx + 1).padStart(4, '0')}_bench_noop`;
  fs.writeFileSync(path.join(target, `${tag}.sql`), noopSql);
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1, tag, breakpoints: true });
  fs.writeFileSync(path.join(target, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
  return noopSql;
}

export async function benchDatabase(): Promise<BenchRow[]> {
  const temp = makeTempDir('database');
  const rows: BenchRow[] = [];
  try {
    const migrationsFolder = defaultMigrationsFolder();
    const migrationSql = readJournal(migrationsFolder)
      .entries.map((entry) => fs.readFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), 'utf8'))
      .join('\n');

    // 1. A new, empty file: create, pragmas, migrate.
    let counter = 0;
    let freshFile = '';
    const fresh = await measurePair(
      () => openDatabase(freshFile).close(),
      () => {
        const sqlite = bareOpen(freshFile);
        execInTransaction(sqlite, migrationSql);
        sqlite.close();
      },
      {
        warmup: 3,
        samples: 40,
        before: () => {
          freshFile = path.join(temp.dir, `fresh-${counter++}.sqlite`);
        },
        after: () => removeDatabaseFile(freshFile),
      },
    );
    rows.push(pairRow('open + migrate a new empty file', fresh, 'baseline: bare open + same pragmas + migration SQL in one transaction'));

    // 2. An existing, already migrated file with 1 M rows.
    const bigFile = path.join(temp.dir, 'million.sqlite');
    const buildStart = performance.now();
    await makeMillionRowFile(bigFile);
    const buildMs = performance.now() - buildStart;
    const bigSize = megabytes(fs.statSync(bigFile).size);

    const existing = await measurePair(
      () => {
        const opened = openDatabase(bigFile);
        if (opened.backupFile) throw new Error('an up-to-date file must not be backed up');
        opened.close();
      },
      () => bareOpen(bigFile).close(),
      { warmup: 3, samples: 40 },
    );
    rows.push(
      pairRow(
        'open existing file, 1 M audit rows (up to date)',
        existing,
        `${bigSize}, built in ${(buildMs / 1000).toFixed(1)} s; baseline: bare open + pragmas`,
      ),
    );

    // 3. The same file and the data the first screen asks for (office.session.get: user count and office row).
    const userCount = 'SELECT count(*) AS n FROM users';
    const officeRow = 'SELECT * FROM office WHERE id = 1';
    const firstScreen = await measurePair(
      async () => {
        const app = createApp(bigFile);
        const result = await app.router.call({ user: null }, 'office.session.get', {});
        if (!result.ok) throw new Error(result.error.messageEn);
        app.close();
      },
      () => {
        const sqlite = bareOpen(bigFile);
        sqlite.prepare(userCount).get();
        sqlite.prepare(officeRow).get();
        sqlite.close();
      },
      { warmup: 3, samples: 40 },
    );
    rows.push(
      pairRow(
        'open 1 M-row file + first screen (office.session.get)',
        firstScreen,
        'target < 300 ms (on the large tambon; here 1 M audit rows stand in); app: createApp + router call; baseline: bare open + the 2 queries',
      ),
    );

    // 4. An older file: one migration behind, so the app backs it up (VACUUM INTO) first. The pending migration is
    // a synthetic no-op appended after the shipped ones in a copied migrations folder, so that what is measured is
    // the backup + migrate path on 1 M rows, not the cost of one particular migration.
    const pendingFolder = path.join(temp.dir, 'migrations-with-pending');
    const noopSql = makeMigrationsWithPendingNoop(pendingFolder);
    const olderFile = path.join(temp.dir, 'older.sqlite');
    const backupsDir = path.join(temp.dir, 'backups');
    let backupSize = 0;
    const older = await measurePair(
      () => {
        const opened = openDatabase(olderFile, { migrationsFolder: pendingFolder });
        if (!opened.backupFile) throw new Error('an older file must be backed up before migrating');
        backupSize = fs.statSync(opened.backupFile).size;
        opened.close();
      },
      () => {
        const sqlite = bareOpen(olderFile);
        fs.mkdirSync(backupsDir, { recursive: true });
        sqlite.prepare('VACUUM INTO ?').run(path.join(backupsDir, 'baseline-backup.sqlite'));
        execInTransaction(sqlite, noopSql);
        sqlite.close();
      },
      {
        warmup: 1,
        samples: 9,
        before: () => fs.copyFileSync(bigFile, olderFile),
        after: () => {
          removeDatabaseFile(olderFile);
          fs.rmSync(backupsDir, { recursive: true, force: true });
        },
      },
    );
    rows.push(
      pairRow(
        'open older 1 M-row file: backup + migrate',
        older,
        `a synthetic no-op migration after the shipped ones; backup ${megabytes(backupSize)} by VACUUM INTO; baseline: bare open + VACUUM INTO + same SQL`,
      ),
    );
  } finally {
    temp.remove();
  }
  return rows;
}
