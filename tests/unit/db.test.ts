import { describe, expect, it } from 'vitest';
import { DB_VERSION, openSignpostDb, rawAccounts, UPGRADES } from '../../lib/db';
import { accountDraftSchema } from '../../lib/draft';
import { Store } from '../../lib/store';
import v1 from '../fixtures/db/v1.json';
import v2 from '../fixtures/db/v2.json';
import v3 from '../fixtures/db/v3.json';
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

  it('v2 → current: accounts move into chunks in the order v2 listed them, damaged records carried along unindexed', async () => {
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
    expect([...db.objectStoreNames].sort()).toEqual(['chunks', 'meta']);
    const chunks = await db.getAll('chunks');
    expect(chunks.map((c) => c.accounts.length)).toEqual([100, 100, 51]);
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

  it('v3 → v4: the chunks v3 wrote move to the store named chunks, as they were, indexes and settings too', async () => {
    await seedVersion(3, { pages: v3.pages, meta: v3.meta });
    const db = await openSignpostDb();
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual(['chunks', 'meta']);
    expect(await db.getAll('chunks')).toEqual(v3.pages);
    expect(await db.getFromIndex('chunks', 'byAlias', 'aws-cn/acme-china')).toMatchObject({ key: 0 });
    db.close();
    const store = new Store(openSignpostDb());
    const { accounts, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(accounts).toEqual(v3.pages.flatMap((c) => c.accounts));
    expect(await store.settings()).toEqual(v3.meta.settings);
    expect((await store.findByRef('aws-us-gov', { accountId: '333344445555' }))?.label).toBe('Acme GovCloud');
  });

  it('v3 → v4: a damaged v3 record comes along unindexed, and the new sign-in kinds can then be stored', async () => {
    const damaged = { key: 'damaged', partition: 'aws', accountId: '999999999999', signIns: 'oops' };
    const [first] = v3.pages;
    await seedVersion(3, { pages: [{ ...first, accounts: [...first!.accounts, damaged] }], meta: v3.meta });
    const store = new Store(openSignpostDb());
    expect((await store.list()).problems).toEqual([expect.stringContaining('damaged')]);
    const saved = await store.save(
      accountDraftSchema.parse({
        accountId: '123456789012',
        signIns: [
          {
            type: 'sso',
            startUrl: 'https://d-1234567890.awsapps.com/start/',
            roleName: 'AdministratorAccess',
          },
          { type: 'switch', roleName: 'team/Ops', displayName: 'Prod ops', colour: '#1f77b4' },
        ],
      }),
    );
    expect(saved.result.account.signIns.map((s) => s.type)).toEqual(['iam', 'root', 'sso', 'switch']);
    const reopened = new Store(openSignpostDb());
    const prod = await reopened.findByRef('aws', { accountId: '123456789012' });
    expect(prod?.signIns.find((s) => s.type === 'sso')).toMatchObject({
      startUrl: 'https://d-1234567890.awsapps.com/start',
    });
    expect(await rawAccounts(await openSignpostDb())).toContainEqual(damaged);
    // The valid account with the damaged record's ID can still be saved: the damaged one holds no index entry.
    await reopened.save(accountDraftSchema.parse({ accountId: '999999999999', label: 'Real' }));
    expect((await reopened.findByRef('aws', { accountId: '999999999999' }))?.label).toBe('Real');
  });

  it('an older Signpost (schema 3) cannot open the upgraded database', async () => {
    await seedVersion(3, { pages: v3.pages, meta: v3.meta });
    (await openSignpostDb()).close();
    await expect(openSignpostDb('signpost', 3)).rejects.toThrow(/version/i);
  });

  it('opening the current version twice changes nothing', async () => {
    await seedVersion(2, { accounts: v1.accounts });
    (await openSignpostDb()).close();
    const db = await openSignpostDb();
    expect([...db.objectStoreNames].sort()).toEqual(['chunks', 'meta']);
    expect(await rawAccounts(db)).toEqual(v1.accounts);
    db.close();
  });
});
