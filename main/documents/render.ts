// Document definition → PDF bytes, in the current thread. The worker (worker.ts) calls this; tests and the
// benchmark may call it directly.
import type { DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { installFonts } from './fonts';
import { prepareDocument, type PrepareOptions } from './prepare';

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
}

export async function renderDocument(definition: TDocumentDefinitions, options: PrepareOptions): Promise<RenderedPdf> {
  const pdfmake = installFonts();
  const prepared = prepareDocument(definition, options);

  // pdfmake calls the footer once per page with the page count: the cheapest way to learn how many pages
  // were laid out without parsing the PDF.
  let pages = 0;
  const footer = prepared.footer;
  const countingFooter: DynamicContent = (currentPage, pageCount, pageSize) => {
    pages = pageCount;
    if (typeof footer === 'function') return footer(currentPage, pageCount, pageSize);
    return footer ?? null;
  };
  prepared.footer = countingFooter;

  const pdf = await pdfmake.createPdf(prepared).getBuffer();
  return { pdf, pages };
}
