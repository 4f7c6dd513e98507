// Reading a spreadsheet the office brings: .xlsx (our own streaming reader, xlsx.ts) or .csv (UTF-8 with or without BOM,
// UTF-16 "Unicode text", or TIS-620 / Windows-874 from old Thai Excel). The result is one table of plain cell values
// with the file's own row numbers, so every later message can say "แถวที่ 57". Nothing here knows about people:
// each import area maps columns with findHeaderRow / guessMapping and reads values with thai-values.ts.
//
// Hostile files are refused with a Thai message before they can cost much memory or time: the format is judged
// from the bytes (not the name), the zip's directory is checked before anything is inflated, and rows are counted and
// measured while they stream past, never after loading everything.
import { normaliseText, toArabicDigits, type Message } from './thai-values';
import { PackedTableWriter, TextPool, unpackResult, type PackedResult, type PackedTable } from './packed-result';
import { BrokenXlsx, openWorkbook, readSheetRows, zipDirectory, type ZipEntry } from './xlsx';

export type CellValue = string | number | boolean | Date | null;

export interface SheetTable {
  name: string;
  /** non-empty rows only; trailing empty cells are trimmed, so rows differ in length */
  rows: CellValue[][];
  /** 1-based row number in the file for each row (CSV: the record number) */
  rowNumbers: number[];
}

export type SpreadsheetEncoding = 'utf-8' | 'utf-16le' | 'windows-874';

export interface ReadResult {
  format: 'xlsx' | 'csv';
  /** the text encoding a CSV was read with; null for xlsx */
  encoding: SpreadsheetEncoding | null;
  /** every sheet in workbook order with its count of non-empty rows (a CSV is one sheet named after the file) */
  sheets: { name: string; rowCount: number }[];
  table: SheetTable;
  /** every sheet with data, in workbook order, when read with `allSheets` (a CSV: its one table) */
  tables?: SheetTable[];
}

export interface ReadOptions {
  fileName: string;
  /** the sheet to read; the first sheet with data when not given */
  sheet?: string;
  /** CSV only: read with this encoding instead of the detected one (the user's override) */
  encoding?: SpreadsheetEncoding;
  /** keep every sheet's rows (a workbook of several tables read in one pass), not only the chosen sheet's */
  allSheets?: boolean;
  /** rows of data one sheet may hold; MAX_DATA_ROWS when not given (a fund's years of payments need more) */
  maxRows?: number;
  signal?: AbortSignal;
}

export type SpreadsheetErrorKind = 'not-spreadsheet' | 'broken' | 'password' | 'old-xls' | 'empty' | 'too-big' | 'unknown-sheet' | 'cancelled';

export class SpreadsheetError extends Error {
  constructor(
    readonly th: string,
    readonly en: string,
    readonly kind: SpreadsheetErrorKind = 'not-spreadsheet',
  ) {
    super(en);
    this.name = 'SpreadsheetError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Limits. Each is far above an honest tambon file (a whole tambon is 5,000–20,000 people and 10–20 columns) and
// low enough that a hostile or broken file is refused in seconds with a few tens of MB.

/** A 20,000-person xlsx is about 1.5 MB and the same as CSV about 3 MB; 15 MB leaves room for 100,000 rows. */
export const MAX_FILE_BYTES = 15 * 1024 * 1024;
/** Rows with data in one sheet: five times the largest tambon; beyond it the import should be split. */
export const MAX_DATA_ROWS = 100_000;
/** Columns with data: a register has 10–30; 100 allows wide exports while refusing runaway sheets. */
export const MAX_COLUMNS = 100;
/** Excel's own limit for one cell; a longer cell was not typed in Excel. */
export const MAX_CELL_CHARS = 32_767;
/**
 * Unpacked size of everything in an xlsx (as its zip directory states): 100,000 rows of 20 columns unpack to about
 * 100 MB; 400 MB refuses zip bombs before anything is inflated (and no entry may inflate past its stated size).
 */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;
/** Excel's last column (XFD). */
const EXCEL_MAX_COLUMNS = 16_384;
/** How many rows from the top findHeaderRow searches: titles, dates and merged banners sit above the header. */
export const HEADER_SEARCH_ROWS = 30;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const count = (n: number) => n.toLocaleString('en-US');

/** Column number (1-based) → Excel letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point

export async function readSpreadsheet(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  return unpackResult(await readSpreadsheetPacked(bytes, options));
}

/** The same, packed (packed-result.ts): what the reading worker sends to the main thread. */
export async function readSpreadsheetPacked(bytes: Uint8Array, options: ReadOptions): Promise<PackedResult> {
  const file = options.fileName;
  if (bytes.length === 0) throw new SpreadsheetError(`ไฟล์ "${file}" ว่างเปล่า ไม่มีข้อมูล`, `The file "${file}" is empty`, 'empty');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new SpreadsheetError(
      `ไฟล์ "${file}" ใหญ่ ${mb(bytes.length)} MB เกินที่รับได้ ${mb(MAX_FILE_BYTES)} MB กรุณาแบ่งเป็นหลายไฟล์`,
      `The file "${file}" is ${mb(bytes.length)} MB, over the ${mb(MAX_FILE_BYTES)} MB limit; split it into several files`,
      'too-big',
    );
  }
  const kind = sniff(bytes);
  switch (kind) {
    case 'zip':
      return readXlsx(bytes, options);
    case 'ole':
      throw oleError(bytes, file);
    case 'binary':
      throw notSpreadsheet(file);
    case 'text':
      return readCsv(bytes, options);
  }
}

function notSpreadsheet(file: string): SpreadsheetError {
  return new SpreadsheetError(
    `ไฟล์ "${file}" ไม่ใช่ไฟล์ Excel (.xlsx) หรือ CSV กรุณาเลือกไฟล์ตารางข้อมูล`,
    `The file "${file}" is not an Excel (.xlsx) or CSV file; choose a spreadsheet`,
    'not-spreadsheet',
  );
}

function brokenFile(file: string): SpreadsheetError {
  return new SpreadsheetError(
    `ไฟล์ "${file}" เสียหาย เปิดอ่านไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx ใหม่ หรือขอไฟล์ใหม่`,
    `The file "${file}" is damaged and cannot be read; open it in Excel and save it again as .xlsx, or ask for a new copy`,
    'broken',
  );
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What the bytes are, whatever the file is called. */
function sniff(bytes: Uint8Array): 'zip' | 'ole' | 'binary' | 'text' {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const binaryMagics = [
    [0x25, 0x50, 0x44, 0x46], // %PDF
    [0x89, 0x50, 0x4e, 0x47], // PNG
    [0xff, 0xd8, 0xff], // JPEG
    [0x47, 0x49, 0x46, 0x38], // GIF
    [0x52, 0x61, 0x72, 0x21], // RAR
    [0x37, 0x7a, 0xbc, 0xaf], // 7z
    [0x1f, 0x8b], // gzip
  ];
  if (binaryMagics.some((magic) => startsWith(bytes, magic))) return 'binary';
  return 'text';
}

/**
 * An OLE compound file is either an old binary .xls or — because Office encrypts a password-protected .xlsx into
 * an OLE container with "EncryptionInfo" and "EncryptedPackage" streams — a password-protected workbook.
 */
function oleError(bytes: Uint8Array, file: string): SpreadsheetError {
  const directoryNames = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (name: string) => directoryNames.includes(Buffer.from(name, 'utf16le'));
  if (has('EncryptedPackage') || has('EncryptionInfo')) {
    return new SpreadsheetError(
      `ไฟล์ "${file}" มีรหัสผ่าน โปรแกรมเปิดไม่ได้ กรุณาเปิดใน Excel ใส่รหัสผ่าน แล้วเอารหัสผ่านออก (แฟ้ม > ข้อมูล > ป้องกันเวิร์กบุ๊ก) บันทึกแล้วนำเข้าใหม่`,
      `The file "${file}" has a password; open it in Excel, remove the password (File > Info > Protect Workbook), save and import again`,
      'password',
    );
  }
  if (has('Workbook') || has('Book')) {
    return new SpreadsheetError(
      `ไฟล์ "${file}" เป็นไฟล์ .xls แบบเก่า กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx (แฟ้ม > บันทึกเป็น > สมุดงาน Excel)`,
      `The file "${file}" is an old .xls workbook; open it in Excel and save it as .xlsx (File > Save As > Excel Workbook)`,
      'old-xls',
    );
  }
  return notSpreadsheet(file);
}

// ---------------------------------------------------------------------------------------------------------------
// Limits while rows stream past

/**
 * Collects the chosen sheet's rows (packed as they come) and refuses as soon as a limit is crossed, naming the row
 * and column.
 */
class TableBuilder {
  private readonly packed: PackedTableWriter;

  constructor(
    readonly name: string,
    private readonly file: string,
    texts: TextPool,
    private readonly maxRows: number = MAX_DATA_ROWS,
  ) {
    this.packed = new PackedTableWriter(name, texts);
  }

  get rowCount(): number {
    return this.packed.rowCount;
  }

  /** `cells` is indexed by 0-based column; holes and undefined are empty. */
  add(rowNumber: number, cells: (CellValue | undefined)[]): void {
    let last = -1;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      if (value === undefined || value === null) continue;
      if (typeof value === 'string') {
        this.checkCellLength(rowNumber, i + 1, value.length);
        if (value.trim() === '') continue;
      }
      last = i;
    }
    if (last < 0) return;
    if (last + 1 > MAX_COLUMNS) throw this.tooManyColumns(rowNumber, last + 1);
    if (this.packed.rowCount >= this.maxRows) {
      throw new SpreadsheetError(
        `แผ่นงาน "${this.name}" มีข้อมูลเกิน ${count(this.maxRows)} แถว (ถึงแถวที่ ${count(rowNumber)}) กรุณาแบ่งเป็นหลายไฟล์`,
        `The sheet "${this.name}" has more than ${count(this.maxRows)} rows of data (up to row ${count(rowNumber)}); split it into several files`,
        'too-big',
      );
    }
    this.packed.addRow(rowNumber, cells, last + 1);
  }

  tooManyColumns(rowNumber: number, columns: number): SpreadsheetError {
    return new SpreadsheetError(
      `แถวที่ ${rowNumber} มีข้อมูลถึงคอลัมน์ที่ ${count(columns)} (${columnLetter(columns)}) เกินที่รับได้ ${MAX_COLUMNS} คอลัมน์ กรุณาลบคอลัมน์ที่ไม่ใช้ออก`,
      `Row ${rowNumber} has data up to column ${count(columns)} (${columnLetter(columns)}), over the limit of ${MAX_COLUMNS} columns; delete the unused columns`,
      'too-big',
    );
  }

  checkCellLength(rowNumber: number, column: number, length: number): void {
    if (length <= MAX_CELL_CHARS) return;
    const cell = `${columnLetter(column)}${rowNumber}`;
    throw new SpreadsheetError(
      `เซลล์ ${cell} (แถวที่ ${rowNumber} คอลัมน์ ${columnLetter(column)}) ในไฟล์ "${this.file}" ยาว ${count(length)} ตัวอักษร เกินขีดจำกัดของ Excel ${count(MAX_CELL_CHARS)} ตัวอักษร`,
      `Cell ${cell} (row ${rowNumber}, column ${columnLetter(column)}) in "${this.file}" is ${count(length)} characters long, over Excel's limit of ${count(MAX_CELL_CHARS)}`,
      'too-big',
    );
  }

  table(): PackedTable {
    return this.packed.table();
  }
}

function emptySheetError(file: string, sheet: string | null): SpreadsheetError {
  return sheet === null
    ? new SpreadsheetError(`ไฟล์ "${file}" ไม่มีข้อมูล ทุกแผ่นงานว่าง`, `The file "${file}" has no data; every sheet is empty`, 'empty')
    : new SpreadsheetError(`แผ่นงาน "${sheet}" ในไฟล์ "${file}" ว่าง ไม่มีข้อมูล`, `The sheet "${sheet}" in "${file}" is empty`, 'empty');
}

function unknownSheetError(file: string, sheet: string, names: string[]): SpreadsheetError {
  return new SpreadsheetError(
    `ไม่พบแผ่นงาน "${sheet}" ในไฟล์ "${file}" (มี: ${names.join(', ')})`,
    `There is no sheet "${sheet}" in "${file}" (sheets: ${names.join(', ')})`,
    'unknown-sheet',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// xlsx

/**
 * The zip's directory is checked before anything is inflated, so that a broken or truncated zip, a zip that is not
 * a workbook (.docx, .ods) and a zip bomb are told apart at once.
 */
function checkWorkbookZip(bytes: Uint8Array, file: string): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = zipDirectory(bytes);
  } catch (error) {
    if (error instanceof BrokenXlsx) throw brokenFile(file);
    throw error;
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('content.xml') && names.has('mimetype')) {
      throw new SpreadsheetError(
        `ไฟล์ "${file}" เป็นไฟล์ OpenDocument (.ods) กรุณาเปิดแล้วบันทึกเป็น .xlsx`,
        `The file "${file}" is an OpenDocument file (.ods); open it and save it as .xlsx`,
        'not-spreadsheet',
      );
    }
    throw notSpreadsheet(file);
  }
  const unpacked = entries.reduce((sum, e) => sum + e.unpackedBytes, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new SpreadsheetError(
      `ไฟล์ "${file}" เมื่อคลายออกมีขนาด ${mb(unpacked)} MB เกินที่รับได้ ${mb(MAX_UNPACKED_BYTES)} MB กรุณาแบ่งเป็นหลายไฟล์`,
      `The file "${file}" unpacks to ${mb(unpacked)} MB, over the ${mb(MAX_UNPACKED_BYTES)} MB limit; split it into several files`,
      'too-big',
    );
  }
  return entries;
}

const isBlank = (value: CellValue | undefined) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The packed result: `table` is one of `tables` when those are listed (allSheets), else the only table. */
function packedResult(result: PackedResult['result'], texts: TextPool, table: PackedTable, tables: PackedTable[] | undefined): PackedResult {
  if (tables === undefined) return { result, texts: texts.texts, tables: [table], listed: null, tableIndex: 0 };
  const all = [...tables];
  let tableIndex = all.indexOf(table);
  if (tableIndex < 0) tableIndex = all.push(table) - 1;
  return { result, texts: texts.texts, tables: all, listed: tables.length, tableIndex };
}

async function readXlsx(bytes: Uint8Array, options: ReadOptions): Promise<PackedResult> {
  const file = options.fileName;
  const entries = checkWorkbookZip(bytes, file);
  const counts = new Map<string, number>();
  /** The chosen sheet: the wanted one, or the first with data in workbook order. */
  let kept: PackedTable | null = null;
  const tables: PackedTable[] = [];
  const texts = new TextPool();
  let names: string[];
  try {
    const workbook = openWorkbook(bytes, entries);
    names = workbook.sheets.map((sheet) => sheet.name);
    if (options.sheet !== undefined && !names.includes(options.sheet)) throw unknownSheetError(file, options.sheet, names);
    for (const sheet of workbook.sheets) {
      const name = sheet.name;
      const wanted = options.allSheets === true || (options.sheet !== undefined ? name === options.sheet : kept === null);
      const builder = new TableBuilder(name, file, texts, options.maxRows);
      let nonEmpty = 0;
      const progress = () => options.signal?.throwIfAborted();
      await readSheetRows(
        bytes,
        workbook,
        sheet,
        wanted
          ? {
              row: (rowNumber, cells) => (builder.add(rowNumber, cells), true),
              progress,
            }
          : {
              // Other sheets are only counted for the sheet chooser; past the row limit the exact count does not matter.
              row: (_rowNumber, cells) => !(cells.some((value) => !isBlank(value)) && ++nonEmpty > MAX_DATA_ROWS),
              progress,
            },
      );
      counts.set(name, wanted ? builder.rowCount : nonEmpty);
      if (!wanted || builder.rowCount === 0) continue;
      const table = builder.table();
      tables.push(table);
      if (kept === null && (options.sheet === undefined || name === options.sheet)) kept = table;
    }
  } catch (error) {
    if (error instanceof SpreadsheetError || options.signal?.aborted) throw error;
    throw brokenFile(file);
  }
  options.signal?.throwIfAborted();

  const sheets = names.map((name) => ({ name, rowCount: counts.get(name) ?? 0 }));
  if (kept === null) throw emptySheetError(file, options.sheet ?? null);
  return packedResult({ format: 'xlsx', encoding: null, sheets }, texts, kept, options.allSheets ? tables : undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

function decodeText(bytes: Uint8Array, override: SpreadsheetEncoding | undefined): { text: string; encoding: SpreadsheetEncoding } {
  const bom8 = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const bom16 = startsWith(bytes, [0xff, 0xfe]);
  const encoding: SpreadsheetEncoding = override ?? (bom8 ? 'utf-8' : bom16 ? 'utf-16le' : isUtf8(bytes) ? 'utf-8' : 'windows-874');
  // TextDecoder drops a BOM that matches its encoding (ignoreBOM false).
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Text that is mostly control characters or undecodable bytes is some other binary file renamed .csv. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) odd++;
  }
  return odd > sample.length / 100;
}

/** The delimiter that splits the first lines most evenly: comma, semicolon (European Excel) or tab ("Unicode text"). */
function detectDelimiter(lines: string[]): string {
  let best = ',';
  let bestScore = 0;
  for (const delimiter of [',', ';', '\t']) {
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === delimiter && !quoted) n++;
      }
      return n;
    });
    const rowsWithIt = counts.filter((n) => n > 0).length;
    const score = rowsWithIt * 1000 + counts.reduce((a, b) => a + b, 0);
    if (rowsWithIt > 0 && score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

async function readCsv(bytes: Uint8Array, options: ReadOptions): Promise<PackedResult> {
  const file = options.fileName;
  const { text: decoded, encoding } = decodeText(bytes, options.encoding);
  if (looksBinary(decoded)) throw notSpreadsheet(file);
  const head = decoded.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<html') || head.startsWith('<!doctype html') || head.startsWith('<table') || (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet'))) {
    throw new SpreadsheetError(
      `ไฟล์ "${file}" เป็นหน้าเว็บหรือ XML ที่ตั้งชื่อเป็นไฟล์ Excel กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx`,
      `The file "${file}" is a web page or XML named like an Excel file; open it in Excel and save it as .xlsx`,
      'not-spreadsheet',
    );
  }
  if (decoded.trim() === '') throw new SpreadsheetError(`ไฟล์ "${file}" ว่างเปล่า ไม่มีข้อมูล`, `The file "${file}" is empty`, 'empty');

  let text = decoded;
  let firstRecord = 1;
  let delimiter: string;
  // Excel writes "sep=;" as a first line when asked for a delimiter other than the locale's.
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine) {
    delimiter = sepLine[1]!;
    text = text.slice(sepLine[0].length);
    firstRecord = 2;
  } else {
    const sampleLines: string[] = [];
    for (const line of text.slice(0, 65_536).split(/\r?\n|\r/)) {
      if (line.trim() !== '') sampleLines.push(line);
      if (sampleLines.length >= 20) break;
    }
    delimiter = detectDelimiter(sampleLines);
  }

  const name = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || file;
  const texts = new TextPool();
  const builder = new TableBuilder(name, file, texts, options.maxRows);
  let record = firstRecord;
  let cells: (CellValue | undefined)[] = [];
  const length = text.length;
  let i = 0;
  const endRecord = () => {
    builder.add(record, cells);
    cells = [];
    record++;
    if (record % 4096 === 0) options.signal?.throwIfAborted();
  };
  const pushField = (value: string) => {
    builder.checkCellLength(record, cells.length + 1, value.length);
    cells.push(value === '' ? null : value);
    // Trailing empty columns are fine (trimmed later); a line with more fields than Excel has columns is not a table.
    if (cells.length > EXCEL_MAX_COLUMNS) throw builder.tooManyColumns(record, cells.length);
  };
  while (i < length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || ch === 0x0d) {
      // End of a record; a blank line costs one empty check (a million of them must cost nothing).
      endRecord();
      i += ch === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    let value: string;
    if (ch === 0x22) {
      // Quoted field: commas, newlines and "" inside.
      let j = i + 1;
      let hasEscapedQuote = false;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          j = length;
          break;
        }
        if (text.charCodeAt(q + 1) === 0x22) {
          hasEscapedQuote = true;
          j = q + 2;
          continue;
        }
        j = q;
        break;
      }
      value = text.slice(i + 1, j);
      if (hasEscapedQuote) value = value.replace(/""/g, '"');
      i = j + 1;
      // Anything between the closing quote and the delimiter is kept, as Excel does.
      let k = i;
      while (k < length && text[k] !== delimiter && text.charCodeAt(k) !== 0x0a && text.charCodeAt(k) !== 0x0d) k++;
      if (k > i) value += text.slice(i, k);
      i = k;
    } else {
      let k = i;
      while (k < length && text[k] !== delimiter && text.charCodeAt(k) !== 0x0a && text.charCodeAt(k) !== 0x0d) k++;
      value = text.slice(i, k);
      i = k;
    }
    pushField(value);
    if (i < length && text[i] === delimiter) {
      i++;
      if (i === length || text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d) pushField('');
    }
  }
  if (cells.length > 0) endRecord();

  if (builder.rowCount === 0) throw new SpreadsheetError(`ไฟล์ "${file}" ว่างเปล่า ไม่มีข้อมูล`, `The file "${file}" is empty`, 'empty');
  const table = builder.table();
  return packedResult({ format: 'csv', encoding, sheets: [{ name, rowCount: builder.rowCount }] }, texts, table, options.allSheets ? [table] : undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// Header row and column mapping

export interface FieldSpec {
  key: string;
  label: Message;
  /** Thai and English headings this field goes by, e.g. ['ชื่อ', 'ชื่อจริง', 'first name']; the label counts too */
  headings: string[];
  required?: boolean;
}

/**
 * A heading as compared: Thai digits → Arabic, lower case, no invisible characters, no "(…)" notes such as
 * "(พ.ศ.)", and no spaces or punctuation — so 'ชื่อ-สกุล', 'ชื่อ - นามสกุล' and 'ชื่อ นามสกุล' compare by their words.
 */
export function normaliseHeading(text: string): string {
  return toArabicDigits(normaliseText(text))
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*]/g, '')
    .replace(/[\s\-–—_.,:;/\\*#'"‘’“”()[\]]/g, '');
}

/** Prefix matches ('เลขประจำตัวประชาชน 13 หลัก') only for aliases this long, so 'ชื่อ' never claims 'ชื่อหมู่บ้าน'. */
const MIN_PREFIX_ALIAS = 6;

function aliasesOf(field: FieldSpec): string[] {
  return [...new Set([field.label.th, field.label.en, ...field.headings].map(normaliseHeading).filter((a) => a !== ''))];
}

function cellHeading(value: CellValue | undefined): string {
  return typeof value === 'string' && value.length <= 80 ? normaliseHeading(value) : '';
}

/**
 * Field key → 0-based column index (null when no column matches). Exact heading matches are taken first, field by
 * field in the order given; then a heading that starts with a long alias; each column goes to one field only.
 */
export function guessMapping(headings: string[], fields: FieldSpec[]): Record<string, number | null> {
  const normalised = headings.map((h) => cellHeading(h));
  const taken = new Set<number>();
  const mapping: Record<string, number | null> = {};
  for (const field of fields) mapping[field.key] = null;
  for (const field of fields) {
    const aliases = aliasesOf(field);
    const column = normalised.findIndex((h, i) => !taken.has(i) && h !== '' && aliases.includes(h));
    if (column >= 0) {
      mapping[field.key] = column;
      taken.add(column);
    }
  }
  for (const field of fields) {
    if (mapping[field.key] !== null) continue;
    const aliases = aliasesOf(field).filter((a) => [...a].length >= MIN_PREFIX_ALIAS);
    const column = normalised.findIndex((h, i) => !taken.has(i) && h !== '' && aliases.some((a) => h.startsWith(a)));
    if (column >= 0) {
      mapping[field.key] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/**
 * The index (into table.rows) of the row among the first HEADER_SEARCH_ROWS that matches the most field headings;
 * required fields count double. Titles and merged banners above the header match nothing or little. 0 when no row
 * matches at all (the user then picks the header row).
 */
export function findHeaderRow(table: SheetTable, fields: FieldSpec[]): number {
  let best = 0;
  let bestScore = 0;
  const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const headings = table.rows[r]!.map((cell) => (typeof cell === 'string' ? cell : ''));
    const mapping = guessMapping(headings, fields);
    let score = 0;
    for (const field of fields) if (mapping[field.key] !== null) score += field.required ? 2 : 1;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}
