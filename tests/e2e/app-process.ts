// Starts the built browser-mode host as `npm start` would (dist/main/host.cjs) on a given data folder.
import type { Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
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
