// The entry point for printing: renderForm()/renderBatch() check the data here, then lay out and render the PDF
// in a worker thread, so the main process stays responsive. One worker is kept warm and takes requests one at a
// time; cancelling the request it is working on ends that worker (the next request starts a fresh one), and so
// does a job that made it grow large (a new one is warmed at once: V8 would keep the grown heap while idle).
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-start';
import { parseFormData, requireForm, type RenderOptions } from './document';
import type { DocumentNotice } from './forms/index';
import { sampleOffice } from './forms/samples';
import type { WorkerReply, WorkerRequest } from './worker';

export { FormInputError, UnknownFormError, type RenderOptions } from './document';

export interface RenderControl {
  /** documents finished of a batch, or percent of one document */
  onProgress?: (progress: { done: number; total: number; unit: 'items' | 'percent' }) => void;
  signal?: AbortSignal;
}

export interface RenderResult {
  pdf: Buffer;
  pages: number;
  fileName: string;
  /** the most the worker's own memory (V8 heap and buffers) held during this job, in bytes */
  workerPeakBytes: number;
  /** what the office should know about the layout (a table turned landscape or printed smaller), each once */
  notices: DocumentNotice[];
}

/** Content that fits no page even alone on an empty one; the message (Thai) names the row or text. */
export class DocumentTooTallError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'DocumentTooTallError';
  }
}

export class RenderCancelledError extends Error {
  constructor() {
    super('การพิมพ์เอกสารถูกยกเลิก');
    this.name = 'RenderCancelledError';
  }
}

function startDocumentsWorker(): Worker {
  return startWorker(import.meta.url, 'worker.ts', 'documents-worker', { resourceLimits: workerLimits() });
}

/**
 * The worker's V8 heap limit. Giving the worker a limit of its own at all is what keeps its heap near what it uses:
 * with this limit the worker peaks at ~125 MB on a 1,000-page list and ~190 MB on a 50,000-row one (process RSS
 * ~300 and ~380 MB), against ~250 and ~380 MB (RSS ~420 and ~540 MB) with V8's defaults, which let the heap grow
 * to several times what a print holds live; the cost is ~8% more CPU time at 1,000 pages, ~13% at 50,000 rows
 * (tests/bench/documents.ts; earlier, limits from 192 to 1,024 MB measured alike). 512 MB leaves room for a long
 * document that a form cannot lay out in parts; one that needed more would fail with an error rather than take the
 * office PC's memory.
 */
const WORKER_HEAP_MB = 512;

function workerLimits() {
  return { maxOldGenerationSizeMb: WORKER_HEAP_MB };
}

interface Job {
  request: WorkerRequest;
  /** how progress is counted: documents of a batch, or percent of one document */
  unit: 'items' | 'percent';
  control: RenderControl;
  resolve(result: RenderResult): void;
  reject(error: unknown): void;
}

let worker: Worker | null = null;
let current: Job | null = null;
const waiting: Job[] = [];
/** the worker was just ended after a large job: warm a new one unless a job comes first */
let recycling = false;
const idleWaiters: Array<() => void> = [];

function settle(job: Job, outcome: (job: Job) => void): void {
  if (current === job) current = null;
  outcome(job);
  next();
}

function dropWorker(): void {
  const dying = worker;
  worker = null;
  void dying?.terminate();
}

/**
 * After a job that made the worker's memory grow past this, the worker is replaced by a fresh one: V8 keeps the
 * heap it has grown to (the issue saw 2.2 GB stay taken while idle), and ending the thread is what gives it back.
 * A warm worker peaks at ~60 MB on a letter, ~90 MB on a 100-page list and ~125 MB on a 1,000-page one: this lies
 * between the last two, so a list of about 1,000 pages or more is followed by a fresh worker (tests/bench/documents.ts:
 * idle RSS back to where it was before a 1,000-page job). The new worker is warmed at once, so the next print does
 * not wait for it to start.
 */
const RECYCLE_AFTER_BYTES = 110 * 1024 * 1024;

/** Ends the worker after a large job and, when nothing is waiting, warms a new one (a waiting job starts it). */
function recycleWorker(): void {
  dropWorker();
  recycling = true;
}

function workerFor(): Worker {
  if (worker) return worker;
  const started = startDocumentsWorker();
  started.on('message', (reply: WorkerReply) => {
    const job = current;
    if (!job || worker !== started) return;
    if (reply.type === 'progress') job.control.onProgress?.({ done: reply.done, total: reply.total, unit: job.unit });
    else if (reply.type === 'done') {
      const pdf = Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength);
      if (reply.peakBytes > RECYCLE_AFTER_BYTES) recycleWorker();
      settle(job, (j) => j.resolve({ pdf, pages: reply.pages, fileName: reply.fileName, workerPeakBytes: reply.peakBytes, notices: reply.notices }));
    } else {
      const failure = reply.tooTall ? new DocumentTooTallError(reply.message, reply.messageEn ?? reply.message) : new Error(`การสร้างเอกสาร PDF ล้มเหลว: ${reply.message}`);
      settle(job, (j) => j.reject(failure));
    }
  });
  const fail = (error: unknown) => {
    if (worker !== started) return;
    worker = null;
    if (current) settle(current, (j) => j.reject(error));
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`โปรแกรมสร้างเอกสารหยุดทำงาน (รหัส ${code})`)));
  worker = started;
  return started;
}

function next(): void {
  if (current) return;
  if (recycling && waiting.length === 0) {
    recycling = false;
    warmUpDocuments();
    return;
  }
  recycling = false;
  const job = waiting.shift();
  // A warm worker waiting for work must not keep a finished process (tests, scripts) alive; a busy one must.
  if (!job) {
    worker?.unref();
    idleWaiters.splice(0).forEach((resolve) => resolve());
    return;
  }
  current = job;
  const busy = workerFor();
  busy.ref();
  busy.postMessage(job.request);
  // The worker has its own copy now; the data of a 50,000-row list need not stay in this thread meanwhile.
  job.request.items = [];
}

/** Renders several documents of one form into one PDF, each with its own page numbers. */
export async function renderBatch(formId: string, items: readonly unknown[], options: RenderOptions, control: RenderControl = {}): Promise<RenderResult> {
  const form = requireForm(formId);
  // The parsed data is held by the request alone, which lets it go once the worker has its copy (next()).
  const request: WorkerRequest = { formId, items: items.map((item, index) => parseFormData(form, item, index)), options };
  const unit = items.length > 1 ? 'items' : 'percent';
  const { signal } = control;
  if (signal?.aborted) throw new RenderCancelledError();
  return await new Promise<RenderResult>((resolve, reject) => {
    const job: Job = {
      request,
      unit,
      control,
      resolve: (result) => {
        signal?.removeEventListener('abort', cancel);
        resolve(result);
      },
      reject: (error) => {
        signal?.removeEventListener('abort', cancel);
        reject(error);
      },
    };
    function cancel() {
      const queued = waiting.indexOf(job);
      if (queued >= 0) waiting.splice(queued, 1);
      else if (current === job) {
        current = null;
        dropWorker();
      } else return;
      job.reject(new RenderCancelledError());
      next();
    }
    signal?.addEventListener('abort', cancel, { once: true });
    waiting.push(job);
    next();
  });
}

/** Renders one document of a registered form. Invalid data throws FormInputError before any work starts. */
export async function renderForm(formId: string, data: unknown, options: RenderOptions, control: RenderControl = {}): Promise<RenderResult> {
  return await renderBatch(formId, [data], options, control);
}

/** Resolves once no document is being printed or waiting (a worker being warmed up counts as printing). */
export async function documentsIdle(): Promise<void> {
  if (!current && waiting.length === 0) return;
  await new Promise<void>((resolve) => idleWaiters.push(resolve));
}

/**
 * Starts the worker and prints one small page in it, in the background, so that the office's first real
 * document comes back at once (a cold start takes ~0.4 s; a warm one-page form ~30 ms — tests/bench).
 */
export function warmUpDocuments(): void {
  const letter = requireForm('letter');
  renderForm('letter', letter.sample(), { office: sampleOffice() }).catch((error: unknown) => console.error('[documents] warm-up failed', error));
}
