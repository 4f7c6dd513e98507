// Document definitions → one PDF, in the current thread (the worker calls this; tests may too).
//
// A batch is laid out in runs (runs.ts) so that pdfmake never holds the layout of a whole batch at once; but all
// runs are drawn into ONE pdfkit document: fonts and images are embedded once, pdfkit's word-shaping cache is
// shared, and pdfkit writes each page out as the next one starts, so the finished part of the PDF is just bytes.
// A document longer than one run (a list of 50,000 people) is laid out a part at a time too (drawInParts), its
// pages continuing from part to part; its "หน้า x/y" is drawn once its last page is known.
// pdfmake 0.3's public API makes one document per definition, so this uses its own building blocks (PDFDocument,
// LayoutBuilder, TableProcessor, Renderer — the steps of Printer.createPdfKitDocument), which is why pdfmake is
// pinned exactly.
import { createRequire } from 'node:module';
import type { ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import { installJoinedContentStreams } from './content-streams';
import { copyThaiAsWritten } from './copy-text';
import { installFonts, type PdfMakeServer } from './fonts';
import type { RowRange } from './forms/types';
import { justifyThaiDistributed } from './justify';
import { installNumberShapingOnFirstFont } from './number-shaping';
import { installPageBreakRules } from './page-breaks';
import { prepareDocument } from './prepare';
import { installStyleLookup } from './style-lookup';

const require = createRequire(import.meta.url);

/** A stream of page-content operators, an object of the PDF file once ended. */
interface PdfKitReference {
  write(chunk: string): void;
  end(): void;
}
interface PdfKitPage {
  content: PdfKitReference;
  dictionary: { data: { Contents: unknown } };
  height: number;
}
/** The pdfkit document pdfmake draws into: a readable stream of PDF bytes. */
interface PdfKitDocument {
  read(): Buffer | null;
  on(event: 'readable' | 'pageAdded', listener: () => void): void;
  removeListener(event: 'pageAdded', listener: () => void): void;
  once(event: 'end' | 'error', listener: (value?: unknown) => void): void;
  end(): void;
  options: { bufferPages?: boolean };
  ref(): PdfKitReference;
  addPage(options?: unknown): PdfKitDocument;
  flushPages(): void;
  switchToPage(index: number): PdfKitPage;
  bufferedPageRange(): { start: number; count: number };
  /** the pages kept open (bufferPages), from bufferedPageRange().start */
  _pageBuffer: PdfKitPage[];
  _ctm: number[];
  _pdfMakePages?: unknown;
  /** the document catalog */
  _root: object;
  /** pdfmake's fonts by family and style: pdfkit fonts, each with its cache of shaped words */
  fontCache: Record<string, Record<string, { layoutCache?: Record<string, unknown> }>>;
}
/** A page as pdfmake lays it out: positioned lines and vectors, drawn by its Renderer. */
type LaidOutPage = unknown;
interface PageLayout {
  registerTableLayouts(layouts: unknown): void;
  layoutDocument(content: unknown, document: PdfKitDocument, styles: unknown, defaultStyle: unknown, background: unknown, header: unknown, footer: unknown, watermark: unknown, pageBreakBefore: unknown): LaidOutPage[];
}
interface PdfMakeParts {
  PDFDocument: new (fonts: unknown, images: unknown, patterns: unknown, attachments: unknown, options: unknown, virtualfs: unknown, localAccessPolicy: unknown) => PdfKitDocument;
  LayoutBuilder: new (pageSize: unknown, margins: unknown, svgMeasure: unknown) => PageLayout;
  SVGMeasure: new () => unknown;
  Renderer: new (document: PdfKitDocument, progress?: (fraction: number) => void) => { renderPages(pages: LaidOutPage[]): void };
  normalizePageSize(size: unknown, orientation: unknown): { width: number; height: number };
  normalizePageMargin(margin: unknown): unknown;
  tableLayouts: unknown;
}

let parts: PdfMakeParts | null = null;

/** Where a laid-out table records the page (from 1) that each of its rows ends on: tables that carry the key. */
const ROW_END_PAGES = Symbol('row end pages');

type RecordingTable = ContentTable & { [ROW_END_PAGES]?: number[] };

/**
 * pdfmake records the page of every line it lays out, but a row kept whole (dontBreakRows, our tables' default)
 * is laid out aside at the foot of the page first, and when it does not fit it is moved onto the next page with
 * its lines still saying the page it was tried on. Where the row really went is known once TableProcessor.endRow
 * has placed it; this records it, for the tables that ask (drawInParts cuts a long table between pages with it).
 */
function recordRowEndPages(TableProcessor: { prototype: { endRow(rowIndex: number, writer: { context(): { page: number } }, ...rest: unknown[]): unknown } }): void {
  const endRow = TableProcessor.prototype.endRow;
  TableProcessor.prototype.endRow = function (this: { tableNode: RecordingTable }, rowIndex, writer, ...rest) {
    const result = endRow.call(this, rowIndex, writer, ...rest);
    const pages = this.tableNode[ROW_END_PAGES];
    if (pages) pages[rowIndex] = writer.context().page + 1;
    return result;
  };
}

function pdfmakeParts(): PdfMakeParts {
  if (parts) return parts;
  // Every change to pdfmake's own classes is installed here, once, before anything is laid out:
  // page-breaks.ts (nothing dropped silently, tall rows may split), then the row end pages the parts cut at,
  // copy-text.ts (Thai copies as written) and justify.ts (Thai distributed). Three more only make less garbage
  // and change no byte of the PDF: pdfmake's style look-up (style-lookup.ts), and in pdfkit, numbers set without
  // shaping (number-shaping.ts, once the first font is opened) and page content written without a buffer per
  // operator (content-streams.ts, once the first PDF is opened: PdfBuilder.documentFor).
  installPageBreakRules();
  installStyleLookup();
  installNumberShapingOnFirstFont(require('pdfmake/js/PDFDocument').default.prototype);
  recordRowEndPages(require('pdfmake/js/TableProcessor').default);
  parts = {
    PDFDocument: require('pdfmake/js/PDFDocument').default,
    LayoutBuilder: require('pdfmake/js/LayoutBuilder').default,
    SVGMeasure: require('pdfmake/js/SVGMeasure').default,
    Renderer: require('pdfmake/js/Renderer').default,
    normalizePageSize: require('pdfmake/js/PageSize').normalizePageSize,
    normalizePageMargin: require('pdfmake/js/PageSize').normalizePageMargin,
    tableLayouts: require('pdfmake/js/tableLayouts').tableLayouts,
  };
  copyThaiAsWritten(parts.Renderer.prototype);
  justifyThaiDistributed(require('pdfmake/js/ElementWriter').default.prototype);
  return parts;
}

export interface RenderRun {
  definition: TDocumentDefinitions;
  thaiDigits: boolean;
}

/** One long document, as drawInParts needs it (runs.ts makes it from a form). */
export interface PartedDocument {
  /** rows of its long table */
  rowCount: number;
  /** rows laid out at a time (more when a part would not complete one page) */
  rowsPerPart: number;
  /** the document with only these rows of its long table, without its page header and footer */
  part(rows: RowRange): RenderRun;
  /** the document's page header and footer alone, over this many blank pages */
  frame(pages: number): RenderRun;
}

/** The table with the most rows in a document's content: the long table a PartedDocument's rows belong to. */
function longestTable(node: unknown): ContentTable | null {
  let best: ContentTable | null = null;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const item = value as Record<string, unknown>;
    if ('table' in item) {
      const table = item as unknown as ContentTable;
      if (!best || table.table.body.length > best.table.body.length) best = table;
    }
    for (const key of ['section', 'stack', 'columns'] as const) if (key in item) visit(item[key]);
  };
  visit(node);
  return best;
}

/** The first and last page (from 1) pdfmake recorded for a laid-out node's lines; [Infinity, 0] when none. */
function linePagesOf(node: unknown): [number, number] {
  const positions = (node as { positions?: Array<{ pageNumber: number }> } | null)?.positions ?? [];
  return positions.reduce<[number, number]>(([from, to], { pageNumber }) => [Math.min(from, pageNumber), Math.max(to, pageNumber)], [Infinity, 0]);
}

/**
 * Where to cut a laid-out part: the pages to draw now and how many of the part's rows they hold in full. The
 * rows that reach the last page are laid out again at the top of the next part, so that page fills up with the
 * rows that follow (a row reaching back onto an earlier page takes that page along). Null when no row would be
 * drawn: the part must grow.
 */
function cutBeforeLastPage(table: RecordingTable, lastPage: number): { pages: number; rows: number } | null {
  const headerRows = table.table.headerRows ?? 0;
  const body = table.table.body;
  const endPages = table[ROW_END_PAGES] ?? [];
  let pages = lastPage - 1;
  let rows = body.length - headerRows;
  for (let row = rows - 1; row >= 0; row--) {
    const index = headerRows + row;
    const last = endPages[index] ?? Infinity;
    if (last <= pages) break;
    // A row whose lines went onto several pages broke there and starts where its first line went; one whose lines
    // say one page lies whole on the page it ends on (its lines may say the page it was first tried on).
    const lines = body[index]!.map(linePagesOf);
    const [firstLine, lastLine] = [Math.min(...lines.map(([from]) => from)), Math.max(...lines.map(([, to]) => to))];
    const first = lastLine > firstLine ? firstLine : last;
    rows = row;
    pages = Math.min(pages, first - 1);
  }
  return rows > 0 && pages > 0 ? { pages, rows } : null;
}

/**
 * pdfkit keeps every word it has shaped, for good, about 1 KB each. Numbers no longer go in (number-shaping.ts sets
 * them from their characters), but a long list of other text seen once — notes, addresses — would still fill it.
 * Past this many words a font's cache starts again; the words that recur are shaped again once.
 */
const SHAPED_WORDS_KEPT = 10_000;

function forgetShapedWords(document: PdfKitDocument): void {
  for (const styles of Object.values(document.fontCache)) {
    for (const font of Object.values(styles)) {
      if (font.layoutCache && Object.keys(font.layoutCache).length > SHAPED_WORDS_KEPT) font.layoutCache = Object.create(null) as Record<string, unknown>;
    }
  }
}

/** Open pages finished (written out) between two reads of the PDF stream, at the end of a long document. */
const PAGES_FINISHED_AT_ONCE = 100;

export interface DrawProgress {
  /** how far the run or document being drawn is, 0..1 */
  onProgress?: (fraction: number) => void;
}

/** One PDF being drawn: runs and long documents go in one after another, then finish() gives its bytes. */
export class PdfBuilder {
  private document: PdfKitDocument | null = null;
  /** the finished part of the PDF, read out as it is written */
  private readonly written: Buffer[] = [];
  /** the most memory this thread's V8 heap and buffers held at any step, in bytes (the worker's own share) */
  peakBytes = 0;

  /** The pdfkit document, opened on the first run with its metadata (the title), no page drawn yet. */
  private documentFor(definition: TDocumentDefinitions): PdfKitDocument {
    if (this.document) return this.document;
    const pdfmake: PdfMakeServer = installFonts();
    const { PDFDocument, normalizePageSize } = pdfmakeParts();
    const size = normalizePageSize(definition.pageSize, definition.pageOrientation);
    // pdfmake's own PDFDocument (pdfkit with its fonts), with the options Printer.createPdfKitDocument gives it
    // for our definitions; fonts come from the virtual file system only.
    const info = Object.fromEntries(Object.entries({ producer: 'pdfmake', creator: 'pdfmake', ...definition.info }).map(([key, value]) => [key.charAt(0).toUpperCase() + key.slice(1), value]));
    this.document = new PDFDocument(pdfmake.fonts, {}, {}, {}, { size: [size.width, size.height], pdfVersion: '1.3', compress: true, fontLayoutCache: true, bufferPages: false, autoFirstPage: false, tagged: false, displayTitle: false, info, font: null }, pdfmake.virtualfs, () => false);
    // Its catalog is a pdfkit PDFReference like every page's content stream: the class content-streams.ts patches
    // (once per process, before anything is written).
    installJoinedContentStreams(this.document._root);
    return this.document;
  }

  private noteMemory(): void {
    const { heapTotal, external } = process.memoryUsage();
    this.peakBytes = Math.max(this.peakBytes, heapTotal + external);
  }

  /** Lays out a run (prepared for Thai in place first); its content nodes then carry their page positions. */
  private layout(run: RenderRun): { document: PdfKitDocument; pages: LaidOutPage[] } {
    const document = this.documentFor(run.definition);
    const { LayoutBuilder, SVGMeasure, normalizePageSize, normalizePageMargin, tableLayouts } = pdfmakeParts();
    const definition = prepareDocument(run.definition, { thaiDigits: run.thaiDigits });
    const builder = new LayoutBuilder(normalizePageSize(definition.pageSize, definition.pageOrientation), normalizePageMargin(definition.pageMargins ?? 40), new SVGMeasure());
    builder.registerTableLayouts(tableLayouts);
    const pages = builder.layoutDocument(definition.content, document, definition.styles ?? {}, definition.defaultStyle ?? {}, definition.background, definition.header, definition.footer, definition.watermark, definition.pageBreakBefore);
    this.noteMemory();
    return { document, pages };
  }

  /** Draws laid-out pages as new pages of the PDF, and reads out what pdfkit has written. */
  private draw(document: PdfKitDocument, pages: LaidOutPage[], onProgress?: (fraction: number) => void): void {
    const { Renderer } = pdfmakeParts();
    new Renderer(document, onProgress).renderPages(pages);
    // The renderer leaves the pages on the document ("TODO: Why?" in pdfmake): a whole part's layout, let go here.
    delete document._pdfMakePages;
    this.noteMemory();
    this.drain(document);
    forgetShapedWords(document);
  }

  // The runs are drawn without a pause, so the stream never gets the chance to flow: its buffer is read out after
  // each run instead. Left in the stream, pdfkit's many small chunks (each pinning a slab of Node's buffer pool)
  // held about 40 KB a page until the end; read() hands them back as one copy.
  private drain(document: PdfKitDocument): void {
    for (let chunk = document.read(); chunk !== null; chunk = document.read()) this.written.push(chunk);
  }

  /** Lays out a run and draws all its pages; returns how many. */
  drawRun(run: RenderRun, progress: DrawProgress = {}): number {
    const { document, pages } = this.layout(run);
    this.draw(document, pages, progress.onProgress);
    return pages.length;
  }

  /**
   * Lays out one long document a part at a time and draws it; returns its page count. Each part is drawn but for
   * its last page, whose rows start the next part, so every page is as full as one layout of the whole would make
   * it, and the table's header row repeats on each. The page header and footer ("หน้า x/y") need the page count:
   * the pages stay open (pdfkit's bufferPages) with their drawn content already written out as a finished stream;
   * at the end the header and footer are laid out over that many pages and drawn into a second content stream of
   * each page (a PDF page may have several). What stays in memory meanwhile is a few small objects a page.
   */
  drawInParts(long: PartedDocument, progress: DrawProgress = {}): number {
    let document: PdfKitDocument | null = null;
    /** this document's pages whose drawn content is written out: all but the one being drawn */
    const sealed: PdfKitPage[] = [];
    const sealOnNewPage = () => this.sealPages(document!, sealed, document!._pageBuffer.length - 1);
    let start = 0;
    while (start < long.rowCount) {
      let end = Math.min(long.rowCount, start + long.rowsPerPart);
      for (;;) {
        const run = long.part({ start, end });
        const table: RecordingTable | null = longestTable(run.definition.content);
        if (table) table[ROW_END_PAGES] = [];
        const laidOut = this.layout(run);
        if (!document) {
          document = laidOut.document;
          // Pages before this document are finished; its own stay open until its page count is known.
          document.flushPages();
          document.options.bufferPages = true;
          document.on('pageAdded', sealOnNewPage);
        }
        const pages = laidOut.pages;
        const last = end === long.rowCount;
        const cut = last ? { pages: pages.length, rows: end - start } : table && cutBeforeLastPage(table, pages.length);
        if (!cut) {
          end = Math.min(long.rowCount, end + long.rowsPerPart);
          continue;
        }
        const [before, rows] = [start, cut.rows];
        this.draw(document, pages.slice(0, cut.pages), progress.onProgress && ((fraction) => progress.onProgress!((before + fraction * rows) / long.rowCount)));
        start += cut.rows;
        break;
      }
    }
    if (!document) throw new Error('a long document with no rows');
    document.removeListener('pageAdded', sealOnNewPage);
    this.sealPages(document, sealed, document._pageBuffer.length);
    this.drawFrame(long.frame(sealed.length), document.bufferedPageRange().start, sealed.length);
    return sealed.length;
  }

  /**
   * Ends the drawn content of the open pages up to `finished` (not counting those already done): it is compressed
   * and written out now, as pdfkit does when it moves on from a page it does not keep, and each page gets a new,
   * empty content stream for its header and footer. Done as each page starts: a part's pages held as pdfkit's many
   * small chunks until the end of the part cost half again as much garbage collection.
   */
  private sealPages(document: PdfKitDocument, sealed: PdfKitPage[], finished: number): void {
    for (let index = sealed.length; index < finished; index++) {
      const page = document._pageBuffer[index]!;
      const drawnContent = page.content;
      drawnContent.end();
      page.content = document.ref();
      page.dictionary.data.Contents = [drawnContent, page.content];
      // The header and footer draw in the state the drawn content ends in; q … Q keeps theirs to themselves.
      page.content.write('q');
      sealed.push(page);
    }
  }

  /** Lays out the header and footer over `pages` pages and draws them onto the open pages, then finishes those. */
  private drawFrame(frame: RenderRun, firstPage: number, pages: number): void {
    const { document, pages: laidOut } = this.layout(frame);
    if (laidOut.length !== pages) throw new Error(`page header and footer laid out over ${laidOut.length} pages, not ${pages}`);
    let next = firstPage;
    // pdfmake's renderer starts a page for each laid-out page: here it steps through the open pages instead.
    document.addPage = () => {
      const page = document.switchToPage(next++);
      document._ctm = [1, 0, 0, -1, 0, page.height]; // as pdfkit sets it on a new page (y from the top)
      return document;
    };
    try {
      this.drawOnOpenPages(document, laidOut);
    } finally {
      Reflect.deleteProperty(document, 'addPage');
    }
    for (let index = 0; index < pages; index++) document.switchToPage(firstPage + index).content.write('Q');
    // Finished a slice of pages at a time, read out in between: a finished page's compressed stream keeps a 16 KB
    // zlib output buffer until read out (over 3,572 pages, ~70 MB more at once at the end of the print).
    const open = document._pageBuffer;
    for (let start = 0; start < open.length; start += PAGES_FINISHED_AT_ONCE) {
      document._pageBuffer = open.slice(start, start + PAGES_FINISHED_AT_ONCE);
      document.flushPages();
      this.drain(document);
    }
    document.options.bufferPages = false;
  }

  private drawOnOpenPages(document: PdfKitDocument, pages: LaidOutPage[]): void {
    const { Renderer } = pdfmakeParts();
    new Renderer(document).renderPages(pages);
    delete document._pdfMakePages;
  }

  /** Ends the PDF and returns its bytes. */
  async finish(): Promise<Buffer> {
    const finished = this.document;
    if (!finished) throw new Error('nothing to render');
    await new Promise<void>((resolve, reject) => {
      finished.on('readable', () => this.drain(finished));
      finished.once('end', () => resolve());
      finished.once('error', reject);
      finished.end();
    });
    return Buffer.concat(this.written);
  }
}

/** Lays out and draws each run in turn into one PDF. Runs are taken one at a time from the iterable. */
export async function renderRuns(runs: Iterable<RenderRun>): Promise<Buffer> {
  const pdf = new PdfBuilder();
  for (const run of runs) pdf.drawRun(run);
  return await pdf.finish();
}

/** One document definition → PDF bytes. */
export async function renderDocument(definition: TDocumentDefinitions, options: { thaiDigits: boolean }): Promise<Buffer> {
  return await renderRuns([{ definition, thaiDigits: options.thaiDigits }]);
}
