// Our own xlsx reader (main/spreadsheets/xlsx.ts) against exceljs's streaming reader, the one it replaced: the
// same workbooks, written by exceljs with every kind of cell, must read to the same values. Then files as other
// programs write them (no r attributes, inline strings, ISO dates, entities), built here with zlib, and zips
// whose directory lies about an entry's size.
import { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import type * as ExcelTypes from 'exceljs';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../main/spreadsheets/exceljs';
import { readSpreadsheet, SpreadsheetError, type CellValue, type ReadResult, type SheetTable } from '../../main/spreadsheets/read';
import { isDateFormat, isThaiDateFormat, excelSerialDate } from '../../main/spreadsheets/xlsx';

// ---------------------------------------------------------------------------------------------------------------
// The reader this one replaced: exceljs's streaming reader and the plain-value rules read.ts applied to it.

function plainValue(value: ExcelTypes.CellValue | undefined, numFmt: string | undefined, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return isThaiDateFormat(numFmt) ? excelSerialDate(value, date1904) : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) return null;
    if (typeof result === 'number' && Number.isFinite(result) && isDateFormat(numFmt)) return excelSerialDate(result, date1904);
    return plainValue(result, undefined, date1904);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : value.hyperlink;
  return null;
}

/** Every sheet's non-empty rows as exceljs's streaming reader gave them (rows trimmed as TableBuilder trims them). */
async function readWithExceljs(bytes: Buffer): Promise<SheetTable[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const streaming = reader as unknown as { properties?: { model?: { date1904?: boolean } } };
  const tables: SheetTable[] = [];
  for await (const worksheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelTypes.Row> & { name: string }>) {
    const table: SheetTable = { name: worksheet.name, rows: [], rowNumbers: [] };
    for await (const row of worksheet) {
      const cells: CellValue[] = [];
      row.eachCell((cell, column) => {
        cells[column - 1] = plainValue(cell.value, cell.numFmt, streaming.properties?.model?.date1904 === true);
      });
      let last = cells.length - 1;
      while (last >= 0 && (cells[last] === null || cells[last] === undefined || (typeof cells[last] === 'string' && (cells[last] as string).trim() === ''))) last--;
      if (last < 0) continue;
      table.rows.push(Array.from({ length: last + 1 }, (_, i) => cells[i] ?? null));
      table.rowNumbers.push(row.number);
    }
    if (table.rows.length > 0) tables.push(table);
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------------------------
// Workbooks written by exceljs

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function everyKindOfCell(date1904: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  const sheet = workbook.addWorksheet('ทะเบียน สมาชิก');
  sheet.addRow(['ลำดับ', 'ชื่อ', 'วันเกิด', 'ยอด', 'หมายเหตุ']);
  sheet.addRow([1, 'กัญญ์ณัฏฐ์ ศรีสุวรรณ์', day('1985-03-07'), 1500.25, 'ผู้สูงอายุ']);
  sheet.addRow([2, { richText: [{ text: 'สม', font: { bold: true } }, { text: 'ชาย ใจดี' }] }, day('1999-12-31'), -3, 'A & B <c> "q" \'a\'']);
  sheet.addRow([3, { text: 'เว็บตำบล', hyperlink: 'https://example.org/ตำบล' }, { formula: 'C2+1', result: day('1985-03-08') }, { formula: 'D2*2', result: 3000.5 }, { formula: 'B2&"!"', result: 'ข้อความ!' }]);
  sheet.addRow([4, { formula: 'NOW()' }, null, { error: '#N/A' }, true]);
  sheet.addRow([5, false, 0, 1e-7, 1234567890123]);
  sheet.getRow(3).getCell(3).numFmt = 'dd/mm/yyyy';
  sheet.getCell('C4').numFmt = 'dd/mm/yyyy';
  sheet.getCell('C2').numFmt = 'mm-dd-yy'; // built-in 14
  // Thai Excel's own date letters, on a typed serial: exceljs gave a number, read.ts a date
  sheet.getCell('A12').value = 'วันสมัคร';
  sheet.getCell('D12').value = 45_000;
  sheet.getCell('D12').numFmt = '[$-th-TH,107]ว/ด/ปปปป;@';
  sheet.getCell('E12').value = '   ';
  // a gap of empty rows and empty columns
  sheet.getCell('B20').value = 'ไกล';
  sheet.getCell('H20').value = 'แถวยาว\nสองบรรทัด';
  sheet.getCell('D21').value = 12;
  sheet.getCell('D21').numFmt = '#,##0.00 "บาท"';
  const second = workbook.addWorksheet('เงินสมทบ');
  second.addRow(['เดือน', 'ยอด']);
  for (let i = 1; i <= 50; i++) second.addRow([`2566-${String((i % 12) + 1).padStart(2, '0')}`, i * 100]);
  workbook.addWorksheet('ว่าง');
  const third = workbook.addWorksheet('ท้าย');
  third.getCell('C3').value = 'ท้ายสุด';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const readAll = (bytes: Buffer, fileName = 'test.xlsx') => readSpreadsheet(bytes, { fileName, allSheets: true });

describe('the xlsx reader gives what exceljs gave', () => {
  for (const date1904 of [false, true]) {
    it(`every kind of cell exceljs writes${date1904 ? ' (1904 date system)' : ''}`, async () => {
      const bytes = await everyKindOfCell(date1904);
      const ours = await readAll(bytes);
      const theirs = await readWithExceljs(bytes);
      expect(ours.tables).toEqual(theirs);
      expect(ours.sheets).toEqual([
        { name: 'ทะเบียน สมาชิก', rowCount: 9 },
        { name: 'เงินสมทบ', rowCount: 51 },
        { name: 'ว่าง', rowCount: 0 },
        { name: 'ท้าย', rowCount: 1 },
      ]);
      // and the values written out, so a change shared by both readers is seen too
      const rows = ours.table.rows;
      expect(rows[1]).toEqual([1, 'กัญญ์ณัฏฐ์ ศรีสุวรรณ์', day('1985-03-07'), 1500.25, 'ผู้สูงอายุ']);
      expect(rows[2]).toEqual([2, 'สมชาย ใจดี', day('1999-12-31'), -3, 'A & B <c> "q" \'a\'']);
      expect(rows[3]).toEqual([3, 'เว็บตำบล', day('1985-03-08'), 3000.5, 'ข้อความ!']);
      expect(rows[4]).toEqual([4, null, null, null, true]);
      expect(rows[5]).toEqual([5, false, 0, 1e-7, 1234567890123]);
      expect(rows[6]).toEqual(['วันสมัคร', null, null, date1904 ? excelSerialDate(45_000, true) : day('2023-03-15')]);
      expect(rows[7]).toEqual([null, 'ไกล', null, null, null, null, null, 'แถวยาว\nสองบรรทัด']);
      expect(rows[8]).toEqual([null, null, null, 12]);
      expect(ours.table.rowNumbers).toEqual([1, 2, 3, 4, 5, 6, 12, 20, 21]);
    });
  }

  it('the streaming writer (inline text, no shared strings) as the history bench writes it', async () => {
    const chunks: Buffer[] = [];
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => stream.on('end', resolve));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet('จ่าย');
    for (let i = 0; i < 3000; i++) {
      const row = sheet.addRow([`ผู้ที่${i} น้ำ่ใจ`, day('2023-01-31'), i * 0.25, i % 3 === 0 ? null : 'หมายเหตุ & <อื่น>']);
      row.getCell(2).numFmt = 'dd/mm/yyyy';
      row.commit();
    }
    sheet.commit();
    await workbook.commit();
    await ended;
    const bytes = Buffer.concat(chunks);
    const ours = await readAll(bytes);
    expect(ours.tables).toEqual(await readWithExceljs(bytes));
    expect(ours.table.rows[2999]).toEqual(['ผู้ที่2999 น้ำ่ใจ', day('2023-01-31'), 749.75, 'หมายเหตุ & <อื่น>']);
  });

  it('a formula whose result is TRUE reads as true (exceljs gave 1)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('ผล');
    sheet.getCell('A1').value = { formula: '1=1', result: true };
    sheet.getCell('B1').value = { formula: '1=2', result: false };
    const result = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.table.rows).toEqual([[true, false]]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Hand-made workbooks, as LibreOffice, Google Sheets or WPS write them

interface ZipPart {
  name: string;
  data: string | Buffer;
  stored?: boolean;
  /** the unpacked size the directory claims, when it lies */
  statedSize?: number;
}

function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const packed = part.stored ? data : deflateRawSync(data);
    const name = Buffer.from(part.name, 'utf8');
    const size = part.statedSize ?? data.length;
    const header = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      const at = central ? 2 : 0; // the central header has "version made by" first
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      b.writeUInt16LE(20, 4 + at);
      b.writeUInt16LE(0x0800, 6 + at);
      b.writeUInt16LE(part.stored ? 0 : 8, 8 + at);
      b.writeUInt32LE(crc32(data), 14 + at);
      b.writeUInt32LE(packed.length, 18 + at);
      b.writeUInt32LE(size, 22 + at);
      b.writeUInt16LE(name.length, 26 + at);
      if (central) b.writeUInt32LE(offset, 42);
      return b;
    };
    centrals.push(header(true), name);
    locals.push(header(false), name, packed);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function otherProgramsXlsx(options: { sheetXml: string; sharedStrings?: string; styles?: string; date1904?: boolean; lie?: { part: string; statedSize: number }; stored?: boolean; secondTarget?: string }): Buffer {
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>\n<workbook ${NS}>\n  <workbookPr${options.date1904 ? ' date1904="true"' : ''}/>\n  <sheets>\n    <sheet name="ข้อมูล &amp; สรุป" sheetId="1" state="visible" r:id="rId2"/>\n    <sheet name="อื่น" sheetId="2" r:id="rId3"/>\n  </sheets>\n</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>' +
        `<Relationship Id='rId3' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet' Target='${options.secondTarget ?? 'worksheets/sheet2.xml'}'/>` +
        '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
        '</Relationships>',
    },
    { name: 'xl/worksheets/data.xml', data: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${options.sheetXml}</sheetData></worksheet>` },
    { name: 'xl/worksheets/sheet2.xml', data: `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>อื่น</t></is></c></row></sheetData></worksheet>` },
  ];
  if (options.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: `<sst ${NS}>${options.sharedStrings}</sst>` });
  if (options.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: `<styleSheet ${NS}>${options.styles}</styleSheet>` });
  return zip(parts.map((part) => ({ ...part, stored: options.stored, statedSize: options.lie?.part === part.name ? options.lie.statedSize : undefined })));
}

const STYLES =
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[$-D07041E]ว\\ ดดด\\ ปปปป;@"/><numFmt numFmtId="166" formatCode="#,##0.00&quot;฿&quot;"/></numFmts>' +
  '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="2"/></cellXfs>';

const SHARED =
  '<si><t>ชื่อ</t></si>' +
  '<si><r><rPr><b/></rPr><t>สม</t></r><r><t xml:space="preserve">ชาย ใจดี</t></r></si>' +
  '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>' +
  '<si><t>บรรทัด_x000D_\nสอง &amp; &lt;สาม&gt; &#3585;&#x0E02; _x005F_x0041_</t></si>' +
  '<si><t/></si>';

const SHEET = [
  // no r on rows or cells: they count on
  '<row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>นามสกุล</t></is></c><c t="inlineStr"><is><r><t>วัน</t></r><r><rPr><i/></rPr><t>เกิด</t></r></is></c></row>',
  '<row><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c s="1"><v>31107</v></c><c s="5"><v>1500.5</v></c></row>',
  // self-closing rows and cells, t="d", errors, booleans, a formula without a result, one with
  '<row r="5"/><row r="6" spans="1:4"><c r="A6" s="2"/><c r="B6" t="d"><v>2023-09-30T00:00:00</v></c><c r="C6" t="e"><v>#DIV/0!</v></c><c r="D6" t="b"><v>0</v></c></row>',
  '<row r="7"><c r="A7" t="s"><v>3</v></c><c r="B7"><f>SUM(X1:X9)</f></c><c r="C7"><f>1+1</f><v>2</v></c><c r="D7" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c></row>',
  '<row r="8"><c r="A8" s="3"><v>45000</v></c><c r="B8" s="4"><v>45000</v></c><c r="C8" t="d"><v>2024-02-29</v></c><c r="D8" t="s"><v>4</v></c><c r="E8" t="inlineStr"><is><t>&#3585; &amp; &quot;ข&quot; &apos;ค&apos;</t></is></c></row>',
  '<row r="9"><c r="C9" t="b"><v>1</v></c><c><v>7</v></c><c r="F9" t="str"><v></v></c></row>',
].join('\n');

describe('xlsx as other programs write it', () => {
  const expected = {
    sheets: [
      { name: 'ข้อมูล & สรุป', rowCount: 6 },
      { name: 'อื่น', rowCount: 1 },
    ],
    rows: [
      ['ชื่อ', 'นามสกุล', 'วันเกิด'],
      ['สมชาย ใจดี', '漢字', day('1985-03-01'), 1500.5],
      [null, day('2023-09-30'), null, false],
      ['บรรทัด\r\nสอง & <สาม> กข _x0041_', null, 2, 'a&b'],
      [day('2023-03-15'), 45000, day('2024-02-29'), null, 'ก & "ข" \'ค\''],
      [null, null, true, 7],
    ],
    rowNumbers: [1, 2, 6, 7, 8, 9],
  };

  for (const stored of [false, true]) {
    it(`no r attributes, inline and rich strings, phonetic runs, t="d", entities and _xHHHH_ escapes${stored ? ' (stored, not deflated)' : ''}`, async () => {
      const result: ReadResult = await readAll(otherProgramsXlsx({ sheetXml: SHEET, sharedStrings: SHARED, styles: STYLES, stored }));
      expect(result.sheets).toEqual(expected.sheets);
      expect(result.table.rows).toEqual(expected.rows);
      expect(result.table.rowNumbers).toEqual(expected.rowNumbers);
      expect(result.tables!.map((table) => table.name)).toEqual(['ข้อมูล & สรุป', 'อื่น']);
    });
  }

  it('the 1904 date system moves serial dates, not ISO ones', async () => {
    const result = await readAll(otherProgramsXlsx({ sheetXml: SHEET, sharedStrings: SHARED, styles: STYLES, date1904: true }));
    expect(result.table.rows[1]![2]).toEqual(day('1989-03-02'));
    expect(result.table.rows[2]![1]).toEqual(day('2023-09-30'));
  });

  it('a sheet chosen by name, and the workbook without shared strings or styles', async () => {
    const result = await readSpreadsheet(otherProgramsXlsx({ sheetXml: '<row r="3"><c r="B3"><v>42</v></c></row>' }), { fileName: 'x.xlsx', sheet: 'อื่น' });
    expect(result.table.name).toBe('อื่น');
    expect(result.table.rows).toEqual([['อื่น']]);
    expect(result.sheets).toEqual([
      { name: 'ข้อมูล & สรุป', rowCount: 1 },
      { name: 'อื่น', rowCount: 1 },
    ]);
  });

  it('numbers read to the same double parseFloat gives', async () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const texts = ['0', '-0', '1.', '.5', '0.1', '0.30000000000000004', '123456789012345', '1234567890123456789', '1e-7', '-2.5E+3', '9007199254740993', '4.35', '1500.25'];
    for (let i = 0; i < 2000; i++) texts.push((random() * 10 ** Math.floor(random() * 12)).toFixed(Math.floor(random() * 8)));
    const rows = texts.map((text, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${text}</v></c></row>`).join('');
    const result = await readSpreadsheet(otherProgramsXlsx({ sheetXml: rows }), { fileName: 'x.xlsx' });
    expect(result.table.rows.map((row) => row[0])).toEqual(texts.map((text) => parseFloat(text)));
  });

  it('100,000 shared strings are read in one pass', async () => {
    const strings = Array.from({ length: 100_000 }, (_, i) => `<si><t>ชื่อ${i}</t></si>`).join('');
    const rows = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('');
    const started = performance.now();
    const result = await readSpreadsheet(otherProgramsXlsx({ sheetXml: rows, sharedStrings: strings }), { fileName: 'x.xlsx', maxRows: 100_000 });
    expect(result.table.rows[99_999]).toEqual(['ชื่อ99999']);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('a sheet whose relationship gives its path from the zip root (without the leading "/")', async () => {
    const result = await readSpreadsheet(otherProgramsXlsx({ sheetXml: '', secondTarget: 'xl/worksheets/sheet2.xml' }), { fileName: 'x.xlsx' });
    expect(result.table.name).toBe('อื่น');
    expect(result.table.rows).toEqual([['อื่น']]);
  });

  it('a Thai letter split across inflated pieces stays whole', async () => {
    // 3 MB of rows that are nearly all Thai (3 bytes a letter): every 512 KB piece boundary falls inside the text
    const text = (i: number) => `${'น้ำใจ'.repeat(200)}${i}`;
    const rows = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${text(i)}</t></is></c></row>`).join('');
    for (const stored of [false, true]) {
      const result = await readAll(otherProgramsXlsx({ sheetXml: rows, stored }));
      expect(result.table.rows.length).toBe(1000);
      expect(result.table.rows.every((row, i) => row[0] === text(i))).toBe(true);
    }
  });
});

describe('a zip directory that lies about an entry is refused, not inflated without bound', () => {
  const refusal = async (bytes: Buffer) => {
    try {
      await readAll(bytes, 'โกหก.xlsx');
    } catch (error) {
      if (error instanceof SpreadsheetError) return error;
      throw error;
    }
    throw new Error('read, not refused');
  };
  // 30 MB of rows that deflate to little, in a sheet whose directory says 1 KB
  const bigSheet = '<row r="1"><c r="A1"><v>1</v></c></row>' + `<row r="2"><c r="A2" t="inlineStr"><is><t>${'ก'.repeat(10_000_000)}</t></is></c></row>`;

  it('a sheet', async () => {
    const error = await refusal(otherProgramsXlsx({ sheetXml: bigSheet, lie: { part: 'xl/worksheets/data.xml', statedSize: 1024 } }));
    expect(error.kind).toBe('broken');
    expect(error.th).toContain('เสียหาย');
  });

  it('the shared strings', async () => {
    const strings = `<si><t>${'ข'.repeat(5_000_000)}</t></si>`;
    const error = await refusal(otherProgramsXlsx({ sheetXml: '<row><c t="s"><v>0</v></c></row>', sharedStrings: strings, lie: { part: 'xl/sharedStrings.xml', statedSize: 100 } }));
    expect(error.kind).toBe('broken');
  });

  it('a stored entry shorter than it claims', async () => {
    const error = await refusal(otherProgramsXlsx({ sheetXml: '<row><c><v>1</v></c></row>', stored: true, lie: { part: 'xl/worksheets/data.xml', statedSize: 5_000 } }));
    expect(error.kind).toBe('broken');
  });
});
