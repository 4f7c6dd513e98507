// Document definitions → one PDF, in the current thread (the worker calls this; tests may too).
//
// A batch is laid out in runs (runs.ts) so that pdfmake never holds the layout of a whole batch at once; but all
// runs are drawn into ONE pdfkit document: fonts and images are embedded once, pdfkit's word-shaping cache is
// shared, and pdfkit writes each page out as the next one starts, so the finished part of the PDF is just bytes.
// pdfmake 0.3's public API makes one document per definition, so this uses its own building blocks (Printer,
// LayoutBuilder, Renderer — the steps of Printer.createPdfKitDocument), which is why pdfmake is pinned exactly.
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { copyThaiAsWritten } from './copy-text';
import { installFonts, type PdfMakeServer } from './fonts';
import { justifyThaiDistributed } from './justify';
import { prepareDocument } from './prepare';

const require = createRequire(import.meta.url);

/** The pdfkit document pdfmake draws into: a readable stream of PDF bytes. */
interface PdfKitDocument {
  read(): Buffer | null;
  on(event: 'readable', listener: () => void): void;
  once(event: 'end' | 'error', listener: (value?: unknown) => void): void;
  end(): void;
}
interface PageLayout {
  registerTableLayouts(layouts: unknown): void;
  layoutDocument(content: unknown, document: PdfKitDocument, styles: unknown, defaultStyle: unknown, background: unknown, header: unknown, footer: unknown, watermark: unknown, pageBreakBefore: unknown): unknown[];
}
interface PdfMakeParts {
  Printer: new (fonts: unknown, virtualfs: unknown, urlResolver: unknown, localAccessPolicy: unknown) => {
    createPdfKitDocument(definition: TDocumentDefinitions, options: { progressCallback?: (fraction: number) => void }): Promise<PdfKitDocument>;
  };
  URLResolver: new (virtualfs: unknown) => { setUrlAccessPolicy(policy: () => boolean): void };
  LayoutBuilder: new (pageSize: unknown, margins: unknown, svgMeasure: unknown) => PageLayout;
  SVGMeasure: new () => unknown;
  Renderer: new (document: PdfKitDocument, progress?: (fraction: number) => void) => { renderPages(pages: unknown[]): void };
  normalizePageSize(size: unknown, orientation: unknown): unknown;
  normalizePageMargin(margin: unknown): unknown;
  tableLayouts: unknown;
}

let parts: PdfMakeParts | null = null;

function pdfmakeParts(): PdfMakeParts {
  parts ??= {
    Printer: require('pdfmake/js/Printer').default,
    URLResolver: require('pdfmake/js/URLResolver').default,
    LayoutBuilder: require('pdfmake/js/LayoutBuilder').default,
    SVGMeasure: require('pdfmake/js/SVGMeasure').default,
    Renderer: require('pdfmake/js/Renderer').default,
    normalizePageSize: require('pdfmake/js/PageSize').normalizePageSize,
    normalizePageMargin: require('pdfmake/js/PageSize').normalizePageMargin,
    tableLayouts: require('pdfmake/js/tableLayouts').tableLayouts,
  };
  // two typographic fixes to pdfmake's own classes, installed once: copy-text.ts and justify.ts say why
  copyThaiAsWritten(parts.Renderer.prototype);
  justifyThaiDistributed(require('pdfmake/js/ElementWriter').default.prototype);
  return parts;
}

export interface RenderRun {
  definition: TDocumentDefinitions;
  thaiDigits: boolean;
}

export interface RenderRunsOptions {
  /** pdfmake's progress within one run, 0..1 */
  onRunProgress?: (fraction: number) => void;
}

/** Lays out and draws each run in turn into one PDF. Runs are taken one at a time from the iterable. */
export async function renderRuns(runs: Iterable<RenderRun>, options: RenderRunsOptions = {}): Promise<Buffer> {
  const pdfmake: PdfMakeServer = installFonts();
  const { Printer, URLResolver, LayoutBuilder, SVGMeasure, Renderer, normalizePageSize, normalizePageMargin, tableLayouts } = pdfmakeParts();
  // The runs are drawn without a pause, so the stream never gets the chance to flow: its buffer is read out after
  // each run instead. Left in the stream, pdfkit's many small chunks (each pinning a slab of Node's buffer pool)
  // held about 40 KB a page until the end; read() hands them back as one copy.
  const written: Buffer[] = [];
  const drain = (from: PdfKitDocument) => {
    for (let chunk = from.read(); chunk !== null; chunk = from.read()) written.push(chunk);
  };
  let document: PdfKitDocument | null = null;

  for (const run of runs) {
    const definition = prepareDocument(run.definition, { thaiDigits: run.thaiDigits });
    if (!document) {
      const urlResolver = new URLResolver(pdfmake.virtualfs);
      urlResolver.setUrlAccessPolicy(() => false);
      const printer = new Printer(pdfmake.fonts, pdfmake.virtualfs, urlResolver, () => false);
      document = await printer.createPdfKitDocument(definition, { progressCallback: options.onRunProgress });
    } else {
      const builder = new LayoutBuilder(normalizePageSize(definition.pageSize, definition.pageOrientation), normalizePageMargin(definition.pageMargins ?? 40), new SVGMeasure());
      builder.registerTableLayouts(tableLayouts);
      const pages = builder.layoutDocument(definition.content, document, definition.styles ?? {}, definition.defaultStyle ?? {}, definition.background, definition.header, definition.footer, definition.watermark, definition.pageBreakBefore);
      new Renderer(document, options.onRunProgress).renderPages(pages);
    }
    drain(document);
  }
  if (!document) throw new Error('nothing to render');

  const finished = document;
  await new Promise<void>((resolve, reject) => {
    finished.on('readable', () => drain(finished));
    finished.once('end', () => resolve());
    finished.once('error', reject);
    finished.end();
  });
  return Buffer.concat(written);
}

/** One document definition → PDF bytes. */
export async function renderDocument(definition: TDocumentDefinitions, options: { thaiDigits: boolean }): Promise<Buffer> {
  return await renderRuns([{ definition, thaiDigits: options.thaiDigits }]);
}
