// Import identity: a row is matched to a stored account by key, ID, alias or root email, and whatever the
// row names, two different account IDs never become one account and nothing is taken away that the
// preview does not say. Adversarial drafts mix the identifiers of a random store.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSignpostDb } from '../../../lib/db';
import { type AccountDraft, accountDraftSchema } from '../../../lib/draft';
import { planImport } from '../../../lib/import/plan';
import type { ImportParse } from '../../../lib/import/types';
import { signInId } from '../../../lib/revise';
import type { Account } from '../../../lib/schema';
import { Store } from '../../../lib/store';
import { accountIdArb, aliasArb, emailArb, storeArb, userNameArb } from './arbitraries';

/** Every (partition, account ID, sign-in) a store holds. */
function pairs(accounts: readonly Account[]): Set<string> {
  return new Set(
    accounts.flatMap((a) =>
      a.accountId
        ? a.signIns.map(
            (s) =>
              `${a.partition}/${a.accountId}/${signInId(s)}/${s.type === 'root' ? s.email.toLowerCase() : ''}`,
          )
        : [],
    ),
  );
}

/** Drafts built from the store's own keys, IDs, aliases and emails, shuffled across rows. */
function draftsFor(store: readonly Account[]): fc.Arbitrary<AccountDraft[]> {
  const pick = <T>(own: T[], fresh: fc.Arbitrary<T>) =>
    fc.option(own.length ? fc.oneof(fc.constantFrom(...own), fresh) : fresh, { nil: undefined });
  const keys = store.map((a) => a.key);
  const ids = store.flatMap((a) => (a.accountId ? [a.accountId] : []));
  const aliases = store.flatMap((a) => (a.alias ? [a.alias] : []));
  const emails = store.flatMap((a) => a.signIns.flatMap((s) => (s.type === 'root' ? [s.email] : [])));
  const draft = fc
    .record({
      key: pick(keys, fc.uuid()),
      partition: fc.constantFrom('aws', 'aws', 'aws', 'aws-us-gov'),
      accountId: pick(ids, accountIdArb),
      alias: pick(aliases, aliasArb),
      email: pick(emails, emailArb),
      user: fc.option(userNameArb, { nil: undefined }),
    })
    .map(({ email, user, ...d }) => ({
      ...d,
      signIns: [
        ...(user ? [{ type: 'iam' as const, userName: user }] : []),
        ...(email && d.partition === 'aws' ? [{ type: 'root' as const, email }] : []),
      ],
    }))
    .map((d) => accountDraftSchema.safeParse(d))
    .filter(
      (r) =>
        r.success &&
        Boolean(r.data.accountId || r.data.alias || r.data.signIns?.some((s) => s.type === 'root')),
    )
    .map((r) => r.data!);
  return fc.array(draft, { minLength: 1, maxLength: 6 });
}

const parseOf = (drafts: AccountDraft[]): ImportParse =>
  ({
    format: 'signpost',
    rows: drafts.map((draft, i) => ({ line: i + 1, draft })),
    rejected: [],
    warnings: [],
  }) as unknown as ImportParse;

describe('import identity, for any store and any file', () => {
  it('never drops an (account ID, sign-in) pair the preview does not list as removed, and never folds two IDs', () => {
    fc.assert(
      fc.property(
        storeArb.chain((store) => fc.tuple(fc.constant(store), draftsFor(store))),
        ([store, drafts]) => {
          const plan = planImport(store, parseOf(drafts), 1_000);
          const after = [...plan.new, ...plan.updated, ...plan.unchanged].map((e) => e.account);
          const untouched = store.filter(
            (a) =>
              !after.some((b) => b.key === a.key) &&
              !plan.updated.some((e) => e.folded.some((f) => f.key === a.key)),
          );
          const result = [...after, ...untouched];
          const said = pairs(plan.updated.map((e) => ({ ...e.before!, signIns: e.removes })));
          for (const pair of pairs(store)) {
            if (!pairs(result).has(pair)) expect(said).toContain(pair);
          }
          // Every account ID the store knew is still exactly one account.
          for (const a of store.filter((x) => x.accountId)) {
            expect(
              result.filter((b) => b.partition === a.partition && b.accountId === a.accountId),
            ).toHaveLength(1);
          }
          // Two records never merged into one that had two IDs: each folded record had no ID or the same one.
          for (const e of plan.updated) {
            for (const f of e.folded) expect([undefined, e.account.accountId]).toContain(f.accountId);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('the store writes exactly what the preview showed', async () => {
    await fc.assert(
      fc.asyncProperty(
        storeArb.chain((store) => fc.tuple(fc.constant(store), draftsFor(store))),
        async ([store, drafts]) => {
          globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
          let n = 0;
          const db = new Store(openSignpostDb(), { now: () => 1_000, newKey: () => `new-${++n}` });
          await db.importDrafts(store);
          const plan = planImport(store, parseOf(drafts), 1_000);
          await db.importDrafts(plan.drafts);
          const written = (await db.list()).accounts;
          const shown = [...plan.new, ...plan.updated, ...plan.unchanged].map((e) => e.account);
          for (const account of shown) {
            expect(written.find((w) => w.key === account.key)).toEqual(account);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('import identity, the cases found by hand', () => {
  const stored: Account[] = [
    {
      key: 'a',
      partition: 'aws',
      accountId: '111111111111',
      alias: 'first',
      tags: [],
      signIns: [{ type: 'iam', userName: 'alice', uses: 0, lastUsed: 0 }],
      createdAt: 0,
      updatedAt: 0,
    },
    {
      key: 'b',
      partition: 'aws',
      accountId: '222222222222',
      tags: [],
      signIns: [{ type: 'root', email: 'second@example.com', uses: 0, lastUsed: 0 }],
      createdAt: 0,
      updatedAt: 0,
    },
  ];
  const plan = (...rows: object[]) =>
    planImport(stored, parseOf(rows.map((r) => accountDraftSchema.parse(r))), 1_000);

  it.each([
    [
      'a row naming one account’s alias and another’s root email',
      [{ alias: 'first', signIns: [{ type: 'root', email: 'second@example.com' }] }],
      /two different accounts/,
    ],
    [
      'a key that belongs to an account with another ID',
      [{ key: 'a', accountId: '333333333333' }],
      /key belongs to another account \(111111111111\)/,
    ],
    [
      'two entries with one key and different IDs: the second',
      [
        { key: 'dup', accountId: '444444444444' },
        { key: 'dup', accountId: '555555555555' },
      ],
      /key belongs to another account \(444444444444\)/,
    ],
    [
      'two entries with one key and different aliases, no IDs: the second',
      [
        { key: 'dup', alias: 'one-alias' },
        { key: 'dup', alias: 'two-alias' },
      ],
      /key belongs to another account \(one-alias\)/,
    ],
  ])('%s is rejected with the reason, and its line', (_, rows, reason) => {
    const p = plan(...rows);
    expect(p.rejected).toEqual([{ line: rows.length, reason: expect.stringMatching(reason) }]);
    expect(p.drafts).toHaveLength(rows.length - 1);
  });

  it('a root email moving to another account is listed as removed from the account that had it', () => {
    const p = plan({ accountId: '111111111111', signIns: [{ type: 'root', email: 'second@example.com' }] });
    const from = p.updated.find((e) => e.account.key === 'b');
    expect(from?.removes).toEqual([{ type: 'root', email: 'second@example.com', uses: 0, lastUsed: 0 }]);
  });

  it('a root email replaced by another is listed as removed', () => {
    const p = plan({ accountId: '222222222222', signIns: [{ type: 'root', email: 'new@example.com' }] });
    expect(p.updated[0]?.removes).toEqual([
      { type: 'root', email: 'second@example.com', uses: 0, lastUsed: 0 },
    ]);
  });
});

describe('an import cannot push the person’s own favourite down', () => {
  it('a file’s use counts and recency are capped at the store’s own highest, in the preview and the store', async () => {
    const favourite: Account = {
      key: 'fav',
      partition: 'aws',
      accountId: '111111111111',
      tags: [],
      signIns: [{ type: 'iam', userName: 'me', uses: 40, lastUsed: 900 }],
      createdAt: 0,
      updatedAt: 0,
    };
    const row = accountDraftSchema.parse({
      accountId: '999999999999',
      signIns: [{ type: 'iam', userName: 'pinned', uses: 100_000, lastUsed: 1_000 }],
    });
    const plan = planImport([favourite], parseOf([row]), 1_000);
    expect(plan.new[0]?.account.signIns).toEqual([
      { type: 'iam', userName: 'pinned', uses: 40, lastUsed: 900 },
    ]);
    const db = new Store(openSignpostDb(), { now: () => 1_000 });
    await db.importDrafts([favourite]);
    await db.importDrafts(plan.drafts);
    const written = (await db.list()).accounts.find((a) => a.accountId === '999999999999');
    expect(written?.signIns).toEqual(plan.new[0]?.account.signIns);
  });

  it('into an empty store (a restore), the file’s history is kept as it is', () => {
    const row = accountDraftSchema.parse({
      accountId: '999999999999',
      signIns: [{ type: 'iam', userName: 'mine', uses: 12, lastUsed: 500 }],
    });
    expect(planImport([], parseOf([row]), 1_000).new[0]?.account.signIns[0]).toMatchObject({
      uses: 12,
      lastUsed: 500,
    });
  });
});
