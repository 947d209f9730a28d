// The names' natural order the worker keeps beside the popup's view (lib/view-order.ts): written with every
// write that changes the names, sorted in incrementally, always the order a full sort gives; the popup's index
// built with it ranks exactly as one built without it, and anything it cannot use is sorted afresh.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSignpostDb } from '../../lib/db';
import { type AccountDraftInput, accountDraftSchema } from '../../lib/draft';
import { compareNatural, naturalLocale } from '../../lib/natural-sort';
import { createViewReader } from '../../lib/popup/view-reader';
import type { Account } from '../../lib/schema';
import { buildIndex, rank } from '../../lib/search';
import { Store } from '../../lib/store';
import {
  checkOrder,
  type NameOrder,
  namesOf,
  nextOrder,
  ORDER_FORMAT,
  rankMap,
  VIEW_ORDER_KEY,
} from '../../lib/view-order';

const draft = (d: AccountDraftInput) => accountDraftSchema.parse(d);

function makeStore() {
  let n = 0;
  const db = openSignpostDb();
  const store = new Store(db, { now: () => 1_000_000, newKey: () => `k${++n}`, report: () => {} });
  return { store, db };
}

let seq = 0;
/** An account as the store keeps it, with the given label and IAM user names. */
function account(label: string, users: string[] = []): Account {
  seq++;
  return {
    key: `a${seq}`,
    partition: 'aws',
    accountId: String(100000000000 + seq),
    label,
    tags: [],
    signIns: users.map((userName) => ({ type: 'iam', userName, uses: 0, lastUsed: 0 })),
    createdAt: 0,
    updatedAt: 0,
  } as Account;
}

/** Every name's rank from a full sort: what the order must always say. */
function fromScratch(accounts: Account[]): Map<string, number> {
  const sorted = [...namesOf(accounts)].sort(compareNatural);
  const ranks = new Map<string, number>();
  let r = 0;
  sorted.forEach((name, i) => {
    if (i > 0 && compareNatural(sorted[i - 1]!, name) !== 0) r++;
    ranks.set(name, r);
  });
  return ranks;
}

// Names that sort in tricky ways: numbers by value, case and accents ignored (equal ranks), other scripts.
const NAME = fc.oneof(
  fc.constantFrom(
    'prod 2',
    'prod 10',
    'Prod 2',
    'prød 2',
    'Ärger',
    'arger',
    'zeta',
    '生产',
    '',
    'a-b',
    'a b',
  ),
  fc.tuple(fc.constantFrom('billing', 'Billing', 'data', 'ml'), fc.nat(200)).map(([w, n]) => `${w} ${n}`),
  fc.string({ maxLength: 6 }),
);

describe('view order: incremental is a full sort', () => {
  it('after any sequence of writes, every name has the rank a full sort gives it', () => {
    // A store of up to 80 accounts, then writes as they come: one account added, removed or renamed (the
    // binary insertion), or many at once (the merge).
    const ROW = fc.tuple(NAME, fc.array(NAME, { maxLength: 2 }));
    const WRITE = fc.oneof(
      fc.record({ add: fc.array(ROW, { minLength: 1, maxLength: 2 }) }),
      fc.record({ addMany: fc.array(ROW, { minLength: 5, maxLength: 30 }) }),
      fc.record({ remove: fc.nat() }),
      fc.record({ rename: fc.nat(), to: NAME }),
    );
    fc.assert(
      fc.property(
        fc.array(ROW, { maxLength: 80 }),
        fc.array(WRITE, { minLength: 1, maxLength: 8 }),
        (rows, writes) => {
          let accounts = rows.map(([label, users]) => account(label, users));
          let order = nextOrder(undefined, accounts);
          for (const write of writes) {
            if ('add' in write) accounts = [...accounts, ...write.add.map(([l, u]) => account(l, u))];
            else if ('addMany' in write)
              accounts = [...accounts, ...write.addMany.map(([l, u]) => account(l, u))];
            else if ('remove' in write)
              accounts = accounts.filter((_, i) => i !== write.remove % accounts.length);
            else
              accounts = accounts.map((a, i) =>
                i === write.rename % accounts.length ? { ...a, label: write.to } : a,
              );
            order = nextOrder(order, accounts) ?? order;
            const ranks = rankMap(order!);
            const expected = fromScratch(accounts);
            // Same names, and the same order between any two of them.
            expect([...ranks.keys()].sort()).toEqual([...expected.keys()].sort());
            const names = [...expected.keys()];
            for (const x of names)
              for (const y of names)
                expect(Math.sign(ranks.get(x)! - ranks.get(y)!)).toBe(
                  Math.sign(expected.get(x)! - expected.get(y)!),
                );
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('says nothing changed when a write keeps the same names (nothing is written then)', () => {
    const accounts = [account('Prod', ['alice']), account('Dev', ['alice', 'bob'])];
    const order = nextOrder(undefined, accounts)!;
    expect(nextOrder(order, [account('Dev', ['bob']), account('Prod', ['alice'])])).toBeUndefined();
    expect(nextOrder(order, [account('Dev', ['bob'])])?.names).toEqual(['bob', 'Dev']);
  });

  it('the index built with the order ranks every query exactly as the one that sorts for itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(NAME, fc.array(NAME, { maxLength: 3 })), { maxLength: 60 }),
        fc.constantFrom('', 'b', 'prod', 'a', '2', 'billing 1'),
        (rows, query) => {
          const accounts = rows.map(([label, users]) => account(label, users));
          const order = nextOrder(undefined, accounts)!;
          const own = buildIndex(accounts);
          const kept = buildIndex(accounts, rankMap(order));
          expect([...kept.byLabel]).toEqual([...own.byLabel]);
          const keys = (index: typeof own) => rank(index, query, 5).map((r) => r.entry.index);
          expect(keys(kept)).toEqual(keys(own));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sorts for itself when a name is not in the order (an older write), with the same result', () => {
    const accounts = [account('Prod 10', ['alice']), account('prod 2', ['bob']), account('Dev')];
    const stale = rankMap(nextOrder(undefined, accounts.slice(0, 2))!);
    expect([...buildIndex(accounts, stale).byLabel]).toEqual([...buildIndex(accounts).byLabel]);
  });
});

describe('view order: what is read back is checked', () => {
  const good = () => nextOrder(undefined, [account('b'), account('a 10'), account('a 9'), account('A 9')])!;

  it('accepts the record as written, sorted or not asked to be', () => {
    expect(checkOrder(good())).toBeDefined();
    expect(checkOrder(good(), true)).toBeDefined();
  });

  it.each<[string, (o: NameOrder) => unknown]>([
    ['another format', (o) => ({ ...o, format: ORDER_FORMAT + 1 })],
    ['another locale', (o) => ({ ...o, locale: naturalLocale === 'xx' ? 'yy' : 'xx' })],
    ['ranks of another length', (o) => ({ ...o, ranks: o.ranks.slice(1) })],
    ['ranks as a plain array', (o) => ({ ...o, ranks: [...o.ranks] })],
    ['a rank that jumps', (o) => ({ ...o, ranks: Uint32Array.from(o.ranks, (r, i) => r + i) })],
    ['a name that is not a string', (o) => ({ ...o, names: [1, ...o.names.slice(1)] })],
    ['not an object', () => 'view-order'],
  ])('refuses %s', (_, damage) => {
    expect(checkOrder(damage(good()))).toBeUndefined();
  });

  it('the worker refuses names out of order, or ranks that call different names equal', () => {
    const o = good();
    const swapped = { ...o, names: [o.names[1]!, o.names[0]!, ...o.names.slice(2)] };
    expect(checkOrder(swapped)).toBeDefined();
    expect(checkOrder(swapped, true)).toBeUndefined();
    expect(checkOrder({ ...o, ranks: new Uint32Array(o.names.length) }, true)).toBeUndefined();
  });
});

describe('view order: written by the store with the accounts, read by the popup', () => {
  const ranksRead = async () => (await createViewReader().all())?.ranks;

  it('every write that changes the names leaves the order a full sort gives, in the popup', async () => {
    const { store } = makeStore();
    await store.importDrafts(
      ['Prod 10', 'prod 2', 'Dev', 'Ärger', 'arger'].map((label, i) =>
        draft({ accountId: String(200000000000 + i), label, signIns: [{ type: 'iam', userName: `u${i}` }] }),
      ),
    );
    const check = async () => {
      const { accounts } = await store.list();
      const ranks = await ranksRead();
      expect(ranks && Object.fromEntries(ranks)).toEqual(Object.fromEntries(fromScratch(accounts)));
    };
    await check();
    const { accounts } = await store.list();
    await store.save(draft({ accountId: '200000000001', label: 'prod 1' }), accounts[1]);
    await check();
    await store.delete([accounts[0]!.key]);
    await check();
    await store.save(
      draft({
        accountId: '300000000000',
        label: 'Zulu',
        signIns: [{ type: 'root', email: 'z@example.com' }],
      }),
    );
    await check();
  });

  it('two writes at once (two tabs: a learn and an edit) leave the order a full sort gives', async () => {
    const { store } = makeStore();
    await store.importDrafts(
      ['m', 'c'].map((label, i) => draft({ accountId: String(200000000000 + i), label })),
    );
    const { accounts } = await store.list();
    await Promise.all([
      store.save(draft({ accountId: '200000000000', label: 'a 10' }), accounts[0]),
      store.save(
        draft({ accountId: '300000000000', label: 'a 9', signIns: [{ type: 'iam', userName: 'z' }] }),
      ),
      store.delete([accounts[1]!.key]),
    ]);
    const after = (await store.list()).accounts;
    expect(after.map((a) => a.label).sort()).toEqual(['a 10', 'a 9']);
    const ranks = await ranksRead();
    expect(ranks && Object.fromEntries(ranks)).toEqual(Object.fromEntries(fromScratch(after)));
  });

  it('an order missing on disk (as after an update) is written by the next write, even one that changes nothing', async () => {
    const { store, db } = makeStore();
    const drafts = ['b', 'a'].map((label, i) => draft({ accountId: String(200000000000 + i), label }));
    await store.importDrafts(drafts);
    await (await db).delete('meta', VIEW_ORDER_KEY);
    // The worker restarted: it has no order in memory either. The same file imported again changes no account.
    const again = new Store(db, { now: () => 2_000_000, report: () => {} });
    expect(await again.importDrafts(drafts)).toMatchObject({ added: 0, unchanged: 2 });
    expect((await ranksRead()) && [...(await ranksRead())!.keys()]).toEqual(['', 'a', 'b']);
  });

  it('a damaged order on disk is replaced, whole, by the next write', async () => {
    const { store, db } = makeStore();
    await store.save(draft({ accountId: '200000000000', label: 'b' }));
    await store.save(draft({ accountId: '200000000001', label: 'a' }));
    const written = (await (await db).get('meta', VIEW_ORDER_KEY)) as NameOrder;
    // Out of order, as a damaged or hostile record might be.
    await (await db).put('meta', { ...written, names: [...written.names].reverse() }, VIEW_ORDER_KEY);
    // A new store, as after the worker restarted: it reads the order from disk, finds it unsorted, sorts anew.
    const { store: again } = { store: new Store(db, { now: () => 2_000_000, report: () => {} }) };
    await again.save(draft({ accountId: '200000000002', label: 'c' }));
    expect((await ranksRead()) && [...(await ranksRead())!.keys()]).toEqual(['', 'a', 'b', 'c']);
  });
});
