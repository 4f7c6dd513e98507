// Prepares the data folder for `npm run demo`: a fresh database holding the small sample tambon.
// Bundled by scripts/build-main.mjs to dist/main/demo-data.cjs, which scripts/start.mjs requires after a build;
// also runnable directly: `npx tsx scripts/demo-data.ts [dataDir]`.
// No top-level await, so that esbuild can emit it as CommonJS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../main/app';
import { DATABASE_FILE_NAME } from '../main/paths';
import { generateSampleTambon, loadSampleTambon } from '../main/sample/sample-tambon';

/** Written into every folder prepareDemo makes, so that it only ever wipes a folder it made itself. */
const DEMO_MARKER = '.tambon-desk-demo';

export interface DemoData {
  dataDir: string;
  file: string;
  login: { username: string; password: string };
}

/**
 * Makes `dataDir` a fresh demo folder: a new database file with the small sample tambon loaded.
 * A folder from an earlier demo is emptied first; any other non-empty folder is refused untouched, so pointing
 * the demo at a real office's data folder can never erase it.
 */
export async function prepareDemo(dataDir: string): Promise<DemoData> {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, DATABASE_FILE_NAME);
  const marker = path.join(dir, DEMO_MARKER);
  if (fs.existsSync(marker)) fs.rmSync(dir, { recursive: true, force: true });
  else if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty and was not made by the demo; choose an empty or new folder for the demo data`);
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(marker, 'Demo data made by scripts/demo-data.ts; this folder may be erased by the next demo.\n');

  const sample = generateSampleTambon({ size: 'small' });
  const app = createApp(file);
  try {
    await loadSampleTambon(app, sample);
  } finally {
    app.close();
  }
  const admin = sample.users[0]!;
  return { dataDir: dir, file, login: { username: admin.username, password: admin.password } };
}

function runAsScript(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  const withoutExtension = (file: string) => file.replace(/\.(ts|cjs|mjs|js)$/, '');
  return withoutExtension(path.resolve(entry)) === withoutExtension(fileURLToPath(import.meta.url));
}

if (runAsScript()) {
  const dataDir = process.argv[2] ?? path.join(os.tmpdir(), 'tambon-desk-demo');
  prepareDemo(dataDir).then(
    (demo) => {
      console.log(`ข้อมูลตัวอย่างพร้อมแล้ว / demo data ready: ${demo.file}`);
      console.log(`เข้าสู่ระบบด้วย / log in as: ${demo.login.username} / ${demo.login.password}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
