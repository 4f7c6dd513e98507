// `npm run bench`: runs every benchmark module and prints one table, app beside raw baseline, measured in the
// same run on this machine (DESIGN.md "Performance targets"). Benchmarks are reports, not pass/fail tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchDatabase } from './database';
import { skippedRow, type BenchRow } from './measure';
import { benchRouter } from './router';

interface ForeignRow {
  name: string;
  app: string;
  baseline: string;
  note?: string;
}

/** A ratio for rows that arrive as formatted strings, when both sides are times in a unit we know. */
function ratioOf(app: string, baseline: string): string {
  const toMs = (text: string): number | null => {
    const match = /^\s*([\d.,]+)\s*(µs|us|ms|s)\s*$/.exec(text);
    if (!match) return null;
    const value = Number(match[1]!.replace(/,/g, ''));
    const scale = { µs: 0.001, us: 0.001, ms: 1, s: 1000 }[match[2] as 'µs' | 'us' | 'ms' | 's'];
    return value * scale;
  };
  const a = toMs(app);
  const b = toMs(baseline);
  return a !== null && b !== null && b > 0 ? `${(a / b).toFixed(2)}×` : '—';
}

/** tests/bench/documents.ts is written by another engineer; run it only when it is there. */
async function benchDocumentsIfPresent(): Promise<BenchRow[]> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'documents.ts');
  if (!fs.existsSync(file)) return [skippedRow('documents', 'tests/bench/documents.ts not present')];
  const loaded = (await import(pathToFileURL(file).href)) as { benchDocuments?: () => Promise<ForeignRow[]> };
  if (typeof loaded.benchDocuments !== 'function') return [skippedRow('documents', 'documents.ts exports no benchDocuments()')];
  const rows = await loaded.benchDocuments();
  return rows.map((row) => ({ name: row.name, app: row.app, baseline: row.baseline, ratio: ratioOf(row.app, row.baseline), note: row.note ?? '' }));
}

const modules: Array<{ name: string; run: () => Promise<BenchRow[]> }> = [
  { name: 'database', run: benchDatabase },
  { name: 'router', run: benchRouter },
  { name: 'documents', run: benchDocumentsIfPresent },
];

function machineLine(): string {
  const cpus = os.cpus();
  const memory = `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`;
  return `machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${memory} RAM, ${os.platform()} ${os.release()}, node ${process.version}`;
}

function printTable(rows: BenchRow[]): void {
  const header = ['benchmark', 'app (median)', 'raw baseline (median)', 'ratio', 'note'];
  const lines = rows.map((row) => [row.name, row.app, row.baseline, row.ratio, row.note]);
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const line of lines) console.log(`| ${line.map(escape).join(' | ')} |`);
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const module of modules) {
    process.stderr.write(`bench: ${module.name}…\n`);
    const started = performance.now();
    try {
      rows.push(...(await module.run()));
    } catch (error) {
      // One broken module should not hide the others' figures.
      rows.push(skippedRow(module.name, `failed: ${error instanceof Error ? error.message : String(error)}`));
      console.error(error);
    }
    process.stderr.write(`bench: ${module.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  console.log('');
  console.log(machineLine());
  console.log('');
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
