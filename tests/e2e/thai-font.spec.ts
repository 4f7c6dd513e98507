import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { freshDataDir, startApp } from './app-process';

// The test browser has no Thai font of its own (tests/e2e/browser.ts), like a PC without one: Thai shows only if
// the app brings its Sarabun. Without it Chromium leaves the Thai blank.
test('the Thai on the first screen is drawn, in the bundled Sarabun', async ({ page }) => {
  const app = await startApp(freshDataDir());
  try {
    await page.goto(app.url);
    const title = page.getByText('ตั้งค่าสำนักงานครั้งแรก');
    await expect(title).toBeVisible();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));

    const thaiSarabunLoaded = await page.evaluate(() => [...document.fonts].some((face) => face.family.replace(/["']/g, '') === 'Sarabun' && face.status === 'loaded' && /U\+0?E01-/i.test(face.unicodeRange)));
    expect(thaiSarabunLoaded).toBe(true);

    // Ink: share of the title's pixels that are dark. Drawn Thai letters cover several per cent; blank Thai none.
    const image = PNG.sync.read(await title.screenshot());
    let dark = 0;
    for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! + image.data[i + 1]! + image.data[i + 2]! < 3 * 128) dark++;
    expect(dark / (image.width * image.height)).toBeGreaterThan(0.03);
  } finally {
    await app.stop();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  }
});
