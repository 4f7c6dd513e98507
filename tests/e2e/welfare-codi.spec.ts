// CODI's two forms from the books (issue 10): the treasurer opens แบบฟอร์ม พอช., sees this fiscal year's figures with
// their sources and the criteria, writes the committee's words (saved by themselves), prints the status form and the
// application — the printed figures are the screen's — and exports the figures for CODI's web system.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { generateSampleTambon } from '../../main/sample/sample-tambon';
import { comparable } from '../documents/pdf-tools';
import { apiValue, freshDataDir, logIn, startApp, type RunningApp } from './app-process';
import { savePrintedPdf, saveScreenshot } from './evidence';

let app: RunningApp;
const sample = generateSampleTambon({ size: 'small' });
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? path.join('test-results', 'welfare-codi');

const isoDaysAgo = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

const members = [
  { title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์', citizenId: '3409900123451', memberNumber: '0001', village: 0, category: 'youth', joined: isoDaysAgo(800) },
  { title: 'นาง', firstName: 'ปุณณ์ญาดา', lastName: 'ธนัชพฤกษ์', citizenId: '1101700203450', memberNumber: '0002', village: 0, category: 'elderly', joined: isoDaysAgo(800) },
  { title: 'นาย', firstName: 'ฐิติพงศ์', lastName: 'ฤทธิ์ณรงค์', citizenId: '3100600123450', memberNumber: '0003', village: 1, category: 'general', joined: isoDaysAgo(800) },
  { title: 'นาย', firstName: 'ณัฐวรรธน์', lastName: 'พฤกษ์ชยางกูร', citizenId: '1509900345677', memberNumber: '0004', village: 1, category: 'general', joined: isoDaysAgo(3) },
];
const PROBLEMS = `สมาชิกบางส่วนขาดส่งเงินสมทบเพราะไปทำงานต่างจังหวัด ${'ติดตามทวงถามผ่านศูนย์ประสานงานหมู่บ้านทุกเดือน '.repeat(8)}`.trim();

const api = <T>(request: APIRequestContext, method: string, data: unknown) => apiValue<T>(request, app, method, data);

test.beforeEach(async ({ request }) => {
  app = await startApp(freshDataDir());
  await api(request, 'office.setup.create', { office: sample.office, admin: { displayName: 'นางสาวกิ่งแก้ว ปั้นทอง', username: 'admin', password: 'tambon1234' } });
  await api(request, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
  const villageIds: number[] = [];
  for (const village of sample.villages) villageIds.push((await api<{ id: number }>(request, 'people.villages.create', village)).id);
  const preset = await api<object>(request, 'welfare.regulation.preset', { effectiveFrom: '2020-01-01' });
  await api(request, 'welfare.regulation.create', preset);
  for (const member of members) {
    const person = await api<{ id: number }>(request, 'people.persons.create', { title: member.title, firstName: member.firstName, lastName: member.lastName, citizenId: member.citizenId, villageId: villageIds[member.village] });
    await api(request, 'welfare.members.join', { personId: person.id, memberNumber: member.memberNumber, category: member.category, applicationDate: member.joined, startDate: member.joined });
  }
  const accounts = await api<{ accounts: number }>(request, 'welfare.moneyAccounts.setUp', {});
  expect(accounts.accounts).toBeGreaterThan(10);
  const { accounts: chart } = await api<{ accounts: { id: number; code: string }[] }>(request, 'welfare.books.get', {});
  const id = (code: string) => chart.find((account) => account.code === code)!.id;
  await api(request, 'welfare.income.create', { sourceAccountId: id('4103'), moneyAccountId: id('1102'), incomeDate: isoDaysAgo(400), amountSatang: 1_254_300_00, payerName: 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)', description: 'งบสมทบจากรัฐบาล รอบที่ 1', codiRound: 1, codiRoundApprovalDate: isoDaysAgo(420) });
});

test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

test('the CODI forms: figures from the books, the committee writes, both forms printed with the screen figures, xlsx exported', async ({ page }) => {
  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await page.evaluate(() => (window.location.hash = '#/welfare/codi'));

  await expect(page.getByTestId('codi-members-current')).toHaveText('4');
  // the newest member joined three days ago: not a year by 30 September
  await expect(page.getByTestId('codi-members-one-year')).toHaveText('3');
  await expect(page.getByTestId('codi-round')).toHaveText('2');
  await expect(page.getByTestId('codi-suggested')).toHaveText('1,095.00 บาท');
  await expect(page.getByTestId('codi-villages')).toHaveText(`2 / ${sample.villages.length}`);
  await expect(page.getByTestId('codi-criterion-categories')).toContainText('ไม่ผ่าน');
  await expect(page.getByTestId('codi-criterion-benefitTypes')).toContainText('ยังไม่เคยจ่ายสวัสดิการ');
  await expect(page.getByTestId('codi-forms')).toContainText('ทะเบียนสมาชิก');
  const receiptTotal = (await page.getByTestId('codi-position-receipt-total').textContent())!;
  await expect(page.getByTestId('codi-position-payment-total')).toHaveText(receiptTotal);

  // the committee's words save themselves
  await page.getByTestId('codi-text-problems').fill(PROBLEMS);
  await page.getByTestId('codi-committee-add').click();
  await page.getByTestId('codi-committee-0-name').fill('นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์');
  await page.getByTestId('codi-committee-0-position').fill('ประธาน');
  await page.getByTestId('codi-committee-0-phone').fill('081-234-5678');
  await expect(page.getByTestId('codi-texts-state')).toHaveText('บันทึกแล้ว', { timeout: 10_000 });
  const saved = await api<{ problems: string; committee: { name: string }[] }>(page.request, 'welfare.codi.texts', { fiscalYear: Number((await page.getByTestId('codi-year').textContent())!.replace(/\D/g, '')) });
  expect(saved.problems).toBe(PROBLEMS);
  expect(saved.committee[0]!.name).toBe('นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์');
  await saveScreenshot(page, SCREENSHOTS, 'codi-forms');

  const current = (await page.getByTestId('codi-members-current').textContent())!;
  const oneYear = (await page.getByTestId('codi-members-one-year').textContent())!;
  const total = (await page.getByTestId('codi-money-total').textContent())!;
  const [status] = await Promise.all([page.waitForResponse((response) => response.url().includes('/api/welfare.codi.statusFormPrint')), page.getByTestId('codi-print-status').click()]);
  const statusText = (await savePrintedPdf(status, SCREENSHOTS, 'status-form')).text;
  for (const expected of ['แบบแสดงสถานะกองทุนสวัสดิการชุมชน', `(หักผู้เสียชีวิต ลาออก และพ้นสภาพ) ${current} คน`, `(ขอรับการสมทบ) ${oneYear} คน`, `เงินกองทุนสะสมตั้งแต่ก่อตั้ง ${total}`, `รวมยอดบัญชีรายรับ ${receiptTotal}`, 'สมาชิกบางส่วนขาดส่งเงินสมทบ', 'นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์']) {
    expect(statusText, expected).toContain(comparable(expected));
  }

  const requested = (await page.getByTestId('codi-requested').textContent())!;
  const [request] = await Promise.all([page.waitForResponse((response) => response.url().includes('/api/welfare.codi.applicationPrint')), page.getByTestId('codi-print-request').click()]);
  const requestText = (await savePrintedPdf(request, SCREENSHOTS, 'application')).text;
  for (const expected of ['แบบเสนอเพื่อรับการสนับสนุนกองทุนสวัสดิการชุมชน', 'ขอรับการสนับสนุน รอบที่ 2', `เป็นเงิน ${requested}`, `${oneYear} คน`, 'ไม่ผ่าน']) {
    expect(requestText, expected).toContain(comparable(expected));
  }

  const [exported] = await Promise.all([page.waitForResponse((response) => response.url().includes('/api/welfare.codi.export')), page.getByTestId('codi-export').click()]);
  const body = (await exported.json()) as { ok: boolean; value: { fileName: string; rows: number } };
  expect(body.ok).toBe(true);
  expect(body.value.fileName).toMatch(/^แบบฟอร์ม-พอช-25\d\d\.xlsx$/);
  expect(body.value.rows).toBeGreaterThan(20);

  // the same screen in English: criteria and sources in the screen's language
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByTestId('codi-criterion-categories')).toContainText('Not met');
  await expect(page.getByTestId('codi-forms')).toContainText('Member register');
  // the books' own names too: the chart's English names, the form's section titles, no Thai word of ours left
  await expect(page.getByTestId('codi-position')).toContainText('1. Grants and contributions');
  await expect(page.getByTestId('codi-position')).toContainText('Member contributions');
  await expect(page.getByTestId('codi-position')).not.toContainText('รายรับ');
  await saveScreenshot(page, SCREENSHOTS, 'codi-forms-en');
});
