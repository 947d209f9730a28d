// The organization's account directory (storage.managed → the import pipeline → the store), with the real
// Store on fake IndexedDB and the managed storage faked: Chromium cannot be given a policy in this suite.
import { describe, expect, it } from 'vitest';
import { applyManagedDirectory, type ManagedStatus } from '../../../lib/background/managed';
import { openSignpostDb } from '../../../lib/db';
import { accountDraftSchema } from '../../../lib/draft';
import { Store } from '../../../lib/store';

const EXPORT = JSON.stringify({
  format: 'signpost',
  version: 1,
  accounts: [
    {
      accountId: '222222222222',
      label: 'Production',
      colour: '#d62728',
      signIns: [{ type: 'iam', userName: 'alice' }],
    },
    { accountId: '333333333333', alias: 'acme-staging', label: 'Staging' },
    { alias: 'acme-sandbox', tags: ['dev'] },
  ],
});

function setup(policy: () => Record<string, unknown>) {
  const store = new Store(openSignpostDb());
  const statuses: ManagedStatus[] = [];
  const apply = () =>
    applyManagedDirectory({
      readManaged: async () => policy(),
      list: () => store.list(),
      putManaged: (accounts) => store.putManaged(accounts),
      saveStatus: async (s) => {
        statuses.push(s);
      },
      now: () => 1_800_000_000_000,
    });
  return { store, statuses, apply };
}

const accounts = async (store: Store) => (await store.list()).accounts;

describe('a directory deployed by policy', () => {
  it('imports the export and marks every account as the organization’s', async () => {
    const { store, apply } = setup(() => ({ directory: EXPORT }));
    const status = await apply();
    const listed = await accounts(store);
    expect(status.error).toBeUndefined();
    expect(status).toEqual({ accounts: JSON.parse(EXPORT).accounts.length });
    expect(listed.length).toBe(status.accounts);
    expect(listed.every((a) => a.managed === true)).toBe(true);
    expect(listed.find((a) => a.accountId === '222222222222')?.label).toBe('Production');
  });

  it('takes the export as a policy object as well as JSON text', async () => {
    const { store, apply } = setup(() => ({ directory: JSON.parse(EXPORT) }));
    expect((await apply()).error).toBeUndefined();
    expect((await accounts(store)).length).toBe(JSON.parse(EXPORT).accounts.length);
  });

  it('can be coloured and used, but not edited or deleted', async () => {
    const { store, apply } = setup(() => ({ directory: EXPORT }));
    await apply();
    const prod = (await accounts(store)).find((a) => a.accountId === '222222222222')!;
    // The editor sends the whole account back, as here.
    const { managed: _, ...fields } = prod;
    await store.save(accountDraftSchema.parse({ ...fields, colour: '#2ca02c' }), prod);
    const coloured = (await store.get(prod.key))!;
    expect(coloured).toMatchObject({ colour: '#2ca02c', managed: true, label: 'Production' });
    await expect(
      store.save(accountDraftSchema.parse({ ...fields, label: 'Mine now' }), coloured),
    ).rejects.toThrow('Production is deployed by your organization; only its colour can be changed here.');
    await expect(store.delete([prod.key])).rejects.toThrow(
      'Production is deployed by your organization and cannot be deleted here.',
    );
    expect((await store.get(prod.key))?.label).toBe('Production');
  });

  it.each([
    ['not JSON', '{"format": "signpost", "accounts": [', /could not be read, so nothing changed/],
    ['another format', '[profile dev]\nsso_account_id = 111111111111\n', /not a Signpost export/],
    [
      'an entry Signpost cannot use',
      JSON.stringify({ format: 'signpost', version: 1, accounts: [{ accountId: '12' }] }),
      /1 entries Signpost cannot use, so nothing changed/,
    ],
  ])('a broken policy value (%s) is reported and changes nothing', async (_name, text, message) => {
    let directory = EXPORT;
    const { store, apply } = setup(() => ({ directory }));
    await apply();
    const before = await accounts(store);
    directory = text;
    const status = await apply();
    expect(status.error).toMatch(message);
    expect(await accounts(store)).toEqual(before);
  });

  it('a withdrawn policy leaves the accounts to the person, no longer the organization’s', async () => {
    let policy: Record<string, unknown> = { directory: EXPORT };
    const { store, apply } = setup(() => policy);
    await apply();
    policy = {};
    expect(await apply()).toEqual({ accounts: 0 });
    const listed = await accounts(store);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((a) => a.managed)).toBe(false);
    await store.delete([listed[0]!.key]);
    expect((await accounts(store)).length).toBe(listed.length - 1);
  });

  it('no policy at all (Firefox rejects the read) changes nothing and reports nothing', async () => {
    const store = new Store(openSignpostDb());
    const status = await applyManagedDirectory({
      readManaged: () => Promise.reject(new Error('Managed storage manifest not found')),
      list: () => store.list(),
      putManaged: (a) => store.putManaged(a),
      saveStatus: async () => undefined,
    });
    expect(status).toEqual({ accounts: 0 });
    expect(await accounts(store)).toEqual([]);
  });
});

describe('the directory at each start of the service worker', () => {
  it('does not read the store when there is no policy and none was applied last time', async () => {
    let reads = 0;
    const status = await applyManagedDirectory({
      readManaged: async () => ({}),
      list: async () => {
        reads++;
        return { accounts: [] };
      },
      putManaged: async () => undefined,
      saveStatus: async () => {},
      lastStatus: async () => ({ accounts: 0 }),
    });
    expect(status).toEqual({ accounts: 0 });
    expect(reads).toBe(0);
  });

  it('still releases the accounts of a policy withdrawn since the last start', async () => {
    let policy: Record<string, unknown> = { directory: EXPORT };
    const store = new Store(openSignpostDb());
    let last: ManagedStatus | undefined;
    const apply = () =>
      applyManagedDirectory({
        readManaged: async () => policy,
        list: () => store.list(),
        putManaged: (accounts) => store.putManaged(accounts),
        saveStatus: async (s) => {
          last = s;
        },
        lastStatus: async () => last,
      });
    await apply();
    policy = {};
    expect(await apply()).toEqual({ accounts: 0 });
    expect((await accounts(store)).some((a) => a.managed)).toBe(false);
    expect((await accounts(store)).length).toBe(JSON.parse(EXPORT).accounts.length);
  });
});
