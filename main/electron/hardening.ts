// The Electron window's security settings and decisions, as plain values and functions: main.ts applies them, and
// tests/unit/electron-hardening.test.ts reads them without starting Electron, so that a regression fails a test.
import type { BrowserWindowConstructorOptions } from 'electron';

export const SCHEME = 'app';
export const APP_ORIGIN = `${SCHEME}://tambon-desk`;

/** Our pages run sandboxed and isolated, with no Node; the preload's one bridge is the only way to the core. */
const isolated = { contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false } as const;

export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    title: 'Tambon Desk',
    show: false,
    webPreferences: {
      preload,
      ...isolated,
      spellcheck: false,
      // Chromium's PDF viewer, for the print preview of our own PDFs (blob: URLs of this page)
      plugins: true,
    },
  };
}

/** A PDF this page made, opened in a window of its own to print from Chromium's viewer: no preload, no bridge. */
export const pdfWindowOptions: BrowserWindowConstructorOptions = { autoHideMenuBar: true, webPreferences: { ...isolated, plugins: true } };

/** Our window never navigates away from the app. */
export function navigationAllowed(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

export type WindowOpenDecision = 'pdf-window' | 'system-browser' | 'deny';

/** A new window only for our own PDFs; a web link goes to the system's browser, outside the app; the rest is denied. */
export function windowOpenDecision(url: string): WindowOpenDecision {
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return 'pdf-window';
  if (/^https?:\/\//.test(url)) return 'system-browser';
  return 'deny';
}

/** Camera, microphone, location, notifications, …: the app asks for none, so a page that asks is refused. */
export function permissionGranted(_permission: string): boolean {
  return false;
}

/** Only our own page, in the top frame of our window, may call the API (VS Code's rule for IPC). */
export function isTrustedSender(
  event: { sender: unknown; senderFrame: { url: string } | null },
  window: { webContents: { mainFrame: unknown } } | null,
): boolean {
  const frame = event.senderFrame;
  return Boolean(window && frame && event.sender === window.webContents && frame === window.webContents.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`));
}
