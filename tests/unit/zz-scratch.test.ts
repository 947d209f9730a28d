import { it } from 'vitest';
import uFuzzy from '@leeoniya/ufuzzy';
import { signInDrafts } from '../../bench/data';
import { buildIndex, rank } from '../../lib/search';
import type { Account } from '../../lib/schema';
import { accountSchema } from '../../lib/schema';

function accountsOf(n: number): Account[] {
  let k = 0;
  return signInDrafts(n).map((d) => accountSchema.parse({ key: `k${k++}`, partition: 'aws', createdAt: 1, updatedAt: 1, tags: [], ...d }));
}
const fuzzy = new uFuzzy({
  unicode: true,
  interSplit: "[^\\p{L}\\d']+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{L}\\d|\\d\\p{L}|\\p{Ll}\\p{Lu}',
  intraChars: "[\\p{L}\\d']",
  intraContr: "'\\p{L}{1,2}\\b",
  intraMode: 1,
});
const t = (label: string, f: () => unknown) => { const xs: number[] = []; for (let i = 0; i < 9; i++) { const t0 = performance.now(); f(); xs.push(performance.now() - t0); } xs.sort((a,b)=>a-b); console.log(label, xs[4]!.toFixed(2)); };
it('measures', () => {
  for (const n of [10000, 50000]) {
    const accounts = accountsOf(n);
    const index = buildIndex(accounts);
    const now = Date.now();
    rank(index, '', now);
    t(`${n} rank b`, () => rank(index, 'b', now));
    t(`${n} filter b`, () => fuzzy.filter(index.haystack as string[], 'b'));
    t(`${n} includes b`, () => { const out=[]; for (let i=0;i<index.lower.length;i++) if (index.lower[i]!.includes('b')) out.push(i); return out; });
    const m = fuzzy.filter(index.haystack as string[], 'b')!;
    console.log('matches', m.length);
    t(`${n} sort cmp`, () => m.map((_, k) => k).sort((a, b) => (a & 3) - (b & 3) || a - b));
    t(`${n} typed sort`, () => Float64Array.from(m, (i) => (i & 3) * n + i).sort());
    t(`${n} rank billing`, () => rank(index, 'billing', now));
    t(`${n} rank billing pro`, () => rank(index, 'billing prod', now));
  }
});
