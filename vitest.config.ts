import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,integration,documents}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // better-sqlite3 and the PDF worker are native/threaded: forks keep each test file in its own process.
    pool: 'forks',
  },
});
