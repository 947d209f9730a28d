// The ranking's fast paths (a sweep over the empty query's order instead of a sort; ASCII word boundaries
// read from the character code) against the general path they replaced, written out here in full: the same
// uFuzzy filter, a regex test per occurrence, and a comparator sort by quality then the empty query's order.
import uFuzzy from '@leeoniya/ufuzzy';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../lib/schema';
import { buildIndex, needles, rank, type SearchIndex } from '../../lib/search';
import { SEP } from '../../lib/search-highlight';
import { account, iam, manyAccounts, NOW, root, sso, switchRole } from './popup/fixtures';

const fuzzy = new uFuzzy({
  unicode: true,
  interSplit: "[^\\p{L}\\d']+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{L}\\d|\\d\\p{L}|\\p{Ll}\\p{Lu}',
  intraChars: "[\\p{L}\\d']",
  intraContr: "'\\p{L}{1,2}\\b",
  intraMode: 1,
});

function slowTier(term: string, s: string): number {
  const plain = term.toLowerCase();
  let at = s.indexOf(plain);
  if (at < 0) return 1;
  let tier = 2;
  for (; at >= 0; at = s.indexOf(plain, at + 1)) {
    const before = at > 0 ? [...s.slice(Math.max(0, at - 2), at)].pop()! : '';
    if (at > 0 && /[\p{L}\d]/u.test(before)) continue;
    const end = at + plain.length;
    if ((at === 0 || s[at - 1] === SEP) && (end === s.length || s[end] === SEP)) return 4;
    tier = 3;
  }
  return tier;
}

/** "<entry index>:<quality>" per result, best first, by the general path. */
function slowRank(index: SearchIndex, query: string): string[] {
  const words = needles(query);
  const base = rank(index, '', NOW).map((r) => r.entry.index);
  const place = new Map(base.map((e, p) => [e, p]));
  if (words.length === 0) return base.map((e) => `${e}:0`);
  let idxs: number[] | undefined;
  for (const word of words) {
    idxs = fuzzy.filter(index.haystack as string[], word, idxs) ?? [];
    if (idxs.length === 0) return [];
  }
  const terms = words.flatMap((w) => fuzzy.split(w));
  return idxs!
    .map((i) => ({ i, q: terms.reduce((q, t) => q + slowTier(t, index.lower[i]!), 0) }))
    .sort((a, b) => b.q - a.q || place.get(a.i)! - place.get(b.i)!)
    .map(({ i, q }) => `${i}:${q}`);
}

const fastRank = (index: SearchIndex, query: string) =>
  rank(index, query, NOW).map((r) => `${r.entry.index}:${r.quality}`);

const mixed: Account[] = [
  ...manyAccounts(600),
  account({ key: 'mul', alias: 'kunde-mueller', label: 'Kunde Müller', signIns: [iam('Jörg', 3, 1)] }),
  account({ key: 'cn', label: '生产 账户', accountId: '345678901234', signIns: [iam('管理员')] }),
  account({ key: 'emo', label: '𝒜ccount 𝒷illing', tags: ['𝒷illing'], signIns: [root('ops@example.com')] }),
  account({
    key: 'sso',
    label: 'BillingProd',
    accountId: '342179000001',
    signIns: [
      sso('https://acme.awsapps.com/start', 'AdministratorAccess', 2, 3),
      switchRole('billing-admin', { displayName: 'Billing (prod)' }, 1, 2),
    ],
  }),
];

// A small deterministic generator, so a failure names a query that can be replayed.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['b', 'bi', 'billing', 'bilnig', 'prod', 'pr', 'staging', 'admin', 'alice', 'ci-bot', 'pay'];
const MORE = ['Müller', 'jörg', '生产', '𝒷', 'root', 'example', '3421-79', '1000', '-dev', 'a', 'x', 'z'];

function randomQuery(next: () => number): string {
  const pool = [...WORDS, ...MORE];
  const count = 1 + Math.floor(next() * 3);
  return Array.from({ length: count }, () => {
    const word = pool[Math.floor(next() * pool.length)]!;
    // Cut a word short sometimes: the queries a person has half typed.
    return next() < 0.3 ? word.slice(0, 1 + Math.floor(next() * word.length)) : word;
  }).join(next() < 0.2 ? '  ' : ' ');
}

describe('rank, the fast ordering against the general path', () => {
  const index = buildIndex(mixed);

  it.each([
    ['b'],
    ['billing'],
    ['billing prod'],
    ['3421-79'],
    ['billing z'],
    ['Müller'],
    ['𝒷'],
    ['生产'],
    ['admin alice'],
    [''],
  ])('orders %j exactly as the general path does', (query) => {
    expect(fastRank(index, query)).toEqual(slowRank(index, query));
  });

  it('agrees on 300 random queries (results, order and quality)', () => {
    const next = random(18);
    for (let k = 0; k < 300; k++) {
      const query = randomQuery(next);
      expect({ query, ranked: fastRank(index, query) }).toEqual({ query, ranked: slowRank(index, query) });
    }
  });
});
