// The playground's two modes on the e2e harness: a Chromium window with sample accounts and a welcome tab,
// or the tour run headless with screenshots and a log. Loaded by demo/demo.mjs through Vite's module runner.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { type Harness, launchSignpost } from '../tests/e2e/harness';
import { formatStep, runTour, SAMPLE_ORGANIZATIONS, seedSampleAccounts } from './tour';

type Write = (line: string) => void;

export const WELCOME = fileURLToPath(new URL('./welcome.html', import.meta.url));

/** Runs the tour headless; resolves true when every step passed. */
export async function runHeadless(outDir: string, write: Write): Promise<boolean> {
  const h = await launchSignpost();
  try {
    write(`Chromium ${await h.browser.version()} (headless), Signpost ${h.extensionId}`);
    const results = await runTour(h, {
      outDir,
      onStep: (step, index, total) => write(formatStep(step, index, total)),
    });
    const passed = results.filter((r) => r.ok).length;
    write(
      `${passed} of ${results.length} steps passed. Screenshots, tour.log and tour.json: ${resolve(outDir)}`,
    );
    return passed === results.length;
  } finally {
    await h.close();
  }
}

/** What the welcome tab may ask for (exposed to it as `window.signpostDemo`): one of Signpost's pages. */
async function openForWelcome(h: Harness, what: unknown): Promise<void> {
  const path = what === 'import' ? 'options.html#import' : what === 'options' ? 'options.html' : undefined;
  if (!path) return;
  const page = await h.openPage(`${h.origin}/${path}`);
  await page.bringToFront();
}

/** Seeds the sample accounts and leaves one tab: the welcome page. */
export async function openPlayground(h: Harness): Promise<{ welcome: Page; added: number }> {
  const { added } = await seedSampleAccounts(h);
  await h.closeTabs();
  const [welcome] = await h.browser.pages();
  if (!welcome) throw new Error('Chromium has no tab left for the welcome page.');
  const url = pathToFileURL(WELCOME);
  url.searchParams.set('orgs', SAMPLE_ORGANIZATIONS);
  await welcome.exposeFunction('signpostDemo', (what: unknown) => openForWelcome(h, what));
  await welcome.goto(url.toString(), { waitUntil: 'load' });
  await welcome.bringToFront();
  return { welcome, added };
}

/** Fills the screen with the window; a window manager may refuse, which is fine. */
async function maximise(page: Page): Promise<void> {
  const session = await page.createCDPSession();
  try {
    const { windowId } = await session.send('Browser.getWindowForTarget');
    await session.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'maximized' } });
  } catch {
    // The default window size works too.
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Opens a Chromium window with Signpost and the sample accounts; resolves once the window is closed. */
export async function runWindowed(write: Write): Promise<void> {
  const h = await launchSignpost({ headless: false, handleSignals: false });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  let stop = () => {};
  const stopped = new Promise<void>((done) => {
    stop = done;
  });
  for (const signal of signals) process.once(signal, stop);
  h.browser.once('disconnected', stop);
  try {
    const { welcome, added } = await openPlayground(h);
    await maximise(welcome);
    write(`Chromium ${await h.browser.version()} is open with Signpost and ${added} sample accounts.`);
    write('Every host name in that window resolves to the local replica server; nothing reaches AWS.');
    write('The welcome tab says what to try. Close the window (or press Ctrl+C here) to end.');
    await stopped;
  } finally {
    for (const signal of signals) process.off(signal, stop);
    await h.close();
  }
}
