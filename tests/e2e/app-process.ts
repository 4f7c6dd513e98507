// Starts the built browser-mode host as `npm start` would (dist/main/host.cjs) on a given data folder.
import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** the session id the last login through callApi answered with */
  apiSession: string;
  stop(): Promise<void>;
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-desk-e2e-'));
}

export async function startApp(dataDir: string): Promise<RunningApp> {
  const host = path.resolve('dist', 'main', 'host.cjs');
  const child: ChildProcess = spawn(process.execPath, [host, '--data-dir', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    apiSession: '',
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Logs in through the login screen, as a person would: typing and pressing Enter. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByLabel('รหัสผ่าน').press('Enter');
}

/**
 * Calls the API as a script would, beside the page: this start's token, and the session id a login through here
 * answered with (browser mode sets no cookie, so nothing is carried for us).
 */
export async function callApi(request: APIRequestContext, app: RunningApp, method: string, data: unknown): Promise<APIResponse> {
  const headers: Record<string, string> = { 'x-tambon-token': app.token };
  if (app.apiSession) headers['x-tambon-session'] = app.apiSession;
  const response = await request.post(`${app.origin}/api/${method}`, { headers, data });
  const session = response.headers()['x-tambon-session'];
  if (session !== undefined) app.apiSession = session;
  return response;
}

/** callApi for a call that must succeed: its value, or the test fails with the refusal's English message. */
export async function apiValue<T>(request: APIRequestContext, app: RunningApp, method: string, data: unknown): Promise<T> {
  const body = (await (await callApi(request, app, method, data)).json()) as { ok: boolean; value: T; error?: { messageEn: string } };
  expect(body.ok, `${method}: ${body.error?.messageEn}`).toBe(true);
  return body.value;
}

/** The credentials the app's own tab holds, to call the API as the person logged in there. */
export function tabCredentials(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => ({ 'x-tambon-token': sessionStorage.getItem('tambonDesk.token') ?? '', 'x-tambon-session': sessionStorage.getItem('tambonDesk.session') ?? '' }));
}
