// Timing helpers for `npm run bench`: the app's figure and a raw baseline, measured alternately in the same run
// so that drift (CPU frequency, page cache, GC) falls on both sides alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One line of the printed table; values are already formatted. */
export interface BenchRow {
  name: string;
  app: string;
  baseline: string;
  ratio: string;
  note: string;
}

export interface Timing {
  /** per-call milliseconds */
  median: number;
  p95: number;
  samples: number;
}

type Work = () => unknown;

export interface MeasureOptions {
  /** timed samples per side */
  samples: number;
  /** untimed samples per side before the timed ones */
  warmup: number;
  /** calls per sample; a sample's value is its total time / batch (for microsecond work, where a timer read would weigh) */
  batch?: number;
  /** untimed, before each sample of either side (e.g. make a fresh file name) */
  before?: () => void;
  /** untimed, after each sample of either side (e.g. delete the file) */
  after?: () => void;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

async function sample(work: Work, batch: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < batch; i++) {
    // Await only what is async: awaiting a sync baseline would add a microtask per call and flatter the app.
    const result = work();
    if (isThenable(result)) await result;
  }
  return Number(process.hrtime.bigint() - start) / 1e6 / batch;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index]!;
}

function summarize(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), samples: sorted.length };
}

/** Times `app` and `baseline` alternately, sample by sample, swapping which goes first each round. */
export async function measurePair(app: Work, baseline: Work, options: MeasureOptions): Promise<{ app: Timing; baseline: Timing }> {
  const batch = options.batch ?? 1;
  const appValues: number[] = [];
  const baselineValues: number[] = [];
  for (let i = 0; i < options.warmup + options.samples; i++) {
    const appFirst: Array<[Work, number[]]> = [
      [app, appValues],
      [baseline, baselineValues],
    ];
    // A-B, B-A, A-B…: whichever side runs second in a pair often inherits the other's warm cache or pending
    // disk writeback; swapping the order each round shares that effect out evenly.
    for (const [work, values] of i % 2 === 0 ? appFirst : [...appFirst].reverse()) {
      options.before?.();
      const value = await sample(work, batch);
      options.after?.();
      if (i >= options.warmup) values.push(value);
    }
  }
  return { app: summarize(appValues), baseline: summarize(baselineValues) };
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A table row from a measured pair; p95 of both sides goes into the note. */
export function pairRow(name: string, timing: { app: Timing; baseline: Timing }, note = ''): BenchRow {
  const { app, baseline } = timing;
  const spread = `p95 ${formatMs(app.p95)} / ${formatMs(baseline.p95)}, n=${app.samples}`;
  return {
    name,
    app: formatMs(app.median),
    baseline: formatMs(baseline.median),
    ratio: `${(app.median / baseline.median).toFixed(2)}×`,
    note: note ? `${note}; ${spread}` : spread,
  };
}

export function skippedRow(name: string, note: string): BenchRow {
  return { name, app: '—', baseline: '—', ratio: '—', note };
}

/** A temp folder for one benchmark module; remove() deletes it and everything in it. */
export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tambon-bench-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Deletes a SQLite file with its WAL and shared-memory companions. */
export function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
