// One history import on the large sample with a mark per phase (wall, process CPU incl. workers, RSS peak):
// `npx tsx tests/bench/profile-history.ts [rounds]`. The workbook is cached in /tmp/imp/history-large.xlsx.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { ClientSession } from '../../main/api/router';
import { emptyFund, largeHistoryXlsx } from './welfare-history';

const FUND_START = '2020-01-01';
const CUT_OVER = '2023-09-30';
const cache = '/tmp/imp/history-large.xlsx';

async function main() {
  if (!fs.existsSync(cache)) fs.writeFileSync(cache, (await largeHistoryXlsx()).bytes);
  const bytes = fs.readFileSync(cache);
  const content = bytes.toString('base64');
  const rounds = Number(process.argv[2] ?? 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hist-'));
  for (let round = 0; round < rounds; round++) {
    const { app, session } = await emptyFund(path.join(dir, `r${round}.sqlite`));
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const phaseReports: string[] = [];
    const progress = (r: { done: number; total: number }) => phaseReports.push(`${r.done}/${r.total}`);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const call = async (method: string, input: unknown) => {
      const result = await app.router.call(session as ClientSession, method, input, { progress });
      if (!result.ok) throw new Error(result.error.messageEn);
      return result.value as Record<string, unknown>;
    };
    const preview = await call('welfare.history.preview', { fileName: 'h.xlsx', contentBase64: content, fundStart: FUND_START, cutOverDate: CUT_OVER });
    const t1 = performance.now();
    const cpu1 = process.cpuUsage(cpu0);
    const previewReports = phaseReports.length;
    const previewPeak = peak;
    peak = process.memoryUsage().rss;
    const commitStartRss = peak;
    if (process.env.CANCEL_AT) {
      // Cancel in the middle of the streamed write: nothing may be written, and the same preview then posts.
      const stop = new AbortController();
      const cancelStarted = performance.now();
      let cancelledAt = 0;
      const cancelled = await app.router.call(session as ClientSession, 'welfare.history.commit', { importId: preview.importId }, {
        signal: stop.signal,
        progress: (r: { done: number; total: number }) => {
          if (!stop.signal.aborted && r.done >= r.total * Number(process.env.CANCEL_AT)) {
            cancelledAt = r.done;
            stop.abort();
          }
        },
      });
      const written = app.database.sqlite.prepare('SELECT (SELECT count(*) FROM welfare_journal_entries) + (SELECT count(*) FROM welfare_receipts) + (SELECT count(*) FROM welfare_history_imports) AS n').get();
      console.log('cancel', JSON.stringify({ ok: cancelled.ok, code: cancelled.ok ? null : cancelled.error.code, cancelledAtRow: cancelledAt, afterMs: Math.round(performance.now() - cancelStarted), rowsInBooks: written }));
    }
    const commit = await call('welfare.history.commit', { importId: preview.importId });
    const t2 = performance.now();
    const cpu2 = process.cpuUsage(cpu0);
    clearInterval(sampler);
    const ms = (c: NodeJS.CpuUsage) => ((c.user + c.system) / 1000).toFixed(0);
    console.log(JSON.stringify({ round, previewMs: Math.round(t1 - t0), commitMs: Math.round(t2 - t1), totalMs: Math.round(t2 - t0), cpuPreviewMs: ms(cpu1), cpuTotalMs: ms(cpu2), writeMs: commit.writeMs, rows: commit.rowsWritten, peakRssMB: Math.round(Math.max(peak, previewPeak) / 1048576), previewPeakMB: Math.round(previewPeak / 1048576), commitStartMB: Math.round(commitStartRss / 1048576), commitPeakMB: Math.round(peak / 1048576), baseRssMB: Math.round(base / 1048576), progress: { preview: previewReports, commit: phaseReports.length - previewReports } }));
    // Every row the import wrote, timestamps aside: the same hash before and after a change means identical results.
    const hash = createHash('sha256');
    for (const table of ['people', 'welfare_memberships', 'welfare_receipt_books', 'welfare_history_imports', 'welfare_journal_entries', 'welfare_journal_lines', 'welfare_receipts', 'welfare_receipt_lines', 'welfare_paid']) {
      let rows = 0;
      for (const row of app.database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).iterate()) {
        hash.update(JSON.stringify(row).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T'));
        rows++;
      }
      hash.update(`${table}:${rows}`);
    }
    if (!process.env.NO_HASH) console.log("rows hash", hash.digest("hex"));
    app.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
void main();
