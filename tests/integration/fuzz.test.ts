// A seeded fuzzer of the router (issue 11): every registered method, called by every kind of caller with hostile
// input. Nothing may answer INTERNAL, no answer may carry a stack trace or a file path, and a refused call writes
// nothing (a refused login writes exactly its one audit row). FUZZ_SEED=… repeats a run; FUZZ_CALLS=… makes it longer.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiErrorData } from '../../main/api/errors';
import { methods } from '../../main/api/methods';
import type { ClientSession, SessionUser } from '../../main/api/router';
import { SESSION_HEADER, startHost, TOKEN_HEADER } from '../../main/host/server';
import { routerCalls } from '../helpers/router-calls';
import { setUpOffice, tempApp, tempDir } from '../helpers/temp';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const CALLS = Number(process.env.FUZZ_CALLS ?? 10_000);
const TIME_BUDGET_MS = 55_000;

/** mulberry32: small, fast, and the same sequence from the same seed on every machine. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const hostileStrings = [
  '',
  ' ',
  'ก',
  'นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์วงศ์',
  'ปุณณ์ญาดา',
  '1101700203450',
  '1101700203451',
  '1-1017-00203-45-1',
  '0000000000000',
  '2024-02-30',
  '2567-01-01',
  '0000-00-00',
  '9999-12-31',
  '2024-13-01',
  '15/03/2566',
  '%E0%A4%A',
  '100%',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\uD800',
  '\u202Eสลับ',
  '🙂👨‍👩‍👧',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  'admin',
  'treasurer',
  'general',
  'JVBERi0xLjQK',
  'UEsDBBQAAAAIAA==',
  'ก'.repeat(5_000),
];
const hostileNumbers = [0, -0, 1, 2, 3, -1, 0.5, 12.75, 999_999_999, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, Number.MIN_VALUE];

function generator(seed: number) {
  const random = randomFrom(seed);
  const value = (depth = 0): unknown => {
    const roll = random.int(100);
    if (roll < 30) return random.pick(hostileStrings);
    if (roll < 52) return random.pick(hostileNumbers);
    if (roll < 58) return random.pick([null, true, false]);
    if (roll < 60) return 'x'.repeat(random.pick([256, 4_096, 100_000]));
    if (roll < 72 && depth < 4) return Array.from({ length: random.pick([0, 1, 2, 5]) }, () => value(depth + 1));
    if (roll < 74) return Array.from({ length: 5_000 }, (_, i) => i);
    if (roll < 88 && depth < 4) {
      const object: Record<string, unknown> = {};
      for (let i = random.int(4); i > 0; i--) object[random.pick(['id', 'code', 'th', 'amountSatang', 'name', 'rows', 'x'])] = value(depth + 1);
      return object;
    }
    if (roll < 91) return JSON.parse('{"__proto__": {"role": "admin", "isAdmin": true}, "constructor": {"prototype": {"polluted": 1}}}') as unknown;
    if (roll < 93) {
      let nested: unknown = 'ลึก';
      for (let i = 0; i < 200; i++) nested = { a: nested };
      return nested;
    }
    return random.pick([undefined, {}, [], '']);
  };
  /** An input for a method: mostly its own field names with hostile values (to reach past the first check). */
  const input = (fields: readonly string[]): unknown => {
    const roll = random.int(100);
    if (roll < 8) return value();
    const object: Record<string, unknown> = {};
    for (const field of fields) {
      if (random.int(10) < 2) continue;
      // ids near the real rows, so that some calls reach existing records
      object[field] = /(^id$|Id$|Ids$)/.test(field) && random.int(10) < 6 ? (field.endsWith('Ids') ? [1, 2, random.int(5)] : 1 + random.int(4)) : value();
    }
    if (roll < 14) object[random.pick(['extra', '__proto__', 'role'])] = value();
    return object;
  };
  return { ...random, input };
}

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

const isoDates = ['2024-03-15', '2025-10-01', '2026-02-28', '2020-01-01', '2026-12-31'];
const plainTexts = ['ปุณณ์ญาดา', 'กัญญ์ณัฏฐ์', 'ศรีสุข', 'บ้านหนองบัว', 'มติที่ประชุม ครั้งที่ 1/2567', 'นาง', 'general', 'R1', 'A-001', 'ค่าเครื่องเขียน'];

/**
 * A value that passes the input schema's shape (types, enums, lengths, ranges), with dates and IDs where the field's
 * name asks for one: such calls get past the first check and into the handlers, where a refusal must still write
 * nothing.
 */
function plausible(schema: JsonSchema, field: string, random: ReturnType<typeof randomFrom>, depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return random.pick(schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return plausible(random.pick(branches), field, random, depth);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  const type = random.pick(types.length > 1 && random.int(4) ? types.filter((t) => t !== 'null') : types);
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return random.int(2) === 0;
    case 'integer':
    case 'number': {
      const low = Math.max(schema.minimum ?? -1000, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const high = Math.min(schema.maximum ?? 1_000_000, /Satang$/.test(field) ? 500_000 : /Id$|^id$|number$/i.test(field) ? Math.max(low, 4) : 1_000_000);
      return low + random.int(Math.max(1, high - low + 1));
    }
    case 'array': {
      const length = Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + random.int(3));
      return depth > 5 ? [] : Array.from({ length }, () => plausible(schema.items ?? {}, field.replace(/s$/, ''), random, depth + 1));
    }
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || random.int(2) === 0) object[key] = depth > 5 ? null : plausible(property, key, random, depth + 1);
      }
      return object;
    }
    default: {
      if (/date|asOf|from$/i.test(field)) return random.pick(isoDates);
      if (/citizenId/i.test(field)) return random.pick(['1101700203450', '3100600123452', '']);
      const text = random.pick(plainTexts);
      const shortest = schema.minLength ?? 0;
      const longest = schema.maxLength ?? 200;
      return text.length < shortest ? text.padEnd(shortest, 'ก') : text.slice(0, longest);
    }
  }
}

/** Methods whose accepted calls are slow by nature (PDFs, spreadsheets, password hashing): hostile inputs only. */
const slowWhenAccepted = /Print$|\.print$|forms\.render|people\.import|persons\.export|users\.create|setup\.create|^backup\.|password|unlock/;

function fieldsOf(name: string): string[] {
  const schema = (methods as Record<string, { input: { shape?: Record<string, unknown> } }>)[name]!.input;
  return Object.keys(schema.shape ?? {});
}

/** Methods that check a password: a wrong one is refused and still leaves its audit row. */
const passwordChecks = ['office.auth.login', 'office.auth.unlock', 'office.password.change'];

const leakPattern = /\n\s+at |\.tsx?:\d+|\.c?js:\d+|node_modules|\/work\/|[A-Z]:\\|SqliteError|ZodError|TypeError|ReferenceError|RangeError|SQLITE_/;

describe('router fuzzer (issue 11)', () => {
  it(`${CALLS} seeded hostile calls over every method: no INTERNAL, no stack trace, no write on a refused call`, async () => {
    const app = tempApp();
    const admin = await setUpOffice(app);
    const { call } = routerCalls(app, admin);
    await call('office.users.create', { displayName: 'นางสาวกัญญ์ณัฏฐ์ ศรีสุข', username: 'kanyanat', password: 'รหัสผ่านยาว5678', role: 'treasurer' });
    await call('office.users.create', { displayName: 'นายปุณณ์ ใจดี', username: 'poon', password: 'รหัสผ่านยาว9012', role: 'viewer' });
    await call('people.villages.create', { number: 3, name: 'บ้านหนองบัว' });
    await call('people.persons.create', { title: 'นางสาว', firstName: 'ปุณณ์ญาดา', lastName: 'ศรีสุข', citizenId: '1101700203450', villageId: 1 });
    // a fund with its regulation, one member and a receipt book, so that welfare calls reach real records
    await call('welfare.regulation.create', await call('welfare.regulation.preset', { effectiveFrom: '2020-01-01' }));
    await call('welfare.members.join', { personId: 1, memberNumber: '0001', category: 'general', applicationDate: '2024-03-15', startDate: '2024-03-15' });
    await call('welfare.receiptBooks.create', { bookNumber: '12', firstNumber: 1, lastNumber: 50 });
    const users: (SessionUser | null)[] = [null, admin.user, ...(app.database.sqlite.prepare('SELECT id, username, display_name AS displayName, role FROM users WHERE id > 1').all() as SessionUser[])];

    const sqlite = app.database.sqlite;
    // A second connection's data_version moves with every commit by any other connection (the app's, or a worker's),
    // and never for a transaction rolled back: exactly "was anything written".
    const watcher = new Database(sqlite.name, { readonly: true, fileMustExist: true });
    const commits = () => watcher.pragma('data_version', { simple: true }) as number;
    const auditCount = sqlite.prepare('SELECT count(*) AS n FROM audit_log');
    const lastAudit = sqlite.prepare('SELECT method, after FROM audit_log ORDER BY id DESC LIMIT 1');
    const writesSeen = () => ({ commits: commits(), audit: (auditCount.get() as { n: number }).n });

    const names = Object.keys(methods);
    const fields = new Map(names.map((name) => [name, fieldsOf(name)]));
    const schemas = new Map(names.map((name) => [name, z.toJSONSchema((methods as Record<string, { input: z.ZodType }>)[name]!.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema]));
    const fuzz = generator(SEED);
    const problems: string[] = [];
    const perMethod = new Map<string, { calls: number; accepted: number }>(names.map((name) => [name, { calls: 0, accepted: 0 }]));
    const commitsAtStart = commits();
    // Methods that take a folder or file on disk (backups) get it inside an empty folder of the test's own, so that
    // nothing hostile can land beside the repository.
    const sandbox = tempDir();
    const started = Date.now();
    let calls = 0;
    // the turn of the method table advances only on real method names: with `calls % names.length`, a table whose
    // length is a multiple of 7 left one method in seven never called
    let turn = 0;
    for (; calls < CALLS && Date.now() - started < TIME_BUDGET_MS; calls++) {
      // every method in turn, each with a random caller: no one, an administrator, a treasurer, a viewer
      const name = calls % 7 === 6 ? `${fuzz.pick(names)}${fuzz.pick(['', '.x', '/../x', '%00'])}` : names[turn++ % names.length]!;
      const session: ClientSession = { user: fuzz.pick(users), client: `fuzz ${fuzz.int(3)}` };
      const schema = schemas.get(name);
      const mode = !schema || slowWhenAccepted.test(name) ? 2 : fuzz.int(3);
      // 0: a plausible input; 1: a plausible input with one field made hostile; 2: hostile values in its own fields
      let input = mode < 2 ? plausible(schema!, name, fuzz) : fuzz.input(fields.get(name) ?? []);
      if (mode === 1 && input && typeof input === 'object' && !Array.isArray(input)) {
        const keys = Object.keys(input);
        if (keys.length) input = { ...input, [fuzz.pick(keys)]: fuzz.input([]) };
      }
      if (input && typeof input === 'object' && !Array.isArray(input)) {
        const fields = { ...(input as Record<string, unknown>) };
        for (const key of ['folder', 'file']) if (typeof fields[key] === 'string') fields[key] = path.join(sandbox, fields[key]);
        input = fields;
      }
      const before = writesSeen();
      const result = await app.router.call(session, name, input);
      const after = writesSeen();
      const counts = perMethod.get(name);
      if (counts) {
        counts.calls++;
        if (result.ok) counts.accepted++;
      }
      const shown = () => `#${calls} ${name} as ${session.user?.role ?? 'nobody'} with ${JSON.stringify(input)?.slice(0, 300)}`;
      if (result.ok) continue;
      const error: ApiErrorData = result.error;
      if (error.code === 'INTERNAL') problems.push(`INTERNAL: ${shown()}`);
      if (leakPattern.test(JSON.stringify(error))) problems.push(`leaks internals (${JSON.stringify(error).slice(0, 200)}): ${shown()}`);
      if (!/[\u0E00-\u0E7F]/.test(error.messageTh) || !error.messageEn) problems.push(`message not in Thai and English: ${shown()}`);
      if (passwordChecks.includes(name) && ['BAD_CREDENTIALS', 'TOO_MANY_TRIES'].includes(error.code)) {
        // a refused login (or unlock, or password change) leaves exactly its own audit row, and nothing else
        const row = lastAudit.get() as { method: string; after: string };
        if (after.audit !== before.audit + 1 || after.commits === before.commits || row.method !== name || !JSON.parse(row.after).failedLogin) {
          problems.push(`refused login did not write exactly one audit row: ${shown()}`);
        }
      } else if (after.commits !== before.commits || after.audit !== before.audit) {
        problems.push(`refused (${error.code}) but wrote: ${shown()}`);
      }
      if (problems.length > 20) break;
    }
    const elapsed = Date.now() - started;
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    // the watcher does see commits: the accepted writes (logouts, failed logins) moved it
    const watcherSawCommits = commits() > commitsAtStart;
    watcher.close();
    console.log(`fuzz seed ${SEED}: ${calls} calls in ${elapsed} ms; accepted per method: ${[...perMethod].map(([name, c]) => `${name} ${c.accepted}/${c.calls}`).join(', ')}`);

    expect(problems, `seed ${SEED}`).toEqual([]);
    expect(calls, `only ${calls} calls in ${TIME_BUDGET_MS} ms`).toBeGreaterThanOrEqual(CALLS);
    expect([...perMethod.values()].every((c) => c.calls >= CALLS / names.length / 2)).toBe(true);
    expect(integrity).toBe('ok');
    expect(watcherSawCommits).toBe(true);
  }, 90_000);
});

describe('browser-mode host fuzzer (issue 11)', () => {
  it('1,000 seeded hostile requests (addresses, headers, bodies): never 500, never a stack trace, nothing written', async () => {
    const app = tempApp();
    await setUpOffice(app);
    const host = await startHost({ app });
    const random = randomFrom(SEED);
    const escapes = ['%', '%E0%A4%A', '%ZZ', '%00', '%2e%2e%2f', '..%5c', '%F0%9F', '%C0%AF', '/..', '//', '?token=', '#', ';', '%E0%B8%81', 'ก'];
    const bodies = ['', 'null', 'true', '0', '"x"', '[]', '{}', '{"callId": null}', '{not json', '\u0000', '['.repeat(50_000) + ']'.repeat(50_000), JSON.stringify({ a: 'ก'.repeat(100_000) }), '{"__proto__": {"user": {"role": "admin"}}}'];
    const cookies = ['prefs=100%', 'td_token=%', 'a=%E0%A4%A; b', '=;=;==', 'x='.repeat(2_000)];
    const names = Object.keys(methods);
    const auditBefore = (app.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const problems: string[] = [];
    try {
      for (let i = 0; i < 1000; i++) {
        const api = random.int(10) < 7;
        const name = random.int(3) === 0 ? random.pick(escapes) : random.pick(names.filter((n) => !/login|logout|create|update|save|join|void|lock|reopen|approve|pay|end|delete|reorder|commit/.test(n)));
        const address = api ? `/api/${name}${random.int(4) === 0 ? random.pick(escapes) : ''}` : `/${random.pick(escapes)}${random.pick(escapes)}`;
        const headers: Record<string, string> = {};
        if (random.int(10) < 8) headers[TOKEN_HEADER] = random.int(10) < 9 ? host.token : random.pick(['', host.token.slice(1), 'ก'.repeat(32)]);
        if (random.int(3) === 0) headers[SESSION_HEADER] = random.pick(['', 'x', host.token, 'ก']);
        if (random.int(3) === 0) headers.cookie = random.pick(cookies);
        if (random.int(5) === 0) headers.origin = random.pick(['null', 'http://evil.example', `http://127.0.0.1:${host.port}`]);
        const method = random.pick(['GET', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD']);
        const body = method === 'POST' || method === 'PUT' ? random.pick(bodies) : undefined;
        let status = 0;
        let text = '';
        try {
          // header values go as raw UTF-8 bytes, as a hostile client would send Thai in a header
          const rawHeaders = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, Buffer.from(value).toString('latin1')]));
          const response = await fetch(`http://127.0.0.1:${host.port}${address}`, { method, headers: rawHeaders, body });
          status = response.status;
          text = await response.text();
        } catch (error) {
          problems.push(`#${i} ${method} ${address}: no answer (${String(error)})`);
          continue;
        }
        if (status >= 500) problems.push(`#${i} ${method} ${address} → ${status}`);
        if (leakPattern.test(text)) problems.push(`#${i} ${method} ${address} leaks: ${text.slice(0, 200)}`);
      }
    } finally {
      await host.close();
    }
    expect(problems, `seed ${SEED}`).toEqual([]);
    // only reads and refusals were sent: no audit row appeared
    expect((app.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);
  }, 90_000);
});
