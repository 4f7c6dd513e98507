// Browser mode: the same router as Electron, behind a small HTTP server on 127.0.0.1.
// Every API request must carry this start's random token (header) and, when a browser sends an Origin, our own
// origin. A request that fails either check gets 401/403 and reaches no method.
//
// No credential travels in a cookie: cookies ignore ports, so any other server on 127.0.0.1 that the browser visits
// would receive them. The page keeps the token and its login's session id in its own storage (which is per origin,
// port included) and sends them as headers, which a browser never adds to a request for another server.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { App } from '../app';
import type { ClientSession, ProgressReport } from '../api/router';
import type { ApiErrorData } from '../api/errors';
import { SessionStore, sessionIdleMs } from '../api/sessions';
import { decodeAddressPath, fileInside } from './renderer-files';

export interface HostOptions {
  app: App;
  port?: number;
  /** the built renderer (dist/renderer); without it only the API is served */
  rendererDir?: string;
  token?: string;
  /** a login ends after this long without a request (default: TAMBON_DESK_SESSION_IDLE_MINUTES or 8 hours) */
  sessionIdleMs?: number;
}

export interface RunningHost {
  url: string;
  token: string;
  port: number;
  /** logins alive now (a client that never logged in holds none) */
  activeSessions(): number;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-tambon-token';
/** The login's session id: given in the answer to a login (a new one each time), sent back with every request. */
export const SESSION_HEADER = 'x-tambon-session';
/**
 * The largest request: a spreadsheet to import travels as base64 in JSON, and the reader takes files up to 15 MB
 * (main/spreadsheets/read.ts), which is 20 MB as base64; the rest is room for the JSON around it.
 */
export const MAX_BODY_BYTES = 24 * 1024 * 1024;
/** A body over the limit is read to its end (so the client hears 413, not a reset) — up to this much. */
const MAX_DISCARDED_BYTES = 4 * MAX_BODY_BYTES;

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
  bodyTooLarge: {
    code: 'INVALID_INPUT',
    messageTh: `ข้อมูลที่ส่งมาใหญ่เกิน ${MAX_BODY_BYTES / 1024 / 1024} MB จึงไม่ได้รับไว้ (ไฟล์ที่นำเข้าต้องไม่เกิน 15 MB)`,
    messageEn: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB and was not accepted (a file to import may be at most 15 MB)`,
  },
  badAddress: {
    code: 'INVALID_INPUT',
    messageTh: 'ที่อยู่ของหน้าที่ขอมีรหัส % ที่ไม่ถูกต้อง',
    messageEn: 'The address asked for has a broken %-escape',
  },
  badCancel: {
    code: 'INVALID_INPUT',
    messageTh: 'คำขอยกเลิกต้องบอกรหัสของคำสั่งที่จะยกเลิก (callId) เป็นข้อความ',
    messageEn: 'A cancel request must name the call to cancel (callId) as text',
    field: 'callId',
  },
  sessionEnded: {
    code: 'NOT_LOGGED_IN',
    messageTh: 'การเข้าสู่ระบบหมดอายุเพราะไม่ได้ใช้งานนาน หรือโปรแกรมเริ่มทำงานใหม่ กรุณาเข้าสู่ระบบอีกครั้ง',
    messageEn: 'Your login ended (idle too long, or the program restarted); please log in again',
  },
} satisfies Record<string, ApiErrorData>;

const cancelInput = z.object({ callId: z.string().min(1).max(200) });

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerText(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

class BodyTooLarge extends Error {}
class RequestAborted extends Error {}

/** The body as text; over the limit, the rest is read and thrown away so that the client can read our 413. */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (size > MAX_DISCARDED_BYTES) req.destroy();
      else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('close', () => {
      if (!req.complete) reject(new RequestAborted());
    });
    req.on('error', () => reject(new RequestAborted()));
  });
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sessions = new SessionStore(options.sessionIdleMs ?? sessionIdleMs(), options.app.router.app.now);
  const eventStreams = new Map<string, Set<http.ServerResponse>>();
  /** sessions replaced by a login or ended by a logout */
  const retired = new WeakSet<ClientSession>();
  // keyed by session and call id: a call id is chosen by the page, so one client cannot reach another's call
  const runningCalls = new Map<string, AbortController>();
  const callKey = (sessionId: string, callId: string) => `${sessionId} ${callId}`;
  let origins: Set<string> = new Set();
  let hosts: Set<string> = new Set();

  function emitProgress(sessionId: string, callId: string, report: ProgressReport): void {
    for (const stream of eventStreams.get(sessionId) ?? []) stream.write(`data: ${JSON.stringify({ callId, report })}\n\n`);
  }

  function endEventStreams(sessionId: string): void {
    for (const stream of eventStreams.get(sessionId) ?? []) stream.end();
    eventStreams.delete(sessionId);
  }

  function serveStatic(decodedPath: string, res: http.ServerResponse): void {
    const root = options.rendererDir;
    if (!root) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('ไม่มีหน้าจอโปรแกรม (renderer not built)');
      return;
    }
    let file = fileInside(root, decodedPath);
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    const type = mimeTypes[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = contentSecurityPolicy;
      headers['cache-control'] = 'no-store';
      // the printed link carries the token in its query until the page takes it out: never pass it on
      headers['referrer-policy'] = 'no-referrer';
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
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    } catch {
      sendJson(res, 400, { ok: false, error: refusals.badAddress });
      return;
    }

    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      // The printed link: a wrong token is refused here; a right one opens the page, whose script moves the token
      // into the tab's storage and out of the address bar (renderer/src/api.ts).
      if (url.searchParams.has('token') && !sameSecret(url.searchParams.get('token') ?? undefined, token)) {
        sendJson(res, 401, { ok: false, error: refusals.noToken });
        return;
      }
      const decodedPath = decodeAddressPath(url.pathname);
      if (decodedPath === null) {
        sendJson(res, 400, { ok: false, error: refusals.badAddress });
        return;
      }
      serveStatic(decodedPath, res);
      return;
    }

    if (!sameSecret(headerText(req, TOKEN_HEADER), token)) {
      sendJson(res, 401, { ok: false, error: refusals.noToken });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      sendJson(res, 403, { ok: false, error: refusals.badOrigin });
      return;
    }

    // A client that has not logged in gets a session for this one request only: nothing is kept for it.
    const givenSessionId = headerText(req, SESSION_HEADER) || null;
    const kept = givenSessionId ? sessions.touch(givenSessionId) : undefined;
    const sessionId = kept ? givenSessionId : null;
    const session: ClientSession = kept ?? { user: null, client: `browser ${req.socket.remoteAddress ?? ''}` };
    const name = url.pathname.slice('/api/'.length);

    if (name === '_events' && req.method === 'GET') {
      if (!sessionId) {
        sendJson(res, 401, { ok: false, error: givenSessionId ? refusals.sessionEnded : refusals.noToken });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
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
    } catch (error) {
      if (error instanceof RequestAborted) return;
      if (error instanceof BodyTooLarge) sendJson(res, 413, { ok: false, error: refusals.bodyTooLarge }, { connection: 'close' });
      else sendJson(res, 400, { ok: false, error: refusals.badBody });
      return;
    }

    if (name === '_cancel') {
      const parsed = cancelInput.safeParse(input);
      if (!parsed.success) {
        sendJson(res, 400, { ok: false, error: refusals.badCancel });
        return;
      }
      const running = sessionId ? runningCalls.get(callKey(sessionId, parsed.data.callId)) : undefined;
      running?.abort();
      sendJson(res, 200, { ok: true, value: Boolean(running) });
      return;
    }

    const callId = headerText(req, 'x-call-id') || randomBytes(8).toString('hex');
    const controller = new AbortController();
    // only a logged-in page can cancel (a client without a session has nothing long to cancel)
    const key = sessionId ? callKey(sessionId, callId) : null;
    if (key) runningCalls.set(key, controller);
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const userBefore = session.user;
    try {
      const result = await options.app.router.call(session, name, input, {
        signal: controller.signal,
        progress: (report) => {
          if (sessionId) emitProgress(sessionId, callId, report);
        },
      });
      const headers: Record<string, string> = {};
      if (session.user !== userBefore && !retired.has(session)) {
        // Logged in, out, or as someone else: the old id is worth nothing from now on, and a login gets a new one.
        if (sessionId) {
          sessions.remove(sessionId);
          endEventStreams(sessionId);
        }
        const user = session.user;
        // anything still holding the old session object (a call still running) holds no one, and says nothing
        // about the session id when it ends
        session.user = null;
        retired.add(session);
        headers[SESSION_HEADER] = user ? sessions.add({ ...session, user }) : '';
      } else if (givenSessionId && !sessionId) {
        headers[SESSION_HEADER] = ''; // tell the page to forget an id that has ended
      }
      if (!result.ok && result.error.code === 'NOT_LOGGED_IN' && givenSessionId && !sessionId) {
        sendJson(res, 200, { ok: false, error: refusals.sessionEnded }, headers);
        return;
      }
      const status = result.ok ? 200 : statusOf[result.error.code] ?? 200;
      sendJson(res, status, result, headers);
    } finally {
      if (key && runningCalls.get(key) === controller) runningCalls.delete(key);
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
    activeSessions: () => sessions.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const streams of eventStreams.values()) for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** HTTP statuses for refusals that are not an ordinary answer (the page reads the JSON body either way). */
const statusOf: Partial<Record<ApiErrorData['code'], number>> = { UNKNOWN_METHOD: 404, TOO_MANY_TRIES: 429, INTERNAL: 500 };
