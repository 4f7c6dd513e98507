// The renderer's only door to the core. Types come from the contract (type-only import); the transport is
// Electron's preload bridge when present, otherwise browser mode's HTTP host on 127.0.0.1.
import type { ApiErrorData, ApiResult, InputOf, MethodName, OutputOf, ProgressReport } from '../../main/api/contract';

export type { ApiErrorData, InputOf, MethodName, OutputOf, ProgressReport };

/** What the Electron preload puts on window.tambonDesk (see main/electron/preload.ts). */
export interface DesktopBridge {
  call(method: string, input: unknown, callId: string): Promise<ApiResult<unknown>>;
  cancel(callId: string): void;
  onProgress(listener: (callId: string, report: ProgressReport) => void): () => void;
}

declare global {
  interface Window {
    tambonDesk?: DesktopBridge;
  }
}

export class ApiCallError extends Error {
  constructor(readonly data: ApiErrorData) {
    super(data.messageEn);
  }
}

const progressListeners = new Map<string, (report: ProgressReport) => void>();
let bridgeListening = false;
/** browser mode's progress stream, opened for one login's session id */
let eventStream: { sessionId: string; controller: AbortController } | null = null;

// Browser mode's credentials live in this tab's storage, never in cookies: cookies ignore ports, so every other
// server on 127.0.0.1 the browser visits would receive them (main/host/server.ts). Storage is per origin, port
// included, and headers are sent only where this page sends them.
const TOKEN_KEY = 'tambonDesk.token';
const SESSION_KEY = 'tambonDesk.session';

/** The printed link carries this start's token in its query: keep it in the tab, take it out of the address bar. */
function takeTokenFromAddress(): void {
  const address = new URL(window.location.href);
  const token = address.searchParams.get('token');
  if (token === null) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.removeItem(SESSION_KEY); // a new start of the program: any earlier login has ended
  address.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${address.pathname}${address.search}${address.hash}`);
}
if (!window.tambonDesk) takeTokenFromAddress();

function credentialHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  const session = sessionStorage.getItem(SESSION_KEY);
  if (token) headers['x-tambon-token'] = token;
  if (session) headers['x-tambon-session'] = session;
  return headers;
}

/** The host answers a login with a new session id, and a logout or an ended login with an empty one. */
function followSessionHeader(response: Response): void {
  const session = response.headers.get('x-tambon-session');
  if (session === null) return;
  if (session) sessionStorage.setItem(SESSION_KEY, session);
  else sessionStorage.removeItem(SESSION_KEY);
  if (eventStream && eventStream.sessionId !== session) {
    eventStream.controller.abort();
    eventStream = null;
  }
}

/** Server-sent events read through fetch, because EventSource cannot send the credential headers. */
async function readEventStream(sessionId: string, controller: AbortController): Promise<void> {
  try {
    const response = await fetch('/api/_events', { headers: credentialHeaders(), signal: controller.signal });
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      pending += value;
      const events = pending.split('\n\n');
      pending = events.pop() ?? '';
      for (const event of events) {
        const data = event.split('\n').find((line) => line.startsWith('data: '));
        if (!data) continue;
        const { callId, report } = JSON.parse(data.slice('data: '.length)) as { callId: string; report: ProgressReport };
        progressListeners.get(callId)?.(report);
      }
    }
  } catch {
    // aborted (a new login) or the program stopped: the next call with progress opens a new stream
  } finally {
    if (eventStream?.controller === controller) eventStream = null;
  }
}

function listenForProgress(): void {
  if (window.tambonDesk) {
    if (!bridgeListening) {
      window.tambonDesk.onProgress((callId, report) => progressListeners.get(callId)?.(report));
      bridgeListening = true;
    }
    return;
  }
  const sessionId = sessionStorage.getItem(SESSION_KEY);
  if (!sessionId || eventStream?.sessionId === sessionId) return;
  eventStream?.controller.abort();
  const controller = new AbortController();
  eventStream = { sessionId, controller };
  void readEventStream(sessionId, controller);
}

const transportFailure: ApiErrorData = {
  code: 'INTERNAL',
  messageTh: 'ติดต่อส่วนหลักของโปรแกรมไม่ได้ กรุณาปิดแล้วเปิดโปรแกรมใหม่',
  messageEn: 'Cannot reach the program core; please restart the program',
};

async function send(method: string, input: unknown, callId: string): Promise<ApiResult<unknown>> {
  if (window.tambonDesk) return window.tambonDesk.call(method, input, callId);
  try {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-call-id': callId, ...credentialHeaders() },
      body: JSON.stringify(input ?? {}),
      credentials: 'omit',
    });
    followSessionHeader(response);
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: transportFailure };
  }
}

function cancel(callId: string): void {
  if (window.tambonDesk) window.tambonDesk.cancel(callId);
  else void fetch('/api/_cancel', { method: 'POST', headers: { 'content-type': 'application/json', ...credentialHeaders() }, body: JSON.stringify({ callId }), credentials: 'omit' });
}

export interface CallOptions {
  onProgress?: (report: ProgressReport) => void;
  signal?: AbortSignal;
}

/** Calls one API method; resolves with its output or rejects with an ApiCallError carrying the Thai message. */
export async function call<N extends MethodName>(method: N, input: InputOf<N>, options: CallOptions = {}): Promise<OutputOf<N>> {
  const callId = crypto.randomUUID();
  if (options.onProgress) {
    listenForProgress();
    progressListeners.set(callId, options.onProgress);
  }
  const onAbort = () => cancel(callId);
  options.signal?.addEventListener('abort', onAbort);
  try {
    const result = await send(method, input, callId);
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value as OutputOf<N>;
  } finally {
    progressListeners.delete(callId);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
