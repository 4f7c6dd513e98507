// The fund's statements (issue 10) as a treasurer uses them: this month's receipts-and-payments report with a total
// drilled down to its entries and printed with the screen's figures; last accounting year's annual statement
// (the two sides of the financial position equal), printed, and the year closed after a confirmation showing its
// totals. The data goes in over the API as in the other welfare specs; the screens are looked at in screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { generateSampleTambon } from '../../main/sample/sample-tambon';
import { comparable } from '../documents/pdf-tools';
import { freshDataDir, logIn, startApp, type RunningApp, apiValue } from './app-process';
import { savePrintedPdf, saveScreenshot } from './evidence';

let app: RunningApp;
const sample = generateSampleTambon({ size: 'small' });
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? path.join('test-results', 'welfare-statements');

const iso = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const isoDaysAgo = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return iso(date);
};
/** The last fiscal year that has ended: 1 Oct – 30 Sep, named by the B.E. year it ends in. */
function lastEndedFiscalYear() {
  const today = new Date();
  const endYear = today.getMonth() >= 9 ? today.getFullYear() : today.getFullYear() - 1;
  return { be: endYear + 543, from: `${endYear - 1}-10-01`, to: `${endYear}-09-30` };
}

const members = [
  { title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์', citizenId: '3409900123451', memberNumber: '0001' },
  { title: 'นาง', firstName: 'ปุณณ์ญาดา', lastName: 'ธนัชพฤกษ์', citizenId: '1101700203450', memberNumber: '0002' },
];

const api = <T>(request: APIRequestContext, method: string, data: unknown) => apiValue<T>(request, app, method, data);
const year = lastEndedFiscalYear();

test.beforeEach(async ({ request }) => {
  app = await startApp(freshDataDir());
  await api(request, 'office.setup.create', { office: sample.office, admin: { displayName: 'นางสาวกิ่งแก้ว ปั้นทอง', username: 'admin', password: 'tambon1234' } });
  await api(request, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
  const villageIds: number[] = [];
  for (const village of sample.villages) villageIds.push((await api<{ id: number }>(request, 'people.villages.create', village)).id);
  const preset = await api<{ contributions: { arrears: { limit: number | null } } }>(request, 'welfare.regulation.preset', { effectiveFrom: '2020-01-01' });
  preset.contributions.arrears.limit = null;
  await api(request, 'welfare.regulation.create', preset);
  const joined = `${Number(year.from.slice(0, 4)) - 1}-06-01`;
  const membershipIds: number[] = [];
  for (const member of members) {
    const person = await api<{ id: number }>(request, 'people.persons.create', { title: member.title, firstName: member.firstName, lastName: member.lastName, citizenId: member.citizenId, villageId: villageIds[0] });
    membershipIds.push((await api<{ id: number }>(request, 'welfare.members.join', { personId: person.id, memberNumber: member.memberNumber, category: 'general', applicationDate: joined, startDate: joined })).id);
  }
  const book = await api<{ id: number }>(request, 'welfare.receiptBooks.create', { bookNumber: '12', firstNumber: 451, lastNumber: 500 });
  const collect = (receiptDate: string, membershipId: number, amountSatang: number) => api(request, 'welfare.collection.save', { receiptDate, bookId: book.id, payments: [{ membershipId, amountSatang }] });
  // last fiscal year: two collection days, the second on its last day, and an expense
  await collect(`${year.to.slice(0, 4)}-03-15`, membershipIds[0]!, 36_500);
  await collect(year.to, membershipIds[1]!, 12_000);
  await api(request, 'welfare.expenses.create', { expenseDate: `${year.to.slice(0, 4)}-06-20`, accountCode: '5203', description: 'ค่าเอกสารและเครื่องเขียนประชุมใหญ่สามัญประจำปี', amountSatang: 48_750, recipientName: 'ร้านศึกษาภัณฑ์หนองบัว' });
  // this month: a receipt today
  await collect(isoDaysAgo(0), membershipIds[0]!, 3_000);
});

test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

test('this month and last year: totals on screen, drilled down, printed with the same figures, and the year closed', async ({ page }) => {
  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await page.evaluate(() => (window.location.hash = '#/welfare/reports'));
  await page.getByTestId('reports-choice').getByText('งบการเงิน').click();

  // This month: one receipt of 30 baht; the total opens its entry with the receipt's number.
  await expect(page.getByTestId('statements-heading')).toContainText('รายงานรับ-จ่ายประจำเดือน');
  const totalReceipts = page.getByTestId('statement-total-receipts');
  await expect(totalReceipts).toHaveText('30.00');
  const closing = (await page.getByTestId('statement-closing').textContent())!;
  const opening = (await page.getByTestId('statement-opening').textContent())!;
  const baht = (text: string) => Math.round(Number(text.replace(/,/g, '')) * 100);
  expect(baht(opening) + 3_000 - baht((await page.getByTestId('statement-total-payments').textContent())!)).toBe(baht(closing));
  await saveScreenshot(page, SCREENSHOTS, 'monthly');
  // by keyboard: the total is a button, Enter opens its entries
  await totalReceipts.focus();
  await page.keyboard.press('Enter');
  const entries = page.getByTestId('statement-entries');
  await expect(entries).toContainText('ใบเสร็จ 12/453');
  await expect(page.getByTestId('statement-entries-summary')).toContainText('1 รายการ รวม 30.00 บาท');
  await saveScreenshot(page, SCREENSHOTS, 'monthly-drill-down');
  await page.keyboard.press('Escape');
  await expect(entries).toBeHidden();

  const [monthly] = await Promise.all([page.waitForResponse((response) => response.url().includes('/api/welfare.statements.monthlyPrint')), page.getByTestId('statements-print').click()]);
  const monthlyText = (await savePrintedPdf(monthly, SCREENSHOTS, 'monthly')).text;
  for (const expected of ['รายงานรับ-จ่ายประจำเดือน', 'รวมรับ 30.00', `รวมยอดยกมา ${opening}`, `รวมยอดยกไป ${closing}`]) expect(monthlyText, expected).toContain(comparable(expected));

  // Last fiscal year: the annual statement, its position balanced.
  await page.getByTestId('statements-view').getByText('งบรับ-จ่ายประจำปี').click();
  await page.getByTestId('statements-year').click();
  await page.locator(`.ant-select-item-option[title="${year.be}"]`).click();
  await expect(page.getByTestId('statements-heading')).toContainText(`ปีบัญชี ${year.be}`);
  await expect(page.getByTestId('statement-total-receipts')).toHaveText('485.00');
  await expect(page.getByTestId('statement-total-payments')).toHaveText('487.50');
  const receiptSide = (await page.getByTestId('position-receipts-total').textContent())!;
  const paymentSide = (await page.getByTestId('position-payments-total').textContent())!;
  expect(receiptSide).toBe(paymentSide);
  await expect(page.getByTestId('statement-members-category')).toContainText('บุคคลทั่วไป');
  await saveScreenshot(page, SCREENSHOTS, 'annual');
  // a line of the position opens its entries since founding
  await page.getByTestId('position-payments-5203').click();
  await expect(page.getByTestId('statement-entries')).toContainText('ค่าเอกสารและเครื่องเขียนประชุมใหญ่สามัญประจำปี');
  await page.keyboard.press('Escape');

  const [annual] = await Promise.all([page.waitForResponse((response) => response.url().includes('/api/welfare.statements.annualPrint')), page.getByTestId('statements-print').click()]);
  const annualText = (await savePrintedPdf(annual, SCREENSHOTS, 'annual')).text;
  for (const expected of ['งบรับ-จ่ายประจำปี', 'รวมรับ 485.00', 'รวมจ่าย 487.50', `รวมยอดบัญชีรายรับ ${receiptSide} รวมยอดบัญชีรายจ่าย ${paymentSide}`, 'สมาชิกสะสม']) expect(annualText, expected).toContain(comparable(expected));

  // Close the year: the confirmation shows the year's totals, then the year reads as closed.
  await page.getByTestId('statements-close-year').click();
  const totals = page.getByTestId('statements-close-totals');
  await expect(totals).toContainText('485.00');
  await expect(totals).toContainText('487.50');
  await saveScreenshot(page, SCREENSHOTS, 'close-year-confirm');
  await page.getByTestId('statements-close-confirm').click();
  await expect(page.getByTestId('statements-closed')).toContainText(`ปิดบัญชีถึงวันที่ 30 กันยายน ${year.be}`);
  await expect(page.getByTestId('statements-close-year')).toBeDisabled();

  // This year has not ended: closing it is refused in Thai.
  await page.getByTestId('statements-year').click();
  await page.locator(`.ant-select-item-option[title="${year.be + 1}"]`).click();
  await expect(page.getByTestId('statements-heading')).toContainText(`ปีบัญชี ${year.be + 1}`);
  await page.getByTestId('statements-close-year').click();
  await expect(page.getByTestId('statements-failure')).toContainText(`ปีบัญชี ${year.be + 1} ยังไม่สิ้นสุด`);
  await saveScreenshot(page, SCREENSHOTS, 'close-year-refused');

  // The same screen in English: the period named in English, the headings translated.
  await page.getByText('English', { exact: true }).click();
  // the refusal shown in Thai is now read in English too
  await expect(page.getByTestId('statements-failure')).toContainText(`The accounting year B.E. ${year.be + 1} has not ended`);
  await expect(page.getByTestId('statements-failure')).not.toContainText('ยังไม่สิ้นสุด');
  await expect(page.getByTestId('statements-heading')).toContainText(`Annual statement Accounting year B.E. ${year.be + 1}`);
  await expect(page.getByTestId('position-receipts')).toContainText('1. Grants and contributions');
  await expect(page.getByTestId('statement-sources')).toContainText('Member contributions');
  await expect(page.getByTestId('statement-members-village')).toContainText('Village ');
  await expect(page.getByTestId('statement-members-village')).not.toContainText('หมู่');
  await saveScreenshot(page, SCREENSHOTS, 'annual-en');
});
