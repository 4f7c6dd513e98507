// `node dist/main/host.cjs [--data-dir DIR] [--port N] [--no-open]`: browser mode, for machines where the
// Electron binary cannot run. Prints the one link (with this start's token) that opens the app.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import { argValue, DATABASE_FILE_NAME, resolveDataDir } from '../paths';
import { warmUpDocuments } from '../documents/engine';
import { backupsBeside, DatabaseOpenError } from '../../db/file-check';
import { automaticBackup, restoreIntoPlace, startAutomaticBackups } from '../backup/backups';
import { startHost } from './server';
import { describeStartFailure, parsePort, serveStartFailure } from './start-failure';

function openBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {}); // no browser here: the printed link is enough
    child.unref();
  } catch {
    // same: the link is printed
  }
}

/** A refusal the office mends by restoring a backup into the file's place (the refused file is kept beside it). */
function restorable(error: unknown): boolean {
  return error instanceof DatabaseOpenError && (error.code === 'DAMAGED' || error.code === 'NOT_DATABASE');
}

/**
 * Says why the app cannot start, in Thai and English. A damaged file (or not a database at all) gets a page that
 * restores a backup into its place and then starts the app; any other reason is shown in the browser too when one
 * would open, and the process ends.
 */
async function failToStart(error: unknown, argv: string[], file: string, port: number | undefined, wantsBrowser: boolean): Promise<void> {
  const failure = describeStartFailure(error, port);
  console.error(`${failure.th}\n${failure.en}`);
  if (restorable(error)) {
    const page = await serveStartFailure(failure, {
      recovery: {
        backups: backupsBeside(file),
        restore: async (backup, password) => {
          await restoreIntoPlace(file, backup, password);
          const url = await start(argv, false);
          setImmediate(() => void page.close());
          return { url };
        },
      },
    });
    console.log(`กู้คืนจากไฟล์สำรองได้ที่ / restore a backup at: ${page.url}`);
    if (wantsBrowser) openBrowser(page.url);
    return; // the page keeps the process alive until the backup is restored (or the office closes it)
  }
  if (wantsBrowser) {
    try {
      const page = await serveStartFailure(failure);
      openBrowser(page.url);
      // the page stays up for a while so the browser can load it; then the process ends as it would have
      await new Promise((resolve) => setTimeout(resolve, 120_000));
    } catch {
      // the console message is enough
    }
  }
  process.exit(2);
}

/** Opens the data file and serves the app; answers its link. Throws what stops it from starting. */
async function start(argv: string[], wantsBrowser: boolean): Promise<string> {
  const port = parsePort(argValue(argv, '--port'));
  const file = path.join(resolveDataDir(argv), DATABASE_FILE_NAME);
  const app = createApp(file);
  let host;
  try {
    // the browser is sent to the app only once every page of the file has been read back sound
    const refusal = await app.integrity;
    if (refusal) throw refusal;
    // the bundle runs as CommonJS; the sources (tests) as ES modules
    const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    const rendererDir = path.resolve(here, '..', 'renderer');
    host = await startHost({ app, port, rendererDir: fs.existsSync(rendererDir) ? rendererDir : undefined });
  } catch (error) {
    app.close();
    throw error;
  }
  if (app.database.backupFile) console.log(`สำรองข้อมูลก่อนปรับโครงสร้างไว้ที่ / backup before migrating: ${app.database.backupFile}`);
  if (app.database.uncleanShutdown) console.log('ครั้งก่อนโปรแกรมปิดไม่เรียบร้อย ตรวจความสมบูรณ์ของไฟล์ข้อมูลแล้ว: ปกติ / the last run did not close cleanly; the full integrity check passed');
  warmUpDocuments();
  console.log(`ข้อมูลอยู่ที่ / data file: ${file}`);
  console.log(`เปิดโปรแกรมในเบราว์เซอร์ / open in a browser: ${host.url}`);
  if (wantsBrowser) openBrowser(host.url);

  const backups = startAutomaticBackups(app.router.app);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    backups.stop();
    void host
      .close()
      // the exit backup: a checked copy of the day's work before the process ends
      .then(() => automaticBackup(app.router.app).catch((error: unknown) => console.error('[backup] at exit', error)))
      .then(() => {
        app.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return host.url;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const wantsBrowser = !argv.includes('--no-open') && !process.env.CI && (process.platform !== 'linux' || Boolean(process.env.DISPLAY));
  try {
    await start(argv, wantsBrowser);
  } catch (error) {
    let port: number | undefined;
    try {
      port = parsePort(argValue(argv, '--port'));
    } catch {
      port = undefined;
    }
    await failToStart(error, argv, path.join(resolveDataDir(argv), DATABASE_FILE_NAME), port, wantsBrowser);
  }
}

void main();
