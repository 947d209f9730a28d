// Ten mutation-corpus variants in real Chromium with the real background: each mutated replica is served under
// the real sign-in host, routed to as the popup does, and gets the outcome the corpus expects — the right fill
// or none — with no value ever landing in a box not meant for it. The unit suite runs all of them in happy-dom.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutant } from '../unit/page/mutations';
import { type Harness, launchSignpost, signpostState } from './harness';
import { judge, mutant, serveMutant } from './mutants';

const ID = '123456789012';
const USER = 'alice';
const EMAIL = 'owner@example.com';

/** Chosen to cover every kind of change the issue names; each name must still be in the corpus. */
const SAMPLE: Mutant[] = [
  mutant('iam-classic', 'ids renamed'),
  mutant('iam-redesigned', 'labels only'),
  mutant('iam-classic', 'aria-label only'),
  mutant('iam-classic', 'labels only, in German'),
  mutant('iam-redesigned', 'labels only, in Japanese'),
  mutant('main-classic', 'radios turned into role=radio buttons'),
  mutant('main-redesigned', 'hidden decoy box with the same name'),
  mutant('iam-redesigned', 'off-screen decoy with the same name and id first'),
  mutant('main-classic', 'honeypot box off-screen'),
  mutant('iam-classic', 'two visible boxes that both look like the user name'),
];

let h: Harness;

const message = <T>(request: { type: string } & Record<string, unknown>) => h.value<T>(request);

beforeAll(async () => {
  h = await launchSignpost();
  // As in the unit corpus: the root route stops at the filled box, so the test can judge it before Next.
  await message({
    type: 'settings.save',
    settings: { learn: 'always', autoNextRoot: false, fillRememberedUser: true },
  });
  await message({
    type: 'accounts.import',
    accounts: [
      { accountId: ID, signIns: [{ type: 'iam', userName: USER }] },
      { alias: 'owner-account', signIns: [{ type: 'root', email: EMAIL }] },
    ],
  });
});

afterAll(async () => {
  await h?.close();
});

/** The server builds a page from its one configuration when the page is asked for: one variant at a time. */
let serving: Promise<unknown> = Promise.resolve();

/**
 * Serves `m` and routes to the IAM user or the root user in a new tab, as the popup does; resolves once the
 * page has been served, so the next variant can be configured. The tabs then wait for Signpost side by side.
 */
function openMutant(m: Mutant, root: boolean): Promise<Page> {
  const opened = serving.then(async () => {
    serveMutant(h.server, m);
    const { accounts } = await message<{ accounts: { key: string; accountId?: string }[] }>({
      type: 'accounts.list',
    });
    const account = accounts.find((a) => (root ? !a.accountId : a.accountId === ID))!;
    const tab = h.waitForNewTab((url) => url.startsWith('https://'));
    await message({
      type: 'route.open',
      key: account.key,
      target: root ? { type: 'root' } : { type: 'iam', userName: USER },
    });
    const page = await tab;
    // The variant's own script ran: this page is the one served for `m`.
    await page.waitForFunction(() => '__mutant' in window, { polling: 'mutation', timeout: 10_000 });
    return page;
  });
  serving = opened.catch(() => undefined);
  return opened;
}

// Side by side: a variant that must not be filled is called no-match only after Signpost's 10 s wait for a
// late form, and the others need not wait behind it.
describe.concurrent('a sample of the mutation corpus in Chromium: the right fill or none, never a wrong one', () => {
  it('samples ten variants, at least one that must not be filled', () => {
    expect(new Set(SAMPLE).size).toBe(10);
    expect(SAMPLE.some((m) => m.outcome === 'no-match')).toBe(true);
  });

  // Concurrent tests check with their own `expect`, so a failure is reported against its own variant.
  it.for(SAMPLE.map((m) => [`${m.replica}: ${m.name} → ${m.outcome}`, m] as const))(
    '%s',
    async ([, m], { expect }) => {
      const root = m.replica.startsWith('main');
      const page = await openMutant(m, root);
      await signpostState(page, 15_000);
      const played = await judge(page, root ? { email: EMAIL } : { account: ID, userName: USER });
      expect(played.stray, 'a value landed in a box not meant for it').toBe(0);
      if (m.outcome === 'fill') expect(played).toMatchObject({ status: 'filled', filled: true });
      else {
        expect(played.filled).toBe(false);
        expect(['no-match', 'unsupported-page']).toContain(played.status);
      }
    },
  );
});
