import { describe, expect, it } from 'vitest';
import { openSignpostDb, rawAccounts } from '../../lib/db';
import type { AccountDraftInput } from '../../lib/draft';
import { accountDraftSchema } from '../../lib/draft';
import { signInWho } from '../../lib/sign-in-kinds';
import { Store } from '../../lib/store';

function makeStore(start = 1_000) {
  let t = start;
  let n = 0;
  const problems: string[] = [];
  const store = new Store(openSignpostDb(), {
    now: () => t,
    newKey: () => `k${++n}`,
    report: (p) => problems.push(p),
  });
  return { store, problems, tick: (ms = 1) => (t += ms) };
}

const draft = (d: AccountDraftInput) => accountDraftSchema.parse(d);
const iam = (userName: string) => ({ type: 'iam' as const, userName });
const root = (email: string) => ({ type: 'root' as const, email });
const learned = (accountId: string, userName: string) => ({
  partition: 'aws' as const,
  box: { accountId },
  signIn: iam(userName),
});

describe('store: create, read, update, delete', () => {
  it('adds an account and lists it back validated', async () => {
    const { store } = makeStore();
    const { result } = await store.save(
      draft({ accountId: '1234-5678-9012', label: 'Prod', signIns: [iam('alice')] }),
    );
    expect(result.status).toBe('added');
    const { accounts, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(accounts).toEqual([
      expect.objectContaining({
        key: 'k1',
        accountId: '123456789012',
        label: 'Prod',
        signIns: [{ type: 'iam', userName: 'alice', uses: 0, lastUsed: 0 }],
      }),
    ]);
  });

  it('edits by key: fields left out are cleared, frecency of kept users stays', async () => {
    const { store } = makeStore();
    const { result } = await store.save(
      draft({ accountId: '123456789012', label: 'Prod', signIns: [iam('alice')] }),
    );
    await store.recordUse(result.account.key, iam('alice'));
    const edited = await store.save(
      draft({ key: result.account.key, accountId: '123456789012', signIns: [iam('alice'), iam('bob')] }),
      (await store.get(result.account.key))!,
    );
    expect(edited.result.account.label).toBeUndefined();
    expect(edited.result.account.signIns).toEqual([
      { type: 'iam', userName: 'alice', uses: 1, lastUsed: 1000 },
      { type: 'iam', userName: 'bob', uses: 0, lastUsed: 0 },
    ]);
  });

  it('refuses an edit that would take another account’s ID, and changes nothing', async () => {
    const { store } = makeStore();
    await store.save(draft({ accountId: '111111111111', label: 'A' }));
    const b = await store.save(draft({ accountId: '222222222222', label: 'B' }));
    await expect(
      store.save(draft({ key: b.result.account.key, accountId: '111111111111' }), b.result.account),
    ).rejects.toThrow('Another account (A) already has that account ID, alias or root email.');
    expect((await store.list()).accounts.map((a) => a.accountId).sort()).toEqual([
      '111111111111',
      '222222222222',
    ]);
  });

  it('deletes accounts and returns them for Undo; restore puts them back', async () => {
    const { store } = makeStore();
    const a = await store.save(draft({ alias: 'acme', signIns: [iam('alice')] }));
    const deleted = await store.delete([a.result.account.key]);
    expect(deleted.result).toEqual([a.result.account]);
    expect((await store.list()).accounts).toEqual([]);
    await store.revert(deleted.revisions);
    expect((await store.list()).accounts).toEqual([a.result.account]);
  });

  it('deletes single sign-ins case-insensitively', async () => {
    const { store } = makeStore();
    const a = await store.save(
      draft({ accountId: '123456789012', signIns: [iam('Alice'), iam('bob'), root('r@x.io')] }),
    );
    const { result: account } = await store.deleteSignIns(a.result.account.key, ['iam:alice', 'root']);
    expect(account.signIns).toEqual([{ type: 'iam', userName: 'bob', uses: 0, lastUsed: 0 }]);
  });

  it('refuses to write a record that fails validation, leaving the store as it was', async () => {
    const { store } = makeStore();
    await store.save(draft({ alias: 'acme' }));
    const before = await store.list();
    const bad = { ...before.accounts[0]!, accountId: 'not-an-id' };
    await expect(store.revert([{ before: bad, after: before.accounts[0] }])).rejects.toThrow(
      'An account ID is exactly 12 digits',
    );
    expect(await store.list()).toEqual(before);
  });
});

describe('merge rules', () => {
  it('an alias and an account ID become one record once something links them', async () => {
    const { store } = makeStore();
    await store.save(draft({ alias: 'acme-prod', signIns: [iam('alice')] }));
    await store.save(draft({ accountId: '123456789012', label: 'Prod', signIns: [iam('bob')] }));
    expect((await store.list()).accounts).toHaveLength(2);
    const linked = await store.save(draft({ accountId: '123456789012', alias: 'acme-prod' }));
    const { accounts } = await store.list();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ accountId: '123456789012', alias: 'acme-prod', label: 'Prod' });
    expect(accounts[0]!.signIns.map(signInWho).sort()).toEqual(['alice', 'bob']);
    expect(linked.result.remove).toHaveLength(1);
  });

  it('the record holding the account ID keeps its key (the stable identity)', async () => {
    const { store } = makeStore();
    await store.save(draft({ alias: 'acme-prod' }));
    const byId = await store.save(draft({ accountId: '123456789012' }));
    const linked = await store.save(draft({ accountId: '123456789012', alias: 'acme-prod' }));
    expect(linked.result.account.key).toBe(byId.result.account.key);
  });

  it('a new alias for a known account ID replaces the old alias', async () => {
    const { store } = makeStore();
    await store.save(draft({ accountId: '123456789012', alias: 'old-name' }));
    await store.save(draft({ accountId: '123456789012', alias: 'new-name' }));
    const { accounts } = await store.list();
    expect(accounts.map((a) => a.alias)).toEqual(['new-name']);
  });

  it('an alias moved to another account ID leaves the old account', async () => {
    const { store } = makeStore();
    await store.save(draft({ accountId: '111111111111', alias: 'shared-name' }));
    await store.save(draft({ accountId: '222222222222', alias: 'shared-name' }));
    const byId = Object.fromEntries((await store.list()).accounts.map((a) => [a.accountId, a.alias]));
    expect(byId).toEqual({ '111111111111': undefined, '222222222222': 'shared-name' });
  });

  it('user names dedupe case-insensitively and keep the first spelling', async () => {
    const { store } = makeStore();
    await store.save(draft({ alias: 'acme', signIns: [iam('Alice')] }));
    await store.save(draft({ alias: 'acme', signIns: [iam('ALICE'), iam('bob')] }));
    const [account] = (await store.list()).accounts;
    expect(account!.signIns.map((s) => (s.type === 'iam' ? s.userName : ''))).toEqual(['Alice', 'bob']);
  });

  it('the same ID in two partitions is two accounts', async () => {
    const { store } = makeStore();
    await store.save(draft({ accountId: '123456789012' }));
    await store.save(draft({ accountId: '123456789012', partition: 'aws-cn' }));
    expect((await store.list()).accounts.map((a) => a.partition).sort()).toEqual(['aws', 'aws-cn']);
  });

  it('a root email joins the account that already has it', async () => {
    const { store } = makeStore();
    await store.save(draft({ signIns: [root('owner@acme.io')] }));
    await store.save(draft({ accountId: '123456789012', signIns: [root('Owner@acme.io')] }));
    const { accounts } = await store.list();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ accountId: '123456789012' });
  });

  it('saving what is already there reports unchanged and writes nothing', async () => {
    const { store, tick } = makeStore();
    await store.save(draft({ alias: 'acme', tags: ['prod'], signIns: [iam('alice')] }));
    tick(500);
    const again = await store.save(draft({ alias: 'acme', tags: ['prod'], signIns: [iam('alice')] }));
    expect(again.result.status).toBe('unchanged');
    expect((await store.list()).accounts[0]!.updatedAt).toBe(1000);
  });
});

describe('import in one transaction', () => {
  it('counts added, updated and unchanged rows', async () => {
    const { store } = makeStore();
    await store.save(draft({ accountId: '111111111111', label: 'One' }));
    await store.save(draft({ accountId: '222222222222', label: 'Two' }));
    const counts = await store.importDrafts([
      draft({ accountId: '111111111111', label: 'One' }),
      draft({ accountId: '222222222222', label: 'Two renamed' }),
      draft({ accountId: '333333333333', label: 'Three' }),
      draft({ accountId: '333333333333', signIns: [iam('alice')] }),
    ]);
    expect(counts).toEqual({ added: 1, updated: 2, unchanged: 1 });
    expect((await store.list()).accounts).toHaveLength(3);
  });

  it('an import that fails validation writes nothing at all', async () => {
    const { store } = makeStore();
    await store.save(draft({ accountId: '111111111111' }));
    const before = await store.list();
    const good = draft({ accountId: '222222222222' });
    // A root email in China is invalid as a record, though each field alone is fine.
    const bad = draft({ accountId: '333333333333', partition: 'aws-cn', signIns: [root('a@b.cn')] });
    await expect(store.importDrafts([good, bad])).rejects.toThrow(/GovCloud or China/);
    expect(await store.list()).toEqual(before);
  });
});

describe('frecency', () => {
  it('a route counts one use of that sign-in and stamps the time', async () => {
    const { store, tick } = makeStore();
    const a = await store.save(draft({ alias: 'acme', signIns: [iam('alice'), iam('bob')] }));
    tick(10);
    await store.recordUse(a.result.account.key, iam('BOB'));
    await store.recordUse(a.result.account.key, iam('bob'));
    const [account] = (await store.list()).accounts;
    expect(account!.signIns).toEqual([
      { type: 'iam', userName: 'alice', uses: 0, lastUsed: 0 },
      { type: 'iam', userName: 'bob', uses: 2, lastUsed: 1010 },
    ]);
  });

  it('a route is counted in the list the popup reads next, also when that list was already read', async () => {
    const { store, tick } = makeStore();
    const a = await store.save(draft({ alias: 'acme', signIns: [iam('alice')] }));
    await store.save(draft({ alias: 'other', signIns: [iam('bob')] }));
    expect((await store.list()).accounts).toHaveLength(2);
    tick(5);
    await store.recordUse(a.result.account.key, iam('alice'));
    const listed = (await store.list()).accounts;
    expect(listed.find((x) => x.alias === 'acme')!.signIns).toEqual([
      { type: 'iam', userName: 'alice', uses: 1, lastUsed: 1005 },
    ]);
    expect(listed.find((x) => x.alias === 'other')!.signIns[0]!.uses).toBe(0);
    expect(listed).toEqual((await new Store(openSignpostDb()).list()).accounts);
  });

  it('learning adds the sign-in with one use, and counts again when seen again', async () => {
    const { store } = makeStore();
    const first = await store.learn(learned('123456789012', 'alice'));
    expect(first.result.status).toBe('added');
    expect(first.revisions).toEqual([{ before: undefined, after: first.result.account }]);
    const second = await store.learn(learned('123456789012', 'Alice'));
    expect(second.result.status).toBe('unchanged');
    expect(second.result.account.signIns).toEqual([
      { type: 'iam', userName: 'alice', uses: 2, lastUsed: 1000 },
    ]);
  });
});

describe('damaged records', () => {
  it('a corrupt record is reported and skipped; the rest still load', async () => {
    const { store, problems } = makeStore();
    await store.save(draft({ accountId: '111111111111', label: 'Good one' }));
    await store.save(draft({ accountId: '222222222222', label: 'Good two' }));
    // Damage two records where they are stored: on the page of the good ones.
    const db = await openSignpostDb();
    const [page] = await db.getAll('chunks');
    const broken = { key: 'broken', partition: 'aws', accountId: 'xyz', createdAt: 0, updatedAt: 0 };
    await db.put('chunks', {
      ...page!,
      accounts: [...page!.accounts, broken, { key: 'worse', nonsense: true }],
    });
    db.close();
    const fresh = new Store(openSignpostDb(), { report: (p) => problems.push(p) });
    const { accounts, problems: listed } = await fresh.list();
    expect(accounts.map((a) => a.label).sort()).toEqual(['Good one', 'Good two']);
    expect(listed).toEqual([
      expect.stringContaining(
        'Skipped a damaged account record (broken): An account ID is exactly 12 digits',
      ),
      expect.stringContaining('Skipped a damaged account record (worse)'),
    ]);
    expect(problems).toHaveLength(2);
  });

  it('writes leave damaged records untouched (no data is dropped)', async () => {
    const { store } = makeStore();
    await store.save(draft({ accountId: '111111111111', label: 'Good one' }));
    const db = await openSignpostDb();
    const [page] = await db.getAll('chunks');
    await db.put('chunks', {
      ...page!,
      accounts: [...page!.accounts, { key: 'broken', partition: 'aws', accountId: 'xyz' }],
    });
    db.close();
    const fresh = new Store(openSignpostDb());
    await fresh.importDrafts([
      draft({ accountId: '123456789012' }),
      draft({ accountId: '111111111111', label: 'Renamed' }),
    ]);
    await fresh.delete([(await fresh.list()).accounts.find((a) => a.accountId === '123456789012')!.key]);
    const again = await openSignpostDb();
    expect(await rawAccounts(again)).toEqual([
      expect.objectContaining({ accountId: '111111111111', label: 'Renamed' }),
      { key: 'broken', partition: 'aws', accountId: 'xyz' },
    ]);
    again.close();
  });
});

describe('concurrency', () => {
  it('two writers at once lose nothing', async () => {
    const { store } = makeStore();
    const other = new Store(openSignpostDb(), { newKey: () => crypto.randomUUID() });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? store : other).learn(learned('123456789012', `user${i}`)),
      ),
    );
    // Read back from IndexedDB, not from either writer's memory.
    const { accounts } = await new Store(openSignpostDb()).list();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.signIns).toHaveLength(20);
  });
});

describe('settings', () => {
  it('defaults until saved, then reads back what was saved', async () => {
    const { store } = makeStore();
    expect(await store.settings()).toEqual({ learn: 'always', autoNextRoot: true, fillRememberedUser: true });
    await store.saveSettings({ learn: 'ask', autoNextRoot: false, fillRememberedUser: true });
    expect(await new Store(openSignpostDb()).settings()).toEqual({
      learn: 'ask',
      autoNextRoot: false,
      fillRememberedUser: true,
    });
  });

  it('damaged settings fall back to the defaults with a report', async () => {
    const { store, problems } = makeStore();
    const db = await openSignpostDb();
    await db.put('meta', { learn: 'sometimes' }, 'settings');
    expect(await store.settings()).toEqual({ learn: 'always', autoNextRoot: true, fillRememberedUser: true });
    expect(problems[0]).toMatch(/Settings were damaged/);
  });
});

describe('store: two tabs writing roles at once', () => {
  const sw = (displayName: string) => ({
    partition: 'aws' as const,
    box: { accountId: '123456789012' },
    signIn: { type: 'switch' as const, roleName: 'team/Ops', displayName },
  });

  it('Undo of a learned switch role keeps the display name another tab gave it since', async () => {
    const { store } = makeStore();
    const learnedInA = await store.learn(sw('Ops (A)'));
    // Tab B (an import or the editor) renames the same role before tab A's Undo.
    await store.save(
      draft({
        accountId: '123456789012',
        signIns: [{ type: 'switch', roleName: 'TEAM/ops', displayName: 'Ops (B)' }],
      }),
    );
    await store.revert(learnedInA.revisions);
    const [account] = (await store.list()).accounts;
    expect(account?.signIns).toMatchObject([
      { type: 'switch', roleName: 'team/Ops', displayName: 'Ops (B)' },
    ]);
  });

  it('Undo in one tab takes back only its own role; the other tab’s Identity Center role stays', async () => {
    const { store } = makeStore();
    await store.save(draft({ accountId: '123456789012', label: 'Shared' }));
    const a = await store.learn(sw('Ops'));
    await store.learn({
      partition: 'aws',
      box: { accountId: '123456789012' },
      signIn: { type: 'sso', startUrl: 'https://d-1234567890.awsapps.com/start', roleName: 'Admin' },
    });
    await store.revert(a.revisions);
    const [account] = (await store.list()).accounts;
    expect(account?.label).toBe('Shared');
    expect(account?.signIns.map((s) => s.type)).toEqual(['sso']);
  });
});
