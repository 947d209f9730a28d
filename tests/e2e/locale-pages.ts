// What the localisation tests open: a few seeded accounts, the popup at the toolbar popup's size and the
// options page with the editor open, so most of Signpost's own strings are on screen at once.
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { AccountDraftInput } from '../../lib/messages';
import type { Harness } from './harness';

type Catalogue = Record<string, { message: string }>;
export const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

export const SEED: AccountDraftInput[] = [
  {
    accountId: '123456789012',
    alias: 'payments-prod',
    label: 'Payments production',
    colour: '#d62728',
    tags: ['pci', 'prod'],
    signIns: [
      { type: 'iam', userName: 'admin', uses: 5, lastUsed: Date.now() - 86_400_000 },
      { type: 'root', email: 'owner@example.com' },
    ],
  },
  {
    partition: 'aws-us-gov',
    accountId: '333344445555',
    label: 'Gov workloads',
    signIns: [{ type: 'iam', userName: 'operator' }],
  },
  { alias: 'sandbox-team', label: 'Sandbox', tags: ['dev'] },
  {
    accountId: '444455556666',
    label: 'Shared services',
    signIns: [
      {
        type: 'sso',
        startUrl: 'https://mycorp.awsapps.com/start',
        roleName: 'AdministratorAccess',
        uses: 4,
        lastUsed: Date.now() - 86_400_000,
      },
      { type: 'switch', roleName: 'team/Deployer', displayName: 'Team deploy', colour: '#ff7f0e', uses: 3 },
    ],
  },
];

/** Replaces whatever accounts the profile has with `drafts`, through the background as the pages do. */
export async function seed(harness: Harness, drafts: AccountDraftInput[]): Promise<void> {
  const reply = await harness.sendMessage<{ ok: boolean; error?: string }>({
    type: 'accounts.import',
    accounts: drafts,
  });
  expect(reply).toMatchObject({ ok: true });
}

/** The popup at the toolbar popup's size, once its rows are there. */
export async function openPopup(harness: Harness): Promise<Page> {
  const page = await harness.openPopup();
  await page.setViewport({ width: 400, height: 560 });
  await page.waitForSelector('[role="option"]');
  return page;
}

/** The options page with the editor open on a new account, so its field labels are on screen too. */
export async function openOptions(harness: Harness): Promise<Page> {
  const page = await harness.openOptions();
  await page.goto(`${harness.origin}/options.html#new`, { waitUntil: 'load' });
  await page.waitForSelector('.list');
  await page.waitForSelector('form input');
  return page;
}

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'aceinosuyACEINOSUY'].map((c, i) => [c, [...'áçéîñöšüýÁÇÉÎÑÖŠÜÝ'][i]!]),
);
// Values that are not prose: the pages' lang attribute, and manifest fields shown by neither page.
export const LEFT_ALONE = new Set(['htmlLang', 'extName', 'extDescription']);

/** `message` at 1.4× its length: letters accented, `$1`… kept, padded with "·", bracketed. */
export function pseudo(message: string): string {
  const accented = message.replace(/\$[1-9$]|[A-Za-z]/g, (c) => ACCENTED[c] ?? c);
  const padding = Math.max(0, Math.ceil(message.length * 1.4) - message.length - 2);
  return `⟦${accented}${'·'.repeat(padding)}⟧`;
}

/** The popup's add form after saving an account ID three digits short, so its error is on screen too. */
export async function openAddFormWithError(harness: Harness): Promise<Page> {
  const page = await openPopup(harness);
  await page.click('header button');
  await page.waitForSelector('form.add .field__input');
  await page.type('form.add .field__input', '123456789');
  await page.click('form.add button[type="submit"]');
  await page.waitForSelector('#add-account-error');
  return page;
}

// A new account, a change to a seeded one and a row that cannot be imported: every part of the preview.
const PREVIEW_CSV = [
  'account,alias,label,user',
  '123456789012,payments-prod,Payments production,auditor',
  '999988887777,,Data platform,analyst',
  '12345,,Broken row,',
].join('\n');

/** The options page showing the import preview of a pasted CSV file. */
export async function openImportPreview(harness: Harness): Promise<Page> {
  const page = await harness.openOptions();
  await page.waitForSelector('.list');
  await page.click('.import__paste summary');
  await page.type('#import-text', PREVIEW_CSV);
  await page.click('.import__paste button');
  await page.waitForSelector('.preview__list');
  return page;
}
