import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { localIsoDate } from '../../main/dates';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { tempApp, tempDir } from '../helpers/temp';

describe('a collection day killed half way through its save', () => {
  it('leaves all of its receipts or none, no gap in the numbers, balanced books and a sound file', async () => {
    const file = path.join(tempDir(), 'tambon-desk.sqlite');
    const app = tempApp(file);
    const data = generateSampleTambon({ size: 'large' });
    await loadSampleTambon(app, data);
    const treasurer: ClientSession = { user: null };
    const call = async (method: string, input: unknown) => {
      const result = await app.router.call(treasurer, method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.messageEn}`);
      return result.value as Record<string, unknown>;
    };
    await call('office.auth.login', { username: 'treasurer', password: 'tambon1234' });
    await call('welfare.regulation.create', await call('welfare.regulation.preset', { effectiveFrom: '2020-01-01' }));
    // A big village's worth of members, so that the save takes long enough to be killed in the middle.
    const adults = data.people.filter((person) => person.birthDate < '2000-01-01' && person.id % 97 !== 0 && person.id % 131 !== 0).slice(0, 800);
    for (const [index, person] of adults.entries()) {
      await call('welfare.members.join', { personId: person.id, memberNumber: String(index + 1).padStart(4, '0'), category: 'general', applicationDate: '2026-08-01', startDate: '2026-08-01' });
    }
    await call('welfare.receiptBooks.create', { bookNumber: '7', firstNumber: 1, lastNumber: 5000 });
    app.close();

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../fixtures/collection-child.ts'), file, localIsoDate(new Date())], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const outcome = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // The save is one synchronous transaction: kill -9 a moment after it starts.
        if (output.includes('saving') && !output.includes('done')) setTimeout(() => child.kill('SIGKILL'), 120);
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? resolve(output) : reject(new Error(`child failed (${code}): ${stderr.slice(-2000)}`))));
    });
    expect(outcome).toContain('saving');

    const db = new Database(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const receipts = db.prepare('SELECT number FROM welfare_receipts ORDER BY number').all() as { number: number }[];
      console.log(`collection day killed ${outcome.includes('done') ? 'after' : 'during'} its save: ${receipts.length} of ${adults.length} receipts in the file`);
      expect([0, adults.length]).toContain(receipts.length);
      expect(receipts.map((receipt) => receipt.number)).toEqual(receipts.map((_, index) => index + 1));
      const unbalanced = db.prepare('SELECT entry_id FROM welfare_journal_lines GROUP BY entry_id HAVING sum(amount_satang) <> 0').all();
      expect(unbalanced).toEqual([]);
      const entries = (db.prepare("SELECT count(*) AS n FROM welfare_journal_entries WHERE kind = 'receipt'").get() as { n: number }).n;
      expect(entries).toBe(receipts.length);
      const audits = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'collection'").get() as { n: number }).n;
      expect(audits).toBe(receipts.length === 0 ? 0 : 1);
    } finally {
      db.close();
    }
  }, 120_000);
});
