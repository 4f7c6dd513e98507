// The thin Electron shell: one hardened window onto the same router that browser mode serves.
import { app as electronApp, BrowserWindow, ipcMain, Menu, net, protocol, session as electronSession, shell, dialog } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp, type App } from '../app';
import { automaticBackup, startAutomaticBackups } from '../backup/backups';
import { describeStartFailure } from '../host/start-failure';
import type { ClientSession } from '../api/router';
import { warmUpDocuments } from '../documents/engine';
import { contentSecurityPolicy } from '../host/server';
import { decodeAddressPath, fileInside } from '../host/renderer-files';
import { sessionIdleMs } from '../api/sessions';
import { DATABASE_FILE_NAME, resolveDataDir, DATA_DIR_ENV, argValue } from '../paths';
import { APP_ORIGIN, SCHEME, isTrustedSender, mainWindowOptions, navigationAllowed, pdfWindowOptions, permissionGranted, windowOpenDecision } from './hardening';
const rendererDir = path.resolve(__dirname, '..', 'renderer');

// Chromium's own UI (the PDF viewer's toolbar, spell-check menus) in Thai, like the rest of the window.
electronApp.commandLine.appendSwitch('lang', 'th');
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);

let core: App | null = null;
let mainWindow: BrowserWindow | null = null;
const sessions = new Map<number, { session: ClientSession; lastSeen: number }>();
const idleLimitMs = sessionIdleMs();
const runningCalls = new Map<string, AbortController>();

/** Only our own page, in the top frame of our window, may call the API. */
const trustedSender = (event: Electron.IpcMainInvokeEvent | Electron.IpcMainEvent) => isTrustedSender(event, mainWindow);

function serveRenderer(): void {
  protocol.handle(SCHEME, async (request) => {
    const decodedPath = decodeAddressPath(new URL(request.url).pathname);
    if (decodedPath === null) return new Response('ที่อยู่มีรหัส % ที่ไม่ถูกต้อง / broken %-escape in the address', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    let file = fileInside(rendererDir, decodedPath);
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    if (file.endsWith('.html')) headers.set('content-security-policy', contentSecurityPolicy);
    return new Response(response.body, { status: response.status, headers });
  });
}

function registerIpc(): void {
  ipcMain.handle('api:call', async (event, method: unknown, input: unknown, callId: unknown) => {
    if (!trustedSender(event) || typeof method !== 'string' || typeof callId !== 'string') {
      return { ok: false, error: { code: 'NOT_LOGGED_IN', messageTh: 'คำขอไม่ได้มาจากหน้าจอของโปรแกรม', messageEn: 'Untrusted sender' } };
    }
    const id = event.sender.id;
    const entry = sessions.get(id) ?? { session: { user: null, client: `window ${id}` }, lastSeen: Date.now() };
    // the same idle limit as browser mode: a window left alone for a working day is logged out
    if (Date.now() - entry.lastSeen > idleLimitMs) entry.session.user = null;
    entry.lastSeen = Date.now();
    sessions.set(id, entry);
    const session = entry.session;
    const controller = new AbortController();
    runningCalls.set(callId, controller);
    try {
      return await core!.router.call(session, method, input, {
        signal: controller.signal,
        progress: (report) => {
          if (!event.sender.isDestroyed()) event.sender.send('api:progress', callId, report);
        },
      });
    } finally {
      runningCalls.delete(callId);
    }
  });
  ipcMain.on('api:cancel', (event, callId: unknown) => {
    if (trustedSender(event) && typeof callId === 'string') runningCalls.get(callId)?.abort();
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  // No navigation away from the app; links to the web open in the OS browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (navigationAllowed(url)) return;
    event.preventDefault();
    if (windowOpenDecision(url) === 'system-browser') void shell.openExternal(url);
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision === 'pdf-window') return { action: 'allow', overrideBrowserWindowOptions: pdfWindowOptions };
    if (decision === 'system-browser') void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('destroyed', () => sessions.delete(window.webContents.id));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: 'แฟ้ม', submenu: [{ role: 'quit', label: 'ออกจากโปรแกรม' }] },
      { label: 'แก้ไข', submenu: [{ role: 'undo', label: 'เลิกทำ' }, { role: 'redo', label: 'ทำซ้ำ' }, { type: 'separator' }, { role: 'cut', label: 'ตัด' }, { role: 'copy', label: 'คัดลอก' }, { role: 'paste', label: 'วาง' }, { role: 'selectAll', label: 'เลือกทั้งหมด' }] },
      { label: 'มุมมอง', submenu: [{ role: 'zoomIn', label: 'ขยาย' }, { role: 'zoomOut', label: 'ย่อ' }, { role: 'resetZoom', label: 'ขนาดปกติ' }, { type: 'separator' }, { role: 'togglefullscreen', label: 'เต็มจอ' }] },
    ]),
  );
}

if (!electronApp.requestSingleInstanceLock()) {
  electronApp.quit();
} else {
  electronApp.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  electronApp.on('window-all-closed', () => {
    const closing = core;
    core = null;
    if (!closing) {
      electronApp.quit();
      return;
    }
    // the exit backup: a checked copy of the day's work before the app ends
    void automaticBackup(closing.router.app)
      .catch((error: unknown) => console.error('[backup] at exit', error))
      .finally(() => {
        closing.close();
        electronApp.quit();
      });
  });
  void electronApp.whenReady().then(() => {
    const argv = process.argv.slice(1);
    const dataDir = (argValue(argv, '--data-dir') ?? process.env[DATA_DIR_ENV]) ? resolveDataDir(argv) : electronApp.getPath('userData');
    const cannotStart = (error: unknown) => {
      const failure = describeStartFailure(error);
      dialog.showErrorBox('Tambon Desk — เปิดโปรแกรมไม่ได้', `${failure.th}\n\n${failure.en}`);
      core?.close();
      core = null;
      electronApp.quit();
    };
    try {
      core = createApp(path.join(dataDir, DATABASE_FILE_NAME));
    } catch (error) {
      cannotStart(error);
      return;
    }
    // The window opens while every page of the file is read back; writes wait for it, and a damaged file closes the
    // app with the reason before anything is written.
    void core.integrity.then((refusal) => (refusal ? cannotStart(refusal) : core && startAutomaticBackups(core.router.app)));
    warmUpDocuments();
    electronSession.defaultSession.setPermissionRequestHandler((_contents, permission, answer) => answer(permissionGranted(permission)));
    serveRenderer();
    registerIpc();
    buildMenu();
    mainWindow = createWindow();
  });
}
