// The playground (`npm run demo`) in the e2e suite, so it cannot rot unnoticed: the headless tour runs once
// and every step must pass and show what a person would see; the window mode's welcome tab is checked too.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlayground } from '../../demo/run';
import { runTour, SAMPLE_ORGANIZATIONS, type StepResult, TOUR_STEPS } from '../../demo/tour';
import { type Harness, launchSignpost, signpostState } from './harness';

const OUT = 'tests/e2e/screenshots/demo';

let h: Harness;
let results: StepResult[];

beforeAll(async () => {
  h = await launchSignpost();
  results = await runTour(h, { outDir: OUT });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

/** Each step's outcome as a person would check it; written apart from the tour's own checks. */
const EXPECTED: [string, Record<string, unknown>][] = [
  ['seed', { added: 6, accounts: 6, partitions: ['aws', 'aws-cn', 'aws-us-gov'], shown: 6 }],
  [
    'popup',
    { focused: 'Search accounts', rows: 9, first: 'Acme production, acme-prod, 1234-5678-9012, alice' },
  ],
  ['search', { results: ['Acme production, acme-prod, 1234-5678-9012, alice'] }],
  [
    'route-iam',
    {
      host: '123456789012.signin.aws.amazon.com',
      state: 'filled',
      account: '123456789012',
      username: 'alice',
      password: 0,
      focused: 'password',
    },
  ],
  [
    'route-root',
    {
      state: 'filled',
      step: 'password',
      submitted: { userType: 'root', identifier: 'me@example.com' },
      emailShown: 'me@example.com',
    },
  ],
  [
    'learn',
    {
      before: 'no-match',
      after: 'learned',
      notice: expect.stringMatching(/carol.*acme-research.*Undo/),
      popup: 'acme-research, carol',
    },
  ],
  [
    'import',
    {
      confirm: 'Confirm import (4 new, 0 updated)',
      done: 'Import finished: 4 added, 0 updated, 1 unchanged.',
      rejectedShown: true,
      doneInShot: true,
      popup: 'Log archive, 6000-2222-3333, root, aws-log-archive@acme.example',
    },
  ],
];

describe('the headless tour', () => {
  it('runs every step in order', () => {
    expect(results.map((r) => r.name)).toEqual(TOUR_STEPS.map((s) => s.name));
    expect(EXPECTED.map(([name]) => name)).toEqual(TOUR_STEPS.map((s) => s.name));
  });

  it.each(EXPECTED)('%s passes and shows what a person would see', (name, facts) => {
    const step = results.find((r) => r.name === name);
    expect(step?.detail).toBeTruthy();
    expect(step, step?.detail).toMatchObject({ ok: true, facts });
  });

  it('leaves a screenshot of every step, and a log line per step', async () => {
    for (const step of results) expect(step.screenshots.length, step.name).toBeGreaterThan(0);
    const log = (await readFile(`${OUT}/tour.log`, 'utf8')).trim().split('\n');
    expect(log).toHaveLength(results.length + 1);
    expect(log.slice(0, -1).every((line) => line.startsWith('✓ '))).toBe(true);
    expect(log.at(-1)).toBe(`${results.length} of ${results.length} steps passed.`);
  });
});

describe('the playground window', () => {
  it('opens on the welcome tab, which shows the sample file and opens the options page at Import', async () => {
    const { welcome, added } = await openPlayground(h);
    expect(added).toBe(6);
    expect(await h.browser.pages()).toEqual([welcome]);
    expect(await welcome.title()).toBe('Signpost playground');
    expect(await welcome.$eval('#orgs', (e) => e.textContent)).toBe(SAMPLE_ORGANIZATIONS);
    const options = h.waitForNewTab((url) => url === `${h.origin}/options.html#import`);
    await welcome.click('::-p-text(Open the options page)');
    await expect(options).resolves.toBeDefined();
  });

  it("links to a replica sign-in page, where Signpost's content script runs", async () => {
    const { welcome } = await openPlayground(h);
    const href = await welcome.$eval('a[href^="https://"]', (a) => (a as HTMLAnchorElement).href);
    expect(new URL(href).host).toBe('acme-research.signin.aws.amazon.com');
    const signIn = await h.openPage(href);
    expect(await signpostState(signIn)).toBe('no-match');
  });
});
