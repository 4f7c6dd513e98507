import ExcelJS from '../../main/spreadsheets/exceljs';
import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon } from '../../main/sample/sample-tambon';
import {
  brokenZipXlsx,
  hugeCellXlsx,
  largePeopleXlsx,
  messyPeopleCsv,
  messyPeopleXlsx,
  millionBlankLinesCsv,
  millionEmptyRowsXlsx,
  notSpreadsheets,
  oldXls,
  passwordProtectedXlsx,
  twoHundredColumnsXlsx,
  type MessyFile,
} from '../fixtures/messy-spreadsheets';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';

interface PreviewRow {
  rowNumber: number;
  status: string;
  messages: { th: string; column: string | null; severity: string }[];
  person: { title: string; firstName: string; lastName: string; citizenId: string | null; sex: string | null; birthDate: string | null; villageId: number | null; phone: string } | null;
}
interface Preview {
  importId: string;
  sheet: string;
  headerRow: number;
  mapping: Record<string, number | null>;
  counts: { rows: number; ready: number; errors: number; existing: number; duplicatesInFile: number };
  rows: PreviewRow[];
}

/** An office with its villages and no people yet: the first day, before the old spreadsheets come in. */
async function firstDayOffice() {
  const app = tempApp();
  const data = generateSampleTambon({ size: 'small' });
  const session: ClientSession = { user: null };
  const { call, refusal } = routerCalls(app, session);
  await call('office.setup.create', { office: data.office, admin: { displayName: 'ผู้ดูแล', username: 'admin', password: 'tambon1234' } });
  await call('office.auth.login', { username: 'admin', password: 'tambon1234' });
  for (const village of data.villages) await call('people.villages.create', village);
  const peopleCount = () => (app.database.sqlite.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  const auditCount = () => (app.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const preview = (file: MessyFile, extra: object = {}) => call<Preview>('people.import.preview', { fileName: file.fileName, contentBase64: file.bytes.toString('base64'), ...extra });
  return { app, call, refusal, preview, peopleCount, auditCount };
}

describe('importing people from an office spreadsheet', () => {
  it('reads every Thai habit of a messy xlsx, refuses the bad rows with their reasons, and imports the rest in one go', async () => {
    const office = await firstDayOffice();
    const file = await messyPeopleXlsx();
    const preview = await office.preview(file);
    expect(preview.sheet).toBe('ทะเบียนราษฎร์'); // the first sheet is empty: the one with data is chosen
    expect(preview.headerRow).toBe(4); // title block and merged cells above the header
    expect(preview.counts).toMatchObject({ rows: file.expected.length + file.refused.length, ready: file.expected.length, errors: file.refused.length });

    const byRow = new Map(preview.rows.map((row) => [row.rowNumber, row]));
    for (const expected of file.expected) {
      const row = byRow.get(expected.rowNumber);
      // Rows without messages beyond the first 200 are not sent; this file is small, so every row is here.
      expect(row, expected.habit).toBeDefined();
      expect(row!.status, expected.habit).toBe('ready');
      expect(row!.person, expected.habit).toMatchObject({
        title: expected.title,
        firstName: expected.firstName,
        lastName: expected.lastName,
        citizenId: expect.stringContaining(expected.citizenId.slice(-1)),
        birthDate: expected.birthDate,
        sex: expected.sex,
        villageId: expected.village,
        phone: expected.phone,
      });
      expect(row!.person!.citizenId!.replace(/-/g, ''), expected.habit).toBe(expected.citizenId);
      const warnedAboutDate = row!.messages.some((m) => m.severity === 'warning' && m.column?.includes('เกิด'));
      expect(warnedAboutDate, expected.habit).toBe(expected.birthDateWarning);
    }
    for (const refused of file.refused) {
      const row = byRow.get(refused.rowNumber)!;
      expect(row.status, refused.habit).toBe('error');
      expect(row.messages.map((m) => m.th).join(' '), refused.habit).toContain(refused.messageContains);
      expect(row.messages.find((m) => m.severity === 'error')!.column, refused.habit).not.toBeNull();
    }

    const auditBefore = office.auditCount();
    const result = await office.call<{ inserted: number; errors: number }>('people.import.commit', { importId: preview.importId });
    expect(result).toMatchObject({ inserted: file.expected.length, errors: file.refused.length });
    expect(office.peopleCount()).toBe(file.expected.length);
    // One audit row for the whole import, naming the file, its hash and the counts.
    expect(office.auditCount()).toBe(auditBefore + 1);
    const audit = office.app.database.sqlite.prepare("SELECT method, after FROM audit_log WHERE entity = 'import'").get() as { method: string; after: string };
    expect(audit.method).toBe('people.import.commit');
    expect(JSON.parse(audit.after)).toMatchObject({ fileName: file.fileName, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), inserted: file.expected.length, errors: file.refused.length });

    const history = await office.call<{ fileName: string; inserted: number; user: string }[]>('people.import.history', {});
    expect(history).toEqual([expect.objectContaining({ fileName: file.fileName, inserted: file.expected.length, user: 'ผู้ดูแล' })]);

    // The stored names are whole: a rare-letter name from the sample's pinned household.
    const found = await office.call<{ firstName: string; lastName: string }[]>('people.persons.search', { text: 'กัญญ์ณัฏฐ์' });
    expect(found[0]).toMatchObject({ firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์' });
  });

  it('gives the rows in error back as an xlsx with the reason beside each, to fix and import again', async () => {
    const office = await firstDayOffice();
    const file = await messyPeopleXlsx();
    const preview = await office.preview(file);
    await office.call('people.import.commit', { importId: preview.importId });
    const download = await office.call<{ fileName: string; contentBase64: string; rows: number }>('people.import.errorRows', { importId: preview.importId });
    expect(download.fileName).toMatch(/แถวที่ต้องแก้ไข\.xlsx$/);
    expect(download.rows).toBe(file.refused.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(download.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['แถวที่ในไฟล์เดิม', 'เหตุผลที่นำเข้าไม่ได้']);
    expect(header).toContain('เลขประจำตัวประชาชน (13 หลัก)');
    const reasons = file.refused.map((_, i) => String(sheet.getRow(i + 2).getCell(2).value));
    file.refused.forEach((refused, i) => expect(reasons[i], refused.habit).toContain(refused.messageContains));
    // the refused rows hold names and citizen IDs: taking them out is logged as an export (PDPA)
    const exported = office.app.database.sqlite.prepare("SELECT method, after FROM audit_log WHERE entity = 'export' ORDER BY id DESC LIMIT 1").get() as { method: string; after: string };
    expect(exported.method).toBe('people.import.errorRows');
    expect(JSON.parse(exported.after)).toEqual({ list: 'people-import-refused-rows', fileName: file.fileName, rows: file.refused.length });

    // Fixed by the clerk (here: the refused rows dropped from the sheet by re-reading only good ones) — importing
    // the same file again finds everyone already in the register and writes nothing new.
    const again = await office.preview(file);
    expect(again.counts.existing).toBe(file.expected.length);
    expect((await office.refusal('people.import.commit', { importId: again.importId })).messageTh).toContain('ไม่มีแถวที่นำเข้าได้');
  });

  it.each(['utf-8-bom', 'utf-8', 'windows-874', 'utf-16le'] as const)('reads a CSV in %s with every Thai letter whole', async (flavour) => {
    const office = await firstDayOffice();
    const file = messyPeopleCsv(flavour);
    const preview = await office.preview(file);
    expect(preview.counts.ready).toBe(file.expected.length);
    for (const expected of file.expected) {
      const row = preview.rows.find((r) => r.rowNumber === expected.rowNumber)!;
      expect(row.person, expected.habit).toMatchObject({ title: expected.title, firstName: expected.firstName, lastName: expected.lastName, birthDate: expected.birthDate });
    }
  });

  it('an existing person is skipped or updated, as the user chooses; a citizen ID twice in one file is refused', async () => {
    const office = await firstDayOffice();
    const file = messyPeopleCsv('utf-8-bom', 10);
    await office.call('people.import.commit', { importId: (await office.preview(file)).importId });
    // The same people again, one with a new phone, and one row repeated.
    const text = file.bytes.toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    const first = file.expected[0]!;
    const changed = lines.map((line) => (line.includes(first.firstName) ? line.replace(first.phone, '089-999-0000') : line));
    const csv = Buffer.from([...changed, changed[1]!].join('\r\n') + '\r\n', 'utf8');
    const preview = await office.preview({ fileName: 'อีกครั้ง.csv', bytes: csv });
    expect(preview.counts).toMatchObject({ existing: file.expected.length, duplicatesInFile: 1, ready: 0 });
    const skipped = await office.refusal('people.import.commit', { importId: preview.importId, existing: 'skip' });
    expect(skipped.messageTh).toContain('ไม่มีแถวที่นำเข้าได้');
    const updated = await office.call<{ updated: number; inserted: number }>('people.import.commit', { importId: preview.importId, existing: 'update' });
    expect(updated).toMatchObject({ updated: file.expected.length, inserted: 0 });
    expect(office.peopleCount()).toBe(file.expected.length);
    const person = await office.call<{ phone: string }[]>('people.persons.search', { text: first.citizenId });
    expect(person[0]!.phone).toBe('089-999-0000');
  });

  it('refuses every hostile file with its own Thai message, and writes nothing', async () => {
    const office = await firstDayOffice();
    const files: [MessyFile, string][] = [
      ...notSpreadsheets().map((file): [MessyFile, string] => [file, 'ไม่ใช่ไฟล์ Excel']),
      [await brokenZipXlsx(), 'เสียหาย'],
      [passwordProtectedXlsx(), 'รหัสผ่าน'],
      [oldXls(), '.xls'],
      [hugeCellXlsx(), 'ตัวอักษร'],
      [await twoHundredColumnsXlsx(), 'คอลัมน์'],
    ];
    const auditBefore = office.auditCount();
    for (const [file, words] of files) {
      const started = performance.now();
      const error = await office.refusal('people.import.preview', { fileName: file.fileName, contentBase64: file.bytes.toString('base64') }).catch((e: Error) => { throw new Error(`${file.fileName}: ${e.message}`); });
      expect(error.code, file.fileName).toBe('INVALID_INPUT');
      expect(error.messageTh, file.fileName).toContain(words);
      expect(error.messageTh, file.fileName).toMatch(/[ก-๙]/);
      expect(performance.now() - started, `${file.fileName} is refused quickly`).toBeLessThan(20_000);
    }
    expect(office.peopleCount()).toBe(0);
    expect(office.auditCount()).toBe(auditBefore);
  });

  it.each([
    ['xlsx', millionEmptyRowsXlsx],
    ['csv', millionBlankLinesCsv],
  ])('a %s file with a million empty rows is read in seconds, down to its one person', async (_kind, make) => {
    const office = await firstDayOffice();
    const file = make();
    const started = performance.now();
    const preview = await office.preview(file);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(preview.counts.rows).toBe(1);
    // The one person has neither a title nor a sex: refused with the reason, on the row Excel shows.
    expect(preview.rows[0]).toMatchObject({ rowNumber: 1_000_002, status: 'error' });
    expect(preview.rows[0]!.messages[0]!.th).toContain('คำนำหน้าชื่อ');
  });

  it('a cancelled import writes nothing', async () => {
    const office = await firstDayOffice();
    // Large enough that the cancel lands while rows are being written (a small file is written before it arrives).
    const file = await largePeopleXlsx();
    const preview = await office.preview(file);
    expect(preview.counts.ready).toBeGreaterThan(5000);
    const controller = new AbortController();
    const error = await office.refusal('people.import.commit', { importId: preview.importId }, undefined, {
      signal: controller.signal,
      progress: () => controller.abort(),
    });
    expect(error.code).toBe('CANCELLED');
    expect(error.messageTh).toContain('ไม่มีการบันทึกข้อมูลใด ๆ');
    expect(office.peopleCount()).toBe(0);
    expect(office.app.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'import'").get()).toEqual({ n: 0 });
  });

  it('remembers the column mapping the user chose for the next import of people', async () => {
    const office = await firstDayOffice();
    const file = messyPeopleCsv('utf-8-bom', 5);
    const first = await office.preview(file);
    // The user says the notes column (หมายเหตุ) is really the address.
    const notesColumn = first.mapping.notes!;
    const corrected = await office.preview(file, { mapping: { notes: null, address: notesColumn } });
    expect(corrected.mapping.address).toBe(notesColumn);
    await office.call('people.import.commit', { importId: corrected.importId });
    const next = await office.preview(messyPeopleCsv('utf-8', 5));
    expect(next.mapping.address).toBe(notesColumn);
    expect(next.mapping.notes).toBeNull();
  });
});
