// Promise: no data is lost, in Chromium with the built extension, when Chrome stops the service worker at the
// worst moment, when the database was written by an earlier schema version, and when two pages write at once.
//
// Level: end to end. The worker is stopped the way Chrome stops an idle worker (harness.stopWorker).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionTabId, type Harness, launchSignpost, signpostState } from '../e2e/harness';
import v1 from '../fixtures/db/v1.json';
import v1Damaged from '../fixtures/db/v1-damaged.json';

interface Account {
  key: string;
  accountId?: string;
  alias?: string;
  signIns: { type: string; userName?: string }[];
}
type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

let h: Harness;

beforeAll(async () => {
  h = await launchSignpost();
});

afterAll(async () => {
  await h?.close();
});

async function value<T>(message: unknown): Promise<T> {
  const reply = await h.sendMessage<Reply<T>>(message);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

const list = () => value<{ accounts: Account[]; problems: string[] }>({ type: 'accounts.list' });
const byKey = (accounts: Account[]) => [...accounts].sort((a, b) => a.key.localeCompare(b.key));

async function clear() {
  const { accounts } = await list();
  if (accounts.length) await value({ type: 'accounts.delete', keys: accounts.map((a) => a.key) });
}

/** An extension page that sends no message of its own (it does not wake the worker by loading). */
async function quietExtensionPage(): Promise<Page> {
  const page = await h.browser.newPage();
  await page.goto(`${h.origin}/manifest.json`);
  return page;
}

describe('the worker stopped in the middle of an import of 10,000 accounts', () => {
  /** Starts an import of 10,000 accounts from `page` without waiting; `__import` settles with what came back. */
  const startImport = (page: Page) =>
    page.evaluate(() => {
      const drafts = Array.from({ length: 10_000 }, (_, i) => ({
        accountId: String(400000000000 + i),
        label: `Imported ${i}`,
        signIns: [{ type: 'iam', userName: `user${i % 7}` }],
      }));
      const started = performance.now();
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      (window as unknown as { __import: Promise<string> }).__import = runtime
        .sendMessage({ type: 'accounts.import', accounts: drafts })
        .then(
          (r) => `replied after ${Math.round(performance.now() - started)} ms: ${JSON.stringify(r)}`,
          (e: Error) => `no reply: ${e.message}`,
        );
    });
  const settled = (page: Page) =>
    page.evaluate(() => (window as unknown as { __import: Promise<string> }).__import);
  const isImported = (a: Account) => a.accountId?.startsWith('4000000') ?? false;

  // Four imports of 10,000 accounts: on a loaded 2-core machine, with another e2e file beside it, over 60 s.
  it('leaves the data complete or untouched, stopped mid-way or right after it replied', async () => {
    await clear();
    await value({
      type: 'accounts.save',
      account: { accountId: '111111111111', alias: 'keep-me', signIns: [{ type: 'iam', userName: 'alice' }] },
    });
    const seed = byKey((await list()).accounts);
    const sender = await h.openOptions();
    /** Stops the worker `ms` after the import starts (or right after its reply); checks all or nothing. */
    const round = async (ms: number | 'after reply') => {
      await startImport(sender);
      if (ms === 'after reply') await settled(sender);
      else await new Promise((done) => setTimeout(done, ms));
      await h.stopWorker();
      const sent = await settled(sender);
      const { accounts, problems } = await list(); // starts the worker afresh
      expect(problems).toEqual([]);
      const imported = accounts.filter(isImported);
      expect(byKey(accounts.filter((a) => !isImported(a))), `stopped at ${ms}`).toEqual(seed);
      if (imported.length > 0) {
        expect(imported, `stopped at ${ms}`).toHaveLength(10_000);
        expect(new Set(imported.map((a) => a.accountId)).size).toBe(10_000);
        await value({ type: 'accounts.delete', keys: imported.map((a) => a.key) });
      }
      // A reply that says it was added means it is there: the reply never outruns the commit.
      if (/"added":10000/.test(sent)) expect(imported).toHaveLength(10_000);
      return { sent, complete: imported.length > 0 };
    };

    // Stopped right after the reply: all there. Its time spreads the stops of the other rounds across it.
    const first = await round('after reply');
    expect(first.complete).toBe(true);
    const took = Number(/replied after (\d+) ms/.exec(first.sent)?.[1]);
    const outcomes = [`after the reply (${took} ms): complete`];
    for (const f of [0.1, 0.45, 0.8]) {
      const ms = Math.round(f * took);
      const { sent, complete } = await round(ms);
      outcomes.push(
        `${ms} ms: ${complete ? 'complete' : 'untouched'}, ${sent.startsWith('no reply') ? 'no reply' : 'replied'}`,
      );
    }
    // At least one stop landed in the middle: nothing written, and the page was told nothing.
    expect(outcomes.some((o) => o.endsWith('untouched, no reply'))).toBe(true);
    console.warn(`import of 10,000 stopped: ${outcomes.join('; ')}`);
    await sender.close();
  }, 180_000);
});

describe('the worker stopped between a route and the page load', () => {
  it('the route is remembered and the late page still fills', async () => {
    await clear();
    const { account } = await value<{ account: { key: string } }>({
      type: 'accounts.save',
      account: {
        accountId: '222233334444',
        // Without the route the page would offer the most used user; the route asks for the other one.
        signIns: [
          { type: 'iam', userName: 'most-used', uses: 50, lastUsed: Date.now() },
          { type: 'iam', userName: 'route-user' },
        ],
      },
    });
    // The form renders late, so the page asks what to fill only after the worker is gone.
    h.server.configure({ lateMs: 1500 });
    const page = await h.browser.newPage();
    await page.goto(`${h.origin}/manifest.json`);
    const tabId = await extensionTabId(page);
    await value({
      type: 'route.open',
      key: account.key,
      target: { type: 'iam', userName: 'route-user' },
      tabId,
    });
    await h.stopWorker();
    expect(h.workerRunning()).toBe(false);
    expect(
      await page.evaluate(() => document.documentElement.dataset.signpost ?? null).catch(() => null),
    ).toBeNull();
    await page.waitForFunction(() => location.hostname === '222233334444.signin.aws.amazon.com', {
      timeout: 10_000,
    });
    expect(await signpostState(page, 10_000)).toBe('filled');
    expect(await page.$eval('#username', (el) => (el as HTMLInputElement).value)).toBe('route-user');
    expect(h.workerRunning()).toBe(true);
    await page.close();
    h.server.reset();
  });
});

describe('a database written by schema version 1, opened by this build in Chromium', () => {
  /** Stops the worker, then writes the fixture as v1 wrote it from a page that does not wake the worker. */
  async function seedV1(accounts: unknown[]) {
    await h.stopWorker();
    const page = await quietExtensionPage();
    await page.evaluate(async (records: unknown[]) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      await request(indexedDB.deleteDatabase('signpost'));
      const open = indexedDB.open('signpost', 1);
      // Version 1's upgrade step, spelled out: accounts by key, unique per-partition account ID and alias.
      open.onupgradeneeded = () => {
        const accounts = open.result.createObjectStore('accounts', { keyPath: 'key' });
        accounts.createIndex('byAccountId', ['partition', 'accountId'], { unique: true });
        accounts.createIndex('byAlias', ['partition', 'alias'], { unique: true });
      };
      const db = await request(open);
      const tx = db.transaction('accounts', 'readwrite');
      for (const r of records) tx.objectStore('accounts').put(r);
      await new Promise((done, fail) => {
        tx.oncomplete = done;
        tx.onerror = () => fail(tx.error);
      });
      const version = db.version;
      db.close();
      return version;
    }, accounts);
    expect(h.workerRunning()).toBe(false);
    await page.close();
  }

  it('v1 → current: every account reads back unchanged, and its sign-in page fills from it', async () => {
    await seedV1(v1.accounts);
    const { accounts, problems } = await list();
    expect(problems).toEqual([]);
    expect(byKey(accounts)).toEqual(byKey(v1.accounts as Account[]));
    const page = await h.openPage('https://123456789012.signin.aws.amazon.com/console');
    expect(await signpostState(page)).toBe('filled');
    expect(await page.$eval('#username', (el) => (el as HTMLInputElement).value)).toBe('alice');
    await page.close();
    // v2 added the settings store: it works.
    await value({
      type: 'settings.save',
      settings: { learn: 'ask', autoNextRoot: false, fillRememberedUser: true },
    });
    expect((await list()).accounts).toHaveLength(v1.accounts.length);
  });

  it('v1 with damaged records → current: the rest load, the damaged are reported and kept through writes', async () => {
    await seedV1(v1Damaged.accounts);
    const { accounts, problems } = await list();
    const damaged = v1Damaged.accounts.filter((a) => a.key.startsWith('v1-damaged'));
    expect(accounts.map((a) => a.key).sort()).toEqual(['v1-valid-1', 'v1-valid-2']);
    expect(problems).toHaveLength(damaged.length);
    await value({ type: 'accounts.save', account: { accountId: '888877776666' } });
    const page = await quietExtensionPage();
    const stored = await page.evaluate(async () => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const db = await request(indexedDB.open('signpost'));
      // Schema v3 keeps accounts in pages; every record, damaged or not, is on one of them.
      const pages = await request(db.transaction('chunks').objectStore('chunks').getAll());
      db.close();
      return (pages as { accounts: { key: string }[] }[]).flatMap((p) => p.accounts);
    });
    await page.close();
    for (const d of damaged) expect(stored.find((s) => s.key === d.key)).toEqual(d);
  });
});

describe('two writers at once', () => {
  it('two extension pages saving into one account and adding accounts concurrently lose nothing', async () => {
    await clear();
    await value({ type: 'accounts.save', account: { accountId: '777788889999', label: 'Shared' } });
    const pages = await Promise.all([h.openOptions(), h.openOptions()]);
    const N = 40;
    await Promise.all(
      pages.map((page, p) =>
        page.evaluate(
          async (writer, n) => {
            const send = (m: unknown) =>
              (
                globalThis as unknown as {
                  chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
                }
              ).chrome.runtime.sendMessage(m);
            const replies = await Promise.all(
              Array.from({ length: n }, (_, i) => [
                send({
                  type: 'accounts.save',
                  account: {
                    accountId: '777788889999',
                    signIns: [{ type: 'iam', userName: `w${writer}-u${i}` }],
                  },
                }),
                send({
                  type: 'accounts.save',
                  account: { accountId: String(700000000000 + writer * 1000 + i), label: `w${writer}-${i}` },
                }),
              ]).flat(),
            );
            if (!replies.every((r) => r.ok)) throw new Error(JSON.stringify(replies.filter((r) => !r.ok)));
          },
          p,
          N,
        ),
      ),
    );
    const { accounts } = await list();
    const shared = accounts.find((a) => a.accountId === '777788889999')!;
    const users = shared.signIns.map((s) => s.userName).sort();
    const expected = [0, 1].flatMap((w) => Array.from({ length: N }, (_, i) => `w${w}-u${i}`)).sort();
    expect(users).toEqual(expected);
    expect(accounts).toHaveLength(1 + 2 * N);
    await Promise.all(pages.map((p) => p.close()));
  });
});
