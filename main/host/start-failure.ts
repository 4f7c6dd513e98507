// When the app cannot start (a damaged or foreign data file, a busy port, a bad argument), the office gets the
// reason and what to do in Thai and English — on the console and, in browser mode, as a page in the browser —
// never a stack trace or a blank window.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { DatabaseOpenError } from '../../db/file-check';
import { ApiError } from '../api/errors';
import { bodyFontPath } from '../documents/fonts';

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

/** What the page offers when the failure can be mended by restoring a backup into the file's place. */
export interface RecoveryOffer {
  /** the newest backups found beside the data file, to pick from */
  backups: string[];
  /** restores `file` (with its password) into place and starts the app; answers the app's link */
  restore(file: string, password: string | null): Promise<{ url: string }>;
}

export function startFailurePage(failure: StartFailure, recovery?: { backups: string[]; token: string }): string {
  const restoreForm = recovery
    ? `<h2>กู้คืนจากไฟล์สำรอง</h2>
<p>ไฟล์ที่เปิดไม่ได้จะถูกเก็บไว้ข้าง ๆ (ไม่ถูกลบ) แล้วนำไฟล์สำรองที่ตรวจแล้วว่าใช้ได้มาแทน จากนั้นโปรแกรมจะเปิดเอง</p>
<form id="restore"><label>ไฟล์สำรอง<br><input id="file" name="file" list="backups" size="70" required value="${escapeHtml(recovery.backups[0] ?? '')}"></label>
<datalist id="backups">${recovery.backups.map((file) => `<option value="${escapeHtml(file)}">`).join('')}</datalist><br>
<label>รหัสผ่านของไฟล์สำรอง (ถ้ามี)<br><input id="password" name="password" type="password" size="40"></label><br>
<button type="submit">กู้คืนจากไฟล์สำรองนี้</button></form><p id="result" role="status"></p>
<script>
document.getElementById('restore').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = document.getElementById('result');
  result.textContent = 'กำลังตรวจและกู้คืน…';
  const response = await fetch('/restore', { method: 'POST', headers: { 'content-type': 'application/json', 'x-tambon-token': ${JSON.stringify(recovery.token)} },
    body: JSON.stringify({ file: document.getElementById('file').value, password: document.getElementById('password').value || null }) });
  const body = await response.json();
  if (body.ok) { result.textContent = 'กู้คืนเรียบร้อย กำลังเปิดโปรแกรม…'; location.href = body.url; }
  else result.textContent = body.messageTh + ' / ' + body.messageEn;
});
</script>`
    : '<p>เมื่อแก้ไขแล้ว ให้ปิดหน้านี้และเปิดโปรแกรมใหม่</p>';
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>Tambon Desk — เปิดโปรแกรมไม่ได้</title>
<style>@font-face{font-family:'Sarabun';src:url('/font/normal.ttf')}@font-face{font-family:'Sarabun';font-weight:700;src:url('/font/bold.ttf')}
body{font-family:'Sarabun','Noto Sans Thai','Leelawadee UI',Tahoma,sans-serif;max-width:760px;margin:48px auto;padding:0 24px;line-height:1.7;color:#222}
h1{font-size:24px;color:#a8071a}h2{font-size:20px;margin-top:32px}.box{border:1px solid #ffa39e;background:#fff1f0;border-radius:8px;padding:16px 20px}p.en{color:#555}
input{font:inherit;padding:4px 8px;margin:4px 0 12px}button{font:inherit;padding:6px 16px}</style></head>
<body><h1>เปิดโปรแกรม Tambon Desk ไม่ได้</h1><div class="box" role="alert"><p>${escapeHtml(failure.th)}</p><p class="en" lang="en">${escapeHtml(failure.en)}</p></div>
${restoreForm}</body></html>`;
}

async function readJson(request: http.IncomingMessage, limit: number): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/**
 * Serves the failure as the only page (API calls get it as a 503 error) so the opened browser shows the reason. With
 * a recovery offer, the page also restores a backup into place (a POST carrying this page's token) and sends the
 * browser on to the started app.
 */
export function serveStartFailure(failure: StartFailure, options: { port?: number; recovery?: RecoveryOffer } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const token = randomBytes(24).toString('base64url');
  const recovery = options.recovery;
  const server = http.createServer((request, response) => {
    const answer = (status: number, body: object) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    if (recovery && request.method === 'POST' && request.url === '/restore') {
      if (request.headers['x-tambon-token'] !== token) return answer(403, { ok: false, messageTh: 'ลิงก์นี้ใช้ไม่ได้ กรุณาเปิดจากลิงก์ที่โปรแกรมพิมพ์ไว้', messageEn: 'This link is not valid; open the one the program printed' });
      void readJson(request, 16_384)
        .then(async (body) => {
          const { file, password } = body as { file?: unknown; password?: unknown };
          if (typeof file !== 'string' || !file.trim()) return answer(400, { ok: false, messageTh: 'กรุณากรอกตำแหน่งไฟล์สำรอง', messageEn: 'Enter where the backup file is' });
          const started = await recovery.restore(file.trim(), typeof password === 'string' && password ? password : null);
          answer(200, { ok: true, url: started.url });
        })
        .catch((error: unknown) => {
          if (error instanceof ApiError) return answer(400, { ok: false, messageTh: error.messageTh, messageEn: error.messageEn });
          const unexpected = describeStartFailure(error);
          answer(500, { ok: false, messageTh: unexpected.th, messageEn: unexpected.en });
        });
      return;
    }
    // the app's own Thai font: an office PC may have none that draws Thai
    const font = /^\/font\/(normal|bold)\.ttf$/.exec(request.url ?? '');
    if (font) {
      response.writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'max-age=3600' });
      fs.createReadStream(bodyFontPath(font[1] as 'normal' | 'bold')).pipe(response);
      return;
    }
    if ((request.url ?? '').startsWith('/api/')) return answer(503, { ok: false, error: { code: 'STORAGE', messageTh: failure.th, messageEn: failure.en } });
    response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(startFailurePage(failure, recovery ? { backups: recovery.backups, token } : undefined));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
