import { MessageChannel } from 'node:worker_threads';
import { SHARED, type BulkWritePlan, type BulkWriteResult, type BulkWriteRun } from '../db/bulk-write';
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
 * Batches the main thread may build ahead of the worker: enough that the worker never waits, few enough that the
 * rows of a large import are never all in memory at once (nor all copied at once).
 */
const BATCHES_AHEAD = 3;

/** What a bulk write commits: the plan, and the runs that follow it in batches (built lazily, e.g. a generator). */
export interface BulkWrite {
  plan: BulkWritePlan;
  batches?: Iterable<BulkWriteRun[]>;
}

/**
 * Commits a plan in a worker thread of its own (one per write: imports are rare, and a fresh thread gives its memory
 * back when it ends). Progress goes to the caller; the signal cancels between rows and nothing is written.
 * `build` is called once the worker has been started, so the plan is built while the worker loads. Its `batches` are
 * more runs after the plan's: each is built while the worker writes the one before, and crosses to the worker once;
 * `plan.batchedRows` counts their rows for progress.
 */
export function commitInWorker(
  file: string,
  build: () => BulkWrite,
  options: { progress?: (report: ProgressReport) => void; signal?: AbortSignal } = {},
): Promise<BulkWriteResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new BulkWriteCancelledError());
      return;
    }
    const sharedBuffer = new SharedArrayBuffer(4 * 3);
    const shared = new Int32Array(sharedBuffer);
    const worker = startWorker(import.meta.url, 'bulk-write-worker.ts', 'bulk-write-worker');
    let write: BulkWrite;
    try {
      write = build();
    } catch (error) {
      void worker.terminate();
      reject(error as Error);
      return;
    }
    const { plan, batches } = write;
    const channel = batches ? new MessageChannel() : null;
    let settled = false;
    const onAbort = () => Atomics.store(shared, SHARED.cancel, 1);
    options.signal?.addEventListener('abort', onAbort);
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      channel?.port1.close();
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
    const request: BulkWriteRequest = { file, plan, shared: sharedBuffer, ...(channel ? { batches: channel.port2 } : {}) };
    worker.postMessage(request, channel ? [channel.port2] : []);
    if (channel && batches) {
      feed(channel.port1, shared, batches, () => settled).catch((error: unknown) => {
        // A batch that could not be built: the worker rolls back what it wrote, the caller gets the error.
        Atomics.store(shared, SHARED.cancel, 1);
        finish(() => reject(error));
      });
    }
  });
}

/** Atomics.waitAsync (Node 16+, V8 8.7+); the ES2023 lib this project compiles against does not declare it yet. */
const waitAsync = (Atomics as unknown as { waitAsync: (array: Int32Array, index: number, value: number, timeoutMs: number) => { async: boolean; value: Promise<unknown> | string } }).waitAsync;

/** Posts the batches one by one, never more than BATCHES_AHEAD ahead of the worker, then null for "no more". */
async function feed(port: MessageChannel['port1'], shared: Int32Array, batches: Iterable<BulkWriteRun[]>, stopped: () => boolean): Promise<void> {
  let posted = 0;
  const post = (batch: BulkWriteRun[] | null) => {
    port.postMessage(batch);
    Atomics.store(shared, SHARED.batchesPosted, ++posted);
    Atomics.notify(shared, SHARED.batchesPosted);
  };
  for (const batch of batches) {
    for (;;) {
      if (stopped()) return;
      const taken = Atomics.load(shared, SHARED.batchesTaken);
      if (posted - taken < BATCHES_AHEAD) break;
      const waiting = waitAsync(shared, SHARED.batchesTaken, taken, 100);
      if (waiting.async) await (waiting.value as Promise<unknown>);
    }
    post(batch);
  }
  if (!stopped()) post(null);
}
