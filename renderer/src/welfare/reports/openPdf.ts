import { pdfBlobUrl } from '../../documents/documentsApi';
import { saveBase64 } from '../../ui/files';

/** A printed report in a window of its own (the PDF viewer prints it); saved as a file where no window opens. */
export function openPdf(printed: { pdfBase64: string; fileName: string }): void {
  if (!window.open(pdfBlobUrl(printed.pdfBase64), '_blank')) saveBase64(printed.fileName, printed.pdfBase64, 'application/pdf');
}
