import { startWorker } from '../worker-start';
import { unpackResult } from './packed-result';
import { SpreadsheetError, type ReadOptions, type ReadResult } from './read';
import type { ReadReply, ReadRequest } from './worker';

/**
 * The reading worker's heap. A fund's history of 260,000 rows reads in ~30 MB of heap (rows are packed as they are
 * read) and ~45 MB outside it; 256 MB is room for the limits and still a small part of an old office PC's memory
 * when a file tries to take more.
 */
const READ_WORKER_HEAP_MB = 256;

/** readSpreadsheet() in a fresh worker thread; the signal ends the thread. Refusals come back as SpreadsheetError. */
export function readInWorker(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const { signal, ...plain } = options;
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'worker.ts', 'spreadsheets-worker', { resourceLimits: { maxOldGenerationSizeMb: READ_WORKER_HEAP_MB } });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => finish(() => reject(new SpreadsheetError('ยกเลิกการอ่านไฟล์แล้ว', 'Reading the file was cancelled', 'cancelled')));
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (reply: ReadReply) => {
      if (reply.type === 'done') finish(() => resolve(unpackResult(reply.packed)));
      else if (reply.type === 'refused') finish(() => reject(new SpreadsheetError(reply.th, reply.en, reply.kind)));
      else finish(() => reject(new Error(reply.message)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      // ERR_WORKER_OUT_OF_MEMORY: the file needed more than the reader may take.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(() =>
          reject(
            new SpreadsheetError(
              `ไฟล์ "${options.fileName}" ใหญ่หรือซับซ้อนเกินกว่าที่จะอ่านได้ กรุณาแบ่งเป็นหลายไฟล์ หรือบันทึกเฉพาะแผ่นงานที่ต้องการ`,
              `The file "${options.fileName}" is too large or complex to read; split it or save only the sheet you need`,
              'too-big',
            ),
          ),
        );
      } else finish(() => reject(error));
    });
    worker.on('exit', () => finish(() => reject(new Error('the spreadsheet reader stopped unexpectedly'))));
    worker.postMessage({ bytes, options: plain } satisfies ReadRequest);
  });
}
