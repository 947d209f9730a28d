// A pseudo-locale run: every one of Signpost's strings made 40 % longer (accented, padded with "·" and
// bracketed so a cut end shows), loaded from a copy of the built extension. Translations run longer than
// English (German by about a third), so text that fits only in English shows up here as clipped or
// overlapping before any real translation hits it.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type Harness, launchSignpost } from './harness';
import { layoutProblems } from './layout';
import {
  catalogue,
  LEFT_ALONE,
  openAddFormWithError,
  openImportPreview,
  openOptions,
  openPopup,
  pseudo,
  SEED,
  seed,
} from './locale-pages';

let harness: Harness;
let copy: string;

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'signpost-pseudo-'));
  await cp(EXTENSION_DIR, copy, { recursive: true });
  const english = JSON.parse(await readFile(join(copy, '_locales/en/messages.json'), 'utf8'));
  const longer = Object.fromEntries(
    Object.entries(english as Record<string, { message: string }>).map(([key, { message }]) => [
      key,
      { message: LEFT_ALONE.has(key) ? message : pseudo(message) },
    ]),
  );
  // Every locale folder, so whichever language this machine's Chromium runs in, the pseudo strings show.
  for (const lang of await readdir(join(copy, '_locales'))) {
    await writeFile(join(copy, '_locales', lang, 'messages.json'), JSON.stringify(longer));
  }
  harness = await launchSignpost({ extensionDir: copy, lang: 'en' });
  await seed(harness, SEED);
});

afterAll(async () => {
  await harness?.close();
  if (copy) await rm(copy, { recursive: true, force: true });
});

afterEach(async () => {
  await harness.closeTabs();
});

describe('pseudo()', () => {
  it.each([
    ['Save', '⟦Šávé⟧'],
    ['Saved $1.', '⟦Šávéd $1.··⟧'],
    ['$1 of $2 accounts match', `⟦$1 öf $2 áççöüñtš mátçh${'·'.repeat(8)}⟧`],
  ])('turns %j into %j: 40 percent longer, placeholders kept', (message, expected) => {
    expect(pseudo(message)).toBe(expected);
    expect(pseudo(message).length).toBe(Math.max(Math.ceil(message.length * 1.4), message.length + 2));
  });
});

describe('Signpost with every string 40 % longer', () => {
  const longer = (key: string) => pseudo(catalogue('en')[key]!.message);

  it('shows the popup with nothing clipped or overlapping', async () => {
    const page = await openPopup(harness);
    await page.waitForSelector(`::-p-aria(${longer('popupSearchLabel')})`);
    await harness.screenshot(page, 'pseudo-locale-popup');
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('shows the popup’s no-match hint with nothing clipped or overlapping', async () => {
    const page = await openPopup(harness);
    // Spaces make it no alias either, so the popup offers the search hint rather than Add.
    await page.keyboard.type('no such account');
    await page.waitForFunction(
      (hint) => document.body.textContent?.includes(hint),
      {},
      longer('popupNoMatchHint'),
    );
    await harness.screenshot(page, 'pseudo-locale-popup-no-match');
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('shows the options page and its editor with nothing clipped or overlapping', async () => {
    const page = await openOptions(harness);
    expect(await page.title()).toBe(longer('optionsTitle'));
    await harness.screenshot(page, 'pseudo-locale-options');
    expect(await layoutProblems(page)).toEqual([]);
  });

  it("shows the popup's add form and its error with nothing clipped or overlapping", async () => {
    const page = await openAddFormWithError(harness);
    expect(await page.$eval('#add-account-error', (el) => el.textContent)).toBe(
      longer('popupAddErrorIdLength'),
    );
    await harness.screenshot(page, 'pseudo-locale-popup-add');
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('shows an import preview with nothing clipped or overlapping', async () => {
    const page = await openImportPreview(harness);
    await harness.screenshot(page, 'pseudo-locale-import-preview');
    expect(await layoutProblems(page)).toEqual([]);
  });
});
