import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../main/host/server';
import { auditCount, firstAdmin, sampleOffice, tempApp } from '../helpers/temp';

let host: RunningHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

const origin = (h: RunningHost) => `http://127.0.0.1:${h.port}`;

async function post(h: RunningHost, method: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin(h)}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; messageTh: string } }, cookie: response.headers.get('set-cookie') };
}

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and prints a link carrying the token', async () => {
    host = await startHost({ app: tempApp() });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('a request without the token gets 401 and touches nothing', async () => {
    const app = tempApp();
    host = await startHost({ app });
    const result = await post(host, 'office.setup.create', { office: sampleOffice, admin: firstAdmin });
    expect(result.status).toBe(401);
    expect(result.body.error?.messageTh).toContain('ลิงก์');
    expect(auditCount(app)).toBe(0);
    expect(app.database.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });

    const wrongToken = await post(host, 'office.setup.create', { office: sampleOffice, admin: firstAdmin }, { [TOKEN_HEADER]: 'guess' });
    expect(wrongToken.status).toBe(401);
    expect(auditCount(app)).toBe(0);
  });

  it('refuses a request from a foreign web page (Origin check) and a foreign Host name', async () => {
    const app = tempApp();
    host = await startHost({ app });
    const foreign = await post(host, 'office.setup.create', { office: sampleOffice, admin: firstAdmin }, { [TOKEN_HEADER]: host.token, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(auditCount(app)).toBe(0);
    // fetch() will not send a chosen Host header, so this one goes through node:http (a DNS-rebinding page would).
    const running = host;
    const reboundStatus = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: running.port, path: '/api/office.session.get', method: 'POST', headers: { host: 'evil.example', [TOKEN_HEADER]: running.token } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(reboundStatus).toBe(421);
  });

  it('serves the router with the token, keeping the login in a session cookie', async () => {
    const app = tempApp();
    host = await startHost({ app });
    const auth = { [TOKEN_HEADER]: host.token, origin: origin(host) };
    expect((await post(host, 'office.setup.create', { office: sampleOffice, admin: firstAdmin }, auth)).body.ok).toBe(true);
    const login = await post(host, 'office.auth.login', { username: firstAdmin.username, password: firstAdmin.password }, auth);
    expect(login.body.ok).toBe(true);
    const sessionCookie = login.cookie!.split(';')[0]!;
    const profile = await post(host, 'office.profile.get', {}, { ...auth, cookie: sessionCookie });
    expect(profile.body).toMatchObject({ ok: true, value: { tambon: 'หนองบัว' } });
    const otherBrowser = await post(host, 'office.profile.get', {}, auth);
    expect(otherBrowser.body).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('moves the token from the printed link into a cookie and out of the address bar', async () => {
    host = await startHost({ app: tempApp() });
    const response = await fetch(host.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('set-cookie')).toMatch(/td_token=.*HttpOnly; SameSite=Strict/);
    const bad = await fetch(`${origin(host)}/?token=wrong`, { redirect: 'manual' });
    expect(bad.status).toBe(401);
  });

  it('answers malformed JSON with a Thai message', async () => {
    host = await startHost({ app: tempApp() });
    const response = await fetch(`${origin(host)}/api/office.session.get`, { method: 'POST', headers: { [TOKEN_HEADER]: host.token }, body: '{not json' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { messageTh: string } }).error.messageTh).toContain('JSON');
  });
});
