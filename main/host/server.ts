// Browser mode: the same router as Electron, behind a small HTTP server on 127.0.0.1.
// Every API request must carry this start's random token (cookie or header) and, when a browser sends an
// Origin, our own origin. A request that fails either check gets 401/403 and reaches no method.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { App } from '../app';
import type { ClientSession, ProgressReport } from '../api/router';
import type { ApiErrorData } from '../api/errors';

export interface HostOptions {
  app: App;
  port?: number;
  /** the built renderer (dist/renderer); without it only the API is served */
  rendererDir?: string;
  token?: string;
}

export interface RunningHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-tambon-token';
const TOKEN_COOKIE = 'td_token';
const SESSION_COOKIE = 'td_session';
/**
 * The largest request: a spreadsheet to import travels as base64 in JSON, and the reader takes files up to 15 MB
 * (main/spreadsheets/read.ts), which is 20 MB as base64; the rest is room for the JSON around it.
 */
const MAX_BODY_BYTES = 24 * 1024 * 1024;

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles at run time (CSS-in-JS)
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const refusals = {
  noToken: {
    code: 'NOT_LOGGED_IN',
    messageTh: 'ไม่มีรหัสเข้าใช้งานของการเปิดโปรแกรมครั้งนี้ กรุณาเปิดจากลิงก์ที่โปรแกรมแสดงตอนเริ่มทำงาน',
    messageEn: "Missing this start's access token; open the link the program printed when it started",
  },
  badOrigin: {
    code: 'NOT_LOGGED_IN',
    messageTh: 'คำขอนี้ไม่ได้มาจากหน้าจอของโปรแกรม จึงถูกปฏิเสธ',
    messageEn: 'This request did not come from the program’s own page and was refused',
  },
  badBody: {
    code: 'INVALID_INPUT',
    messageTh: 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง',
    messageEn: 'The request body is not valid JSON',
  },
} satisfies Record<string, ApiErrorData>;

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sessions = new Map<string, ClientSession>();
  const eventStreams = new Map<string, Set<http.ServerResponse>>();
  const runningCalls = new Map<string, { sessionId: string; controller: AbortController }>();
  let origins: Set<string> = new Set();
  let hosts: Set<string> = new Set();

  function sessionFor(req: http.IncomingMessage, cookies: Map<string, string>): { id: string; session: ClientSession; setCookie?: string } {
    const existing = cookies.get(SESSION_COOKIE);
    if (existing && sessions.has(existing)) return { id: existing, session: sessions.get(existing)! };
    const id = randomBytes(18).toString('base64url');
    const session: ClientSession = { user: null };
    sessions.set(id, session);
    return { id, session, setCookie: `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/` };
  }

  function emitProgress(sessionId: string, callId: string, report: ProgressReport): void {
    for (const stream of eventStreams.get(sessionId) ?? []) stream.write(`data: ${JSON.stringify({ callId, report })}\n\n`);
  }

  function serveStatic(url: URL, res: http.ServerResponse): void {
    const root = options.rendererDir;
    if (!root) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('ไม่มีหน้าจอโปรแกรม (renderer not built)');
      return;
    }
    const relative = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    let file = path.join(root, relative || 'index.html');
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(root, 'index.html');
    }
    const type = mimeTypes[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = contentSecurityPolicy;
      headers['cache-control'] = 'no-store';
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own host names reach anything.
    if (!hosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const cookies = parseCookies(req.headers.cookie);

    // The printed link carries the token once; it is moved into a cookie and taken out of the address bar.
    if (req.method === 'GET' && url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token') ?? undefined, token)) {
        sendJson(res, 401, { ok: false, error: refusals.noToken });
        return;
      }
      res.writeHead(302, {
        location: '/',
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }

    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      serveStatic(url, res);
      return;
    }

    const givenToken = (req.headers[TOKEN_HEADER] as string | undefined) ?? cookies.get(TOKEN_COOKIE);
    if (!sameSecret(givenToken, token)) {
      sendJson(res, 401, { ok: false, error: refusals.noToken });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      sendJson(res, 403, { ok: false, error: refusals.badOrigin });
      return;
    }

    const { id: sessionId, session, setCookie } = sessionFor(req, cookies);
    const extraHeaders: Record<string, string> = setCookie ? { 'set-cookie': setCookie } : {};
    const name = url.pathname.slice('/api/'.length);

    if (name === '_events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', ...extraHeaders });
      res.write(': ok\n\n');
      const streams = eventStreams.get(sessionId) ?? new Set();
      streams.add(res);
      eventStreams.set(sessionId, streams);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }

    let input: unknown;
    try {
      const text = await readBody(req);
      input = text ? JSON.parse(text) : {};
    } catch {
      sendJson(res, 400, { ok: false, error: refusals.badBody }, extraHeaders);
      return;
    }

    if (name === '_cancel') {
      const callId = (input as { callId?: unknown }).callId;
      const running = typeof callId === 'string' ? runningCalls.get(callId) : undefined;
      if (running && running.sessionId === sessionId) running.controller.abort();
      sendJson(res, 200, { ok: true, value: Boolean(running) }, extraHeaders);
      return;
    }

    const callId = (req.headers['x-call-id'] as string | undefined) ?? randomBytes(8).toString('hex');
    const controller = new AbortController();
    runningCalls.set(callId, { sessionId, controller });
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const result = await options.app.router.call(session, name, input, {
        signal: controller.signal,
        progress: (report) => emitProgress(sessionId, callId, report),
      });
      const status = result.ok ? 200 : result.error.code === 'UNKNOWN_METHOD' ? 404 : result.error.code === 'INTERNAL' ? 500 : 200;
      sendJson(res, status, result, extraHeaders);
    } finally {
      runningCalls.delete(callId);
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[host] request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', messageTh: 'เกิดข้อผิดพลาดภายในโปรแกรม', messageEn: 'Internal error' } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  origins = new Set([...hosts].map((h) => `http://${h}`));
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const streams of eventStreams.values()) for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
