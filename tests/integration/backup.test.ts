// Issue 11, "Nothing lost": backups through SQLite's online backup API, each checked; an encrypted copy for a USB
// stick; restore after a summary, keeping the current file first; automatic backups rotated 7 daily, 4 weekly,
// 12 monthly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { automaticBackup, automaticBackupDir } from '../../main/backup/backups';
import { backupsToKeep } from '../../main/backup/retention';
import type { ClientSession } from '../../main/api/router';
import { routerCalls } from '../helpers/router-calls';
import { firstAdmin, setUpOffice, tempApp, tempDir } from '../helpers/temp';

type Made = { file: string; sizeBytes: number; summary: { counts: { people: number; users: number } } };

async function officeWithPeople(count: number, now?: () => Date) {
  const app = tempApp(undefined, now ? { now } : {});
  const session = await setUpOffice(app);
  const { call, refusal } = routerCalls(app, session);
  const addPeople = async (n: number, prefix: string) => {
    for (let i = 0; i < n; i++) await call('people.persons.create', { title: 'นางสาว', firstName: `${prefix}${i}`, lastName: 'ศรีสุวรรณ์', noCitizenIdReason: 'no_card', notes: 'ปุณณ์ญาดา'.repeat(100) });
  };
  await addPeople(count, 'กัญญ์ณัฏฐ์');
  const people = () => (app.database.sqlite.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  return { app, session, call, refusal, addPeople, people };
}

describe('backup now, to a folder the office chose', () => {
  it('writes a checked copy, plain or encrypted, records it, and the status stops warning', async () => {
    const { call, refusal } = await officeWithPeople(30);
    const before = await call<{ warn: boolean; last: unknown }>('backup.status', {});
    expect(before).toMatchObject({ warn: true, last: null });

    const usb = tempDir('usb-');
    const plain = await call<Made>('backup.now', { folder: usb, password: null });
    expect(path.dirname(plain.file)).toBe(usb);
    expect(plain.summary.counts).toMatchObject({ people: 30, users: 1 });
    expect(fs.readFileSync(plain.file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');

    const secret = await call<Made>('backup.now', { folder: usb, password: 'รหัสสำรอง 2569' });
    expect(secret.file.endsWith('.tdbackup')).toBe(true);
    const bytes = fs.readFileSync(secret.file);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('กัญญ์ณัฏฐ์'))).toBe(false);
    expect(fs.readdirSync(usb).filter((name) => name.includes('partial'))).toEqual([]);

    const after = await call<{ warn: boolean; ageDays: number }>('backup.status', {});
    expect(after).toMatchObject({ warn: false, ageDays: 0 });

    // wrong password, no password, a short password, a folder that is not there: refused by name
    expect(await refusal('backup.inspect', { file: secret.file, password: 'ผิด' })).toMatchObject({ field: 'password', messageTh: expect.stringContaining('รหัสผ่านของไฟล์สำรองไม่ถูกต้อง') });
    expect(await refusal('backup.inspect', { file: secret.file, password: null })).toMatchObject({ field: 'password', messageTh: expect.stringContaining('เข้ารหัสไว้') });
    expect((await refusal('backup.now', { folder: usb, password: '1234' })).field).toBe('password');
    expect(await refusal('backup.now', { folder: path.join(usb, 'ไม่มี'), password: null })).toMatchObject({ field: 'folder', messageTh: expect.stringContaining('แฟลชไดรฟ์') });
    const summary = await call<{ counts: { people: number } }>('backup.inspect', { file: secret.file, password: 'รหัสสำรอง 2569' });
    expect(summary.counts.people).toBe(30);

    // a backup with a changed byte is refused, encrypted or not
    const tampered = path.join(usb, 'tampered.tdbackup');
    const changed = Buffer.from(bytes);
    changed[changed.length - 40]! ^= 0xff;
    fs.writeFileSync(tampered, changed);
    expect((await refusal('backup.inspect', { file: tampered, password: 'รหัสสำรอง 2569' })).field).toBe('password');
    const notOurs = path.join(usb, 'notes.sqlite');
    fs.writeFileSync(notOurs, 'ชื่อ,นามสกุล\n');
    expect((await refusal('backup.inspect', { file: notOurs, password: null })).messageTh).toContain('ไม่ใช่ไฟล์สำรองของ Tambon Desk');
  });
});

describe('restore', () => {
  it('shows what the backup holds, keeps the current file, brings every record back and asks every window to log in again', async () => {
    const { app, session, call, refusal, addPeople, people } = await officeWithPeople(25);
    const usb = tempDir('usb-');
    const backup = await call<Made>('backup.now', { folder: usb, password: 'รหัสสำรอง 2569' });
    await addPeople(10, 'ปุณณ์ญาดา');
    expect(people()).toBe(35);

    const summary = await call<{ counts: { people: number }; dataAsOf: string }>('backup.inspect', { file: backup.file, password: 'รหัสสำรอง 2569' });
    expect(summary.counts.people).toBe(25);
    expect(await refusal('backup.restore', { file: backup.file, password: 'รหัสสำรอง 2569' })).toMatchObject({ field: 'confirmed' });
    expect(people()).toBe(35);

    const other: ClientSession = { user: null };
    await app.router.call(other, 'office.auth.login', { username: firstAdmin.username, password: firstAdmin.password });
    const restored = await call<{ safetyCopy: string }>('backup.restore', { file: backup.file, password: 'รหัสสำรอง 2569', confirmed: true });
    expect(people()).toBe(25);
    expect(app.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // the file as it was just before is kept, with the ten people added after the backup
    expect(fs.existsSync(restored.safetyCopy)).toBe(true);
    // both windows log in again, into the restored data, where the restore is on record
    for (const window of [session, other]) {
      expect(await refusal('people.persons.list', {}, window)).toMatchObject({ code: 'NOT_LOGGED_IN' });
      expect((await app.router.call(window, 'office.auth.login', { username: firstAdmin.username, password: firstAdmin.password })).ok).toBe(true);
    }
    const again = await call<{ counts: { people: number } }>('backup.inspect', { file: restored.safetyCopy, password: null });
    expect(again.counts.people).toBe(35);
    const audit = app.database.sqlite.prepare("SELECT method FROM audit_log WHERE method = 'backup.restore'").all();
    expect(audit).toHaveLength(1);
    expect(await refusal('backup.restore', { file: path.join(usb, 'ไม่มีไฟล์นี้.sqlite'), password: null, confirmed: true })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('automatic backups', () => {
  it('keep the newest of each of the last 7 days, 4 weeks and 12 months', () => {
    const backups = Array.from({ length: 500 }, (_, day) => {
      const date = new Date(Date.UTC(2026, 10, 30) - day * 86_400_000);
      return { file: `b${day}`, madeAt: date.toISOString() };
    });
    const keep = backupsToKeep(backups);
    expect(keep.has('b0')).toBe(true);
    for (let day = 0; day < 7; day++) expect(keep.has(`b${day}`)).toBe(true);
    expect(keep.has('b7')).toBe(false);
    // the 12 months: the newest day of each (30 Nov, 31 Oct, 30 Sep, …)
    expect(keep.has('b30')).toBe(true);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.size).toBeGreaterThanOrEqual(12);
  });

  it('an automatic backup lands in the data folder and the old ones are pruned', async () => {
    let now = new Date('2026-01-01T09:00:00Z');
    const { app } = await officeWithPeople(3, () => now);
    const context = { db: app.database.db, sqlite: app.database.sqlite, now: () => now };
    for (let day = 0; day < 40; day++) {
      await automaticBackup(context);
      now = new Date(now.getTime() + 86_400_000);
    }
    const files = fs.readdirSync(automaticBackupDir(context)).filter((name) => name.startsWith('tambon-desk-auto-'));
    expect(files.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(files.length).toBeGreaterThan(7);
    expect(files.some((name) => name.includes('20260209'))).toBe(true);
  });
});
