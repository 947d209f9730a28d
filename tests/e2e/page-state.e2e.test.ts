// The popup's line about the sign-in tab it opens on, in real Chromium: the toolbar action is triggered on that
// tab (so the popup is a real popup with activeTab, as when the person clicks Signpost's icon), the line says
// what Signpost decided there, and only a page it could not fill offers "Copy page report" — a report of the
// form's skeleton without any value, query string or token, copied exactly as shown.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, launchSignpost, signpostState } from './harness';
import { mutant, serveMutant } from './mutants';

const ID = '123456789012';
const IAM_URL = `https://${ID}.signin.aws.amazon.com/console`;
/** Things on the page that must never reach a report. */
const QUERY_MARK = 'query-mark-5f3a';
const TYPED = 'typed-by-hand-91c2';
const PASSWORD = 'correct-horse-battery-8';
const CSRF = 'replica-csrf-token';

let h: Harness;

beforeAll(async () => {
  h = await launchSignpost();
  const reply = await h.sendMessage<{ ok: boolean }>({
    type: 'accounts.import',
    accounts: [{ accountId: ID, signIns: [{ type: 'iam', userName: 'alice' }] }],
  });
  expect(reply).toMatchObject({ ok: true });
  await h.browser
    .defaultBrowserContext()
    .overridePermissions(h.origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
});

afterAll(async () => {
  await h?.close();
});

/** Clicks Signpost's toolbar button on `tab` and returns the popup that opens over it. */
async function popupOn(tab: Page): Promise<Page> {
  await tab.bringToFront();
  const opened = h.browser.waitForTarget((t) => t.url() === `${h.origin}/popup.html`, { timeout: 10_000 });
  await (await h.browser.extensions()).get(h.extensionId)!.triggerAction(tab);
  const popup = (await (await opened).asPage())!;
  await popup.waitForSelector('[role="combobox"]');
  return popup;
}

const line = (popup: Page) =>
  popup
    .waitForSelector('section[aria-label="This sign-in page"] p')
    .then((p) => p!.evaluate((e) => e.textContent));
const copyButtons = (popup: Page) => popup.$$('aria/Copy page report[role="button"]');

/**
 * IAM pages with two boxes that both look like the user name: Signpost must fill neither. They load side by
 * side, so Signpost's 10 s wait for a form it trusts is waited once for all of them.
 */
async function noMatchTabs(count: number): Promise<Page[]> {
  serveMutant(h.server, mutant('iam-classic', 'two visible boxes that both look like the user name'));
  const url = `${IAM_URL}?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com&x=${QUERY_MARK}`;
  const tabs = await Promise.all(Array.from({ length: count }, () => h.openPage(url)));
  for (const tab of tabs) expect(await signpostState(tab, 15_000)).toBe('no-match');
  for (const tab of tabs) {
    // What the person may have typed meanwhile is a value too: none of it may reach the report.
    await tab.bringToFront();
    await tab.type('#user_1', TYPED);
    await tab.type('#password', PASSWORD);
  }
  return tabs;
}

describe('the popup opened on a sign-in tab says what Signpost did there', () => {
  beforeEach(async () => {
    h.server.reset();
    await h.closeTabs();
  });

  it('filled: one line, no report and no Copy page report', async () => {
    const tab = await h.openPage(IAM_URL);
    expect(await signpostState(tab, 10_000)).toBe('filled');
    const popup = await popupOn(tab);
    expect(await line(popup)).toBe('Signpost filled this sign-in page.');
    expect(await copyButtons(popup)).toHaveLength(0);
    expect(await popup.$('.page-state__report')).toBeNull();
  });
});

describe('the popup opened on a sign-in tab Signpost could not fill', () => {
  /** One no-match tab per test below, opened together. */
  let tabs: Page[];

  beforeAll(async () => {
    h.server.reset();
    await h.closeTabs();
    tabs = await noMatchTabs(2);
  });

  afterEach(async () => {
    // The next test's popup must be the one opened over its own tab.
    const popups = h.browser.targets().filter((t) => t.url() === `${h.origin}/popup.html`);
    await Promise.all(popups.map(async (t) => (await t.asPage()).close()));
  });

  it('no match: the line, the report shown before copying, and Copy page report copies exactly it', async () => {
    const popup = await popupOn(tabs[0]!);
    expect(await line(popup)).toBe(
      'Signpost found no box it could fill safely on this page, so it filled nothing.',
    );
    const [copy, ...more] = await copyButtons(popup);
    expect(more).toHaveLength(0);
    const report = await popup.$eval('.page-state__report pre', (pre) => pre.textContent ?? '');
    const lines = report.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ signpost: 'page report', path: '/console', status: 'no-match' });
    // The skeleton a developer needs to write the new variant: the form and both look-alike boxes.
    expect(lines).toContainEqual(expect.objectContaining({ tag: 'form', id: 'signin_form' }));
    expect(lines.filter((l) => l.tag === 'input' && l.name === 'username')).toHaveLength(2);
    for (const secret of [TYPED, PASSWORD, QUERY_MARK, 'console.aws.amazon.com', CSRF])
      expect(report).not.toContain(secret);

    await copy!.click();
    await popup.waitForFunction(
      () =>
        document.querySelector('.page-state [role="status"]')?.textContent ===
        'Copied. Paste it into a bug report.',
    );
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(report);
  });

  it('looks right in light and dark themes, with the report open (screenshots)', async () => {
    const popup = await popupOn(tabs[1]!);
    await popup.waitForSelector('.page-state__report');
    const fits = () =>
      popup.evaluate(() => {
        const section = document.querySelector('.page-state')!;
        return [...section.querySelectorAll('*')].every((el) => el.scrollWidth <= section.clientWidth);
      });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await h.screenshot(popup, `popup-page-no-match-${scheme}`);
    }
    await popup.click('.page-state__report summary');
    await h.screenshot(popup, 'popup-page-no-match-dark-report');
    expect(await fits()).toBe(true);
  });
});
