// The popup and options page in German and Japanese: Chromium started with --lang picks the extension's
// catalogue, the pages show the translated strings (not English, not raw keys), nothing is clipped or
// overlapping in the longer German or the wider Japanese text, and screenshots are saved to look at.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchSignpost } from './harness';
import { layoutProblems } from './layout';
import {
  catalogue,
  openAddFormWithError,
  openImportPreview,
  openOptions,
  openPopup,
  SEED,
  seed,
} from './locale-pages';

describe.each(['de', 'ja'])('Signpost with the browser in %s', (lang) => {
  const strings = catalogue(lang);
  const english = catalogue('en');
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchSignpost({ lang });
    await seed(harness, SEED);
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(async () => {
    await harness.closeTabs();
  });

  it('runs the extension in that catalogue, and the page says which language it is in', async () => {
    const page = await openPopup(harness);
    // chrome.i18n.getUILanguage() names the browser's own language, which stays en-US on a Chromium built
    // without that language's resources (Debian's ships en-US.pak only); the catalogue is what people read.
    const chosen = await page.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser };
      return { lang: document.documentElement.lang, search: chrome.i18n.getMessage('popupSearchLabel') };
    });
    expect(chosen).toEqual({ lang, search: strings.popupSearchLabel!.message });
  });

  it('shows the popup in that language, readable whole', async () => {
    const page = await openPopup(harness);
    const search = await page.waitForSelector(`::-p-aria(${strings.popupSearchLabel!.message})`);
    expect(await search!.evaluate((el) => (el as HTMLInputElement).placeholder)).toBe(
      strings.popupSearchPlaceholder!.message,
    );
    const body = await page.$eval('body', (el) => el.textContent ?? '');
    expect(body).toContain(strings.popupRoot!.message);
    expect(body).not.toContain(english.popupAccountPage!.message);
    await harness.screenshot(page, `locale-${lang}-popup`);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('shows the options page in that language, readable whole', async () => {
    const page = await openOptions(harness);
    expect(await page.title()).toBe(strings.optionsTitle!.message);
    await page.waitForSelector(`::-p-aria(${strings.optionsFilter!.message})`);
    const body = await page.$eval('body', (el) => el.textContent ?? '');
    for (const key of ['optionsTitle', 'optionsFieldAccountId', 'settingsLearn', 'importFile'] as const) {
      expect(body, key).toContain(strings[key]!.message);
    }
    expect(body).not.toContain(english.optionsImportExport!.message);
    await harness.screenshot(page, `locale-${lang}-options`);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it("shows the popup's add form and its error in that language, readable whole", async () => {
    const page = await openAddFormWithError(harness);
    const error = await page.$eval('#add-account-error', (el) => el.textContent);
    expect(error).toBe(strings.popupAddErrorIdLength!.message);
    await harness.screenshot(page, `locale-${lang}-popup-add`);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('shows an import preview in that language, readable whole', async () => {
    const page = await openImportPreview(harness);
    const body = await page.$eval('body', (el) => el.textContent ?? '');
    expect(body).toContain(strings.importRejectedHint!.message);
    await harness.screenshot(page, `locale-${lang}-import-preview`);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('shows the notice on an AWS sign-in page in that language', async () => {
    // A sign-in typed by hand on the replica of an account's IAM page: Signpost learns it and says so.
    harness.server.configure({ stayOnSubmit: true });
    const page = await harness.openPage('https://210987654321.signin.aws.amazon.com/console');
    await page.waitForFunction(() => document.documentElement.dataset.signpost === 'no-match');
    await page.type('#username', 'erin');
    await page.type('#password', 'not-a-real-password');
    await page.keyboard.press('Enter');
    // The notice lives in a closed shadow root: reach its button as a screen reader would.
    await page.waitForSelector(`aria/${strings.pageNoticeUndo!.message}[role="button"]`, { timeout: 10_000 });
    await harness.screenshot(page, `locale-${lang}-signin-notice`);
  });
});
