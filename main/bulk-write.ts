import type { BulkWritePlan, BulkWriteResult } from '../db/bulk-write';
import { startWorker } from './worker-start';
import type { BulkWriteReply, BulkWriteRequest } from './bulk-write-worker';
import type { ProgressReport } from './api/router';

export class BulkWriteCancelledError extends Error {
  constructor() {
    super('ยกเลิกแล้ว ไม่มีการบันทึกข้อมูลใด ๆ');
  }
}

export class BulkWriteFailedError extends Error {
  constructor(
    message: string,
    readonly sqliteCode: string | null,
  ) {
    super(message);
  }
}

/**
 * Commits a plan in a worker thread of its own (one per write: imports are rare, and a fresh thread gives its memory
 * back when it ends). Progress goes to the caller; the signal cancels between rows and nothing is written.
 */
export function commitInWorker(file: string, plan: BulkWritePlan, options: { progress?: (report: ProgressReport) => void; signal?: AbortSignal } = {}): Promise<BulkWriteResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new BulkWriteCancelledError());
      return;
    }
    const cancel = new SharedArrayBuffer(4);
    const worker = startWorker(import.meta.url, 'bulk-write-worker.ts', 'bulk-write-worker');
    const onAbort = () => Atomics.store(new Int32Array(cancel), 0, 1);
    options.signal?.addEventListener('abort', onAbort);
    const finish = (outcome: () => void) => {
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    worker.on('message', (reply: BulkWriteReply) => {
      if (reply.type === 'progress') options.progress?.({ done: reply.done, total: reply.total, unit: 'items' });
      else if (reply.type === 'done') finish(() => resolve(reply.result));
      else if (reply.type === 'cancelled') finish(() => reject(new BulkWriteCancelledError()));
      else finish(() => reject(new BulkWriteFailedError(reply.message, reply.sqliteCode)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.postMessage({ file, plan, cancel } satisfies BulkWriteRequest);
  });
}
