// Launches headless Chromium with the built extension and the replica server, and gives e2e tests handles
// on the extension's service worker, its pages and the tabs it opens. One harness per test file.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer-core';
import type { AccountDraftInput } from '../../lib/messages';
import type { Account } from '../../lib/schema';
import { type ReplicaServer, startReplicaServer } from './server';

export type { ReplicaConfig, ReplicaServer, Submission } from './server';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(process.env.SIGNPOST_OUT_DIR ?? '.output', 'chrome-mv3');
const SCREENSHOTS = resolve('tests/e2e/screenshots');

/** What the content script wrote on `<html data-signpost>`. */
export type SignpostState = 'filled' | 'no-match' | 'unsupported-page' | 'learned';

/** What a replica page exposes to tests in its main world as `window.__replica`. */
export interface ReplicaState {
  variant: 'classic' | 'redesigned';
  page: 'main' | 'iam' | 'mfa-iam' | 'mfa-root' | 'console';
  /** Main page only: 'identify' or, after Next as root, 'password'. */
  step?: 'identify' | 'password';
  /** What the page's own model saw at its last submit: main `{userType, identifier}` (+ `passwordLength` on
   * the root password step), IAM `{account, username, passwordLength}`, MFA `{codeLength}`. */
  submitted: Record<string, string | number> | null;
  /** How many times the form was mounted (2 on late pages once they re-mount). */
  mounts: number;
  /** True once the form is in its final mount. */
  ready: boolean;
  /** The validation message the page shows, if any. */
  error: string | null;
}

export interface Harness {
  browser: Browser;
  extensionId: string;
  /** `chrome-extension://<id>` */
  origin: string;
  server: ReplicaServer;
  /** The extension's service worker; waits for it to be running (restarted after `stopWorker`). */
  worker(): Promise<WebWorker>;
  /** Stops the service worker as Chrome does when idle; resolves once it is gone. */
  stopWorker(): Promise<void>;
  /** True while the service worker runs. */
  workerRunning(): boolean;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Uncaught errors of a page opened through this harness, listened for from before it started loading. */
  pageErrors(page: Page): string[];
  /** Opens `url` in a new tab and waits for its load event. */
  openPage(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' }): Promise<Page>;
  /** Resolves with the first tab opened after this call whose URL matches; call it before the action. */
  waitForNewTab(predicate: (url: string) => boolean, timeoutMs?: number): Promise<Page>;
  /** Sends a runtime message from an extension page (sender: the extension itself) and returns the reply. */
  sendMessage<T = unknown>(message: unknown): Promise<T>;
  /** Sends a runtime message and returns its reply's value; throws with the background's error if it refused. */
  value<T = unknown>(message: { type: string } & Record<string, unknown>): Promise<T>;
  /** Every saved account, as `accounts.list` gives them (`T` narrows what a test reads of them). */
  accounts<T = Account>(): Promise<T[]>;
  /** Deletes every saved account, then imports `drafts` (if any) through the background, as the pages do. */
  seed(drafts: AccountDraftInput[]): Promise<void>;
  /** Saves a PNG to tests/e2e/screenshots/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Closes every tab but one blank one. */
  closeTabs(): Promise<void>;
  close(): Promise<void>;
}

const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
];

/** What the background answers a runtime message with. */
type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The part of the `chrome` global tests use inside extension pages. */
interface ExtensionGlobals {
  chrome: { runtime: { id: string; sendMessage(message: unknown): Promise<unknown> } };
}

function isWorkerOf(extensionId: string) {
  return (target: Target) =>
    target.type() === 'service_worker' && target.url().startsWith(`chrome-extension://${extensionId}/`);
}

export interface LaunchOptions {
  /** False opens a real window (the playground, `npm run demo`); the e2e suite runs headless. */
  headless?: boolean;
  /** False leaves Ctrl+C to the caller, which then closes the harness (and so deletes the profile) itself;
   * by default puppeteer kills Chromium and exits. */
  handleSignals?: boolean;
  /** The browser's UI language (`--lang`, and LANGUAGE, which Chromium on Linux reads instead); the
   * extension's pages follow it. By default the machine's. */
  lang?: string;
  /** Another built copy of the extension to load (the pseudo-locale test loads a rewritten one). */
  extensionDir?: string;
}

export async function launchSignpost(options: LaunchOptions = {}): Promise<Harness> {
  const headless = options.headless ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${extensionDir}; run \`wxt build\` (with the same SIGNPOST_OUT_DIR).`,
    );
  }
  if (!existsSync(CHROME_PATH)) throw new Error(`No Chromium at ${CHROME_PATH}; set CHROME_PATH.`);
  const [server, userDataDir] = await Promise.all([
    startReplicaServer(),
    mkdtemp(join(tmpdir(), 'signpost-profile-')),
  ]);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROME_PATH,
      headless,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      handleSIGHUP: options.handleSignals ?? true,
      pipe: true,
      enableExtensions: [extensionDir],
      userDataDir,
      args: [
        ...CHROME_ARGS,
        `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
        ...(options.lang ? [`--lang=${options.lang}`] : []),
      ],
      ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang } } : {}),
      // A window keeps its own size, so the page follows it when the person resizes it.
      defaultViewport: headless ? { width: 1200, height: 800 } : null,
      protocolTimeout: 30_000,
    });
  } catch (error) {
    await Promise.all([server.close(), rm(userDataDir, { recursive: true, force: true })]);
    throw error;
  }

  const workerTarget = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 15_000 },
  );
  const extensionId = new URL(workerTarget.url()).hostname;
  // Stopping a worker that is still installing makes Chrome restart it on its own; wait until it is active.
  await (await workerTarget.worker())?.evaluate(
    () =>
      new Promise<void>((done) => {
        const sw = (self as unknown as { serviceWorker?: ServiceWorker }).serviceWorker;
        if (!sw || sw.state === 'activated') return done();
        sw.addEventListener('statechange', () => sw.state === 'activated' && done());
      }),
  );
  const origin = `chrome-extension://${extensionId}`;
  const ownWorker = isWorkerOf(extensionId);
  let messenger: Promise<Page> | undefined;
  /** An extension page kept open to send runtime messages from. */
  function messengerPage(): Promise<Page> {
    messenger ??= openExtensionPage('popup.html');
    return messenger;
  }

  const errors = new WeakMap<Page, string[]>();
  /** A new tab that records its uncaught errors before anything loads in it (a listener added after
   * `goto` misses every error thrown while the page's scripts first run). */
  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    const seen: string[] = [];
    errors.set(page, seen);
    page.on('pageerror', (error) => seen.push(String(error)));
    return page;
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
    return page;
  }

  const harness: Harness = {
    browser,
    extensionId,
    origin,
    server,

    async worker() {
      const target = await browser.waitForTarget(ownWorker, { timeout: 10_000 });
      const worker = await target.worker();
      if (!worker) throw new Error('The service worker target has no worker.');
      return worker;
    },

    workerRunning() {
      return browser.targets().some(ownWorker);
    },

    async stopWorker() {
      const target = browser.targets().find(ownWorker);
      if (!target) return;
      const gone = new Promise<void>((done) => {
        const onDestroyed = (t: Target) => {
          if (t !== target) return;
          browser.off('targetdestroyed', onDestroyed);
          done();
        };
        browser.on('targetdestroyed', onDestroyed);
      });
      // Closing the worker's target (and detaching) stops it as Chrome does on idle timeout; the next
      // event (a message, an omnibox keystroke) starts it afresh.
      const worker = await target.worker();
      await worker?.close();
      await Promise.race([
        gone,
        new Promise((_, reject) =>
          // 15 s: with two e2e files side by side on a loaded 2-core machine, 5 s was once not enough.
          setTimeout(() => reject(new Error('The service worker did not stop within 15 s.')), 15_000),
        ),
      ]);
    },

    openPopup: () => openExtensionPage('popup.html'),
    openOptions: () => openExtensionPage('options.html'),

    pageErrors(page) {
      const seen = errors.get(page);
      if (!seen) throw new Error('pageErrors: this page was not opened through the harness.');
      return seen;
    },

    async openPage(url, options = {}) {
      const page = await newPage();
      await page.goto(url, { waitUntil: options.waitUntil ?? 'load' });
      return page;
    },

    waitForNewTab: (predicate, timeoutMs) => waitForNewTab(browser, predicate, timeoutMs),

    async sendMessage<T>(message: unknown) {
      const page = await messengerPage();
      return (await page.evaluate(
        (m) => (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage(m),
        message as never,
      )) as T;
    },

    async value<T>(message: { type: string } & Record<string, unknown>) {
      const reply = await harness.sendMessage<Reply<T>>(message);
      if (!reply.ok) throw new Error(`${message.type}: ${reply.error}`);
      return reply.value;
    },

    async accounts<T>() {
      return (await harness.value<{ accounts: T[] }>({ type: 'accounts.list' })).accounts;
    },

    async seed(drafts) {
      const old = await harness.accounts();
      if (old.length) await harness.value({ type: 'accounts.delete', keys: old.map((a) => a.key) });
      if (drafts.length) await harness.value({ type: 'accounts.import', accounts: drafts });
    },

    async screenshot(page, name) {
      await mkdir(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },

    async closeTabs() {
      const pages = await browser.pages();
      const keep = await browser.newPage();
      messenger = undefined;
      await Promise.all(pages.filter((p) => p !== keep).map((p) => p.close().catch(() => undefined)));
    },

    async close() {
      await browser.close().catch(() => undefined);
      await Promise.all([server.close(), rm(userDataDir, { recursive: true, force: true })]);
    },
  };
  return harness;
}

/**
 * Resolves with the first tab opened after this call whose URL matches (call it before the action).
 * Shared by the Chromium and Firefox harnesses.
 */
export function waitForNewTab(
  browser: Browser,
  predicate: (url: string) => boolean,
  timeoutMs = 10_000,
): Promise<Page> {
  const existing = new Set(browser.targets());
  return browser
    .waitForTarget((t) => t.type() === 'page' && !existing.has(t) && predicate(t.url()), {
      timeout: timeoutMs,
    })
    .then(async (target) => {
      const page = await target.page();
      if (!page) throw new Error(`The new tab ${target.url()} has no page.`);
      return page;
    });
}

/** The id the browser (and so Signpost's background) knows `page`'s tab by; `page` must be an extension page. */
export function extensionTabId(page: Page): Promise<number> {
  return page.evaluate(
    async () =>
      (
        await (
          globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ id: number }> } } }
        ).chrome.tabs.getCurrent()
      ).id,
  );
}

/** Relative luminance (0 black – 1 white) of an element's computed background and text colours. */
export function contrastOf(page: Page, selector: string): Promise<{ background: number; text: number }> {
  return page.$eval(selector, (el) => {
    const luminance = (colour: string) => {
      const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const style = getComputedStyle(el);
    return { background: luminance(style.backgroundColor), text: luminance(style.color) };
  });
}

/**
 * Waits for the content script's verdict on `<html data-signpost>`; throws after `timeoutMs`. Watches for the
 * attribute's change rather than polling each animation frame, so it also works in a tab in the background
 * (a hidden tab draws no frames).
 */
export async function signpostState(page: Page, timeoutMs = 5000): Promise<SignpostState> {
  const handle = await page.waitForFunction(() => document.documentElement.dataset.signpost, {
    timeout: timeoutMs,
    polling: 'mutation',
  });
  return (await handle.jsonValue()) as SignpostState;
}

/** The `data-signpost` value right now (undefined when the content script left no trace). */
export function currentSignpostState(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.signpost);
}

/** A replica page's `window.__replica` (after waiting for its final mount). */
export async function replicaState(page: Page, timeoutMs = 5000): Promise<ReplicaState> {
  await page.waitForFunction(() => (window as { __replica?: ReplicaState }).__replica?.ready === true, {
    timeout: timeoutMs,
  });
  return page.evaluate(() => (window as unknown as { __replica: ReplicaState }).__replica);
}
