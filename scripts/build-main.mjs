// Bundles the Node side (Electron main, browser-mode host, workers, demo loader) into dist/main as CommonJS,
// the sandboxed preload on its own, and copies the migrations beside them. Native and font-carrying packages
// stay external (node_modules).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'main');
const nodeEntries = {
  electron: 'main/electron/main.ts',
  host: 'main/host/cli.ts',
  'documents-worker': 'main/documents/worker.ts',
  'bulk-write-worker': 'main/bulk-write-worker.ts',
  'integrity-worker': 'main/integrity-worker.ts',
  'spreadsheets-worker': 'main/spreadsheets/worker.ts',
  'demo-data': 'scripts/demo-data.ts',
};

const common = {
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: Object.fromEntries(Object.entries(nodeEntries).map(([name, file]) => [name, path.join(root, file)])),
  platform: 'node',
  external: ['electron', 'better-sqlite3', 'pdfmake', 'exceljs', '@expo-google-fonts/*'],
  // The sources are ESM and use import.meta.url; in a CommonJS bundle it comes from this shim.
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: [path.join(root, 'scripts', 'import-meta-url.js')],
});

// A sandboxed preload may require 'electron' and little else: no shim, no Node modules.
await build({
  ...common,
  entryPoints: { preload: path.join(root, 'main/electron/preload.ts') },
  platform: 'node',
  external: ['electron'],
});

fs.cpSync(path.join(root, 'db', 'migrations'), path.join(out, 'migrations'), { recursive: true });
console.log('built dist/main');
