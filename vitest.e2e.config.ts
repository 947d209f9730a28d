import { defineConfig } from 'vitest/config';

// The e2e suite drives one real Chromium (or Firefox) per test file against the built extension
// (SIGNPOST_OUT_DIR or .output). Each file has its own browser, profile and replica server (its own port), so
// two files run side by side: most of a file's time is spent waiting on its browser, and two keep both cores
// busy. Tests inside a file still run one after another.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts', 'tests/security/**/*.e2e.test.ts'],
    fileParallelism: true,
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
