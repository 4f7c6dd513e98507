// Issue 11, fault 3: a damaged, foreign or unwritable data file, and the start-up failures around it. Each case is
// tried the way it was found — the real command-line host started on the file — and must end in a clear Thai and
// English message, exit code 2, no stack trace, and the file exactly as it was.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isOnNetworkShare, mountTypeOf } from '../../db/file-check';
import { DatabaseOpenError, openDatabase } from '../../db/open';
import { createApp } from '../../main/app';
import { describeStartFailure, parsePort, serveStartFailure, StartArgumentError } from '../../main/host/start-failure';
import { routerCalls } from '../helpers/router-calls';
import { firstAdmin, setUpOffice, tempApp, tempDir } from '../helpers/temp';

const cli = path.resolve(import.meta.dirname, '../../main/host/cli.ts');
const FILE_NAME = 'tambon-desk.sqlite';

/** Runs the browser-mode host on a data folder as an office would start it (optionally as another user). */
function startHost(dataDir: string, extra: string[] = [], uid?: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--data-dir', dataDir, '--no-open', ...extra], {
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(uid === undefined ? {} : { uid, gid: uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // a host that did start, or waits on its restore page, is stopped at once: these tests want the refusals
      if (stdout.includes('open in a browser') || stdout.includes('restore a backup at')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The folder's files and their hashes: "untouched" means no byte changed and no -wal or -shm appeared. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.statSync(path.join(dir, name)).isFile() ? digest(path.join(dir, name)) : 'folder']));
}

/**
 * The refusal on the console. A damaged file or one that is not a database at all keeps the process waiting on a page
 * that restores a backup into its place; any other refusal ends it with code 2.
 */
function expectRefusedUntouched(run: { code: number | null; stdout: string; stderr: string }, words: string, restorable = false) {
  if (restorable) expect(run.stdout, run.stderr).toContain('กู้คืนจากไฟล์สำรองได้ที่ / restore a backup at: http://127.0.0.1:');
  else expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toContain(words);
  // Thai first, the English twin on the next line, and no stack trace
  expect(run.stderr).toMatch(/[\u0E00-\u0E7F]/);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/** A real data file of the app with an office and a few people in it, closed cleanly. */
async function realDataFile(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, FILE_NAME);
  const app = tempApp(file);
  const session = await setUpOffice(app);
  const { call } = routerCalls(app, session);
  for (let i = 0; i < 40; i++) {
    await call('people.persons.create', { title: 'นางสาว', firstName: `กัญญ์ณัฏฐ์${i}`, lastName: 'ศรีสุวรรณ์', noCitizenIdReason: 'no_card', notes: 'ก'.repeat(2000) });
  }
  app.close();
  return { dir, file };
}

describe('a data file the app must not open', () => {
  it('random bytes, a text file, a PDF and an xlsx are named for what they are and left untouched', async () => {
    const cases: [string, Buffer, string][] = [
      ['random', crypto.randomBytes(8192), 'ไม่ใช่ไฟล์ข้อมูลของ Tambon Desk'],
      ['text', Buffer.from('ชื่อ,นามสกุล\nกัญญ์ณัฏฐ์,ศรีสุวรรณ์\n'.repeat(200)), 'ไฟล์ข้อความ'],
      ['pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(4000)]), 'ไฟล์ PDF'],
      ['xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), crypto.randomBytes(4000)]), 'ไฟล์ Excel/Word'],
    ];
    for (const [name, bytes, words] of cases) {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, FILE_NAME), bytes);
      const before = snapshot(dir);
      const run = await startHost(dir);
      expectRefusedUntouched(run, words, true);
      expect(snapshot(dir), name).toEqual(before);
    }
  });

  it('a folder where the file should be, and a SQLite file of another program (with its own users table)', async () => {
    const folder = tempDir();
    fs.mkdirSync(path.join(folder, FILE_NAME));
    expectRefusedUntouched(await startHost(folder), 'เป็นโฟลเดอร์ ไม่ใช่ไฟล์ข้อมูล');

    const foreign = tempDir();
    const other = new Database(path.join(foreign, FILE_NAME));
    other.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT); INSERT INTO users (login) VALUES ('somchai'); CREATE TABLE orders (id INTEGER PRIMARY KEY)");
    other.close();
    const before = snapshot(foreign);
    const run = await startHost(foreign);
    expectRefusedUntouched(run, 'เป็นฐานข้อมูลของโปรแกรมอื่น');
    expect(run.stderr).toContain('users');
    expect(snapshot(foreign)).toEqual(before);
  });

  it('a truncated file and a file with one damaged page are refused before anything is written, pointing to the backup', async () => {
    const { dir, file } = await realDataFile();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    expect(bytes.length / pageSize).toBeGreaterThan(10);
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.copyFileSync(file, path.join(dir, 'backups', 'tambon-desk-20261130-daily.sqlite'));

    // cut in the middle
    fs.writeFileSync(file, bytes.subarray(0, pageSize * 5 + 100));
    let before = snapshot(dir);
    let run = await startHost(dir);
    expectRefusedUntouched(run, 'เสียหาย', true);
    expect(run.stderr).toContain('tambon-desk-20261130-daily.sqlite');
    expect(snapshot(dir)).toEqual(before);

    // one page of a table overwritten with garbage: the app used to start and then write a login into it
    const damaged = Buffer.from(bytes);
    crypto.randomBytes(pageSize - 200).copy(damaged, pageSize * 6 + 100);
    fs.writeFileSync(file, damaged);
    before = snapshot(dir);
    run = await startHost(dir);
    expectRefusedUntouched(run, 'เสียหาย', true);
    expect(snapshot(dir)).toEqual(before);

    // In-process (the window opens while the pages are read): every write waits for the check and is refused.
    const app = createApp(file);
    try {
      expect((await app.integrity)?.code).toBe('DAMAGED');
      const login = await app.router.call({ user: null }, 'office.auth.login', { username: firstAdmin.username, password: firstAdmin.password });
      expect(login).toMatchObject({ ok: false, error: { code: 'STORAGE', messageTh: expect.stringContaining('เสียหาย') } });
    } finally {
      app.close();
    }
    expect(snapshot(dir)).toEqual(before);

    // the whole file back: it starts
    fs.writeFileSync(file, bytes);
    run = await startHost(dir);
    expect(run.stdout, run.stderr).toContain('open in a browser');
  });

  // As root every permission is granted, so there the host runs as the unprivileged "nobody", as an office user
  // would — which needs the checkout to be readable by others (a clone in a private home folder is not).
  const asUser = process.getuid?.() === 0 ? 65534 : undefined;
  const nobodyCanRunTheHost =
    asUser === undefined ||
    spawnSync(process.execPath, ['--import', 'tsx', '-e', `require('better-sqlite3'); require('node:fs').readFileSync(${JSON.stringify(cli)})`], { uid: asUser, gid: asUser, cwd: path.dirname(cli) }).status === 0;
  if (!nobodyCanRunTheHost) console.log('permission cases skipped: running as root in a checkout the unprivileged user cannot read');

  it.runIf(nobodyCanRunTheHost)('an unreadable file of another user, a read-only file and a read-only folder', async () => {
    const { file } = await realDataFile();
    // Without root the owner's own permissions are what the host meets: a file with none at all stands for another
    // user's; as root the host runs as "nobody", for whom 0600 is another user's file.
    const cases: [string, number, number, string][] = [
      ['private', asUser === undefined ? 0o000 : 0o600, 0o777, 'ไม่มีสิทธิ์อ่านไฟล์ข้อมูล'],
      ['read-only-file', 0o444, 0o777, 'เป็นแบบอ่านอย่างเดียว'],
      ['read-only-folder', 0o666, 0o555, 'โฟลเดอร์ข้อมูล'],
    ];
    for (const [name, fileMode, folderMode, words] of cases) {
      const folder = path.join(tempDir(), name);
      fs.mkdirSync(folder);
      fs.copyFileSync(file, path.join(folder, FILE_NAME));
      fs.chmodSync(path.join(folder, FILE_NAME), fileMode);
      fs.chmodSync(folder, folderMode);
      fs.chmodSync(path.dirname(folder), 0o755);
      const before = snapshot(folder);
      expectRefusedUntouched(await startHost(folder, [], asUser), words);
      expect(snapshot(folder), name).toEqual(before);
      fs.chmodSync(folder, 0o755); // so the temp folder can be removed
    }
  });

  it('a damaged file is mended from its page: a backup checked and put in its place, the damaged file kept, the app started', async () => {
    const { dir, file } = await realDataFile();
    fs.mkdirSync(path.join(dir, 'backups'));
    const backup = path.join(dir, 'backups', 'tambon-desk-auto-20261130-170000.sqlite');
    fs.copyFileSync(file, backup);
    const bytes = fs.readFileSync(file);
    const damagedBytes = Buffer.from(bytes);
    crypto.randomBytes(bytes.readUInt16BE(16) - 200).copy(damagedBytes, bytes.readUInt16BE(16) * 6 + 100);
    fs.writeFileSync(file, damagedBytes);

    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--data-dir', dir, '--no-open'], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      const page = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no restore page: ${stdout}`)), 30_000);
        child.stdout.on('data', () => {
          const match = /restore a backup at: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const html = await (await fetch(page)).text();
      expect(html).toContain('กู้คืนจากไฟล์สำรอง');
      expect(html).toContain('tambon-desk-auto-20261130-170000.sqlite');
      const token = /'x-tambon-token': "([\w-]+)"/.exec(html)![1]!;
      const restore = async (body: unknown, headerToken = token) => {
        const response = await fetch(`${page}restore`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tambon-token': headerToken }, body: JSON.stringify(body) });
        return { status: response.status, body: (await response.json()) as { ok: boolean; url?: string; messageTh?: string } };
      };
      expect((await restore({ file: backup }, 'guess')).status).toBe(403);
      expect((await restore({ file: path.join(dir, 'ไม่มี.sqlite') })).body.messageTh).toContain('ไม่พบไฟล์สำรอง');
      expect(fs.readFileSync(file).equals(damagedBytes)).toBe(true);

      const done = await restore({ file: backup, password: null });
      expect(done.body, JSON.stringify(done.body)).toMatchObject({ ok: true, url: expect.stringContaining('?token=') });
      expect(stdout).toContain('open in a browser');
      // every record of the backup is back; the damaged file is kept beside it, byte for byte
      const restored = new Database(file, { readonly: true });
      expect(restored.prepare("SELECT count(*) AS n FROM people WHERE first_name LIKE 'กัญญ์ณัฏฐ์%'").get()).toEqual({ n: 40 });
      restored.close();
      const kept = fs.readdirSync(dir).find((name) => name.startsWith(`${FILE_NAME}.refused-`))!;
      expect(fs.readFileSync(path.join(dir, kept)).equals(damagedBytes)).toBe(true);
      const session = await fetch(`${new URL(done.body.url!).origin}/api/office.session.get`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tambon-token': new URL(done.body.url!).searchParams.get('token')! }, body: '{}' });
      expect(session.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });

  it('after an unclean shutdown the full check runs and a sound file opens with every committed record', async () => {
    const dir = tempDir();
    const file = path.join(dir, FILE_NAME);
    const app = tempApp(file);
    const session = await setUpOffice(app);
    await routerCalls(app, session).call('people.persons.create', { title: 'นาย', firstName: 'ฐิติพงศ์', lastName: 'ฤทธิ์ณรงค์', noCitizenIdReason: 'no_card' });
    // The files as a power cut would leave them: the log of committed writes not yet folded into the file.
    const crashed = tempDir();
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, path.join(crashed, FILE_NAME + suffix));
    app.close();
    expect(fs.statSync(path.join(crashed, `${FILE_NAME}-wal`)).size).toBeGreaterThan(0);
    const reopened = openDatabase(path.join(crashed, FILE_NAME));
    try {
      expect(reopened.uncleanShutdown).toBe(true);
      expect(reopened.sqlite.prepare("SELECT count(*) AS n FROM people WHERE first_name = 'ฐิติพงศ์'").get()).toEqual({ n: 1 });
    } finally {
      reopened.close();
    }
    // closed cleanly this time: the next start is an ordinary one
    const again = openDatabase(path.join(crashed, FILE_NAME));
    expect(again.uncleanShutdown).toBe(false);
    again.close();
  });

  it('refuses a data file on a network share, and finds the mount of a path', () => {
    const mounts = ['/dev/sda1 / ext4 rw 0 0', '//server/fund /mnt/fund cifs rw 0 0', 'nas:/export /home/office/nas nfs4 rw 0 0', 'tmpfs /tmp tmpfs rw 0 0'].join('\n');
    expect(mountTypeOf('/mnt/fund/tambon-desk.sqlite', mounts)).toBe('cifs');
    expect(mountTypeOf('/mnt/fundraising/x.sqlite', mounts)).toBe('ext4');
    expect(isOnNetworkShare('/home/office/nas/Tambon Desk/tambon-desk.sqlite', 'linux', mounts)).toBe(true);
    expect(isOnNetworkShare('/home/office/Tambon Desk/tambon-desk.sqlite', 'linux', mounts)).toBe(false);
    expect(isOnNetworkShare('\\\\SERVER\\fund\\tambon-desk.sqlite', 'win32')).toBe(true);
    expect(isOnNetworkShare('C:\\Users\\office\\AppData\\Roaming\\Tambon Desk\\tambon-desk.sqlite', 'win32')).toBe(false);
    expect(isOnNetworkShare('\\\\?\\C:\\Users\\office\\tambon-desk.sqlite', 'win32')).toBe(false);
  });

  it('the refusal raised in-process carries its code, so the window shows the same words', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, FILE_NAME), '%PDF-1.4 ใบเสร็จ');
    let refusal: unknown;
    try {
      openDatabase(path.join(dir, FILE_NAME));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseOpenError);
    expect((refusal as DatabaseOpenError).code).toBe('NOT_DATABASE');
    expect(describeStartFailure(refusal).th).toContain('ไฟล์ PDF');
  });
});

describe('a write the disk refuses', () => {
  it('says the disk is full, saves nothing of that call and keeps the file sound', async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    const { call } = routerCalls(app, session);
    const sqlite = app.database.sqlite;
    // The file may not grow past its present size: SQLite answers SQLITE_FULL, as on a full disk.
    const pages = (sqlite.pragma('page_count', { simple: true }) as number) + 2;
    sqlite.pragma(`max_page_count = ${pages}`);
    let saved = 0;
    let refusal: { code: string; messageTh: string } | null = null;
    for (let i = 0; i < 200 && refusal === null; i++) {
      const result = await app.router.call(session, 'people.persons.create', { title: 'นาง', firstName: `ปุณณ์ญาดา${i}`, lastName: 'ศรีสุข', noCitizenIdReason: 'no_card', notes: 'ข'.repeat(2000) });
      if (result.ok) saved++;
      else refusal = result.error;
    }
    expect(refusal).toMatchObject({ code: 'STORAGE', messageTh: expect.stringContaining('พื้นที่ดิสก์เต็ม') });
    expect(sqlite.prepare("SELECT count(*) AS n FROM people WHERE first_name LIKE 'ปุณณ์ญาดา%'").get()).toEqual({ n: saved });
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // room again: the same call goes through
    sqlite.pragma('max_page_count = 1073741823');
    await call('people.persons.create', { title: 'นาง', firstName: 'ปุณณ์ญาดา-ต่อ', lastName: 'ศรีสุข', noCitizenIdReason: 'no_card' });
  });
});

describe('start-up arguments and the port', () => {
  it('a port that is not a number, or out of range, is refused by name', async () => {
    expect(parsePort(undefined)).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    for (const bad of ['abc', '-1', '0', '70000', '80.5', '']) expect(() => parsePort(bad), bad).toThrow(StartArgumentError);
    expectRefusedUntouched(await startHost(tempDir(), ['--port', 'abc']), '--port "abc" ไม่ถูกต้อง');
  });

  it('a busy port says so instead of printing a stack', async () => {
    const busy = http.createServer(() => {});
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const run = await startHost(tempDir(), ['--port', String(port)]);
      expectRefusedUntouched(run, `พอร์ต ${port} มีโปรแกรมอื่นใช้อยู่`);
    } finally {
      busy.close();
    }
  });

  it('in browser mode the reason is also the page the browser opens', async () => {
    const page = await serveStartFailure({ th: 'ไฟล์ข้อมูลเสียหาย <ทดสอบ>', en: 'The data file is damaged' });
    try {
      const response = await fetch(page.url);
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toContain('เปิดโปรแกรม Tambon Desk ไม่ได้');
      expect(html).toContain('ไฟล์ข้อมูลเสียหาย &#60;ทดสอบ&#62;');
      const api = await fetch(`${page.url}api/office.session.get`, { method: 'POST' });
      expect(((await api.json()) as { error: { messageTh: string } }).error.messageTh).toContain('ไฟล์ข้อมูลเสียหาย');
    } finally {
      await page.close();
    }
  });
});
