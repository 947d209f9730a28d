// Knowing who is signed in, in Chromium: console replicas with the session meta under real (multi-session)
// console host names report to the background's live map, which drops closed and navigated-away tabs and
// survives a stopped worker; the popup marks those accounts "signed in", Enter brings their console tab to
// the front and Shift+Enter signs in anyway; lookalike consoles change nothing.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountDraftInput } from '../../lib/messages';
import { type Harness, launchSignpost } from './harness';

const ACME = '111122223333';
const BILLING = '444455556666';
const OTHER = '777788889999';

const SEED: AccountDraftInput[] = [
  { accountId: ACME, label: 'Acme production', signIns: [{ type: 'iam', userName: 'alice' }] },
  { accountId: BILLING, label: 'Billing', signIns: [{ type: 'iam', userName: 'bob' }] },
  {
    accountId: OTHER,
    label: 'Other',
    signIns: [{ type: 'iam', userName: 'carol', uses: 50, lastUsed: Date.now() }],
  },
];

/** A multi-session console host, as AWS names one session's console: `<differentiator>.<region>.console…`. */
const consoleUrl = (accountId: string, user: string, alias?: string) =>
  `https://${accountId}-x7q2ab9c.us-east-1.console.aws.amazon.com/console/home?region=us-east-1` +
  `&replica_account=${alias ?? accountId}&replica_user=${user}`;

let harness: Harness;

beforeAll(async () => {
  harness = await launchSignpost();
});

afterAll(async () => {
  await harness?.close();
});

afterEach(async () => {
  await harness.closeTabs();
  harness.server.reset();
});

const accounts = () => harness.accounts();
const seed = (drafts: AccountDraftInput[]) => harness.seed(drafts);

/** Account IDs the background says are signed in, in its order. */
async function signedInIds(): Promise<string[]> {
  const { keys } = await harness.value<{ keys: string[] }>({ type: 'consoles.list' });
  const all = await accounts();
  return keys.map((k) => all.find((a) => a.key === k)?.accountId ?? k);
}

/** Polls the background until `check` holds for the signed-in list (reports arrive after the page loads). */
async function waitForSignedIn(check: (ids: string[]) => boolean, timeoutMs = 5000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ids = await signedInIds();
    if (check(ids)) return ids;
    if (Date.now() > until) throw new Error(`Signed-in accounts stayed ${JSON.stringify(ids)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the live map of console tabs', () => {
  beforeEach(async () => {
    await seed(SEED);
  });

  it('lists the accounts of open console tabs and survives a stopped service worker', async () => {
    await harness.openPage(consoleUrl(ACME, 'alice'));
    await harness.openPage(consoleUrl(BILLING, 'bob'));
    await waitForSignedIn((ids) => ids.includes(ACME) && ids.includes(BILLING));
    await harness.stopWorker();
    expect((await signedInIds()).sort()).toEqual([ACME, BILLING].sort());
  });

  it('drops a tab that is closed', async () => {
    const acme = await harness.openPage(consoleUrl(ACME, 'alice'));
    await harness.openPage(consoleUrl(BILLING, 'bob'));
    await waitForSignedIn((ids) => ids.length === 2);
    await acme.close();
    expect(await waitForSignedIn((ids) => ids.length === 1)).toEqual([BILLING]);
  });

  it('drops a tab that navigates off the console, also while the worker is stopped', async () => {
    const acme = await harness.openPage(consoleUrl(ACME, 'alice'));
    const billing = await harness.openPage(consoleUrl(BILLING, 'bob'));
    await waitForSignedIn((ids) => ids.length === 2);
    await acme.goto('https://evil.test/');
    await harness.stopWorker();
    await billing.goto(`https://${BILLING}.signin.aws.amazon.com/console`);
    expect(await signedInIds()).toEqual([]);
  });
});

/** Opens the popup page in a tab sized like the toolbar popup and waits for its rows. */
async function openPopup(): Promise<Page> {
  const page = await harness.openPopup();
  await page.setViewport({ width: 400, height: 560 });
  await page.waitForSelector('[role="option"]');
  return page;
}

const optionNames = (page: Page) =>
  page.$$eval('[role="option"]', (options) => options.map((o) => o.getAttribute('aria-label') ?? ''));

const isVisible = (page: Page) =>
  page.waitForFunction(() => document.visibilityState === 'visible', { timeout: 5000 });

async function openPages(): Promise<string[]> {
  return (await harness.browser.pages()).map((p) => p.url());
}

describe('the popup and signed-in accounts', () => {
  beforeEach(async () => {
    await seed(SEED);
  });

  it('marks both signed-in accounts, first; Enter focuses the right tab instead of opening a sign-in page', async () => {
    const acme = await harness.openPage(consoleUrl(ACME, 'alice'));
    await harness.openPage(consoleUrl(BILLING, 'bob'));
    await waitForSignedIn((ids) => ids.length === 2);
    const popup = await openPopup();
    const names = await optionNames(popup);
    expect(names.slice(0, 2).sort()).toEqual([
      'Acme production, 1111-2222-3333, alice, signed in',
      'Billing, 4444-5555-6666, bob, signed in',
    ]);
    expect(names[2]).toBe('Other, 7777-8888-9999, carol');
    await harness.screenshot(popup, 'popup-signed-in');
    await popup.keyboard.type('acme');
    await popup.keyboard.press('Enter');
    await isVisible(acme);
    expect((await openPages()).filter((u) => u.includes('signin.aws.amazon.com'))).toEqual([]);
  });

  it('Shift+Enter opens the sign-in page anyway', async () => {
    await harness.openPage(consoleUrl(ACME, 'alice'));
    await waitForSignedIn((ids) => ids.length === 1);
    const popup = await openPopup();
    await popup.keyboard.type('acme');
    const signIn = harness.waitForNewTab((url) => url.startsWith(`https://${ACME}.signin.aws.amazon.com/`));
    await popup.keyboard.down('Shift');
    await popup.keyboard.press('Enter');
    await popup.keyboard.up('Shift');
    expect((await signIn).url()).toContain(`${ACME}.signin.aws.amazon.com`);
  });

  it('the mark goes when the console tab is closed', async () => {
    const acme = await harness.openPage(consoleUrl(ACME, 'alice'));
    await harness.openPage(consoleUrl(BILLING, 'bob'));
    await waitForSignedIn((ids) => ids.length === 2);
    await acme.close();
    const names = await optionNames(await openPopup());
    expect(names).toContain('Acme production, 1111-2222-3333, alice');
    expect(names).toContain('Billing, 4444-5555-6666, bob, signed in');
  });
});

describe('what a console page may and may not change', () => {
  beforeEach(async () => {
    await seed(SEED);
    harness.server.configure({ accounts: { 'acme-prod': ACME, 'evil-alias': OTHER } });
  });

  it('a console replica on a lookalike host changes nothing', async () => {
    const before = await accounts();
    await harness.openPage(
      `https://console.aws.amazon.com.evil.test/console/home?replica_account=evil-alias&replica_user=mallory`,
    );
    await harness.openPage(
      `https://a.b.c.console.aws.amazon.com/console/home?replica_account=evil-alias&replica_user=mallory`,
    );
    // A genuine console reported after them: by then the lookalikes' reports, had they counted, would show.
    await harness.openPage(consoleUrl(BILLING, 'bob'));
    expect(await waitForSignedIn((ids) => ids.length > 0)).toEqual([BILLING]);
    expect(await accounts()).toEqual(before);
  });

  it('joins the alias the console names to the account, and keeps it from another account’s sign-in page', async () => {
    await harness.openPage(consoleUrl(ACME, 'alice', 'acme-prod'));
    await waitForSignedIn((ids) => ids.includes(ACME));
    const acme = (await accounts()).find((a) => a.accountId === ACME);
    expect(acme?.alias).toBe('acme-prod');
    const other = await harness.openPage(`https://${BILLING}.signin.aws.amazon.com/console`);
    await other.waitForFunction(() => document.documentElement.dataset.signpost !== undefined);
    const html = await other.content();
    for (const secret of ['acme-prod', ACME, 'alice', 'Acme production']) expect(html).not.toContain(secret);
  });
});
