import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { freshDataDir, logIn, startApp, tabCredentials, type RunningApp } from './app-process';

const office = {
  tambon: 'หนองบัว',
  amphoe: 'เมืองอุดรธานี',
  province: 'อุดรธานี',
  councilName: 'สภาองค์กรชุมชนตำบลหนองบัว',
  fundName: 'กองทุนสวัสดิการชุมชนตำบลหนองบัว',
  address: 'ที่ทำการ อบต.หนองบัว หมู่ที่ 3 ตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี 41000',
  phone: '042-123456',
};
const admin = { displayName: 'นางสาวปุณณ์ญาดา ศรีสุข', username: 'punyada', password: 'รหัสผ่านยาว1234' };

let app: RunningApp;
test.beforeEach(async () => {
  app = await startApp(freshDataDir());
});
test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

test('a browser without the printed link cannot use the API, and nothing is created', async ({ page, request }) => {
  await page.goto(app.origin);
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/office.setup.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return { status: response.status, body: (await response.json()) as { error: { messageTh: string } } };
  });
  expect(status.status).toBe(401);
  expect(status.body.error.messageTh).toContain('ลิงก์');

  // After the refused call the office is still not set up: opening the real link shows the first-run wizard.
  const session = await request.post(`${app.origin}/api/office.session.get`, { headers: { 'x-tambon-token': app.token }, data: {} });
  expect(((await session.json()) as { value: { needsSetup: boolean } }).value.needsSetup).toBe(true);
});

test('the printed link keeps the token in this tab only: out of the address bar, and in no cookie', async ({ page }) => {
  await page.goto(app.url);
  await expect(page).toHaveURL(`${app.origin}/`);
  await expect(page.getByText('ตั้งค่าสำนักงานครั้งแรก')).toBeVisible();
  expect(await page.context().cookies()).toEqual([]);
  expect(await page.evaluate(() => sessionStorage.getItem('tambonDesk.token'))).toBe(app.token);
  // a request the page's own code did not give the token to is refused
  const bare = await page.evaluate(async () => (await fetch('/api/office.session.get', { method: 'POST', body: '{}' })).status);
  expect(bare).toBe(401);
});

test('another server on 127.0.0.1 that the logged-in browser visits receives neither credential, and replaying what it gets opens nothing (issue 11, faults 1 and 2)', async ({ page, request }) => {
  const setup = await request.post(`${app.origin}/api/office.setup.create`, { headers: { 'x-tambon-token': app.token }, data: { office, admin } });
  expect(((await setup.json()) as { ok: boolean }).ok).toBe(true);
  await page.goto(app.url);
  await logIn(page, admin.username, admin.password);
  await expect(page.getByRole('button', { name: 'ออกจากระบบ' })).toBeVisible();
  const held = await page.evaluate(() => ({ token: sessionStorage.getItem('tambonDesk.token')!, session: sessionStorage.getItem('tambonDesk.session')! }));
  expect(held.token).toBe(app.token);
  expect(held.session.length).toBeGreaterThanOrEqual(32);

  // Another program's web page on 127.0.0.1: it records every request and sets a cookie with a broken %-escape.
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  const other = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'prefs=100%; Path=/' });
      // It also tries a cross-site request at the app (CSRF): it has no token to send, so nothing may happen.
      const forged = JSON.stringify({ displayName: 'ผู้บุกรุก', username: 'intruder', password: 'intruder-1234', role: 'admin' });
      res.end(
        `<title>อื่น</title><img src="/pixel.png"><script>
          Promise.allSettled([
            fetch("/probe", { credentials: "include" }),
            fetch("${app.origin}/api/office.users.create", { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(forged)} }),
          ]).then(() => { document.title = "done"; });
        </script>`,
      );
    } else res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    // visited in a second tab of the same browser, and in the app's own tab
    const otherTab = await page.context().newPage();
    await otherTab.goto(`${otherOrigin}/`);
    await expect(otherTab).toHaveTitle('done');
    await page.goto(`${otherOrigin}/`);
    await expect(page).toHaveTitle('done');
    expect(seen.length).toBeGreaterThanOrEqual(6);

    const received = JSON.stringify(seen);
    expect(received).not.toContain(held.token);
    expect(received).not.toContain(held.session);
    expect(received).not.toMatch(/td_token|td_session|x-tambon/i);

    // Replaying everything it received, cookie included, at the app is refused and reaches no method.
    for (const { headers } of seen) {
      const replay = await request.post(`${app.origin}/api/office.profile.get`, { headers: { cookie: headers.cookie ?? '' }, data: {} });
      expect(replay.status()).toBe(401);
    }

    // The broken cookie now goes to the app too (cookies ignore ports): the app still opens, still logged in.
    expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual(['prefs']);
    await page.goBack();
    await expect(page).toHaveURL(`${app.origin}/`);
    await expect(page.getByRole('button', { name: 'ออกจากระบบ' })).toBeVisible();
    await page.getByRole('link', { name: 'ตั้งค่า' }).or(page.getByRole('menuitem', { name: 'ตั้งค่า' })).first().click();
    await expect(page.getByLabel('ตำบล', { exact: true })).toHaveValue(office.tambon);
    // the forged request created no one
    const users = await page.request.post(`${app.origin}/api/office.users.list`, { headers: await tabCredentials(page), data: {} });
    expect(((await users.json()) as { value: { username: string }[] }).value.map((user) => user.username)).toEqual([admin.username]);
  } finally {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  }
});

test('the page is served with a strict Content-Security-Policy', async ({ page }) => {
  const response = await page.goto(app.url);
  const csp = (await response!.headerValue('content-security-policy')) ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
});
