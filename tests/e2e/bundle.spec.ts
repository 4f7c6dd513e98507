import fs from 'node:fs';
import { expect, test } from '@playwright/test';

// What `npm start` ships, checked after the build (Playwright runs after it in `npm test`).
test('the Electron preload loads in a sandbox: it requires electron and nothing else', () => {
  const preload = fs.readFileSync('dist/main/preload.cjs', 'utf8');
  const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
  expect(required).toEqual(['electron']);
  expect(preload).toContain('exposeInMainWorld("tambonDesk"');
});

test('the migrations ship beside the bundled main process', () => {
  const journal = JSON.parse(fs.readFileSync('dist/main/migrations/meta/_journal.json', 'utf8')) as { entries: Array<{ tag: string }> };
  expect(journal.entries.length).toBeGreaterThan(0);
  for (const entry of journal.entries) expect(fs.existsSync(`dist/main/migrations/${entry.tag}.sql`)).toBe(true);
});
