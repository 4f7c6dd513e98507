// Money out of the welfare fund (issue 9, "Claims and payouts"): a claim inside the waiting period refused with its
// numbers and kept; a hospital claim approved, paid from the bank account and its voucher printed; an
// administrative expense in the millions that passes the year's cost cap; a voucher voided by reversal.
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page, type Response } from '@playwright/test';
import { generateSampleTambon } from '../../main/sample/sample-tambon';
import { freshDataDir, logIn, startApp, type RunningApp, apiValue } from './app-process';

let app: RunningApp;
const sample = generateSampleTambon({ size: 'small' });
const shots = process.env.SCREENSHOTS ?? '';

const isoDaysAgo = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};
const beDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${Number(iso.slice(0, 4)) + 543}`;

// Hard names, full citizen IDs: one who joined 30 days ago, one member since 2015.
const members = [
  { title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์', citizenId: '3409900123451', memberNumber: '0001', joined: isoDaysAgo(30) },
  { title: 'นาง', firstName: 'ปุณณ์ญาดา', lastName: 'ธนัชพฤกษ์', citizenId: '1101700203450', memberNumber: '0002', joined: '2015-06-01' },
];
const daughter = 'นางสาวณัฐณิชา ธนัชพฤกษ์';
let membershipIds: number[] = [];

const api = <T>(request: APIRequestContext, method: string, data: unknown) => apiValue<T>(request, app, method, data);

test.beforeEach(async ({ request }) => {
  app = await startApp(freshDataDir());
  await api(request, 'office.setup.create', { office: sample.office, admin: { displayName: 'นางสาวกิ่งแก้ว ปั้นทอง', username: 'admin', password: 'tambon1234' } });
  await api(request, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
  const village = await api<{ id: number }>(request, 'people.villages.create', sample.villages[0]);
  const preset = await api<{ contributions: { arrears: { limit: number | null } } }>(request, 'welfare.regulation.preset', { effectiveFrom: '2015-01-01' });
  // no arrears limit: the member since 2015 has no receipts in this fresh office, and would have lapsed
  preset.contributions.arrears.limit = null;
  await api(request, 'welfare.regulation.create', preset);
  const joined: number[] = [];
  for (const member of members) {
    const person = await api<{ id: number }>(request, 'people.persons.create', { title: member.title, firstName: member.firstName, lastName: member.lastName, citizenId: member.citizenId, villageId: village.id, houseNumber: '45/1' });
    const beneficiaries = member.memberNumber === '0002' ? [{ name: daughter, relationship: 'บุตรสาว', sharePercent: 100 }] : [];
    joined.push((await api<{ id: number }>(request, 'welfare.members.join', { personId: person.id, memberNumber: member.memberNumber, category: 'general', applicationDate: member.joined, startDate: member.joined, beneficiaries })).id);
  }
  // a collection day first, as a fund has before it pays anything (it sets up the books' accounts, the bank among them)
  const book = await api<{ id: number }>(request, 'welfare.receiptBooks.create', { bookNumber: '1', firstNumber: 1, lastNumber: 100 });
  await api(request, 'welfare.collection.save', { receiptDate: isoDaysAgo(0), bookId: book.id, payments: [{ membershipId: joined[0], amountSatang: 3000 }] });
  membershipIds = joined;
});

test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** An option of the open drop-down list, by its whole text. */
async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) }).click();
}

/** A hospital claim typed in the form: the member found by name, the event date in B.E., the nights, all evidence. */
async function fillClaim(page: Page, memberText: string, eventDate: string, nights: string) {
  await page.getByTestId('claim-new').click();
  const dialog = page.getByRole('dialog');
  await page.getByTestId('claim-member').locator('input').fill(memberText);
  await page.locator('[data-testid^="pick-member-"]').first().click();
  const date = dialog.getByPlaceholder('วว/ดด/ปปปป (พ.ศ.)');
  await date.fill(beDate(eventDate));
  await date.press('Enter');
  await page.getByTestId('claim-benefit').click();
  await pickOption(page, 'นอนโรงพยาบาล');
  await page.getByTestId('claim-units').fill(nights);
  for (const box of await page.getByTestId('claim-evidence').locator('input[type=checkbox]').all()) await box.check();
  return dialog;
}

const printed = (page: Page) => page.waitForResponse((response: Response) => response.url().includes('/api/welfare.payouts.print'));

test('a refused claim kept with its reason, one approved, paid from the bank and its voucher printed; an expense over the cap; a voucher voided', async ({ page }) => {
  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await page.evaluate(() => (window.location.hash = '#/welfare/claims'));
  await expect(page.getByTestId('claims-list')).toContainText('ยังไม่มีคำขอรับสวัสดิการ');

  // Joined 30 days ago, in hospital yesterday: the judgement refuses it with the numbers, before saving.
  const refused = await fillClaim(page, 'กัญญ์ณัฏฐ์', isoDaysAgo(1), '2');
  await expect(page.getByTestId('claim-decision')).toContainText('ไม่อนุมัติตามระเบียบ (1 เหตุผล)');
  await expect(page.getByTestId('claim-refusal')).toHaveText('เป็นสมาชิก 29 วัน ต้องครบ 180 วัน (ขาดอีก 151 วัน)');
  await expect(page.getByTestId('claim-judgement')).toContainText('ค่านอนโรงพยาบาล 200 บาท × 2 คืน = 400 บาท');
  await shot(page, 'claim-refused-form');
  await page.getByTestId('claim-save').click();
  await expect(refused).toBeHidden();
  await expect(page.getByTestId('claims-list')).toContainText('ไม่อนุมัติ');
  await expect(page.getByTestId('claims-list')).toContainText('เป็นสมาชิก 29 วัน ต้องครบ 180 วัน');

  // A member since 2015: 4 nights cut to the cap of 600 baht a claim; saved, approved, paid from the bank.
  await fillClaim(page, '0002', isoDaysAgo(3), '4');
  await expect(page.getByTestId('claim-decision')).toContainText('จ่ายได้ตามระเบียบ 600.00 บาท');
  await expect(page.getByTestId('claim-judgement')).toContainText('เกินเพดานต่อครั้ง');
  await shot(page, 'claim-pay-form');
  await page.getByTestId('claim-save').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByTestId('claims-filter-pending').click();
  await expect(page.getByTestId('claims-list')).toContainText('นางปุณณ์ญาดา ธนัชพฤกษ์');
  await page.locator('[data-testid^="claim-approve-"]').first().click();
  await page.getByTestId('claim-approve-meeting').fill('มติคณะกรรมการ ครั้งที่ 11/2569');
  await page.getByTestId('claim-approve-ok').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByTestId('claims-filter-approved').click();
  await page.locator('[data-testid^="claim-pay-"]').first().click();
  const onScreen = (await page.getByTestId('claim-dialog-amount').innerText()).replace(' บาท', '');
  expect(onScreen).toBe('600.00');
  await page.getByTestId('claim-pay-from').click();
  await pickOption(page, '1102 เงินฝากธนาคาร');
  await shot(page, 'claim-pay-dialog');
  const [voucher] = await Promise.all([printed(page), page.getByTestId('claim-pay-ok').click()]);
  const body = (await voucher.json()) as { ok: boolean; value: { pdfBase64: string; totalSatang: number; pages: number } };
  expect(body.ok).toBe(true);
  expect(Buffer.from(body.value.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  expect(body.value).toMatchObject({ pages: 1, totalSatang: 60_000 });
  await page.getByTestId('claims-filter-paid').click();
  await expect(page.getByTestId('claims-list')).toContainText('ใบสำคัญจ่ายเลขที่ 1');
  await shot(page, 'claims-list');

  // An administrative expense in the millions: the year's income is 30 baht, its 20 % cap 6 baht.
  await page.getByTestId('claims-section-expenses').click();
  await page.getByTestId('expense-kind').click();
  await pickOption(page, '5203 ค่าเอกสาร/เครื่องเขียน');
  await page.getByTestId('expense-description').fill('ค่าพิมพ์สมุดประจำตัวสมาชิกและใบเสร็จรับเงินทั้งตำบล');
  await page.getByTestId('expense-amount').fill('1,234,567.50');
  await page.getByTestId('expense-recipient').fill('นางสาวกัญญ์ณัฏฐ์ ปุณณ์ญาดา');
  await page.getByTestId('expense-save').click();
  await expect(page.getByTestId('expense-cap-warning')).toContainText('เกินเพดาน 6.00 บาท');
  await expect(page.getByTestId('expense-cap-warning')).toContainText('1,234,567.50');
  await expect(page.getByTestId('voucher-amount-2')).toHaveText('1,234,567.50');
  await shot(page, 'expenses');
  const [expenseVoucher] = await Promise.all([printed(page), page.getByTestId('voucher-print-2').click()]);
  expect(((await expenseVoucher.json()) as { value: { totalSatang: number } }).value.totalSatang).toBe(123_456_750);

  // The benefit was paid to the wrong person: voided with its reason, kept, and the claim can be paid again.
  await page.getByTestId('claims-section-vouchers').click();
  await page.getByTestId('voucher-void-1').click();
  await page.getByTestId('voucher-void-confirm').click();
  await expect(page.getByRole('dialog')).toContainText('กรุณากรอกเหตุผลที่ยกเลิก');
  await page.getByTestId('voucher-void-reason').fill('จ่ายผิดคน ต้องจ่ายให้บุตรสาว');
  await page.getByTestId('voucher-void-confirm').click();
  await expect(page.getByTestId('voucher-voided-1')).toContainText('จ่ายผิดคน ต้องจ่ายให้บุตรสาว');
  await expect(page.getByTestId('vouchers-summary')).toContainText('ใบสำคัญจ่ายที่ใช้ได้ 1 ใบ รวม 1,234,567.50 บาท · ยกเลิก 1 ใบ');
  await shot(page, 'vouchers');
  await page.getByTestId('claims-section-claims').click();
  await page.getByTestId('claims-filter-approved').click();
  await expect(page.locator('[data-testid^="claim-pay-"]')).toHaveCount(1);

  // The member page: what she has received (nothing now: the voucher was voided) and her claims.
  await page.evaluate(() => (window.location.hash = '#/welfare'));
  // the members list, not a name still on the screen being left
  await page.locator('[data-testid^="member-row-"]').filter({ hasText: 'นางปุณณ์ญาดา ธนัชพฤกษ์' }).click();
  await expect(page.getByTestId('member-benefits')).toContainText('อนุมัติแล้ว');
  await shot(page, 'member-benefits');
});

test('a death claim above the two-person threshold: the same user cannot approve twice, a second user does, the beneficiary is paid', async ({ page, browser, request }) => {
  await api(request, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
  await api(request, 'welfare.books.settings.update', { accountingYear: 'fiscal', adminCostCapBasisPoints: 2000, twoPersonThresholdSatang: 100_000 });
  await api(request, 'office.users.create', { displayName: 'นางบุญเรือน แก้วมณี', username: 'treasurer', role: 'treasurer', password: 'tambon1234' });
  await api(request, 'welfare.members.end', { membershipId: membershipIds[1], endDate: isoDaysAgo(5), reason: 'died', note: '' });

  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await page.evaluate(() => (window.location.hash = '#/welfare/claims'));
  await page.getByTestId('claim-new').click();
  await page.getByTestId('claim-member').locator('input').fill('ปุณณ์ญาดา');
  await page.locator('[data-testid^="pick-member-"]').first().click();
  const date = page.getByRole('dialog').getByPlaceholder('วว/ดด/ปปปป (พ.ศ.)');
  await date.fill(beDate(isoDaysAgo(5)));
  await date.press('Enter');
  await page.getByTestId('claim-benefit').click();
  await pickOption(page, 'เสียชีวิต');
  for (const box of await page.getByTestId('claim-evidence').locator('input[type=checkbox]').all()) await box.check();
  await expect(page.getByTestId('claim-decision')).toContainText('จ่ายได้ตามระเบียบ');
  await expect(page.getByTestId('claim-judgement')).toContainText('สถานะในวันที่เกิดเหตุ: เสียชีวิตแล้ว');
  await page.getByTestId('claim-save').click();
  await expect(page.getByRole('dialog')).toBeHidden();

  // The first approval records the meeting; the same user asked again is told someone else must approve.
  await page.locator('[data-testid^="claim-approve-"]').first().click();
  await expect(page.getByRole('dialog')).toContainText('ยอดจ่ายเกิน 1,000.00 บาท ต้องมีผู้ใช้สองคนอนุมัติ');
  await page.getByTestId('claim-approve-meeting').fill('มติคณะกรรมการ ครั้งที่ 12/2569');
  await page.getByTestId('claim-approve-ok').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('claims-list')).toContainText('อนุมัติครั้งแรกโดย นางสาวกิ่งแก้ว ปั้นทอง รอผู้ใช้อีกคนอนุมัติ');
  await page.locator('[data-testid^="claim-approve-"]').first().click();
  await expect(page.getByTestId('claim-approve-first')).toContainText('ต้องให้ผู้ใช้คนอื่นที่ไม่ใช่ผู้อนุมัติคนแรก');
  await expect(page.getByTestId('claim-approve-ok')).toBeDisabled();
  await shot(page, 'claim-approve-same-user');

  // The treasurer, logged in on another window, approves as the second user and pays the daughter.
  const treasurer = await browser.newPage();
  await treasurer.goto(app.url);
  await logIn(treasurer, 'treasurer', 'tambon1234');
  await treasurer.evaluate(() => (window.location.hash = '#/welfare/claims'));
  await treasurer.locator('[data-testid^="claim-approve-"]').first().click();
  await expect(treasurer.getByTestId('claim-approve-first')).toContainText('อนุมัติครั้งแรกโดย นางสาวกิ่งแก้ว ปั้นทอง ตามมติคณะกรรมการ ครั้งที่ 12/2569');
  await expect(treasurer.getByTestId('claim-approve-first')).toContainText('คุณเป็นผู้อนุมัติคนที่สอง');
  await shot(treasurer, 'claim-approve-second');
  // Once in a few clean-clone runs the click on the just-opened dialog sent nothing (no request in the trace): the
  // click is tried again until the approval goes out. A second approval that did go out would be refused and fail here.
  await expect(async () => {
    await treasurer.getByTestId('claim-approve-ok').click({ timeout: 2_000 });
    await expect(treasurer.getByRole('dialog')).toBeHidden({ timeout: 3_000 });
  }).toPass({ timeout: 15_000 });
  await treasurer.locator('[data-testid^="claim-pay-"]').first().click();
  await expect(treasurer.getByTestId('claim-pay-recipient')).toContainText(`ผู้รับผลประโยชน์: ${daughter} (บุตรสาว 100.00%)`);
  const amount = (await treasurer.getByTestId('claim-dialog-amount').innerText()).replace(' บาท', '');
  await shot(treasurer, 'claim-pay-beneficiary');
  const [voucher] = await Promise.all([printed(treasurer), treasurer.getByTestId('claim-pay-ok').click()]);
  const body = (await voucher.json()) as { value: { totalSatang: number } };
  expect((body.value.totalSatang / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })).toBe(amount);
  const vouchers = await api<{ recipientName: string; totalSatang: number }[]>(request, 'welfare.payouts.list', {});
  expect(vouchers[0]).toMatchObject({ recipientName: daughter, totalSatang: body.value.totalSatang });

  // Her member page: the death benefit received this year and in all, and the claim paid.
  await treasurer.evaluate((id) => (window.location.hash = `#/welfare/members/${id}`), membershipIds[1]!);
  const received = treasurer.getByTestId('member-benefits');
  await expect(received).toContainText('ได้รับปีงบประมาณ');
  await expect(received).toContainText(`${amount} (1 ครั้ง)`);
  await expect(received).toContainText('จ่ายแล้ว');
  await received.scrollIntoViewIfNeeded();
  await shot(treasurer, 'member-benefits-paid');
  await treasurer.close();
});
