// A treasurer brings the fund's years on paper in from Excel (issue 10): uploads the workbook, maps the amount
// column the import did not recognise, holds the shown totals against the paper books, posts everything, and then
// sees the members and a member's receipts with their paper numbers.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { generateSampleTambon } from '../../main/sample/sample-tambon';
import { citizenIdOf, historyWorkbook, type ExistingPerson } from '../fixtures/welfare-history';
import { apiValue, freshDataDir, logIn, startApp, type RunningApp } from './app-process';

let app: RunningApp;
const sample = generateSampleTambon({ size: 'small' });
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? path.join('test-results', 'welfare-history-import');
const api = <T>(request: APIRequestContext, method: string, data: unknown) => apiValue<T>(request, app, method, data);
const baht = (satang: number) => `${Math.floor(satang / 100).toLocaleString('en-US')}.${String(satang % 100).padStart(2, '0')}`;

// Already in the register before the import: one with a citizen ID, one known only by name and village.
const existing: ExistingPerson = { title: 'นาง', firstName: 'ปุณณ์ญาดา', lastName: 'ธนัชพฤกษ์', citizenId: citizenIdOf('310170020345'), village: 1 };
const sameNameAndVillage: ExistingPerson = { title: 'นาย', firstName: 'ฐิติพงศ์', lastName: 'ฤทธิ์ณรงค์', citizenId: null, village: 2 };

test.beforeEach(async ({ request }) => {
  app = await startApp(freshDataDir());
  await api(request, 'office.setup.create', { office: sample.office, admin: { displayName: 'นางสาวกิ่งแก้ว ปั้นทอง', username: 'admin', password: 'tambon1234' } });
  await api(request, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
  const villageIds = new Map<number, number>();
  for (const village of sample.villages) villageIds.set(village.number, (await api<{ id: number }>(request, 'people.villages.create', village)).id);
  for (const person of [existing, sameNameAndVillage]) {
    await api(request, 'people.persons.create', { title: person.title, firstName: person.firstName, lastName: person.lastName, citizenId: person.citizenId, noCitizenIdReason: person.citizenId ? null : 'other', villageId: villageIds.get(person.village) });
  }
  const preset = await api<object>(request, 'welfare.regulation.preset', { effectiveFrom: '2020-01-01' });
  await api(request, 'welfare.regulation.create', preset);
});

test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

test('import a workbook of history, map a column, check the totals, post, and see the members', async ({ page }, testInfo) => {
  const known = await historyWorkbook({ layout: 'payments', bad: false, existing, sameNameAndVillage, amountHeading: 'ยอดรับ (บ.)' });
  const workbook = testInfo.outputPath(known.fileName);
  fs.writeFileSync(workbook, known.bytes);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await page.getByRole('navigation').getByText('กองทุนสวัสดิการชุมชน', { exact: true }).click();
  await page.getByTestId('history-import-open').click();
  const wizard = page.getByTestId('history-import-wizard');
  await page.getByTestId('history-file').setInputFiles(workbook);

  // The amount column's heading is unknown: every payment row is refused until it is mapped.
  await expect(page.getByTestId('history-problems-alert')).toBeVisible();
  await expect(page.getByTestId('history-problems')).toContainText('จำนวนเงิน');
  await expect(page.getByTestId('history-commit')).toBeDisabled();
  await page.getByTestId('history-sheets').getByRole('row', { name: /รับเงินสมทบ/ }).getByRole('button').first().click();
  const mapping = page.getByTestId('history-mapping-รับเงินสมทบ');
  await mapping.locator('label', { hasText: 'จำนวนเงิน' }).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible').getByText('4: ยอดรับ (บ.)', { exact: true }).click();

  // The totals as the paper books add them up: members, contributions and benefits, per year.
  await expect(page.getByText('ทุกแถวนำเข้าได้')).toBeVisible();
  const totals = page.getByTestId('history-totals');
  await expect(totals).toContainText(String(known.memberships));
  await expect(page.getByTestId('history-total-contributions')).toContainText(baht(known.contributions.satang));
  await expect(page.getByTestId('history-total-payouts')).toContainText(baht(known.payouts.satang));
  for (const [year, total] of known.contributions.byYear) await expect(page.getByTestId('history-years')).toContainText(new RegExp(`${year}.*${baht(total.satang).replace('.', '\\.')}`));
  await expect(page.getByTestId('history-openings')).toContainText('12,345.50');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'history-import-mapping.png') });
  await page.getByTestId('history-openings').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'history-import-totals.png') });

  // Told before posting: the five open members, whose history stops in 2566, lapse at the next lapse pass.
  await expect(page.getByTestId('history-lapsing-alert')).toContainText('สมาชิก 5 คนจะพ้นสภาพเพราะขาดส่ง');
  await expect(page.getByTestId('history-lapsing')).toContainText('ปุณณ์ญาดา ศรีสุขสวัสดิ์');
  await page.getByTestId('history-lapsing').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'history-import-lapsing.png') });

  // Closing a checked file before posting asks first; "ทำต่อ" keeps the check.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'ทำต่อ' }).click();
  await expect(page.getByTestId('history-commit')).toBeEnabled();

  await page.getByTestId('history-commit').click();
  await expect(page.getByTestId('history-summary')).toContainText(`บันทึกสมาชิก ${known.memberships} คน`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'history-import-done.png') });
  await wizard.getByRole('button', { name: 'ปิด', exact: true }).last().click();

  // The members are in the list; one member's receipts carry their paper book and number.
  const table = page.getByTestId('members-table');
  await expect(table).toContainText('กัญญ์ณัฏฐ์');
  await expect(table).toContainText('ปุณณ์ญาดา');
  await table.getByText('ปุณณ์ญาดา ศรีสุขสวัสดิ์').click();
  await expect(page.getByTestId('receipts-panel')).toContainText('1/001 (ประวัติ)');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'history-member.png'), fullPage: true });
});
