// Export version 2 is lossless: a store holding all four sign-in kinds, exported, parsed, planned and
// written into an empty store (IndexedDB, as the background does) is the same store, frecency included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSignpostDb } from '../../../lib/db';
import { exportJson } from '../../../lib/export';
import { parseImport } from '../../../lib/import/parse';
import { planImport } from '../../../lib/import/plan';
import { type Account, DEFAULT_SETTINGS } from '../../../lib/schema';
import { SIGN_IN_KINDS } from '../../../lib/sign-in-kinds';
import { Store } from '../../../lib/store';
import { storeArb } from './arbitraries';

const kinds = (accounts: readonly Account[]) =>
  new Set(accounts.flatMap((a) => a.signIns.map((s) => s.type)));
const byKey = (accounts: readonly Account[]) => [...accounts].sort((a, b) => a.key.localeCompare(b.key));

describe('export v2 → import into an empty store', () => {
  it('gives back the same accounts with every kind of sign-in and its use counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        storeArb.filter((accounts) => kinds(accounts).size === SIGN_IN_KINDS.length),
        async (accounts) => {
          const text = exportJson(accounts, DEFAULT_SETTINGS, 0);
          expect(JSON.parse(text).version).toBe(2);
          globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
          const store = new Store(openSignpostDb(), { now: () => 2_000_000_000_000, newKey: () => 'unused' });
          const existing = (await store.list()).accounts;
          const plan = planImport(existing, parseImport(text, 2_000_000_000_000), 2_000_000_000_000);
          expect(plan.rejected).toEqual([]);
          await store.importDrafts(plan.drafts);
          expect(byKey((await store.list()).accounts)).toEqual(byKey(accounts));
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('still imports a version 1 file (IAM users and root only)', () => {
    const v1 = JSON.stringify({
      format: 'signpost',
      version: 1,
      accounts: [
        {
          key: 'k',
          partition: 'aws',
          accountId: '123456789012',
          tags: [],
          signIns: [{ type: 'iam', userName: 'alice', uses: 4, lastUsed: 9 }],
          createdAt: 1,
          updatedAt: 2,
        },
      ],
    });
    const parse = parseImport(v1, 10);
    expect(parse.error).toBeUndefined();
    expect(parse.rows[0]!.draft.signIns).toEqual([{ type: 'iam', userName: 'alice', uses: 4, lastUsed: 9 }]);
  });
});
