// Smoke test of the Firefox build (firefox-mv2) in a real Firefox ESR: its background page answers messages
// and keeps accounts in IndexedDB, its popup finds them, its content script fills a replica sign-in page
// under its real hostname and leaves a lookalike alone, and a route fills the IAM page in a new tab.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxHarness, launchFirefoxSignpost } from './firefox-harness';
import { currentSignpostState, replicaState, signpostState } from './harness';

const ID = '123456789012';
const IAM_URL = `https://${ID}.signin.aws.amazon.com/console`;
const LOOKALIKE_URL = 'https://signin.aws.amazon.com.evil.test/signin';
/** Absence never arrives, so a lookalike gets this long after load to misbehave. */
const LOOKALIKE_WAIT_MS = 1500;

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
interface Account {
  key: string;
  accountId?: string;
  label?: string;
  signIns: { type: string; userName?: string }[];
}

let h: FirefoxHarness;
/** The options page, kept open to send runtime messages from (sender: the extension itself). */
let options: Page;

beforeAll(async () => {
  h = await launchFirefoxSignpost();
  options = await h.openExtensionPage('options.html');
});

afterAll(async () => {
  await h?.close();
});

async function message<T>(request: Record<string, unknown>): Promise<T> {
  const reply = (await options.evaluate(
    (m) =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser.runtime.sendMessage(m),
    request as never,
  )) as Reply<T>;
  if (!reply.ok) throw new Error(`${String(request.type)}: ${reply.error}`);
  return reply.value;
}

/** The account keys in the background's IndexedDB database `signpost` (lib/db.ts), read from this page. */
function storedKeys(): Promise<string[]> {
  return options.evaluate(
    () =>
      new Promise<string[]>((done, fail) => {
        const open = indexedDB.open('signpost');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('chunks').objectStore('chunks').getAll();
          all.onerror = () => fail(all.error);
          all.onsuccess = () => {
            db.close();
            done((all.result as { keys: string[] }[]).flatMap((p) => p.keys));
          };
        };
      }),
  );
}

const value = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);

async function withPage<T>(url: string, check: (page: Page) => Promise<T>): Promise<T> {
  const page = await h.openPage(url);
  try {
    return await check(page);
  } finally {
    await page.close();
  }
}

// One flow, in order: each step needs the account the first one saved.
describe('the Firefox build in Firefox', () => {
  let key: string;

  it('renders the options page, and its background page saves and lists an account (IndexedDB)', async () => {
    await options.waitForSelector('#app > *', { timeout: 5000 });
    const saved = await message<{ account: Account }>({
      type: 'accounts.save',
      account: { accountId: ID, label: 'Prod', signIns: [{ type: 'iam', userName: 'alice' }] },
    });
    key = saved.account.key;
    const { accounts } = await message<{ accounts: Account[] }>({ type: 'accounts.list' });
    expect(accounts).toEqual([
      expect.objectContaining({
        key,
        accountId: ID,
        label: 'Prod',
        signIns: [expect.objectContaining({ type: 'iam', userName: 'alice' })],
      }),
    ]);
    // Firefox's background page shares the extension's origin, so this page sees the database it wrote.
    expect(await storedKeys()).toEqual([key]);
  });

  it('renders the popup, which finds the account', async () => {
    const page = await h.openExtensionPage('popup.html');
    try {
      const search = await page.waitForSelector('::-p-aria(Search accounts)', { timeout: 5000 });
      await search!.type('prod');
      await page.waitForSelector('[role="option"]', { timeout: 5000 });
      const names = await page.$$eval('[role="option"]', (all) =>
        all.map((o) => o.getAttribute('aria-label')),
      );
      expect(names).toEqual(['Prod, 1234-5678-9012, alice']);
    } finally {
      await page.close();
    }
  });

  it('fills the IAM sign-in page under its real hostname with the remembered user', async () => {
    await withPage(IAM_URL, async (page) => {
      expect(await replicaState(page)).toMatchObject({ page: 'iam', variant: 'classic' });
      expect(await signpostState(page)).toBe('filled');
      expect([await value(page, '#account'), await value(page, '#username')]).toEqual([ID, 'alice']);
    });
  });

  it('leaves no trace on a lookalike host', async () => {
    await withPage(LOOKALIKE_URL, async (page) => {
      expect((await replicaState(page)).page).toBe('main');
      await new Promise((done) => setTimeout(done, LOOKALIKE_WAIT_MS));
      expect(await currentSignpostState(page)).toBeUndefined();
    });
  });

  it('routes to alice in a new tab and fills the IAM page there', async () => {
    // With the remembered user off, only the route can fill the page.
    await message({ type: 'settings.save', settings: { fillRememberedUser: false } });
    await withPage(IAM_URL, async (page) => {
      expect(await signpostState(page)).toBe('no-match');
      expect(await value(page, '#username')).toBe('');
    });
    const tab = h.waitForNewTab((url) => url.startsWith('https://'));
    const { url } = await message<{ url: string }>({
      type: 'route.open',
      key,
      target: { type: 'iam', userName: 'alice' },
    });
    const page = await tab;
    try {
      expect(new URL(page.url()).hostname).toBe(new URL(url).hostname);
      expect(await signpostState(page, 10_000)).toBe('filled');
      expect([await value(page, '#account'), await value(page, '#username')]).toEqual([ID, 'alice']);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
      expect((await replicaState(page)).page).toBe('iam');
    } finally {
      await page.close();
    }
  });
});
