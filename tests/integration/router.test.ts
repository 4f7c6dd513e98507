import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { users } from '../../db/schema';
import { ApiError } from '../../main/api/errors';
import { defineWrite, Router, type ClientSession } from '../../main/api/router';
import { auditCount, firstAdmin, sampleOffice, setUpOffice, tempApp } from '../helpers/temp';

describe('the router over a real SQLite file', () => {
  it('a successful write leaves exactly one audit row naming who, what and the change', async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    const before = auditCount(app);

    const result = await app.router.call(session, 'office.profile.update', { ...sampleOffice, phone: '042-999999' });

    expect(result.ok).toBe(true);
    expect(auditCount(app)).toBe(before + 1);
    const row = app.database.sqlite.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, string | number>;
    expect(row.method).toBe('office.profile.update');
    expect(row.entity).toBe('office');
    expect(row.user_id).toBe(session.user!.id);
    expect(JSON.parse(String(row.before)).phone).toBe('042-123456');
    expect(JSON.parse(String(row.after)).phone).toBe('042-999999');
  });

  it('a write that fails half-way leaves nothing behind: no row, no audit', async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    const usersBefore = app.database.sqlite.prepare('SELECT count(*) AS n FROM users').get();
    const auditBefore = auditCount(app);
    // A method that writes and then refuses, served by a router on the same real database.
    const halfWrite = defineWrite({
      name: 'test.users.halfCreate',
      input: z.object({}),
      access: 'user',
      handler: ({ app: ctx }) => {
        ctx.db.insert(users).values({ displayName: 'ครึ่งทาง', username: 'halfway', role: 'viewer', passwordHash: 'x' }).run();
        throw new ApiError('CONFLICT', 'ปฏิเสธหลังบันทึกไปแล้วครึ่งหนึ่ง', 'refused after writing half');
      },
    });
    const router = new Router(app.router.app, { [halfWrite.name]: halfWrite });

    const result = await router.call(session, 'test.users.halfCreate', {});

    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(app.database.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual(usersBefore);
    expect(auditCount(app)).toBe(auditBefore);
  });

  it('bad input is refused with a Thai message naming the field, and nothing is written', async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    const before = auditCount(app);

    const result = await app.router.call(session, 'office.profile.update', { ...sampleOffice, tambon: '   ' });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.field).toBe('tambon');
    expect(result.error.messageTh).toContain('ตำบล');
    expect(result.error.messageEn).toContain('Tambon');
    expect(auditCount(app)).toBe(before);
    const profile = await app.router.call(session, 'office.profile.get', {});
    expect(profile).toMatchObject({ ok: true, value: { tambon: 'หนองบัว' } });
  });

  it('names a nested field in the first-run wizard input', async () => {
    const app = tempApp();
    const result = await app.router.call({ user: null }, 'office.setup.create', {
      office: sampleOffice,
      admin: { ...firstAdmin, password: 'สั้น' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'admin.password' } });
    if (!result.ok) expect(result.error.messageTh).toContain('รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร');
    expect(auditCount(app)).toBe(0);
  });

  it('refuses a role that is not allowed, and a caller who is not logged in', async () => {
    const app = tempApp();
    const admin = await setUpOffice(app);
    const created = await app.router.call(admin, 'office.users.create', {
      displayName: 'นายทองดี มีสุข',
      username: 'thongdee',
      password: 'viewer-pass-1',
      role: 'viewer',
    });
    expect(created.ok).toBe(true);
    const viewer: ClientSession = { user: null };
    expect((await app.router.call(viewer, 'office.auth.login', { username: 'THONGDEE', password: 'viewer-pass-1' })).ok).toBe(true);
    const before = auditCount(app);

    const refused = await app.router.call(viewer, 'office.profile.update', { ...sampleOffice, tambon: 'อื่น' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } });
    if (!refused.ok) expect(refused.error.messageTh).toContain('ผู้ดูข้อมูล (ดูอย่างเดียว)');
    expect(auditCount(app)).toBe(before);
    // reading is allowed to any logged-in user
    expect((await app.router.call(viewer, 'office.profile.get', {})).ok).toBe(true);

    const stranger = await app.router.call({ user: null }, 'office.profile.get', {});
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN', messageTh: 'กรุณาเข้าสู่ระบบก่อน' } });
  });

  it('answers an unknown method with a typed error, not a crash', async () => {
    const app = tempApp();
    const result = await app.router.call({ user: null }, 'welfare.nothing.here', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('turns an unexpected failure into a Thai message without a stack trace', async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    app.database.sqlite.exec('DROP TABLE office');
    // the cause goes to the program's log for whoever maintains it; the office sees only the Thai message
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await app.router.call(session, 'office.profile.get', {});
    expect(log).toHaveBeenCalledWith('[api] office.profile.get failed', expect.objectContaining({ code: 'SQLITE_ERROR' }));
    log.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+|SqliteError/);
  });

  it('the wizard runs once: a second setup is refused and changes nothing', async () => {
    const app = tempApp();
    await setUpOffice(app);
    const before = auditCount(app);
    const again = await app.router.call({ user: null }, 'office.setup.create', { office: { ...sampleOffice, tambon: 'ยึด' }, admin: { ...firstAdmin, username: 'intruder' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    expect(auditCount(app)).toBe(before);
  });

  it('logs in with the right password only, and logout ends the session', async () => {
    const app = tempApp();
    await setUpOffice(app);
    const session: ClientSession = { user: null };
    const wrong = await app.router.call(session, 'office.auth.login', { username: firstAdmin.username, password: 'ผิด-รหัส-นะ' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', messageTh: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' } });
    expect(session.user).toBeNull();
    const right = await app.router.call(session, 'office.auth.login', { username: firstAdmin.username, password: firstAdmin.password });
    expect(right.ok).toBe(true);
    expect(session.user?.role).toBe('admin');
    expect((await app.router.call(session, 'office.auth.logout', {})).ok).toBe(true);
    expect(session.user).toBeNull();
    expect((await app.router.call(session, 'office.profile.get', {})).ok).toBe(false);
  });
});
