// A clerk brings a village's messy spreadsheet into the register, downloads the rows it refused, fixes them,
// imports them again, and takes the list back out as xlsx (issue 8, "End-to-end in browser mode").
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from '../../main/spreadsheets/exceljs';
import type * as ExcelTypes from 'exceljs';
import { formatCitizenId } from '../../main/people/citizen-id';
import { generateSampleTambon } from '../../main/sample/sample-tambon';
import { messyPeopleXlsx } from '../fixtures/messy-spreadsheets';
import { callApi, freshDataDir, logIn, startApp, type RunningApp } from './app-process';

let app: RunningApp;
const sample = generateSampleTambon({ size: 'small' });
const beYear = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${Number(iso.slice(0, 4)) + 543}`;

test.beforeEach(async ({ request }) => {
  app = await startApp(freshDataDir());
  const post = async (method: string, data: unknown) => {
    const response = await callApi(request, app, method, data);
    expect((await response.json()) as { ok: boolean }, method).toMatchObject({ ok: true });
  };
  await post('office.setup.create', { office: sample.office, admin: { displayName: 'นางสาวกิ่งแก้ว ปั้นทอง', username: 'admin', password: 'tambon1234' } });
  await post('office.auth.login', { username: 'admin', password: 'tambon1234' });
  for (const village of sample.villages) await post('people.villages.create', village);
});

test.afterEach(async () => {
  await app.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

test('import a messy spreadsheet, fix the refused rows and import them, then export the list', async ({ page }, testInfo) => {
  const messy = await messyPeopleXlsx();
  const messyFile = testInfo.outputPath(messy.fileName);
  fs.writeFileSync(messyFile, messy.bytes);

  await page.goto(app.url);
  await logIn(page, 'admin', 'tambon1234');
  await page.getByRole('navigation').getByText('ทะเบียนบุคคล', { exact: true }).click();
  await expect(page.getByTestId('people-empty')).toContainText('นำเข้าจากไฟล์ Excel');
  await page.getByTestId('people-import').click();

  // 1 → 2: the file is read, its header found on row 4 under the title block, every row checked.
  await page.getByTestId('import-file').setInputFiles(messyFile);
  const wizard = page.getByRole('dialog');
  await expect(wizard).toContainText('หัวตารางอยู่แถวที่ 4');
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText(String(messy.expected.length));
  await expect(page.getByTestId('import-rows')).toContainText('ไม่มีวันนี้');
  await expect(page.getByTestId('import-rows')).toContainText('Excel ย่อ');

  // The refused rows, as an xlsx with the reason beside each.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-errors').click()]);
  const errorFile = testInfo.outputPath('error-rows.xlsx');
  await download.saveAs(errorFile);
  expect(download.suggestedFilename()).toMatch(/แถวที่ต้องแก้ไข\.xlsx$/);
  const errors = new ExcelJS.Workbook();
  await errors.xlsx.readFile(errorFile);
  const errorSheet = errors.worksheets[0]!;
  expect(errorSheet.getRow(1).getCell(2).value).toBe('เหตุผลที่นำเข้าไม่ได้');
  expect(errorSheet.rowCount).toBe(messy.refused.length + 1);

  // 3 → 4: import the good rows, with the progress shown, then the summary.
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-summary')).toContainText(`เพิ่มใหม่ ${messy.expected.length} คน`);
  await wizard.getByRole('button', { name: 'ปิด', exact: true }).last().click();
  await expect(page.getByTestId('people-count')).toContainText(String(messy.expected.length));

  // The clerk fixes the four refused rows in Excel: the right citizen IDs and real dates.
  const headings = (errorSheet.getRow(1).values as unknown[]).map(String);
  const idColumn = headings.indexOf('เลขประจำตัวประชาชน (13 หลัก)');
  const dateColumn = headings.indexOf('วัน/เดือน/ปีเกิด');
  const fixedPeople = sample.people.slice(messy.expected.length, messy.expected.length + messy.refused.length);
  fixedPeople.forEach((person, index) => {
    const row = errorSheet.getRow(index + 2);
    row.getCell(idColumn).value = formatCitizenId(person.citizenId);
    row.getCell(dateColumn).value = beYear(person.birthDate);
    row.commit();
  });
  const fixedFile = testInfo.outputPath('แก้ไขแล้ว.xlsx');
  await errors.xlsx.writeFile(fixedFile);

  await page.getByTestId('people-import').click();
  // The first import is listed, so that the same file is not brought in twice by mistake.
  await expect(page.getByTestId('import-history')).toContainText(messy.fileName);
  await expect(page.getByTestId('import-history')).toContainText(`เพิ่ม ${messy.expected.length} คน`);
  await page.getByTestId('import-file').setInputFiles(fixedFile);
  await expect(page.getByTestId('import-commit')).toContainText(`นำเข้า ${fixedPeople.length} คน`);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-summary')).toContainText(`เพิ่มใหม่ ${fixedPeople.length} คน`);
  await page.getByRole('dialog').getByRole('button', { name: 'ปิด', exact: true }).last().click();
  const total = messy.expected.length + fixedPeople.length;
  await expect(page.getByTestId('people-count')).toContainText(String(total));

  // Export with full citizen IDs (asked for, and recorded), then read the cells back.
  await page.getByTestId('people-export').click();
  await page.getByTestId('people-export-full-id').check();
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('people-export-confirm').click()]);
  const exportFile = testInfo.outputPath('export.xlsx');
  await exported.saveAs(exportFile);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exportFile);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.name).toBe('ทะเบียนบุคคล');
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 7)).toEqual(['ลำดับ', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล', 'เลขประจำตัวประชาชน', 'เพศ', 'วันเกิด']);
  expect(sheet.getRow(1).getCell(3).font?.name).toBe('Sarabun');
  expect(sheet.rowCount).toBe(total + 1);
  const byName = new Map<string, ExcelTypes.Row>();
  sheet.eachRow((row, number) => number > 1 && byName.set(`${String(row.getCell(3).value)} ${String(row.getCell(4).value)}`, row));
  const fixed = fixedPeople[2]!;
  const fixedRow = byName.get(`${fixed.firstName} ${fixed.lastName}`)!;
  expect(fixedRow.getCell(5).value).toBe(formatCitizenId(fixed.citizenId));
  expect(fixedRow.getCell(7).value).toBe(beYear(fixed.birthDate));
  const pinned = byName.get('กัญญ์ณัฏฐ์ ศรีสุวรรณ์')!;
  expect(pinned.getCell(2).value).toBe('เด็กหญิง');
});
