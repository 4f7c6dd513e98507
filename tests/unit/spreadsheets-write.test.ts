import { describe, expect, it } from 'vitest';
import ExcelJS from '../../main/spreadsheets/exceljs';
import type * as ExcelTypes from 'exceljs';
import { displayWidth, writeSpreadsheet, type WriteColumn } from '../../main/spreadsheets/write';
import { findHeaderRow, guessMapping, readSpreadsheet, type FieldSpec } from '../../main/spreadsheets/read';
import { parseCitizenId, parseThaiDate } from '../../main/spreadsheets/thai-values';
import { maskCitizenId } from '../../main/people/citizen-id';
import { generateSampleTambon } from '../../main/sample/sample-tambon';

const columns: WriteColumn[] = [
  { key: 'citizenId', heading: 'เลขประจำตัวประชาชน', kind: 'citizenId' },
  { key: 'title', heading: 'คำนำหน้า', kind: 'text' },
  { key: 'firstName', heading: 'ชื่อ', kind: 'text' },
  { key: 'lastName', heading: 'นามสกุล', kind: 'text' },
  { key: 'birthDate', heading: 'วันเกิด', kind: 'date' },
  { key: 'village', heading: 'หมู่ที่', kind: 'number' },
  { key: 'phone', heading: 'โทรศัพท์', kind: 'text' },
  { key: 'note', heading: 'หมายเหตุ', kind: 'text' },
];
const fields: FieldSpec[] = columns.map((c) => ({ key: c.key, label: { th: c.heading, en: c.key }, headings: [] }));

const { people } = generateSampleTambon({ size: 'small' });
const rows = people.map((p, i) => ({
  citizenId: p.citizenId,
  title: p.title,
  firstName: p.firstName,
  lastName: p.lastName,
  birthDate: p.birthDate,
  village: p.village,
  phone: p.phone,
  note: i === 0 ? 'ผู้ใหญ่บ้าน "หมู่ 1", น้ำท่วม\nปี 2565' : null,
}));

async function loadWorkbook(bytes: Buffer): Promise<ExcelTypes.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('writeSpreadsheet', async () => {
  const bytes = await writeSpreadsheet({ sheetName: 'ทะเบียนบุคคล', title: 'ทะเบียนบุคคล ตำบลหนองบัวทอง', columns, rows });
  const sheet = await loadWorkbook(bytes);

  it('round-trips through readSpreadsheet: every Thai name, tone mark, citizen ID and B.E. date whole', async () => {
    const result = await readSpreadsheet(bytes, { fileName: 'export.xlsx' });
    const header = findHeaderRow(result.table, fields);
    expect(result.table.rowNumbers[header]).toBe(2);
    const mapping = guessMapping(result.table.rows[header] as string[], fields);
    const back = result.table.rows.slice(header + 1).map((row) => ({
      citizenId: parseCitizenId(row[mapping.citizenId!] ?? null),
      title: row[mapping.title!],
      firstName: row[mapping.firstName!],
      lastName: row[mapping.lastName!],
      birthDate: parseThaiDate(row[mapping.birthDate!] ?? null),
      village: row[mapping.village!],
      phone: row[mapping.phone!] ?? '',
      note: row[mapping.note!] ?? null,
    }));
    expect(back).toHaveLength(people.length);
    back.forEach((person, i) => {
      const p = rows[i]!;
      expect(person).toEqual({
        citizenId: { ok: true, value: p.citizenId },
        title: p.title,
        firstName: p.firstName,
        lastName: p.lastName,
        birthDate: { ok: true, value: p.birthDate },
        village: p.village,
        phone: p.phone,
        note: p.note,
      });
    });
    expect(back.map((p) => p.firstName)).toEqual(expect.arrayContaining(['กัญญ์ณัฏฐ์', 'น้ำฝน', 'กิ่งแก้ว']));
  });

  it('writes IDs and dates as text (15/03/2566 style), numbers as numbers', () => {
    const first = sheet.getRow(3);
    expect(typeof first.getCell(1).value).toBe('string');
    expect(first.getCell(1).value).toMatch(/^\d-\d{4}-\d{5}-\d{2}-\d$/);
    expect(first.getCell(5).value).toMatch(/^\d{2}\/\d{2}\/25\d{2}$/);
    expect(first.getCell(6).value).toBe(people[0]!.village);
    expect(first.getCell(1).numFmt).toBe('@');
  });

  it('uses Sarabun everywhere, a bold frozen header with a filter, and a merged title', () => {
    for (const r of [1, 2, 3, people.length + 2]) {
      sheet.getRow(r).eachCell((cell) => expect(cell.font?.name).toBe('Sarabun'));
    }
    sheet.getRow(2).eachCell((cell) => expect(cell.font?.bold).toBe(true));
    expect(sheet.getRow(2).getCell(3).value).toBe('ชื่อ');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBe('A2:H2');
    expect(sheet.getCell('A1').value).toBe('ทะเบียนบุคคล ตำบลหนองบัวทอง');
    expect(sheet.getCell('H1').isMerged).toBe(true);
  });

  it('fits column widths to the longest value, not counting Thai marks above and below', () => {
    expect(displayWidth('ที่')).toBe(1);
    expect(displayWidth('กัญญ์ณัฏฐ์')).toBe(6); // ก ญ ญ ณ ฏ ฐ
    const idWidth = sheet.getColumn(1).width!;
    expect(idWidth).toBeGreaterThanOrEqual(17);
    expect(idWidth).toBeLessThan(25);
    expect(sheet.getColumn(6).width).toBeLessThan(10);
    const longestFirstName = Math.max(...people.map((p) => displayWidth(p.firstName)));
    expect(sheet.getColumn(3).width).toBe(longestFirstName + 2);
  });

  it('writes masked IDs as given', async () => {
    const masked = await writeSpreadsheet({ sheetName: 'x', columns: [columns[0]!], rows: [{ citizenId: maskCitizenId(people[0]!.citizenId) }] });
    expect((await loadWorkbook(masked)).getCell('A2').value).toBe(maskCitizenId(people[0]!.citizenId));
  });

  it('writes 20,000 people × 14 columns (figure printed, not asserted)', async () => {
    const large = generateSampleTambon({ size: 'large' }).people;
    const wide: WriteColumn[] = [
      ...columns,
      { key: 'sex', heading: 'เพศ', kind: 'text' },
      { key: 'houseNumber', heading: 'บ้านเลขที่', kind: 'text' },
      { key: 'consent', heading: 'ความยินยอม', kind: 'text' },
      { key: 'consentDate', heading: 'วันที่ยินยอม', kind: 'date' },
      { key: 'address', heading: 'ที่อยู่', kind: 'text' },
      { key: 'status', heading: 'สถานะ', kind: 'text' },
    ];
    const largeRows = large.map((p) => ({ ...p, sex: p.sex === 'M' ? 'ชาย' : 'หญิง', consent: p.consent ? 'ยินยอม' : 'ไม่ยินยอม', consentDate: '2025-06-01', address: 'ตำบลหนองบัวทอง อำเภอภูผาแก้ว จังหวัดขอนแก่น', status: 'มีชีวิต', note: null }));
    const started = performance.now();
    const out = await writeSpreadsheet({ sheetName: 'ทะเบียนบุคคล', title: 'ทะเบียนบุคคล', columns: wide, rows: largeRows });
    console.log(`write 20,000 people × ${wide.length} columns: ${(performance.now() - started).toFixed(0)} ms, ${(out.length / 1e6).toFixed(1)} MB`);
    expect(out.length).toBeGreaterThan(1_000_000);
  });
});
