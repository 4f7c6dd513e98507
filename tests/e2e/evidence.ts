// What an end-to-end test keeps to be looked at afterwards: full-page screenshots taken once the fonts are in, and
// each printed PDF (npm run pdf:png turns it into pages), with its text for comparing against the screen.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { comparable, pdfText } from '../documents/pdf-tools';

export async function saveScreenshot(page: Page, dir: string, name: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The PDF a print call answered with, saved as `<dir>/<name>.pdf`; its text as comparable() reads it. */
export async function savePrintedPdf(response: { json(): Promise<unknown> }, dir: string, name: string): Promise<{ text: string; lastPage: string; pages: number }> {
  const body = (await response.json()) as { ok: boolean; value: { pdfBase64: string; pages: number } };
  expect(body.ok).toBe(true);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(body.value.pdfBase64, 'base64'));
  return { text: comparable(await pdfText(file)), lastPage: comparable(await pdfText(file, body.value.pages)), pages: body.value.pages };
}
