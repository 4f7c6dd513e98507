// Spreadsheet figures, each in a fresh process so that peak RSS belongs to one reader only:
//   npx tsx tests/bench/spreadsheets.ts
// reads the large sample's 20,000 people (12 columns) with readSpreadsheet (exceljs's streaming reader) and with
// exceljs's whole-workbook load, reads the 1,000,000-empty-row xlsx, and writes 20,000 people × 14 columns.
// Not yet part of `npm run bench` (tests/bench/run.ts): the lead wires it in with the import benchmark.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { readSpreadsheet } from '../../main/spreadsheets/read';
import { writeSpreadsheet } from '../../main/spreadsheets/write';
import { largePeopleXlsx, millionEmptyRowsXlsx } from '../fixtures/messy-spreadsheets';
import { generateSampleTambon } from '../../main/sample/sample-tambon';

type Mode = 'stream' | 'whole' | 'empty-rows' | 'write';

async function runOne(mode: Mode, file: string): Promise<void> {
  const bytes = mode === 'write' ? Buffer.alloc(0) : fs.readFileSync(file);
  const baseRss = process.memoryUsage().rss;
  const started = performance.now();
  let rows = 0;
  if (mode === 'stream' || mode === 'empty-rows') {
    rows = (await readSpreadsheet(bytes, { fileName: path.basename(file) })).table.rows.length;
  } else if (mode === 'whole') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    workbook.worksheets[0]!.eachRow(() => rows++);
  } else {
    const people = generateSampleTambon({ size: 'large' }).people;
    const columns = ['citizenId', 'title', 'firstName', 'lastName', 'sex', 'birthDate', 'houseNumber', 'village', 'phone', 'consent', 'address', 'note', 'status', 'consentDate'];
    const data = people.map((p) => ({ ...p, consent: p.consent ? 'ยินยอม' : '', address: 'ตำบลหนองบัวทอง อำเภอภูผาแก้ว', note: null, status: 'มีชีวิต', consentDate: '2025-06-01' }));
    const t0 = performance.now();
    const out = await writeSpreadsheet({
      sheetName: 'ทะเบียน',
      columns: columns.map((key) => ({ key, heading: key, kind: key === 'citizenId' ? 'citizenId' : key.endsWith('Date') ? 'date' : key === 'village' ? 'number' : 'text' })),
      rows: data,
    });
    rows = people.length;
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ mode, ms, rows, bytes: out.length, peakRssMb: process.resourceUsage().maxRSS / 1024, baseRssMb: baseRss / 1e6 }));
    return;
  }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ mode, ms, rows, bytes: bytes.length, peakRssMb: process.resourceUsage().maxRSS / 1024, baseRssMb: baseRss / 1e6 }));
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (mode) return runOne(mode as Mode, file ?? '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-desk-sheets-'));
  const large = path.join(dir, 'people-20000.xlsx');
  const empty = path.join(dir, 'empty-rows.xlsx');
  fs.writeFileSync(large, (await largePeopleXlsx()).bytes);
  fs.writeFileSync(empty, millionEmptyRowsXlsx().bytes);
  const self = fileURLToPath(import.meta.url);
  const tsx = path.join(path.dirname(self), '../../node_modules/.bin/tsx');
  for (const [m, f] of [['stream', large], ['whole', large], ['stream', large], ['whole', large], ['empty-rows', empty], ['write', ''], ['write', '']] as const) {
    const line = execFileSync(tsx, [self, m, f], { encoding: 'utf8' }).trim().split('\n').pop()!;
    const r = JSON.parse(line) as { mode: string; ms: number; rows: number; bytes: number; peakRssMb: number; baseRssMb: number };
    console.log(`${r.mode.padEnd(10)} ${r.ms.toFixed(0).padStart(6)} ms  ${String(r.rows).padStart(6)} rows  peak RSS ${r.peakRssMb.toFixed(0)} MB (process at start ${r.baseRssMb.toFixed(0)} MB)`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
