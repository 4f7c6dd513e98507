// The text of a PDF a print method returned (base64), made comparable (tests/documents/pdf-tools.ts comparable):
// the integration suites check printed figures against the records with it.
import fs from 'node:fs';
import path from 'node:path';
import { comparable, pdfText } from '../documents/pdf-tools';
import { tempDir } from './temp';

export async function printedText(pdfBase64: string): Promise<string> {
  const file = path.join(tempDir(), 'printed.pdf');
  fs.writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return comparable(await pdfText(file));
}
