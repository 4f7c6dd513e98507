import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createApp, type App } from '../../main/app';
import type { ClientSession } from '../../main/api/router';

const made: string[] = [];
const opened: App[] = [];

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(prefix = 'tambon-desk-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A real app on a real SQLite file in a temp folder. */
export function tempApp(file = path.join(tempDir(), 'tambon-desk.sqlite'), options: { now?: () => Date } = {}): App {
  const app = createApp(file, options);
  opened.push(app);
  return app;
}

afterEach(() => {
  for (const app of opened.splice(0)) {
    try {
      app.close();
    } catch {
      // already closed by the test
    }
  }
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export const sampleOffice = {
  tambon: 'หนองบัว',
  amphoe: 'เมืองอุดรธานี',
  province: 'อุดรธานี',
  councilName: 'สภาองค์กรชุมชนตำบลหนองบัว',
  fundName: 'กองทุนสวัสดิการชุมชนตำบลหนองบัว',
  address: 'ที่ทำการ อบต.หนองบัว หมู่ที่ 3 ตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี 41000',
  phone: '042-123456',
};

export const firstAdmin = { displayName: 'นางบุญมี ศรีสุข', username: 'boonmee', password: 'รหัสผ่านยาว1234' };

/** Sets the office up and returns a session logged in as its first administrator. */
export async function setUpOffice(app: App): Promise<ClientSession> {
  const session: ClientSession = { user: null };
  const setup = await app.router.call(session, 'office.setup.create', { office: sampleOffice, admin: firstAdmin });
  if (!setup.ok) throw new Error(setup.error.messageEn);
  const login = await app.router.call(session, 'office.auth.login', { username: firstAdmin.username, password: firstAdmin.password });
  if (!login.ok) throw new Error(login.error.messageEn);
  return session;
}

export function auditCount(app: App): number {
  return (app.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

/** A person as the register's form sends one: a rare-lettered name, a full citizen ID, consent given. */
export const newPerson = {
  title: 'นางสาว',
  firstName: 'ปุณณ์ญาดา',
  lastName: 'ศรีสุขสวัสดิ์',
  citizenId: '1-1017-00203-45-0',
  sex: 'F',
  birthDate: '1990-03-15',
  houseNumber: '12/3',
  villageId: 3,
  phone: '081-234-5678',
  consentGiven: true,
  consentDate: '2026-01-10',
};
