// When the app cannot start (a damaged or foreign data file, a busy port, a bad argument), the office gets the
// reason and what to do in Thai and English — on the console and, in browser mode, as a page in the browser —
// never a stack trace or a blank window.
import http from 'node:http';
import { DatabaseOpenError } from '../../db/file-check';

export interface StartFailure {
  th: string;
  en: string;
}

/** A wrong command-line argument, named. */
export class StartArgumentError extends Error {
  constructor(
    readonly messageTh: string,
    message: string,
  ) {
    super(message);
  }
}

/** `--port N`: absent means any free port; anything but a whole number 1–65535 is refused by name. */
export function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartArgumentError(`--port "${value}" ไม่ถูกต้อง ต้องเป็นเลขพอร์ต 1 ถึง 65535 (หรือไม่ต้องระบุ เพื่อให้โปรแกรมเลือกพอร์ตที่ว่างเอง)`, `--port "${value}" is not valid: give a port number from 1 to 65535, or leave it out to use any free port`);
  }
  return port;
}

export function describeStartFailure(error: unknown, port?: number): StartFailure {
  if (error instanceof DatabaseOpenError) return { th: error.messageTh, en: error.message };
  if (error instanceof StartArgumentError) return { th: error.messageTh, en: error.message };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    return {
      th: `พอร์ต ${port ?? ''} มีโปรแกรมอื่นใช้อยู่ (หรือ Tambon Desk เปิดอยู่แล้ว) กรุณาปิดโปรแกรมนั้น หรือเปิดโดยไม่ระบุ --port เพื่อให้เลือกพอร์ตที่ว่างเอง`,
      en: `Port ${port ?? ''} is in use by another program (or Tambon Desk is already running); close it, or start without --port to use any free port`,
    };
  }
  if (code === 'EACCES' && port !== undefined) {
    return { th: `ไม่มีสิทธิ์ใช้พอร์ต ${port} กรุณาเลือกพอร์ตที่สูงกว่า 1024 หรือไม่ต้องระบุ --port`, en: `No permission to use port ${port}; choose a port above 1024 or leave --port out` };
  }
  if (code === 'ENOSPC') return { th: 'เปิดโปรแกรมไม่ได้ เพราะพื้นที่ดิสก์เต็ม กรุณาลบไฟล์ที่ไม่ใช้แล้วลองใหม่', en: 'Cannot start: the disk is full. Free some space and try again' };
  const firstLine = String((error as Error | null)?.message ?? error).split('\n')[0]!.slice(0, 300);
  return { th: `เปิดโปรแกรมไม่ได้ เพราะเกิดข้อผิดพลาดที่ไม่คาดคิด (${firstLine}) ข้อมูลไม่ถูกแก้ไข กรุณาแจ้งผู้ดูแลระบบ`, en: `Cannot start because of an unexpected error (${firstLine}); no data was changed. Tell your administrator` };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function startFailurePage(failure: StartFailure): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>Tambon Desk — เปิดโปรแกรมไม่ได้</title>
<style>body{font-family:'Sarabun','Noto Sans Thai','Leelawadee UI',Tahoma,sans-serif;max-width:760px;margin:48px auto;padding:0 24px;line-height:1.7;color:#222}
h1{font-size:24px;color:#a8071a}.box{border:1px solid #ffa39e;background:#fff1f0;border-radius:8px;padding:16px 20px}p.en{color:#555}</style></head>
<body><h1>เปิดโปรแกรม Tambon Desk ไม่ได้</h1><div class="box" role="alert"><p>${escapeHtml(failure.th)}</p><p class="en" lang="en">${escapeHtml(failure.en)}</p></div>
<p>เมื่อแก้ไขแล้ว ให้ปิดหน้านี้และเปิดโปรแกรมใหม่</p></body></html>`;
}

/** Serves the failure as the only page (API calls get it as a 503 error) so the opened browser shows the reason. */
export function serveStartFailure(failure: StartFailure, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    if ((request.url ?? '').startsWith('/api/')) {
      response.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ ok: false, error: { code: 'STORAGE', messageTh: failure.th, messageEn: failure.en } }));
      return;
    }
    response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(startFailurePage(failure));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
