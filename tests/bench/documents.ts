// The Thai PDF engine beside bare pdfmake on the same content (DESIGN.md performance targets).
// "Same content": the very document definition our forms compose, given straight to pdfmake in this thread —
// no word-break pass, no worker, no runs. Each case runs in a fresh child process, so its peak RSS
// (getrusage maxRSS) is its own. Run alone: npx tsx tests/bench/documents.ts; one case:
// npx tsx tests/bench/documents.ts --case app-rows-50000 (cases: app|bare - document|batch - pages, or
// app|bare - rows - rows; one-page).
//
// Memory, main vs worker: the worker is a thread of the main process, so the process's RSS holds both. Each side's
// own share is its V8 isolate's heap plus its external buffers (process.memoryUsage() heapTotal + external): the
// worker samples its own after every layout and drawing step (RenderResult.workerPeakBytes), the main thread is
// sampled every 20 ms while it waits. Native memory of neither isolate (code, fonts' shaping tables, malloc
// arenas) shows only in the process's RSS.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../main/app';
import { generateSampleTambon } from '../../main/sample/sample-tambon';
import { measureInBuiltApp } from './built-app';
import { makeTempDir, type BenchRow } from './measure';

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

type Shape = 'document' | 'batch' | 'rows';

/**
 * A table of about `size` pages: one long list, or a batch of 10-page village lists; or one list of `size` rows
 * (the largest the name-list form takes is 50,000).
 */
function workload(size: number, shape: Shape) {
  if (shape === 'rows') return [nameList('รายชื่อสมาชิกกองทุนสวัสดิการชุมชน', size)];
  if (shape === 'document') return [nameList('รายชื่อสมาชิกกองทุนสวัสดิการชุมชน', size * ROWS_PER_PAGE)];
  return Array.from({ length: size / 10 }, (_, index) => nameList(`รายชื่อสมาชิก หมู่ที่ ${index + 1}`, 10 * ROWS_PER_PAGE, index * 10 * ROWS_PER_PAGE));
}

interface Measurement {
  seconds: number;
  /** CPU time of the whole process (all threads, GC included): steadier than wall time on a shared machine */
  cpuSeconds: number;
  pages: number;
  peakRssMb: number;
  /** app only: the worker's own peak (V8 heap + buffers) */
  workerPeakMb?: number;
  /** app only: the main thread's own peak (V8 heap + buffers) while it waited for the PDF */
  mainPeakMb?: number;
  /** app only: the process's RSS before the job, and once idle after it (worker recycled and warm again) */
  rssBeforeMb?: number;
  rssAfterMb?: number;
  /** app only: the main thread's V8 heap, committed, once idle after the job */
  mainHeapAfterMb?: number;
  /** app only: a one-page letter right after, on the recycled worker */
  nextLetterMs?: number;
}

const MB = 1024 * 1024;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1e6;
}

/** The main thread's own memory, sampled while it waits. */
function sampleMainMemory(): () => number {
  let peak = 0;
  const sample = () => {
    const { heapTotal, external } = process.memoryUsage();
    peak = Math.max(peak, heapTotal + external);
  };
  sample();
  const timer = setInterval(sample, 20);
  return () => {
    clearInterval(timer);
    sample();
    return peak / MB;
  };
}

async function settledRssMb(): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return process.memoryUsage().rss / MB;
}

const office = async () => (await import('../../main/documents/forms/samples')).sampleOffice();

async function measureApp(size: number, shape: Shape): Promise<Measurement> {
  const { documentsIdle, renderBatch, renderForm } = await import('../../main/documents/engine');
  const { requireForm } = await import('../../main/documents/document');
  const options = { office: await office() };
  // The app keeps its worker warm: by the time someone prints a register, it has printed a letter and a short list.
  await renderForm('letter', requireForm('letter').sample(), options);
  await renderForm('name-list', nameList('รายชื่อ', 30), options);
  const rssBeforeMb = await settledRssMb();
  const mainPeak = sampleMainMemory();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  // The PDF is let go once measured (the office has it), so that the idle figure below is the engine's own.
  const measured = await renderBatch('name-list', workload(size, shape), options).then((result) => ({
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSeconds(cpuStarted),
    pages: result.pages,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    workerPeakMb: result.workerPeakBytes / MB,
    mainPeakMb: mainPeak(),
  }));
  // The worker is recycled after a large job and a new one warmed: then, idle.
  await documentsIdle();
  const rssAfterMb = await settledRssMb();
  const mainHeapAfterMb = process.memoryUsage().heapTotal / MB;
  const letterStarted = performance.now();
  await renderForm('letter', requireForm('letter').sample(), options);
  return { ...measured, rssBeforeMb, rssAfterMb, mainHeapAfterMb, nextLetterMs: performance.now() - letterStarted };
}

async function measureBare(size: number, shape: Shape): Promise<Measurement> {
  const { composeBatch, parseFormData, requireForm } = await import('../../main/documents/document');
  const { installFonts } = await import('../../main/documents/fonts');
  const pdfmake = installFonts();
  const form = requireForm('name-list');
  const items = workload(size, shape).map((item) => parseFormData(form, item));
  const composed = composeBatch(form, items, { office: await office() });
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  await pdfmake.createPdf(composed.definition).getBuffer();
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpuStarted), pages: composed.pageCount(), peakRssMb: process.resourceUsage().maxRSS / 1024 };
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
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', thisFile, '--case', caseName], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').pop()!) as T;
}

const fixed = (value: number | undefined, digits = 0) => (value === undefined ? '—' : value.toFixed(digits));

export async function benchDocuments(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cases: Array<{ size: number; shape: Shape; label: string; repeats: number }> = [
    { size: 100, shape: 'document', label: '100-page Thai table, one document', repeats: 3 },
    { size: 1000, shape: 'document', label: '1,000-page Thai table, one document', repeats: 3 },
    { size: 100, shape: 'batch', label: '100 pages, batch of 10 lists', repeats: 3 },
    { size: 1000, shape: 'batch', label: '1,000 pages, batch of 100 lists', repeats: 3 },
    // Bare pdfmake takes minutes and gigabytes on this one: measured once.
    { size: 50_000, shape: 'rows', label: '50,000-row list (the form\'s largest), one document', repeats: 1 },
  ];
  for (const { size, shape, label, repeats } of cases) {
    const app: Measurement[] = [];
    const bare: Measurement[] = [];
    for (let run = 0; run < repeats; run++) {
      app.push(inChild<Measurement>(`app-${shape}-${size}`));
      bare.push(inChild<Measurement>(`bare-${shape}-${size}`));
    }
    const appRate = median(app.map((m) => m.pages / m.seconds));
    const bareRate = median(bare.map((m) => m.pages / m.seconds));
    rows.push({
      name: `${label}: pages/s`,
      app: `${appRate.toFixed(1)} (${app[0]!.pages} p.)`,
      baseline: `${bareRate.toFixed(1)} (${bare[0]!.pages} p.)`,
      ratio: `${(appRate / bareRate).toFixed(2)}×`,
      note: `median of ${repeats}; target ≥ 0.8×; bare = the same composed definition given to pdfmake in-process: no word-break marks (so no Thai wrapping), no worker, one layout`,
    });
    const appRss = median(app.map((m) => m.peakRssMb));
    const bareRss = median(bare.map((m) => m.peakRssMb));
    const worker = median(app.map((m) => m.workerPeakMb ?? 0));
    const main = median(app.map((m) => m.mainPeakMb ?? 0));
    rows.push({
      name: `${label}: peak memory`,
      app: `${appRss.toFixed(0)} MB RSS (worker ${worker.toFixed(0)} MB, main ${main.toFixed(0)} MB)`,
      baseline: `${bareRss.toFixed(0)} MB RSS`,
      ratio: `${(appRss / bareRss).toFixed(2)}×`,
      note: 'RSS: the whole process, main thread and worker thread; worker/main: each isolate\'s own V8 heap + buffers. Target: RSS < 400 MB, worker < 300 MB at any length (runs and parts of ≤ 1,000 rows)',
    });
    const before = median(app.map((m) => m.rssBeforeMb ?? 0));
    const after = median(app.map((m) => m.rssAfterMb ?? 0));
    const letter = median(app.map((m) => m.nextLetterMs ?? 0));
    rows.push({
      name: `${label}: RSS idle before → after`,
      app: `${fixed(before)} → ${fixed(after)} MB`,
      baseline: '—',
      ratio: '—',
      note: `after: the PDF handed over, the worker recycled (when it grew past 110 MB) and a new one warmed; the next one-page letter took ${letter.toFixed(0)} ms`,
    });
  }
  rows.push(...(await builtAppRows()));
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

/** The longest lists printed by the built app, its process's memory watched (the target is the app's, not the bench's). */
async function builtAppRows(): Promise<BenchRow[]> {
  const temp = makeTempDir('documents-app');
  try {
    const app = createApp(path.join(temp.dir, 'tambon-desk.sqlite'));
    const session = { user: null };
    const setup = await app.router.call(session, 'office.setup.create', {
      office: generateSampleTambon({ size: 'small' }).office,
      admin: { displayName: 'ผู้ดูแล', username: 'admin', password: 'tambon1234' },
    });
    app.close();
    if (!setup.ok) throw new Error(setup.error.messageEn);
    const rows: BenchRow[] = [];
    for (const [label, data] of [
      ['1,000-page Thai table', workload(1000, 'document')[0]!],
      ['50,000-row list', workload(50_000, 'rows')[0]!],
    ] as const) {
      rows.push(
        await measureInBuiltApp(
          `${label} printed by the built app over HTTP: process memory peak`,
          temp.dir,
          async (post) => `${(await post<{ pages: number }>('documents.forms.render', { formId: 'name-list', data })).pages} pages`,
          '< 400 MB (main process and its worker thread together)',
        ),
      );
    }
    return rows;
  } finally {
    temp.remove();
  }
}

async function runCase(name: string): Promise<unknown> {
  if (name === 'one-page') return measureOnePageForm(8);
  const [kind, shape, size] = name.split('-') as ['app' | 'bare', Shape, string];
  return kind === 'app' ? measureApp(Number(size), shape) : measureBare(Number(size), shape);
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
