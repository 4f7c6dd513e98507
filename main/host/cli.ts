// `node dist/main/host.cjs [--data-dir DIR] [--port N] [--no-open]`: browser mode, for machines where the
// Electron binary cannot run. Prints the one link (with this start's token) that opens the app.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../app';
import { DatabaseOpenError } from '../../db/open';
import { argValue, DATABASE_FILE_NAME, resolveDataDir } from '../paths';
import { warmUpDocuments } from '../documents/engine';
import { startHost } from './server';

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

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  let app;
  try {
    app = createApp(file);
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      console.error(`${error.messageTh}\n${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (app.database.backupFile) console.log(`สำรองข้อมูลก่อนปรับโครงสร้างไว้ที่ / backup before migrating: ${app.database.backupFile}`);
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  const port = Number(argValue(argv, '--port') ?? 0);
  const host = await startHost({ app, port, rendererDir: fs.existsSync(rendererDir) ? rendererDir : undefined });
  warmUpDocuments();
  console.log(`ข้อมูลอยู่ที่ / data file: ${file}`);
  console.log(`เปิดโปรแกรมในเบราว์เซอร์ / open in a browser: ${host.url}`);
  const wantsBrowser = !argv.includes('--no-open') && !process.env.CI && (process.platform !== 'linux' || Boolean(process.env.DISPLAY));
  if (wantsBrowser) openBrowser(host.url);

  const shutdown = () => {
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
