// Bundles the Node side (Electron main, preload, browser-mode host, workers) into dist/main as CommonJS,
// and copies the migrations beside it. Native and font-carrying packages stay external (node_modules).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'main');
const entries = {
  electron: 'main/electron/main.ts',
  preload: 'main/electron/preload.ts',
  host: 'main/host/cli.ts',
  'documents-worker': 'main/documents/worker.ts',
  'demo-data': 'scripts/demo-data.ts',
};

await build({
  entryPoints: Object.fromEntries(
    Object.entries(entries).filter(([, file]) => fs.existsSync(path.join(root, file))).map(([name, file]) => [name, path.join(root, file)]),
  ),
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'pdfmake', '@expo-google-fonts/*'],
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: [path.join(root, 'scripts', 'import-meta-url.js')],
  logLevel: 'warning',
});

fs.cpSync(path.join(root, 'db', 'migrations'), path.join(out, 'migrations'), { recursive: true });
console.log('built dist/main');
