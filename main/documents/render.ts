// Document definition → PDF bytes, in the current thread. The worker (worker.ts) calls this; tests may too.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { installFonts } from './fonts';
import { prepareDocument, type PrepareOptions } from './prepare';

export async function renderDocument(definition: TDocumentDefinitions, options: PrepareOptions): Promise<Buffer> {
  return await installFonts().createPdf(prepareDocument(definition, options)).getBuffer();
}
