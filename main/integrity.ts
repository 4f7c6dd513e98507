// The page check of the data file (issue 11: "check integrity at open … and never write into a database that fails
// it"). Reading every page takes about a second per 150 MB — fifteen for the full check after a crash — so it runs
// in a worker thread while the app opens; the router holds every write until it has passed.
import { DatabaseOpenError } from '../db/file-check';
import { startWorker } from './worker-start';
import type { IntegrityReply, IntegrityRequest } from './integrity-worker';

export interface IntegrityCheck {
  /** null when the file is sound; the refusal (code DAMAGED) otherwise */
  result: Promise<DatabaseOpenError | null>;
  stop(): void;
}

export function checkPagesInWorker(file: string, full: boolean): IntegrityCheck {
  const worker = startWorker(import.meta.url, 'integrity-worker.ts', 'integrity-worker', { workerData: { file, full } satisfies IntegrityRequest });
  const result = new Promise<DatabaseOpenError | null>((resolve, reject) => {
    worker.once('message', (reply: IntegrityReply) => {
      resolve(reply.sound ? null : new DatabaseOpenError('DAMAGED', reply.messageTh, reply.message));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  return { result, stop: () => void worker.terminate() };
}

export const alreadyChecked: IntegrityCheck = { result: Promise.resolve(null), stop: () => {} };
