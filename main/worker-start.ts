import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread from a module beside the caller: the bundled `<bundleName>.cjs` next to the built code
 * (scripts/build-main.mjs), or the TypeScript source run through tsx when the caller itself runs from source
 * (tests, tsx scripts).
 */
export function startWorker(callerUrl: string, sourceFile: string, bundleName: string, options: { resourceLimits?: ResourceLimits; workerData?: unknown } = {}): Worker {
  const here = fileURLToPath(callerUrl);
  const directory = path.dirname(here);
  const source = path.join(directory, sourceFile);
  if (!here.endsWith('.cjs') && fs.existsSync(source)) {
    // On Node 20 `execArgv: ['--import', 'tsx']` does not reach the worker's own entry (".ts" is refused before
    // the hooks load), so a small bootstrap registers tsx inside the worker first, then imports the source.
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(source).href)}); })`;
    return new Worker(bootstrap, { eval: true, ...options });
  }
  return new Worker(path.join(directory, `${bundleName}.cjs`), options);
}
