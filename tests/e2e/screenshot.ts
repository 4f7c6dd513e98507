// `npm run screenshot -- <link> <file.png> [--login USER PASSWORD] [--click TEXT]...`: a picture of a page in the
// end-to-end tests' browser (the Chromium from npm, its fonts only), e.g. of a screen of `npm run demo`:
//   npm run screenshot -- "http://127.0.0.1:41234/?token=…" /tmp/documents.png --login admin tambon1234 --click เอกสาร/พิมพ์
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions, prepareChromium } from './browser';
import { logIn } from './app-process';

const args = process.argv.slice(2);
const [link, file] = args;
if (!link || !file || link.startsWith('--') || file.startsWith('--')) {
  console.error('usage: npm run screenshot -- <link> <file.png> [--login USER PASSWORD] [--click TEXT]...');
  process.exit(2);
}
const login = args.indexOf('--login');
const clicks = args.flatMap((arg, i) => (arg === '--click' && args[i + 1] ? [args[i + 1]!] : []));

await prepareChromium();
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  // The same page settings as the end-to-end tests (playwright.config.ts).
  const page = await browser.newPage({ locale: 'th-TH', viewport: { width: 1366, height: 800 } });
  await page.goto(link);
  if (login >= 0) {
    await logIn(page, args[login + 1] ?? '', args[login + 2] ?? '');
    await page.getByRole('banner').waitFor();
  }
  for (const text of clicks) await page.getByText(text, { exact: true }).first().click();
  await page.waitForLoadState('networkidle');
  // A picture taken before the bundled Thai font has loaded would show blanks where the Thai goes.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
} finally {
  await browser.close();
}
