import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshDataDir } from './app-process';

// `npm start` on a machine without the Electron binary (like this one) must say so in one line and fall back to
// browser mode, printing the link that shows the Thai first-run wizard.
test('npm start falls back to browser mode with one line, and its link opens the Thai wizard', async ({ page }) => {
  const dataDir = freshDataDir();
  const child = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no link printed:\n${output}`)), 45_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
    });
    const electronLines = output.split('\n').filter((line) => line.includes('Electron'));
    expect(electronLines).toHaveLength(1);
    expect(electronLines[0]).toContain('โหมดเบราว์เซอร์');
    expect(output).toContain(dataDir);

    await page.goto(url);
    await expect(page.getByText('ตั้งค่าสำนักงานครั้งแรก')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
