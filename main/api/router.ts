import { type z } from 'zod';
import type { Db } from '../../db/open';
import type Database from 'better-sqlite3';
import { appendAudit, type AuditEntry } from '../../db/audit';
import { ApiError, errors, storageFailure, type ApiResult } from './errors';
import { auditorMayCall, roleNames, type Role } from './roles';
import { invalidInput } from './validation';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** an administrator reset the password: until the user picks a new one, only that (or logout) is allowed */
  mustChangePassword?: boolean;
}

/** One per window (Electron) or per browser (browser mode): who is logged in there. */
export interface ClientSession {
  user: SessionUser | null;
  /** who is on the other end, for the login throttle: the browser's address in browser mode, the window in Electron */
  client?: string;
  /** the screen locked after idle time: the login stays, but only unlocking or logging out is allowed */
  locked?: boolean;
  /** which login this is, in the order of logins to this data (see endLoginsOf) */
  loginNumber?: number;
}

interface LoginBook {
  count: number;
  /** user id → the last login number ended for that user (by a password reset) */
  endedUpTo: Map<number, number>;
  /** the last login number ended for everyone (by a restore: the logins belong to other data) */
  allEndedUpTo: number;
}
const loginBooks = new WeakMap<AppContext['sqlite'], LoginBook>();
function loginBook(app: AppContext): LoginBook {
  let book = loginBooks.get(app.sqlite);
  if (!book) {
    book = { count: 0, endedUpTo: new Map(), allEndedUpTo: -1 };
    loginBooks.set(app.sqlite, book);
  }
  return book;
}

/** Numbers a login just made in this session, so that a later endLoginsOf can end it. */
export function noteLogin(app: AppContext, session: ClientSession): void {
  session.loginNumber = ++loginBook(app).count;
}

/** Ends every login this user has now, in every window and browser (their next call finds them logged out). */
export function endLoginsOf(app: AppContext, userId: number): void {
  const book = loginBook(app);
  book.endedUpTo.set(userId, book.count);
}

/** Ends every login there is, in every window and browser: the data was replaced by a backup's. */
export function endAllLogins(app: AppContext): void {
  const book = loginBook(app);
  book.allEndedUpTo = book.count;
}

/** What every service gets: the open database and the clock (injectable for tests). */
export interface AppContext {
  db: Db;
  sqlite: Database.Database;
  now: () => Date;
}

/** 'public': no login needed; 'user': any logged-in user; a list: those roles (admin is always allowed). */
export type Access = 'public' | 'user' | readonly Role[];

export interface Call<I> {
  input: I;
  app: AppContext;
  session: ClientSession;
  /** the logged-in user; null only for 'public' methods */
  user: SessionUser | null;
  /** progress of long work (0..1 with a count); forwarded to the caller's window where the transport can */
  progress: (report: ProgressReport) => void;
  signal: AbortSignal;
}

export interface ProgressReport {
  done: number;
  total: number;
  /** what is counted: items (documents, rows) or percent of one piece of work */
  unit: 'items' | 'percent';
}

/** What a write returns: its result and the one audit row that records it. */
export interface WriteOutcome<O> {
  result: O;
  /** null only when the write changed nothing the history shows (a pass that found nothing due; kept summaries may be refreshed) */
  audit: AuditEntry | null;
  /** runs after the transaction committed (e.g. setting the session user on login) */
  afterCommit?: () => void;
}

interface MethodCommon<S extends z.ZodType, N extends string = string> {
  name: N;
  input: S;
  access: Access;
}

export interface ReadMethod<S extends z.ZodType, O, N extends string = string> extends MethodCommon<S, N> {
  kind: 'read';
  handler: (call: Call<z.output<S>>) => O | Promise<O>;
}

/** Writes are synchronous so that they run inside one better-sqlite3 transaction. */
export interface WriteMethod<S extends z.ZodType, O, N extends string = string> extends MethodCommon<S, N> {
  kind: 'write';
  handler: (call: Call<z.output<S>>) => WriteOutcome<O>;
}

/**
 * Long work that cannot run inside one synchronous transaction on the main thread: an import committed by a worker
 * (which writes its rows and its audit row in one transaction of its own), an export that records who took the
 * personal data. The handler writes its audit row itself, through `recordAudit` or in its worker's transaction.
 */
export interface TaskMethod<S extends z.ZodType, O, N extends string = string> extends MethodCommon<S, N> {
  kind: 'task';
  handler: (call: TaskCall<z.output<S>>) => Promise<O>;
}

export interface TaskCall<I> extends Call<I> {
  /** appends one audit row now, as the calling user */
  recordAudit: (entry: AuditEntry) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of heterogeneous methods
export type AnyMethod = ReadMethod<any, any> | WriteMethod<any, any> | TaskMethod<any, any>;

export function defineRead<S extends z.ZodType, O, const N extends string>(
  method: Omit<ReadMethod<S, O, N>, 'kind'>,
): ReadMethod<S, O, N> {
  return { ...method, kind: 'read' };
}

export function defineWrite<S extends z.ZodType, O, const N extends string>(
  method: Omit<WriteMethod<S, O, N>, 'kind'>,
): WriteMethod<S, O, N> {
  return { ...method, kind: 'write' };
}

export function defineTask<S extends z.ZodType, O, const N extends string>(
  method: Omit<TaskMethod<S, O, N>, 'kind'>,
): TaskMethod<S, O, N> {
  return { ...method, kind: 'task' };
}

/** Keys a list of methods by name, keeping each one's types for the contract. */
export function methodTable<const M extends readonly AnyMethod[]>(
  list: M,
): { [K in M[number] as K['name']]: K } {
  const table: Record<string, AnyMethod> = {};
  for (const method of list) {
    if (table[method.name]) throw new Error(`method ${method.name} declared twice`);
    table[method.name] = method;
  }
  return table as { [K in M[number] as K['name']]: K };
}

export type MethodInput<M> = M extends MethodCommon<infer S, string> ? z.input<S> : never;
export type MethodOutput<M> =
  M extends ReadMethod<z.ZodType, infer O, string>
    ? Awaited<O>
    : M extends WriteMethod<z.ZodType, infer O, string>
      ? O
      : M extends TaskMethod<z.ZodType, infer O, string>
        ? O
        : never;

export interface CallOptions {
  progress?: (report: ProgressReport) => void;
  signal?: AbortSignal;
}

export class Router {
  private readonly methods: Map<string, AnyMethod>;

  constructor(
    readonly app: AppContext,
    table: Record<string, AnyMethod>,
  ) {
    this.methods = new Map(Object.entries(table));
  }

  private writesHeld: Promise<ApiError | null> = Promise.resolve(null);

  /** Every write and task waits for `check` (the data file's page check); a refusal it gives refuses them all. */
  holdWritesUntil(check: Promise<ApiError | null>): void {
    this.writesHeld = check;
  }

  has(name: string): boolean {
    return this.methods.has(name);
  }

  /** Never throws: every failure comes back as typed error data. */
  async call(session: ClientSession, name: string, rawInput: unknown, options: CallOptions = {}): Promise<ApiResult<unknown>> {
    try {
      const value = await this.dispatch(session, name, rawInput, options);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toData() };
      const storage = storageFailure(error);
      if (storage) return { ok: false, error: storage.toData() };
      console.error(`[api] ${name} failed`, error);
      return { ok: false, error: errors.internal().toData() };
    }
  }

  private async dispatch(session: ClientSession, name: string, rawInput: unknown, options: CallOptions): Promise<unknown> {
    const method = this.methods.get(name);
    if (!method) throw errors.unknownMethod(name);
    const book = loginBook(this.app);
    const login = session.loginNumber ?? 0;
    if (session.user && (login <= book.allEndedUpTo || login <= (book.endedUpTo.get(session.user.id) ?? -1))) session.user = null;
    const user = checkAccess(method, session);
    if (method.kind !== 'read') {
      const refusal = await this.writesHeld;
      if (refusal) throw refusal;
    }
    const parsed = method.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw invalidInput(parsed.error);
    const call: Call<unknown> = {
      input: parsed.data,
      app: this.app,
      session,
      user,
      progress: options.progress ?? (() => {}),
      signal: options.signal ?? new AbortController().signal,
    };
    if (method.kind === 'read') return await method.handler(call);
    if (method.kind === 'task') {
      const recordAudit = (entry: AuditEntry) => appendAudit(this.app.sqlite, { userId: user?.id ?? null, at: this.app.now(), method: method.name }, entry);
      return await method.handler({ ...call, recordAudit });
    }
    return this.runWrite(method, call);
  }

  private runWrite(method: WriteMethod<z.ZodType, unknown>, call: Call<unknown>): unknown {
    const { sqlite, now } = this.app;
    const outcome = sqlite.transaction(() => {
      const result = method.handler(call);
      if (typeof (result as { then?: unknown }).then === 'function') {
        throw new Error(`write method ${method.name} must be synchronous`);
      }
      if (result.audit !== null) appendAudit(sqlite, { userId: call.user?.id ?? null, at: now(), method: method.name }, result.audit);
      return result;
    })();
    outcome.afterCommit?.();
    return outcome.result;
  }
}

/** What a locked screen, or a user who must first pick a new password, may still call. */
const whileLocked: ReadonlySet<string> = new Set(['office.session.get', 'office.auth.unlock', 'office.auth.logout']);
const whilePasswordDue: ReadonlySet<string> = new Set(['office.session.get', 'office.password.change', 'office.auth.logout', 'office.auth.lock', 'office.auth.unlock']);

function checkAccess(method: AnyMethod, session: ClientSession): SessionUser | null {
  const { access, name: methodName } = method;
  if (access === 'public') return session.user;
  const user = session.user;
  if (!user) throw errors.notLoggedIn();
  if (session.locked && !whileLocked.has(methodName)) throw errors.screenLocked();
  if (user.mustChangePassword && !whilePasswordDue.has(methodName)) throw errors.passwordChangeDue();
  // The auditor reads everything and changes nothing: every read, and only the writes and tasks listed in roles.ts.
  if (user.role === 'auditor') {
    if (method.kind === 'read' || auditorMayCall.has(methodName)) return user;
  } else if (access === 'user' || user.role === 'admin' || access.includes(user.role)) {
    return user;
  }
  const name = roleNames[user.role];
  throw errors.roleNotAllowed(name.th, name.en);
}
