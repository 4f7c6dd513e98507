import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshDataDir, startApp, type RunningApp } from './app-process';

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

test('the printed link moves the token into a cookie and out of the address bar', async ({ page }) => {
  await page.goto(app.url);
  await expect(page).toHaveURL(`${app.origin}/`);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'td_token')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  const ok = await page.evaluate(async () => (await fetch('/api/office.session.get', { method: 'POST', body: '{}' })).status);
  expect(ok).toBe(200);
});

test('the page is served with a strict Content-Security-Policy', async ({ page }) => {
  const response = await page.goto(app.url);
  const csp = (await response!.headerValue('content-security-policy')) ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
});
