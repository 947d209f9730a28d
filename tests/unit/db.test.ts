import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openSignpostDb, type SignpostDB, UPGRADES } from '../../lib/db';
import { Store } from '../../lib/store';
import v1 from '../fixtures/db/v1.json';

/** Writes a database exactly as schema version `version` left it, using that version's upgrade steps. */
async function seedVersion(version: number, accounts: unknown[]) {
  const db = await openDB<SignpostDB>(DB_NAME, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion + 1; v <= version; v++) UPGRADES[v]!(db, tx);
    },
  });
  for (const account of accounts) await db.put('accounts', account as never);
  db.close();
}

describe('schema upgrades', () => {
  it('has one upgrade step per version, from 1 to the current version', () => {
    expect(Object.keys(UPGRADES).map(Number)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('v1 → current: every account written by v1 reads back unchanged', async () => {
    await seedVersion(1, v1.accounts);
    const store = new Store(openSignpostDb());
    const { accounts, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(accounts).toEqual(v1.accounts);
  });

  it('v1 → current: the indexes find v1 records by account ID and alias', async () => {
    await seedVersion(1, v1.accounts);
    const store = new Store(openSignpostDb());
    expect((await store.findByRef('aws', { accountId: '123456789012' }))?.label).toBe('Acme production');
    expect((await store.findByRef('aws-cn', { alias: 'acme-china' }))?.key).toBe(v1.accounts[2]!.key);
    expect(await store.findByRef('aws', { alias: 'acme-china' })).toBeUndefined();
  });

  it('v1 → current: settings (new in v2) start at the defaults and can be saved', async () => {
    await seedVersion(1, v1.accounts);
    const store = new Store(openSignpostDb());
    expect((await store.settings()).learn).toBe('always');
    await store.saveSettings({ learn: 'never', autoNextRoot: true, fillRememberedUser: false });
    expect((await store.settings()).learn).toBe('never');
    expect((await store.list()).accounts).toHaveLength(3);
  });

  it('opening the current version twice changes nothing', async () => {
    await seedVersion(DB_VERSION, v1.accounts);
    const db = await openSignpostDb();
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'meta']);
    expect(await db.count('accounts')).toBe(3);
    db.close();
  });
});
