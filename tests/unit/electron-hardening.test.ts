// Electron hardening that must stay true (issue 11): the packaging fuses in electron-builder.yml, read the way
// electron-builder reads them, and the window's options and decisions (main/electron/hardening.ts) with main.ts
// wired to them. Runs without Electron; any regression fails here.
import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedSender, mainWindowOptions, navigationAllowed, pdfWindowOptions, permissionGranted, windowOpenDecision } from '../../main/electron/hardening';
import { contentSecurityPolicy } from '../../main/host/server';

const root = path.resolve(__dirname, '..', '..');

describe('Electron hardening', () => {
  it('packages with the fuses set: no run-as-Node, encrypted cookies, only a checked app.asar', async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    // a misspelt key would be dropped by electron-builder without a word: its own schema check refuses it here
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('opens every window isolated, sandboxed, without Node and with web security', () => {
    for (const options of [mainWindowOptions('/app/preload.cjs'), pdfWindowOptions]) {
      const web = options.webPreferences!;
      expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, nodeIntegrationInWorker: false, webviewTag: false, allowRunningInsecureContent: false });
      expect(web.webSecurity).not.toBe(false);
    }
    expect(mainWindowOptions('/app/preload.cjs').webPreferences!.preload).toBe('/app/preload.cjs');
    expect(pdfWindowOptions.webPreferences!.preload).toBeUndefined();
  });

  it('serves a strict content security policy', () => {
    const directives = new Map(contentSecurityPolicy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
    for (const [name, values] of directives) {
      // antd's run-time styles are the one inline allowance
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
      expect(values.some((value) => /^https?:|^http:/.test(value)), name).toBe(false);
    }
    expect(directives.get('object-src')).not.toContain('*');
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('denies navigation away, new windows but our PDFs, and every permission request', () => {
    expect(navigationAllowed(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'app://tambon-desk.evil/', 'javascript:alert(1)', 'data:text/html,<p>x</p>']) {
      expect(navigationAllowed(url), url).toBe(false);
    }
    expect(windowOpenDecision(`blob:${APP_ORIGIN}/0b6f3c1e-1c9e-4f5e-9a55-3f1f6a2a4d11`)).toBe('pdf-window');
    expect(windowOpenDecision('https://www.codi.or.th/')).toBe('system-browser');
    for (const url of [`${APP_ORIGIN}/index.html`, 'file:///C:/Windows/win.ini', 'blob:https://evil.example/1', 'about:blank', 'javascript:alert(1)']) {
      expect(windowOpenDecision(url), url).toBe('deny');
    }
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb']) {
      expect(permissionGranted(permission), permission).toBe(false);
    }
  });

  it('answers IPC only from our page in the top frame of our window', () => {
    const mainFrame = { url: `${APP_ORIGIN}/index.html` };
    const webContents = { mainFrame };
    const window = { webContents };
    expect(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, window)).toBe(true);
    expect(isTrustedSender({ sender: webContents, senderFrame: { url: `${APP_ORIGIN}/index.html` } }, window)).toBe(false); // a sub-frame
    expect(isTrustedSender({ sender: { mainFrame }, senderFrame: mainFrame }, window)).toBe(false); // another window
    expect(isTrustedSender({ sender: webContents, senderFrame: null }, window)).toBe(false);
    expect(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, null)).toBe(false);
    const navigated = { url: 'https://evil.example/' };
    expect(isTrustedSender({ sender: { mainFrame: navigated }, senderFrame: navigated }, { webContents: { mainFrame: navigated } })).toBe(false);
  });

  it('main.ts applies all of it', () => {
    const source = fs.readFileSync(path.join(root, 'main', 'electron', 'main.ts'), 'utf8');
    expect(source).toMatch(/new BrowserWindow\(mainWindowOptions\(/);
    expect(source.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(source).toMatch(/overrideBrowserWindowOptions: pdfWindowOptions/);
    expect(source).toMatch(/'will-navigate', \(event, url\) => \{\s*if \(navigationAllowed\(url\)\) return;\s*event\.preventDefault\(\);/);
    expect(source).toMatch(/setWindowOpenHandler\(\(\{ url \}\) => \{\s*const decision = windowOpenDecision\(url\);/);
    expect(source).toMatch(/setPermissionRequestHandler\(\(_contents, permission, answer\) => answer\(permissionGranted\(permission\)\)\)/);
    expect(source).toMatch(/headers\.set\('content-security-policy', contentSecurityPolicy\)/);
    // each IPC channel checks its sender first
    const channels = [...source.matchAll(/ipcMain\.(handle|on)\('([^']+)', (async )?\(event[^)]*\) => \{\s*(.*)/g)];
    expect(channels.map((channel) => channel[2])).toEqual(['api:call', 'api:cancel']);
    for (const channel of channels) expect(channel[4], channel[2]).toMatch(/^if \(!?trustedSender\(event\)/);
    expect(source).toMatch(/const trustedSender = \(event: [^)]+\) => isTrustedSender\(event, mainWindow\);/);
  });
});
