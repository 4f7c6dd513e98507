// The Thai PDF engine beside bare pdfmake on the same content (DESIGN.md performance targets).
// "Same content": the very document definition our forms compose, given straight to pdfmake in this thread —
// no word-break pass, no worker, no runs. Each case runs in a fresh child process, so its peak RSS
// (getrusage maxRSS, which includes worker threads) is its own. Run alone: npx tsx tests/bench/documents.ts
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './measure';

const thisFile = fileURLToPath(import.meta.url);

/** Rows per page of the benchmark list (portrait A4, 14 pt; measured: 1,300 rows lay out on 97 pages). */
const ROWS_PER_PAGE = 13;
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

/** One list of `rows` people: the name-list form's data. */
function nameList(title: string, rows: number, offset = 0) {
  return { title, columns: ['order', 'name', 'village', 'houseNumber', 'phone', 'note'], people: Array.from({ length: rows }, (_, index) => person(offset + index)) };
}

/** A table of about `pages` pages: one long list, or a batch of 10-page village lists. */
function workload(pages: number, shape: 'document' | 'batch') {
  if (shape === 'document') return [nameList('รายชื่อสมาชิกกองทุนสวัสดิการชุมชน', pages * ROWS_PER_PAGE)];
  return Array.from({ length: pages / 10 }, (_, index) => nameList(`รายชื่อสมาชิก หมู่ที่ ${index + 1}`, 10 * ROWS_PER_PAGE, index * 10 * ROWS_PER_PAGE));
}

interface Measurement {
  seconds: number;
  pages: number;
  peakRssMb: number;
}

const office = async () => (await import('../../main/documents/forms/samples')).sampleOffice();

async function measureApp(pages: number, shape: 'document' | 'batch'): Promise<Measurement> {
  const { renderBatch, renderForm } = await import('../../main/documents/engine');
  const options = { office: await office() };
  // The app keeps its worker warm: by the time someone prints a register, it has printed a letter and a short list.
  await renderForm('letter', (await import('../../main/documents/document')).requireForm('letter').sample(), options);
  await renderForm('name-list', nameList('รายชื่อ', 30), options);
  const items = workload(pages, shape);
  const started = performance.now();
  const result = await renderBatch('name-list', items, options);
  return { seconds: (performance.now() - started) / 1000, pages: result.pages, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function measureBare(pages: number, shape: 'document' | 'batch'): Promise<Measurement> {
  const { composeBatch, parseFormData, requireForm } = await import('../../main/documents/document');
  const { installFonts } = await import('../../main/documents/fonts');
  const pdfmake = installFonts();
  const form = requireForm('name-list');
  const items = workload(pages, shape).map((item) => parseFormData(form, item));
  const composed = composeBatch(form, items, { office: await office() });
  const started = performance.now();
  await pdfmake.createPdf(composed.definition).getBuffer();
  return { seconds: (performance.now() - started) / 1000, pages: composed.pageCount(), peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function measureOnePageForm(runs: number): Promise<number[]> {
  const { renderForm } = await import('../../main/documents/engine');
  const { requireForm } = await import('../../main/documents/document');
  const options = { office: await office() };
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await renderForm('letter', requireForm('letter').sample(), options);
    times.push(performance.now() - started);
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function inChild<T>(caseName: string): T {
  const output = execFileSync(process.execPath, ['--import', 'tsx', thisFile, '--case', caseName], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').pop()!) as T;
}

export async function benchDocuments(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const repeats = 3;
  const cases: Array<{ pages: number; shape: 'document' | 'batch'; label: string }> = [
    { pages: 100, shape: 'document', label: '100-page Thai table, one document' },
    { pages: 1000, shape: 'document', label: '1,000-page Thai table, one document' },
    { pages: 100, shape: 'batch', label: '100 pages, batch of 10 lists' },
    { pages: 1000, shape: 'batch', label: '1,000 pages, batch of 100 lists' },
  ];
  for (const { pages, shape, label } of cases) {
    const app: Measurement[] = [];
    const bare: Measurement[] = [];
    for (let run = 0; run < repeats; run++) {
      app.push(inChild<Measurement>(`app-${shape}-${pages}`));
      bare.push(inChild<Measurement>(`bare-${shape}-${pages}`));
    }
    const appRate = median(app.map((m) => m.pages / m.seconds));
    const bareRate = median(bare.map((m) => m.pages / m.seconds));
    rows.push({
      name: `${label}: pages/s`,
      app: `${appRate.toFixed(1)} (${app[0]!.pages} p.)`,
      baseline: `${bareRate.toFixed(1)} (${bare[0]!.pages} p.)`,
      ratio: `${(appRate / bareRate).toFixed(2)}×`,
      note: `median of ${repeats}; target ≥ 0.8×; bare = the same composed definition given to pdfmake in-process: no word-break marks (so no Thai wrapping), no worker${shape === 'batch' ? ', one run' : ''}`,
    });
    const appRss = median(app.map((m) => m.peakRssMb));
    const bareRss = median(bare.map((m) => m.peakRssMb));
    rows.push({ name: `${label}: peak RSS`, app: `${appRss.toFixed(0)} MB`, baseline: `${bareRss.toFixed(0)} MB`, ratio: `${(appRss / bareRss).toFixed(2)}×`, note: shape === 'batch' ? 'laid out in runs of ≤ 1,000 rows drawn into one PDF: compare the 100- and 1,000-page batches' : 'one pdfmake layout: grows with the length, as bare pdfmake does' });
  }
  const times = inChild<number[]>('one-page');
  rows.push({
    name: 'one-page letter, request to bytes',
    app: `${median(times.slice(1)).toFixed(0)} ms`,
    baseline: '300 ms (target)',
    ratio: '—',
    note: `median of ${times.length - 1} with the worker warm; the first request (cold, starting the worker from source through tsx) took ${times[0]!.toFixed(0)} ms`,
  });
  return rows;
}

async function runCase(name: string): Promise<unknown> {
  if (name === 'one-page') return measureOnePageForm(8);
  const [kind, shape, pages] = name.split('-') as ['app' | 'bare', 'document' | 'batch', string];
  return kind === 'app' ? measureApp(Number(pages), shape) : measureBare(Number(pages), shape);
}

if (process.argv[1] === thisFile) {
  const caseIndex = process.argv.indexOf('--case');
  if (caseIndex > 0) {
    runCase(process.argv[caseIndex + 1]!).then(
      (result) => {
        console.log(JSON.stringify(result));
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  } else {
    benchDocuments().then(
      (rows) => console.table(rows),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
}
