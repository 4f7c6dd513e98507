import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { prepareDemo as PrepareDemo } from '../../scripts/demo-data';
import { freshDataDir, logIn, startApp, type RunningApp } from './app-process';

const admin = { displayName: 'นายสมศักดิ์ ใจดี', username: 'somsak', password: 'ทะเบียน12345' };
// A hard name (stacked marks, ญ/ณ/ฏ), a full citizen ID typed with dashes, a B.E. birth date typed by hand.
const person = {
  title: 'นางสาว',
  firstName: 'กัญญ์ณัฏฐ์',
  lastName: 'ปุณณ์ญาดา',
  citizenId: '3-4099-00123-45-1',
  birthDateTyped: '15/3/2536',
  phone: '081-234-5678',
};
const fullName = `${person.title}${person.firstName} ${person.lastName}`;

let app: RunningApp;

async function setUpOffice(request: APIRequestContext) {
  const setup = await request.post(`${app.origin}/api/office.setup.create`, {
    headers: { 'x-tambon-token': app.token },
    data: {
      office: {
        tambon: 'หนองบัว',
        amphoe: 'เมืองอุดรธานี',
        province: 'อุดรธานี',
        councilName: 'สภาองค์กรชุมชนตำบลหนองบัว',
        fundName: 'กองทุนสวัสดิการชุมชนตำบลหนองบัว',
        address: 'หมู่ที่ 3 ตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี 41000',
      },
      admin,
    },
  });
  expect(setup.ok()).toBe(true);
}

async function openNav(page: Page, name: string) {
  await page.getByRole('navigation').getByText(name, { exact: true }).click();
}

async function addVillage(page: Page, number: number, name: string) {
  await page.getByTestId('village-add').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('หมู่ที่').fill(String(number));
  await dialog.getByLabel('ชื่อหมู่บ้าน').fill(name);
  await dialog.getByTestId('village-save').click();
  await expect(page.getByTestId('villages-panel').getByRole('cell', { name, exact: true })).toBeVisible();
}

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

async function headerSearch(page: Page, text: string) {
  const box = page.getByRole('search').getByLabel('ค้นหาบุคคล');
  await box.fill(text);
  return box;
}

test.describe('fresh office', () => {
  test.beforeEach(async ({ request }) => {
    app = await startApp(freshDataDir());
    await setUpOffice(request);
  });
  test.afterEach(async () => {
    await app.stop();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  });

  test('add a person with a hard name, find them from the header search, edit them and read the history', async ({ page }) => {
    await page.goto(app.url);
    await logIn(page, admin.username, admin.password);

    // Villages first, in settings.
    await openNav(page, 'ตั้งค่า');
    await addVillage(page, 3, 'บ้านหนองบัว');
    await addVillage(page, 5, 'บ้านโนนสวรค์');
    // A typo fixed by renaming; the office's own order by moving a village up.
    await page.getByTestId('village-rename-5').click();
    await page.getByRole('dialog').getByLabel('ชื่อหมู่บ้าน').fill('บ้านโนนสวรรค์');
    await page.getByRole('dialog').getByLabel('ชื่อหมู่บ้าน').press('Enter');
    const villageRows = page.getByTestId('villages-panel').locator('tbody tr');
    await expect(villageRows.nth(1)).toContainText('บ้านโนนสวรรค์');
    await page.getByRole('button', { name: 'เลื่อนขึ้น หมู่ 5 บ้านโนนสวรรค์' }).click();
    await expect(villageRows.nth(0)).toContainText('บ้านโนนสวรรค์');
    await page.getByRole('button', { name: 'เลื่อนลง หมู่ 5 บ้านโนนสวรรค์' }).click();
    await expect(villageRows.nth(0)).toContainText('บ้านหนองบัว');

    // The empty register says what it is for and offers the first action.
    await openNav(page, 'ทะเบียนบุคคล');
    await expect(page.getByTestId('people-empty')).toContainText('ยังไม่มีรายชื่อ');
    await page.getByTestId('person-add').click();

    // The form: Enter moves on (does not submit), the ID takes its dashes, the B.E. date is typed.
    await page.getByLabel('คำนำหน้าชื่อ').fill(person.title);
    await page.getByLabel('คำนำหน้าชื่อ').press('Escape'); // close the suggestions; Esc in an open list is not "cancel"
    await expect(page.getByTestId('person-form')).toBeVisible();
    await page.getByLabel('ชื่อ', { exact: true }).fill(person.firstName);
    await page.getByLabel('ชื่อ', { exact: true }).press('Enter');
    await expect(page.getByLabel('นามสกุล (ไม่บังคับ)')).toBeFocused();
    await page.keyboard.type(person.lastName);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('เลขประจำตัวประชาชน')).toBeFocused();
    await page.keyboard.type(person.citizenId.replace(/-/g, ''));
    await expect(page.getByLabel('เลขประจำตัวประชาชน')).toHaveValue(person.citizenId);
    await page.getByLabel('วันเกิด (ไม่บังคับ)').click();
    await page.keyboard.type(person.birthDateTyped);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('วันเกิด (ไม่บังคับ)')).toHaveValue('15/03/2536');
    await expect(page.getByTestId('person-age')).toContainText(/อายุ \d+ ปี/);
    await chooseOption(page, 'หมู่ที่', 'หมู่ 3 บ้านหนองบัว');
    await page.getByLabel('บ้านเลขที่ (ไม่บังคับ)').fill('12/3');
    await page.getByLabel('โทรศัพท์ (ไม่บังคับ)').fill(person.phone);
    // PDPA consent with its date written the short Thai way: the two-digit B.E. year is read on leaving the field.
    await page.getByText('ให้ความยินยอมให้เก็บและใช้ข้อมูลส่วนบุคคลแล้ว').click();
    await page.getByLabel('วันที่ให้ความยินยอม').fill('1 ก.พ. 67');
    await page.getByLabel('วันที่ให้ความยินยอม').press('Tab');
    await expect(page.getByLabel('วันที่ให้ความยินยอม')).toHaveValue('01/02/2567');
    // A 2,000-character note without a space wraps inside the box instead of widening the page.
    const notes = page.getByLabel('หมายเหตุ (ไม่บังคับ)');
    await notes.fill('ก'.repeat(2000));
    expect(await notes.evaluate((box) => box.scrollWidth <= box.clientWidth + 1)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.keyboard.press('Control+s');

    // The person page: the full ID for the clerk working on this record, the B.E. date, the village.
    await expect(page.getByTestId('person-name')).toHaveText(fullName);
    await expect(page.getByTestId('person-citizen-id')).toHaveText(person.citizenId);
    await expect(page.getByTestId('person-details')).toContainText('15 มีนาคม 2536');
    await expect(page.getByTestId('person-details')).toContainText('หมู่ 3 บ้านหนองบัว');
    await expect(page.getByTestId('person-details')).toContainText('ให้ความยินยอมเมื่อ 1 กุมภาพันธ์ 2567');
    await expect(page.getByTestId('person-history')).toContainText('เพิ่มเข้าทะเบียน');
    await expect(page.getByTestId('person-history')).toContainText(admin.displayName);
    const personUrl = page.url();
    const personId = Number(/#\/people\/(\d+)/.exec(personUrl)?.[1]);

    // The header search finds them by part of the surname (Thai has no spaces) and by the ID with dashes.
    await openNav(page, 'วันนี้');
    // "/" from anywhere puts the cursor in the header search.
    await page.getByRole('heading', { level: 2 }).click();
    await page.keyboard.press('/');
    await expect(page.getByRole('search').getByLabel('ค้นหาบุคคล')).toBeFocused();
    const box = await headerSearch(page, 'ณ์ญา');
    const result = page.getByTestId(`search-result-${personId}`);
    await expect(result).toContainText(fullName);
    await expect(result).toContainText('หมู่ 3 บ้านหนองบัว');
    await expect(result).toContainText('x-xxxx-xxxx3-45-1');
    await box.press('Enter');
    await expect(page.getByTestId('person-name')).toHaveText(fullName);
    await openNav(page, 'ตั้งค่า');
    await headerSearch(page, person.citizenId);
    await page.getByTestId(`search-result-${personId}`).click();
    await expect(page.getByTestId('person-name')).toHaveText(fullName);
    await headerSearch(page, 'ม.3 กัญญ์');
    await expect(page.getByTestId(`search-result-${personId}`)).toBeVisible();
    await headerSearch(page, 'ม.5 กัญญ์');
    await expect(page.getByText('ไม่พบบุคคลที่ตรงกับ “ม.5 กัญญ์”')).toBeVisible();
    await page.getByRole('search').getByLabel('ค้นหาบุคคล').fill('');

    // Edit: change the phone and the village; Esc with changes asks first, then Ctrl+S saves.
    await page.getByTestId('person-edit').click();
    await expect(page.getByLabel('ชื่อ', { exact: true })).toHaveValue(person.firstName);
    await page.getByLabel('โทรศัพท์ (ไม่บังคับ)').fill('089-999-0000');
    await page.getByLabel('โทรศัพท์ (ไม่บังคับ)').press('Escape');
    await expect(page.getByRole('dialog')).toContainText('ยกเลิกการแก้ไขหรือไม่?');
    await page.getByRole('button', { name: 'กลับไปกรอกต่อ' }).click();
    await chooseOption(page, 'หมู่ที่', 'หมู่ 5 บ้านโนนสวรรค์');
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('person-details')).toContainText('089-999-0000');
    const history = page.getByTestId('person-history');
    await expect(history).toContainText('โทรศัพท์: จาก 081-234-5678 เป็น 089-999-0000');
    await expect(history).toContainText('หมู่ที่: จาก หมู่ 3 บ้านหนองบัว เป็น หมู่ 5 บ้านโนนสวรรค์');
    await expect(history).toContainText(/\d{1,2} \S+ 25\d\d \d\d:\d\d น\./);
    await expect(history).not.toContainText('phone');

    // The list shows them masked, in their village.
    await openNav(page, 'ทะเบียนบุคคล');
    const row = page.getByTestId(`person-row-${personId}`);
    await expect(row).toContainText(fullName);
    await expect(row).toContainText('x-xxxx-xxxx3-45-1');
    await expect(row).toContainText('หมู่ 5 บ้านโนนสวรรค์');
    await row.click();
    await expect(page).toHaveURL(personUrl);
  });

  test('a citizen ID already in the register opens the existing record; a lived-in village cannot be deleted', async ({ page }) => {
    await page.goto(app.url);
    await logIn(page, admin.username, admin.password);
    await openNav(page, 'ตั้งค่า');
    await addVillage(page, 3, 'บ้านหนองบัว');

    await openNav(page, 'ทะเบียนบุคคล');
    await page.getByTestId('person-add').click();
    await page.getByLabel('คำนำหน้าชื่อ').fill(person.title);
    await page.getByLabel('ชื่อ', { exact: true }).fill(person.firstName);
    await page.getByLabel('นามสกุล (ไม่บังคับ)').fill(person.lastName);
    await page.getByLabel('เลขประจำตัวประชาชน').fill(person.citizenId);
    await page.getByLabel('วันเกิด (ไม่บังคับ)').fill(person.birthDateTyped);
    await chooseOption(page, 'หมู่ที่', 'หมู่ 3 บ้านหนองบัว');
    await page.getByTestId('person-save').click();
    await expect(page.getByTestId('person-name')).toHaveText(fullName);
    const existingUrl = page.url();

    // Same name and birth date in the same village, without an ID card: a warning names the other record,
    // and the clerk may still save this one as another person.
    await openNav(page, 'ทะเบียนบุคคล');
    await page.getByTestId('person-add').click();
    await page.getByLabel('คำนำหน้าชื่อ').fill(person.title);
    await page.getByLabel('ชื่อ', { exact: true }).fill(person.firstName);
    await page.getByLabel('นามสกุล (ไม่บังคับ)').fill(person.lastName);
    await page.getByText('ไม่มีเลขประจำตัว', { exact: true }).click();
    await chooseOption(page, 'เหตุผลที่ไม่มีเลขประจำตัว', 'ไม่มีบัตร');
    await page.getByLabel('วันเกิด (ไม่บังคับ)').fill('15/03/2536');
    await chooseOption(page, 'หมู่ที่', 'หมู่ 3 บ้านหนองบัว');
    await page.getByTestId('person-save').click();
    await expect(page.getByRole('dialog')).toContainText(`มี ${fullName} (หมู่ 3 บ้านหนองบัว) ชื่อและวันเกิดเดียวกัน`);
    await page.getByTestId('person-similar-save').click();
    await expect(page.getByTestId('person-details')).toContainText('ไม่มีเลขประจำตัว (ไม่มีบัตร)');
    expect(page.url()).not.toBe(existingUrl);

    // A wrong check digit is refused under the field, in Thai.
    await openNav(page, 'ทะเบียนบุคคล');
    await page.getByTestId('person-add').click();
    await page.getByLabel('คำนำหน้าชื่อ').fill('นาย');
    await page.getByLabel('ชื่อ', { exact: true }).fill('ปุณณวิช');
    await page.getByLabel('เลขประจำตัวประชาชน').fill('3-4099-00123-45-2');
    await page.getByLabel('เลขประจำตัวประชาชน').press('Tab');
    await expect(page.getByText('เลขประจำตัวประชาชนไม่ถูกต้อง')).toBeVisible();

    // The same ID as someone already in the register: the form names them and opens their record.
    await page.getByLabel('เลขประจำตัวประชาชน').fill(person.citizenId.replace(/-/g, ''));
    await page.getByLabel('เลขประจำตัวประชาชน').press('Tab');
    await expect(page.getByTestId('person-id-owner')).toContainText(fullName);
    await page.getByTestId('person-open-existing').click();
    await expect(page).toHaveURL(existingUrl);
    await expect(page.getByTestId('person-name')).toHaveText(fullName);

    // The village they live in cannot be deleted; the refusal says why, in Thai.
    await openNav(page, 'ตั้งค่า');
    await page.getByTestId('village-delete-3').click();
    await page.getByTestId('village-delete-confirm').click();
    await expect(page.getByTestId('villages-failure')).toContainText('ลบหมู่ที่ 3 บ้านหนองบัว ไม่ได้ เพราะมีผู้อาศัย 2 คน');
    await expect(page.getByTestId('villages-panel').getByRole('cell', { name: 'บ้านหนองบัว', exact: true })).toBeVisible();
  });
});

test('the sample tambon: the list scrolls to its last person, filters by village, and opens a row with Enter', async ({ page }) => {
  const dataDir = freshDataDir();
  const require = createRequire(import.meta.url);
  const { prepareDemo } = require(path.resolve('dist', 'main', 'demo-data.cjs')) as { prepareDemo: typeof PrepareDemo };
  const demo = await prepareDemo(dataDir);
  app = await startApp(dataDir);
  try {
    await page.goto(app.url);
    await logIn(page, demo.login.username, demo.login.password);
    await openNav(page, 'ทะเบียนบุคคล');
    await expect(page.getByTestId('people-count')).toContainText('ทั้งหมด 300 คน');

    // Scrolling to the end fetches the last block; the last row is number 300 and has a name.
    const holder = page.locator('.ant-table-tbody-virtual-holder');
    await holder.hover();
    for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 1200);
    const lastRow = page.locator('.ant-table-row').filter({ hasText: /^300/ });
    await expect(lastRow).toBeVisible();
    await expect(lastRow).not.toContainText('กำลังโหลด');

    // A village filter: every row shown is in that village.
    await page.getByTestId('people-filter-village').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click();
    await expect(page.getByTestId('people-count')).toContainText(/พบ \d+ คน/);
    const villageText = await page.locator('.ant-select-dropdown .ant-select-item-option-selected').first().textContent();
    const firstRow = page.locator('.ant-table-row').first();
    await expect(firstRow).toContainText(villageText ?? 'หมู่ 1');

    // Enter on a focused row opens the person.
    await firstRow.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('person-name')).toBeVisible();
    await expect(page.getByTestId('person-details')).toContainText(villageText ?? 'หมู่ 1');
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
