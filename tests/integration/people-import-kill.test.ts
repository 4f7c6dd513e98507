import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateSampleTambon } from '../../main/sample/sample-tambon';
import { largePeopleXlsx } from '../fixtures/messy-spreadsheets';
import { tempApp, tempDir } from '../helpers/temp';

describe('an import killed half way', () => {
  it('leaves none or all of its rows, and a database that passes the integrity check', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tambon-desk.sqlite');
    const app = tempApp(file);
    const data = generateSampleTambon({ size: 'small' });
    const session = { user: null };
    await app.router.call(session, 'office.setup.create', { office: data.office, admin: { displayName: 'ผู้ดูแล', username: 'admin', password: 'tambon1234' } });
    await app.router.call(session, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
    for (let number = 1; number <= 20; number++) await app.router.call(session, 'people.villages.create', { number, name: `บ้านหมู่ ${number}` });
    app.close();
    const spreadsheet = await largePeopleXlsx();
    const sheetFile = path.join(dir, spreadsheet.fileName);
    fs.writeFileSync(sheetFile, spreadsheet.bytes);

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../fixtures/import-child.ts'), file, sheetFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killedAt = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const match = [...buffered.matchAll(/progress (\d+) (\d+)\n/g)].at(-1);
        // Half way through the writing: kill -9, as a power cut or the task manager would.
        if (match && Number(match[1]) >= 2000) {
          child.kill('SIGKILL');
          resolve(match[0].trim());
        }
        if (buffered.includes('done') || buffered.includes('failed')) resolve(buffered);
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`child exited early (${code}): ${stderr.slice(-2000)}`));
      });
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
    expect(child.signalCode, killedAt.slice(-300)).toBe('SIGKILL');
    expect(killedAt).toMatch(/^progress/);

    const db = new Database(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const people = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
      const imports = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'import'").get() as { n: number }).n;
      expect([0, spreadsheet.people.length]).toContain(people);
      expect(imports).toBe(people === 0 ? 0 : 1);
    } finally {
      db.close();
    }
  }, 60_000);
});
