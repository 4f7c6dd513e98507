import { eq, count } from 'drizzle-orm';
import { z } from 'zod';
import { office, passwordResets, users } from '../../db/schema';
import { preparedQuery } from '../../db/prepared';
import { ApiError } from '../api/errors';
import type { AuditEntry } from '../../db/audit';
import { defineRead, defineTask, defineWrite, endLoginsOf, noteLogin, type AppContext, type SessionUser } from '../api/router';
import { loginFailureStore } from './login-failures';
import { LoginThrottle, type ThrottleScope } from './login-throttle';
import { hashPasswordOffThread, unmatchableHash, verifyPassword } from './passwords';
import { readOfficeRow, requireOfficeRow } from './profile';
import { loginInput, newUserInput, officeProfileInput, passwordChangeInput, passwordResetInput, setupInput, unlockInput } from './schemas';

const userCountQuery = preparedQuery((db) => db.select({ n: count() }).from(users).prepare());
const userListQuery = preparedQuery((db) => db.select().from(users).orderBy(users.id).prepare());

function userCount(app: AppContext): number {
  return userCountQuery(app.db).get()!.n;
}

function publicUser(row: typeof users.$inferSelect): SessionUser & { active: boolean } {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, active: row.active };
}

function passwordResetPending(app: AppContext, userId: number): boolean {
  return app.db.select({ userId: passwordResets.userId }).from(passwordResets).where(eq(passwordResets.userId, userId)).get() !== undefined;
}

const wrongPassword = (field: string) => new ApiError('BAD_CREDENTIALS', 'รหัสผ่านไม่ถูกต้อง', 'Wrong password', field);

const passwordIsUsername = (field: string) =>
  new ApiError('INVALID_INPUT', 'รหัสผ่านใหม่ต้องไม่เหมือนชื่อผู้ใช้', 'The new password must not be the username', field);

/** Same normalisation as the username itself (trimmed, lower case), so "Boonmee " counts as the username "boonmee". */
function isUsername(password: string, username: string): boolean {
  return password.normalize('NFC').trim().toLowerCase() === username;
}

/**
 * Checks the logged-in user's own password (to unlock the screen or to change it), under the same throttle as a
 * login: a locked screen must not be a way to guess the password faster than the login screen.
 */
async function checkOwnPassword(
  app: AppContext,
  user: SessionUser,
  client: string,
  password: string,
  field: string,
  recordAudit: (entry: AuditEntry) => void,
): Promise<typeof users.$inferSelect> {
  const throttle = throttleFor(app);
  const verdict = throttle.begin(user.username, client, app.now().getTime());
  if (!verdict.allowed) {
    recordAudit(failedLogin(user.id, user.username, 'too-many-tries'));
    throw tooManyTries(verdict.waitMs, verdict.scope, user.username);
  }
  const row = app.db.select().from(users).where(eq(users.id, user.id)).get();
  const matches = await verifyPassword(password, row?.passwordHash ?? unmatchableHash);
  if (!row || !row.active || !matches) {
    throttle.failed(client, app.now().getTime());
    recordAudit(failedLogin(user.id, user.username, !row || !row.active ? 'inactive-user' : 'wrong-password'));
    throw wrongPassword(field);
  }
  throttle.succeeded(user.username, client);
  return row;
}

const usernameTaken = (username: string) =>
  new ApiError('CONFLICT', `ชื่อผู้ใช้ "${username}" มีอยู่แล้ว กรุณาเลือกชื่ออื่น`, `The username "${username}" is taken`, 'username');

// One throttle per open database (tests and the bench open many apps in one process), its counts kept in the file.
const throttles = new WeakMap<AppContext['sqlite'], LoginThrottle>();
function throttleFor(app: AppContext): LoginThrottle {
  let throttle = throttles.get(app.sqlite);
  if (!throttle) {
    throttle = new LoginThrottle(loginFailureStore(app));
    throttles.set(app.sqlite, throttle);
  }
  return throttle;
}

type LoginFailure = 'unknown-username' | 'wrong-password' | 'inactive-user' | 'too-many-tries';

/** The audit row of a refused login: the username typed and why, never the password. */
function failedLogin(userId: number | null, username: string, reason: LoginFailure): AuditEntry {
  return { entity: 'session', entityId: userId, before: null, after: { failedLogin: username, reason } };
}

/** "2 นาที 30 วินาที" / "2 min 30 s", rounded up to the second. */
function waitText(waitMs: number): { th: string; en: string } {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const th = [minutes ? `${minutes} นาที` : '', rest ? `${rest} วินาที` : ''].filter(Boolean).join(' ');
  const en = [minutes ? `${minutes} min` : '', rest ? `${rest} s` : ''].filter(Boolean).join(' ');
  return { th, en };
}

const tooManyTries = (waitMs: number, scope: ThrottleScope, username: string) => {
  const wait = waitText(waitMs);
  return scope === 'username'
    ? new ApiError(
        'TOO_MANY_TRIES',
        `ชื่อผู้ใช้ "${username}" ใส่รหัสผ่านผิดหลายครั้งติดกัน กรุณารอ ${wait.th} แล้วลองใหม่`,
        `Too many wrong passwords for the username "${username}"; wait ${wait.en} and try again`,
      )
    : new ApiError(
        'TOO_MANY_TRIES',
        `เครื่องนี้ใส่รหัสผ่านผิดหลายครั้งติดกัน กรุณารอ ${wait.th} แล้วลองใหม่`,
        `Too many wrong passwords from this computer; wait ${wait.en} and try again`,
      );
};

export const officeMethods = [
  defineRead({
    name: 'office.session.get',
    input: z.object({}),
    access: 'public',
    handler: ({ app, user, session }) => {
      const needsSetup = userCount(app) === 0;
      const profile = readOfficeRow(app);
      return {
        needsSetup,
        user,
        locked: session.locked === true,
        office: profile ? { tambon: profile.tambon, amphoe: profile.amphoe, province: profile.province, councilName: profile.councilName } : null,
      };
    },
  }),

  // A task: the password is hashed off the event loop, then the office and its first user are written at once.
  defineTask({
    name: 'office.setup.create',
    input: setupInput,
    access: 'public',
    handler: async ({ app, input, recordAudit }) => {
      const refuseIfSetUp = () => {
        if (userCount(app) > 0 || readOfficeRow(app)) {
          throw new ApiError('ALREADY_SET_UP', 'ตั้งค่าสำนักงานไว้แล้ว กรุณาเข้าสู่ระบบ', 'The office is already set up; please log in');
        }
      };
      refuseIfSetUp();
      const passwordHash = await hashPasswordOffThread(input.admin.password);
      return app.sqlite.transaction(() => {
        // a second setup window may have finished while this one hashed
        refuseIfSetUp();
        const profile = app.db.insert(office).values({ id: 1, ...input.office }).returning().get();
        const admin = app.db.insert(users).values({ displayName: input.admin.displayName, username: input.admin.username, role: 'admin', passwordHash }).returning().get();
        recordAudit({ entity: 'office', entityId: 1, before: null, after: { office: profile, admin: publicUser(admin) } });
        return { adminUsername: admin.username };
      })();
    },
  }),

  // A task, not a write: the password is checked off the event loop before anything is written, and a failed
  // login must leave its audit row although it answers with a refusal.
  defineTask({
    name: 'office.auth.login',
    input: loginInput,
    access: 'public',
    handler: async ({ app, input, session, recordAudit }) => {
      const client = session.client ?? 'local';
      const verdict = throttleFor(app).begin(input.username, client, app.now().getTime());
      if (!verdict.allowed) {
        recordAudit(failedLogin(null, input.username, 'too-many-tries'));
        throw tooManyTries(verdict.waitMs, verdict.scope, input.username);
      }
      const row = app.db.select().from(users).where(eq(users.username, input.username)).get();
      // An unknown username is checked against a hash no password matches, so it takes as long as a wrong password.
      const matches = await verifyPassword(input.password, row?.passwordHash ?? unmatchableHash);
      if (!row || !row.active || !matches) {
        throttleFor(app).failed(client, app.now().getTime());
        recordAudit(failedLogin(row?.id ?? null, input.username, !row ? 'unknown-username' : !matches ? 'wrong-password' : 'inactive-user'));
        throw new ApiError('BAD_CREDENTIALS', 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', 'Wrong username or password');
      }
      throttleFor(app).succeeded(input.username, client);
      const user: SessionUser = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
      if (passwordResetPending(app, row.id)) user.mustChangePassword = true;
      recordAudit({ entity: 'session', entityId: row.id, before: null, after: { login: row.username } });
      session.user = user;
      session.locked = false;
      noteLogin(app, session);
      return user;
    },
  }),

  defineWrite({
    name: 'office.auth.logout',
    input: z.object({}),
    access: 'user',
    handler: ({ user, session }) => ({
      result: null,
      audit: { entity: 'session', entityId: user!.id, before: { login: user!.username }, after: null },
      afterCommit: () => {
        session.user = null;
        session.locked = false;
      },
    }),
  }),

  // The screen locks after idle time (the renderer's timer): the login stays, so unsaved input under the lock
  // survives, but the router refuses everything except unlocking and logging out until the password is typed again.
  defineWrite({
    name: 'office.auth.lock',
    input: z.object({}),
    access: 'user',
    handler: ({ user, session }) => ({
      result: null,
      audit: { entity: 'session', entityId: user!.id, before: null, after: { locked: user!.username } },
      afterCommit: () => {
        session.locked = true;
      },
    }),
  }),

  defineTask({
    name: 'office.auth.unlock',
    input: unlockInput,
    access: 'user',
    handler: async ({ app, input, user, session, recordAudit }) => {
      await checkOwnPassword(app, user!, session.client ?? 'local', input.password, 'password', recordAudit);
      recordAudit({ entity: 'session', entityId: user!.id, before: { locked: user!.username }, after: null });
      session.locked = false;
      return null;
    },
  }),

  // Tasks: both passwords are hashed off the event loop before anything is written.
  defineTask({
    name: 'office.password.change',
    input: passwordChangeInput,
    access: 'user',
    handler: async ({ app, input, user, session, recordAudit }) => {
      const me = user!;
      if (isUsername(input.newPassword, me.username)) throw passwordIsUsername('newPassword');
      if (input.newPassword.normalize('NFC') === input.currentPassword.normalize('NFC')) {
        throw new ApiError('INVALID_INPUT', 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านปัจจุบัน', 'The new password must differ from the current one', 'newPassword');
      }
      await checkOwnPassword(app, me, session.client ?? 'local', input.currentPassword, 'currentPassword', recordAudit);
      const passwordHash = await hashPasswordOffThread(input.newPassword);
      app.sqlite.transaction(() => {
        app.db.update(users).set({ passwordHash }).where(eq(users.id, me.id)).run();
        app.db.delete(passwordResets).where(eq(passwordResets.userId, me.id)).run();
        // never the password or its hash: only that it changed
        recordAudit({ entity: 'user', entityId: me.id, before: null, after: { passwordChanged: me.username } });
      })();
      session.user = { id: me.id, username: me.username, displayName: me.displayName, role: me.role };
      return session.user;
    },
  }),

  defineTask({
    name: 'office.users.resetPassword',
    input: passwordResetInput,
    access: ['admin'],
    handler: async ({ app, input, user, recordAudit }) => {
      if (input.userId === user!.id) {
        throw new ApiError('INVALID_INPUT', 'เปลี่ยนรหัสผ่านของตัวเองที่ "เปลี่ยนรหัสผ่าน" (ต้องใส่รหัสผ่านปัจจุบัน)', 'Change your own password under "Change password" (it asks for the current one)', 'userId');
      }
      const row = app.db.select().from(users).where(eq(users.id, input.userId)).get();
      if (!row) throw new ApiError('NOT_FOUND', 'ไม่พบผู้ใช้นี้', 'No such user', 'userId');
      if (isUsername(input.newPassword, row.username)) throw passwordIsUsername('newPassword');
      const passwordHash = await hashPasswordOffThread(input.newPassword);
      const at = app.now().toISOString();
      app.sqlite.transaction(() => {
        app.db.update(users).set({ passwordHash }).where(eq(users.id, row.id)).run();
        app.db
          .insert(passwordResets)
          .values({ userId: row.id, resetBy: user!.id, resetAt: at })
          .onConflictDoUpdate({ target: passwordResets.userId, set: { resetBy: user!.id, resetAt: at } })
          .run();
        recordAudit({ entity: 'user', entityId: row.id, before: null, after: { passwordReset: row.username, mustChangePassword: true } });
      })();
      // whoever is logged in as that user now (perhaps not the user) is logged out
      endLoginsOf(app, row.id);
      return { ...publicUser(row), mustChangePassword: true };
    },
  }),

  defineRead({
    name: 'office.profile.get',
    input: z.object({}),
    access: 'user',
    handler: ({ app }) => {
      return requireOfficeRow(app);
    },
  }),

  defineWrite({
    name: 'office.profile.update',
    input: officeProfileInput,
    access: ['admin'],
    handler: ({ app, input }) => {
      const before = requireOfficeRow(app);
      const after = app.db
        .update(office)
        .set({ ...input, updatedAt: app.now().toISOString() })
        .where(eq(office.id, 1))
        .returning()
        .get()!;
      return { result: after, audit: { entity: 'office', entityId: 1, before, after } };
    },
  }),

  defineRead({
    name: 'office.users.list',
    input: z.object({}),
    access: ['admin'],
    handler: ({ app }) => {
      const pending = new Set(app.db.select({ userId: passwordResets.userId }).from(passwordResets).all().map((reset) => reset.userId));
      return userListQuery(app.db)
        .all()
        .map((row) => ({ ...publicUser(row), mustChangePassword: pending.has(row.id) }));
    },
  }),

  // A task: the password is hashed off the event loop, so other windows are answered meanwhile.
  defineTask({
    name: 'office.users.create',
    input: newUserInput,
    access: ['admin'],
    handler: async ({ app, input, recordAudit }) => {
      const refuseIfTaken = () => {
        if (app.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) throw usernameTaken(input.username);
      };
      refuseIfTaken();
      const passwordHash = await hashPasswordOffThread(input.password);
      return app.sqlite.transaction(() => {
        // the same username may have been given while this one hashed
        refuseIfTaken();
        const row = app.db.insert(users).values({ displayName: input.displayName, username: input.username, role: input.role, passwordHash }).returning().get();
        recordAudit({ entity: 'user', entityId: row.id, before: null, after: publicUser(row) });
        return publicUser(row);
      })();
    },
  }),
] as const;
