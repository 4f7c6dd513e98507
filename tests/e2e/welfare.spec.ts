import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { prepareDemo as PrepareDemo } from '../../scripts/demo-data';
import { freshDataDir, logIn, startApp, type RunningApp, tabCredentials } from './app-process';

let app: RunningApp;

async function openNav(page: Page, name: string) {
  await page.getByRole('navigation').getByText(name, { exact: true }).click();
}

async function chooseOption(page: Page, field: ReturnType<Page['getByLabel']>, option: string) {
  await field.click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

test.beforeEach(async () => {
  const dataDir = freshDataDir();
  const require = createRequire(import.meta.url);
  const { prepareDemo } = require(path.resolve('dist', 'main', 'demo-data.cjs')) as { prepareDemo: typeof PrepareDemo };
  await prepareDemo(dataDir);
  app = await startApp(dataDir);
});

test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

test('the fund: the preset regulation with its own contribution, a member with two beneficiaries, a second membership refused, a death recorded on the person', async ({ page }) => {
  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await openNav(page, 'กองทุนสวัสดิการชุมชน');

  // No regulation yet: the members tab sends the treasurer to the regulation first.
  await expect(page.getByTestId('members-no-regulation')).toContainText('บันทึกระเบียบกองทุนก่อนรับสมาชิก');
  await page.getByTestId('welfare-tab-regulation').click();
  await expect(page.getByTestId('regulation-empty')).toContainText('บันทึกระเบียบกองทุนก่อนรับสมาชิก');
  await page.getByTestId('regulation-start-preset').click();

  // The preset, with the fund's own contribution typed the way people type money.
  const form = page.getByTestId('regulation-form');
  await expect(form.getByTestId('benefit-row-3')).toBeVisible();
  await form.getByLabel('วันที่มีผลบังคับใช้').click();
  await page.keyboard.type('1/1/2563');
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('วันที่มีผลบังคับใช้')).toHaveValue('01/01/2563');
  await form.getByLabel('มติที่รับรองระเบียบ (ไม่บังคับ)').fill('มติที่ประชุมใหญ่สมาชิก ครั้งที่ 1/2563');
  await form.getByTestId('contribution-amount').fill('1,095');
  await chooseOption(page, form.getByLabel('ส่งเป็นงวด'), 'รายปี');

  // A broken tier table is refused by the core: the message on top, the death benefit's row marked.
  await form.getByTestId('benefit-row-3').locator('.ant-table-row-expand-icon').click();
  const firstTier = form.getByLabel('ขั้นที่ 1: เป็นสมาชิกตั้งแต่ (ปี)');
  await firstTier.fill('1');
  await page.getByTestId('regulation-save').click();
  await expect(page.getByTestId('regulation-failure')).toContainText('สวัสดิการข้อ 4 "เสียชีวิต"');
  await expect(form.getByTestId('benefit-row-3')).toHaveAttribute('aria-invalid', 'true');
  await firstTier.fill('0');
  // The death benefit's evidence: the preset's two items kept, one added, one blank item refused and removed.
  const evidence = form.getByTestId('benefit-evidence-3');
  await expect(evidence.getByLabel('หลักฐานรายการที่ 1', { exact: true })).toHaveValue('สำเนาใบมรณบัตร');
  await expect(evidence.getByLabel('หลักฐานรายการที่ 2', { exact: true })).toHaveValue('สำเนาบัตรประจำตัวประชาชนของผู้รับผลประโยชน์');
  await form.getByTestId('benefit-evidence-add-3').click();
  await evidence.getByLabel('หลักฐานรายการที่ 3', { exact: true }).fill('สำเนาทะเบียนบ้านที่ประทับคำว่า "ตาย"');
  await form.getByTestId('benefit-evidence-add-3').click();
  await page.getByTestId('regulation-save').click();
  await expect(evidence).toContainText('กรุณากรอกชื่อหลักฐาน หรือกด "ลบ" รายการนี้');
  await evidence.getByRole('button', { name: 'ลบหลักฐานรายการที่ 4' }).click();
  await expect(evidence.getByLabel('หลักฐานรายการที่ 4', { exact: true })).toHaveCount(0);
  await evidence.getByLabel('หลักฐานรายการที่ 3', { exact: true }).click();
  await page.keyboard.press('Control+s');

  const versions = page.getByTestId('regulation-versions');
  await expect(versions).toContainText('1 มกราคม 2563');
  await expect(versions).toContainText('1,095.00 บาท ต่อปี');
  await expect(versions).toContainText('มติที่ประชุมใหญ่สมาชิก ครั้งที่ 1/2563');
  await expect(versions).toContainText('16 ประเภท');
  const saved = await page.request.post(`${app.origin}/api/welfare.regulation.list`, { headers: await tabCredentials(page), data: {} });
  const death = ((await saved.json()) as { value: { benefitTypes: { code: string; evidence: { code: string; th: string }[] }[] }[] }).value[0]!.benefitTypes[3]!;
  expect(death.evidence.map((item) => item.th)).toEqual(['สำเนาใบมรณบัตร', 'สำเนาบัตรประจำตัวประชาชนของผู้รับผลประโยชน์', 'สำเนาทะเบียนบ้านที่ประทับคำว่า "ตาย"']);
  expect(death.evidence[2]!.code).toBe('evidence-1');

  // Taking in a member from the register, with a picked and a typed beneficiary (50/50).
  await page.getByTestId('welfare-tab-members').click();
  await expect(page.getByTestId('members-empty')).toBeVisible();
  await page.getByTestId('member-join').click();
  const join = page.getByTestId('join-form');
  await expect(join.getByLabel('เลขทะเบียนสมาชิก')).toHaveValue('0001');
  await join.getByLabel('ผู้สมัคร (จากทะเบียนบุคคล)').fill('กิ่งแก้ว ศรีสุวรรณ์');
  await page.locator('.ant-select-dropdown:visible [data-testid^="pick-person-"]').first().click();
  await expect(page.getByTestId('join-person')).toContainText('กิ่งแก้ว ศรีสุวรรณ์');
  await join.getByLabel('มติที่อนุมัติ (ไม่บังคับ)').fill('มติคณะกรรมการ ครั้งที่ 3/2569');
  await join.getByText('ยินยอมให้กองทุนเก็บข้อมูลสุขภาพ').click();
  await join.getByLabel('วันที่ยินยอมให้เก็บข้อมูลสุขภาพ').fill('1 ก.พ. 69');
  await join.getByLabel('วันที่ยินยอมให้เก็บข้อมูลสุขภาพ').press('Tab');

  await page.getByTestId('beneficiary-add').click();
  await join.getByLabel('ชื่อผู้รับผลประโยชน์คนที่ 1').fill('กัญญ์ณัฏฐ์ ศรี');
  await page.locator('.ant-select-dropdown:visible [data-testid^="pick-person-"]').first().click();
  await expect(join.getByLabel('ชื่อผู้รับผลประโยชน์คนที่ 1')).toHaveValue(/กัญญ์ณัฏฐ์ ศรีสุวรรณ์$/);
  await join.getByLabel('ความเกี่ยวพันของคนที่ 1').fill('หลาน');
  await join.getByLabel('ส่วนแบ่งของคนที่ 1 (%)').fill('50');
  await join.getByLabel('ส่วนแบ่งของคนที่ 1 (%)').press('Tab');
  await expect(page.getByTestId('beneficiary-total')).toHaveText('รวม 50.00% ยังขาด 50.00%');
  await page.getByTestId('beneficiary-add').click();
  await join.getByLabel('ชื่อผู้รับผลประโยชน์คนที่ 2').fill('นางสาวปุณณ์ญาดา ศรีสุวรรณ์');
  await join.getByLabel('ความเกี่ยวพันของคนที่ 2').fill('บุตร');
  await expect(join.getByLabel('ส่วนแบ่งของคนที่ 2 (%)')).toHaveValue('50.00');
  await expect(page.getByTestId('beneficiary-total')).toHaveText('รวม 100% ครบแล้ว');
  await page.keyboard.press('Control+s');

  await expect(page.getByTestId('member-title')).toContainText('0001');
  await expect(page.getByTestId('member-title')).toContainText('กิ่งแก้ว ศรีสุวรรณ์');
  const beneficiaries = page.getByTestId('member-beneficiaries');
  await expect(beneficiaries).toContainText('กัญญ์ณัฏฐ์ ศรีสุวรรณ์');
  await expect(beneficiaries).toContainText('นางสาวปุณณ์ญาดา ศรีสุวรรณ์');
  await expect(beneficiaries.getByText('50.00%')).toHaveCount(2);
  await expect(page.getByTestId('member-details')).toContainText('ยินยอมเมื่อ 1 กุมภาพันธ์ 2569');
  const memberUrl = page.url();
  // The application prints from the membership as it was recorded (PDF opened in a window of its own).
  const [application] = await Promise.all([page.waitForResponse((response) => response.url().includes('/api/welfare.members.applicationPrint')), page.getByTestId('member-application').click()]);
  expect(await application.json()).toMatchObject({ ok: true, value: { fileName: expect.stringContaining('กิ่งแก้ว') } });
  const [passbook] = await Promise.all([page.waitForResponse((response) => response.url().includes('/api/welfare.members.passbookPrint')), page.getByTestId('member-passbook').click()]);
  expect(await passbook.json()).toMatchObject({ ok: true, value: { pages: 1 } });

  // The list: Thai name, masked ID, the status.
  await page.getByRole('button', { name: 'กลับไปที่รายชื่อสมาชิก' }).click();
  const row = page.locator('[data-testid^="member-row-"]').first();
  await expect(row).toContainText('กิ่งแก้ว ศรีสุวรรณ์');
  await expect(row).toContainText(/x-xxxx-xxxx\d-\d\d-\d/);
  await expect(row).toContainText('เป็นสมาชิก');

  // The same person again: refused, with the way to the membership they hold.
  await page.getByTestId('member-join').click();
  await join.getByLabel('ผู้สมัคร (จากทะเบียนบุคคล)').fill('กิ่งแก้ว ศรีสุวรรณ์');
  await page.locator('.ant-select-dropdown:visible [data-testid^="pick-person-"]').first().click();
  await expect(join.getByLabel('เลขทะเบียนสมาชิก')).toHaveValue('0002');
  await page.getByTestId('join-save').click();
  await expect(page.getByTestId('join-existing')).toContainText('เป็นสมาชิกอยู่แล้ว (เลขทะเบียน 0001)');
  await page.getByTestId('join-open-existing').click();
  await expect(page).toHaveURL(memberUrl);

  // A death ends the membership and is recorded on the person in the register.
  await page.getByTestId('member-end').click();
  await page.getByTestId('end-reason-died').click();
  await page.getByTestId('member-end-next').click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('เพราะเสียชีวิต');
  await expect(confirm).toContainText('ทะเบียนบุคคลจะบันทึกด้วยว่า');
  await page.getByTestId('member-end-confirm').click();
  await expect(page.getByTestId('member-status')).toContainText('เสียชีวิต เมื่อ');
  await expect(page.getByTestId('member-end')).toHaveCount(0);
  await page.getByTestId('member-person-link').click();
  await expect(page.getByTestId('person-details')).toContainText('เสียชีวิต เมื่อ');
});
