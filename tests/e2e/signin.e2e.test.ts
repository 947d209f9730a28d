// The sign-in content script in real Chromium with the real background: routes fill each replica variant
// (late and re-mounting forms too) and the pages' own handlers see the values; sign-ins typed by hand are
// learned and can be routed to; lookalike hosts and framed pages get nothing; no password is ever stored.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  currentSignpostState,
  type Harness,
  launchSignpost,
  type ReplicaState,
  replicaState,
  signpostState,
} from './harness';

const PASSWORD = 'correct-horse-battery-staple-7';
const ID = '123456789012';
const IAM_URL = `https://${ID}.signin.aws.amazon.com/console`;

interface Account {
  key: string;
  accountId?: string;
  signIns: ({ type: 'iam'; userName: string } | { type: 'root'; email: string })[];
}

let h: Harness;

beforeAll(async () => {
  h = await launchSignpost();
});

afterAll(async () => {
  await h?.close();
});

const message = <T>(request: { type: string } & Record<string, unknown>) => h.value<T>(request);
const accounts = () => h.accounts<Account>();

beforeEach(async () => {
  h.server.reset();
  await h.closeTabs();
  const keys = (await accounts()).map((a) => a.key);
  if (keys.length) await message({ type: 'accounts.delete', keys });
  await message({
    type: 'settings.save',
    settings: { learn: 'always', autoNextRoot: true, fillRememberedUser: true },
  });
});

async function save(account: Record<string, unknown>): Promise<Account> {
  return (await message<{ account: Account }>({ type: 'accounts.save', account })).account;
}

/** Routes to `target` of `key` in a new tab, as the popup does, and returns that tab once it has a verdict. */
async function routeTo(key: string, target: Record<string, unknown>): Promise<Page> {
  const tab = h.waitForNewTab((url) => url.startsWith('https://'));
  await message({ type: 'route.open', key, target });
  return tab;
}

const value = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id);
const replica = (page: Page) =>
  page.evaluate(() => (window as unknown as { __replica: ReplicaState }).__replica);

/** Everything the extension keeps: chrome.storage areas and every IndexedDB store of its service worker. */
async function storedEverything(): Promise<string> {
  const worker = await h.worker();
  return worker.evaluate(async () => {
    const g = globalThis as unknown as {
      chrome: { storage: Record<string, { get(keys: null): Promise<unknown> } | undefined> };
    };
    const out: string[] = [];
    for (const area of ['local', 'session', 'sync']) {
      const store = g.chrome.storage[area];
      if (store) out.push(JSON.stringify(await store.get(null)));
    }
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((done, fail) => {
        r.onsuccess = () => done(r.result);
        r.onerror = () => fail(r.error);
      });
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        out.push(JSON.stringify(await request(db.transaction(store).objectStore(store).getAll())));
      }
      db.close();
    }
    return out.join('\n');
  });
}

describe('routing to an IAM user fills the IAM page', () => {
  it.each(['classic', 'redesigned'] as const)(
    '%s page: account and user name filled, password focused, the page submits them',
    async (variant) => {
      h.server.configure({ iam: variant, stayOnSubmit: true });
      const { key } = await save({
        accountId: ID,
        label: 'Prod',
        signIns: [{ type: 'iam', userName: 'alice' }],
      });
      const page = await routeTo(key, { type: 'iam', userName: 'alice' });
      expect(await signpostState(page, 10_000)).toBe('filled');
      expect([await value(page, '#account'), await value(page, '#username')]).toEqual([ID, 'alice']);
      expect(await focused(page)).toBe('password');
      await page.keyboard.type(PASSWORD);
      await page.click('#signin_button');
      await page.waitForFunction(
        () => (window as unknown as { __replica: ReplicaState }).__replica.submitted,
      );
      expect((await replica(page)).submitted).toEqual({
        account: ID,
        username: 'alice',
        passwordLength: PASSWORD.length,
      });
    },
  );

  it('after the account host redirects to a regional IAM page', async () => {
    h.server.configure({ accountRedirect: true });
    const { key } = await save({ accountId: ID, signIns: [{ type: 'iam', userName: 'bob' }] });
    const page = await routeTo(key, { type: 'iam', userName: 'bob' });
    expect(await signpostState(page, 10_000)).toBe('filled');
    expect(new URL(page.url()).hostname).toBe('us-east-1.signin.aws.amazon.com');
    expect([await value(page, '#account'), await value(page, '#username')]).toEqual([ID, 'bob']);
  });

  it.each(['classic', 'redesigned'] as const)(
    '%s page rendering late and re-mounting its form: still filled once it settles',
    async (variant) => {
      h.server.configure({ iam: variant, lateMs: 300, remountMs: 400, stayOnSubmit: true });
      const { key } = await save({ accountId: ID, signIns: [{ type: 'iam', userName: 'carol' }] });
      const page = await routeTo(key, { type: 'iam', userName: 'carol' });
      expect(await signpostState(page, 10_000)).toBe('filled');
      expect((await replicaState(page, 10_000)).mounts).toBe(2);
      await page.waitForFunction(
        () => (document.querySelector('#username') as HTMLInputElement | null)?.value === 'carol',
        { timeout: 5000 },
      );
      expect(await value(page, '#account')).toBe(ID);
      await page.click('#signin_button');
      expect((await replica(page)).submitted).toMatchObject({ account: ID, username: 'carol' });
    },
  );

  it('routing to the account only: its saved user names are offered, nothing guessed', async () => {
    const { key } = await save({
      accountId: ID,
      signIns: [
        { type: 'iam', userName: 'alice' },
        { type: 'iam', userName: 'bob' },
      ],
    });
    const page = await routeTo(key, { type: 'account' });
    expect(await signpostState(page, 10_000)).toBe('filled');
    const offered = await page.evaluate(() => {
      const box = document.querySelector('#username') as HTMLInputElement;
      return [...(box.list?.querySelectorAll('option') ?? [])].map((o) => o.value).sort();
    });
    expect(offered).toEqual(['alice', 'bob']);
    expect(await value(page, '#username')).toBe('');
  });
});

describe('routing to a root user fills the main page', () => {
  it.each(['classic', 'redesigned'] as const)(
    '%s page: Root chosen, email filled, Next pressed, the password step shows',
    async (variant) => {
      h.server.configure({ main: variant });
      const { key } = await save({ signIns: [{ type: 'root', email: 'owner@example.com' }] });
      const page = await routeTo(key, { type: 'root' });
      expect(await signpostState(page, 10_000)).toBe('filled');
      await page.waitForFunction(
        () => (window as unknown as { __replica: ReplicaState }).__replica.step === 'password',
      );
      expect((await replica(page)).submitted).toEqual({ userType: 'root', identifier: 'owner@example.com' });
      expect(h.server.submissions.map((s) => [s.page, s.fields.userType, s.fields.identifier])).toEqual([
        ['main', 'root', 'owner@example.com'],
      ]);
    },
  );
});

describe('without a route', () => {
  it("an account's IAM page fills its most recent user name", async () => {
    await save({ accountId: ID, signIns: [{ type: 'iam', userName: 'dave' }] });
    const page = await h.openPage(IAM_URL);
    expect(await signpostState(page, 10_000)).toBe('filled');
    expect(await value(page, '#username')).toBe('dave');
  });

  it('the main page discloses nothing', async () => {
    await save({ accountId: ID, signIns: [{ type: 'iam', userName: 'dave' }] });
    const page = await h.openPage('https://signin.aws.amazon.com/signin');
    expect(await signpostState(page, 10_000)).toBe('no-match');
    expect(await value(page, '#resolving_input')).toBe('');
  });
});

describe('learning a sign-in typed by hand', () => {
  it('learns the IAM user on submit, never the password, and can route back to it', async () => {
    h.server.configure({ stayOnSubmit: true });
    const page = await h.openPage('https://210987654321.signin.aws.amazon.com/console');
    expect(await signpostState(page, 10_000)).toBe('no-match');
    await page.type('#username', 'erin');
    await page.type('#password', PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.dataset.signpost === 'learned');
    expect(await page.$('signpost-notice')).not.toBeNull();

    const learned = (await accounts()).find((a) => a.accountId === '210987654321');
    expect(learned?.signIns).toMatchObject([{ type: 'iam', userName: 'erin' }]);
    const stored = await storedEverything();
    expect(stored).toContain('erin');
    expect(stored).not.toContain(PASSWORD);
    await page.close();

    const back = await routeTo(learned!.key, { type: 'iam', userName: 'erin' });
    expect(await signpostState(back, 10_000)).toBe('filled');
    expect([await value(back, '#account'), await value(back, '#username')]).toEqual(['210987654321', 'erin']);
  });

  it('two tabs learning at once: Undo in one takes back its own sign-in and keeps the other tab’s', async () => {
    h.server.configure({ stayOnSubmit: true });
    // Both tabs are typed into first, so the second sign-in lands while the first one's notice still shows.
    const typed = async (user: string) => {
      const page = await h.openPage('https://210987654321.signin.aws.amazon.com/console');
      expect(await signpostState(page, 10_000)).toBe('no-match');
      await page.type('#username', user);
      await page.type('#password', PASSWORD);
      return page;
    };
    const [first, second] = [await typed('erin'), await typed('frank')];
    for (const page of [first, second]) {
      await page.bringToFront();
      await page.focus('#password');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.documentElement.dataset.signpost === 'learned');
    }
    await first.bringToFront();
    // The notice lives in a closed shadow root: reach its button as a screen reader would.
    const undo = await first.waitForSelector('aria/Undo[role="button"]', { timeout: 5000 });
    await undo!.click();
    await expect
      .poll(async () => (await accounts()).find((a) => a.accountId === '210987654321')?.signIns, {
        timeout: 5000,
      })
      .toMatchObject([{ type: 'iam', userName: 'frank' }]);
  });

  it('learns a root email at Next on the redesigned main page, not its password', async () => {
    h.server.configure({ main: 'redesigned', stayOnSubmit: true });
    const page = await h.openPage('https://signin.aws.amazon.com/signin');
    expect(await signpostState(page, 10_000)).toBe('no-match');
    await page.click('input[value=ROOT]');
    await page.type('#resolving_input', 'founder@example.com');
    await page.click('#next_button');
    await page.waitForFunction(() => document.documentElement.dataset.signpost === 'learned');
    await page.waitForSelector('#password');
    await page.type('#password', PASSWORD);
    await page.click('#signin_button');
    await h.server.waitForSubmission((s) => s.page === 'root-password');
    expect((await accounts()).flatMap((a) => a.signIns)).toMatchObject([
      { type: 'root', email: 'founder@example.com' },
    ]);
    expect(await storedEverything()).not.toContain(PASSWORD);
  });
});

describe('pages that are not exactly a top-level AWS sign-in page get nothing', () => {
  beforeEach(async () => {
    await save({ accountId: ID, signIns: [{ type: 'iam', userName: 'alice' }] });
  });

  it.each([
    `https://a.b.signin.aws.amazon.com/console?account=${ID}`,
    `https://signin.aws.amazon.com.evil.test/console?account=${ID}`,
  ])('lookalike %s', async (url) => {
    const page = await h.openPage(url);
    expect((await replicaState(page)).page).toBe('iam');
    await new Promise((done) => setTimeout(done, 1500));
    expect(await currentSignpostState(page)).toBeUndefined();
    expect(await value(page, '#username')).toBe('');
  });

  // Retried: under a loaded machine a framed (out-of-process) sign-in page now and then never fires its
  // load event in puppeteer (root cause not found; see the issue notes). A content script in the frame would
  // fail every attempt, so a retry does not weaken what is checked.
  it('an AWS IAM page framed by another site', { retry: 2 }, async () => {
    const page = await h.openPage('https://evil.test/', { waitUntil: 'domcontentloaded' });
    await new Promise((done) => setTimeout(done, 1500));
    const frame = page
      .mainFrame()
      .childFrames()
      .find((f) => new URL(f.url()).hostname.startsWith(ID));
    expect(frame).toBeDefined();
    const seen = await frame!.evaluate(() => ({
      state: document.documentElement.dataset.signpost,
      user: (document.querySelector('#username') as HTMLInputElement | null)?.value,
    }));
    expect(seen).toEqual({ state: undefined, user: '' });
  });
});
