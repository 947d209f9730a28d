// `npm run bench` (or `npx vitest run --config vitest.bench.config.ts bench/import-aesr.bench.test.ts`):
// the time to import a 1,000-profile aws-extend-switch-roles configuration end to end outside the browser —
// detect + parse, plan against the store's accounts, and write through the Store into IndexedDB
// (fake-indexeddb). Prints the median of RUNS runs after WARMUP; asserts only that the import is complete.
// The options-page e2e (tests/e2e/options.e2e.test.ts) imports the same file in real Chromium.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { openSignpostDb } from '../lib/db';
import { parseImport } from '../lib/import/parse';
import { planImport } from '../lib/import/plan';
import { Store } from '../lib/store';
import { aesrConfig } from '../tests/unit/import/aesr-generate';
import { summarise } from './stats';

const RUNS = Number(process.env.SIGNPOST_BENCH_RUNS ?? 15);
const WARMUP = 3;
const PROFILES = 1000;

it(`imports a ${PROFILES.toLocaleString('en')}-profile aws-extend-switch-roles configuration`, async () => {
  const text = aesrConfig(PROFILES);
  const phases = {
    parse: [] as number[],
    plan: [] as number[],
    write: [] as number[],
    total: [] as number[],
  };
  for (let run = 0; run < WARMUP + RUNS; run++) {
    globalThis.indexedDB = new IDBFactory();
    const store = new Store(openSignpostDb());
    const existing = (await store.list()).accounts;
    const t0 = performance.now();
    const parse = parseImport(text);
    const t1 = performance.now();
    const plan = planImport(existing, parse);
    const t2 = performance.now();
    const result = await store.importDrafts(plan.drafts);
    const t3 = performance.now();
    expect(parse.rejected).toEqual([]);
    expect(result.added).toBe(plan.new.length);
    if (run < WARMUP) continue;
    phases.parse.push(t1 - t0);
    phases.plan.push(t2 - t1);
    phases.write.push(t3 - t2);
    phases.total.push(t3 - t0);
  }
  const kb = (new TextEncoder().encode(text).length / 1024).toFixed(0);
  console.log(`\naws-extend-switch-roles import, ${PROFILES} profiles (${kb} KB), Node ${process.version}:`);
  for (const [phase, samples] of Object.entries(phases)) {
    const s = summarise(samples);
    console.log(
      `  ${phase.padEnd(6)} median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, min ${s.min.toFixed(1)} ms (n=${s.n})`,
    );
  }
});
