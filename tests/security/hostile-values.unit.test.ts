// Promise: a hostile value in one record (a file, a form, a record an older version stored) cannot blank or
// misroute the address bar, pin an account to the top, send a sign-in out of /console, or hide a column.
//
// Level: unit, fast-check. Each property says its run count in its name. Oracles are written apart from the
// code they check: a strict omnibox-markup checker (tests/unit/omnibox-xml.ts), the WHATWG URL parser, and
// encodeURIComponent for lone surrogates.
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeChunk, openSignpostDb } from '../../lib/db';
import { accountDraftSchema } from '../../lib/draft';
import { frecencyScore, MAX_USES } from '../../lib/frecency';
import { accountSignInUrl, signInHost } from '../../lib/hosts';
import { PARTITIONS } from '../../lib/ids';
import { parseImport } from '../../lib/import/parse';
import { choose, contentOf, suggest } from '../../lib/omnibox';
import { type Account, accountSchema } from '../../lib/schema';
import { buildIndex } from '../../lib/search';
import { Store } from '../../lib/store';
import { xmlCharProblem, xmlProblem } from '../unit/omnibox-xml';

const NOW = 1_800_000_000_000;
const RUNS = { labels: 1000, drafts: 1000, paths: 3000, headers: 200, frecency: 500 };

/** Any UTF-16 code units, lone surrogates and controls included, with the dangerous ones made likely. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\u0000', '\u0001', '\u001f', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '<', '&', '\u0085'),
    fc.constantFrom('a', ' ', '🚀', 'é'),
  ),
  maxLength: 40,
});

function stored(label: string, notes: string, tag: string, i: number): Account {
  return {
    key: `k${i}`,
    partition: 'aws',
    accountId: String(100000000000 + i),
    label,
    notes,
    tags: [tag],
    signIns: [{ type: 'iam', userName: 'alice', uses: 1, lastUsed: NOW - 1000 }],
    createdAt: 0,
    updatedAt: 0,
  };
}

describe('omnibox: any label leaves every suggestion well-formed XML', () => {
  it(`records as stored, unrepaired (${RUNS.labels} runs)`, () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 6 }), (labels) => {
        const index = buildIndex(labels.map((label, i) => stored(label, '', 'x', i)));
        for (const markup of [true, false]) {
          const suggestions = suggest(index, '', { now: NOW, markup, max: 10 });
          expect(suggestions).toHaveLength(labels.length);
          for (const s of suggestions) {
            expect(markup ? xmlProblem(s.description) : xmlCharProblem(s.description)).toBeUndefined();
            expect(xmlCharProblem(s.content)).toBeUndefined();
          }
        }
        for (const entry of index.entries)
          expect(choose(index, contentOf(entry), NOW)?.key).toBe(entry.account.key);
      }),
      { numRuns: RUNS.labels },
    );
  });

  it('a record stored with such characters reads back repaired through the real store', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openSignpostDb();
    const record = stored('Prod\u0001\uD800uction', 'one\u0000\nline', 'p\u0007rod', 1);
    await db.put(
      'chunks',
      makeChunk(0, [record], () => true),
    );
    db.close();
    const { accounts, problems } = await new Store(openSignpostDb(), { report: () => undefined }).list();
    expect(problems).toEqual([]);
    expect(accounts).toMatchObject([{ label: 'Production', notes: 'one\nline', tags: ['prod'] }]);
  });
});

describe('schemas: what a draft accepts, and what a record reads as, is safe text', () => {
  it(`labels, notes and tags (${RUNS.drafts} runs)`, () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, (label, notes, tag) => {
        const fields = { label, notes, tags: [tag] };
        const draft = accountDraftSchema.safeParse({ accountId: '123456789012', ...fields });
        // The tag rule's own limits (no spaces or commas, 32 long) are not what this property is about.
        const storedTag = tag.replace(/[\s,]/g, '').slice(0, 32) || 'x';
        const record = accountSchema.parse(stored(label, notes, storedTag, 0));
        const texts = [record.label, record.notes, ...record.tags];
        if (draft.success) texts.push(draft.data.label, draft.data.notes, ...(draft.data.tags ?? []));
        const oneLine = [record.label, ...record.tags, ...(draft.success ? [draft.data.label] : [])];
        for (const text of oneLine) expect(/[\t\n\r]/.test(text ?? '')).toBe(false);
        for (const text of texts) {
          expect(xmlCharProblem(text ?? '')).toBeUndefined();
          // DEL and C1 are XML characters, but no name should hold them either.
          expect([...(text ?? '')].some((c) => c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f)).toBe(
            false,
          );
        }
      }),
      { numRuns: RUNS.drafts },
    );
  });
});

describe('landing pages: every built sign-in URL stays under /console on the exact host', () => {
  const piece = fc.constantFrom(
    '.',
    '..',
    '/',
    '\\',
    '%2e',
    '%2E',
    '%2f',
    '%5c',
    '%25',
    '%',
    '?',
    '#',
    '&',
    '=',
    'console',
    's3',
    'a',
    '',
  );
  const path = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

  it(`any path from dots, slashes and escapes, stored or drafted, in all partitions (${RUNS.paths} runs)`, () => {
    fc.assert(
      fc.property(path, fc.constantFrom(...PARTITIONS), (landingPath, partition) => {
        const url = new URL(
          accountSignInUrl({ partition, account: '123456789012', landingPath, region: 'eu-west-1' }),
        );
        expect(url.host).toBe(`123456789012.${signInHost(partition)}`);
        expect(url.pathname === '/console' || url.pathname.startsWith('/console/')).toBe(true);
        // The path as the server sees it has no dot segment left to resolve.
        expect(url.pathname.split('/').some((s) => /^(\.|%2e){1,2}$/i.test(s))).toBe(false);
        expect(url.searchParams.get('region')).toBe('eu-west-1');
      }),
      { numRuns: RUNS.paths },
    );
  });
});

describe('CSV: a header named after any Object.prototype member is ignored and reported', () => {
  const names = Object.getOwnPropertyNames(Object.prototype);
  it(`every member (${names.length}) and random casings of them (${RUNS.headers} runs)`, () => {
    const casing = fc
      .tuple(fc.constantFrom(...names), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }))
      .map(([name, upper]) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...names), casing), (name) => {
        const parse = parseImport(`account,${name}\n123456789012,x\n`);
        expect(parse.warnings).toEqual([`Columns Signpost does not use were ignored: ${name}.`]);
        expect(parse.rows).toHaveLength(1);
      }),
      { numRuns: RUNS.headers },
    );
  });
});

describe('frecency: no imported claim outranks MAX_USES used at the import time', () => {
  it(`any uses and last use a Signpost file claims (${RUNS.frecency} runs)`, () => {
    const claim = fc.record({
      uses: fc.oneof(fc.nat(), fc.constant(1e12)),
      lastUsed: fc.oneof(fc.nat({ max: 4_102_444_800_000 }), fc.constant(NOW + 70 * 365 * 86_400_000)),
    });
    fc.assert(
      fc.property(claim, ({ uses, lastUsed }) => {
        const file = JSON.stringify({
          format: 'signpost',
          version: 1,
          accounts: [
            {
              key: 'k',
              partition: 'aws',
              accountId: '123456789012',
              createdAt: 0,
              updatedAt: 0,
              signIns: [{ type: 'iam', userName: 'mallory', uses, lastUsed }],
            },
          ],
        });
        const signIn = parseImport(file, NOW).rows[0]!.draft.signIns![0]!;
        expect(signIn.uses).toBeLessThanOrEqual(MAX_USES);
        expect(signIn.lastUsed).toBeLessThanOrEqual(NOW);
        const ceiling = frecencyScore({ uses: MAX_USES, lastUsed: NOW }, NOW);
        // Unclamped too (a record stored before the cap): the score itself distrusts the claim.
        expect(frecencyScore({ uses, lastUsed }, NOW)).toBeLessThanOrEqual(ceiling);
      }),
      { numRuns: RUNS.frecency },
    );
  });
});
