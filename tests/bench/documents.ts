// Benchmark of the Thai PDF engine beside bare pdfmake on the same kind of page (DESIGN.md performance targets).
// Each measurement runs in its own child process, so its peak RSS (getrusage maxRSS) is its own.
// Run alone: npx tsx tests/bench/documents.ts
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
const thisFile = fileURLToPath(import.meta.url);

/** Rows per A4 portrait page of the benchmark table (measured: every third row wraps its note). */
const ROWS_PER_PAGE = 9;
const VILLAGES = ['บ้านหนองบัวทอง', 'บ้านโนนสะอาดพัฒนา', 'บ้านดอนตาลเหนือ', 'บ้านห้วยน้ำใส'];

function person(index: number) {
  return {
    title: index % 2 ? 'นาง' : 'นาย',
    firstName: ['สมศักดิ์', 'กิ่งแก้ว', 'บุญมี', 'น้ำฝน', 'ประไพ'][index % 5]!,
    lastName: ['ศรีสุวรรณ์', 'ด้วงทอง', 'ใจดีมาก', 'ปั้นงาม'][index % 4]!,
    village: (index % 12) + 1,
    houseNumber: `${(index % 300) + 1}/${index % 7}`,
    phone: `08${index % 10}-${String(index % 1000).padStart(3, '0')}-${String(index % 10000).padStart(4, '0')}`,
    note: index % 3 === 0 ? `ผู้แทนกลุ่มเกษตรกร${VILLAGES[index % VILLAGES.length]}` : '',
  };
}

function people(pages: number) {
  return Array.from({ length: pages * ROWS_PER_PAGE }, (_, index) => person(index));
}

interface Measurement {
  seconds: number;
  pages: number;
  peakRssMb: number;
}

async function measureApp(pages: number): Promise<Measurement> {
  const { renderForm } = await import('../../main/documents/engine');
  const { sampleOffice } = await import('../../main/documents/forms/samples');
  const data = { title: 'รายชื่อสมาชิกกองทุนสวัสดิการชุมชน', columns: ['order', 'name', 'village', 'houseNumber', 'phone', 'note'], people: people(pages) };
  const started = performance.now();
  const result = await renderForm('name-list', data, { office: sampleOffice(), pageNumbers: true });
  return { seconds: (performance.now() - started) / 1000, pages: result.pages, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** Bare pdfmake: the same rows in a plain table, Sarabun, no segmentation, no worker. */
async function measureBare(pages: number): Promise<Measurement> {
  const pdfmake = require('pdfmake') as {
    addFonts(fonts: object): void;
    setUrlAccessPolicy(callback: () => boolean): void;
    setLocalAccessPolicy(callback: () => boolean): void;
    createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  };
  const font = (file: string) => require.resolve(`@expo-google-fonts/sarabun/${file}`);
  pdfmake.addFonts({ Sarabun: { normal: font('400Regular/Sarabun_400Regular.ttf'), bold: font('700Bold/Sarabun_700Bold.ttf'), italics: font('400Regular/Sarabun_400Regular.ttf'), bolditalics: font('700Bold/Sarabun_700Bold.ttf') } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
  const rows = people(pages).map((entry, index) => [String(index + 1), `${entry.title}${entry.firstName} ${entry.lastName}`, String(entry.village), entry.houseNumber, entry.phone, entry.note]);
  let pageCount = 0;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [85, 71, 57, 57],
    defaultStyle: { font: 'Sarabun', fontSize: 14, lineHeight: 1.2 },
    footer: (current, count) => {
      pageCount = count;
      return { text: `หน้า ${current}/${count}`, alignment: 'right', margin: [85, 10, 57, 0] };
    },
    content: [
      { text: 'รายชื่อสมาชิกกองทุนสวัสดิการชุมชน', fontSize: 20, bold: true, alignment: 'center' },
      { table: { headerRows: 1, widths: [34, 143, 32, 48, 77, 69], dontBreakRows: true, body: [['ลำดับ', 'ชื่อ-สกุล', 'หมู่ที่', 'บ้านเลขที่', 'โทรศัพท์', 'หมายเหตุ'], ...rows] } },
    ],
  };
  const started = performance.now();
  await pdfmake.createPdf(definition).getBuffer();
  return { seconds: (performance.now() - started) / 1000, pages: pageCount, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function measureOnePageForm(runs: number): Promise<number[]> {
  const { renderForm } = await import('../../main/documents/engine');
  const { requireForm } = await import('../../main/documents/document');
  const { sampleOffice } = await import('../../main/documents/forms/samples');
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await renderForm('letter', requireForm('letter').sample(), { office: sampleOffice() });
    times.push(performance.now() - started);
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs one case in a fresh process (tsx), so peak memory is measured alone. */
function inChild<T>(caseName: string): T {
  const output = execFileSync(process.execPath, ['--import', 'tsx', thisFile, '--case', caseName], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const line = output.trim().split('\n').pop()!;
  return JSON.parse(line) as T;
}

export async function benchDocuments(): Promise<Array<{ name: string; app: string; baseline: string; note?: string }>> {
  const rows: Array<{ name: string; app: string; baseline: string; note?: string }> = [];
  const repeats = 3;
  for (const pages of [100, 1000]) {
    const app: Measurement[] = [];
    const bare: Measurement[] = [];
    for (let run = 0; run < repeats; run++) {
      app.push(inChild<Measurement>(`app-${pages}`));
      bare.push(inChild<Measurement>(`bare-${pages}`));
    }
    const appRate = median(app.map((m) => m.pages / m.seconds));
    const bareRate = median(bare.map((m) => m.pages / m.seconds));
    rows.push({
      name: `Thai table, ${app[0]!.pages} pages: pages/s (median of ${repeats})`,
      app: appRate.toFixed(1),
      baseline: bareRate.toFixed(1),
      note: `${(appRate / bareRate).toFixed(2)}× bare pdfmake (target ≥ 0.8×); includes worker start`,
    });
    rows.push({
      name: `Thai table, ${app[0]!.pages} pages: peak RSS MB (median)`,
      app: median(app.map((m) => m.peakRssMb)).toFixed(0),
      baseline: median(bare.map((m) => m.peakRssMb)).toFixed(0),
    });
  }
  const times = inChild<number[]>('one-page');
  rows.push({
    name: 'one-page letter, request to bytes (ms, median of 7)',
    app: median(times.slice(1)).toFixed(0),
    baseline: '300 (target)',
    note: `first call (cold) ${times[0]!.toFixed(0)} ms; each call starts a worker`,
  });
  return rows;
}

async function runCase(name: string): Promise<unknown> {
  const [kind, size] = name.split('-');
  if (kind === 'app') return measureApp(Number(size));
  if (kind === 'bare') return measureBare(Number(size));
  if (name === 'one-page') return measureOnePageForm(8);
  throw new Error(`unknown case ${name}`);
}

if (process.argv[1] === thisFile) {
  const caseIndex = process.argv.indexOf('--case');
  if (caseIndex > 0) {
    runCase(process.argv[caseIndex + 1]!).then((result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    }, (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  } else {
    benchDocuments().then((rows) => console.table(rows), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  }
}
