// The history viewer in browser mode (issue 11): an administrator finds a person's change by area and text, opens
// the record's whole history field by field, exports the list (and the export is itself in the history); a
// secretary has no history in the menu and the router refuses the call anyway.
import fs from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiValue, freshDataDir, logIn, startApp, tabCredentials, type RunningApp } from './app-process';

let app: RunningApp;
const api = <T>(request: APIRequestContext, method: string, data: unknown) => apiValue<T>(request, app, method, data);

const office = {
  tambon: 'หนองบัว',
  amphoe: 'เมืองอุดรธานี',
  province: 'อุดรธานี',
  councilName: 'สภาองค์กรชุมชนตำบลหนองบัว',
  fundName: 'กองทุนสวัสดิการชุมชนตำบลหนองบัว',
  address: 'หมู่ที่ 3 ตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี 41000',
};
const person = { title: 'นางสาว', firstName: 'ปุณณ์ญาดา', lastName: 'ศรีสุขสวัสดิ์', citizenId: '1-1017-00203-45-0', sex: 'F', birthDate: '1990-03-15', houseNumber: '12/3', phone: '081-234-5678', consentGiven: true, consentDate: '2026-01-10' };

test.beforeEach(async ({ request }) => {
  app = await startApp(freshDataDir());
  await api(request, 'office.setup.create', { office, admin: { displayName: 'นางสาวกิ่งแก้ว ปั้นทอง', username: 'admin', password: 'tambon1234' } });
  await api(request, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
  await api(request, 'office.users.create', { displayName: 'นายสมชาย เลขาดี', username: 'secretary', password: 'tambon1234', role: 'secretary' });
  const village = await api<{ id: number }>(request, 'people.villages.create', { number: 3, name: 'บ้านหนองบัว' });
  const created = await api<{ id: number }>(request, 'people.persons.create', { ...person, villageId: village.id });
  await api(request, 'people.persons.update', { ...person, villageId: village.id, id: created.id, firstName: 'กัญญ์ณัฏฐ์', phone: '' });
});
test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

test('an administrator filters the history, opens one person field by field, and exports the list', async ({ page }) => {
  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await page.getByRole('navigation').getByText('ประวัติการแก้ไข', { exact: true }).click();
  const table = page.getByTestId('history-table');
  await expect(table.getByText('people.persons.update')).toBeVisible();

  // Area: the people register only; then text: the old first name finds the change and the creation.
  await page.getByTestId('history-area').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('ทะเบียนบุคคล', { exact: true }).click();
  await page.getByTestId('history-search').click();
  // the village, the person added, the person changed; no sign-ins or office rows
  await expect(page.getByTestId('history-count')).toHaveText('รายการที่ 1–3 จากทั้งหมด 3 รายการ');
  await expect(table.getByText('office.auth.login')).toHaveCount(0);
  await page.getByTestId('history-text').fill('ปุณณ์ญาดา');
  await page.getByTestId('history-text').press('Enter');
  await expect(page.getByTestId('history-count')).toHaveText('รายการที่ 1–2 จากทั้งหมด 2 รายการ');
  await expect(table.locator('li', { hasText: 'ชื่อ: ปุณณ์ญาดา' }).filter({ hasText: 'กัญญ์ณัฏฐ์' })).toBeVisible();
  await page.screenshot({ path: 'test-results/history-list.png', fullPage: true });

  // One record's history: created, then changed; each field with its Thai label, old and new values.
  await table.getByTestId('history-record-link').first().click();
  const drawer = page.getByTestId('history-record');
  await expect(page.getByRole('dialog').getByText('ประวัติของบุคคล #1')).toBeVisible();
  await expect(drawer.locator('.ant-card')).toHaveCount(2);
  const change = drawer.locator('.ant-card').nth(1);
  await expect(change.getByRole('row', { name: /ชื่อ\s*ปุณณ์ญาดา\s*กัญญ์ณัฏฐ์/ })).toBeVisible();
  await expect(change.getByRole('row', { name: /โทรศัพท์\s*081-234-5678\s*—/ })).toBeVisible();
  const created = drawer.locator('.ant-card').first();
  await expect(created.getByRole('row', { name: /วันเกิด\s*—\s*15\/03\/2533/ })).toBeVisible();
  await expect(created.getByRole('row', { name: /หมู่ที่\s*—\s*หมู่ที่ 3 บ้านหนองบัว/ })).toBeVisible();
  await expect(created.getByRole('row', { name: /เพศ\s*—\s*หญิง/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/history-record.png', fullPage: true });
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/history$/);

  // The export: a file, and its own row in the history.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('history-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^ประวัติการแก้ไข-\d{8}\.xlsx$/);
  await page.getByRole('button', { name: 'ล้างเงื่อนไข' }).click();
  await expect(table.getByText('history.export')).toBeVisible();
});

test('an administrator prints the access request from the person page, and the print is in the history', async ({ page }) => {
  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await page.goto(`${app.origin}/#/people/1`);
  await expect(page.getByTestId('person-name')).toHaveText('นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์');
  const [response] = await Promise.all([page.waitForResponse((answer) => answer.url().includes('/api/history.accessRequestPrint')), page.getByTestId('person-access-request').click()]);
  const body = (await response.json()) as { ok: boolean; value: { pages: number; fileName: string } };
  expect(body.ok).toBe(true);
  expect(body.value.pages).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: 'test-results/history-person-page.png' });
  await page.goto(`${app.origin}/#/history`);
  await expect(page.getByTestId('history-table').getByText('history.accessRequestPrint')).toBeVisible();
});

test('a secretary sees no history in the menu, and the router refuses the call', async ({ page, request }) => {
  await page.goto(app.url);
  await logIn(page, 'secretary', 'tambon1234');
  await expect(page.getByRole('navigation').getByText('ทะเบียนบุคคล', { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation').getByText('ประวัติการแก้ไข', { exact: true })).toHaveCount(0);
  await page.goto(`${app.origin}/#/history`);
  await expect(page.getByTestId('history-refused')).toBeVisible();
  await page.goto(`${app.origin}/#/people/1`);
  await expect(page.getByTestId('person-edit')).toBeVisible();
  await expect(page.getByTestId('person-access-request')).toHaveCount(0);
  const refused = await request.post(`${app.origin}/api/history.list`, { headers: await tabCredentials(page), data: {} });
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ROLE_NOT_ALLOWED');
});
