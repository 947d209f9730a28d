// The organization's account directory end to end in real Chromium: a policy file in Chromium's Linux
// policy folder (/etc/chromium/policies/managed, written as root as this suite runs) names Signpost's
// e2e extension ID, Chromium hands it to storage.managed, and Signpost imports it as the organization's.
// Each test loads its own copy of the build, so the ID (Chromium's hash of the copy's path) and the policy
// file named after it reach no other extension or Chromium; the file is removed afterwards.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ManagedStatus } from '../../lib/background/managed';
import type { Account } from '../../lib/schema';
import { EXTENSION_DIR, type Harness, launchSignpost } from './harness';

const POLICY_DIR = '/etc/chromium/policies/managed';

const DIRECTORY = JSON.stringify({
  format: 'signpost',
  version: 1,
  accounts: [
    { accountId: '444455556666', label: 'Org shared services', signIns: [{ type: 'iam', userName: 'ops' }] },
    { accountId: '777788889999', label: 'Org audit' },
  ],
});

let harness: Harness | undefined;
let policyFile: string | undefined;
let copy: string | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  if (policyFile) rmSync(policyFile, { force: true });
  if (copy) await rm(copy, { recursive: true, force: true });
});

afterAll(() => {
  if (policyFile) rmSync(policyFile, { force: true });
});

/** The ID Chromium gives an unpacked extension at `dir`: the first 128 bits of SHA-256 of its path, as a-p. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * Launches Signpost with `directory` deployed by policy to its extension ID. The extension is loaded from a
 * copy of its own, so the ID (taken from the path) is this launch's alone: every other Chromium on the
 * machine (other e2e files run alongside) loads the build under another ID and never sees the policy.
 */
async function launchWithPolicy(directory: string): Promise<Harness> {
  copy = await mkdtemp(join(tmpdir(), 'signpost-managed-'));
  await cp(EXTENSION_DIR, copy, { recursive: true });
  const id = unpackedId(copy);
  mkdirSync(POLICY_DIR, { recursive: true });
  policyFile = `${POLICY_DIR}/signpost-e2e-${id}.json`;
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: { directory } } } }));
  harness = await launchSignpost({ extensionDir: copy });
  // The policy names the ID worked out above; a launch under another ID would prove nothing.
  expect(harness.extensionId).toBe(id);
  return harness;
}

/** What the background reported about the policy, once it has applied one. */
async function appliedStatus(h: Harness): Promise<ManagedStatus> {
  let status: ManagedStatus | undefined;
  await expect
    .poll(
      async () => {
        const worker = await h.worker();
        status = await worker.evaluate(async () => {
          type Local = { get(key: string): Promise<Record<string, unknown>> };
          const { chrome } = globalThis as unknown as { chrome: { storage: { local: Local } } };
          return (await chrome.storage.local.get('managedStatus')).managedStatus as ManagedStatus | undefined;
        });
        return Boolean(status && (status.accounts > 0 || status.error));
      },
      { timeout: 20_000, interval: 250 },
    )
    .toBe(true);
  return status!;
}

async function openOptions(h: Harness): Promise<Page> {
  const page = await h.openOptions();
  await page.waitForSelector('.list, .load-error');
  return page;
}

describe('a directory deployed by Chromium policy', () => {
  it('is imported as the organization’s: badged on the options page and refused a delete', async () => {
    const h = await launchWithPolicy(DIRECTORY);
    expect(await appliedStatus(h)).toEqual({ accounts: 2 });
    const page = await openOptions(h);
    await page.waitForFunction(() => document.querySelectorAll('.account').length === 2);
    expect(await page.$eval('.managed-notice', (p) => p.textContent)).toBe(
      "2 accounts come from your organization's directory.",
    );
    const rows = await page.$$eval('.account', (items) =>
      items.map((li) => ({
        badge: li.querySelector('.badge--managed')?.textContent ?? null,
        canDelete: Boolean(li.querySelector('button[aria-label^="Delete "]')),
        canEdit: Boolean(li.querySelector('button[aria-label^="Edit "]')),
      })),
    );
    expect(rows).toEqual([
      { badge: 'Organization', canDelete: false, canEdit: true },
      { badge: 'Organization', canDelete: false, canEdit: true },
    ]);
    // Asked directly, the background still refuses: the rule lives in the store, not only in the page.
    const { value } = await h.sendMessage<{ value: { accounts: Account[] } }>({ type: 'accounts.list' });
    const reply = await h.sendMessage<{ ok: boolean; error?: string }>({
      type: 'accounts.delete',
      keys: [value.accounts[0]!.key],
    });
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/deployed by your organization and cannot be deleted here/);
    expect(
      (await h.sendMessage<{ value: { accounts: Account[] } }>({ type: 'accounts.list' })).value.accounts,
    ).toHaveLength(2);
  }, 90_000);

  it('a broken policy value is shown on the options page and changes nothing', async () => {
    const h = await launchWithPolicy('{"format": "signpost", "accounts": [');
    const status = await appliedStatus(h);
    expect(status.accounts).toBe(0);
    expect(status.error).toMatch(/could not be read, so nothing changed/);
    const page = await openOptions(h);
    const alert = await page.waitForSelector('.managed-notice[role="alert"]');
    expect(await alert!.evaluate((p) => p.textContent)).toBe(status.error);
    const { value } = await h.sendMessage<{ value: { accounts: Account[] } }>({ type: 'accounts.list' });
    expect(value.accounts).toEqual([]);
  }, 90_000);
});
