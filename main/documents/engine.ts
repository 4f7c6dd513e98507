// The entry point for printing: renderForm() checks the data here, then lays out and renders the PDF in a
// worker thread (one per request), so the main process stays responsive and a cancel simply ends the worker.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseFormData, requireForm, type RenderOptions } from './document';
import type { WorkerReply, WorkerRequest } from './worker';

export { FormInputError, UnknownFormError, type RenderOptions } from './document';

export interface RenderControl {
  /** pages laid out / items rendered so far, as done of total */
  onProgress?: (progress: { done: number; total: number }) => void;
  signal?: AbortSignal;
}

export interface RenderResult {
  pdf: Buffer;
  pages: number;
  fileName: string;
}

export class RenderCancelledError extends Error {
  constructor() {
    super('การพิมพ์เอกสารถูกยกเลิก');
    this.name = 'RenderCancelledError';
  }
}

/**
 * Where the worker is: next to the bundle as documents-worker.cjs (built by scripts/build-main.mjs), or the
 * TypeScript source run through tsx when this file itself is running from source (tests, tsx scripts).
 */
function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const directory = path.dirname(here);
  const source = path.join(directory, 'worker.ts');
  if (!here.endsWith('.cjs') && fs.existsSync(source)) {
    // On Node 20 `execArgv: ['--import', 'tsx']` does not reach the worker's own entry (".ts" is refused before
    // the hooks load), so a small bootstrap registers tsx inside the worker first, then imports the source.
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(source).href)}); })`;
    return new Worker(bootstrap, { eval: true });
  }
  return new Worker(path.join(directory, 'documents-worker.cjs'));
}

/** Renders a registered form. Invalid data throws FormInputError before any worker starts. */
export async function renderForm(formId: string, data: unknown, options: RenderOptions, control: RenderControl = {}): Promise<RenderResult> {
  const form = requireForm(formId);
  const parsed = parseFormData(form, data);
  const { signal, onProgress } = control;
  if (signal?.aborted) throw new RenderCancelledError();

  const worker = startWorker();
  return await new Promise<RenderResult>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      void worker.terminate();
      outcome();
    };
    const cancel = () => finish(() => reject(new RenderCancelledError()));
    signal?.addEventListener('abort', cancel, { once: true });

    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') onProgress?.({ done: reply.done, total: reply.total });
      else if (reply.type === 'done') {
        const pdf = Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength);
        finish(() => resolve({ pdf, pages: reply.pages, fileName: reply.fileName }));
      } else finish(() => reject(new Error(`การสร้างเอกสาร PDF ล้มเหลว: ${reply.message}`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`โปรแกรมสร้างเอกสารหยุดทำงาน (รหัส ${code})`))));
    worker.postMessage({ formId, data: parsed, options } satisfies WorkerRequest);
  });
}
