import { eq, count } from 'drizzle-orm';
import { z } from 'zod';
import { office, users } from '../../db/schema';
import { preparedQuery } from '../../db/prepared';
import { ApiError } from '../api/errors';
import { defineRead, defineWrite, type AppContext, type SessionUser } from '../api/router';
import { hashPassword, verifyPassword } from './passwords';
import { readOfficeRow, requireOfficeRow } from './profile';
import { loginInput, newUserInput, officeProfileInput, setupInput } from './schemas';

const userCountQuery = preparedQuery((db) => db.select({ n: count() }).from(users).prepare());
const userListQuery = preparedQuery((db) => db.select().from(users).orderBy(users.id).prepare());

function userCount(app: AppContext): number {
  return userCountQuery(app.db).get()!.n;
}

function publicUser(row: typeof users.$inferSelect): SessionUser & { active: boolean } {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, active: row.active };
}

const usernameTaken = (username: string) =>
  new ApiError('CONFLICT', `ชื่อผู้ใช้ "${username}" มีอยู่แล้ว กรุณาเลือกชื่ออื่น`, `The username "${username}" is taken`, 'username');

export const officeMethods = [
  defineRead({
    name: 'office.session.get',
    input: z.object({}),
    access: 'public',
    handler: ({ app, user }) => {
      const needsSetup = userCount(app) === 0;
      const profile = readOfficeRow(app);
      return {
        needsSetup,
        user,
        office: profile ? { tambon: profile.tambon, amphoe: profile.amphoe, province: profile.province, councilName: profile.councilName } : null,
      };
    },
  }),

  defineWrite({
    name: 'office.setup.create',
    input: setupInput,
    access: 'public',
    handler: ({ app, input }) => {
      if (userCount(app) > 0 || readOfficeRow(app)) {
        throw new ApiError('ALREADY_SET_UP', 'ตั้งค่าสำนักงานไว้แล้ว กรุณาเข้าสู่ระบบ', 'The office is already set up; please log in');
      }
      const profile = app.db.insert(office).values({ id: 1, ...input.office }).returning().get();
      const admin = app.db
        .insert(users)
        .values({ displayName: input.admin.displayName, username: input.admin.username, role: 'admin', passwordHash: hashPassword(input.admin.password) })
        .returning()
        .get();
      return {
        result: { adminUsername: admin.username },
        audit: { entity: 'office', entityId: 1, before: null, after: { office: profile, admin: publicUser(admin) } },
      };
    },
  }),

  defineWrite({
    name: 'office.auth.login',
    input: loginInput,
    access: 'public',
    handler: ({ app, input, session }) => {
      const row = app.db.select().from(users).where(eq(users.username, input.username)).get();
      if (!row || !row.active || !verifyPassword(input.password, row.passwordHash)) {
        throw new ApiError('BAD_CREDENTIALS', 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', 'Wrong username or password');
      }
      const user: SessionUser = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
      return {
        result: user,
        audit: { entity: 'session', entityId: row.id, before: null, after: { login: row.username } },
        afterCommit: () => {
          session.user = user;
        },
      };
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
      },
    }),
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
    handler: ({ app }) => userListQuery(app.db).all().map(publicUser),
  }),

  defineWrite({
    name: 'office.users.create',
    input: newUserInput,
    access: ['admin'],
    handler: ({ app, input }) => {
      if (app.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
        throw usernameTaken(input.username);
      }
      const row = app.db
        .insert(users)
        .values({ displayName: input.displayName, username: input.username, role: input.role, passwordHash: hashPassword(input.password) })
        .returning()
        .get();
      return { result: publicUser(row), audit: { entity: 'user', entityId: row.id, before: null, after: publicUser(row) } };
    },
  }),
] as const;
