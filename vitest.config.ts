import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/security/**/*.unit.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
    restoreMocks: true,
    // The property tests run thousands of cases; on a loaded 2-core machine (npm test with a build going)
    // some took over vitest's 5 s default. A hang still fails, just later.
    testTimeout: 30_000,
  },
});
