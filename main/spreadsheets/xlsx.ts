// The xlsx format read by hand: the zip's central directory, its parts inflated with node:zlib, and the sheet XML
// scanned row by row with indexOf — no general XML parser and no object per cell. read.ts decides what the rows
// mean (limits, which sheet, messages); this file only knows the format.
//
// Only what a data table needs is read: sheet names and order, shared strings, which styles show dates, and each
// cell's value as Excel last showed it (a formula's cached result, never evaluated).
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { CellValue } from './read';

/** The file is not a readable zip or workbook; read.ts turns it into its "damaged file" message. */
export class BrokenXlsx extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'BrokenXlsx';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Zip

export interface ZipEntry {
  name: string;
  /** as the directory states it; an entry that inflates to more is refused */
  unpackedBytes: number;
  packedBytes: number;
  /** 0 stored, 8 deflated */
  method: number;
  flags: number;
  localHeader: number;
}

/**
 * The zip's central directory (end of the file): a few microseconds, so that a broken or truncated zip, a zip that
 * is not a workbook (.docx, .ods) and a zip bomb are told apart before anything is inflated.
 */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END_OF_DIRECTORY = 0x06054b50;
  const lowest = Math.max(0, data.length - 22 - 0xffff);
  let end = -1;
  for (let i = data.length - 22; i >= lowest; i--) {
    if (data.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new BrokenXlsx('no end of central directory');
  const entryCount = data.readUInt16LE(end + 10);
  const directoryStart = data.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  let at = directoryStart;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw new BrokenXlsx('bad central directory entry');
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const packedBytes = data.readUInt32LE(at + 20);
    const unpackedBytes = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const localHeader = data.readUInt32LE(at + 42);
    if (localHeader + 30 > data.length || data.readUInt32LE(localHeader) !== 0x04034b50) throw new BrokenXlsx('bad local header');
    entries.push({ name: data.toString('utf8', at + 46, at + 46 + nameLength), unpackedBytes, packedBytes, method, flags, localHeader });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's packed bytes (a view, not a copy). */
function packedData(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.flags & 1) throw new BrokenXlsx(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new BrokenXlsx(`${entry.name}: compression method ${entry.method}`);
  // The local header's name and extra field may differ in length from the directory's.
  const start = entry.localHeader + 30 + data.readUInt16LE(entry.localHeader + 26) + data.readUInt16LE(entry.localHeader + 28);
  const end = start + entry.packedBytes;
  if (end > data.length) throw new BrokenXlsx(`${entry.name} runs past the end of the file`);
  return data.subarray(start, end);
}

/** A small part (workbook, rels, styles, shared strings) whole; never more than the directory says it holds. */
function inflateWhole(bytes: Uint8Array, entry: ZipEntry): string {
  const packed = packedData(bytes, entry);
  let unpacked: Buffer;
  if (entry.method === 0) unpacked = packed;
  else {
    try {
      // maxOutputLength stops inflating at the stated size: a directory that lies about it is caught, not obeyed.
      unpacked = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.unpackedBytes) });
    } catch {
      throw new BrokenXlsx(`${entry.name} does not inflate to its stated size`);
    }
  }
  if (unpacked.length !== entry.unpackedBytes) throw new BrokenXlsx(`${entry.name} does not inflate to its stated size`);
  return unpacked.toString('utf8');
}

/** A sheet's XML as text pieces, inflated as it is read; stops with BrokenXlsx past the directory's stated size. */
async function* inflateText(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<string> {
  const packed = packedData(bytes, entry);
  const decoder = new StringDecoder('utf8');
  if (entry.method === 0) {
    if (packed.length !== entry.unpackedBytes) throw new BrokenXlsx(`${entry.name}: stored size differs`);
    // Stored: hand it over in pieces so rows are still scanned as they come.
    for (let at = 0; at < packed.length; at += 1 << 20) yield decoder.write(packed.subarray(at, at + (1 << 20)));
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  inflater.end(packed);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.unpackedBytes) throw new BrokenXlsx(`${entry.name} inflates past its stated size`);
      yield decoder.write(chunk);
    }
  } catch (error) {
    if (error instanceof BrokenXlsx) throw error;
    throw new BrokenXlsx(`${entry.name} does not inflate`);
  } finally {
    inflater.destroy();
  }
  if (total !== entry.unpackedBytes) throw new BrokenXlsx(`${entry.name} does not inflate to its stated size`);
  const rest = decoder.end();
  if (rest) yield rest;
}

// ---------------------------------------------------------------------------------------------------------------
// XML text

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities, then OOXML's _xHHHH_ escapes (Excel writes a line break as _x000D_, a literal "_x" as _x005F_x). */
export function decodeXmlText(raw: string): string {
  let text = raw;
  if (text.includes('&')) {
    text = text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole: string, name: string) => {
      if (name.charCodeAt(0) === 35) {
        const code = name.charCodeAt(1) === 120 ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name] ?? whole;
    });
  }
  if (text.includes('_x')) text = text.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return text;
}

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

/** Whether `text` has the element `<name` at `at` (not a longer name starting the same: `<row` is not `<rowBreaks`). */
function isTag(text: string, at: number, nameLength: number): boolean {
  const next = text.charCodeAt(at + 1 + nameLength);
  return next === 62 || next === 47 || isSpace(next);
}

/** The next `<name` element start at or after `from` and before `end`, or -1. */
function findTag(text: string, name: string, from: number, end: number): number {
  const open = `<${name}`;
  let at = from;
  for (;;) {
    const found = text.indexOf(open, at);
    if (found < 0 || found >= end) return -1;
    if (isTag(text, found, name.length)) return found;
    at = found + open.length;
  }
}

/**
 * Calls `each(nameStart, nameEnd, valueStart, valueEnd)` for every attribute of the tag text[start, end) (start
 * just after the element name). Values are raw (undecoded).
 */
function eachAttribute(text: string, start: number, end: number, each: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void): void {
  let i = start;
  while (i < end) {
    const eq = text.indexOf('=', i);
    if (eq < 0 || eq >= end) return;
    let nameStart = i;
    while (nameStart < eq && isSpace(text.charCodeAt(nameStart))) nameStart++;
    let nameEnd = eq;
    while (nameEnd > nameStart && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
    let q = eq + 1;
    while (q < end && isSpace(text.charCodeAt(q))) q++;
    const quote = text.charCodeAt(q);
    if (quote !== 34 && quote !== 39) return;
    const close = text.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0 || close >= end) return;
    each(nameStart, nameEnd, q + 1, close);
    i = close + 1;
  }
}

/** The attributes of one tag as name → decoded value (for the few tags of workbook, rels and styles). */
function attributesOf(text: string, tagStart: number): { attributes: Map<string, string>; end: number } {
  const end = text.indexOf('>', tagStart);
  if (end < 0) throw new BrokenXlsx('unclosed tag');
  let nameEnd = tagStart + 1;
  while (nameEnd < end && !isSpace(text.charCodeAt(nameEnd)) && text.charCodeAt(nameEnd) !== 47) nameEnd++;
  const attributes = new Map<string, string>();
  eachAttribute(text, nameEnd, end, (ns, ne, vs, ve) => attributes.set(text.slice(ns, ne), decodeXmlText(text.slice(vs, ve))));
  return { attributes, end };
}

/** Every `<name …>` tag's attributes in the text, in order. */
function tagsOf(text: string, name: string, from = 0, until = text.length): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (let at = findTag(text, name, from, until); at >= 0; ) {
    const { attributes, end } = attributesOf(text, at);
    out.push(attributes);
    at = findTag(text, name, end, until);
  }
  return out;
}

/**
 * The text a string item shows: its `<t>` runs joined (plain or rich text), leaving out phonetic `<rPh>` runs.
 * text[start, end) is the inside of an `<si>` or `<is>`.
 */
function runText(text: string, start: number, end: number): string {
  let out = '';
  let at = start;
  let phonetic = findTag(text, 'rPh', at, end);
  for (;;) {
    const t = findTag(text, 't', at, end);
    if (t < 0) break;
    if (phonetic >= 0 && phonetic < t) {
      const phoneticEnd = text.indexOf('</rPh>', phonetic);
      at = phoneticEnd < 0 ? end : phoneticEnd + 6;
      phonetic = findTag(text, 'rPh', at, end);
      continue;
    }
    const tagEnd = text.indexOf('>', t);
    if (tagEnd < 0 || tagEnd >= end) break;
    if (text.charCodeAt(tagEnd - 1) === 47) {
      at = tagEnd + 1; // <t/>
      continue;
    }
    const close = text.indexOf('</t>', tagEnd);
    if (close < 0 || close > end) throw new BrokenXlsx('unclosed <t>');
    out += text.slice(tagEnd + 1, close);
    at = close + 4;
  }
  return decodeXmlText(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** Excel's built-in number formats that show a date or time (the Thai-locale ones among 71–81 too). */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) || (id >= 71 && id <= 81);
}

const withoutLiterals = (numFmt: string) => numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');

/** A number format that shows a date: d/m/y/h/s letters, or Thai Excel's ว ด ป, outside quotes and [..] blocks. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = withoutLiterals(numFmt);
  return /[ymdhsbวดป]/i.test(bare) && !/^general$/i.test(bare);
}

/** A date format in Thai Excel's own letters (ว/ด/ปปปป). */
export function isThaiDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[วดป]/.test(withoutLiterals(numFmt));
}

/** The conversion exceljs made for date cells: a Date at UTC midnight of the day shown (1900 bug included). */
export function excelSerialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** A t="d" cell's ISO 8601 text as the same kind of Date: a time without a zone is read as UTC, like the serials. */
function isoDate(text: string): Date | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return null;
  const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(trimmed);
  const date = new Date(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : zoned ? trimmed : `${trimmed}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook

export interface XlsxSheet {
  name: string;
  /** the zip entry of its XML; null when the workbook names a part the zip does not have (read as empty) */
  entry: ZipEntry | null;
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  date1904: boolean;
  sharedStrings: (string | null)[];
  /** per cellXfs index: whether the style shows a date */
  dateStyles: boolean[];
}

/** A part's path inside the zip from a relationship target, relative to `base` (a folder) or absolute. */
function resolveTarget(base: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : `${base}/${target}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

export function openWorkbook(bytes: Uint8Array, entries: ZipEntry[]): XlsxWorkbook {
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) byName.set(entry.name.toLowerCase(), entry);
  const entryOf = (path: string) => byName.get(path.toLowerCase()) ?? null;
  const textOf = (path: string): string | null => {
    const entry = entryOf(path);
    return entry === null ? null : inflateWhole(bytes, entry);
  };

  const workbookXml = textOf('xl/workbook.xml');
  if (workbookXml === null) throw new BrokenXlsx('no xl/workbook.xml');
  const relsXml = textOf('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  let sharedStringsPath = 'xl/sharedStrings.xml';
  let stylesPath = 'xl/styles.xml';
  for (const rel of tagsOf(relsXml, 'Relationship')) {
    const id = rel.get('Id');
    const target = rel.get('Target');
    if (id === undefined || target === undefined || rel.get('TargetMode') === 'External') continue;
    const path = resolveTarget('xl', target);
    targets.set(id, path);
    const type = rel.get('Type') ?? '';
    if (type.endsWith('/sharedStrings')) sharedStringsPath = path;
    else if (type.endsWith('/styles')) stylesPath = path;
  }

  const workbookPr = tagsOf(workbookXml, 'workbookPr')[0];
  const date1904Flag = workbookPr?.get('date1904');
  const date1904 = date1904Flag === '1' || date1904Flag === 'true';
  const sheets: XlsxSheet[] = tagsOf(workbookXml, 'sheet').map((sheet, index) => {
    let relationId: string | undefined;
    for (const [name, value] of sheet) if (name.endsWith(':id')) relationId = value;
    const target = relationId === undefined ? undefined : targets.get(relationId);
    return { name: sheet.get('name') ?? `Sheet${index + 1}`, entry: target === undefined ? null : entryOf(target) };
  });

  return { sheets, date1904, sharedStrings: readSharedStrings(textOf(sharedStringsPath)), dateStyles: readDateStyles(textOf(stylesPath)) };
}

function readSharedStrings(xml: string | null): (string | null)[] {
  const strings: (string | null)[] = [];
  if (xml === null) return strings;
  for (let at = findTag(xml, 'si', 0, xml.length); at >= 0; ) {
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) throw new BrokenXlsx('unclosed <si>');
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      strings.push(null);
      at = findTag(xml, 'si', tagEnd, xml.length);
      continue;
    }
    const close = xml.indexOf('</si>', tagEnd);
    if (close < 0) throw new BrokenXlsx('unclosed <si>');
    const text = runText(xml, tagEnd + 1, close);
    // an empty item is an empty cell, as exceljs gave it
    strings.push(text === '' ? null : text);
    at = findTag(xml, 'si', close + 5, xml.length);
  }
  return strings;
}

function readDateStyles(xml: string | null): boolean[] {
  if (xml === null) return [];
  const customFormats = new Map<number, string>();
  for (const numFmt of tagsOf(xml, 'numFmt')) {
    const id = Number(numFmt.get('numFmtId'));
    const code = numFmt.get('formatCode');
    if (Number.isInteger(id) && code !== undefined) customFormats.set(id, code);
  }
  const start = findTag(xml, 'cellXfs', 0, xml.length);
  if (start < 0) return [];
  const end = xml.indexOf('</cellXfs>', start);
  return tagsOf(xml, 'xf', start, end < 0 ? xml.length : end).map((xf) => {
    const id = Number(xf.get('numFmtId') ?? 0);
    const custom = customFormats.get(id);
    return custom !== undefined ? isDateFormat(custom) : isBuiltInDateFormat(id);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet rows

export interface RowSink {
  /**
   * One row with at least one cell. `cells` is indexed by 0-based column (holes are empty) and is reused for the
   * next row: copy what you keep. Return false to stop reading the sheet.
   */
  row(rowNumber: number, cells: (CellValue | undefined)[]): boolean;
  /** every few thousand rows, cells or not: the place to check for cancelling */
  progress(rowsScanned: number): void;
}

const enum CellType {
  Number,
  Shared,
  Text,
  Inline,
  Boolean,
  Error,
  Date,
}

function cellType(text: string, start: number, end: number): CellType {
  if (end - start === 1) {
    switch (text.charCodeAt(start)) {
      case 115: // s
        return CellType.Shared;
      case 98: // b
        return CellType.Boolean;
      case 101: // e
        return CellType.Error;
      case 100: // d
        return CellType.Date;
      default:
        return CellType.Number;
    }
  }
  const name = text.slice(start, end);
  if (name === 'str') return CellType.Text;
  if (name === 'inlineStr') return CellType.Inline;
  return CellType.Number;
}

/** "BC12" → 55 (1-based column); 0 when the reference has no letters. */
function columnOfReference(text: string, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
    if (column > 16_384) throw new BrokenXlsx('cell reference past column XFD');
  }
  return column;
}

function parseDecimal(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return i === start ? NaN : n;
    n = n * 10 + digit;
  }
  return start === end ? NaN : n;
}

/** Scans a sheet's rows: knows the workbook's shared strings and date styles, so each cell comes out as its value. */
class SheetScanner {
  private readonly cells: (CellValue | undefined)[] = [];
  private lastRow = 0;
  private scanned = 0;
  stopped = false;

  constructor(
    private readonly workbook: XlsxWorkbook,
    private readonly sink: RowSink,
  ) {}

  /** Reads every whole row in text from `from`; returns where the unread rest starts (an unfinished row). */
  scan(text: string, from: number): number {
    let at = from;
    const length = text.length;
    while (!this.stopped) {
      const start = text.indexOf('<row', at);
      if (start < 0) {
        // keep a tail that may be the start of "<row" cut by the chunk boundary
        return Math.max(at, length - 4);
      }
      if (start + 4 >= length) return start;
      if (!isTag(text, start, 3)) {
        at = start + 4;
        continue;
      }
      const tagEnd = text.indexOf('>', start);
      if (tagEnd < 0) return start;
      let rowNumber = 0;
      eachAttribute(text, start + 4, tagEnd, (ns, ne, vs, ve) => {
        if (ne - ns === 1 && text.charCodeAt(ns) === 114) rowNumber = parseDecimal(text, vs, ve);
      });
      if (!(rowNumber > 0)) rowNumber = this.lastRow + 1;
      if (text.charCodeAt(tagEnd - 1) === 47) {
        this.endRow(rowNumber, false);
        at = tagEnd + 1;
        continue;
      }
      const end = text.indexOf('</row>', tagEnd);
      if (end < 0) return start;
      const any = this.readCells(text, tagEnd + 1, end, rowNumber);
      this.endRow(rowNumber, any);
      at = end + 6;
    }
    return length;
  }

  private endRow(rowNumber: number, hasCells: boolean): void {
    this.lastRow = rowNumber;
    if (++this.scanned % 2048 === 0) this.sink.progress(this.scanned);
    if (!hasCells) return;
    if (!this.sink.row(rowNumber, this.cells)) this.stopped = true;
    this.cells.length = 0;
  }

  /** Fills this.cells from the row's inside text[start, end); whether any cell had a value. */
  private readCells(text: string, start: number, end: number, rowNumber: number): boolean {
    const { sharedStrings, dateStyles, date1904 } = this.workbook;
    const cells = this.cells;
    let column = 0;
    let any = false;
    for (let at = findTag(text, 'c', start, end); at >= 0; ) {
      const tagEnd = text.indexOf('>', at);
      if (tagEnd < 0 || tagEnd > end) throw new BrokenXlsx(`row ${rowNumber}: unclosed cell`);
      let refColumn = 0;
      let type = CellType.Number;
      let style = 0;
      eachAttribute(text, at + 2, tagEnd, (ns, ne, vs, ve) => {
        if (ne - ns !== 1) return;
        const name = text.charCodeAt(ns);
        if (name === 114) refColumn = columnOfReference(text, vs, ve);
        else if (name === 116) type = cellType(text, vs, ve);
        else if (name === 115) style = parseDecimal(text, vs, ve) || 0;
      });
      column = refColumn > 0 ? refColumn : column + 1;
      if (text.charCodeAt(tagEnd - 1) === 47) {
        at = findTag(text, 'c', tagEnd + 1, end);
        continue;
      }
      const close = text.indexOf('</c>', tagEnd);
      if (close < 0 || close > end) throw new BrokenXlsx(`row ${rowNumber}: unclosed cell`);
      const value = this.cellValue(text, tagEnd + 1, close, type, style, sharedStrings, dateStyles, date1904);
      if (value !== null) {
        cells[column - 1] = value;
        any = true;
      }
      at = findTag(text, 'c', close + 4, end);
    }
    return any;
  }

  private cellValue(
    text: string,
    start: number,
    end: number,
    type: CellType,
    style: number,
    sharedStrings: (string | null)[],
    dateStyles: boolean[],
    date1904: boolean,
  ): CellValue {
    if (type === CellType.Inline) {
      const is = findTag(text, 'is', start, end);
      if (is < 0) return null;
      const inline = runText(text, is, end);
      return inline === '' ? null : inline;
    }
    const v = findTag(text, 'v', start, end);
    if (v < 0) return null; // no value, or a formula Excel never computed: empty, never evaluated
    const vStart = text.indexOf('>', v) + 1;
    if (text.charCodeAt(vStart - 2) === 47) return null; // <v/>
    const vEnd = text.indexOf('</v>', vStart);
    if (vEnd < 0 || vEnd > end) throw new BrokenXlsx('unclosed <v>');
    switch (type) {
      case CellType.Shared:
        return sharedStrings[parseDecimal(text, vStart, vEnd)] ?? null;
      case CellType.Text: {
        const raw = text.slice(vStart, vEnd);
        return raw === '' ? null : decodeXmlText(raw);
      }
      case CellType.Boolean:
        return parseFloat(text.slice(vStart, vEnd)) !== 0;
      case CellType.Error:
        return null;
      case CellType.Date:
        return isoDate(decodeXmlText(text.slice(vStart, vEnd)));
      default: {
        const n = parseFloat(text.slice(vStart, vEnd));
        if (!Number.isFinite(n)) return null;
        return dateStyles[style] === true ? excelSerialDate(n, date1904) : n;
      }
    }
  }
}

/** Above this an unfinished row is a long one (a huge cell): wait for its end before scanning again. */
const LONG_ROW_CHARS = 1 << 20;

/** Streams one sheet's XML through the sink, row by row. */
export async function readSheetRows(bytes: Uint8Array, workbook: XlsxWorkbook, sheet: XlsxSheet, sink: RowSink): Promise<void> {
  if (sheet.entry === null) return;
  const scanner = new SheetScanner(workbook, sink);
  let carry = '';
  /** pieces of a long unfinished row, joined once its end has come */
  let waiting: string[] = [];
  const pieces = inflateText(bytes, sheet.entry);
  try {
    for await (const piece of pieces) {
      if (carry.length >= LONG_ROW_CHARS) {
        const lastTail = (waiting.length > 0 ? waiting[waiting.length - 1]! : carry).slice(-5);
        if (!(lastTail + piece).includes('</row>')) {
          waiting.push(piece);
          continue;
        }
        carry = carry + waiting.join('');
        waiting = [];
      }
      const text = carry + piece;
      const rest = scanner.scan(text, 0);
      if (scanner.stopped) return;
      carry = rest >= text.length ? '' : text.slice(rest);
    }
    if (waiting.length > 0) carry += waiting.join('');
    if (carry.length > 0) scanner.scan(carry, 0);
  } finally {
    // stops the inflater when the sheet was left early (a limit, or only counting)
    await pieces.return(undefined);
  }
}
