// npm run pdf:png -- file.pdf [dpi] [first-last]
// Writes each page of a PDF as file-p1.png, file-p2.png … beside it, drawn by the same renderer as the golden
// pages (pdf.js on @napi-rs/canvas), so that a person can look at what the engine printed without poppler.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { pageImage, pdfPageCount } from './pdf-tools';

const [file, dpiText = '100', range] = process.argv.slice(2);
if (!file || !fs.existsSync(file)) {
  console.error('ใช้: npm run pdf:png -- ไฟล์.pdf [dpi] [หน้าแรก-หน้าสุดท้าย]   (usage: npm run pdf:png -- file.pdf [dpi] [first-last])');
  process.exit(2);
}
const dpi = Number(dpiText);
const pages = await pdfPageCount(file);
const [first, last] = range ? range.split('-').map(Number) : [1, pages];
const base = path.join(path.dirname(file), path.basename(file, '.pdf'));
for (let page = first!; page <= Math.min(last ?? first!, pages); page++) {
  const output = `${base}-p${page}.png`;
  fs.writeFileSync(output, PNG.sync.write(await pageImage(file, page, dpi)));
  console.log(output);
}
