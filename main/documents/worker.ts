// worker_threads entry: lays out and renders one form off the main thread, reporting progress.
// Bundled to dist/main/documents-worker.cjs by scripts/build-main.mjs; run from source with tsx.
import { parentPort } from 'node:worker_threads';
import { composeDocument, requireForm, type RenderOptions } from './document';
import { renderDocument } from './render';
import { setRenderProgress } from './fonts';

export interface WorkerRequest {
  formId: string;
  /** already parsed by the form's schema in the calling thread */
  data: unknown;
  options: RenderOptions;
}

export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; pdf: Uint8Array; pages: number; fileName: string }
  | { type: 'error'; message: string };

/** Progress is reported in percent of pdfmake's rendered items, at most once per percent. */
const PROGRESS_STEPS = 100;

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  const form = requireForm(request.formId);
  const composed = composeDocument(form, request.data, request.options);
  let lastReported = -1;
  setRenderProgress((fraction) => {
    const done = Math.floor(fraction * PROGRESS_STEPS);
    if (done === lastReported) return;
    lastReported = done;
    parentPort!.postMessage({ type: 'progress', done, total: PROGRESS_STEPS } satisfies WorkerReply);
  });
  const { pdf, pages } = await renderDocument(composed.definition, { thaiDigits: composed.thaiDigits });
  // A fresh copy owns its memory, so it can be transferred (Buffer.concat may hand out a slice of a shared pool).
  return { type: 'done', pdf: new Uint8Array(pdf), pages, fileName: composed.fileName };
}

if (!parentPort) throw new Error('documents worker must run in a worker thread');

parentPort.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (reply) => {
      const transfer = reply.type === 'done' ? [reply.pdf.buffer as ArrayBuffer] : [];
      parentPort!.postMessage(reply, transfer);
    },
    (error: unknown) => parentPort!.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});
