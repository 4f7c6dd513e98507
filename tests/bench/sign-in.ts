// Sign-in under load, through the real browser-mode host (not part of `npm run bench`; run on its own):
//   node --expose-gc --import tsx tests/bench/sign-in.ts
// Prints: how long an ordinary request waits while 30 logins run at once; the time of a login with an unknown
// username beside one with a wrong password; memory and sessions after 20,000 requests from no logged-in client.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../main/app';
import { startHost, TOKEN_HEADER } from '../../main/host/server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-desk-sign-in-'));
const app = createApp(path.join(dir, 'tambon-desk.sqlite'));
const host = await startHost({ app });
const base = `http://127.0.0.1:${host.port}`;
const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: host.token };
const post = async (method: string, body: unknown) => {
  const response = await fetch(`${base}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return (await response.json()) as { ok: boolean };
};
const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const admin = { displayName: 'นางบุญมี ศรีสุข', username: 'boonmee', password: 'รหัสผ่านยาว1234' };
await post('office.setup.create', {
  office: { tambon: 'หนองบัว', amphoe: 'เมืองอุดรธานี', province: 'อุดรธานี', councilName: 'สภาองค์กรชุมชนตำบลหนองบัว', fundName: 'กองทุนสวัสดิการชุมชนตำบลหนองบัว', address: 'หมู่ที่ 3', phone: '' },
  admin,
});

// 30 people of one office, so that the per-username wait does not stop the 30 logins (one login each)
const adminLogin = await fetch(`${base}/api/office.auth.login`, { method: 'POST', headers, body: JSON.stringify({ username: admin.username, password: admin.password }) });
const asAdmin = { ...headers, 'x-tambon-session': adminLogin.headers.get('x-tambon-session') ?? '', cookie: (adminLogin.headers.get('set-cookie') ?? '').split(';')[0]! };
const staff = Array.from({ length: 30 }, (_, i) => ({ displayName: `นางสาวปุณณ์ญาดา ทดสอบ${i}`, username: `staff${i}`, password: `รหัสผ่านยาว${i}xyz`, role: 'viewer' }));
for (const person of staff) await fetch(`${base}/api/office.users.create`, { method: 'POST', headers: asAdmin, body: JSON.stringify(person) });

const alone = median(await Promise.all(Array.from({ length: 5 }, () => timed(() => post('office.session.get', {})))));
let loginsDone = false;
const logins = Promise.all(staff.map((person) => post('office.auth.login', { username: person.username, password: person.password }))).then(() => {
  loginsDone = true;
});
const during: number[] = [];
while (!loginsDone) during.push(await timed(() => post('office.session.get', {})));
await logins;
console.log(`office.session.get alone: median ${alone.toFixed(1)} ms; while 30 logins run: median ${median(during).toFixed(1)} ms, slowest ${Math.max(...during).toFixed(0)} ms (${during.length} requests)`);

const unknown: number[] = [];
const wrong: number[] = [];
// one wrong try per name, below every wait
for (let i = 0; i < 10; i++) {
  unknown.push(await timed(() => post('office.auth.login', { username: `nobody${i}`, password: 'ผิดแน่นอน' })));
  wrong.push(await timed(() => post('office.auth.login', { username: `staff${i}`, password: `ผิด${i}` })));
}
console.log(`login, unknown username: median ${median(unknown).toFixed(1)} ms; wrong password: median ${median(wrong).toFixed(1)} ms`);

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const keptBefore = (host as { activeSessions?: () => number }).activeSessions?.();
for (let i = 0; i < 20_000; i += 100) {
  await Promise.all(Array.from({ length: 100 }, () => post('office.session.get', {})));
}
gc?.();
const heapAfter = process.memoryUsage().heapUsed;
const kept = (host as { activeSessions?: () => number }).activeSessions?.();
console.log(`20,000 requests from no logged-in client: heap ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB more${gc ? '' : ' (run with --expose-gc for a fair figure)'}; sessions kept: ${kept === undefined ? 'not counted by this version' : `${keptBefore} before (the logins above), ${kept} after`}`);

await host.close();
app.close();
fs.rmSync(dir, { recursive: true, force: true });
