// The browser of the end-to-end tests: the Chromium that @sparticuz/chromium carries inside its npm package, so a
// machine needs nothing beyond `npm install` (no apt, no browser download, the same browser and fonts everywhere).
// It is unpacked once per package version into node_modules/.cache (the package itself would unpack into
// os.tmpdir()/chromium and reuse whatever version it finds there).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { LaunchOptions } from '@playwright/test';

const require = createRequire(import.meta.url);
const packageDir = path.dirname(path.dirname(require.resolve('@sparticuz/chromium')));
const packageVersion = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;

/** node_modules/.cache/sparticuz-chromium/chromium-<version>: the binary, its fonts, our fontconfig file. */
export const chromiumDir = path.join(packageDir, '..', '..', '.cache', 'sparticuz-chromium', `chromium-${packageVersion}`);
const chromiumBinary = path.join(chromiumDir, 'chromium');
const fontsConfig = path.join(chromiumDir, 'fonts.conf');

/** An explicit browser for machines the npm Chromium cannot run on (it is built for Linux x64 only). */
const overridePath = process.env.CHROMIUM_PATH || undefined;

// Quiet, offline headless runs. Not the package's defaults: those add --single-process and --disable-web-security,
// which would hide the app's own security (the CSP and token tests) and change how pages crash.
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What Playwright (the config, the screenshot script) launches. Fonts: only the package's Open Sans, never the
 * machine's, so every machine renders alike and a page that does not load the bundled Thai font shows it. */
export const chromiumLaunchOptions: LaunchOptions = overridePath
  ? { executablePath: overridePath, args }
  : { executablePath: chromiumBinary, args, env: { ...process.env, FONTCONFIG_FILE: fontsConfig } };

/** A problem a developer can fix: told in one line, so its stack is left out of what Playwright prints. */
export class BrowserSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.stack = message;
  }
}

/** Unpacks the npm Chromium if this version is not unpacked yet and checks it can start. Safe when several test
 * runs start at once: each unpacks into its own folder and the first complete one is renamed into place. */
export async function prepareChromium(): Promise<void> {
  if (overridePath) {
    if (!fs.existsSync(overridePath)) throw new BrowserSetupError(`CHROMIUM_PATH points at ${overridePath}, which does not exist.`);
    return;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new BrowserSetupError(`The end-to-end tests' Chromium from npm runs on Linux x64 only; on ${process.platform}-${process.arch} set CHROMIUM_PATH to a Chrome or Chromium executable.`);
  }
  if (!fs.existsSync(chromiumDir)) await unpack();
  const problem = libraryProblem(lddOutput(chromiumBinary));
  if (problem) throw new BrowserSetupError(problem);
}

async function unpack(): Promise<void> {
  const cacheDir = path.dirname(chromiumDir);
  removeLeftovers(cacheDir);
  const partial = `${chromiumDir}.partial-${process.pid}-${Date.now()}`;
  fs.mkdirSync(partial, { recursive: true });
  try {
    const bin = path.join(packageDir, 'bin');
    // tar-fs is the package's own dependency; resolve it from there rather than relying on npm hoisting it.
    const tarFs = createRequire(path.join(packageDir, 'package.json'))('tar-fs') as { extract(folder: string, options: { chown: boolean }): NodeJS.WritableStream };
    await Promise.all([
      pipeline(fs.createReadStream(path.join(bin, 'chromium.br')), zlib.createBrotliDecompress(), fs.createWriteStream(path.join(partial, 'chromium'), { mode: 0o755 })),
      // fonts.tar.br holds Open Sans under fonts/ (and a fontconfig file for AWS paths, which we do not use). Files
      // belong to whoever unpacks, not to the archive's user id (tar-fs would chown them when run as root).
      pipeline(fs.createReadStream(path.join(bin, 'fonts.tar.br')), zlib.createBrotliDecompress(), tarFs.extract(path.join(partial, 'fonts'), { chown: false })),
    ]);
    // Paths point at the final folder: the file is only read once the folder has been renamed into place.
    fs.writeFileSync(
      path.join(partial, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${xmlText(path.join(chromiumDir, 'fonts'))}</dir>\n  <cachedir>${xmlText(path.join(chromiumDir, 'fontconfig-cache'))}</cachedir>\n</fontconfig>\n`,
    );
    fs.renameSync(partial, chromiumDir);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    // Another run finished first: its copy is as good as ours.
    if (!fs.existsSync(chromiumDir)) throw error;
  }
}

/** A folder name inside XML: a project may live under a path with & or <. */
function xmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Older versions (200 MB each) and unpacks an interrupted run left behind; a recent partial may be a running unpack. */
function removeLeftovers(cacheDir: string): void {
  if (!fs.existsSync(cacheDir)) return;
  const anHourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of fs.readdirSync(cacheDir)) {
    const folder = path.join(cacheDir, name);
    const isPartial = name.includes('.partial-');
    if (folder === chromiumDir || (isPartial && fs.statSync(folder).mtimeMs > anHourAgo)) continue;
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function lddOutput(binary: string): string {
  try {
    return execFileSync('ldd', [binary], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // No ldd (not glibc): let the launch report what is wrong. ldd failing on the binary: its message says why.
    const failed = error as { code?: string; stdout?: string; stderr?: string };
    return failed.code === 'ENOENT' ? '' : `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
}

/** Debian/Ubuntu packages of the libraries the Chromium binary links to beyond glibc. */
const packageOfLibrary: Array<[RegExp, string]> = [
  [/^lib(nss3|nssutil3|smime3|ssl3)\.so/, 'libnss3'],
  [/^lib(nspr4|plc4|plds4)\.so/, 'libnspr4'],
  [/^libexpat\.so/, 'libexpat1'],
  [/^libgcc_s\.so/, 'libgcc-s1'],
];

/** From `ldd chromium`: one line saying what to install, or undefined when everything is there. */
export function libraryProblem(ldd: string): string | undefined {
  const glibc = /version `GLIBC_([\d.]+)' not found/.exec(ldd);
  if (glibc) return `Chromium for the end-to-end tests needs glibc ${glibc[1]} or newer; this Linux is too old to run it.`;
  const missing = [...new Set([...ldd.matchAll(/^\s*(\S+) => not found/gm)].map((match) => match[1]!))];
  if (missing.length === 0) return undefined;
  const packages = [...new Set(missing.flatMap((library) => packageOfLibrary.find(([pattern]) => pattern.test(library))?.[1] ?? []))];
  const unknown = missing.filter((library) => !packageOfLibrary.some(([pattern]) => pattern.test(library)));
  const fixes = [...(packages.length > 0 ? [`sudo apt-get install ${packages.join(' ')}`] : []), ...(unknown.length > 0 ? [`install the package that provides ${unknown.join(', ')}`] : [])];
  return `Chromium for the end-to-end tests needs ${[...packages, ...unknown].join(', ')}: ${fixes.join(' and ')}`;
}
