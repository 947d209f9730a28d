// Launches headless Firefox (ESR) over WebDriver BiDi with the built firefox-mv2 extension and the replica
// server. Firefox has no host resolver rules: every host resolves to loopback (network.dns.forceResolve) and
// connections to port 443 go to the replica server's port (network.socket.forcePort). The extension gets a
// UUID chosen at launch (extensions.webextensions.uuids), so its pages are at a known moz-extension:// origin.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { waitForNewTab } from './harness';
import { type ReplicaServer, startReplicaServer } from './server';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(process.env.SIGNPOST_OUT_DIR ?? '.output', 'firefox-mv2');
/** The gecko id in the manifest (wxt.config.ts). */
export const GECKO_ID = 'signpost@signpost.dev';

export interface FirefoxHarness {
  browser: Browser;
  /** `moz-extension://<uuid>` */
  origin: string;
  server: ReplicaServer;
  /** Opens `url` in a new tab and waits for its load event. */
  openPage(url: string): Promise<Page>;
  /** Opens the extension's page `path` (popup.html, options.html) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Resolves with the first tab opened after this call whose URL matches; call it before the action. */
  waitForNewTab(predicate: (url: string) => boolean, timeoutMs?: number): Promise<Page>;
  close(): Promise<void>;
}

/** The part of puppeteer-core's internal BiDi browsing context `openExtensionPage` uses. */
interface BidiContext {
  navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void>;
}

export async function launchFirefoxSignpost(): Promise<FirefoxHarness> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${FIREFOX_EXTENSION_DIR}; run \`wxt build -b firefox\` (same SIGNPOST_OUT_DIR).`,
    );
  }
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}; set FIREFOX_PATH.`);
  const server = await startReplicaServer();
  const uuid = randomUUID();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      // WebDriver BiDi navigates only to http(s), file and blob URLs unless given system access; the tests
      // open the extension's moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      // The replica server's certificate is self-signed (and names no lookalike host).
      acceptInsecureCerts: true,
      defaultViewport: { width: 1200, height: 800 },
      protocolTimeout: 30_000,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'network.dns.forceResolve': '127.0.0.1',
        'network.socket.forcePort': `443=${server.port}`,
        // Nothing goes around the replica server: no DNS over HTTPS, no QUIC, no proxy.
        'network.trr.mode': 5,
        'network.http.http3.enable': false,
        'network.proxy.type': 0,
      },
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  try {
    // A directory installs as a temporary add-on, which is what `web-ext run` does.
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`Installed ${id}, expected ${GECKO_ID}.`);
  } catch (error) {
    await Promise.all([browser.close().catch(() => undefined), server.close()]);
    throw error;
  }

  const origin = `moz-extension://${uuid}`;
  return {
    browser,
    origin,
    server,

    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },

    async openExtensionPage(path) {
      const page = await browser.newPage();
      // Firefox's BiDi sends no navigation events for moz-extension:// loads, so page.goto() never settles
      // (and page.url() stays about:blank). The frame's own BiDi navigate command, told to wait for the load,
      // does. puppeteer-core is pinned, and this fails loudly if the internal goes away.
      const context = (page.mainFrame() as unknown as { browsingContext?: BidiContext }).browsingContext;
      if (typeof context?.navigate !== 'function')
        throw new Error('puppeteer-core: no BiDi browsingContext.');
      await context.navigate(`${origin}/${path}`, 'complete');
      return page;
    },

    waitForNewTab: (predicate, timeoutMs) => waitForNewTab(browser, predicate, timeoutMs),

    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}
