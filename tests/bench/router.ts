// What the one router costs: router.call beside the bare query it runs, and the browser-mode host (HTTP on
// 127.0.0.1) beside the in-process call. Target (DESIGN.md): a list query through the router ≤ 1.3× the bare query.
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { office } from '../../db/schema';
import { createApp, type App } from '../../main/app';
import type { ClientSession } from '../../main/api/router';
import { SESSION_HEADER, startHost, TOKEN_HEADER } from '../../main/host/server';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { makeTempDir, measurePair, pairRow, type BenchRow } from './measure';

const inProcess = { warmup: 20, samples: 300, batch: 50 } as const;
const overHttp = { warmup: 10, samples: 200, batch: 10 } as const;

function expectOk(result: { ok: boolean }): void {
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result)}`);
}

async function benchHttp(app: App, inProcessSession: ClientSession, rows: BenchRow[]): Promise<void> {
  const name = 'office.profile.get: HTTP host vs in-process router';
  const running = await startHost({ app, port: 0 });
  try {
    const base = `http://127.0.0.1:${running.port}`;
    const admin = generateSampleTambon({ size: 'small' }).users[0]!;
    const login = await fetch(`${base}/api/office.auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tambon-token': running.token },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    expectOk((await login.json()) as { ok: boolean });
    // The host answers a login with its session id in a header; the browser page sends it back the same way.
    const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: running.token, [SESSION_HEADER]: login.headers.get(SESSION_HEADER) ?? '' };

    const timing = await measurePair(
      async () => {
        const response = await fetch(`${base}/api/office.profile.get`, { method: 'POST', headers, body: '{}' });
        expectOk((await response.json()) as { ok: boolean });
      },
      async () => expectOk(await app.router.call(inProcessSession, 'office.profile.get', {})),
      overHttp,
    );
    rows.push(pairRow(name, timing, 'fetch (keep-alive) POST + JSON both ways; baseline: router.call in process'));
  } finally {
    await running.close();
  }
}

export async function benchRouter(): Promise<BenchRow[]> {
  const temp = makeTempDir('router');
  const app = createApp(path.join(temp.dir, 'tambon-desk.sqlite'));
  const rows: BenchRow[] = [];
  try {
    const { adminSession } = await loadSampleTambon(app, generateSampleTambon({ size: 'small' }));
    const { db, sqlite } = app.database;

    // The statement prepared once, as a hand-written service would keep it.
    const bareProfile = sqlite.prepare('SELECT * FROM office WHERE id = ?');
    const profileViaRouter = await measurePair(
      async () => expectOk(await app.router.call(adminSession, 'office.profile.get', {})),
      () => bareProfile.get(1),
      inProcess,
    );
    rows.push(pairRow('office.profile.get: router.call vs bare prepared query', profileViaRouter, 'one row; router = access check + zod + drizzle + result wrapper'));

    const profileViaDrizzle = await measurePair(
      () => db.select().from(office).where(eq(office.id, 1)).get(),
      () => bareProfile.get(1),
      inProcess,
    );
    rows.push(pairRow('  its query alone: drizzle builder vs bare prepared', profileViaDrizzle, 'drizzle builds and prepares the SQL on every call'));

    // The remedy to weigh: drizzle's own prepared query, built once.
    const preparedProfile = db.select().from(office).where(eq(office.id, 1)).prepare();
    const profileViaDrizzlePrepared = await measurePair(() => preparedProfile.get(), () => bareProfile.get(1), inProcess);
    rows.push(pairRow('  the same query as a drizzle .prepare()d query vs bare', profileViaDrizzlePrepared, 'built once, as a service could keep it'));

    const bareUsers = sqlite.prepare('SELECT id, username, display_name, role, active FROM users ORDER BY id');
    const usersViaRouter = await measurePair(
      async () => expectOk(await app.router.call(adminSession, 'office.users.list', {})),
      () => bareUsers.all(),
      inProcess,
    );
    rows.push(pairRow('office.users.list (5 rows): router.call vs bare prepared', usersViaRouter, 'target ≤ 1.3× for list queries'));

    await benchHttp(app, adminSession, rows);
  } finally {
    app.close();
    temp.remove();
  }
  return rows;
}
