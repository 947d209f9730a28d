// Promises, in Chromium with the built extension: a sign-in page gets only what it needs (a content script on
// account A's page, or on the main page without a route, never receives or shows anything of account B); a
// web page cannot reach Signpost; nothing fills on a host that is not exactly a sign-in host, nor in a frame.
//
// Level: end to end. What the content script receives is read from inside its isolated world (probe.ts); what
// the page shows is read through CDP, closed shadow roots included.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extensionTabId, type Harness, launchSignpost, replicaState, signpostState } from '../e2e/harness';
import { CHROMIUM_SAMPLE } from './host-table';
import { type ContentScriptWatch, domText, watchContentScript } from './probe';

const A = { id: '123456789012', alias: 'acme-prod', label: 'Acme production', users: ['alice', 'bob'] };
const B_SECRETS =
  /210987654321|2109-8765-4321|secret-other|Secret other|mallory|trent|b-root@other\.example|B notes/;
const A_PAGE = `https://${A.id}.signin.aws.amazon.com/console`;
const B_PAGE = 'https://210987654321.signin.aws.amazon.com/console';
const LOOKALIKE_WAIT_MS = 1500;

let h: Harness;
const open: { page: Page; probe: ContentScriptWatch }[] = [];

beforeAll(async () => {
  h = await launchSignpost();
  for (const account of [
    {
      accountId: A.id,
      alias: A.alias,
      label: A.label,
      signIns: A.users.map((userName) => ({ type: 'iam', userName })),
    },
    {
      accountId: '210987654321',
      alias: 'secret-other',
      label: 'Secret other',
      notes: 'B notes',
      signIns: [
        { type: 'iam', userName: 'mallory' },
        { type: 'iam', userName: 'trent' },
        { type: 'root', email: 'b-root@other.example' },
      ],
    },
  ]) {
    expect(await h.sendMessage({ type: 'accounts.save', account })).toMatchObject({ ok: true });
  }
});

afterEach(async () => {
  await Promise.all(open.splice(0).map(({ probe, page }) => probe.stop().then(() => page.close())));
  h.server.reset();
});

afterAll(async () => {
  await h?.close();
});

/** A tab with the content-script probe attached before anything loads; its id as Signpost knows it. */
async function probedTab(options?: { probe?: boolean }) {
  const page = await h.browser.newPage();
  await page.goto(`${h.origin}/popup.html`);
  const tabId = await extensionTabId(page);
  const probe = await watchContentScript(page, h.extensionId, options);
  open.push({ page, probe });
  return { page, probe, tabId };
}

/** What the page shows: all text and attributes (shadow roots and frames too) and every text box's value. */
async function shown(page: Page): Promise<string> {
  const values = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input:not([type=password])')].map((i) => i.value),
  );
  return `${await domText(page)}\n${values.join('\n')}`;
}

/** Everything the content script received from the background. */
const received = (probe: ContentScriptWatch) => JSON.stringify(probe.of('reply'));

describe('least disclosure: account A’s page and the main page never get anything of account B', () => {
  it('A’s IAM page without a route: A’s user names offered and filled; nothing of B shown or received', async () => {
    const { page, probe } = await probedTab();
    await page.goto(A_PAGE);
    expect(await signpostState(page)).toBe('filled');
    const text = await shown(page);
    expect(text).toMatch(/alice/);
    expect(
      await page.$$eval('datalist option', (os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(A.users);
    expect(text).not.toMatch(B_SECRETS);
    expect(received(probe)).toContain(A.alias);
    expect(received(probe)).not.toMatch(B_SECRETS);
  });

  it('A’s page reached by a route to A: nothing of B shown or received', async () => {
    const { page, probe, tabId } = await probedTab();
    const { value } = await h.sendMessage<{ value: { accounts: { key: string; accountId?: string }[] } }>({
      type: 'accounts.list',
    });
    const key = value.accounts.find((a) => a.accountId === A.id)!.key;
    await h.sendMessage({ type: 'route.open', key, target: { type: 'iam', userName: 'bob' }, tabId });
    await page.waitForFunction((host) => location.hostname === host, {}, new URL(A_PAGE).hostname);
    expect(await signpostState(page)).toBe('filled');
    expect(await page.$eval('#username', (el) => (el as HTMLInputElement).value)).toBe('bob');
    expect(await shown(page)).not.toMatch(B_SECRETS);
    expect(received(probe)).toContain('"route"');
    expect(received(probe)).not.toMatch(B_SECRETS);
  });

  it('the main page without a route: no account at all is received or shown', async () => {
    const { page, probe } = await probedTab();
    await page.goto('https://signin.aws.amazon.com/signin');
    expect(await signpostState(page)).toBe('no-match');
    const replies = probe.of('reply') as { value?: Record<string, unknown> }[];
    expect(replies.length).toBeGreaterThan(0);
    // The answer to "what do I fill here?" holds the settings only; the decision report's answer is empty.
    const keys = replies.map((reply) => Object.keys(reply.value ?? {}).join(','));
    expect(keys).toContain('settings');
    for (const k of keys) expect(['settings', '']).toContain(k);
    expect(await shown(page)).not.toMatch(/alice|bob|acme|123456789012|mallory|secret-other/);
  });

  it('after a sign-in learned on A’s page, B’s page in the same tab is not told about it', async () => {
    const { page, probe } = await probedTab();
    await page.goto(A_PAGE);
    expect(await signpostState(page)).toBe('filled');
    await page.evaluate(() => {
      (document.querySelector('#username') as HTMLInputElement).value = '';
    });
    await page.type('#username', 'newbie');
    await page.type('#password', 'not-a-real-password');
    await Promise.all([page.waitForNavigation(), page.click('#signin_button')]);
    await page.goto(B_PAGE);
    await signpostState(page);
    const onB = (
      probe.events.filter((e) => e.kind === 'reply' && e.url.startsWith(B_PAGE)) as { detail: unknown }[]
    )
      .map((e) => JSON.stringify(e.detail))
      .join();
    expect(onB).toContain('mallory'); // B's own page does get B
    expect(onB).not.toMatch(/newbie|acme|Acme|123456789012|notice/);
    expect(await shown(page)).not.toMatch(/newbie|Acme production/);
  });
});

describe('a web page cannot reach Signpost', () => {
  it('the sign-in page has no runtime to message Signpost with (no externally_connectable)', async () => {
    const { page } = await probedTab();
    await page.goto(A_PAGE);
    await signpostState(page);
    expect(
      await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime),
    ).toBe('undefined');
  });

  it('window messages from the page get no reply, change nothing and make the content script ask nothing', async () => {
    const { page, probe } = await probedTab();
    // Main-world listener from the first script on: every window message the page sees.
    await page.evaluateOnNewDocument(() => {
      const seen: unknown[] = [];
      (window as unknown as { __seen: unknown[] }).__seen = seen;
      window.addEventListener('message', (e) => seen.push(e.data));
    });
    await page.goto(A_PAGE);
    expect(await signpostState(page)).toBe('filled');
    // The page's form in its final mount: what Signpost changed by then is the baseline.
    await replicaState(page);
    const before = {
      html: await page.evaluate(() => document.documentElement.outerHTML),
      sent: probe.of('sent').length,
    };
    const posted = [
      { type: 'signin.query', account: '210987654321' },
      { type: 'accounts.list' },
      { type: 'route.open', key: 'x', target: { type: 'root' } },
      'accounts.list',
      {
        source: 'signpost',
        type: 'signin.learn',
        signIn: { type: 'iam', account: '210987654321', userName: 'x' },
      },
      {
        type: `${h.extensionId}:signin:wxt:content-script-started`,
        contentScriptName: 'signin',
        messageId: 'page',
      },
      { type: 'wxt:content-script-started', contentScriptName: 'signin', messageId: 'page' },
      JSON.stringify({ type: 'accounts.list' }),
    ];
    await page.evaluate((messages) => {
      for (const m of messages) window.postMessage(m, '*');
    }, posted);
    await new Promise((done) => setTimeout(done, 800));
    const seen = await page.evaluate(() => (window as unknown as { __seen: unknown[] }).__seen);
    // The page hears exactly what it posted itself: Signpost neither answers nor announces itself.
    expect(seen).toEqual(posted);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before.html);
    expect(probe.of('sent').length).toBe(before.sent);
  });
});

describe('nothing fills on a host that is not exactly a sign-in host', () => {
  // Every lookalike loads side by side; each gets the same bounded time to misbehave.
  it(`a sample of ${CHROMIUM_SAMPLE.length} lookalikes from the host table: nothing filled, marked or asked`, async () => {
    h.server.configure({});
    const results = await Promise.all(
      CHROMIUM_SAMPLE.map(async ({ url, injected }) => {
        const { page, probe } = await probedTab();
        await page.goto(url);
        const replica = await replicaState(page);
        await new Promise((done) => setTimeout(done, LOOKALIKE_WAIT_MS));
        return {
          url,
          page: replica.page,
          injected: probe.injections.length > 0,
          expectedInjected: injected,
          asked: probe.of('sent'),
          marked: await page.evaluate(() => document.documentElement.dataset.signpost ?? null),
          userName: await page.$eval('#username', (el) => (el as HTMLInputElement).value).catch(() => null),
          shown: /alice|bob|acme|mallory/.test(await shown(page)),
        };
      }),
    );
    for (const r of results) {
      // The page really is a sign-in replica (so a fill would have had somewhere to go).
      expect(['main', 'iam'], r.url).toContain(r.page);
      // Inside the manifest's patterns Chrome runs the content script; its own host check refuses.
      expect(r.injected, r.url).toBe(r.expectedInjected);
      expect({ asked: r.asked, marked: r.marked, shown: r.shown }, r.url).toEqual({
        asked: [],
        marked: null,
        shown: false,
      });
      expect(r.userName ?? '', r.url).toBe('');
    }
  });

  it('the real host, as a control: the content script is injected, asks, and fills', async () => {
    const { page, probe } = await probedTab();
    await page.goto(A_PAGE);
    expect(await signpostState(page)).toBe('filled');
    expect(probe.injections).toHaveLength(1);
    expect(probe.of('sent')).toContainEqual({ type: 'signin.query', account: A.id });
  });

  // Retried: see the framed test in tests/e2e/signin.e2e.test.ts (a framed page that never loads under
  // load); an injection or a fill would fail every attempt.
  it('sign-in pages framed by another site get nothing: no script, no fill, no mark', {
    retry: 2,
  }, async () => {
    // The framing page loads before the watch attaches (Runtime.enable reports every context that already
    // exists, so an injection would still show): with a CDP session attached first, a framed sign-in page
    // sometimes never finished loading, and the test timed out instead of checking anything.
    const page = await h.browser.newPage();
    // Independent of what earlier tests left in the browser (a remembered sign-in sends the frame elsewhere).
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCookies');
    await cdp.detach();
    await page.goto('https://evil.test/', { timeout: 15_000 });
    const probe = await watchContentScript(page, h.extensionId, { probe: false });
    open.push({ page, probe });
    const frames = page.mainFrame().childFrames();
    expect(frames.map((f) => new URL(f.url()).hostname).sort()).toEqual([
      '123456789012.signin.aws.amazon.com',
      'signin.aws.amazon.com',
    ]);
    await new Promise((done) => setTimeout(done, LOOKALIKE_WAIT_MS));
    for (const frame of frames) {
      const seen = await frame.evaluate(() => ({
        page: (window as unknown as { __replica?: { page: string } }).__replica?.page,
        marked: document.documentElement.dataset.signpost ?? null,
        userName: document.querySelector<HTMLInputElement>('#username')?.value ?? '',
        lists: document.querySelectorAll('datalist').length,
      }));
      expect(seen, frame.url()).toEqual({
        page: expect.stringMatching(/^(main|iam)$/),
        marked: null,
        userName: '',
        lists: 0,
      });
    }
    expect(probe.injections).toEqual([]);
    expect(await shown(page)).not.toMatch(/alice|bob|acme/);
  });
});
