// `npm run bench`: runs every benchmark module and prints one table, app beside raw baseline, measured in the
// same run on this machine (DESIGN.md "Performance targets"). Benchmarks are reports, not pass/fail tests.
// `npm run bench -- --only documents` (or a comma-separated list) runs only those modules.
import os from 'node:os';
import { benchDatabase } from './database';
import { benchDocuments } from './documents';
import { benchPeople } from './people';
import { benchWelfare, benchWelfareCodi, benchWelfareStatements } from './welfare';
import { benchWelfareHistory } from './welfare-history';
import { skippedRow, type BenchRow } from './measure';
import { benchRouter } from './router';

const modules: Array<{ name: string; run: () => Promise<BenchRow[]> }> = [
  { name: 'database', run: benchDatabase },
  { name: 'router', run: benchRouter },
  { name: 'people', run: benchPeople },
  { name: 'welfare', run: benchWelfare },
  { name: 'welfare-statements', run: benchWelfareStatements },
  { name: 'welfare-history', run: benchWelfareHistory },
  { name: 'welfare-codi', run: benchWelfareCodi },
  { name: 'documents', run: benchDocuments },
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

/** The modules named after --only, or all of them. */
function selectedModules(): typeof modules {
  const at = process.argv.indexOf('--only');
  if (at < 0) return modules;
  const names = (process.argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !modules.some((module) => module.name === name));
  if (names.length === 0 || unknown.length > 0) throw new Error(`--only takes module names: ${modules.map((module) => module.name).join(', ')}`);
  return modules.filter((module) => names.includes(module.name));
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const module of selectedModules()) {
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
