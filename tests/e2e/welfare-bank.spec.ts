// Other money in and the bank (issue 9, "Other money in" and "The books"): the preset bank account named after its
// bank, CODI's matching round 1 into it, a cash donation with its receipt printed, the cash deposited, and the month
// reconciled against the bank book to a difference of zero — all typed as a treasurer would.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { generateSampleTambon } from '../../main/sample/sample-tambon';
import { freshDataDir, logIn, startApp, type RunningApp, apiValue } from './app-process';
import { saveScreenshot } from './evidence';

let app: RunningApp;
const sample = generateSampleTambon({ size: 'small' });
/** Screenshots of the screens, to look at (test-results is not kept in git). */
const shots = path.join('test-results', 'welfare-bank');

const isoDaysAgo = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};
const beDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${Number(iso.slice(0, 4)) + 543}`;
const thaiMonths = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];

const api = <T>(request: APIRequestContext, method: string, data: unknown) => apiValue<T>(request, app, method, data);

test.beforeEach(async ({ request }) => {
  app = await startApp(freshDataDir());
  await api(request, 'office.setup.create', { office: sample.office, admin: { displayName: 'นางสาวกิ่งแก้ว ปั้นทอง', username: 'admin', password: 'tambon1234' } });
  await api(request, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
  const preset = await api<Record<string, unknown>>(request, 'welfare.regulation.preset', { effectiveFrom: '2020-01-01' });
  await api(request, 'welfare.regulation.create', preset);
  fs.mkdirSync(shots, { recursive: true });
});

test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

/** Opens a list by its label and picks an option by typing part of it, then Enter: the keyboard way. */
async function pick(page: Page, scope: ReturnType<Page['getByTestId']>, label: string, typed: string) {
  const field = scope.getByLabel(label, { exact: true });
  await field.click();
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
}

test('CODI round 1 into the bank, a cash donation with its receipt, the cash deposited, the month reconciled to zero', async ({ page }) => {
  // the longest walk of the suite (income, receipt, deposit, reconciliation, both languages): it passed 60 s once on 2 busy cores
  test.setTimeout(120_000);
  const today = isoDaysAgo(0);
  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await page.evaluate(() => (window.location.hash = '#/welfare/bank'));
  await expect(page.getByRole('tab', { name: 'รับเงินอื่น/ธนาคาร', selected: true })).toBeVisible();
  // Nothing posted yet, but the books opened with the regulation: no set-up step is asked for.
  await expect(page.getByTestId('bank-section-accounts')).toBeVisible();
  await expect(page.getByTestId('bank-set-up')).toHaveCount(0);
  await saveScreenshot(page, shots, 'start');

  // The preset bank account is named after the fund's bank.
  await page.getByTestId('bank-section-accounts').click();
  await page.getByTestId('account-rename-1102').click();
  await page.getByTestId('account-rename-name').fill('เงินฝาก ธ.ก.ส.');
  await page.getByTestId('account-rename-bank').fill('ธ.ก.ส. สาขาบ้านไผ่ 020-1-23456-7');
  await page.keyboard.press('Enter'); // the last field: Enter saves
  await expect(page.getByTestId('bank-accounts')).toContainText('ธ.ก.ส. สาขาบ้านไผ่ 020-1-23456-7');
  await page.getByTestId('account-name').fill('เงินฝากออมสิน');
  await page.getByTestId('account-bank').fill('ธนาคารออมสิน สาขาบ้านไผ่ 0200-1234567-8');
  await page.getByTestId('account-add').click();
  await expect(page.getByTestId('bank-accounts')).toContainText('1103');
  await saveScreenshot(page, shots, 'accounts');

  // A receipt book, for the donation below.
  await page.getByRole('tab', { name: 'บัญชี', exact: true }).click();
  await page.getByTestId('book-number').fill('12');
  await page.getByTestId('book-first').fill('1');
  await page.getByTestId('book-last').fill('50');
  await page.getByTestId('book-add').click();
  await expect(page.getByTestId('receipt-books')).toContainText('1 ถึง 50');
  await page.getByRole('tab', { name: 'รับเงินอื่น/ธนาคาร', exact: true }).click();

  // CODI's matching round 1, approved a week ago, credited to the bank today: no receipt needed.
  await page.getByTestId('bank-section-income').click();
  const income = page.getByTestId('income-form');
  await pick(page, income, 'แหล่งที่มาของเงิน', '4103');
  await pick(page, income, 'รับเข้า', 'ธ.ก.ส.');
  await income.getByTestId('income-amount').fill('1,234,567.50');
  await income.getByTestId('income-payer').fill('สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)');
  await income.getByTestId('income-round').fill('1');
  const approval = income.getByLabel('วันที่ พอช. อนุมัติรอบนี้', { exact: true });
  await approval.fill(beDate(isoDaysAgo(7)));
  await approval.press('Enter');
  await income.getByTestId('income-save').click();
  let confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('บันทึกรับเงิน 1,234,567.50 บาท?');
  await expect(confirm).toContainText('เงินฝาก ธ.ก.ส. · ธ.ก.ส. สาขาบ้านไผ่ 020-1-23456-7');
  await page.getByTestId('income-confirm').click();
  await expect(page.getByText('บันทึกรับเงิน 1,234,567.50 บาทแล้ว')).toBeVisible();
  await expect(page.getByTestId('income-list')).toContainText('รอบที่ 1');

  // A donation handed over in cash: the receipt book is required, and the receipt takes its next number.
  await pick(page, income, 'แหล่งที่มาของเงิน', '4202');
  await pick(page, income, 'รับเข้า', 'เงินสดในมือ');
  await income.getByTestId('income-amount').fill('5000');
  await income.getByTestId('income-payer').fill('นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์');
  await income.getByTestId('income-save').click();
  await expect(income).toContainText('เงินบริจาคและเงินสดที่รับต้องออกใบเสร็จ');
  await pick(page, income, 'ออกใบเสร็จจากเล่ม', '12');
  await income.getByTestId('income-description').fill('บริจาคในงานทำบุญบ้าน');
  await income.getByTestId('income-save').click();
  confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('ออกใบเสร็จเล่มที่ 12 เลขที่ 1');
  await page.getByTestId('income-confirm').click();
  await expect(page.getByText('บันทึกรับเงิน 5,000.00 บาทแล้ว ใบเสร็จเล่มที่ 12 เลขที่ 1')).toBeVisible();
  const [printed] = await Promise.all([page.waitForResponse((response) => response.url().includes('/api/welfare.receipts.print')), page.getByTestId('income-print').click()]);
  expect(await printed.json()).toMatchObject({ ok: true, value: { pages: 1 } });
  await expect(page.getByTestId('income-total')).toHaveText('รวม 1,239,567.50 บาท');
  await saveScreenshot(page, shots, 'income');

  // The cash goes to the bank; more than the cash on hand is refused with both figures.
  await page.getByTestId('bank-section-transfer').click();
  const transfer = page.getByTestId('transfer-form');
  await pick(page, transfer, 'โอนจาก', 'เงินสดในมือ');
  await pick(page, transfer, 'โอนเข้า', 'ธ.ก.ส.');
  await transfer.getByTestId('transfer-amount').fill('6000');
  await transfer.getByTestId('transfer-save').click();
  await page.getByTestId('transfer-confirm').click();
  await expect(transfer).toContainText('มี 5,000 บาท นำออก 6,000 บาท ไม่ได้');
  await transfer.getByTestId('transfer-amount').fill('5000');
  await transfer.getByTestId('transfer-save').click();
  await page.getByTestId('transfer-confirm').click();
  await expect(page.getByTestId('transfer-list')).toContainText('นำเงินสดฝากเข้าบัญชี เงินฝาก ธ.ก.ส. (ธ.ก.ส. สาขาบ้านไผ่ 020-1-23456-7)');
  await saveScreenshot(page, shots, 'transfer');

  // This month's bank book shows the CODI round; the cash deposit is still in transit.
  await page.getByTestId('bank-section-reconcile').click();
  const reconcile = page.getByTestId('reconciliation');
  await page.getByTestId('reconcile-year').click();
  await page.keyboard.type(String(Number(today.slice(0, 4)) + 543));
  await page.keyboard.press('Enter');
  await page.getByTestId('reconcile-month').click();
  await page.keyboard.type(thaiMonths[Number(today.slice(5, 7)) - 1]!);
  await page.keyboard.press('Enter');
  await expect(reconcile.getByRole('checkbox')).toHaveCount(2);
  await reconcile.getByTestId('reconcile-bank-balance').fill('1234567.50');
  await expect(reconcile.getByTestId('reconcile-result')).toContainText('ยังต่างกัน 1,234,567.50 บาท');
  await reconcile.getByRole('checkbox', { name: /งบสมทบจากรัฐบาลผ่าน พอช\./ }).check();
  await expect(reconcile.getByTestId('reconcile-in-transit')).toHaveText('5,000.00');
  await expect(reconcile.getByTestId('reconcile-expected')).toHaveText('1,234,567.50');
  await expect(reconcile.getByTestId('reconcile-result')).toContainText('กระทบยอดตรงกัน');
  await page.keyboard.press('Control+s');
  await expect(reconcile.getByTestId('reconcile-saved')).toContainText('ต่างกัน 0.00 บาท');
  await saveScreenshot(page, shots, 'reconciliation');
  // The English twin of the screen, for a look.
  await page.getByText('English', { exact: true }).click();
  await expect(reconcile).toContainText('Reconciled: the figures agree');
  await saveScreenshot(page, shots, 'reconciliation-en');
});
