// The text of a PDF a print method returned (base64), made comparable (tests/documents/pdf-tools.ts comparable):
// the integration suites check printed figures against the records with it.
import fs from 'node:fs';
import path from 'node:path';
import { comparable, pdfText } from '../documents/pdf-tools';
import { tempDir } from './temp';

/** KEEP_DOCUMENTS=<folder> keeps the PDFs for a person to look at (npm run pdf:png). */
export async function printedText(pdfBase64: string, name = 'printed'): Promise<string> {
  const folder = process.env.KEEP_DOCUMENTS ?? tempDir();
  const file = path.join(folder, `${name}-${fs.readdirSync(folder).length + 1}.pdf`);
  fs.writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return comparable(await pdfText(file));
}
