// `npm start` (after the build): the Electron window where its binary exists or can be fetched; otherwise
// one line saying so, and browser mode (the same app over http://127.0.0.1 with a per-start token).
// Flags: --data-dir DIR, --port N, --browser (skip Electron), --demo (a fresh folder with the sample tambon).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function flagValue(name) {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
}

/** The Electron binary's path, fetching it once if npm did not; null where that cannot be done. */
function electronBinary() {
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  const installed = () => fs.existsSync(pathFile) && fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')));
  if (!installed()) {
    const fetched = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
    if (fetched.status !== 0 || !installed()) return null;
  }
  return path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'));
}

function startBrowserMode(extraArgs) {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'main', 'host.cjs'), ...extraArgs], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

let passArgs = args.filter((a) => a !== '--demo' && a !== '--browser');
if (args.includes('--demo')) {
  const dataDir = flagValue('--data-dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-desk-demo-'));
  const { prepareDemo } = require(path.join(root, 'dist', 'main', 'demo-data.cjs'));
  const demo = await prepareDemo(dataDir);
  console.log(`ข้อมูลตัวอย่าง (ตำบลสมมุติ) / demo data: ${demo.file}`);
  console.log(`เข้าสู่ระบบด้วย / log in as: ${demo.login.username} / ${demo.login.password}`);
  if (!flagValue('--data-dir')) passArgs = [...passArgs, '--data-dir', dataDir];
}

const binary = args.includes('--browser') ? null : electronBinary();
if (!binary) {
  console.log('Electron ใช้ไม่ได้บนเครื่องนี้ จึงเปิดโหมดเบราว์เซอร์แทน / Electron is not available on this machine: starting browser mode.');
  startBrowserMode(passArgs);
} else {
  const startedAt = Date.now();
  const child = spawn(binary, [root, ...passArgs], { stdio: 'inherit' });
  child.on('exit', (code) => {
    // A window that dies at once (no display, missing system libraries) falls back to browser mode.
    if (code !== 0 && Date.now() - startedAt < 5000) {
      console.log('Electron เริ่มทำงานไม่ได้ จึงเปิดโหมดเบราว์เซอร์แทน / Electron could not start: starting browser mode.');
      startBrowserMode(passArgs);
    } else process.exit(code ?? 0);
  });
}
