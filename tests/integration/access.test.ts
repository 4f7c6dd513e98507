import { describe, expect, it } from 'vitest';
import { methods } from '../../main/api/methods';
import { auditorMayCall } from '../../main/api/roles';
import type { AnyMethod, ClientSession } from '../../main/api/router';
import { routerCalls } from '../helpers/router-calls';
import { auditCount, firstAdmin, sampleOffice, setUpOffice, tempApp } from '../helpers/temp';

const auditorAccount = { displayName: 'นางสาวปุณณ์ญาดา ตรวจสอบ', username: 'punyada', password: 'ตรวจบัญชี2569', role: 'auditor' as const };
const viewerAccount = { displayName: 'นายณัฏฐ์ ดูเฉย ๆ', username: 'nat.view', password: 'ดูอย่างเดียว99', role: 'viewer' as const };
const treasurerAccount = { displayName: 'นางกัญญ์ณัฏฐ์ ศรีสุข', username: 'kanyanat', password: 'รหัสผ่านยาว5678', role: 'treasurer' as const };

type App = ReturnType<typeof tempApp>;

async function officeWith(app: App, ...accounts: (typeof auditorAccount | typeof viewerAccount | typeof treasurerAccount)[]) {
  const admin = await setUpOffice(app);
  const calls = routerCalls(app, admin);
  const sessions: ClientSession[] = [];
  for (const account of accounts) {
    await calls.call('office.users.create', account);
    const session: ClientSession = { user: null };
    await calls.call('office.auth.login', { username: account.username, password: account.password }, session);
    sessions.push(session);
  }
  return { admin, sessions, ...calls };
}

function auditRows(app: App, method: string): { user_id: number; entity: string; entity_id: string; after: string }[] {
  return app.database.sqlite.prepare('SELECT * FROM audit_log WHERE method = ? ORDER BY id').all(method) as never;
}

describe('the auditor (ผู้ตรวจสอบ): reads everything, changes nothing', () => {
  it('every write and task is refused with ROLE_NOT_ALLOWED except the ones listed in roles.ts, and nothing is written', async () => {
    const app = tempApp();
    const {
      sessions: [auditor],
      refusal,
    } = await officeWith(app, auditorAccount);
    const table = Object.values(methods) as AnyMethod[];
    for (const name of auditorMayCall) expect(table.some((method) => method.name === name), `${name} is in the method table`).toBe(true);

    const before = auditCount(app);
    const refused: string[] = [];
    for (const method of table) {
      if (method.kind === 'read' || method.access === 'public' || auditorMayCall.has(method.name)) continue;
      // an empty input: the role check comes before the input is looked at
      const error = await refusal(method.name, {}, auditor);
      expect(error.code, method.name).toBe('ROLE_NOT_ALLOWED');
      expect(error.messageTh).toContain('ผู้ตรวจสอบ');
      refused.push(method.name);
    }
    expect(auditCount(app)).toBe(before);
    // the ones declared 'user' that change data are among the refused: the receipt print counts the print
    expect(refused).toContain('welfare.receipts.print');
    expect(refused).toContain('office.users.resetPassword');
    expect(refused).toContain('people.persons.update');
    expect(refused).toContain('welfare.income.create');
    expect(refused).toContain('office.profile.update');
  });

  it('every read is open to the auditor, even the ones only some roles read (the user list); the viewer is refused those', async () => {
    const app = tempApp();
    const {
      sessions: [auditor, viewer],
      refusal,
      call,
    } = await officeWith(app, auditorAccount, viewerAccount);
    for (const method of Object.values(methods) as AnyMethod[]) {
      if (method.kind !== 'read') continue;
      const result = await app.router.call(auditor!, method.name, {});
      // the input may be refused (an empty one), the role never
      if (!result.ok) expect(result.error.code, method.name).not.toBe('ROLE_NOT_ALLOWED');
    }
    const list = await call<{ username: string; role: string }[]>('office.users.list', {}, auditor);
    expect(list.map((user) => user.username)).toEqual([firstAdmin.username, 'punyada', 'nat.view']);
    expect((await refusal('office.users.list', {}, viewer)).code).toBe('ROLE_NOT_ALLOWED');
    // a read-only print works for both
    expect((await refusal('welfare.reports.arrearsPrint', { asOf: '2026-03-31' }, auditor)).code).not.toBe('ROLE_NOT_ALLOWED');
  });
});

describe('own password change', () => {
  it('needs the current password, refuses a short one or the username, and the new one is the only one that logs in', async () => {
    const app = tempApp();
    const {
      sessions: [auditor],
      refusal,
      call,
    } = await officeWith(app, auditorAccount);

    const wrong = await refusal('office.password.change', { currentPassword: 'ไม่ใช่รหัสนี้', newPassword: 'รหัสใหม่ยาวพอ2569' }, auditor);
    expect(wrong).toMatchObject({ code: 'BAD_CREDENTIALS', field: 'currentPassword', messageTh: 'รหัสผ่านไม่ถูกต้อง' });
    const short = await refusal('office.password.change', { currentPassword: auditorAccount.password, newPassword: 'สั้น123' }, auditor);
    expect(short).toMatchObject({ code: 'INVALID_INPUT', field: 'newPassword' });
    expect(short.messageTh).toContain('อย่างน้อย 8 ตัวอักษร');
    const asUsername = await refusal('office.password.change', { currentPassword: auditorAccount.password, newPassword: 'PunYada ' }, auditor);
    expect(asUsername).toMatchObject({ code: 'INVALID_INPUT', field: 'newPassword', messageTh: 'รหัสผ่านใหม่ต้องไม่เหมือนชื่อผู้ใช้' });

    await call('office.password.change', { currentPassword: auditorAccount.password, newPassword: 'รหัสใหม่ยาวพอ2569' }, auditor);
    expect((await refusal('office.auth.login', { username: 'punyada', password: auditorAccount.password }, { user: null })).code).toBe('BAD_CREDENTIALS');
    expect(await call('office.auth.login', { username: 'punyada', password: 'รหัสใหม่ยาวพอ2569' }, { user: null })).toMatchObject({ username: 'punyada' });

    // audited: who changed whose password, never the password or its hash
    const [changed] = auditRows(app, 'office.password.change').filter((row) => row.entity === 'user');
    expect(changed).toMatchObject({ user_id: auditor!.user!.id, entity_id: String(auditor!.user!.id) });
    expect(changed!.after).not.toMatch(/รหัสใหม่|scrypt/);
    const allAudit = JSON.stringify(app.database.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(allAudit).not.toContain('รหัสใหม่ยาวพอ2569');
  });

  it('a first administrator, or a new user, cannot have the username as the password', async () => {
    const app = tempApp();
    const setup = await app.router.call({ user: null }, 'office.setup.create', { office: sampleOffice, admin: { ...firstAdmin, password: ' BoonMee ' } });
    expect(setup.ok || setup.error.messageTh).toContain('ต้องไม่เหมือนชื่อผู้ใช้');
    const admin = await setUpOffice(app);
    const { refusal } = routerCalls(app, admin);
    const error = await refusal('office.users.create', { ...treasurerAccount, password: 'kanyanat' });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'password' });
  });
});

describe('admin reset of another user’s password', () => {
  it('only an administrator resets; the user logs in with it, must pick a new one before anything else, and both steps are audited', async () => {
    const app = tempApp();
    const {
      admin,
      sessions: [treasurer, auditor],
      refusal,
      call,
    } = await officeWith(app, treasurerAccount, auditorAccount);
    const treasurerId = treasurer!.user!.id;

    expect((await refusal('office.users.resetPassword', { userId: treasurerId, newPassword: 'ชั่วคราว2569' }, auditor)).code).toBe('ROLE_NOT_ALLOWED');
    expect((await refusal('office.users.resetPassword', { userId: treasurerId, newPassword: 'ชั่วคราว2569' }, treasurer)).code).toBe('ROLE_NOT_ALLOWED');
    expect((await refusal('office.users.resetPassword', { userId: admin.user!.id, newPassword: 'ชั่วคราว2569' })).field).toBe('userId');
    expect((await refusal('office.users.resetPassword', { userId: treasurerId, newPassword: 'kanyanat' })).field).toBe('newPassword');

    await call('office.users.resetPassword', { userId: treasurerId, newPassword: 'ชั่วคราว2569' });
    // the treasurer's open login ends with the reset; the auditor's does not
    expect((await refusal('people.persons.list', {}, treasurer)).code).toBe('NOT_LOGGED_IN');
    expect(treasurer!.user).toBeNull();
    expect(await call<{ total: number }>('people.persons.list', {}, auditor)).toMatchObject({ total: 0 });
    expect((await call<{ username: string; mustChangePassword: boolean }[]>('office.users.list', {})).find((user) => user.username === 'kanyanat')?.mustChangePassword).toBe(true);
    const [reset] = auditRows(app, 'office.users.resetPassword');
    expect(reset).toMatchObject({ user_id: admin.user!.id, entity: 'user', entity_id: String(treasurerId) });
    expect(reset!.after).not.toContain('ชั่วคราว2569');

    const fresh: ClientSession = { user: null };
    expect((await refusal('office.auth.login', { username: 'kanyanat', password: treasurerAccount.password }, fresh)).code).toBe('BAD_CREDENTIALS');
    expect(await call('office.auth.login', { username: 'kanyanat', password: 'ชั่วคราว2569' }, fresh)).toMatchObject({ mustChangePassword: true });
    const due = await refusal('people.persons.list', {}, fresh);
    expect(due.code).toBe('PASSWORD_CHANGE_DUE');
    expect(due.messageTh).toContain('ตั้งรหัสผ่านใหม่');
    expect(await call('office.session.get', {}, fresh)).toMatchObject({ user: { mustChangePassword: true } });
    // the temporary password cannot simply be kept
    expect((await refusal('office.password.change', { currentPassword: 'ชั่วคราว2569', newPassword: 'ชั่วคราว2569' }, fresh)).field).toBe('newPassword');

    await call('office.password.change', { currentPassword: 'ชั่วคราว2569', newPassword: 'เหรัญญิกคนใหม่2569' }, fresh);
    expect(await call<{ total: number }>('people.persons.list', {}, fresh)).toMatchObject({ total: 0 });
    const again: ClientSession = { user: null };
    const user = await call<Record<string, unknown>>('office.auth.login', { username: 'kanyanat', password: 'เหรัญญิกคนใหม่2569' }, again);
    expect(user.mustChangePassword).toBeUndefined();
  });
});

describe('idle screen lock', () => {
  it('a locked session is refused everything but unlock and logout; only the same user’s password unlocks it', async () => {
    const app = tempApp();
    const {
      sessions: [treasurer],
      refusal,
      call,
    } = await officeWith(app, treasurerAccount);

    await call('office.auth.lock', {}, treasurer);
    expect(await call('office.session.get', {}, treasurer)).toMatchObject({ locked: true, user: { username: 'kanyanat' } });
    const locked = await refusal('people.persons.list', {}, treasurer);
    expect(locked).toMatchObject({ code: 'SCREEN_LOCKED', messageTh: 'หน้าจอถูกล็อกอยู่ กรุณาใส่รหัสผ่านเพื่อทำงานต่อ' });
    expect((await refusal('welfare.income.create', {}, treasurer)).code).toBe('SCREEN_LOCKED');
    // another person's password does not unlock it
    expect(await refusal('office.auth.unlock', { password: firstAdmin.password }, treasurer)).toMatchObject({ code: 'BAD_CREDENTIALS', field: 'password' });
    expect(treasurer!.locked).toBe(true);

    await call('office.auth.unlock', { password: treasurerAccount.password }, treasurer);
    expect(await call<{ total: number }>('people.persons.list', {}, treasurer)).toMatchObject({ total: 0 });
    expect(auditRows(app, 'office.auth.unlock').map((row) => JSON.parse(row.after ?? 'null') as unknown)).toEqual([{ failedLogin: 'kanyanat', reason: 'wrong-password' }, null]);
  });

  it('a window whose login ended while locked (the Electron idle limit) is not locked for the next person who logs in', async () => {
    const app = tempApp();
    const {
      sessions: [treasurer],
      call,
    } = await officeWith(app, treasurerAccount);
    await call('office.auth.lock', {}, treasurer);
    treasurer!.user = null; // what main/electron/main.ts does after the idle limit
    await call('office.auth.login', { username: firstAdmin.username, password: firstAdmin.password }, treasurer);
    expect(await call('office.session.get', {}, treasurer)).toMatchObject({ locked: false, user: { username: firstAdmin.username } });
    expect(await call<{ total: number }>('people.persons.list', {}, treasurer)).toMatchObject({ total: 0 });
  });

  it('unlocking is throttled like a login: five wrong passwords in a row make the sixth wait', async () => {
    const app = tempApp();
    const {
      sessions: [treasurer],
      refusal,
      call,
    } = await officeWith(app, treasurerAccount);
    await call('office.auth.lock', {}, treasurer);
    for (let i = 0; i < 5; i++) expect((await refusal('office.auth.unlock', { password: `เดาผิด${i}` }, treasurer)).code).toBe('BAD_CREDENTIALS');
    expect((await refusal('office.auth.unlock', { password: treasurerAccount.password }, treasurer)).code).toBe('TOO_MANY_TRIES');
    // logging out is still allowed from the lock
    await call('office.auth.logout', {}, treasurer);
    expect(treasurer).toMatchObject({ user: null, locked: false });
  });
});
