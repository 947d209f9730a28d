// Promises, in Chromium with the built extension: no password or MFA code is ever read, stored or sent; the
// extension makes no network request of its own; its pages and worker run under a strict CSP.
//
// One browser runs the flows once (beforeAll) while everything is watched: route to an IAM user and sign in
// with a password and an MFA code; learn a root sign-in on the main page, then its password and code; learn an
// IAM sign-in typed by hand; open the popup and the options page. The tests then read what was recorded.
// Level: end to end. The content script is watched from inside its own isolated world (probe.ts), so its
// reads are seen even though main-world instrumentation cannot see them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  extensionTabId,
  type Harness,
  launchSignpost,
  replicaState,
  signpostState,
} from '../e2e/harness';
import { type ContentScriptWatch, dumpStorage, watchContentScript, watchNetwork } from './probe';

const run = Date.now().toString(36);
/** What the person types: each distinctive enough to be found anywhere it might leak. */
const SECRETS = {
  routedPassword: `Route-Pw-${run}-correct!horse`,
  routedCode: '418263',
  rootPassword: `Root-Pw-${run}-battery$staple`,
  rootCode: '907153',
  handPassword: `Hand-Pw-${run}-tr0ub4dor&3`,
  handCode: '550721',
};

let h: Harness;
let network: ReturnType<typeof watchNetwork>;
const probes: ContentScriptWatch[] = [];
let stored: Record<string, unknown>;
const pageErrors: string[] = [];

/** A tab whose id Signpost knows (an extension page asks), with the content-script probe attached. */
async function probedTab(): Promise<{ page: Page; tabId: number; probe: ContentScriptWatch }> {
  const page = await h.browser.newPage();
  // Listened for before the first load, so an error in a script's first run is not missed.
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${h.origin}/popup.html`);
  const tabId = await extensionTabId(page);
  const probe = await watchContentScript(page, h.extensionId);
  probes.push(probe);
  return { page, tabId, probe };
}

async function replicaPage(page: Page, kind: string) {
  await page.waitForFunction(
    (k) =>
      (window as { __replica?: { page: string; ready: boolean } }).__replica?.page === k &&
      (window as { __replica?: { ready: boolean } }).__replica?.ready,
    { timeout: 10_000 },
    kind,
  );
}

beforeAll(async () => {
  h = await launchSignpost();
  network = watchNetwork(h.browser, h.extensionId);
  await network.ready;
  h.server.configure({ mfa: true });

  const { account } = await h
    .sendMessage<{ ok: true; value: { account: { key: string } } }>({
      type: 'accounts.save',
      account: {
        accountId: '111122223333',
        alias: 'payments-prod',
        label: 'Payments',
        signIns: [
          { type: 'iam', userName: 'alice' },
          { type: 'iam', userName: 'deployer' },
        ],
      },
    })
    .then((r) => r.value);

  // 1. Route to an IAM user, then the person types the password and the MFA code.
  {
    const { page, tabId } = await probedTab();
    await h.sendMessage({
      type: 'route.open',
      key: account.key,
      target: { type: 'iam', userName: 'alice' },
      tabId,
    });
    await page.waitForFunction(() => location.hostname === '111122223333.signin.aws.amazon.com', {
      timeout: 10_000,
    });
    expect(await signpostState(page)).toBe('filled');
    expect(await page.$eval('#username', (el) => (el as HTMLInputElement).value)).toBe('alice');
    await page.type('#password', SECRETS.routedPassword);
    await Promise.all([page.waitForNavigation(), page.click('#signin_button')]);
    await replicaPage(page, 'mfa-iam');
    await page.type('#mfacode', SECRETS.routedCode);
    await Promise.all([page.waitForNavigation(), page.click('#submitMfa_button')]);
    expect(new URL(page.url()).hostname).toBe('console.aws.amazon.com');
  }

  // 2. Learn a root sign-in on the main page: email, Next, password, MFA code.
  {
    const { page } = await probedTab();
    await page.goto('https://signin.aws.amazon.com/signin');
    await replicaState(page);
    await page.click('#root_user_radio_button');
    await page.type('#resolving_input', 'learned-root@example.com');
    await page.click('#next_button');
    await page.waitForSelector('#password', { visible: true });
    expect(await signpostState(page)).toBe('learned');
    await page.type('#password', SECRETS.rootPassword);
    await Promise.all([page.waitForNavigation(), page.click('#signin_button')]);
    await replicaPage(page, 'mfa-root');
    await page.type('#mfaCode', SECRETS.rootCode);
    await Promise.all([page.waitForNavigation(), page.click('#mfa_submit_button')]);
  }

  // 3. Learn an IAM sign-in typed by hand, submitted with Enter in the password box.
  {
    const { page } = await probedTab();
    await page.goto('https://999988887777.signin.aws.amazon.com/console');
    await replicaState(page);
    await page.type('#username', 'hand-user');
    await page.type('#password', SECRETS.handPassword);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await replicaPage(page, 'mfa-iam');
    await page.type('#mfacode', SECRETS.handCode);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hostname === 'console.aws.amazon.com', { timeout: 10_000 });
  }

  // 4. The extension's own pages, used as a person would.
  {
    const popup = await network.newPage();
    popup.on('pageerror', (e) => pageErrors.push(String(e)));
    await popup.goto(`${h.origin}/popup.html`);
    await popup.waitForSelector('[role=option]');
    await popup.keyboard.type('pay');
    await popup.waitForFunction(() => document.querySelectorAll('[role=option]').length >= 1);
    const options = await network.newPage();
    options.on('pageerror', (e) => pageErrors.push(String(e)));
    await options.goto(`${h.origin}/options.html`);
    await options.waitForSelector('#app > *');
  }
  await new Promise((done) => setTimeout(done, 300));
  stored = await dumpStorage(h);
}, 90_000);

afterAll(async () => {
  await Promise.all(probes.map((p) => p.stop()));
  await network?.stop();
  await h?.close();
});

describe('no secrets', () => {
  it('the flows really ran: what was learned is stored, and the probe was in every sign-in page', () => {
    const text = JSON.stringify(stored);
    expect(text).toContain('learned-root@example.com');
    expect(text).toContain('hand-user');
    expect(Object.keys(stored)).toEqual(
      expect.arrayContaining([
        'indexedDB:signpost/chunks',
        'indexedDB:signpost/meta',
        'storage.session',
        'storage.local',
      ]),
    );
    const ready = probes.flatMap((p) => p.of('ready')) as { sendMessageWrapped: boolean; host: string }[];
    // IAM page + MFA page, main page + root MFA page, IAM page + MFA page; the same script also runs on the
    // console pages the flows end on, where it reads only the session meta (and the probe watches it there too).
    const signIn = ready.filter((r) => r.host.split('.').includes('signin'));
    expect(signIn).toHaveLength(6);
    expect(ready.filter((r) => r.host.split('.').includes('console')).length).toBe(ready.length - 6);
    expect(ready.every((r) => r.sendMessageWrapped)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it.each(Object.entries(SECRETS))('the %s typed is nowhere in the extension’s storage', (_, secret) => {
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('the content script never read, wrote or took a FormData of a password or MFA box', () => {
    expect(probes.flatMap((p) => p.of('secret'))).toEqual([]);
  });

  it('of the keystrokes in those boxes it reads only the key name (to see Enter), nothing that holds text', () => {
    const read = new Set(probes.flatMap((p) => p.of('key')));
    for (const name of read) expect(['key']).toContain(name);
  });

  it('no message it sent or received carries a password or code', () => {
    const traffic = JSON.stringify(probes.flatMap((p) => [...p.of('sent'), ...p.of('reply')]));
    expect(traffic).toContain('signin.learn');
    for (const secret of Object.values(SECRETS)) expect(traffic).not.toContain(secret);
  });

  it('the content script never touches extension storage itself', () => {
    expect(probes.flatMap((p) => p.of('storage'))).toEqual([]);
  });
});

describe('no network', () => {
  it('the content script made no request, opened no socket and posted nothing to the page', () => {
    expect(JSON.stringify(probes.flatMap((p) => [...p.of('network'), ...p.of('postMessage')]))).toBe('[]');
  });

  it('the service worker, the popup and the options page requested nothing but their own files', () => {
    expect(network.seen.some((r) => r.from.startsWith(h.origin))).toBe(true);
    expect(JSON.stringify(network.ofExtension())).toBe('[]');
  });

  it('every request of the sign-in tabs was the page’s own (no initiator in the extension)', () => {
    const signIn = network.seen.filter((r) => /signin\.aws\.amazon\.com/.test(new URL(r.from).hostname));
    expect(signIn.length).toBeGreaterThan(0);
    for (const r of signIn) {
      expect(r.url.startsWith('chrome-extension:'), r.url).toBe(false);
      expect(
        r.initiators.filter((u) => u.startsWith('chrome-extension:')),
        r.url,
      ).toEqual([]);
    }
  });
});

interface Manifest {
  content_security_policy?: { extension_pages?: string };
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
}
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

describe('a strict content security policy for the extension’s pages and worker', () => {
  const csp = manifest.content_security_policy?.extension_pages ?? '';
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find(([n]) => n === name)
      ?.slice(1);

  it.each([
    ['script-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['connect-src', ["'none'"]],
    ['default-src', ["'self'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('the built manifest sets %s %j', (name, values) => {
    expect(directive(name)).toEqual(values);
  });

  it('nothing is exposed to web pages: no externally_connectable, no web-accessible resources', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('the worker and a page cannot reach the network even if they tried', async () => {
    const worker = await h.worker();
    const url = (who: string) => `https://signin.aws.amazon.com/csp-probe-${who}-${run}`;
    const tryFetch = (u: string) =>
      fetch(u).then(
        () => 'fetched',
        (e: Error) => `refused: ${e.name}`,
      );
    expect(await worker.evaluate(tryFetch, url('worker'))).toBe('refused: TypeError');
    const popup = await network.newPage();
    await popup.goto(`${h.origin}/popup.html`);
    const violation = popup.evaluate(
      () =>
        new Promise<string>((done) => {
          document.addEventListener('securitypolicyviolation', (e) => done(e.effectiveDirective), {
            once: true,
          });
          setTimeout(() => done('no violation'), 2000);
        }),
    );
    expect(await popup.evaluate(tryFetch, url('popup'))).toBe('refused: TypeError');
    expect(await violation).toBe('connect-src');
    await popup.close();
    // Without the policy the worker's fetch went through (the content script's matches give it host access to
    // the sign-in hosts); with it, neither attempt became a request (CDP shows none).
    expect(network.seen.filter((r) => r.url.includes('csp-probe'))).toEqual([]);
  });

  it('the policy breaks nothing: the popup and options page rendered and ran without errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
