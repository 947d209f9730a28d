// The playground's guided tour, run on a launched harness: seed, search, route to an IAM user and to root,
// learn a sign-in made by hand, import an Organizations file. Each step checks what a person would see and
// leaves a screenshot; `npm run demo -- --headless` and tests/e2e/demo.e2e.test.ts both run it.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Harness, ReplicaState } from '../tests/e2e/harness';
import { currentSignpostState, replicaState, signpostState } from '../tests/e2e/harness';
import { sampleAccounts } from './seed';

export const SAMPLE_ORGANIZATIONS = fileURLToPath(new URL('./sample-organizations.json', import.meta.url));

/** What one step saw. `facts` are the observations the step checked (and the e2e test checks again). */
export interface StepResult {
  name: string;
  title: string;
  ok: boolean;
  /** One sentence: what happened, or why it failed. */
  detail: string;
  facts: Record<string, unknown>;
  screenshots: string[];
  ms: number;
}

export interface TourOptions {
  /** Folder for screenshots, tour.log and tour.json. */
  outDir: string;
  /** Called with each step as it finishes. */
  onStep?: (step: StepResult, index: number, total: number) => void;
  /** Per-step limit. */
  stepTimeoutMs?: number;
}

interface StepContext {
  h: Harness;
  facts: Record<string, unknown>;
  /** Saves `<step>-<name>.png`: the popup down to its last row, a sign-in page at a small window's size, the
   * `element` alone when given, else the viewport. */
  shot(page: Page, name: string, element?: ElementHandle): Promise<void>;
}

interface Step {
  name: string;
  title: string;
  /** Returns the one-sentence outcome; throws (with the reason) when what it sees is wrong. */
  run(context: StepContext): Promise<string>;
}

class StepFailure extends Error {}

/** Throws a step failure with `message` unless `condition` holds. */
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new StepFailure(message);
}

interface ListReply {
  ok: boolean;
  error?: string;
  value?: { accounts: { key: string }[] };
}
interface ImportReply {
  ok: boolean;
  error?: string;
  value?: { added: number; updated: number; unchanged: number };
}

/** Replaces every stored account with the sample accounts, through the extension's own messages. */
export async function seedSampleAccounts(h: Harness): Promise<{ added: number; updated: number }> {
  const list = await h.sendMessage<ListReply>({ type: 'accounts.list' });
  check(list.ok && list.value, `accounts.list failed: ${list.error ?? 'no answer'}`);
  if (list.value.accounts.length > 0) {
    await h.sendMessage({ type: 'accounts.delete', keys: list.value.accounts.map((a) => a.key) });
  }
  const reply = await h.sendMessage<ImportReply>({ type: 'accounts.import', accounts: sampleAccounts() });
  check(reply.ok && reply.value, `accounts.import failed: ${reply.error ?? 'no answer'}`);
  return reply.value;
}

/** The popup page in a tab the size of the toolbar popup, once its rows (or empty state) are painted. */
async function openPopup(h: Harness): Promise<Page> {
  const page = await h.openPopup();
  await page.setViewport({ width: 400, height: 560 });
  await page.waitForSelector('[role="option"], .empty', { timeout: 5000 });
  return page;
}

const optionNames = (page: Page) =>
  page.$$eval('[role="option"]', (options) => options.map((o) => o.getAttribute('aria-label') ?? ''));

/** Types a query into the popup and waits until the list shows only what it matches. */
async function search(page: Page, query: string, expectFirst: RegExp): Promise<string[]> {
  await page.type('[role="combobox"]', query);
  const first = await page
    .waitForFunction(
      (source) =>
        new RegExp(source).test(document.querySelector('[role="option"]')?.getAttribute('aria-label') ?? ''),
      { timeout: 3000 },
      expectFirst.source,
    )
    .then(() => true)
    .catch(() => false);
  const names = await optionNames(page);
  check(first, `searching "${query}" did not list ${expectFirst} first; it listed ${JSON.stringify(names)}`);
  return names;
}

/** The values of the replica's inputs (the password box only as its length, which must stay 0). */
function inputValues(page: Page, ids: string[]) {
  return page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((id) => {
          const input = document.getElementById(id) as HTMLInputElement | null;
          return [id, input ? (input.type === 'password' ? input.value.length : input.value) : null];
        }),
      ),
    ids,
  );
}

/** The text of Signpost's in-page notice. It lives in a closed shadow root, so it is read as the
 * accessibility tree (what a screen reader says) has it. */
async function noticeText(page: Page): Promise<string | null> {
  const host = await page.waitForSelector('signpost-notice', { timeout: 3000 }).catch(() => null);
  if (!host) return null;
  const tree = await page.accessibility.snapshot({ root: host, interestingOnly: false });
  const texts: string[] = [];
  const walk = (node: { role?: string; name?: string; children?: unknown[] } | null | undefined) => {
    if (!node) return;
    if (node.role === 'StaticText' && node.name) texts.push(node.name);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree);
  return texts.join(' ').trim() || null;
}

const STEPS: Step[] = [
  {
    name: 'seed',
    title: 'Seed sample accounts',
    async run({ h, facts, shot }) {
      const { added } = await seedSampleAccounts(h);
      const list = await h.sendMessage<{ value: { accounts: { partition: string }[] } }>({
        type: 'accounts.list',
      });
      const partitions = [...new Set(list.value.accounts.map((a) => a.partition))].sort();
      // What was seeded, as a person sees it: the options page's account list.
      const options = await h.openOptions();
      await options.setViewport({ width: 1000, height: 900 });
      await options.waitForSelector('.account', { timeout: 5000 });
      const shown = await options.$$eval('.account', (rows) => rows.length);
      Object.assign(facts, { added, accounts: list.value.accounts.length, partitions, shown });
      await shot(options, 'seeded', (await options.$('#accounts')) ?? undefined);
      check(added === sampleAccounts().length, `accounts.import added ${added} accounts`);
      check(shown === added, `the options page lists ${shown} accounts, not ${added}`);
      return `accounts.import added ${added} accounts in ${partitions.join(', ')}.`;
    },
  },
  {
    name: 'popup',
    title: 'Open the popup',
    async run({ h, facts, shot }) {
      const page = await openPopup(h);
      const names = await optionNames(page);
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      Object.assign(facts, { focused, rows: names.length, first: names[0] });
      await shot(page, 'popup');
      check(focused === 'Search accounts', `the search box is not focused (focus: ${focused})`);
      check(names.length > 0, 'the popup lists no sign-ins');
      return `${names.length} sign-ins listed, most used first ("${names[0]}"); focus in the search box.`;
    },
  },
  {
    name: 'search',
    title: 'Search "prod ali"',
    async run({ h, facts, shot }) {
      const page = await openPopup(h);
      const total = (await optionNames(page)).length;
      const names = await search(page, 'prod ali', /^Acme production, .*alice$/);
      Object.assign(facts, { results: names });
      await shot(page, 'search');
      return `"prod ali" leaves ${names.length} of ${total} sign-ins, first "${names[0]}".`;
    },
  },
  {
    name: 'route-iam',
    title: 'Route to an IAM user',
    async run({ h, facts, shot }) {
      const page = await openPopup(h);
      await search(page, 'prod ali', /^Acme production, .*alice$/);
      const opened = h.waitForNewTab((url) => url.startsWith('https://123456789012.signin.aws.amazon.com/'));
      await page.keyboard.press('Enter');
      const signIn = await opened;
      const state = await signpostState(signIn, 10_000).catch(() => currentSignpostState(signIn));
      await replicaState(signIn).catch(() => undefined);
      const values = await inputValues(signIn, ['account', 'username', 'password']);
      const focused = await signIn.evaluate(() => document.activeElement?.id ?? null);
      Object.assign(facts, { host: new URL(signIn.url()).host, state, ...values, focused });
      await shot(signIn, 'iam-filled');
      check(state === 'filled', `the IAM sign-in page says data-signpost="${state}", not "filled"`);
      check(values.account === '123456789012', `the account box holds "${values.account}"`);
      check(values.username === 'alice', `the user name box holds "${values.username}"`);
      check(values.password === 0, 'the password box is not empty');
      const cursor = focused === 'password' ? ' and has the cursor' : `; the cursor is in #${focused}`;
      return `Enter opened ${facts.host}/console with account 123456789012 and user alice filled; the password box is empty${cursor}.`;
    },
  },
  {
    name: 'route-root',
    title: 'Route to root',
    async run({ h, facts, shot }) {
      const page = await openPopup(h);
      await search(page, 'me@example', /^Personal sandbox, root, me@example\.com$/);
      // A new tab can be seen before it has a URL (''), which new URL() would throw on.
      const opened = h.waitForNewTab((url) => url.startsWith('https://signin.aws.amazon.com/'), 10_000);
      await page.keyboard.press('Enter');
      const signIn = await opened;
      const state = await signpostState(signIn, 10_000).catch(() => currentSignpostState(signIn));
      const replica = await signIn
        .waitForFunction(() => (window as { __replica?: ReplicaState }).__replica?.step === 'password', {
          timeout: 5000,
        })
        .then(() => signIn.evaluate(() => (window as unknown as { __replica: ReplicaState }).__replica))
        .catch(() => signIn.evaluate(() => (window as { __replica?: ReplicaState }).__replica ?? null));
      const shown = await signIn.evaluate(
        () => document.getElementById('email_display')?.textContent ?? null,
      );
      Object.assign(facts, {
        state,
        step: replica?.step ?? null,
        submitted: replica?.submitted ?? null,
        emailShown: shown,
      });
      await shot(signIn, 'root-password');
      check(state === 'filled', `the main sign-in page says data-signpost="${state}", not "filled"`);
      check(
        replica?.submitted?.userType === 'root' && replica.submitted.identifier === 'me@example.com',
        `the page's Next saw ${JSON.stringify(replica?.submitted)}, not root me@example.com`,
      );
      check(replica.step === 'password', `the page is on step "${replica.step}", not the password step`);
      return 'Enter went through the console to the main sign-in page: Root user chosen, me@example.com filled, Next pressed; the page asks for the password.';
    },
  },
  {
    name: 'learn',
    title: 'Sign in by hand; Signpost learns it',
    async run({ h, facts, shot }) {
      // The replica stays on the page after Sign in, so the notice and data-signpost can be seen.
      const stayOnSubmit = h.server.config.stayOnSubmit;
      h.server.configure({ stayOnSubmit: true });
      try {
        const signIn = await h.openPage('https://acme-research.signin.aws.amazon.com/console');
        await replicaState(signIn);
        const before = await signpostState(signIn).catch(() => currentSignpostState(signIn));
        await signIn.type('#username', 'carol');
        // Only the replica sees this; Signpost never reads the password box.
        await signIn.type('#password', 'not-a-real-password');
        await signIn.click('#signin_button');
        const after = await signIn
          .waitForFunction(() => document.documentElement.dataset.signpost === 'learned', { timeout: 5000 })
          .then(() => 'learned')
          .catch(() => currentSignpostState(signIn));
        const notice = await noticeText(signIn);
        await shot(signIn, 'learned');
        const popup = await openPopup(h);
        const names = await search(popup, 'carol', /^acme-research, carol$/).catch((error: Error) => {
          facts.popupError = error.message;
          return [] as string[];
        });
        Object.assign(facts, { before, after, notice, popup: names[0] ?? null });
        await shot(popup, 'learned-popup');
        check(after === 'learned', `after Sign in the page says data-signpost="${after}", not "learned"`);
        check(names[0] === 'acme-research, carol', `the popup does not list carol: ${facts.popupError}`);
        return `Signed in by hand as carol on acme-research: data-signpost "${before}" → "learned", notice "${notice}"; the popup lists "${names[0]}".`;
      } finally {
        h.server.configure({ stayOnSubmit });
      }
    },
  },
  {
    name: 'import',
    title: 'Import the sample Organizations file',
    async run({ h, facts, shot }) {
      const options = await h.openOptions();
      // Puppeteer's ARIA query does not reach a file input (its name sits on the input's inner button).
      const input = (await options
        .waitForFunction(
          () =>
            [...document.querySelectorAll<HTMLInputElement>('input[type=file]')].find((i) =>
              [...(i.labels ?? [])].some((l) => l.textContent?.trim() === 'Import file'),
            ),
          { timeout: 5000 },
        )
        .catch(() => null)) as ElementHandle<HTMLInputElement> | null;
      check(input, 'the options page has no file input labelled "Import file"');
      await input.evaluate((i) => i.scrollIntoView({ block: 'center' }));
      await input.uploadFile(SAMPLE_ORGANIZATIONS);
      const confirm = await options.waitForSelector('::-p-text(Confirm import)', { timeout: 5000 });
      check(confirm, 'no "Confirm import" button after choosing the file');
      const preview = await options.evaluate(() => document.querySelector('.preview')?.textContent ?? '');
      facts.confirm = await confirm.evaluate((b) => b.textContent?.trim());
      const previewBox = await options.$('.preview');
      await shot(options, 'import-preview', previewBox ?? undefined);
      await confirm.click();
      const done = await options.waitForSelector('::-p-text(Import finished)', { timeout: 5000 });
      check(done, 'no "Import finished" message');
      facts.done = await done.evaluate((e) => e.textContent?.trim());
      facts.rejectedShown = /Old project|600055556666/.test(preview) && /SUSPENDED/i.test(preview);
      // The screenshot is of the import section, which holds the message it is named after.
      const section = await options.$('#import');
      facts.doneInShot = Boolean(await section?.$('.import__done'));
      await shot(options, 'import-done', section ?? undefined);
      const popup = await openPopup(h);
      const names = await search(popup, 'log archive', /^Log archive, 6000-2222-3333, root/);
      facts.popup = names[0];
      await shot(popup, 'import-popup');
      return `${facts.done} The popup finds "${names[0]}".`;
    },
  },
];

export const TOUR_STEPS: readonly Pick<Step, 'name' | 'title'>[] = STEPS.map(({ name, title }) => ({
  name,
  title,
}));

/** Narrow enough that the replica drops its decorative half, as a small window shows the sign-in form. */
const SIGN_IN_VIEWPORT = { width: 560, height: 680 };

/** On the popup page, the part down to its last row, as the toolbar popup (which fits its content) shows. */
async function popupClip(page: Page) {
  if (!page.url().endsWith('/popup.html')) return undefined;
  const bottom = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('[role="option"], .empty, form')].map(
        (e) => e.getBoundingClientRect().bottom,
      ),
      0,
    ),
  );
  const { width, height } = page.viewport() ?? { width: 400, height: 560 };
  return { x: 0, y: 0, width, height: Math.min(height, Math.max(120, Math.ceil(bottom) + 8)) };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepFailure(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** A line of the tour log: `✓ 4/7 route-iam  …  (1.2 s)`. */
export function formatStep(step: StepResult, index: number, total: number): string {
  const mark = step.ok ? '✓' : '✗';
  return `${mark} ${index + 1}/${total} ${step.title}: ${step.detail} (${(step.ms / 1000).toFixed(1)} s)`;
}

/** Runs every step (a failed step does not stop the others), writes tour.log and tour.json to `outDir`. */
export async function runTour(h: Harness, options: TourOptions): Promise<StepResult[]> {
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  // A screenshot left from an earlier run must not pass for this run's.
  for (const name of await readdir(outDir)) {
    if (/^\d\d-[\w-]+\.png$|^tour\.(log|json)$/.test(name)) await rm(join(outDir, name));
  }
  const results: StepResult[] = [];
  for (const [index, step] of STEPS.entries()) {
    const result: StepResult = {
      name: step.name,
      title: step.title,
      ok: false,
      detail: '',
      facts: {},
      screenshots: [],
      ms: 0,
    };
    const number = String(index + 1).padStart(2, '0');
    const context: StepContext = {
      h,
      facts: result.facts,
      async shot(page, name, element) {
        const path = join(outDir, `${number}-${name}.png`);
        if (element) await element.screenshot({ path });
        else {
          if (new URL(page.url()).protocol === 'https:') await page.setViewport(SIGN_IN_VIEWPORT);
          await page.screenshot({ path, clip: await popupClip(page) });
        }
        result.screenshots.push(path);
      },
    };
    const started = performance.now();
    try {
      result.detail = await withTimeout(step.run(context), options.stepTimeoutMs ?? 30_000, step.title);
      result.ok = true;
    } catch (error) {
      result.detail = error instanceof StepFailure ? error.message : `error: ${String(error)}`;
    }
    result.ms = Math.round(performance.now() - started);
    results.push(result);
    options.onStep?.(result, index, STEPS.length);
    await h.closeTabs().catch(() => undefined);
  }
  const log = results.map((r, i) => formatStep(r, i, results.length));
  const passed = results.filter((r) => r.ok).length;
  log.push(`${passed} of ${results.length} steps passed.`);
  await writeFile(join(outDir, 'tour.log'), `${log.join('\n')}\n`);
  await writeFile(join(outDir, 'tour.json'), `${JSON.stringify(results, null, 2)}\n`);
  return results;
}
