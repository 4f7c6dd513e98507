// Anonymising a person who left long ago, in browser mode (PDPA, issue 11): the administrator's button, the
// confirmation naming what is erased and what is kept, the refusal with its Thai reason, and no button for others.
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiValue, freshDataDir, logIn, startApp, type RunningApp } from './app-process';

let app: RunningApp;
let movedId = 0;
let stayingId = 0;
const api = <T>(request: APIRequestContext, method: string, data: unknown) => apiValue<T>(request, app, method, data);
const office = { tambon: 'หนองบัว', amphoe: 'เมืองอุดรธานี', province: 'อุดรธานี', councilName: 'สภาองค์กรชุมชนตำบลหนองบัว', fundName: 'กองทุนสวัสดิการชุมชนตำบลหนองบัว', address: 'หมู่ที่ 3 ตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี 41000' };
const moved = { title: 'นางสาว', firstName: 'ภัทรานิษฐ์', lastName: 'ทองประเสริฐวงศ์', citizenId: '1-1017-00203-45-0', sex: 'F', birthDate: '1961-03-15', houseNumber: '12/3', address: 'ซอยวัดป่าเลไลยก์', phone: '081-234-5678', notes: 'ติดต่อหลานสาวที่ร้านตัดผมหน้าวัด', lifeStatus: 'moved', lifeStatusDate: '2012-04-01' };

test.beforeEach(async ({ request }) => {
  app = await startApp(freshDataDir());
  await api(request, 'office.setup.create', { office, admin: { displayName: 'นางสาวกิ่งแก้ว ปั้นทอง', username: 'admin', password: 'tambon1234' } });
  await api(request, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
  await api(request, 'office.users.create', { displayName: 'นายสมชาย เลขาดี', username: 'secretary', password: 'tambon1234', role: 'secretary' });
  const village = await api<{ id: number }>(request, 'people.villages.create', { number: 3, name: 'บ้านหนองบัว' });
  movedId = (await api<{ id: number }>(request, 'people.persons.create', { ...moved, villageId: village.id })).id;
  stayingId = (await api<{ id: number }>(request, 'people.persons.create', { title: 'เด็กหญิง', firstName: 'ปุณณ์ญาดา', lastName: 'บุญมา', citizenId: null, noCitizenIdReason: 'no_card', villageId: village.id })).id;
});
test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

const openPerson = (page: Page, id: number) => page.evaluate((personId) => (window.location.hash = `#/people/${personId}`), id);

test('the administrator confirms what is erased and what is kept, and the page shows the marker', async ({ page }) => {
  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await page.getByRole('banner').waitFor();

  await openPerson(page, stayingId);
  await page.getByTestId('person-anonymise').click();
  await expect(page.getByTestId('anonymise-refused')).toHaveText('เด็กหญิงปุณณ์ญาดา บุญมา ยังไม่ได้เสียชีวิตหรือย้ายออก และไม่เคยเป็นสมาชิกกองทุน จึงลบข้อมูลส่วนบุคคลไม่ได้');
  await page.getByRole('button', { name: 'ปิด' }).click();

  await openPerson(page, movedId);
  await expect(page.getByTestId('person-name')).toHaveText('นางสาวภัทรานิษฐ์ ทองประเสริฐวงศ์');
  await page.getByTestId('person-anonymise').click();
  const review = page.getByTestId('anonymise-review');
  await expect(review).toContainText('ออกไปเมื่อ 1 เมษายน 2555 (เกิน 10 ปีแล้ว)');
  await expect(review).toContainText('คำนำหน้าชื่อ, ชื่อ, นามสกุล, เลขประจำตัวประชาชน, วันเกิด');
  await expect(review).toContainText(`ผู้ถูกลบข้อมูลส่วนบุคคล #${movedId}`);
  await page.getByTestId('anonymise-confirm').click();

  await expect(page.getByTestId('person-anonymised')).toBeVisible();
  await expect(page.getByTestId('person-name')).toHaveText(`ผู้ถูกลบข้อมูลส่วนบุคคล #${movedId}`);
  await expect(page.getByTestId('person-anonymise')).toHaveCount(0);
  await expect(page.getByTestId('person-edit')).toHaveCount(0);
  const shown = await page.locator('main').innerText();
  for (const erased of [moved.firstName, moved.lastName, '1-1017-00203-45-0', moved.phone, moved.address, moved.notes]) expect(shown).not.toContain(erased);
});

test('a secretary has no anonymise button', async ({ page }) => {
  await page.goto(app.url);
  await logIn(page, 'secretary', 'tambon1234');
  await page.getByRole('banner').waitFor();
  await openPerson(page, movedId);
  await expect(page.getByTestId('person-name')).toHaveText('นางสาวภัทรานิษฐ์ ทองประเสริฐวงศ์');
  await expect(page.getByTestId('person-edit')).toBeVisible();
  await expect(page.getByTestId('person-anonymise')).toHaveCount(0);
});
