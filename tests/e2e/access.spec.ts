import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { prepareDemo as PrepareDemo } from '../../scripts/demo-data';
import { apiValue, freshDataDir, logIn, startApp, tabCredentials, type RunningApp } from './app-process';

const admin = { displayName: 'นางบุญมี ศรีสุข', username: 'boonmee', password: 'สำนักงาน2569' };
const auditor = { displayName: 'นางสาวปุณณ์ญาดา ตรวจสอบ', username: 'punyada', password: 'ตรวจบัญชี2569', role: 'auditor' };
const shots = path.join('test-results', 'access');

let app: RunningApp;

async function setUpOffice(request: APIRequestContext) {
  await apiValue(request, app, 'office.setup.create', {
    office: {
      tambon: 'หนองบัว',
      amphoe: 'เมืองอุดรธานี',
      province: 'อุดรธานี',
      councilName: 'สภาองค์กรชุมชนตำบลหนองบัว',
      fundName: 'กองทุนสวัสดิการชุมชนตำบลหนองบัว',
      address: 'หมู่ที่ 3 ตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี 41000',
    },
    admin,
  });
  await apiValue(request, app, 'office.auth.login', { username: admin.username, password: admin.password });
  await apiValue(request, app, 'office.users.create', auditor);
}

async function openNav(page: Page, name: string) {
  await page.getByRole('navigation').getByText(name, { exact: true }).click();
}

async function logOut(page: Page) {
  await page.getByTestId('logout').click();
  await page.getByTestId('logout-confirm').click();
  await expect(page.getByRole('heading', { name: 'เข้าสู่ระบบ' })).toBeVisible();
}

test.describe('people and permissions', () => {
  test.beforeEach(async ({ request }) => {
    app = await startApp(freshDataDir());
    await setUpOffice(request);
  });
  test.afterEach(async () => {
    await app.stop();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  });

  test('change my password; the admin resets the auditor’s, who must pick a new one and then only reads', async ({ page }) => {
    await page.goto(app.url);
    await logIn(page, admin.username, admin.password);
    await expect(page.getByTestId('current-user')).toContainText(admin.displayName);

    // own password: a wrong current one is named under its field; typed with the keyboard only
    await page.getByTestId('current-user').click();
    await page.getByTestId('change-password').click();
    const dialog = page.getByRole('dialog', { name: 'เปลี่ยนรหัสผ่านของฉัน' });
    await dialog.getByLabel('รหัสผ่านปัจจุบัน').fill('ไม่ใช่รหัสนี้');
    await dialog.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('สำนักงานใหม่2570');
    await dialog.getByLabel('ยืนยันรหัสผ่านใหม่').fill('สำนักงานใหม่2570');
    await dialog.getByLabel('ยืนยันรหัสผ่านใหม่').press('Enter');
    await expect(dialog.getByText('รหัสผ่านไม่ถูกต้อง')).toBeVisible();
    await dialog.getByLabel('รหัสผ่านปัจจุบัน').fill(admin.password);
    await dialog.getByLabel('ยืนยันรหัสผ่านใหม่').press('Enter');
    await expect(page.getByText('เปลี่ยนรหัสผ่านเรียบร้อยแล้ว')).toBeVisible();
    await expect(dialog).toBeHidden();

    // reset the auditor's password from the users list
    await openNav(page, 'ตั้งค่า');
    await page.getByTestId(`reset-password-${auditor.username}`).click();
    const reset = page.getByRole('dialog', { name: `ตั้งรหัสผ่านชั่วคราวให้ ${auditor.displayName}` });
    await reset.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(auditor.username);
    await reset.getByLabel('ยืนยันรหัสผ่านใหม่').fill(auditor.username);
    await reset.getByTestId('reset-password-save').click();
    await expect(reset.getByText('รหัสผ่านใหม่ต้องไม่เหมือนชื่อผู้ใช้')).toBeVisible();
    await reset.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('ชั่วคราว2569');
    await reset.getByLabel('ยืนยันรหัสผ่านใหม่').fill('ชั่วคราว2569');
    await reset.getByTestId('reset-password-save').click();
    await expect(page.getByText(`ตั้งรหัสผ่านชั่วคราวให้ ${auditor.displayName} แล้ว`)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(auditor.username) }).getByText('ต้องเปลี่ยนรหัสผ่าน')).toBeVisible();
    await logOut(page);

    // the old admin password no longer works, the new one does
    await logIn(page, admin.username, admin.password);
    await expect(page.getByText('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง')).toBeVisible();
    await logIn(page, admin.username, 'สำนักงานใหม่2570');
    await expect(page.getByTestId('current-user')).toContainText(admin.displayName);
    await logOut(page);

    // the auditor comes in with the temporary password and must choose a new one first
    await logIn(page, auditor.username, 'ชั่วคราว2569');
    await expect(page.getByRole('heading', { name: 'กรุณาตั้งรหัสผ่านใหม่' })).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await fs.promises.mkdir(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'password-due.png'), fullPage: true });
    await page.getByLabel('รหัสผ่านปัจจุบัน').fill('ชั่วคราว2569');
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('ผู้ตรวจสอบคนใหม่1');
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').fill('ผู้ตรวจสอบคนใหม่1');
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').press('Enter');
    await expect(page.getByTestId('current-user')).toContainText('ผู้ตรวจสอบ');

    // the auditor reads: settings without edits, the user list without add or reset, the register without add
    await openNav(page, 'ตั้งค่า');
    await expect(page.getByText('เฉพาะผู้ดูแลระบบแก้ไขข้อมูลสำนักงานได้')).toBeVisible();
    await expect(page.getByRole('cell', { name: admin.username, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'เพิ่มผู้ใช้' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'ตั้งรหัสผ่านใหม่' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'บันทึก', exact: true })).toHaveCount(0);
    await page.screenshot({ path: path.join(shots, 'auditor-settings.png'), fullPage: true });
    await openNav(page, 'ทะเบียนบุคคล');
    await expect(page.getByTestId('people-import')).toHaveCount(0);

    // and the router refuses anyway, with the tab's own credentials
    const headers = await tabCredentials(page);
    const refused = await page.request.post(`${app.origin}/api/people.villages.create`, { headers, data: { number: 1, name: 'บ้านโนนสูง' } });
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ROLE_NOT_ALLOWED');
  });

  test('the screen locks after the idle time and the same user’s password unlocks it, with the typed input kept', async ({ page }) => {
    await page.clock.install();
    await page.goto(app.url);
    await logIn(page, admin.username, admin.password);
    await openNav(page, 'ตั้งค่า');
    // typed but not saved
    const phone = page.getByLabel('โทรศัพท์');
    await phone.fill('042-555-777');

    await page.clock.fastForward('16:00');
    const lock = page.getByTestId('screen-lock');
    await expect(lock).toBeVisible();
    await expect(lock.getByRole('heading', { name: 'หน้าจอถูกล็อก' })).toBeVisible();
    await expect(lock).toContainText('ไม่มีการใช้งานเกิน 15 นาที');
    await fs.promises.mkdir(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'screen-lock.png') });
    // the password box has the focus: the keyboard alone unlocks
    await expect(lock.getByLabel('รหัสผ่าน')).toBeFocused();

    // the core refuses this tab's calls meanwhile
    const headers = await tabCredentials(page);
    const refused = await page.request.post(`${app.origin}/api/people.persons.list`, { headers, data: {} });
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('SCREEN_LOCKED');

    // a reload does not get round the lock
    await page.reload();
    await expect(page.getByTestId('screen-lock')).toBeVisible();

    await expect(lock.getByLabel('รหัสผ่าน')).toBeFocused();
    await lock.getByLabel('รหัสผ่าน').fill('รหัสที่เดาเอา');
    await lock.getByLabel('รหัสผ่าน').press('Enter');
    await expect(lock.getByText('รหัสผ่านไม่ถูกต้อง')).toBeVisible();
    await lock.getByLabel('รหัสผ่าน').fill(admin.password);
    await lock.getByLabel('รหัสผ่าน').press('Enter');
    await expect(lock).toBeHidden();
    await expect(page.getByTestId('current-user')).toContainText(admin.displayName);
    // the page under the lock loads after the unlock, not with refusals from while it was locked
    await expect(page.getByRole('heading', { name: 'วันนี้' }).or(page.getByRole('heading', { name: 'ตั้งค่า' }))).toBeVisible();
    await expect(page.getByText('หน้าจอถูกล็อกอยู่')).toHaveCount(0);
  });

  test('a locked screen keeps the unsaved input under it', async ({ page }) => {
    await page.clock.install();
    await page.goto(app.url);
    await logIn(page, admin.username, admin.password);
    await openNav(page, 'ตั้งค่า');
    const phone = page.getByLabel('โทรศัพท์');
    await phone.fill('042-555-777');
    await page.clock.fastForward('16:00');
    const lock = page.getByTestId('screen-lock');
    await expect(lock).toBeVisible();
    // under the lock nothing takes the keyboard
    await expect(phone).not.toBeFocused();
    await lock.getByLabel('รหัสผ่าน').fill(admin.password);
    await lock.getByLabel('รหัสผ่าน').press('Enter');
    await expect(lock).toBeHidden();
    await expect(phone).toHaveValue('042-555-777');

    // a dialog open at the time (antd puts it outside the app's root) is covered too, and keeps what was typed
    await page.getByTestId('current-user').click();
    await page.getByTestId('change-password').click();
    const dialog = page.getByRole('dialog', { name: 'เปลี่ยนรหัสผ่านของฉัน' });
    await dialog.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('ยังไม่ได้บันทึก99');
    await page.clock.fastForward('16:00');
    await expect(lock).toBeVisible();
    await expect(lock.getByLabel('รหัสผ่าน')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('รหัสผ่านใหม่', { exact: true })).not.toBeFocused();
    await lock.getByLabel('รหัสผ่าน').fill(admin.password);
    await lock.getByLabel('รหัสผ่าน').press('Enter');
    await expect(lock).toBeHidden();
    await expect(dialog.getByLabel('รหัสผ่านใหม่', { exact: true })).toHaveValue('ยังไม่ได้บันทึก99');
  });
});

test('the sample tambon as an auditor: the fund, the register and the person are there to read, with no button that changes them', async ({ page, request }) => {
  const dataDir = freshDataDir();
  const require = createRequire(import.meta.url);
  const { prepareDemo } = require(path.resolve('dist', 'main', 'demo-data.cjs')) as { prepareDemo: typeof PrepareDemo };
  const demo = await prepareDemo(dataDir);
  app = await startApp(dataDir);
  try {
    await apiValue(request, app, 'office.auth.login', demo.login);
    await apiValue(request, app, 'office.users.create', auditor);
    // a fund with its regulation and one member, so that the welfare screens have something to show
    await apiValue(request, app, 'welfare.regulation.create', await apiValue(request, app, 'welfare.regulation.preset', { effectiveFrom: '2020-01-01' }));
    const [first] = (await apiValue<{ rows: { id: number }[] }>(request, app, 'people.persons.list', { limit: 1 })).rows;
    await apiValue(request, app, 'welfare.members.join', { personId: first!.id, memberNumber: '0001', category: 'general', applicationDate: '2024-03-15', startDate: '2024-03-15' });
    await page.goto(app.url);
    await logIn(page, auditor.username, auditor.password);
    await expect(page.getByTestId('current-user')).toContainText('ผู้ตรวจสอบ');
    await fs.promises.mkdir(shots, { recursive: true });

    await openNav(page, 'กองทุนสวัสดิการชุมชน');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(shots, 'auditor-welfare.png'), fullPage: true });
    for (const hash of ['#/welfare/collection', '#/welfare/receipts', '#/welfare/bank', '#/welfare/books', '#/welfare/claims', '#/welfare/regulation']) {
      await page.evaluate((to) => (window.location.hash = to), hash);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(shots, `auditor-${hash.split('/').pop()}.png`), fullPage: true });
      // nothing on any of them tells the auditor it was refused: no call that changes data was made
      await expect(page.getByText('ทำรายการนี้ไม่ได้')).toHaveCount(0);
      if (hash.endsWith('collection')) {
        await expect(page.getByTestId('collection-save')).toBeDisabled();
        await expect(page.getByTestId('collection-new-member')).toHaveCount(0);
      }
      if (hash.endsWith('bank')) await expect(page.getByTestId('income-save')).toHaveCount(0);
      if (hash.endsWith('regulation')) await expect(page.getByTestId('regulation-new-version')).toHaveCount(0);
    }
    await openNav(page, 'ทะเบียนบุคคล');
    await expect(page.getByTestId('people-count')).toContainText('ทั้งหมด 300 คน');
    await expect(page.getByTestId('person-add')).toHaveCount(0);
    await expect(page.getByTestId('people-import')).toHaveCount(0);
    await page.locator('.ant-table-row').first().focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('person-name')).toBeVisible();
    await expect(page.getByTestId('person-history')).toBeVisible();
    await expect(page.getByTestId('person-edit')).toHaveCount(0);
    await page.screenshot({ path: path.join(shots, 'auditor-person.png'), fullPage: true });
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
