// Reads every page of the data file on a read-only connection of its own (db/file-check.ts checkPages), beside the
// app's start, and answers with the refusal to raise or null.
import { parentPort, workerData } from 'node:worker_threads';
import { checkPages } from '../db/file-check';

export interface IntegrityRequest {
  file: string;
  full: boolean;
}

export type IntegrityReply = { sound: true } | { sound: false; messageTh: string; message: string };

const { file, full } = workerData as IntegrityRequest;
const refusal = checkPages(file, full);
parentPort!.postMessage((refusal ? { sound: false, messageTh: refusal.messageTh, message: refusal.message } : { sound: true }) satisfies IntegrityReply);
