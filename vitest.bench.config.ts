import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// `npm run bench`: the performance benchmark in real Chromium (bench/*.bench.test.ts). WXT's plugin lets the
// bench import lib/ (the Organizations parser, the popup's ranking) as the unit tests do.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['bench/**/*.bench.test.ts'],
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 600_000,
    hookTimeout: 240_000,
  },
});
