// The popup in real Chromium: seeded through the background, searched and routed with the keyboard, the
// replica sign-in page filled, the sign-in URL copied, and screenshots of its states for a human to look at.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDraftInput } from '../../lib/messages';
import { contrastOf, type Harness, launchSignpost, replicaState, signpostState } from './harness';

const DAY = 86_400_000;

const SEED: AccountDraftInput[] = [
  {
    accountId: '123456789012',
    alias: 'payments-prod',
    label: 'Payments production',
    colour: '#d62728',
    tags: ['pci', 'prod'],
    signIns: [
      { type: 'iam', userName: 'admin', uses: 12, lastUsed: Date.now() - DAY },
      { type: 'iam', userName: 'deployer', uses: 3, lastUsed: Date.now() - 10 * DAY },
      { type: 'root', email: 'owner@example.com', uses: 1, lastUsed: Date.now() - 80 * DAY },
    ],
  },
  {
    accountId: '210987654321',
    label: 'Data lake',
    colour: '#2ca02c',
    signIns: [{ type: 'iam', userName: 'analyst', uses: 4, lastUsed: Date.now() - 2 * DAY }],
  },
  {
    partition: 'aws-us-gov',
    accountId: '333344445555',
    label: 'Gov workloads',
    signIns: [{ type: 'iam', userName: 'operator' }],
  },
  { alias: 'sandbox-team', label: 'Sandbox', tags: ['dev'] },
];

/** `count` sign-ins over accounts of up to three users each. */
function many(count: number): AccountDraftInput[] {
  const teams = ['payments', 'search', 'identity', 'data', 'platform', 'mobile', 'billing', 'ml'];
  const stages = ['prod', 'staging', 'dev', 'sandbox'];
  const users = ['admin', 'deploy', 'readonly', 'alice', 'bob', 'ci-bot'];
  const drafts: AccountDraftInput[] = [];
  let made = 0;
  for (let i = 0; made < count; i++) {
    const team = teams[i % teams.length]!;
    const stage = stages[Math.floor(i / teams.length) % stages.length]!;
    const n = Math.min(1 + (i % 3), count - made);
    drafts.push({
      accountId: String(100000000000 + i * 7919).padStart(12, '0'),
      label: `${team[0]!.toUpperCase()}${team.slice(1)} ${stage} ${i}`,
      ...(i % 4 === 0 ? { colour: '#1f77b4' } : {}),
      signIns: Array.from({ length: n }, (_, u) => ({
        type: 'iam' as const,
        userName: users[(i + u) % users.length]!,
        uses: (i * 13 + u) % 7,
        lastUsed: Date.now() - (i % 40) * DAY,
      })),
    });
    made += n;
  }
  return drafts;
}

let harness: Harness;

beforeAll(async () => {
  harness = await launchSignpost();
});

afterAll(async () => {
  await harness?.close();
});

afterEach(async () => {
  await harness.closeTabs();
});

const clearAccounts = () => harness.seed([]);
const seed = (drafts: AccountDraftInput[]) => harness.seed(drafts);

/** Opens the popup page in a tab sized like the toolbar popup and waits for its first rows (or empty state). */
async function openPopup(): Promise<Page> {
  const page = await harness.openPopup();
  await page.setViewport({ width: 400, height: 560 });
  await page.waitForSelector('[role="option"], .empty');
  return page;
}

const optionNames = (page: Page) =>
  page.$$eval('[role="option"]', (options) => options.map((o) => o.getAttribute('aria-label')));
const activeName = (page: Page) =>
  page.$eval('[role="combobox"]', (input) => {
    const id = input.getAttribute('aria-activedescendant');
    return id ? document.getElementById(id)?.getAttribute('aria-label') : null;
  });

describe('popup in Chromium', () => {
  beforeAll(async () => {
    await seed(SEED);
  });

  it('opens focused on the search box and lists sign-ins by frecency', async () => {
    const page = await openPopup();
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('Search accounts');
    const names = await optionNames(page);
    expect(names[0]).toBe('Payments production, payments-prod, 1234-5678-9012, admin');
    expect(names).toContain('Sandbox, sandbox-team, account sign-in page');
    expect(names).toHaveLength(6);
  });

  it('types, moves with the arrows and routes with Enter to a filled IAM sign-in page', async () => {
    const page = await openPopup();
    await page.type('[role="combobox"]', 'payments');
    expect(await optionNames(page)).toHaveLength(3);
    await page.keyboard.press('ArrowDown');
    expect(await activeName(page)).toContain('deployer');
    // The popup runs in a tab here, so the route opens a new one (and the popup stays).
    const opened = harness.waitForNewTab((url) =>
      url.startsWith('https://123456789012.signin.aws.amazon.com/'),
    );
    await page.keyboard.press('Enter');
    const signIn = await opened;
    expect(await signpostState(signIn)).toBe('filled');
    await replicaState(signIn);
    const values = await signIn.evaluate(() => ({
      account: document.querySelector<HTMLInputElement>('#account')?.value,
      username: document.querySelector<HTMLInputElement>('#username')?.value,
      password: document.querySelector<HTMLInputElement>('#password')?.value,
    }));
    expect(values).toEqual({ account: '123456789012', username: 'deployer', password: '' });
    expect(page.isClosed()).toBe(false);
  });

  it('finds an account by a dashed ID fragment and routes it with a click', async () => {
    const page = await openPopup();
    await page.type('[role="combobox"]', '2109-87');
    expect(await optionNames(page)).toEqual(['Data lake, 2109-8765-4321, analyst']);
    expect(await page.$eval('[role="option"] .row__id mark', (m) => m.textContent)).toBe('2109-87');
    const opened = harness.waitForNewTab((url) =>
      url.startsWith('https://210987654321.signin.aws.amazon.com/'),
    );
    await page.click('[role="option"]');
    const signIn = await opened;
    expect(await signpostState(signIn)).toBe('filled');
    expect(await signIn.$eval('#username', (i) => (i as HTMLInputElement).value)).toBe('analyst');
  });

  it('copies the account sign-in URL to the clipboard', async () => {
    await harness.browser
      .defaultBrowserContext()
      .overridePermissions(harness.origin, [
        'clipboard-read',
        'clipboard-write',
        'clipboard-sanitized-write',
      ]);
    const page = await openPopup();
    await page.bringToFront();
    await page.type('[role="combobox"]', 'gov');
    await page.click('button[aria-label="Copy the sign-in URL of Gov workloads"]');
    await page.waitForFunction(
      () => document.querySelector('[role="status"]')?.textContent === 'Sign-in URL copied.',
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('https://333344445555.signin.amazonaws-us-gov.com/console');
  });

  it('clears the search with Escape', async () => {
    const page = await openPopup();
    await page.type('[role="combobox"]', 'lake');
    await page.keyboard.press('Escape');
    expect(await page.$eval('[role="combobox"]', (i) => (i as HTMLInputElement).value)).toBe('');
    // Every account is back in the list within a frame or two (Preact renders the new results after the
    // key's task): read it once it has had them, not in the same instant (a CI run under load read 2 of 6).
    await page
      .waitForFunction(() => document.querySelectorAll('[role="option"]').length === 6, { timeout: 5000 })
      .catch(() => undefined);
    expect(await optionNames(page)).toHaveLength(6);
  });

  it('looks right in light and dark themes and with a search (screenshots)', async () => {
    const page = await openPopup();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.keyboard.press('ArrowDown');
    // What the screenshots show, asserted: the system's theme, readable text, the second row active.
    const light = await contrastOf(page, 'body');
    expect(light.background).toBeGreaterThan(0.9);
    expect(light.background - light.text).toBeGreaterThan(0.6);
    expect(await activeName(page)).toBe((await optionNames(page))[1]);
    await harness.screenshot(page, 'popup-light');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = await contrastOf(page, 'body');
    expect(dark.background).toBeLessThan(0.1);
    expect(dark.text - dark.background).toBeGreaterThan(0.6);
    await harness.screenshot(page, 'popup-dark');
    await page.type('[role="combobox"]', 'pay adm');
    await harness.screenshot(page, 'popup-dark-search');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await harness.screenshot(page, 'popup-light-search');
    expect(await optionNames(page)).toEqual(['Payments production, payments-prod, 1234-5678-9012, admin']);
  });
});

describe('popup with Identity Center and switch-role sign-ins', () => {
  const SHORTCUT =
    'https://mycorp.awsapps.com/start/#/console?account_id=444455556666&role_name=AdministratorAccess';
  const SWITCH =
    'https://signin.aws.amazon.com/switchrole?roleName=ops%2FReadOnly&account=444455556666&displayName=Shared+RO';

  beforeAll(async () => {
    await seed([
      {
        accountId: '444455556666',
        label: 'Shared services',
        colour: '#d62728',
        signIns: [
          {
            type: 'sso',
            startUrl: 'https://mycorp.awsapps.com/start',
            roleName: 'AdministratorAccess',
            uses: 6,
            lastUsed: Date.now() - DAY,
          },
          {
            type: 'switch',
            roleName: 'ops/ReadOnly',
            displayName: 'Shared RO',
            colour: '#2ca02c',
            uses: 4,
            lastUsed: Date.now() - DAY,
          },
          { type: 'iam', userName: 'operator', uses: 1, lastUsed: Date.now() - 5 * DAY },
        ],
      },
      ...SEED.slice(0, 2),
    ]);
  });

  it('finds an Identity Center role by name and opens its shortcut link with Enter', async () => {
    const page = await openPopup();
    await page.type('[role="combobox"]', 'administratoraccess');
    expect(await optionNames(page)).toEqual([
      'Shared services, 4444-5555-6666, AdministratorAccess, Identity Center, mycorp.awsapps.com',
    ]);
    // The portal is not a sign-in page Signpost fills: the tab's address is exactly AWS's shortcut link.
    const opened = harness.waitForNewTab((url) => url === SHORTCUT);
    await page.keyboard.press('Enter');
    expect((await opened).url()).toBe(SHORTCUT);
  });

  it('finds a switch role by its display name and opens the switch-role link with Enter', async () => {
    const page = await openPopup();
    await page.type('[role="combobox"]', 'shared ro');
    expect(await activeName(page)).toBe(
      'Shared services, 4444-5555-6666, ops/ReadOnly, switch role, Shared RO',
    );
    const opened = harness.waitForNewTab((url) => url === SWITCH);
    await page.keyboard.press('Enter');
    expect((await opened).url()).toBe(SWITCH);
  });

  it('looks right in light and dark themes with role rows (screenshots)', async () => {
    const page = await openPopup();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const kinds = await page.$$eval('.row__kind', (marks) => marks.map((m) => m.textContent));
      expect(kinds).toEqual(['Identity Center', 'switch role']);
      // The switch role's own colour marks its row.
      const mark = await page.$eval(
        '.row:nth-child(2) .row__mark',
        (m) => getComputedStyle(m).backgroundColor,
      );
      expect(mark).toBe('rgb(44, 160, 44)');
      await harness.screenshot(page, `popup-roles-${scheme}`);
    }
    await page.keyboard.press('ArrowDown');
    await harness.screenshot(page, 'popup-roles-dark-active');
  });
});

describe('popup with no accounts', () => {
  it('explains how accounts get there and offers Import and Add', async () => {
    await clearAccounts();
    const page = await openPopup();
    const text = await page.$eval('.empty', (e) => e.textContent);
    expect(text).toContain('Signpost learns as you sign in');
    await harness.screenshot(page, 'popup-empty');
    const options = harness.waitForNewTab((url) => url.includes('/options.html#import'));
    await page.click('.empty .button--primary');
    await options;
  });

  it('adds an account pasted as a sign-in URL', async () => {
    await clearAccounts();
    const page = await openPopup();
    await page.type('[role="combobox"]', 'https://777788889999.signin.aws.amazon.com/console');
    await page.keyboard.press('Enter');
    await page.waitForSelector('form.add');
    // The account box is filled from the search; focus moves to the user name box once the form is up
    // (an effect after the first paint: wait for it as a person's eyes would).
    await page.waitForFunction(() => {
      const boxes = [...document.querySelectorAll<HTMLInputElement>('form.add input')];
      return boxes.length > 1 && document.activeElement === boxes[1];
    });
    await page.keyboard.type('ops');
    await harness.screenshot(page, 'popup-quick-add');
    await page.click('form.add button[type="submit"]');
    await page.waitForSelector('[role="option"]');
    expect(await optionNames(page)).toEqual(['7777-8888-9999, ops']);
  });
});

describe('popup rows with long names', () => {
  /** The row's alias, ID, email and tags that the browser shows cut short (wider than their box). */
  const cutShort = (page: Page, row: string) =>
    page.$eval(row, (el) =>
      [...el.querySelectorAll<HTMLElement>('.row__alias, .row__id, .row__email, .row__tags')]
        .filter((s) => s.scrollWidth > s.clientWidth + 1)
        .map((s) => s.textContent),
    );

  it('shows the active row whole, where the other rows may end in an ellipsis', async () => {
    const account = {
      accountId: '444455556666',
      alias: 'acme-production-payments-eu',
      label: 'Acme payments',
      tags: ['production', 'payments', 'pci-dss'],
    };
    await seed([
      {
        ...account,
        signIns: [
          { type: 'iam', userName: 'alice', uses: 5, lastUsed: Date.now() },
          {
            type: 'root',
            email: 'aws-payments-production@acme.example',
            uses: 1,
            lastUsed: Date.now() - DAY,
          },
        ],
      },
    ]);
    const page = await openPopup();
    await page.keyboard.press('ArrowDown');
    expect(await activeName(page)).toContain('root');
    const email = await page.$eval('.row--active .row__email', (e) => e.textContent);
    expect(email).toBe('aws-payments-production@acme.example');
    expect(await cutShort(page, '.row--active')).toEqual([]);
    // …and the list makes room for it: its last line is not clipped by the scrolling list.
    const overhang = await page.$eval('.row--active', (row) => {
      const list = row.closest('.results')!.getBoundingClientRect();
      return Math.max(0, row.getBoundingClientRect().bottom - list.bottom);
    });
    expect(overhang).toBe(0);
    // The same account's other row, not active, is cut short: the check above can fail.
    expect(await cutShort(page, '.row:not(.row--active)')).not.toEqual([]);
    await harness.screenshot(page, 'popup-active-row-whole');
  });
});

describe('popup with 10,000 sign-ins', () => {
  beforeAll(async () => {
    await seed(many(10_000));
  }, 120_000);

  it('renders a window of rows and filters on every keystroke', async () => {
    const page = await openPopup();
    // The first screen paints from a short list; the whole list follows within a few frames.
    await page.waitForFunction(
      () => document.querySelector('[role="option"]')?.getAttribute('aria-setsize') === '10000',
    );
    const count = await page.$$eval('[role="option"]', (o) => o.length);
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThan(40);
    await harness.screenshot(page, 'popup-10000');
    await page.type('[role="combobox"]', 'billing prod adm');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[role="option"]')].every((o) =>
        /Billing prod.*admin/.test(o.getAttribute('aria-label') ?? ''),
      ),
    );
    await page.keyboard.press('End');
    const last = await activeName(page);
    expect(last).toMatch(/^Billing prod \d+, .*admin$/);
    await harness.screenshot(page, 'popup-10000-search');
  });

  it('keeps the search box and the active row in view at 200% zoom', async () => {
    const page = await openPopup();
    // 200% zoom: the browser's largest popup window (800 × 600 device pixels) is 400 × 300 CSS pixels.
    await page.setViewport({ width: 400, height: 300, deviceScaleFactor: 2 });
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
    const place = await page.evaluate(() => {
      const input = document.querySelector('[role="combobox"]')!;
      const active = document.getElementById(input.getAttribute('aria-activedescendant')!)!;
      return { search: input.getBoundingClientRect().toJSON(), row: active.getBoundingClientRect().toJSON() };
    });
    expect(place.search.top).toBeGreaterThanOrEqual(0);
    expect(place.row.top).toBeGreaterThanOrEqual(place.search.bottom);
    expect(place.row.bottom).toBeLessThanOrEqual(300);
    await page.screenshot({ path: 'tests/e2e/screenshots/popup-zoom-200.png' });
  });
});
