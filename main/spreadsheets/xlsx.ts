// The xlsx format read by hand: the zip's central directory, its parts inflated with node:zlib, and the sheet XML
// scanned row by row in its bytes — no general XML parser, no text made of the markup, no object per cell. read.ts decides what the rows
// mean (limits, which sheet, messages); this file only knows the format.
//
// Only what a data table needs is read: sheet names and order, shared strings, which styles show dates, and each
// cell's value as Excel last showed it (a formula's cached result, never evaluated).
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

/**
 * A sheet's XML in pieces of bytes, inflated as it is read; stops with BrokenXlsx past the directory's stated size.
 * Bytes, not text: the scanner below finds the tags in the bytes and decodes only the values it keeps, so a piece
 * may end inside a Thai letter — the scanner only ever reads whole rows, which begin and end at an ASCII "<".
 */
async function* inflatePieces(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Buffer> {
  const packed = packedData(bytes, entry);
  if (entry.method === 0) {
    if (packed.length !== entry.unpackedBytes) throw new BrokenXlsx(`${entry.name}: stored size differs`);
    // stored: handed over in pieces all the same, so that rows are scanned (and cancelling checked) as they come
    for (let at = 0; at < packed.length; at += PIECE_BYTES) yield packed.subarray(at, at + PIECE_BYTES);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: PIECE_BYTES });
  inflater.end(packed);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.unpackedBytes) throw new BrokenXlsx(`${entry.name} inflates past its stated size`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof BrokenXlsx) throw error;
    throw new BrokenXlsx(`${entry.name} does not inflate`);
  } finally {
    inflater.destroy();
  }
  if (total !== entry.unpackedBytes) throw new BrokenXlsx(`${entry.name} does not inflate to its stated size`);
}

const PIECE_BYTES = 512 * 1024;

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
  // tag by tag: every search ends at the next "<", so a long file of short items costs one pass
  for (let at = text.indexOf('<', start); at >= 0 && at < end; at = text.indexOf('<', at + 1)) {
    if (text.charCodeAt(at + 1) === 116 && isTag(text, at, 1)) {
      // <t>…</t>
      const tagEnd = text.indexOf('>', at);
      if (tagEnd < 0 || tagEnd >= end) break;
      if (text.charCodeAt(tagEnd - 1) === 47) continue; // <t/>
      const close = text.indexOf('<', tagEnd);
      if (close < 0 || close > end) throw new BrokenXlsx('unclosed <t>');
      out += text.slice(tagEnd + 1, close);
      at = close;
    } else if (text.startsWith('rPh', at + 1) && isTag(text, at, 3)) {
      // a phonetic reading: not part of the text
      const close = text.indexOf('</rPh>', at);
      if (close < 0 || close > end) break;
      at = close;
    }
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
    // relative to xl/ as the format says; a few writers give the path from the zip's root without the leading "/"
    const relative = resolveTarget('xl', target);
    const path = entryOf(relative) === null && entryOf(resolveTarget('', target)) !== null ? resolveTarget('', target) : relative;
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
// Sheet rows, scanned in the bytes

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

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const AMPERSAND = 38;
const UNDERSCORE = 95;

/** After an element name: the name ends there (so `<c` is not `<col`, `<row` not `<rowBreaks`). */
const endsName = (code: number) => code === GT || code === SLASH || isSpace(code);

/** The powers of ten a decimal fraction divides by exactly (10^22 is the last one a double holds exactly). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * A number's bytes as parseFloat reads them. The common case (up to 15 digits, one point) is one exact integer
 * divided by an exact power of ten: a single rounding, so the same double parseFloat gives. Anything else
 * (exponents, long digits) goes through parseFloat itself.
 */
function parseNumber(b: Buffer, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && b[i] === 45) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = b[i]!;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) fraction = 0;
    else break;
  }
  if (i === end && digits > 0 && digits <= 15) {
    const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction]! : mantissa;
    return negative ? -value : value;
  }
  return parseFloat(b.toString('latin1', start, end));
}

const utf8 = (b: Buffer, start: number, end: number) => b.toString('utf8', start, end);

const MAX_KNOWN_TEXTS = 100_000;

/** Scans a sheet's rows: knows the workbook's shared strings and date styles, so each cell comes out as its value. */
class SheetScanner {
  private readonly cells: (CellValue | undefined)[] = [];
  private readonly dates = new Map<number, Date>();
  /** short ASCII texts by a hash of their bytes: a history repeats its member numbers and book numbers */
  private readonly texts = new Map<number, string>();
  private lastRow = 0;
  private scanned = 0;
  stopped = false;

  // the cell being read
  private column = 0;
  private type = CellType.Number;
  private style = 0;
  private valueStart = -1;
  private valueEnd = -1;
  /** the value's text has "&" or "_x" to decode */
  private escaped = false;
  private inline = '';

  constructor(
    private readonly workbook: XlsxWorkbook,
    private readonly sink: RowSink,
  ) {}

  /** Reads every whole row in b[from, end); returns where the unread rest starts (an unfinished row). */
  scan(b: Buffer, from: number, end: number): number {
    let i = from;
    while (!this.stopped) {
      // the next "<row"
      let start = -1;
      for (; i + 4 < end; i++) {
        if (b[i] === LT && b[i + 1] === 114 && b[i + 2] === 111 && b[i + 3] === 119 && endsName(b[i + 4]!)) {
          start = i;
          break;
        }
      }
      if (start < 0) return Math.max(from, Math.min(i, end));
      // its attributes: r only
      let rowNumber = 0;
      i = start + 4;
      let selfClosing = false;
      for (;;) {
        while (i < end && isSpace(b[i]!)) i++;
        if (i >= end) return start;
        const c = b[i]!;
        if (c === GT) break;
        if (c === SLASH) {
          selfClosing = true;
          i++;
          continue;
        }
        const nameStart = i;
        while (i < end && b[i] !== 61 && !isSpace(b[i]!) && b[i] !== GT) i++;
        const nameLength = i - nameStart;
        while (i < end && b[i] !== QUOTE && b[i] !== APOSTROPHE && b[i] !== GT) i++;
        if (i >= end) return start;
        if (b[i] === GT) break;
        const quote = b[i++];
        const valueStart = i;
        while (i < end && b[i] !== quote) i++;
        if (i >= end) return start;
        if (nameLength === 1 && b[nameStart] === 114) rowNumber = parseNumber(b, valueStart, i);
        i++;
      }
      i++; // past ">"
      if (!(rowNumber > 0) || !Number.isInteger(rowNumber)) rowNumber = this.lastRow + 1;
      if (selfClosing) {
        this.endRow(rowNumber, false);
        continue;
      }
      const afterRow = this.readCells(b, i, end, rowNumber);
      if (afterRow < 0) {
        this.cells.length = 0;
        return start;
      }
      this.endRow(rowNumber, this.cells.length > 0);
      i = afterRow;
    }
    return end;
  }

  private endRow(rowNumber: number, hasCells: boolean): void {
    this.lastRow = rowNumber;
    if (++this.scanned % 2048 === 0) this.sink.progress(this.scanned);
    if (!hasCells) return;
    if (!this.sink.row(rowNumber, this.cells)) this.stopped = true;
    this.cells.length = 0;
  }

  /** Fills this.cells from the row's inside, from `i` on; returns the index after "</row>", or -1 when it is not in b yet. */
  private readCells(b: Buffer, from: number, end: number, rowNumber: number): number {
    let i = from;
    this.column = 0;
    for (;;) {
      while (i < end && b[i] !== LT) i++;
      if (i + 5 >= end) return -1;
      const next = b[i + 1]!;
      if (next === SLASH) {
        // "</row>" (nothing else closes at this level)
        if (b[i + 2] === 114 && b[i + 3] === 111 && b[i + 4] === 119) {
          const close = b.indexOf(GT, i + 5);
          return close < 0 || close >= end ? -1 : close + 1;
        }
        i += 2;
        continue;
      }
      if (next === 99 && endsName(b[i + 2]!)) {
        i = this.readCell(b, i + 2, end, rowNumber);
        if (i < 0) return -1;
        continue;
      }
      i++; // another element inside the row (extLst): its own cells, if any, are none of ours
    }
  }

  /** One `<c …>` from just after "<c"; returns the index after it, or -1 when it is not whole in b. */
  private readCell(b: Buffer, from: number, end: number, rowNumber: number): number {
    let i = from;
    let refColumn = 0;
    this.type = CellType.Number;
    this.style = 0;
    let selfClosing = false;
    for (;;) {
      while (i < end && isSpace(b[i]!)) i++;
      if (i >= end) return -1;
      const c = b[i]!;
      if (c === GT) break;
      if (c === SLASH) {
        selfClosing = true;
        i++;
        continue;
      }
      const nameStart = i;
      while (i < end && b[i] !== 61 && !isSpace(b[i]!) && b[i] !== GT) i++;
      const nameLength = i - nameStart;
      while (i < end && b[i] !== QUOTE && b[i] !== APOSTROPHE && b[i] !== GT) i++;
      if (i >= end) return -1;
      if (b[i] === GT) break;
      const quote = b[i++];
      const valueStart = i;
      while (i < end && b[i] !== quote) i++;
      if (i >= end) return -1;
      if (nameLength === 1) {
        const name = b[nameStart];
        if (name === 114) refColumn = columnOfReference(b, valueStart, i);
        else if (name === 116) this.type = cellType(b, valueStart, i);
        else if (name === 115) this.style = parseNumber(b, valueStart, i) || 0;
      }
      i++;
    }
    i++; // past ">"
    this.column = refColumn > 0 ? refColumn : this.column + 1;
    if (this.column > 16_384) throw new BrokenXlsx(`row ${rowNumber}: a cell past column XFD`);
    if (selfClosing) return i;

    // the cell's inside: <v>, <f>, <is>, until "</c>"
    this.valueStart = -1;
    this.escaped = false;
    this.inline = '';
    let hasInline = false;
    for (;;) {
      while (i < end && b[i] !== LT) i++;
      if (i + 3 >= end) return -1;
      const next = b[i + 1]!;
      if (next === SLASH) {
        if (b[i + 2] === 99 && b[i + 3] === GT) {
          i += 4;
          break;
        }
        i += 2;
        continue;
      }
      if (next === 118 && endsName(b[i + 2]!)) {
        // <v>text</v>
        let j = i + 2;
        while (j < end && b[j] !== GT) j++;
        if (j >= end) return -1;
        if (b[j - 1] === SLASH) {
          i = j + 1;
          continue;
        }
        this.valueStart = j + 1;
        let k = j + 1;
        let escaped = false;
        for (; k < end; k++) {
          const c = b[k]!;
          if (c === LT) break;
          if (c === AMPERSAND || c === UNDERSCORE) escaped = true;
        }
        if (k >= end) return -1;
        this.valueEnd = k;
        this.escaped = escaped;
        i = k;
        continue;
      }
      if (next === 105 && b[i + 2] === 115 && endsName(b[i + 3]!)) {
        // <is> … </is>: the runs' text
        const after = this.readInline(b, i + 3, end);
        if (after < 0) return -1;
        hasInline = true;
        i = after;
        continue;
      }
      i++; // <f>, <extLst> and anything else: skipped
    }
    const value = hasInline && this.type === CellType.Inline ? (this.inline === '' ? null : this.inline) : this.value(b);
    if (value !== null) this.cells[this.column - 1] = value;
    return i;
  }

  /** The text of `<is>` (plain or rich runs, phonetic runs left out) into this.inline; the index after "</is>". */
  private readInline(b: Buffer, from: number, end: number): number {
    let i = from;
    let raw = '';
    for (;;) {
      while (i < end && b[i] !== LT) i++;
      if (i + 4 >= end) return -1;
      const next = b[i + 1]!;
      if (next === SLASH) {
        if (b[i + 2] === 105 && b[i + 3] === 115 && b[i + 4] === GT) {
          this.inline = raw.includes('&') || raw.includes('_x') ? decodeXmlText(raw) : raw;
          return i + 5;
        }
        i += 2;
        continue;
      }
      if (next === 114 && b[i + 2] === 80 && b[i + 3] === 104 && endsName(b[i + 4]!)) {
        // <rPh>: phonetic reading, not part of the text
        let j = i + 4;
        for (; j + 5 < end; j++) if (b[j] === LT && b[j + 1] === SLASH && b[j + 2] === 114 && b[j + 3] === 80 && b[j + 4] === 104 && b[j + 5] === GT) break;
        if (j + 5 >= end) return -1;
        i = j + 6;
        continue;
      }
      if (next === 116 && endsName(b[i + 2]!)) {
        let j = i + 2;
        while (j < end && b[j] !== GT) j++;
        if (j >= end) return -1;
        if (b[j - 1] === SLASH) {
          i = j + 1;
          continue;
        }
        let k = j + 1;
        while (k < end && b[k] !== LT) k++;
        if (k >= end) return -1;
        raw += this.text(b, j + 1, k);
        i = k;
        continue;
      }
      i++;
    }
  }

  /**
   * b[start, end) as text; a short ASCII one is looked up among those already made, so that a value repeated
   * over 240,000 rows is one string (less to allocate here, and to hash when the result is packed).
   */
  private text(b: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length > 24) return utf8(b, start, end);
    let hash = length;
    for (let i = start; i < end; i++) {
      const c = b[i]!;
      if (c >= 0x80) return utf8(b, start, end);
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    const known = this.texts.get(hash);
    if (known !== undefined && known.length === length) {
      let same = true;
      for (let i = 0; i < length && same; i++) same = known.charCodeAt(i) === b[start + i];
      if (same) return known;
    }
    const text = b.toString('latin1', start, end);
    if (known !== undefined || this.texts.size < MAX_KNOWN_TEXTS) this.texts.set(hash, text);
    return text;
  }

  /** The cell's value from its <v> and type. */
  private value(b: Buffer): CellValue {
    const start = this.valueStart;
    if (start < 0) return null; // no value, or a formula Excel never computed: empty, never evaluated
    const end = this.valueEnd;
    switch (this.type) {
      case CellType.Shared:
        return this.workbook.sharedStrings[parseNumber(b, start, end)] ?? null;
      case CellType.Text:
      case CellType.Inline: {
        if (start === end) return null;
        const text = this.text(b, start, end);
        return this.escaped ? decodeXmlText(text) : text;
      }
      case CellType.Boolean:
        return parseNumber(b, start, end) !== 0;
      case CellType.Error:
        return null;
      case CellType.Date:
        return isoDate(decodeXmlText(utf8(b, start, end)));
      default: {
        const n = parseNumber(b, start, end);
        if (!Number.isFinite(n)) return null;
        if (this.workbook.dateStyles[this.style] !== true) return n;
        // a history repeats a few hundred dates over many rows: one Date each (cells are never changed)
        let date = this.dates.get(n);
        if (date === undefined) this.dates.set(n, (date = excelSerialDate(n, this.workbook.date1904)));
        return date;
      }
    }
  }
}

function cellType(b: Buffer, start: number, end: number): CellType {
  const length = end - start;
  if (length === 1) {
    switch (b[start]) {
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
  if (length === 3 && b[start] === 115 && b[start + 1] === 116 && b[start + 2] === 114) return CellType.Text; // str
  if (length === 9 && b[start] === 105 && b[start + 6] === 83) return CellType.Inline; // inlineStr
  return CellType.Number;
}

/** "BC12" → 55 (1-based column); 0 when the reference has no letters. */
function columnOfReference(b: Buffer, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const code = b[i]!;
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
    if (column > 16_384) throw new BrokenXlsx('cell reference past column XFD');
  }
  return column;
}

/** Above this an unfinished row is a long one (a huge cell): wait for its end before scanning it again. */
const LONG_ROW_BYTES = 1 << 20;
const ROW_END = Buffer.from('</row>');

/** Streams one sheet's XML through the sink, row by row. */
export async function readSheetRows(bytes: Uint8Array, workbook: XlsxWorkbook, sheet: XlsxSheet, sink: RowSink): Promise<void> {
  if (sheet.entry === null) return;
  const scanner = new SheetScanner(workbook, sink);
  /** the unfinished row at the end of the last piece, and the pieces of a long one, joined once its end has come */
  let carry: Buffer[] = [];
  let carried = 0;
  const pieces = inflatePieces(bytes, sheet.entry);
  try {
    for await (const piece of pieces) {
      let from = 0;
      if (carried > 0) {
        // the unfinished row, finished by the head of this piece (a long row: once its end has come)
        const rowEnd = piece.indexOf(ROW_END);
        const joint = Buffer.concat([carry[carry.length - 1]!.subarray(-5), piece.subarray(0, 5)]).indexOf(ROW_END);
        if (rowEnd < 0 && joint < 0 && carried >= LONG_ROW_BYTES) {
          carry.push(piece);
          carried += piece.length;
          continue;
        }
        const head = rowEnd < 0 ? piece.length : rowEnd + ROW_END.length;
        const text = Buffer.concat([...carry, piece.subarray(0, head)]);
        const rest = scanner.scan(text, 0, text.length);
        if (scanner.stopped) return;
        if (rest < text.length) {
          // still unfinished (its end was not in the head after all): carry it all, as before
          carry = [Buffer.from(text.subarray(rest)), piece.subarray(head)].filter((part) => part.length > 0);
          carry = [Buffer.concat(carry)];
          carried = carry[0]!.length;
          continue;
        }
        from = head;
      }
      const rest = scanner.scan(piece, from, piece.length);
      if (scanner.stopped) return;
      // a copy: the inflater may reuse its buffer
      carry = rest < piece.length ? [Buffer.from(piece.subarray(rest))] : [];
      carried = piece.length - rest;
    }
    if (carried > 0) scanner.scan(Buffer.concat(carry), 0, carried);
  } finally {
    // stops the inflater when the sheet was left early (a limit, or only counting)
    await pieces.return(undefined);
  }
}
