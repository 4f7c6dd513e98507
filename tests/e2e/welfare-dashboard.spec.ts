// The fund at a glance (issue 10): a fund two years old — millions in two bank accounts, villages with long names,
// members paying month by month, a benefit paid, a claim waiting, months closed up to four months ago — seen on the
// dashboard (its chart of 24 months, the same figures as a table, each tile opening its detail) and on the treasurer's
// "วันนี้" page. Screenshots are kept to be looked at; no English on the Thai screen.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { generateSampleTambon } from '../../main/sample/sample-tambon';
import { apiValue, freshDataDir, logIn, startApp, type RunningApp } from './app-process';
import { saveScreenshot } from './evidence';

let app: RunningApp;
const sample = generateSampleTambon({ size: 'small' });
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? path.join('test-results', 'welfare-dashboard');

const LONG_VILLAGE_NAMES = ['บ้านหนองบัวทองพัฒนาสามัคคีเจริญสุข', 'บ้านโนนสะอาดเหนือพัฒนาเศรษฐกิจพอเพียง', 'บ้านดอนมะค่าใหม่ศรีสว่างวงศ์', 'บ้านห้วยทรายทองคำ'];

const isoDaysAgo = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};
/** The 15th of the month `months` months before this one. */
const midMonthAgo = (months: number) => {
  const date = new Date();
  date.setDate(15);
  date.setMonth(date.getMonth() - months);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-15`;
};
/** The last day of the month `months` months before this one. */
const monthEndAgo = (months: number) => {
  const date = new Date();
  date.setDate(1);
  date.setMonth(date.getMonth() - months + 1);
  date.setDate(0);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
/** "ต.ค. 68": the month `months` months before this one, as the chart and the table name it. */
const thaiMonthAgo = (months: number) => {
  const date = new Date();
  date.setDate(1);
  date.setMonth(date.getMonth() - months);
  return `${THAI_MONTHS[date.getMonth()]} ${String(date.getFullYear() + 543).slice(2)}`;
};

/** A citizen ID with its check digit (the register refuses any other). */
function citizenId(first12: string): string {
  const sum = [...first12].reduce((total, digit, index) => total + Number(digit) * (13 - index), 0);
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

const members = [
  { title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์', id12: '340990012345' },
  { title: 'นาง', firstName: 'ปุณณ์ญาดา', lastName: 'ธนัชพฤกษ์', id12: '110170020345' },
  { title: 'นาย', firstName: 'ฐิติพงศ์', lastName: 'ฤทธิ์ณรงค์', id12: '310060012345' },
  { title: 'นาย', firstName: 'ณัฐวรรธน์', lastName: 'พฤกษ์ชยางกูร', id12: '150990034567' },
  { title: 'นาง', firstName: 'บุญเรือน', lastName: 'ทองประเสริฐศักดิ์', id12: '360990012345' },
  { title: 'นางสาว', firstName: 'ศรีสุดา', lastName: 'วงศ์สวัสดิ์ไพบูลย์', id12: '460990012345' },
];

const api = <T>(request: APIRequestContext, method: string, data: unknown) => apiValue<T>(request, app, method, data);

async function twoYearOldFund(request: APIRequestContext) {
  await api(request, 'office.setup.create', { office: sample.office, admin: { displayName: 'นางสาวกิ่งแก้ว ปั้นทอง', username: 'admin', password: 'tambon1234' } });
  await api(request, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
  await api(request, 'office.users.create', { displayName: 'นางบุญเรือน แก้วมณี', username: 'treasurer', role: 'treasurer', password: 'tambon1234' });
  const villageIds: number[] = [];
  for (const [index, village] of sample.villages.slice(0, LONG_VILLAGE_NAMES.length).entries()) villageIds.push((await api<{ id: number }>(request, 'people.villages.create', { ...village, name: LONG_VILLAGE_NAMES[index] })).id);
  const preset = await api<{ benefitTypes: { code: string; waitingDays: number; payment: { kind: string }; evidence: { code: string }[] }[]; contributions: { arrears: { limit: number | null } } }>(request, 'welfare.regulation.preset', { effectiveFrom: '2020-01-01' });
  preset.contributions.arrears.limit = null; // the figures, not the lapse rules, are on show
  await api(request, 'welfare.regulation.create', preset);
  const perNight = preset.benefitTypes.find((benefit) => benefit.payment.kind === 'perDay')!;

  // two years of members, in the four villages
  const joined = midMonthAgo(25);
  const membershipIds: number[] = [];
  for (const [index, member] of members.entries()) {
    const person = await api<{ id: number }>(request, 'people.persons.create', { title: member.title, firstName: member.firstName, lastName: member.lastName, citizenId: citizenId(member.id12), villageId: villageIds[index % villageIds.length] });
    membershipIds.push((await api<{ id: number }>(request, 'welfare.members.join', { personId: person.id, memberNumber: String(index + 1).padStart(4, '0'), category: 'general', applicationDate: joined, startDate: joined })).id);
  }

  // the money: CODI's matching round and the อบต.'s grant in the bank (millions), a donation in cash
  await api(request, 'welfare.moneyAccounts.setUp', {});
  const secondBank = await api<{ id: number }>(request, 'welfare.bankAccounts.create', { nameTh: 'เงินฝากออมทรัพย์ ธนาคารกรุงไทย', bankAccount: 'ธนาคารกรุงไทย สาขาหนองบัวลำภู 123-4-56789-0' });
  const { accounts } = await api<{ accounts: { id: number; code: string }[] }>(request, 'welfare.books.get', {});
  const account = (code: string) => accounts.find((row) => row.code === code)!.id;
  await api(request, 'welfare.income.create', { sourceAccountId: account('4103'), moneyAccountId: account('1102'), incomeDate: midMonthAgo(20), amountSatang: 1_500_000_00, payerName: 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)', description: 'งบสมทบจากรัฐบาล รอบที่ 1', codiRound: 1, codiRoundApprovalDate: midMonthAgo(21) });
  await api(request, 'welfare.income.create', { sourceAccountId: account('4104'), moneyAccountId: secondBank.id, incomeDate: midMonthAgo(9), amountSatang: 850_000_00, payerName: 'องค์การบริหารส่วนตำบลหนองบัว', description: 'เงินสมทบจาก อบต. ประจำปี' });

  // contributions month by month (two months skipped by everyone: the chart shows them as 0)
  const book = await api<{ id: number }>(request, 'welfare.receiptBooks.create', { bookNumber: '12', firstNumber: 1, lastNumber: 999 });
  for (let monthsAgo = 24; monthsAgo >= 0; monthsAgo--) {
    if (monthsAgo === 14 || monthsAgo === 6) continue;
    const receiptDate = monthsAgo === 0 ? isoDaysAgo(0) : midMonthAgo(monthsAgo);
    const payments = membershipIds.map((membershipId, index) => ({ membershipId, amountSatang: (monthsAgo === 24 ? 2_000 : 0) + (monthsAgo === 15 || monthsAgo === 7 ? 9_000 : 3_000) * (index === 5 && monthsAgo < 4 ? 0 : 1) })).filter((payment) => payment.amountSatang > 0);
    await api(request, 'welfare.collection.save', { receiptDate, bookId: book.id, payments });
  }
  await api(request, 'welfare.income.create', { sourceAccountId: account('4202'), moneyAccountId: account('1101'), incomeDate: midMonthAgo(3), amountSatang: 12_500_00, payerName: 'วัดป่าหนองบัวศรีสว่าง', description: 'บริจาคทำบุญกฐิน', receiptBookId: book.id });

  // money out: a hospital benefit paid three months ago, an expense, and a claim waiting for the committee
  const claim = await api<{ id: number }>(request, 'welfare.claims.create', { membershipId: membershipIds[2], benefitCode: perNight.code, eventDate: midMonthAgo(3), units: 3, evidence: perNight.evidence.map((item) => item.code) });
  await api(request, 'welfare.claims.approve', { claimId: claim.id, approvedBy: 'มติคณะกรรมการ ครั้งที่ 9/2569', approvalDate: midMonthAgo(3) });
  await api(request, 'welfare.claims.pay', { claimId: claim.id, payoutDate: midMonthAgo(3) });
  await api(request, 'welfare.expenses.create', { expenseDate: midMonthAgo(2), accountCode: '5203', description: 'ค่าเอกสารและเครื่องเขียนประชุมใหญ่สามัญประจำปี', amountSatang: 4_875_00, recipientName: 'ร้านศึกษาภัณฑ์หนองบัว' });
  await api(request, 'welfare.claims.create', { membershipId: membershipIds[3], benefitCode: perNight.code, eventDate: isoDaysAgo(2), units: 2, evidence: perNight.evidence.map((item) => item.code) });
  // the books closed up to the end of the month five months ago: four months are left to close
  await api(request, 'welfare.books.lock', { lockDate: monthEndAgo(5) });
}

test.beforeEach(async () => {
  app = await startApp(freshDataDir());
});

test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

/** Words in Latin letters on a Thai screen, other than bank-account style codes (A4, 1102…). */
async function englishIn(page: Page, testId: string): Promise<string[]> {
  const text = await page.getByTestId(testId).innerText();
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

test('the treasurer sees what waits today, and the fund at a glance with its chart, table and tiles to the detail', async ({ page, request }) => {
  test.setTimeout(120_000);
  await twoYearOldFund(request);
  await page.goto(app.url);
  await logIn(page, 'treasurer', 'tambon1234');

  // วันนี้: the claim waiting and the four months not yet closed, each with its way there
  const today = page.getByTestId('today-welfare');
  await expect(today).toBeVisible();
  await expect(page.getByTestId('today-welfare-claims')).toContainText('คำขอรับสวัสดิการรออนุมัติ 1 รายการ');
  await expect(page.getByTestId('today-welfare-months')).toContainText('เดือนที่ยังไม่ได้ปิดบัญชี 4 เดือน');
  expect(await englishIn(page, 'today-welfare')).toEqual([]);
  await saveScreenshot(page, SCREENSHOTS, 'today');
  await page.getByTestId('today-welfare-claims').getByRole('button').click();
  await expect(page).toHaveURL(/#\/welfare\/claims$/);
  await expect(page.getByTestId('claims-list')).toBeVisible();

  // the dashboard
  await page.getByTestId('welfare-tab-dashboard').click();
  await expect(page).toHaveURL(/#\/welfare\/dashboard$/);
  await expect(page.getByTestId('welfare-dashboard')).toBeVisible();
  // 1,500,000 + 850,000 in the banks, the contributions and the donation in cash, less what was paid out
  await expect(page.getByTestId('dashboard-balance-total')).toContainText(/^2,3\d\d,\d{3}\.\d\d บาท$/);
  await expect(page.getByTestId('dashboard-members-current')).toHaveText('6 คน');
  await expect(page.getByTestId('dashboard-claims-count')).toHaveText('1 รายการ');
  await expect(page.getByTestId('dashboard-months-count')).toHaveText('4 เดือน');
  await expect(page.getByTestId('dashboard-villages')).toContainText(LONG_VILLAGE_NAMES[1]!);

  // the chart: an SVG with the 24 months on its axis, in B.E.
  const chart = page.getByTestId('dashboard-chart');
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveCount(24);
  await expect(chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toHaveText(thaiMonthAgo(23));
  await expect(chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').last()).toHaveText(thaiMonthAgo(0));
  // a bar per month with money in: 22 months of contributions (two skipped, and 24 months back is before the first)
  await expect(chart.locator('.recharts-bar').first().locator('.recharts-bar-rectangle path')).toHaveCount(22);
  expect(await englishIn(page, 'welfare-dashboard')).toEqual([]);
  await saveScreenshot(page, SCREENSHOTS, 'dashboard');

  // the same figures as a table, to the satang: 24 months and the total
  await page.getByTestId('dashboard-monthly-table-view').click();
  const table = page.getByTestId('dashboard-monthly-table');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(24);
  await expect(table).toContainText('รวม 24 เดือน');
  // six months ago nobody paid: there, as 0.00
  await expect(table.locator('tbody tr.ant-table-row').filter({ hasText: thaiMonthAgo(6) })).toHaveText(`${thaiMonthAgo(6)}0.000.000.00`);
  await saveScreenshot(page, SCREENSHOTS, 'dashboard-table');

  // each tile opens its detail
  await page.getByTestId('dashboard-arrears').click();
  await expect(page).toHaveURL(/#\/welfare\/reports\/arrears$/);
  await expect(page.getByTestId('arrears-report')).toBeVisible();
  await page.getByTestId('welfare-tab-dashboard').click();
  await page.getByTestId('dashboard-months').click();
  await expect(page).toHaveURL(/#\/welfare\/books$/);
  await expect(page.getByTestId('receipt-books')).toBeVisible();
  await page.getByTestId('welfare-tab-dashboard').click();
  await page.getByTestId('dashboard-members').press('Enter');
  await expect(page).toHaveURL(/#\/welfare\/members$/);
  await page.getByTestId('welfare-tab-dashboard').click();
  await page.getByTestId('dashboard-claims').click();
  await expect(page.getByTestId('claims-list')).toBeVisible();
});

test('the viewer sees the dashboard, and the วันนี้ page has no fund work for them', async ({ page, request }) => {
  test.setTimeout(120_000);
  await twoYearOldFund(request);
  await api(request, 'office.users.create', { displayName: 'นางสาวน้ำฝน มีสุข', username: 'viewer', role: 'viewer', password: 'tambon1234' });
  await page.goto(app.url);
  await logIn(page, 'viewer', 'tambon1234');
  await expect(page.getByRole('heading', { name: /สวัสดี/ })).toBeVisible();
  await expect(page.getByTestId('today-welfare')).toHaveCount(0);
  await page.evaluate(() => (window.location.hash = '#/welfare/dashboard'));
  await expect(page.getByTestId('dashboard-claims-count')).toHaveText('1 รายการ');
  await saveScreenshot(page, SCREENSHOTS, 'dashboard-viewer');
});

test('a new fund, with no member and no books yet, shows what the dashboard will hold and where to begin', async ({ page, request }) => {
  await api(request, 'office.setup.create', { office: sample.office, admin: { displayName: 'นางสาวกิ่งแก้ว ปั้นทอง', username: 'admin', password: 'tambon1234' } });
  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await expect(page.getByRole('heading', { name: /สวัสดี/ })).toBeVisible();
  // nothing of the fund's waits on วันนี้ yet
  await expect(page.getByTestId('today-welfare')).toHaveCount(0);
  await page.evaluate(() => (window.location.hash = '#/welfare/dashboard'));
  await expect(page.getByTestId('dashboard-empty')).toContainText('กองทุนยังไม่มีข้อมูลให้สรุป');
  expect(await englishIn(page, 'dashboard-empty')).toEqual([]);
  await saveScreenshot(page, SCREENSHOTS, 'dashboard-empty');
  await page.getByTestId('dashboard-empty').getByRole('button', { name: 'ตั้งระเบียบกองทุน' }).click();
  await expect(page).toHaveURL(/#\/welfare\/regulation$/);
});
