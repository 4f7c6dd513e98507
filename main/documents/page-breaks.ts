// Two corrections to how pdfmake 0.3.11 (pinned exactly) breaks content over pages. Both patch pdfmake's own
// classes once per process (installPageBreakRules(), called by render.ts before anything is laid out).
//
// 1. Nothing vanishes. An unbreakable block — a table row under `dontBreakRows`, a node marked `unbreakable` —
//    is laid out into a scratch context of unlimited height (PageElementWriter.beginUnbreakableBlock asks for
//    `getCurrentPage().height`, which pdfmake's pages do not have) and then added to the page as one fragment. A
//    fragment taller than a whole page fits no page: pdfmake's addFragment returns false, a new page is tried
//    once, and the block is dropped without a word. Found when a name list skipped row 5 (4, 6, 7 …). Now that
//    ends the render with a Thai message naming the row (or the text) that could not be placed.
// 2. A row may split when it must. pdfmake keeps either every row of a table whole or none. Our tables keep
//    rows whole (a row read across a page break is easy to misread), except the rows a table marks with
//    allowRowToSplit(): rows too tall to keep on one page, which then break at the page end like text, the
//    header repeated on the next page.
import { createRequire } from 'node:module';
import type { TableCell } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);

/** Rows (the body arrays of our tables) that may break across pages. */
const splittableRows = new WeakSet<object>();

/** Lets this row of a `dontBreakRows` table break across pages (it is too tall to keep on one). */
export function allowRowToSplit(row: TableCell[]): void {
  splittableRows.add(row);
}

/** Content that fits no page, even alone on an empty one. */
export class ContentTooTallError extends Error {
  constructor(
    message: string,
    /** the same in English, for an English screen */
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'ContentTooTallError';
  }
}

interface Fragment {
  height: number;
  items: { type: string; item: { inlines?: { text: string }[] } }[];
}

interface WriterContext {
  availableHeight: number;
}

interface PageElementWriterPrototype {
  addFragment(this: { context(): WriterContext }, fragment: Fragment, useBlockXOffset?: boolean, useBlockYOffset?: boolean, dontUpdateContextPosition?: boolean): unknown;
}

interface TableProcessorInstance {
  dontBreakRows: boolean;
  headerRows: number;
  tableNode: { table: { body: TableCell[][] } };
}

interface TableProcessorPrototype {
  beginRow(this: TableProcessorInstance, rowIndex: number, writer: unknown): void;
  endRow(this: TableProcessorInstance, rowIndex: number, writer: unknown, pageBreaks: unknown): void;
}

/** The first words of a fragment, to name it in an error. */
function fragmentText(fragment: Fragment): string {
  const words: string[] = [];
  for (const { type, item } of fragment.items) {
    if (type === 'line' && item.inlines) words.push(item.inlines.map((inline) => inline.text).join(''));
    if (words.join(' ').length > 60) break;
  }
  return shorten(words.join(' '));
}

function cellText(cell: TableCell | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'string' || typeof cell === 'number') return String(cell);
  const text = (cell as { text?: unknown }).text;
  if (typeof text === 'string' || typeof text === 'number') return String(text);
  if (Array.isArray(text)) return text.map((inline) => cellText(inline as TableCell)).join('');
  return '';
}

function shorten(text: string): string {
  const plain = text.replace(/\u200B/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > 60 ? `${plain.slice(0, 60)}…` : plain;
}

let installed = false;

/** Patches pdfmake's page-breaking classes once (idempotent). */
export function installPageBreakRules(): void {
  if (installed) return;
  installed = true;
  const writer = require('pdfmake/js/PageElementWriter').default.prototype as PageElementWriterPrototype;
  const addFragment = writer.addFragment;
  writer.addFragment = function (fragment, useBlockXOffset, useBlockYOffset, dontUpdateContextPosition) {
    const position = addFragment.call(this, fragment, useBlockXOffset, useBlockYOffset, dontUpdateContextPosition);
    // Repeated headers (useBlockXOffset) are placed without a height check; anything else that returns false
    // here was tried on a fresh page too and is about to be lost.
    if (position === false && !useBlockXOffset) {
      const text = fragmentText(fragment);
      throw new ContentTooTallError(`เนื้อหาสูงเกินหนึ่งหน้ากระดาษ จึงจัดลงหน้าไม่ได้${text ? `: "${text}"` : ''}`, `Some content is taller than a page and cannot be placed${text ? `: "${text}"` : ''}`);
    }
    return position;
  };

  const processor = require('pdfmake/js/TableProcessor').default.prototype as TableProcessorPrototype;
  const beginRow = processor.beginRow;
  processor.beginRow = function (rowIndex, writerInstance) {
    const row = this.tableNode.table.body[rowIndex];
    if (!this.dontBreakRows || !row || !splittableRows.has(row)) return beginRow.call(this, rowIndex, writerInstance);
    // The row is laid out as in a table whose rows may break: no unbreakable block around it.
    this.dontBreakRows = false;
    try {
      beginRow.call(this, rowIndex, writerInstance);
    } finally {
      this.dontBreakRows = true;
    }
  };
  const endRow = processor.endRow;
  processor.endRow = function (rowIndex, writerInstance, pageBreaks) {
    try {
      endRow.call(this, rowIndex, writerInstance, pageBreaks);
    } catch (error) {
      if (!(error instanceof ContentTooTallError)) throw error;
      const row = this.tableNode.table.body[rowIndex] ?? [];
      const isHeader = rowIndex < this.headerRows;
      const first = shorten(row.map(cellText).filter((text) => text.trim()).join(' '));
      const which = isHeader ? 'หัวตาราง' : `แถวที่ ${rowIndex - this.headerRows + 1} ของตาราง`;
      const whichEn = isHeader ? 'The table header' : `Row ${rowIndex - this.headerRows + 1} of the table`;
      const quoted = first ? ` (${first})` : '';
      throw new ContentTooTallError(`${which} สูงเกินหนึ่งหน้ากระดาษ จึงจัดลงหน้าไม่ได้${quoted}`, `${whichEn} is taller than a page and cannot be placed${quoted}`);
    }
  };
}
