import { describe, expect, it } from 'vitest';
import { DB_VERSION, openSignpostDb, rawAccounts, UPGRADES } from '../../lib/db';
import { accountDraftSchema } from '../../lib/draft';
import { Store } from '../../lib/store';
import v1 from '../fixtures/db/v1.json';
import v2 from '../fixtures/db/v2.json';
import { seedVersion } from './db-frozen';

describe('schema upgrades', () => {
  it('has one upgrade step per version, from 1 to the current version', () => {
    expect(Object.keys(UPGRADES).map(Number)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('v1 → current: every account written by v1 reads back unchanged', async () => {
    await seedVersion(1, { accounts: v1.accounts });
    const store = new Store(openSignpostDb());
    const { accounts, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(accounts).toEqual(v1.accounts);
  });

  it('v1 → current: the indexes find v1 records by account ID and alias', async () => {
    await seedVersion(1, { accounts: v1.accounts });
    const store = new Store(openSignpostDb());
    expect((await store.findByRef('aws', { accountId: '123456789012' }))?.label).toBe('Acme production');
    expect((await store.findByRef('aws-cn', { alias: 'acme-china' }))?.key).toBe(v1.accounts[2]!.key);
    expect(await store.findByRef('aws', { alias: 'acme-china' })).toBeUndefined();
  });

  it('v1 → current: settings (new in v2) start at the defaults and can be saved', async () => {
    await seedVersion(1, { accounts: v1.accounts });
    const store = new Store(openSignpostDb());
    expect((await store.settings()).learn).toBe('always');
    await store.saveSettings({ learn: 'never', autoNextRoot: true, fillRememberedUser: false });
    expect((await store.settings()).learn).toBe('never');
    expect((await store.list()).accounts).toHaveLength(3);
  });

  it('v2 → current: the settings v2 saved are the settings this version reads', async () => {
    await seedVersion(2, { accounts: v1.accounts, meta: v2.meta });
    const store = new Store(openSignpostDb());
    expect(await store.settings()).toEqual({ learn: 'ask', autoNextRoot: false, fillRememberedUser: true });
    expect((await store.list()).accounts).toEqual(v1.accounts);
  });

  it('v2 → v3: accounts move into pages in the order v2 listed them, damaged records carried along unindexed', async () => {
    const damaged = { key: 'damaged', partition: 'aws', accountId: '123456789012', label: 7 };
    const many = Array.from({ length: 250 }, (_, i) => ({
      ...v1.accounts[0]!,
      key: `k${String(i).padStart(3, '0')}`,
      accountId: String(100000000000 + i),
      alias: undefined,
      signIns: [],
    }));
    await seedVersion(2, { accounts: [...many, damaged] });
    const db = await openSignpostDb();
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'pages']);
    const pages = await db.getAll('pages');
    expect(pages.map((p) => p.accounts.length)).toEqual([100, 100, 51]);
    // In the order v2 listed them (by key), each exactly as stored.
    expect(await rawAccounts(db)).toEqual([damaged, ...many].map((a) => JSON.parse(JSON.stringify(a))));
    db.close();
    // The damaged record holds no index entry, so the valid account with its ID can be saved.
    const store = new Store(openSignpostDb());
    expect((await store.list()).problems).toEqual([expect.stringContaining('(damaged)')]);
    expect(await store.findByRef('aws', { accountId: '123456789012' })).toBeUndefined();
    await store.save(accountDraftSchema.parse({ accountId: '123456789012', label: 'Real' }));
    expect((await store.findByRef('aws', { accountId: '123456789012' }))?.label).toBe('Real');
    expect((await store.findByRef('aws', { accountId: '100000000249' }))?.key).toBe('k249');
  });

  it('opening the current version twice changes nothing', async () => {
    await seedVersion(2, { accounts: v1.accounts });
    (await openSignpostDb()).close();
    const db = await openSignpostDb();
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'pages']);
    expect(await rawAccounts(db)).toEqual(v1.accounts);
    db.close();
  });
});
