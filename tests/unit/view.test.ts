// The popup's view of the store (lib/view.ts): written by the Store in the same transaction as the chunks,
// read by the popup's reader (lib/popup/view-reader.ts) straight from IndexedDB. A read after a write sees
// the write; anything torn, older or odd is refused, never shown.
import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openSignpostDb } from '../../lib/db';
import type { AccountDraftInput } from '../../lib/draft';
import { accountDraftSchema } from '../../lib/draft';
import { createViewReader } from '../../lib/popup/view-reader';
import type { Account } from '../../lib/schema';
import { firstAccounts } from '../../lib/search';
import { Store } from '../../lib/store';
import { FIRST_SCREEN, VIEW_STATE_KEY } from '../../lib/view';
import { DB_NAME, startEarly, startView } from '../../lib/view-open';

function makeStore() {
  let t = 1_000_000;
  let n = 0;
  const db = openSignpostDb();
  const store = new Store(db, { now: () => t, newKey: () => `k${++n}`, report: () => {} });
  return { store, db, tick: (ms = 1) => (t += ms), now: () => t };
}

const draft = (d: AccountDraftInput) => accountDraftSchema.parse(d);
const iam = (userName: string) => ({ type: 'iam' as const, userName });
/** A new reader per read, as each popup makes its own (one connection for its first screen and the rest). */
const reader = {
  first: () => createViewReader().first(),
  all: () => createViewReader().all(),
};
/** What the popup may see of an account: everything but its notes. */
const shown = (accounts: Account[]) => accounts.map(({ notes: _notes, ...rest }) => rest);
const labels = (list: { accounts: Account[] } | undefined) => list?.accounts.map((a) => a.label);

describe('view: what the popup reads is what the store holds, after every write', () => {
  it('lists every account as the worker does, without the notes', async () => {
    const { store } = makeStore();
    await store.save(
      draft({ accountId: '111111111111', label: 'Prod', notes: 'secret-ish', signIns: [iam('a')] }),
    );
    await store.save(draft({ alias: 'staging-web', label: 'Staging', tags: ['web'] }));
    await store.save(
      draft({ accountId: '222222222222', signIns: [{ type: 'root', email: 'r@example.com' }] }),
    );
    const { accounts } = await store.list();
    expect((await reader.all())?.accounts).toEqual(shown(accounts));
    expect(JSON.stringify(await reader.all())).not.toContain('secret-ish');
    // As the popup reads: one reader, its first screen, then every account once the first paint is done.
    const popup = createViewReader();
    expect((await popup.first())?.accounts).toHaveLength(3);
    expect((await popup.all(Promise.resolve()))?.accounts).toEqual(shown(accounts));
  });

  it('carries every sign-in kind whole: Identity Center roles, switch roles with display name and colour', async () => {
    const { store } = makeStore();
    await store.save(
      draft({
        accountId: '333333333333',
        label: 'Shared',
        signIns: [
          iam('operator'),
          { type: 'root', email: 'root@example.com' },
          {
            type: 'sso',
            startUrl: 'https://d-1234567890.awsapps.com/start',
            roleName: 'AdministratorAccess',
          },
          { type: 'switch', roleName: 'ops/ReadOnly', displayName: 'Shared RO', colour: '#2ca02c' },
        ],
      }),
    );
    const { accounts } = await store.list();
    expect((await reader.all())?.accounts).toEqual(shown(accounts));
    expect((await reader.first())?.accounts[0]?.signIns.map((s) => s.type)).toEqual([
      'iam',
      'root',
      'sso',
      'switch',
    ]);
  });

  it('refuses a view whose role has no role name, or whose switch colour is not a colour', async () => {
    const { store, db } = makeStore();
    await store.save(
      draft({ accountId: '333333333333', signIns: [{ type: 'switch', roleName: 'Ops', colour: '#2ca02c' }] }),
    );
    const conn = await db;
    const key = (await conn.getAllKeys('meta')).find((k) => String(k).startsWith('view/'))!;
    const record = (await conn.get('meta', key)) as {
      accounts: { signIns: { text: Record<string, unknown[]> } };
    };
    for (const [field, value] of [
      ['roleName', undefined],
      ['colour', 'red;background:url(x)'],
    ] as const) {
      const text = { ...record.accounts.signIns.text, [field]: [value] };
      await conn.put(
        'meta',
        { ...record, accounts: { ...record.accounts, signIns: { ...record.accounts.signIns, text } } },
        key,
      );
      expect(await reader.all(), field).toBeUndefined();
    }
  });

  it('never shows a deleted account or an old label once the write is committed', async () => {
    const { store } = makeStore();
    const { result } = await store.save(
      draft({ accountId: '111111111111', label: 'Prod', signIns: [iam('a')] }),
    );
    await store.save(draft({ accountId: '222222222222', label: 'Gone soon', signIns: [iam('b')] }));
    const gone = (await store.list()).accounts.find((a) => a.label === 'Gone soon')!;
    await store.delete([gone.key]);
    await store.save(draft({ accountId: '111111111111', label: 'Production' }), result.account);
    for (const list of [await reader.first(), await reader.all()])
      expect(labels(list)).toEqual(['Production']);
  });

  it('counts a use into the view, and the first screen follows it', async () => {
    const { store, tick, now } = makeStore();
    const drafts = Array.from({ length: 60 }, (_, i) =>
      draft({ accountId: String(300000000000 + i), label: `Account ${i}`, signIns: [iam('u')] }),
    );
    await store.importDrafts(drafts);
    const last = (await store.list()).accounts.at(-1)!;
    expect(labels(await reader.first())).not.toContain('Account 59');
    tick();
    await store.recordUse(last.key, { type: 'iam', userName: 'u' });
    const all = (await reader.all())!.accounts;
    expect(all.find((a) => a.key === last.key)!.signIns[0]!.uses).toBe(1);
    const first = (await reader.first())!.accounts;
    expect(first[0]!.key).toBe(last.key);
    expect(first.map((a) => a.key)).toEqual(firstAccounts(all, FIRST_SCREEN, now()).map((a) => a.key));
  });

  it('keeps its chunks in step when whole chunks are emptied and added', async () => {
    const { store } = makeStore();
    const drafts = Array.from({ length: 250 }, (_, i) =>
      draft({ accountId: String(400000000000 + i), label: `A${i}` }),
    );
    await store.importDrafts(drafts);
    const { accounts } = await store.list();
    await store.delete(accounts.slice(0, 100).map((a) => a.key));
    await store.importDrafts([draft({ accountId: '499999999999', label: 'New' })]);
    expect((await reader.all())?.accounts).toEqual(shown((await store.list()).accounts));
  });
});

describe('view: refused rather than shown', () => {
  async function seeded() {
    const s = makeStore();
    await s.store.save(draft({ accountId: '111111111111', label: 'Prod', signIns: [iam('a')] }));
    return s;
  }
  /** A record as the tests tamper with it: loose on purpose. */
  type Cols = {
    text: Record<string, unknown[]>;
    signIns: { uses: unknown[]; text: Record<string, unknown[]> };
  };
  type Raw = { format: number; chunks: unknown[]; first: Cols; accounts: Cols };
  type Change = (v: Raw) => unknown;
  const edit = async (db: ReturnType<typeof openSignpostDb>, key: string, change: Change) => {
    const d = await db;
    const v = structuredClone(await d.get('meta', key)) as Raw;
    await d.put('meta', change(v) ?? v, key);
  };

  it('opens no database that does not exist yet (the worker creates it at its own version)', async () => {
    expect(await reader.first()).toBeUndefined();
    expect(await reader.all()).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('signpost');
    const db = await openSignpostDb();
    expect(db.version).toBe(DB_VERSION);
    expect(db.objectStoreNames.contains('chunks')).toBe(true);
  });

  it('paints from what the popup started first, on that one connection', async () => {
    const { store } = makeStore();
    await store.save(draft({ accountId: '111111111111', label: 'Prod', signIns: [iam('a')] }));
    const early = startView();
    const open = vi.spyOn(indexedDB, 'open');
    const popup = createViewReader(DB_NAME, early);
    expect(labels(await popup.first())).toEqual(['Prod']);
    expect(labels(await popup.all(Promise.resolve()))).toEqual(['Prod']);
    // The connection started first served both reads.
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
  });

  it("startEarly starts every read of the first paint at once, through the browser's own API", async () => {
    const session = { 'console/1': { accountId: '111111111111', partition: 'aws' } };
    const get = vi.fn(async () => session);
    const getCurrent = vi.fn(async () => ({ id: 7 }));
    // Chrome: `chrome`, promise-based, and no `browser`.
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { storage: { session: { get } }, tabs: { getCurrent } });
    try {
      const early = startEarly();
      expect(get).toHaveBeenCalledWith(null);
      expect(getCurrent).toHaveBeenCalledTimes(1);
      expect(await early.session).toBe(session);
      expect(await early.ownTab).toEqual({ id: 7 });
      // A refusal there is the popup's to handle when it asks, not an unhandled rejection now.
      get.mockRejectedValueOnce(new Error('no session storage'));
      expect(await startEarly().session?.catch((e: Error) => e.message)).toBe('no session storage');
      // Without the API (a page outside the extension) it reads the view alone.
      vi.stubGlobal('chrome', undefined);
      expect(startEarly()).toMatchObject({ session: undefined, ownTab: undefined });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('startView, too, opens no database that does not exist yet', async () => {
    const early = startView();
    expect(await early.state).toBeUndefined();
    expect(await createViewReader(DB_NAME, early).first()).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('signpost');
  });

  const hostile: [string, string, Change][] = [
    ['a state of another format', VIEW_STATE_KEY, (v) => ({ ...v, format: 0 })],
    ['a state listing a chunk that has no record (torn)', VIEW_STATE_KEY, (v) => ({ ...v, chunks: [0, 1] })],
    [
      'a chunk whose columns differ in length',
      'view/0',
      (v) => {
        v.accounts.text.label = [];
      },
    ],
    [
      'an account key that is a number',
      'view/0',
      (v) => {
        v.accounts.text.key = [7];
      },
    ],
    [
      'a colour that is not #rrggbb',
      'view/0',
      (v) => {
        v.accounts.text.colour = ['red;x:url(y)'];
      },
    ],
    [
      'an unknown partition',
      'view/0',
      (v) => {
        v.accounts.text.partition = ['aws-mars'];
      },
    ],
    [
      'a use count that is negative',
      'view/0',
      (v) => {
        v.accounts.signIns.uses = [-1];
      },
    ],
    [
      'an IAM sign-in without a user',
      'view/0',
      (v) => {
        v.accounts.signIns.text.userName = [undefined];
      },
    ],
    ['a record that is a string', 'view/0', () => 'hello'],
  ];
  it.each(hostile)('refuses %s', async (_what, key, change) => {
    const { db } = await seeded();
    expect(labels(await reader.all())).toEqual(['Prod']);
    await edit(db, key, change);
    expect(await reader.all()).toBeUndefined();
  });

  it('refuses a first screen that is not shaped as written', async () => {
    const { db } = await seeded();
    await edit(db, VIEW_STATE_KEY, (v) => {
      v.first.text.key = [null];
    });
    expect(await reader.first()).toBeUndefined();
  });

  it('is rewritten whole by the worker when a chunk record has gone missing', async () => {
    const { db } = await seeded();
    await (await db).delete('meta', 'view/0');
    expect(await reader.all()).toBeUndefined();
    await new Store(openSignpostDb(), { report: () => {} }).list();
    await vi.waitFor(async () => expect(labels(await reader.all())).toEqual(['Prod']));
  });

  it('is rebuilt by the worker when missing (the first run after an update)', async () => {
    const { db } = await seeded();
    await (await db).delete('meta', VIEW_STATE_KEY);
    expect(await reader.first()).toBeUndefined();
    // The worker starts again (a new Store) and lists the accounts, as the popup's fallback asks it to.
    const worker = new Store(openSignpostDb(), { report: () => {} });
    await worker.list();
    await vi.waitFor(async () => expect(labels(await reader.all())).toEqual(['Prod']));
    expect(labels(await reader.first())).toEqual(['Prod']);
  });
});
