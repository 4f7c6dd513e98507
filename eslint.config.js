// One lint setup; its main job beyond hygiene: keep each process honest (Signal Desktop's idea).
// The renderer runs sandboxed in a browser: it may not import Node, Electron, the database or main/'s runtime
// code. Type-only imports of the API contract are allowed (they vanish at build time).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = [
  { group: ['node:*'], message: 'The renderer is a sandboxed web page: no Node modules.' },
  { group: ['electron', 'electron/*'], message: 'The renderer talks to the core through renderer/src/api.ts only.' },
  { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'The database lives in the main process.' },
  { group: ['**/db', '**/db/**'], message: 'The database lives in the main process.' },
  { group: ['**/main/**', '**/main'], allowTypeImports: true, message: 'Only type imports from main/ (the API contract) are allowed in the renderer.' },
];
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads', 'url', 'stream', 'zlib'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'db/migrations/**', 'tests/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Thai text handling lists vowels and tone marks (combining characters) in character classes on purpose.
      'no-misleading-character-class': 'off',
    },
  },
  {
    // exceljs must load through main/spreadsheets/exceljs.ts, which fixes its streaming reader first.
    files: ['main/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['main/spreadsheets/exceljs.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'exceljs', allowTypeImports: true, message: 'Import ExcelJS from main/spreadsheets/exceljs.ts (it fixes the streaming reader).' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer is a sandboxed web page: no Node modules.' })), patterns: nodeOnly }],
    },
  },
  {
    files: ['scripts/import-meta-url.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { globals: { ...globals.commonjs } },
  },
);
