// Promise: no data is lost. A database written by an earlier schema version (damaged records and all) opens and
// reads back; a write that fails, however large, leaves everything as it was.
//
// Level: unit, fake IndexedDB through the real store and handlers. tests/unit/db.test.ts already upgrades the
// clean v1 fixture; this adds the damaged one and the large refused write. The same promises in Chromium:
// durability.e2e.test.ts.
import { describe, expect, it } from 'vitest';
import { openSignpostDb, rawAccounts } from '../../lib/db';
import { Store } from '../../lib/store';
import { background, snapshot } from '../fakes/background';
import { contentScript } from '../fakes/senders';
import v1Damaged from '../fixtures/db/v1-damaged.json';
import { seedVersion } from '../unit/db-frozen';

/** Writes `accounts` into a database exactly as schema version 1 made it (one record per account). */
const seedV1 = (accounts: unknown[]) => seedVersion(1, { accounts });

async function raw(): Promise<Record<string, unknown>> {
  const db = await openSignpostDb();
  const all = (await rawAccounts(db)) as { key: string }[];
  db.close();
  return Object.fromEntries(all.map((a) => [a.key, a]));
}

const DAMAGED = v1Damaged.accounts.filter((a) => a.key.startsWith('v1-damaged'));
const VALID = v1Damaged.accounts.filter((a) => a.key.startsWith('v1-valid'));

describe('a v1 database with damaged records', () => {
  it('opens at the current version: the valid records load, each damaged one is reported by key', async () => {
    await seedV1(v1Damaged.accounts);
    const problems: string[] = [];
    const store = new Store(openSignpostDb(), { report: (p) => problems.push(p) });
    const list = await store.list();
    expect(list.accounts).toEqual(VALID);
    expect(list.problems).toHaveLength(DAMAGED.length);
    for (const { key } of DAMAGED) expect(list.problems.join('\n')).toContain(key);
    expect(problems).toEqual(list.problems);
  });

  it('keeps every damaged record byte for byte through reads, learns, saves and deletes of others', async () => {
    await seedV1(v1Damaged.accounts);
    const bg = background();
    const host = contentScript('https://acme-prod.signin.aws.amazon.com/console');
    expect(await bg.value({ type: 'signin.query' }, host)).toMatchObject({
      account: { userNames: ['alice'] },
    });
    await bg.value(
      { type: 'signin.learn', signIn: { type: 'iam', account: 'acme-prod', userName: 'bob' } },
      host,
    );
    await bg.value({ type: 'accounts.save', account: { accountId: '999999999999', label: 'New' } });
    await bg.value({ type: 'accounts.delete', keys: ['v1-valid-2'] });
    const after = await raw();
    for (const damaged of DAMAGED) expect(after[damaged.key]).toEqual(damaged);
    // The damaged records, acme-prod (now with bob) and the new account; v1-valid-2 was deleted as asked.
    expect(Object.keys(after)).toHaveLength(DAMAGED.length + 2);
    expect(after).toHaveProperty('v1-valid-1');
    expect(after).not.toHaveProperty('v1-valid-2');
  });

  it('an import over it is all or nothing and never drops the damaged records', async () => {
    await seedV1(v1Damaged.accounts);
    const bg = background();
    const drafts = Array.from({ length: 500 }, (_, i) => ({ accountId: String(500000000000 + i) }));
    expect(await bg.value({ type: 'accounts.import', accounts: drafts })).toEqual({
      added: 500,
      updated: 0,
      unchanged: 0,
    });
    const after = await raw();
    expect(Object.keys(after)).toHaveLength(v1Damaged.accounts.length + 500);
    for (const damaged of DAMAGED) expect(after[damaged.key]).toEqual(damaged);
  });
});

describe('a large write that fails changes nothing', () => {
  it('an import of 10,000 whose last row names two stored accounts at once: refused in plain words, nothing written', async () => {
    const bg = background();
    await bg.value({
      type: 'accounts.save',
      account: { accountId: '111111111111', alias: 'first', signIns: [{ type: 'iam', userName: 'alice' }] },
    });
    await bg.value({
      type: 'accounts.save',
      account: { accountId: '222222222222', signIns: [{ type: 'root', email: 'second@example.com' }] },
    });
    const before = await snapshot();
    const drafts = Array.from({ length: 10_000 }, (_, i) =>
      i === 9_999
        ? { alias: 'first', signIns: [{ type: 'root', email: 'second@example.com' }] }
        : { accountId: String(600000000000 + i), alias: `bulk-${i}` },
    );
    expect(await bg.ask({ type: 'accounts.import', accounts: drafts })).toEqual({
      ok: false,
      error:
        'It names two different accounts (111111111111 and 222222222222) at once; two account IDs are never one account.',
    });
    expect(await snapshot()).toBe(before);
  }, 30_000);
});
