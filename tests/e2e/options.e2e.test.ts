// The options page in real Chromium: every import format uploaded through "Import file", previewed,
// confirmed and then found in the popup; a broken file that changes nothing; the export download; the
// #account=<key> deep link; screenshots in light and dark; and the 10,000-account import timed.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Settings } from '../../lib/schema';
import { aesrConfig } from '../unit/import/aesr-generate';
import { organizationsFixture } from '../unit/import/organizations-fixture';
import { contrastOf, type Harness, launchSignpost } from './harness';

const FIXTURES = resolve('tests/fixtures/import');

let harness: Harness;
let scratch: string;

beforeAll(async () => {
  harness = await launchSignpost();
  scratch = await mkdtemp(join(tmpdir(), 'signpost-options-'));
});

afterAll(async () => {
  await harness?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

afterEach(async () => {
  await harness.closeTabs();
});

async function list(): Promise<{ accounts: Account[]; settings: Settings }> {
  const reply = await harness.sendMessage<{ ok: true; value: { accounts: Account[]; settings: Settings } }>({
    type: 'accounts.list',
  });
  return reply.value;
}

async function clearAccounts() {
  const { accounts } = await list();
  if (accounts.length > 0) {
    await harness.sendMessage({ type: 'accounts.delete', keys: accounts.map((a) => a.key) });
  }
}

async function openOptions(hash = ''): Promise<Page> {
  const page = await harness.openOptions();
  if (hash) {
    await page.goto(`${harness.origin}/options.html${hash}`, { waitUntil: 'load' });
  }
  await page.waitForSelector('.list, .load-error');
  return page;
}

/**
 * The file input whose accessible name is "Import file". Puppeteer's ARIA selector does not reach file
 * inputs, so this finds it by its label and checks the name Chromium's accessibility tree gives it.
 */
async function importInput(page: Page): Promise<ElementHandle<HTMLInputElement>> {
  await page.waitForSelector('input[type="file"]');
  const handle = await page.evaluateHandle(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[type="file"]')].find(
      (input) => input.labels?.[0]?.textContent === 'Import file',
    ),
  );
  const input = handle.asElement() as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error('No file input labelled "Import file".');
  const node = await page.accessibility.snapshot({ root: input, interestingOnly: false });
  expect(node?.name).toBe('Import file');
  return input;
}

/** Uploads a file through the input named "Import file" and waits for the preview or the failure. */
async function upload(page: Page, path: string) {
  await (await importInput(page)).uploadFile(path);
  await page.waitForSelector('.preview, .import__failed', { timeout: 20_000 });
}

/** The button with this accessible name (headings named alike are skipped). */
async function button(page: Page, name: string) {
  const found = await page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`);
  if (!found) throw new Error(`No button named ${name}`);
  return found;
}

/** Rendered text (innerText: the spaces a reader sees between elements), whitespace collapsed. */
const texts = (page: Page, selector: string) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user reads.
  page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));

async function confirm(page: Page) {
  await page.click('.preview__actions .button--primary');
  await page.waitForSelector('.import__done, .import__failed', { timeout: 20_000 });
}

/** Searches the popup and returns the accessible names of the results. */
async function popupSearch(query: string): Promise<string[]> {
  const popup = await harness.openPopup();
  await popup.setViewport({ width: 400, height: 560 });
  const box = await popup.waitForSelector('::-p-aria(Search accounts)');
  await box!.type(query);
  // The results are those of the whole query once the box holds it and the list is no longer loading.
  await popup.waitForFunction(
    (q) =>
      (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value === q &&
      !document.querySelector('.loading'),
    {},
    query,
  );
  const names = await popup.$$eval('[role="option"]', (options) =>
    options.map((o) => o.getAttribute('aria-label') ?? ''),
  );
  await popup.close();
  return names;
}

describe('import through the options page', () => {
  it.each([
    [
      'organizations.json',
      'Read as: aws organizations list-accounts output.',
      ['4 new', '0 updated', '0 unchanged', '2 rejected'],
      'Production',
      'Production, 2222-2222-2222, root',
    ],
    [
      'aws-config.ini',
      'Read as: AWS CLI config file.',
      ['4 new', '0 updated', '0 unchanged', '3 rejected'],
      'staging',
      'staging, 6666-6666-6666',
    ],
    [
      'accounts.csv',
      'Read as: CSV.',
      ['5 new', '0 updated', '0 unchanged', '2 rejected'],
      'Legacy',
      'Legacy, old, 8888-8888-8888, carol',
    ],
    [
      'signpost-export.json',
      'Read as: Signpost export.',
      ['3 new', '0 updated', '0 unchanged', '1 rejected'],
      'acme-prod',
      'Production, acme-prod, 2222-2222-2222, alice',
    ],
  ])(
    '%s: preview, confirm, then the popup finds the accounts',
    async (file, format, counts, query, expected) => {
      await clearAccounts();
      const page = await openOptions();
      await upload(page, join(FIXTURES, file));
      expect(await texts(page, '.preview__format')).toEqual([format]);
      expect(await texts(page, '.count')).toEqual(counts);
      const rejected = await texts(page, '.preview__item--rejected');
      expect(rejected.length).toBe(Number(counts[3]!.split(' ')[0]));
      for (const row of rejected) expect(row).toMatch(/^Line \d+ \S/);
      expect((await list()).accounts).toEqual([]);

      await confirm(page);
      expect((await texts(page, '.import__done'))[0]).toMatch(/^Import finished: \d+ added/);
      const names = await popupSearch(query);
      expect(names.some((n) => n.startsWith(expected))).toBe(true);
    },
  );

  it('a file that cannot be read changes nothing and says why', async () => {
    await clearAccounts();
    await harness.sendMessage({
      type: 'accounts.import',
      accounts: [
        { accountId: '123456789012', label: 'Keep me', signIns: [{ type: 'iam', userName: 'alice' }] },
      ],
    });
    const before = await list();
    const broken = join(scratch, 'broken.json');
    await writeFile(
      broken,
      '{\n  "format": "signpost",\n  "version": 1,\n  "accounts": [\n    {"key": "x",\n  ]\n}\n',
    );
    const page = await openOptions();
    await upload(page, broken);
    expect(await texts(page, '[role="alert"]')).toEqual([
      'Nothing was imported from broken.json. This file is not valid JSON: the error is on line 6.',
    ]);
    expect(await list()).toEqual(before);
    await harness.screenshot(page, 'options-import-broken');
  });
});

/** Pastes `text` into the box named "File contents" and asks for the preview. */
async function paste(page: Page, text: string) {
  await page.click('.import__paste summary');
  const box = await page.waitForSelector('::-p-aria([name="File contents"][role="textbox"])');
  // Typing 80 KB key by key would time the keyboard; set the value as a paste does and fire `input`.
  await box!.evaluate((el, value) => {
    const area = el as HTMLTextAreaElement;
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await (await button(page, 'Preview pasted text')).click();
  await page.waitForSelector('.preview, .import__failed', { timeout: 30_000 });
}

/** The sign-in names the options list shows for the account labelled `label`. */
const signInsOf = (page: Page, label: string) =>
  page.$$eval(
    '.account',
    (rows, want) => {
      const row = rows.find((r) => r.querySelector('.account__label')?.textContent?.trim() === want);
      return Array.from(row?.querySelectorAll('.signin__name') ?? [], (n) => n.textContent?.trim() ?? '');
    },
    label,
  );

describe('Identity Center and switch-role imports', () => {
  it('~/.aws/config with SSO sessions: preview names the roles, the list shows them after import', async () => {
    await clearAccounts();
    const page = await openOptions();
    await upload(page, join(FIXTURES, 'aws-config-sso.ini'));
    expect(await texts(page, '.preview__format')).toEqual(['Read as: AWS CLI config file.']);
    expect(await texts(page, '.count')).toEqual(['6 new', '0 updated', '0 unchanged', '5 rejected']);
    const rows = await texts(page, '.preview__item');
    expect(rows).toContainEqual(
      expect.stringMatching(
        /^Lines 15, 21 prod-admin .*Identity Center role AdministratorAccess on d-1234567890.*Identity Center role ReadOnlyAccess on d-1234567890/,
      ),
    );
    expect(rows).toContainEqual(expect.stringMatching(/^Line 39 deploy-staging .*switch role ci\/Deploy/));
    expect(rows).toContainEqual(
      expect.stringMatching(/^Line 59 Profile phish: That is not an AWS access portal/),
    );
    await confirm(page);
    await page.waitForFunction(() => document.querySelectorAll('.account').length === 6);
    expect(await signInsOf(page, 'prod-admin')).toEqual([
      'Identity Center AdministratorAccess d-1234567890.awsapps.com',
      'Identity Center ReadOnlyAccess d-1234567890.awsapps.com',
    ]);
    expect(await signInsOf(page, 'deploy-staging')).toEqual(['switch role ci/Deploy']);
    const stored = (await list()).accounts.find((a) => a.accountId === '444455556666');
    expect(stored?.signIns).toMatchObject([
      { type: 'sso', startUrl: 'https://labs-example.awsapps.com/start', roleName: 'PowerUserAccess' },
    ]);
  });

  it('after importing ~/.aws/config, one search and Enter reach an Identity Center role and a role to switch to', async () => {
    await clearAccounts();
    const page = await openOptions();
    await upload(page, join(FIXTURES, 'aws-config-sso.ini'));
    await confirm(page);
    await page.waitForFunction(() => document.querySelectorAll('.account').length === 6);
    await page.close();
    const cases = [
      [
        'billing',
        'https://d-1234567890.awsapps.com/start/#/console?account_id=777788889999&role_name=Billing',
      ],
      ['ci/deploy', 'https://signin.aws.amazon.com/switchrole?roleName=ci%2FDeploy&account=222233334444'],
    ] as const;
    for (const [query, url] of cases) {
      const popup = await harness.openPopup();
      await popup.setViewport({ width: 400, height: 560 });
      const box = await popup.waitForSelector('::-p-aria(Search accounts)');
      await box!.type(query);
      await popup.waitForFunction(
        (q) => (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value === q,
        {},
        query,
      );
      const opened = harness.waitForNewTab((address) => address === url);
      await popup.keyboard.press('Enter');
      expect((await opened).url()).toBe(url);
      await popup.close();
    }
  });

  it('aws-extend-switch-roles text pasted: preview, confirm, roles with their colours', async () => {
    await clearAccounts();
    const page = await openOptions();
    await paste(page, await readFile(join(FIXTURES, 'aesr.ini'), 'utf8'));
    expect(await texts(page, '.preview__format')).toEqual([
      'Read as: AWS Extend Switch Roles configuration.',
    ]);
    expect(await texts(page, '.count')).toEqual(['8 new', '0 updated', '0 unchanged', '4 rejected']);
    expect(await texts(page, '.preview__item')).toContainEqual(
      expect.stringMatching(/^Line 7 anotheraccount .*switch role anotherrole/),
    );
    await confirm(page);
    await page.waitForFunction(() => document.querySelectorAll('.account').length === 8);
    expect(await signInsOf(page, 'marketingadmin')).toEqual([
      'switch role marketingadmin marketingadmin',
      'switch role division/Role1 Org1-Account1-Role1',
      'switch role Role2 Org1-Account1-Role2',
    ]);
    const stored = (await list()).accounts.find((a) => a.accountId === '987654321987');
    expect(stored).toMatchObject({
      region: 'ap-northeast-1',
      signIns: [
        { type: 'switch', roleName: 'anotherrole', displayName: 'anotheraccount', colour: '#bbeeff' },
      ],
    });
  });

  // One import proves what is asserted; the README's medians come from five
  // (`SIGNPOST_E2E_TIMING_RUNS=5 npx vitest run --config vitest.e2e.config.ts tests/e2e/options.e2e.test.ts`).
  it('imports a pasted 1,000-profile aws-extend-switch-roles text (timings reported, not asserted)', async () => {
    const text = aesrConfig(1000);
    const runs = Number(process.env.SIGNPOST_E2E_TIMING_RUNS) || 1;
    const samples: { parsePlan: number; write: number; total: number }[] = [];
    for (let run = 0; run < runs; run++) {
      await clearAccounts();
      const page = await openOptions();
      const t0 = Date.now();
      await paste(page, text);
      expect(await texts(page, '.count')).toEqual(['265 new', '0 updated', '0 unchanged', '0 rejected']);
      await confirm(page);
      const total = Date.now() - t0;
      expect((await texts(page, '.import__done'))[0]).toBe(
        'Import finished: 265 added, 0 updated, 0 unchanged.',
      );
      const [parsePlan, write] = await page.evaluate(
        (...names) => names.map((name) => performance.getEntriesByName(name).at(-1)?.duration ?? Number.NaN),
        'Signpost import: parse and plan',
        'Signpost import: write (one accounts.import message)',
      );
      samples.push({ parsePlan: parsePlan!, write: write!, total });
      await page.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    console.warn(
      `1,000 AESR profiles (${runs} run(s), median): parse + plan ${median(samples.map((s) => s.parsePlan)).toFixed(0)} ms; ` +
        `accounts.import ${median(samples.map((s) => s.write)).toFixed(0)} ms; ` +
        `paste → import finished ${median(samples.map((s) => s.total))} ms`,
    );
    const roles = (await list()).accounts.flatMap((a) => a.signIns);
    expect(roles).toHaveLength(980);
  });
});

describe('the rest of the options page', () => {
  beforeAll(async () => {
    await clearAccounts();
    const page = await openOptions();
    await upload(page, join(FIXTURES, 'signpost-export.json'));
    await confirm(page);
    await upload(page, join(FIXTURES, 'organizations.json'));
    await confirm(page);
    await page.close();
  });

  it('Export downloads signpost-export-<date>.json holding every account', async () => {
    const page = await openOptions();
    const downloads = await mkdtemp(join(scratch, 'downloads-'));
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await (await button(page, 'Export')).click();
    let files: string[] = [];
    for (let i = 0; i < 100 && !files.some((f) => f.endsWith('.json')); i++) {
      await new Promise((r) => setTimeout(r, 100));
      files = await readdir(downloads);
    }
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^signpost-export-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(await readFile(join(downloads, files[0]!), 'utf8'));
    const { accounts, settings } = await list();
    expect(doc).toMatchObject({ format: 'signpost', version: 2, settings });
    expect(doc.accounts).toEqual(accounts);
  });

  it('#account=<key> opens that account in the editor', async () => {
    const { accounts } = await list();
    const prod = accounts.find((a) => a.accountId === '222222222222')!;
    const page = await openOptions(`#account=${encodeURIComponent(prod.key)}`);
    await page.waitForSelector('.editor');
    const label = await page.$eval('#edit-label', (el) => (el as HTMLInputElement).value);
    expect(label).toBe(prod.label);
    const focused = await page.evaluate(() => document.activeElement?.id);
    expect(focused).toBe('edit-accountId');
  });

  it('screenshots: list, editor with a message, and import preview, in light and dark', async () => {
    // Asked before the page opens: the message tab opened later would put the options page in the background.
    const stored = (await list()).accounts.length;
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openOptions();
      await page.setViewport({ width: 1200, height: 900 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // What each screenshot shows, asserted: the theme of the system, the list, the field's message, the preview.
      const { background, text } = await contrastOf(page, 'body');
      expect(scheme === 'dark' ? background < 0.1 : background > 0.9, `${scheme} background`).toBe(true);
      expect(Math.abs(background - text), 'text stands out from the background').toBeGreaterThan(0.6);
      expect(await page.$$eval('.account', (rows) => rows.length)).toBe(stored);
      await harness.screenshot(page, `options-list-${scheme}`);
      await (await button(page, 'Edit Production')).click();
      await page.waitForSelector('.editor');
      await page.click('#edit-accountId', { count: 3 });
      await page.keyboard.type('1234');
      await page.keyboard.press('Tab');
      expect(await messageFor(page, '#edit-accountId')).toBe(
        'An account ID is exactly 12 digits, like 1234-5678-9012.',
      );
      await page.evaluate(() => window.scrollTo(0, 0));
      await harness.screenshot(page, `options-editor-${scheme}`);
      // Escape on a changed form asks first; Enter on the focused "Discard changes" answers it.
      await page.keyboard.press('Escape');
      await page.waitForSelector('.editor__discard');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => !document.querySelector('.editor'));
      await upload(page, join(FIXTURES, 'accounts.csv'));
      expect(await texts(page, '.preview__format')).toEqual(['Read as: CSV.']);
      expect(await texts(page, '.preview__item--rejected')).toHaveLength(2);
      await page.evaluate(() => window.scrollTo(0, 0));
      await harness.screenshot(page, `options-preview-${scheme}`);
      await page.close();
    }
  });
});

/** The message shown for a field: the text of the element its aria-describedby names. */
function messageFor(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => {
    const ids = el.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
    return ids
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ')
      .trim();
  });
}

describe('Identity Center and switch roles in the options page', () => {
  async function seedShared(): Promise<string> {
    await clearAccounts();
    await harness.sendMessage({
      type: 'accounts.import',
      accounts: [
        {
          accountId: '444455556666',
          label: 'Shared services',
          signIns: [
            { type: 'sso', startUrl: 'https://mycorp.awsapps.com/start', roleName: 'AdministratorAccess' },
            { type: 'iam', userName: 'operator' },
          ],
        },
      ],
    });
    return (await list()).accounts[0]!.key;
  }

  it('the editor adds a switch role, the list shows it with its kind, the popup finds it', {
    retry: 1,
  }, async () => {
    const key = await seedShared();
    const page = await openOptions(`#account=${key}`);
    await page.waitForSelector('.editor');
    const add = await button(page, 'Add switch role');
    // The editor scrolls under its sticky Save bar: bring the button clear of it, as a person scrolling would.
    await add.evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await add.click();
    // The new role's first box takes the focus.
    await page.waitForSelector('#edit-role-1-roleName');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-role-1-roleName');
    await page.keyboard.type('/team/Deployer');
    await page.type('#edit-role-1-displayName', 'Team deploy');
    await page.type('#edit-role-1-colour', '#ff7f0e');
    await (await button(page, 'Save')).click();
    // Once in a full CI run the editor stayed open after Save (not reproduced alone): say what it showed.
    await page
      .waitForFunction(() => !document.querySelector('.editor'), { timeout: 15_000 })
      .catch(async () => {
        const shown = await page.$eval('.editor', (editor) => ({
          alerts: [...editor.querySelectorAll('[role="alert"], .field__error')].map((e) => e.textContent),
          values: [...editor.querySelectorAll('input')].map((i) => `${i.id}=${i.value}`),
        }));
        throw new Error(`The editor stayed open after Save: ${JSON.stringify(shown)}`);
      });
    const [shared] = (await list()).accounts;
    expect(shared!.signIns.find((s) => s.type === 'switch')).toEqual({
      type: 'switch',
      roleName: 'team/Deployer',
      displayName: 'Team deploy',
      colour: '#ff7f0e',
      uses: 0,
      lastUsed: 0,
    });
    expect(await texts(page, '.signin__name')).toEqual([
      // The kind is shown in capitals (CSS); the words are apart.
      'IDENTITY CENTER AdministratorAccess mycorp.awsapps.com',
      'operator',
      'SWITCH ROLE team/Deployer Team deploy',
    ]);
    expect(await popupSearch('deployer')).toEqual([
      'Shared services, 4444-5555-6666, team/Deployer, switch role, Team deploy',
    ]);
  });

  it('screenshots: a list and an editor with roles, a role message shown, in light and dark', async () => {
    const key = await seedShared();
    await harness.sendMessage({
      type: 'accounts.save',
      account: {
        key,
        accountId: '444455556666',
        label: 'Shared services',
        signIns: [
          { type: 'sso', startUrl: 'https://mycorp.awsapps.com/start', roleName: 'AdministratorAccess' },
          { type: 'iam', userName: 'operator' },
          { type: 'switch', roleName: 'team/Deployer', displayName: 'Team deploy', colour: '#ff7f0e' },
        ],
      },
    });
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openOptions();
      await page.setViewport({ width: 1200, height: 1000 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await harness.screenshot(page, `options-roles-list-${scheme}`);
      await (await button(page, 'Edit Shared services')).click();
      await page.waitForSelector('.editor');
      await page.click('#edit-role-0-startUrl', { count: 3 });
      await page.keyboard.type('https://mycorp.awsapps.com.evil.test/start');
      await page.keyboard.press('Tab');
      expect(await messageFor(page, '#edit-role-0-startUrl')).toMatch(/^That is not an AWS access portal/);
      await page.$eval('.roles', (el) => el.scrollIntoView({ block: 'start' }));
      await harness.screenshot(page, `options-roles-editor-${scheme}`);
      await page.close();
    }
  });
});

describe('10,000 accounts', () => {
  it('imports an Organizations file of 10,000 accounts (timings reported, not asserted)', async () => {
    await clearAccounts();
    const path = join(scratch, 'org-10000.json');
    await writeFile(path, organizationsFixture(10_000));
    const page = await openOptions();
    const input = await importInput(page);
    const t0 = Date.now();
    await input.uploadFile(path);
    await page.waitForSelector('.preview', { timeout: 30_000 });
    const previewMs = Date.now() - t0;
    expect(await texts(page, '.count')).toEqual(['10,000 new', '0 updated', '0 unchanged', '0 rejected']);
    const t1 = Date.now();
    await confirm(page);
    const importMs = Date.now() - t1;
    expect((await texts(page, '.import__done'))[0]).toBe(
      'Import finished: 10,000 added, 0 updated, 0 unchanged.',
    );
    await page.waitForFunction(
      () => document.querySelector('.list__count')?.textContent === '10,000 accounts',
    );
    // In-page cost of parse + plan alone (the model's User Timing measure), without upload and rendering.
    const [parsePlanMs, writeMs] = await page.evaluate(
      (...names) => names.map((name) => performance.getEntriesByName(name).at(-1)?.duration),
      'Signpost import: parse and plan',
      'Signpost import: write (one accounts.import message)',
    );
    console.warn(
      `10,000 accounts: parse + plan ${parsePlanMs?.toFixed(0)} ms; file chosen → preview ${previewMs} ms; ` +
        `accounts.import round trip ${writeMs?.toFixed(0)} ms; confirm → list shown ${importMs} ms`,
    );
    expect(parsePlanMs).toBeGreaterThan(0);
    expect((await list()).accounts).toHaveLength(10_000);
  });
});
