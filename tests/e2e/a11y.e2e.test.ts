// Accessibility in real Chromium with axe-core: the popup (empty, 10 rows, 10,000 rows, searching, an
// error), the options page (list with settings, editor with validation errors, import preview) and the
// in-page notice, each in light and dark. Serious and critical violations fail the test; the rest are
// printed as a table so they stay visible. Also: the popup's result count reaches screen readers through
// one polite live region, and focus shows on every control reached with Tab.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { build } from 'rolldown';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDraftInput } from '../../lib/messages';
import { type Harness, launchSignpost } from './harness';

const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

interface Finding {
  id: string;
  impact: string;
  help: string;
  nodes: number;
  target: string;
}

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const everyFinding: (Finding & { view: string })[] = [];

let harness: Harness;

beforeAll(async () => {
  harness = await launchSignpost();
});

afterAll(async () => {
  // The non-blocking findings, listed for the reader of the test output (serious/critical already failed).
  // biome-ignore lint/suspicious/noConsole: the brief asks for the minor findings in the test output.
  if (everyFinding.length > 0) console.table(everyFinding);
  // biome-ignore lint/suspicious/noConsole: as above, so a clean run says so.
  else console.log('axe: no violations of any impact in any view.');
  await harness?.close();
});

afterEach(async () => {
  await harness.closeTabs();
});

/** Runs axe on `page` (in the page's own world; CDP evaluation is not bound by the extension's CSP). */
async function axe(page: Page, view: string): Promise<Finding[]> {
  const source = await AXE_SOURCE;
  await page.evaluate(source);
  const findings = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run(o: object): Promise<AxeResults> } }).axe.run;
    interface AxeResults {
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    }
    const { violations } = await run({ resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      target: v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', '),
    }));
  });
  everyFinding.push(...findings.map((f) => ({ view, ...f })));
  return findings;
}

const blocking = (findings: Finding[]) =>
  findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');

async function expectClean(page: Page, view: string) {
  expect(blocking(await axe(page, view)), `${view}: serious or critical axe violations`).toEqual([]);
}

async function inScheme(page: Page, scheme: Scheme) {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
}

const seed = (drafts: AccountDraftInput[]) => harness.seed(drafts);

/** `count` accounts with one IAM user each. */
function accounts(count: number): AccountDraftInput[] {
  return Array.from({ length: count }, (_, i) => ({
    accountId: String(100000000000 + i * 7919).padStart(12, '0'),
    label: `Team ${i % 50} ${['prod', 'staging', 'dev'][i % 3]} ${i}`,
    ...(i % 4 === 0 ? { colour: '#1f77b4' } : {}),
    signIns: [{ type: 'iam' as const, userName: `user-${i % 7}` }],
  }));
}

async function openPopup(scheme: Scheme, before?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await harness.browser.newPage();
  await inScheme(page, scheme);
  await before?.(page);
  await page.setViewport({ width: 400, height: 560 });
  await page.goto(`${harness.origin}/popup.html`, { waitUntil: 'load' });
  await page.waitForSelector('[role="option"], .empty');
  return page;
}

/** The CSS outline or box-shadow drawn on the focused element (empty when focus would be invisible). */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    return outline ? `outline ${style.outlineWidth}` : style.boxShadow === 'none' ? '' : style.boxShadow;
  });

describe('popup', () => {
  it.each(SCHEMES)('no accounts yet (%s)', async (scheme) => {
    await seed([]);
    const page = await openPopup(scheme);
    await expectClean(page, `popup empty ${scheme}`);
  });

  it.each(SCHEMES)('10 rows, then searching (%s)', async (scheme) => {
    await seed(accounts(10));
    const page = await openPopup(scheme);
    expect(await page.$$eval('[role="option"]', (o) => o.length)).toBe(10);
    await expectClean(page, `popup 10 rows ${scheme}`);
    await page.type('[role="combobox"]', 'prod');
    await page.keyboard.press('ArrowDown');
    await expectClean(page, `popup searching ${scheme}`);
    await page.type('[role="combobox"]', 'zzz-nothing');
    await page.waitForSelector('.empty');
    await expectClean(page, `popup no match ${scheme}`);
  });

  it.each(SCHEMES)('a list that failed to load (%s)', async (scheme) => {
    await seed(accounts(3));
    // The popup's own read of the store and the background's answer both fail, before its scripts run.
    const page = await openPopup(scheme, (p) =>
      p
        .evaluateOnNewDocument(() => {
          const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: unknown } } }).chrome
            .runtime;
          runtime.sendMessage = () => Promise.reject(new Error('The background did not answer.'));
          indexedDB.open = () => {
            throw new Error('IndexedDB is unavailable.');
          };
        })
        .then(() => undefined),
    );
    await page.waitForSelector('.empty[role="alert"]');
    await expectClean(page, `popup load error ${scheme}`);
  });

  it('10,000 rows (light and dark)', async () => {
    await seed(accounts(10_000));
    for (const scheme of SCHEMES) {
      const page = await openPopup(scheme);
      await expectClean(page, `popup 10,000 rows ${scheme}`);
      await page.close();
    }
  }, 120_000);

  it('announces the number of results once typing settles, not each keystroke', async () => {
    await seed(accounts(10));
    const page = await openPopup('light');
    // Every change of a live region's text, recorded from now on.
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { __announced: string[] }).__announced = log;
      const regions = [...document.querySelectorAll('[aria-live], [role="status"]')];
      if (regions.length === 0) throw new Error('The popup has no live region.');
      for (const region of regions) {
        new MutationObserver(() => log.push(region.textContent ?? '')).observe(region, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      }
    });
    await page.type('[role="combobox"]', 'prod');
    await page.waitForFunction(() =>
      (window as unknown as { __announced: string[] }).__announced.some((t) => /result/.test(t)),
    );
    const announced = await page.evaluate(() =>
      (window as unknown as { __announced: string[] }).__announced.filter((t) => t !== ''),
    );
    const shown = await page.$$eval('[role="option"]', (o) => o.length);
    expect(announced).toEqual([`${shown} results`]);
  });

  it('every control reached with Tab shows where focus is', async () => {
    await seed(accounts(3));
    const page = await openPopup('dark');
    for (let i = 0; i < 4; i++) {
      const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      expect(await focusRing(page), `focus ring on ${name}`).not.toBe('');
      await page.keyboard.press('Tab');
    }
  });
});

const FIXTURES = resolve('tests/fixtures/import');

async function openOptions(scheme: Scheme): Promise<Page> {
  const page = await harness.openOptions();
  await inScheme(page, scheme);
  await page.setViewport({ width: 1200, height: 900 });
  await page.waitForSelector('.list, .load-error');
  return page;
}

describe('options page', () => {
  beforeAll(async () => {
    await seed(accounts(10));
  });

  it.each(SCHEMES)('list and settings, editor with errors, import preview (%s)', async (scheme) => {
    const page = await openOptions(scheme);
    await expectClean(page, `options list ${scheme}`);
    await page.click('.account button[aria-label^="Edit "]');
    await page.waitForSelector('.editor');
    await page.click('#edit-accountId', { count: 3 });
    await page.keyboard.type('1234');
    await page.keyboard.press('Tab');
    await page.waitForSelector('#edit-accountId[aria-invalid="true"]');
    await expectClean(page, `options editor errors ${scheme}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.editor__discard');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('.editor'));
    const input = await page.$('input[type="file"]');
    await input!.uploadFile(join(FIXTURES, 'accounts.csv'));
    await page.waitForSelector('.preview');
    await expectClean(page, `options import preview ${scheme}`);
  });
});

describe('Identity Center and switch roles', () => {
  beforeAll(async () => {
    await seed([
      ...accounts(3),
      {
        accountId: '444455556666',
        label: 'Shared services',
        signIns: [
          { type: 'sso', startUrl: 'https://mycorp.awsapps.com/start', roleName: 'AdministratorAccess' },
          { type: 'switch', roleName: 'team/Deployer', displayName: 'Team deploy', colour: '#ff7f0e' },
        ],
      },
    ]);
  });

  it.each(SCHEMES)(
    'popup rows, the active one included, and the editor with a role message (%s)',
    async (scheme) => {
      const popup = await openPopup(scheme);
      await popup.type('[role="combobox"]', 'shared');
      await popup.waitForSelector('.row__kind');
      await popup.keyboard.press('ArrowDown');
      await expectClean(popup, `popup role rows ${scheme}`);
      const page = await openOptions(scheme);
      await page.click('.account button[aria-label="Edit Shared services"]');
      await page.waitForSelector('#edit-role-1-colour');
      await page.click('#edit-role-1-colour', { count: 3 });
      await page.keyboard.type('orange');
      await page.keyboard.press('Tab');
      await page.waitForSelector('#edit-role-1-colour[aria-invalid="true"]');
      await expectClean(page, `options roles editor ${scheme}`);
    },
  );
});

describe('in-page notice', () => {
  it.each(SCHEMES)('the learned sign-in notice with Undo (%s)', async (scheme) => {
    // The content script's notice lives in a closed shadow root in an isolated world, where axe cannot
    // reach; the same module, bundled here, runs in a page whose attachShadow opens every root.
    const bundle = await build({
      input: resolve('lib/page/notice.ts'),
      output: { format: 'iife', name: 'SignpostNotice' },
      write: false,
    });
    const page = await harness.openPage('about:blank');
    await inScheme(page, scheme);
    await page.setContent(
      '<!doctype html><html lang="en"><title>AWS sign-in</title><main><h1>Sign in</h1></main>',
    );
    await page.evaluate(() => {
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        return attach.call(this, { ...init, mode: 'open' });
      };
    });
    await page.evaluate(bundle.output[0].code);
    await page.evaluate(() => {
      const { showNotice } = (
        globalThis as unknown as { SignpostNotice: typeof import('../../lib/page/notice') }
      ).SignpostNotice;
      showNotice(document, window, 'Signpost saved erin for 2109-8765-4321.', [
        { label: 'Undo', run: () => 'Removed.' },
        { label: 'Edit', run: () => undefined },
      ]);
    });
    await expectClean(page, `in-page notice ${scheme}`);
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const host = document.querySelector('signpost-notice');
      const focused = host?.shadowRoot?.activeElement;
      if (!focused) return '';
      const style = getComputedStyle(focused);
      return style.outlineStyle === 'none' ? '' : style.outlineStyle;
    });
    expect(ring, 'Undo shows focus').not.toBe('');
  });
});
