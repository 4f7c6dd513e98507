// The worker thread that commits a bulk write (an import) on its own connection, so the window stays responsive
// and a long write can report progress and be cancelled between rows.
import { parentPort, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { BulkWriteCancelled, runBulkWrite, SHARED, type BulkWritePlan, type BulkWriteResult, type BulkWriteRun } from '../db/bulk-write';
import { openConnection } from '../db/open';

export interface BulkWriteRequest {
  file: string;
  plan: BulkWritePlan;
  /** Int32 slots (SHARED): cancel is set to 1 by the main thread — messages cannot reach a thread busy in a loop */
  shared: SharedArrayBuffer;
  /** more runs after the plan's, a batch (BulkWriteRun[]) a message, null after the last; absent when there are none */
  batches?: MessagePort;
}

export type BulkWriteReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: BulkWriteResult }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string; sqliteCode: string | null };

/** How long a wait for the next batch lasts before cancel is looked at again. */
const WAIT_MS = 100;

const port = parentPort!;
port.on('message', (request: BulkWriteRequest) => {
  const shared = new Int32Array(request.shared);
  const cancelled = () => Atomics.load(shared, SHARED.cancel) === 1;
  const batches = request.batches;
  // Inside the transaction, synchronously: the next batch the main thread has posted, waiting for it if need be.
  const nextBatch = batches
    ? () => {
        for (;;) {
          const posted = Atomics.load(shared, SHARED.batchesPosted);
          const message = receiveMessageOnPort(batches);
          if (message) {
            Atomics.add(shared, SHARED.batchesTaken, 1);
            Atomics.notify(shared, SHARED.batchesTaken);
            return message.message as BulkWriteRun[] | null;
          }
          if (cancelled()) throw new BulkWriteCancelled();
          Atomics.wait(shared, SHARED.batchesPosted, posted, WAIT_MS);
        }
      }
    : undefined;
  const sqlite = openConnection(request.file);
  try {
    const result = runBulkWrite(
      sqlite,
      request.plan,
      {
        progress: (done, total) => port.postMessage({ type: 'progress', done, total } satisfies BulkWriteReply),
        cancelled,
      },
      nextBatch,
    );
    port.postMessage({ type: 'done', result } satisfies BulkWriteReply);
  } catch (error) {
    if (error instanceof BulkWriteCancelled) port.postMessage({ type: 'cancelled' } satisfies BulkWriteReply);
    else {
      const code = (error as { code?: unknown }).code;
      port.postMessage({ type: 'failed', message: String((error as Error).message), sqliteCode: typeof code === 'string' ? code : null } satisfies BulkWriteReply);
    }
  } finally {
    batches?.close();
    sqlite.close();
  }
});
