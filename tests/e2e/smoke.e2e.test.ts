// Smoke test of the built extension in Chromium: it loads, its service worker starts (and starts again after
// Chrome stops it), its pages render, and its content script marks every real sign-in page and no lookalike.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  currentSignpostState,
  type Harness,
  launchSignpost,
  type ReplicaConfig,
  type ReplicaState,
  replicaState,
  type SignpostState,
  signpostState,
} from './harness';

/** Lookalikes cannot be awaited (absence never arrives), so they get this long after load to misbehave. */
const LOOKALIKE_WAIT_MS = 1500;

let h: Harness;

beforeAll(async () => {
  h = await launchSignpost();
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.server.reset();
});

/** Opens `url`, runs `check` and closes the tab whatever happens. */
async function withPage<T>(url: string, check: (page: Page) => Promise<T>): Promise<T> {
  const page = await h.openPage(url);
  try {
    return await check(page);
  } finally {
    await page.close();
  }
}

describe('the built extension', () => {
  it('starts its service worker', async () => {
    const worker = await h.worker();
    const id = await worker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id,
    );
    expect(id).toBe(h.extensionId);
  });

  it.each([
    ['popup', () => h.openPopup()],
    ['options', () => h.openOptions()],
  ])('renders its %s page without errors', async (name, open) => {
    const page = await open();
    try {
      await page.waitForSelector('#app > *', { timeout: 5000 });
      await h.screenshot(page, `smoke-${name}`);
      // Errors recorded from before the page loaded: its module scripts' first run included.
      expect(h.pageErrors(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('answers messages again after Chrome stops its service worker', async () => {
    await h.worker();
    await h.stopWorker();
    expect(h.workerRunning()).toBe(false);
    const reply = await h.sendMessage<{ ok: boolean }>({ type: 'accounts.list' });
    expect(reply).toMatchObject({ ok: true });
    await expect(h.worker()).resolves.toBeDefined();
  });
});

interface RealPage {
  name: string;
  url: string;
  config?: Partial<ReplicaConfig>;
  /** Where the browser ends up (after the console's and the account host's redirects). */
  lands?: string;
  replica: Pick<ReplicaState, 'page' | 'variant'>;
  state: SignpostState;
}

const REDIRECT = encodeURIComponent('https://console.aws.amazon.com/console/home');
const REAL_PAGES: RealPage[] = [
  {
    name: 'main page (classic), reached from the console',
    url: 'https://console.aws.amazon.com/console/home?region=eu-west-1',
    lands: 'https://signin.aws.amazon.com/signin?',
    replica: { page: 'main', variant: 'classic' },
    state: 'no-match',
  },
  {
    name: 'main page (redesigned)',
    url: `https://signin.aws.amazon.com/signin?redirect_uri=${REDIRECT}`,
    config: { main: 'redesigned' },
    replica: { page: 'main', variant: 'redesigned' },
    state: 'no-match',
  },
  {
    name: 'main page on a regional host',
    url: `https://eu-west-1.signin.aws.amazon.com/oauth?redirect_uri=${REDIRECT}`,
    replica: { page: 'main', variant: 'classic' },
    state: 'no-match',
  },
  {
    name: 'IAM page (classic) on an account ID host',
    url: 'https://123456789012.signin.aws.amazon.com/console',
    replica: { page: 'iam', variant: 'classic' },
    state: 'no-match',
  },
  {
    name: 'IAM page (classic) on an alias host, with a service and region',
    url: 'https://acme-prod.signin.aws.amazon.com/console/s3?region=eu-west-1',
    replica: { page: 'iam', variant: 'classic' },
    state: 'no-match',
  },
  {
    name: 'IAM page (redesigned) on an account ID host',
    url: 'https://123456789012.signin.aws.amazon.com/console/',
    config: { iam: 'redesigned' },
    replica: { page: 'iam', variant: 'redesigned' },
    state: 'no-match',
  },
  {
    name: 'IAM page (redesigned) on an alias host',
    url: 'https://acme-prod.signin.aws.amazon.com/console',
    config: { iam: 'redesigned' },
    replica: { page: 'iam', variant: 'redesigned' },
    state: 'no-match',
  },
  {
    name: 'IAM page after the account host redirects to a regional host',
    url: 'https://123456789012.signin.aws.amazon.com/console',
    config: { accountRedirect: true },
    lands: 'https://us-east-1.signin.aws.amazon.com/oauth?',
    replica: { page: 'iam', variant: 'classic' },
    state: 'no-match',
  },
  {
    name: 'GovCloud IAM page',
    url: 'https://123456789012.signin.amazonaws-us-gov.com/console',
    replica: { page: 'iam', variant: 'classic' },
    state: 'no-match',
  },
  {
    name: 'China IAM page',
    url: 'https://acme-cn.signin.amazonaws.cn/console',
    replica: { page: 'iam', variant: 'classic' },
    state: 'no-match',
  },
  {
    name: 'IAM MFA page',
    url: 'https://123456789012.signin.aws.amazon.com/mfa?account=123456789012',
    replica: { page: 'mfa-iam', variant: 'classic' },
    state: 'unsupported-page',
  },
  {
    name: 'root MFA page',
    url: 'https://signin.aws.amazon.com/mfa/root',
    replica: { page: 'mfa-root', variant: 'classic' },
    state: 'unsupported-page',
  },
];

describe('the content script on real sign-in hosts (no saved accounts)', () => {
  it.each(REAL_PAGES.map((p) => [p.name, p.state, p] as const))('marks the %s "%s"', async (_, __, p) => {
    const { url, config, lands, replica, state } = p;
    h.server.configure(config ?? {});
    await withPage(url, async (page) => {
      expect(page.url().startsWith(lands ?? url)).toBe(true);
      expect(await replicaState(page)).toMatchObject(replica);
      expect(await signpostState(page)).toBe(state);
    });
  });
});

const LOOKALIKES = [
  'https://signin.aws.amazon.com.evil.test/signin',
  'https://signin.aws.amazon.com.evil.test/console',
  'https://signin-aws-amazon.com/signin',
  'https://x.signin.aws.amazon.co/console',
  // Inside the manifest's `*.signin.aws.amazon.com` pattern, but two labels deep: the host check refuses it.
  'https://a.b.signin.aws.amazon.com/console',
  'https://a.b.signin.aws.amazon.com/signin',
];

// Default server state only, so these load side by side.
describe.concurrent('the content script elsewhere', () => {
  it.each(LOOKALIKES)('leaves no trace on the lookalike %s', async (url) => {
    await withPage(url, async (page) => {
      const { page: kind } = await replicaState(page);
      expect(['main', 'iam']).toContain(kind);
      await new Promise((done) => setTimeout(done, LOOKALIKE_WAIT_MS));
      expect(await currentSignpostState(page)).toBeUndefined();
    });
  });

  it('leaves no trace inside sign-in pages framed by another site', async () => {
    await withPage('https://evil.test/', async (page) => {
      const frames = page.mainFrame().childFrames();
      expect(frames.map((f) => new URL(f.url()).hostname).sort()).toEqual([
        '123456789012.signin.aws.amazon.com',
        'signin.aws.amazon.com',
      ]);
      await new Promise((done) => setTimeout(done, LOOKALIKE_WAIT_MS));
      for (const frame of frames) {
        const seen = await frame.evaluate(() => ({
          page: (window as unknown as { __replica?: ReplicaState }).__replica?.page,
          signpost: document.documentElement.dataset.signpost,
        }));
        expect(seen.page, frame.url()).toMatch(/^(main|iam)$/);
        expect(seen.signpost, frame.url()).toBeUndefined();
      }
    });
  });
});

// Last in this file: signing in here teaches the extension these accounts.
describe('the replica pages behave like the real ones', () => {
  it.each(['classic', 'redesigned'] as const)(
    'the %s pages take an IAM sign-in from the console through MFA to the console home',
    async (variant) => {
      const alias = `acme-${variant}`;
      h.server.configure({ main: variant, iam: variant, mfa: true, accounts: { [alias]: '111122223333' } });
      await withPage('https://console.aws.amazon.com/ec2/home?region=eu-west-1', async (page) => {
        await page.type('#resolving_input', alias);
        await Promise.all([page.waitForNavigation(), page.click('#next_button')]);
        expect(new URL(page.url()).hostname).toBe(`${alias}.signin.aws.amazon.com`);
        expect(await page.$eval('#account', (el) => (el as HTMLInputElement).value)).toBe(alias);
        await page.type('#username', 'alice');
        await page.type('#password', 'correct horse');
        await Promise.all([page.waitForNavigation(), page.click('#signin_button')]);
        expect(new URL(page.url()).pathname).toBe('/mfa');
        await page.type('#mfacode', '123456');
        await Promise.all([page.waitForNavigation(), page.click('#submitMfa_button')]);
        expect(page.url()).toMatch(/^https:\/\/console\.aws\.amazon\.com\/ec2\/home\?region=eu-west-1&/);
        const session = await page.$eval(
          'meta[name=awsc-session-data]',
          (m) => (m as HTMLMetaElement).content,
        );
        expect(JSON.parse(session)).toMatchObject({ accountId: '111122223333', accountAlias: alias });
      });
      expect(h.server.submissions.map(({ page, fields }) => ({ page, fields }))).toEqual([
        { page: 'main', fields: { userType: 'iam', identifier: alias } },
        {
          page: 'iam',
          fields: {
            account: alias,
            username: 'alice',
            passwordLength: '13',
            ...(variant === 'redesigned' ? { remember: 'false' } : {}),
          },
        },
        { page: 'mfa-iam', fields: { account: alias, codeLength: '6' } },
      ]);
    },
  );

  it.each(['classic', 'redesigned'] as const)(
    'the %s main page asks for the root password in place, then root MFA, then the console',
    async (variant) => {
      h.server.configure({ main: variant, mfa: true, accounts: { 'owner@example.com': '444455556666' } });
      await withPage('https://console.aws.amazon.com/console/home', async (page) => {
        await page.click(variant === 'classic' ? '#root_user_radio_button' : 'input[type=radio][value=ROOT]');
        await page.type('#resolving_input', 'owner@example.com');
        const before = page.url();
        await page.click('#next_button');
        await page.waitForSelector('#password', { visible: true });
        expect(page.url()).toBe(before);
        expect(await replicaState(page)).toMatchObject({
          step: 'password',
          submitted: { userType: 'root', identifier: 'owner@example.com' },
        });
        await page.type('#password', 'secret');
        await Promise.all([page.waitForNavigation(), page.click('#signin_button')]);
        expect(new URL(page.url()).pathname).toBe('/mfa/root');
        await page.type('#mfaCode', '654321');
        await Promise.all([page.waitForNavigation(), page.click('#mfa_submit_button')]);
        const session = await page.$eval(
          'meta[name=awsc-session-data]',
          (m) => (m as HTMLMetaElement).content,
        );
        expect(JSON.parse(session)).toMatchObject({ accountId: '444455556666' });
      });
      expect(h.server.submissions.map(({ page, fields }) => ({ page, fields }))).toEqual([
        { page: 'main', fields: { userType: 'root', identifier: 'owner@example.com' } },
        { page: 'root-password', fields: { identifier: 'owner@example.com', passwordLength: '6' } },
        { page: 'mfa-root', fields: { email: 'owner@example.com', codeLength: '6' } },
      ]);
    },
  );

  it('the redesigned pages drop a value the page never saw an input event for', async () => {
    h.server.configure({ iam: 'redesigned', stayOnSubmit: true });
    await withPage('https://222233334444.signin.aws.amazon.com/console', async (page) => {
      // Written through the page's own (tracked) setter, as a script in the page's world would.
      await page.$eval('#username', (el) => {
        (el as HTMLInputElement).value = 'mallory';
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await page.type('#password', 'pw');
      expect(await page.$eval('#username', (el) => (el as HTMLInputElement).value)).toBe('');
      await page.click('#signin_button');
      expect((await replicaState(page)).submitted).toEqual({
        account: '222233334444',
        username: '',
        passwordLength: 2,
      });
    });
  });

  it('late pages render their form late and then replace its inputs', async () => {
    h.server.configure({ lateMs: 500, remountMs: 200 });
    const page = await h.browser.newPage();
    // Seen from inside the page, so a slow machine cannot make the test look too late: whether the form was
    // there once the HTML was parsed, and the first user name box that ever appeared.
    await page.evaluateOnNewDocument(() => {
      const seen: { atReady?: boolean; first?: Element } = {};
      Object.assign(window, { __late: seen });
      document.addEventListener('DOMContentLoaded', () => {
        seen.atReady = document.querySelector('#username') !== null;
      });
      new MutationObserver(() => {
        seen.first ??= document.querySelector('#username') ?? undefined;
      }).observe(document, { childList: true, subtree: true });
    });
    try {
      await page.goto('https://333344445555.signin.aws.amazon.com/console');
      const state = await replicaState(page);
      expect(state.mounts).toBe(2);
      const seen = await page.evaluate(() => {
        const { atReady, first } = (window as unknown as { __late: { atReady?: boolean; first?: Element } })
          .__late;
        return { atReady, first: first?.isConnected };
      });
      expect(seen).toEqual({ atReady: false, first: false });
    } finally {
      await page.close();
    }
  });
});
