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
let eventSource: EventSource | null = null;

function listenForProgress(): void {
  if (window.tambonDesk) {
    if (!eventSource) {
      window.tambonDesk.onProgress((callId, report) => progressListeners.get(callId)?.(report));
      eventSource = {} as EventSource; // marks the bridge listener as installed
    }
    return;
  }
  if (eventSource) return;
  eventSource = new EventSource('/api/_events');
  eventSource.onmessage = (event) => {
    const { callId, report } = JSON.parse(event.data as string) as { callId: string; report: ProgressReport };
    progressListeners.get(callId)?.(report);
  };
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
      headers: { 'content-type': 'application/json', 'x-call-id': callId },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: transportFailure };
  }
}

function cancel(callId: string): void {
  if (window.tambonDesk) window.tambonDesk.cancel(callId);
  else void fetch('/api/_cancel', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ callId }) });
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
