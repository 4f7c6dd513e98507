import { call, type CallOptions } from '../api';

/** One printable form as documents.forms.list describes it. */
export interface DocumentForm {
  id: string;
  titleTh: string;
  titleEn: string;
  orientation: 'portrait' | 'landscape';
  /** a page that exists to check the PDF engine, hidden from the office unless asked for */
  test: boolean;
}

export interface RenderedDocument {
  pdfBase64: string;
  pages: number;
  fileName: string;
}

// TEMPORARY cast: documents.forms.list / .render are being added to main/api/contract by the documents engineer.
// When they land, delete this block and call `call('documents.forms.list', {})` directly.
interface PendingDocumentMethods {
  'documents.forms.list': { input: Record<string, never>; output: DocumentForm[] };
  'documents.forms.render': { input: { formId: string; useSample: true }; output: RenderedDocument };
}
export const callDocuments = call as unknown as <N extends keyof PendingDocumentMethods>(
  method: N,
  input: PendingDocumentMethods[N]['input'],
  options?: CallOptions,
) => Promise<PendingDocumentMethods[N]['output']>;

/** The PDF bytes as a blob: URL the preview frame, print and save all use (CSP allows blob: frames). */
export function pdfBlobUrl(pdfBase64: string): string {
  const binary = atob(pdfBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}
