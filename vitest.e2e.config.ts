import { defineConfig } from 'vitest/config';

// The e2e suite drives one real Chromium per test file against the built extension (SIGNPOST_OUT_DIR or
// .output), so files run one after another in a single fork.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts', 'tests/security/**/*.e2e.test.ts'],
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
