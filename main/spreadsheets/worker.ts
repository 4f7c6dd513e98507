// Reads an uploaded spreadsheet in a worker thread with a small heap of its own: a hostile file (a zip bomb,
// a million rows) can only fill that heap and end the thread, never the app, and the window stays responsive.
import { parentPort } from 'node:worker_threads';
import { transferList, type PackedResult } from './packed-result';
import { readSpreadsheetPacked, SpreadsheetError, type ReadOptions } from './read';

export interface ReadRequest {
  bytes: Uint8Array;
  options: Omit<ReadOptions, 'signal'>;
}

export type ReadReply = { type: 'done'; packed: PackedResult } | { type: 'refused'; th: string; en: string; kind: SpreadsheetError['kind'] } | { type: 'failed'; message: string };

const port = parentPort!;
port.on('message', (request: ReadRequest) => {
  readSpreadsheetPacked(request.bytes, request.options).then(
    (packed) => {
      port.postMessage({ type: 'done', packed } satisfies ReadReply, transferList(packed));
    },
    (error: unknown) => {
      if (error instanceof SpreadsheetError) port.postMessage({ type: 'refused', th: error.th, en: error.en, kind: error.kind } satisfies ReadReply);
      else port.postMessage({ type: 'failed', message: String((error as Error)?.message ?? error) } satisfies ReadReply);
    },
  );
});
