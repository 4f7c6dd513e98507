// worker_threads entry: lays out and renders documents off the main thread, reporting progress.
// Bundled to dist/main/documents-worker.cjs by scripts/build-main.mjs; run from source through tsx.
// The worker stays alive between requests (engine.ts), so fonts and code are loaded once.
import { parentPort } from 'node:worker_threads';
import { composeBatch, documentFileName, requireForm, type RenderOptions } from './document';
import type { DocumentNotice } from './forms/types';
import { ContentTooTallError } from './page-breaks';
import { PdfBuilder } from './render';
import { groupIntoRuns, needsParts, partedDocument } from './runs';

export interface WorkerRequest {
  formId: string;
  /** one or more documents' data, already parsed by the form's schema in the calling thread */
  items: unknown[];
  options: RenderOptions;
}

export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | {
      type: 'done';
      pdf: Uint8Array;
      pages: number;
      fileName: string;
      /** the most this worker's V8 heap and buffers held during the job, in bytes (engine.ts recycles on it) */
      peakBytes: number;
      /** what the forms told the office about the layout, each once */
      notices: DocumentNotice[];
    }
  /** `tooTall`: content that fits no page (page-breaks.ts), a message for the office naming it */
  | { type: 'error'; message: string; tooTall: boolean; messageEn?: string };

function report(done: number, total: number): void {
  parentPort!.postMessage({ type: 'progress', done, total } satisfies WorkerReply);
}

function percentReporter(): (fraction: number) => void {
  let reported = -1;
  return (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent <= reported) return;
    reported = percent;
    report(percent, 100);
  };
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  const form = requireForm(request.formId);
  const runs = groupIntoRuns(form, request.items);
  const total = request.items.length;
  // One document: pdfmake's own progress (or the parts' progress), in whole percent (pdfmake calls back per drawn
  // item — thousands of times — and a message each time cost a tenth of the render); a batch: documents finished.
  const onProgress = total === 1 ? percentReporter() : undefined;
  const pdf = new PdfBuilder();
  let pages = 0;
  let itemsDone = 0;
  const notices = new Map<string, DocumentNotice>();
  const onNotice = (notice: DocumentNotice) => notices.set(notice.th, notice);
  // Each run is composed only when its turn comes, and let go once it has been drawn.
  for (const run of runs) {
    if (needsParts(form, run)) pages += pdf.drawInParts(partedDocument(form, run[0], request.options, onNotice), { onProgress });
    else {
      const composed = composeBatch(form, run, request.options, { onNotice });
      pdf.drawRun({ definition: composed.definition, thaiDigits: composed.thaiDigits }, { onProgress });
      pages += composed.pageCount();
    }
    itemsDone += run.length;
    if (total > 1) report(itemsDone, total);
  }
  const bytes = await pdf.finish();
  // Sent by transfer, which needs memory of its own: a large PDF has it (Buffer.concat allocates it outside the
  // shared pool); a small one may be a slice of the pool, so it is copied.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  return { type: 'done', pdf: own, pages, fileName: documentFileName(form, request.items), peakBytes: pdf.peakBytes, notices: [...notices.values()] };
}

if (!parentPort) throw new Error('documents worker must run in a worker thread');

parentPort.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (reply) => {
      const transfer = reply.type === 'done' ? [reply.pdf.buffer as ArrayBuffer] : [];
      parentPort!.postMessage(reply, transfer);
    },
    (error: unknown) =>
      parentPort!.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
        tooTall: error instanceof ContentTooTallError,
        messageEn: error instanceof ContentTooTallError ? error.messageEn : undefined,
      } satisfies WorkerReply),
  );
});
