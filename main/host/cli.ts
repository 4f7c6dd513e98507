// `node dist/main/host.cjs [--data-dir DIR] [--port N] [--no-open]`: browser mode, for machines where the
// Electron binary cannot run. Prints the one link (with this start's token) that opens the app.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import { argValue, DATABASE_FILE_NAME, resolveDataDir } from '../paths';
import { warmUpDocuments } from '../documents/engine';
import { automaticBackup, startAutomaticBackups } from '../backup/backups';
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

/** Says why the app cannot start, in Thai and English; shows it in the browser too when one would open. */
async function failToStart(error: unknown, port: number | undefined, wantsBrowser: boolean): Promise<never> {
  const failure = describeStartFailure(error, port);
  console.error(`${failure.th}\n${failure.en}`);
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

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const wantsBrowser = !argv.includes('--no-open') && !process.env.CI && (process.platform !== 'linux' || Boolean(process.env.DISPLAY));
  let port: number | undefined;
  let app;
  let host;
  const file = path.join(resolveDataDir(argv), DATABASE_FILE_NAME);
  try {
    port = parsePort(argValue(argv, '--port'));
    app = createApp(file);
    // the browser is sent to the app only once every page of the file has been read back sound
    const refusal = await app.integrity;
    if (refusal) {
      app.close();
      throw refusal;
    }
    // the bundle runs as CommonJS; the sources (tests) as ES modules
    const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    const rendererDir = path.resolve(here, '..', 'renderer');
    try {
      host = await startHost({ app, port, rendererDir: fs.existsSync(rendererDir) ? rendererDir : undefined });
    } catch (error) {
      app.close();
      throw error;
    }
  } catch (error) {
    return failToStart(error, port, wantsBrowser);
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
}

void main();
