// The worker thread that commits a bulk write (an import) on its own connection, so the window stays responsive
// and a long write can report progress and be cancelled between rows.
import { parentPort } from 'node:worker_threads';
import { BulkWriteCancelled, runBulkWrite, type BulkWritePlan, type BulkWriteResult } from '../db/bulk-write';
import { openConnection } from '../db/open';

export interface BulkWriteRequest {
  file: string;
  plan: BulkWritePlan;
  /** one Int32 slot, set to 1 by the main thread to cancel: messages cannot reach a thread busy in a loop */
  cancel: SharedArrayBuffer;
}

export type BulkWriteReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: BulkWriteResult }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string; sqliteCode: string | null };

const port = parentPort!;
port.on('message', (request: BulkWriteRequest) => {
  const flag = new Int32Array(request.cancel);
  const sqlite = openConnection(request.file);
  try {
    const result = runBulkWrite(sqlite, request.plan, {
      progress: (done, total) => port.postMessage({ type: 'progress', done, total } satisfies BulkWriteReply),
      cancelled: () => Atomics.load(flag, 0) === 1,
    });
    port.postMessage({ type: 'done', result } satisfies BulkWriteReply);
  } catch (error) {
    if (error instanceof BulkWriteCancelled) port.postMessage({ type: 'cancelled' } satisfies BulkWriteReply);
    else {
      const code = (error as { code?: unknown }).code;
      port.postMessage({ type: 'failed', message: String((error as Error).message), sqliteCode: typeof code === 'string' ? code : null } satisfies BulkWriteReply);
    }
  } finally {
    sqlite.close();
  }
});
