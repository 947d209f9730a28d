// `npm run bench`: Signpost's performance budgets (docs: product.md, "Performance budgets") measured in real
// headless Chromium with the built extension, through the e2e harness. Prints a table and writes
// bench/results.json and bench/results.md. Every timing is the median of RUNS runs after WARMUP runs.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { KeyInput, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseOrganizations } from '../lib/import/organizations';
import type { AccountDraft } from '../lib/messages';
import type { Account } from '../lib/schema';
import { buildIndex, rank } from '../lib/search';
import { EXTENSION_DIR, type Harness, launchSignpost } from '../tests/e2e/harness';
import { mutant, serveMutant } from '../tests/e2e/mutants';
import { withRetry } from './budgets';
import { organizationsJson, signInDrafts } from './data';
import { FILL_PROBE, FIRST_ROWS_PROBE, KEYSTROKE_PROBE } from './probes';
import { type Row, renderMarkdown } from './report';
import { entrySizes, hasUiFramework, zipSizes } from './sizes';
import { type Summary, summarise } from './stats';

const run = promisify(execFile);
const started = Date.now();
const loadAtStart = loadavg();
const OUT_DIR = resolve(process.env.SIGNPOST_OUT_DIR ?? '.output');
const RUNS = Number(process.env.SIGNPOST_BENCH_RUNS ?? 15);
const WARMUP = 3;
/** The growth line: every popup figure at each size; keystrokes and import where release 2 sets budgets. */
/** `SIGNPOST_BENCH_SIZES=10000` measures only those sizes (of the ones below). */
const ONLY_SIZES = process.env.SIGNPOST_BENCH_SIZES?.split(',').map(Number);
const sized = (sizes: number[]) => sizes.filter((n) => !ONLY_SIZES || ONLY_SIZES.includes(n));
const SIZES = sized([1000, 10_000, 50_000]);
const KEY_SIZES = sized([10_000, 50_000]);
const IMPORT_SIZES = sized([10_000, 50_000]);
const POPUP_VIEWPORT = { width: 400, height: 560 };
/** The late replica renders its form this long after load, then re-mounts it REMOUNT_MS later. */
const LATE_MS = 300;
const REMOUNT_MS = 400;
const BLANK = 'bench-blank.html';
/** Parts to run, comma-separated (sizes, popup, keys, fill, import); all of them by default. */
const PARTS = new Set((process.env.SIGNPOST_BENCH_ONLY ?? 'sizes,popup,keys,fill,import').split(','));
const wants = (part: string) => PARTS.has(part);
const KB = 1024;

let h: Harness;
/** An extension page kept open to send messages from, timed on the page's own clock. */
let control: Page;
const rows: Row[] = [];
const details: Record<string, unknown> = {};
/** Files the bench wrote into the build; removed at the end so the build stays as wxt made it. */
const written: string[] = [];

function writeIntoBuild(name: string, html: string) {
  writeFileSync(join(EXTENSION_DIR, name), html);
  written.push(join(EXTENSION_DIR, name));
}

async function repeat<T>(label: string, times: number, once: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) {
    try {
      out.push(await once(i));
    } catch (error) {
      throw new Error(`${label}, run ${i + 1}: ${(error as Error).message}`);
    }
  }
  return out;
}

/** Warm-up runs (discarded), then RUNS measured ones. */
async function measure<T>(label: string, once: (i: number) => Promise<T>): Promise<T[]> {
  await repeat(`${label} (warm-up)`, WARMUP, once);
  return repeat(label, RUNS, once);
}

interface Timed<T> {
  ms: number;
  reply: { ok: boolean; value?: T; error?: string };
}

/** Sends a runtime message from the control page; `ms` is the round trip on that page's clock. */
async function send<T>(message: unknown, pick = 'value'): Promise<Timed<T>> {
  return control.evaluate(
    async (m, field) => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): unknown } } })
        .chrome;
      const t0 = performance.now();
      const reply = (await chrome.runtime.sendMessage(m)) as Record<string, unknown>;
      const ms = performance.now() - t0;
      return { ms, reply: { ok: reply.ok, error: reply.error, value: field ? reply[field] : undefined } };
    },
    message as never,
    pick,
  ) as Promise<Timed<T>>;
}

async function ok<T>(message: unknown, pick?: string): Promise<Timed<T>> {
  const timed = await send<T>(message, pick);
  if (!timed.reply.ok) throw new Error(`${(message as { type: string }).type}: ${timed.reply.error}`);
  return timed;
}

async function listAccounts(): Promise<Account[]> {
  return (await ok<{ accounts: Account[] }>({ type: 'accounts.list' })).reply.value!.accounts;
}

async function clearAccounts(): Promise<Timed<unknown> | undefined> {
  const keys = (await listAccounts()).map((a) => a.key);
  return keys.length ? ok({ type: 'accounts.delete', keys }, '') : undefined;
}

/** Replaces the store's content with `drafts`, through the extension's import message. */
async function seed(drafts: unknown[]) {
  await clearAccounts();
  await ok({ type: 'accounts.import', accounts: drafts }, '');
}

const countSignIns = (accounts: Account[]) => accounts.reduce((n, a) => n + Math.max(1, a.signIns.length), 0);

function row(
  id: string,
  what: string,
  summary: Summary | undefined,
  unit: Row['unit'],
  extra: Partial<Row> = {},
): Row {
  const r: Row = { id, what, unit, ...(summary ? { summary } : {}), ...extra };
  rows.push(r);
  return r;
}

// ---------------------------------------------------------------------------------------------------------

interface FirstRows {
  rowsAt: number;
  frameAt: number;
  paintedAt: number;
  rows: number;
  /** The list first held every sign-in (aria-setsize = all), and the frame after: every sign-in searchable. */
  allAt?: number;
  allPaintedAt?: number;
  fcp?: number;
  domContentLoaded: number;
  visibility: string;
  messages: { type?: string; sentAt: number; answeredAt?: number }[];
  heapMb?: number;
}

/** Opens `path` of the extension in a fresh tab and reads the first-rows probe (and, given `all`, waits for it). */
async function firstRows(path: string, heap = false, all?: number): Promise<FirstRows> {
  const page = await h.browser.newPage();
  try {
    await page.setViewport(POPUP_VIEWPORT);
    if (all) await page.evaluateOnNewDocument(`window.__benchAll = ${all};`);
    await page.evaluateOnNewDocument(FIRST_ROWS_PROBE);
    await page.goto(`${h.origin}/${path}`, { waitUntil: 'load' });
    const done = all
      ? 'window.__bench && window.__bench.paintedAt !== undefined && window.__bench.allPaintedAt !== undefined'
      : 'window.__bench && window.__bench.paintedAt !== undefined';
    await page.waitForFunction(done, { polling: 20, timeout: 30_000 });
    const result = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { ...window.__bench, fcp: fcp && fcp.startTime, domContentLoaded: nav.domContentLoadedEventEnd,
        visibility: document.visibilityState };
    })()`)) as FirstRows;
    if (heap) {
      const cdp = await page.createCDPSession();
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.detach();
      result.heapMb = ((await page.metrics()).JSHeapUsedSize ?? 0) / 1024 / 1024;
    }
    return result;
  } finally {
    await page.close();
  }
}

/** The popup's rendered DOM with its scripts taken out: the same rows, the same stylesheet, no script. */
async function writeStaticCopy(n: number): Promise<string> {
  const page = await h.browser.newPage();
  try {
    await page.setViewport(POPUP_VIEWPORT);
    await page.goto(`${h.origin}/popup.html`, { waitUntil: 'load' });
    await page.waitForSelector('[role="option"]', { timeout: 20_000 });
    // Two frames, so that the list has measured its height and rendered its final window of rows.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const html = (await page.evaluate('document.documentElement.outerHTML')) as string;
    const stripped = `<!DOCTYPE html>\n${html}`
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
      .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '');
    if (/<script/i.test(stripped)) throw new Error('The static copy still has a script.');
    const name = `bench-static-${n}.html`;
    writeIntoBuild(name, stripped);
    return name;
  } finally {
    await page.close();
  }
}

/** Release-2 budgets of the first rows, as ratios to the static copy (product.md, "Performance budgets"). */
const FIRST_ROWS_BUDGETS: Record<number, { warm: number; cold: number; all?: number }> = {
  10000: { warm: 1.3, cold: 1.5, all: 2 },
  50000: { warm: 1.5, cold: 1.5 },
};

/**
 * The popup with the service worker running (warm) and stopped first (cold, as Chrome stops it after 30 s
 * idle), each until its first rows and until every sign-in is searchable, against the static copy: opened in
 * turn in each run (warm and static alternating which goes first), so drift hits all of them alike.
 */
async function benchFirstRows(n: number) {
  const staticPage = await writeStaticCopy(n);
  const warm: FirstRows[] = [];
  const cold: FirstRows[] = [];
  const statics: FirstRows[] = [];
  await measure(`first rows at ${n}`, async (i) => {
    for (const path of i % 2 ? [staticPage, 'popup.html'] : ['popup.html', staticPage]) {
      if (path === staticPage) statics.push(await firstRows(path, true));
      else warm.push(await firstRows(path, true, n));
    }
    await h.stopWorker();
    cold.push(await firstRows('popup.html', false, n));
  });
  // Only the measured runs (the warm-up pushed too).
  const p = warm.slice(-RUNS);
  const c = cold.slice(-RUNS);
  const s = statics.slice(-RUNS);
  const hidden = [...p, ...c, ...s].filter((r) => r.visibility !== 'visible').length;
  if (hidden) throw new Error(`${hidden} page loads were not visible; rAF timings would be throttled.`);
  const ss = summarise(s.map((r) => r.paintedAt));
  const label = n.toLocaleString('en');
  const budgets = FIRST_ROWS_BUDGETS[n];
  row(`static-${n}`, `Static copy of the same rows (baseline), ${label}`, ss, 'ms');
  const versus = (
    id: string,
    what: string,
    runs: FirstRows[],
    pick: (r: FirstRows) => number,
    budget?: number,
  ) => {
    const summary = summarise(runs.map(pick));
    const paired = summarise(runs.map((r, i) => pick(r) / s[i]!.paintedAt));
    const ratio = summary.median / ss.median;
    row(id, what, summary, 'ms', {
      note: `${ratio.toFixed(2)}× static (p95 ${paired.p95.toFixed(2)}×, min ${paired.min.toFixed(2)}× of per-run ratios)`,
    });
    row(`${id}-ratio`, `…÷ static, ${label}`, undefined, 'x', {
      value: ratio,
      p95: paired.p95,
      min: paired.min,
      ...(budget ? { budget: `≤ ${budget}×`, pass: ratio <= budget } : {}),
    });
  };
  versus(
    `popup-${n}`,
    `Popup opened → first rows painted, ${label} sign-ins, worker running`,
    p,
    (r) => r.paintedAt,
    budgets?.warm,
  );
  versus(
    `popup-cold-${n}`,
    `Popup → first rows, ${label}, service worker stopped first`,
    c,
    (r) => r.paintedAt,
    budgets?.cold,
  );
  versus(
    `searchable-${n}`,
    `Popup opened → every sign-in searchable, ${label}, worker running`,
    p,
    (r) => r.allPaintedAt!,
    budgets?.all,
  );
  versus(
    `searchable-cold-${n}`,
    `Popup → every sign-in searchable, ${label}, worker stopped`,
    c,
    (r) => r.allPaintedAt!,
    budgets?.all,
  );
  const phase = (runs: FirstRows[], get: (r: FirstRows) => number | undefined) => {
    const values = runs.map(get).filter((v): v is number => v !== undefined && Number.isFinite(v));
    return values.length ? summarise(values) : undefined;
  };
  const list = (r: FirstRows) => r.messages.find((m) => m.type === 'accounts.list');
  const phases = (runs: FirstRows[]) => ({
    'navigation → DOMContentLoaded (scripts parsed and run)': phase(runs, (r) => r.domContentLoaded),
    'rows in DOM': phase(runs, (r) => r.rowsAt),
    'rows in DOM → frame painted': phase(runs, (r) => r.paintedAt - r.rowsAt),
    'first rows painted → every sign-in in the list': phase(
      runs,
      (r) => (r.allAt ?? Number.NaN) - r.paintedAt,
    ),
    'runs that asked the worker for accounts.list (no view read)': runs.filter(list).length,
    'first contentful paint': phase(runs, (r) => r.fcp),
  });
  details[`firstRows${n}`] = {
    popupRowsRendered: p[0]?.rows,
    staticRows: s[0]?.rows,
    warmPhases: phases(p),
    coldPhases: phases(c),
    staticPhases: {
      'rows in DOM': summarise(s.map((r) => r.rowsAt)),
      'rows in DOM → frame painted': summarise(s.map((r) => r.paintedAt - r.rowsAt)),
    },
    heapMb: { popup: summarise(p.map((r) => r.heapMb ?? 0)), static: summarise(s.map((r) => r.heapMb ?? 0)) },
  };
  row(
    `heap-${n}`,
    `Popup JS heap after opening, ${label} sign-ins (after GC)`,
    summarise(p.map((r) => r.heapMb!)),
    'MB',
    { note: `static copy: ${summarise(s.map((r) => r.heapMb!)).median.toFixed(1)} MB` },
  );
}

/**
 * What the popup does with the list before its first rows, timed here in Node (same V8): the reply's size,
 * JSON round trip (Chrome passes extension messages as JSON), building the search index and the empty
 * query's ranking.
 */
function dataPath(accounts: Account[]) {
  const time = (f: () => unknown) =>
    summarise(
      Array.from({ length: RUNS }, () => {
        const t0 = performance.now();
        f();
        return performance.now() - t0;
      }),
    );
  const json = JSON.stringify({ ok: true, value: { accounts, problems: [] } });
  const indexes = Array.from({ length: RUNS }, () => buildIndex(accounts));
  let k = 0;
  return {
    accounts: accounts.length,
    replyBytes: json.length,
    'JSON.stringify + JSON.parse of the reply': time(() => JSON.parse(JSON.stringify({ accounts }))),
    'buildIndex (Node)': time(() => buildIndex(accounts)),
    "rank(index, '') on a new index (Node)": time(() => rank(indexes[k++]!, '')),
    "rank(index, 'b'), 5,718 matches (Node)": time(() => rank(indexes[0]!, 'b')),
  };
}

// ---------------------------------------------------------------------------------------------------------

interface Keystroke {
  t0: number;
  inputAt: number;
  domAt?: number;
  frameAt: number;
  paintedAt: number;
  shown: number;
}

interface Query {
  name: string;
  /** Typed (and settled) before the measured key. */
  prefix: string;
  key: KeyInput;
}

const QUERIES: Query[] = [
  { name: 'one character (b)', prefix: '', key: 'b' },
  { name: 'a word (billing)', prefix: 'billin', key: 'g' },
  { name: 'two words (billing prod)', prefix: 'billing pro', key: 'd' },
  { name: 'account ID fragment (3421-79)', prefix: '3421-7', key: '9' },
  { name: 'no match (billing z)', prefix: 'billing ', key: 'z' },
];

const settle = (page: Page) =>
  page.evaluate(
    'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 20))))',
  );

/**
 * Event Timing's view of the same keystrokes: its keydown entry's duration runs from the key to the next
 * frame's presentation (so it also counts compositing and raster, which the probe's mark does not), in
 * 8 ms steps, and it only reports events of 16 ms or more. Absent entries are "under 16 ms".
 */
function eventTiming(samples: Keystroke[], entries: { name: string; startTime: number; duration: number }[]) {
  const durations = samples.map(
    (r) => entries.find((e) => e.name === 'keydown' && Math.abs(e.startTime - r.t0) < 1)?.duration,
  );
  const over = durations.filter((d): d is number => d !== undefined).sort((a, b) => a - b);
  const under = durations.length - over.length;
  const mid = Math.floor(durations.length / 2);
  return {
    keystrokesOf16msOrMore: `${over.length} of ${durations.length}`,
    median: mid < under ? '< 16 ms' : `${over[mid - under]} ms`,
  };
}

/** Types `q.prefix`, lets the page settle, then times the key `q.key` with the keystroke probe. */
async function keystroke(page: Page, q: Query, reset: () => Promise<void>): Promise<Keystroke> {
  await reset();
  if (q.prefix) await page.keyboard.type(q.prefix);
  await settle(page);
  await page.evaluate('window.__key.arm()');
  await page.keyboard.press(q.key);
  await page.waitForFunction('window.__key.result !== undefined', { polling: 10, timeout: 10_000 });
  return (await page.evaluate('window.__key.result')) as Keystroke;
}

async function openForTyping(path: string): Promise<Page> {
  const page = await h.browser.newPage();
  await page.setViewport(POPUP_VIEWPORT);
  await page.goto(`${h.origin}/${path}`, { waitUntil: 'load' });
  await page.waitForSelector('[role="option"]', { timeout: 20_000 });
  await page.bringToFront();
  await page.focus('[role="combobox"]');
  await page.evaluate(KEYSTROKE_PROBE);
  return page;
}

const slowEvents = (page: Page) =>
  page.evaluate('window.__key.slowEvents') as Promise<
    { name: string; startTime: number; duration: number }[]
  >;

/** Release-2 keystroke budgets (median ms) by number of sign-ins. */
const KEY_BUDGETS: Record<number, number> = { 10000: 10, 50000: 16 };

async function benchKeystrokes(accounts: Account[], n: number) {
  const label = n.toLocaleString('en');
  const index = buildIndex(accounts);
  const now = Date.now();
  const expected = new Map(QUERIES.map((q) => [q, rank(index, q.prefix + q.key, now).length]));
  const before = new Map(QUERIES.map((q) => [q, rank(index, q.prefix, now).length]));
  const input = '[role="combobox"]';
  const all: Record<string, unknown> = {};

  // Baseline: the same key in the static copy's search box (no script, nothing re-renders): what one
  // keystroke and one frame cost in this browser by themselves.
  if (!existsSync(join(EXTENSION_DIR, `bench-static-${n}.html`))) await writeStaticCopy(n);
  const still = await openForTyping(`bench-static-${n}.html`);
  try {
    const base = QUERIES[0]!;
    const samples = await measure('keystroke in the static copy', () =>
      keystroke(still, base, () =>
        still.$eval(input, (i) => {
          (i as HTMLInputElement).value = '';
        }),
      ),
    );
    row(
      `key-static-${n}`,
      `Keystroke → frame painted in the static copy, ${label} (no script: the floor)`,
      summarise(samples.map((r) => r.paintedAt - r.t0)),
      'ms',
    );
    all.staticCopy = { eventTiming: eventTiming(samples.slice(-RUNS), await slowEvents(still)) };
  } finally {
    await still.close();
  }

  const page = await openForTyping('popup.html');
  // Typing starts once every sign-in is in the list (the keystroke budget is for the whole list).
  await page.waitForFunction(
    `Number(document.querySelector('[role="option"]')?.getAttribute('aria-setsize')) === ${index.entries.length}`,
    { polling: 20, timeout: 30_000 },
  );
  try {
    for (const q of QUERIES) {
      const clear = async () => {
        // Escape clears the search (on an empty search it would close the popup).
        if (await page.$eval(input, (i) => (i as HTMLInputElement).value !== ''))
          await page.keyboard.press('Escape');
      };
      const samples = (await measure(`keystroke ${q.name}`, () => keystroke(page, q, clear))).slice(-RUNS);
      for (const r of samples) {
        if (r.shown !== expected.get(q))
          throw new Error(
            `"${q.prefix}${q.key}" painted ${r.shown} results; the ranking gives ${expected.get(q)}.`,
          );
      }
      const painted = summarise(samples.map((r) => r.paintedAt - r.t0));
      const budget = KEY_BUDGETS[n];
      row(
        `key-${n}-${q.name}`,
        `Keystroke → list painted, ${label}: ${q.name}, ${before.get(q)} → ${expected.get(q)} results`,
        painted,
        'ms',
        budget ? { budget: `≤ ${budget} ms median`, pass: painted.median <= budget } : {},
      );
      all[q.name] = {
        'keydown → input event': summarise(samples.map((r) => r.inputAt - r.t0)),
        'input event → DOM updated (rank + render)': summarise(
          samples.map((r) => (r.domAt ?? r.frameAt) - r.inputAt),
        ),
        'DOM updated → frame start (waiting for the next frame)': summarise(
          samples.map((r) => r.frameAt - (r.domAt ?? r.frameAt)),
        ),
        'frame start → painted': summarise(samples.map((r) => r.paintedAt - r.frameAt)),
        eventTiming: eventTiming(samples, await slowEvents(page)),
      };
    }
    details[`keystrokes${n}`] = all;
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------------------

interface FillProbe {
  mounts: number[];
  fills: { at: number; mount: number; value: string }[];
  state?: string;
  domContentLoaded: number;
}

/** Routes an IAM sign-in into a fresh tab through route.open and reads the fill probe on the sign-in page. */
async function fillOnce(key: string, userName: string, late: boolean): Promise<FillProbe> {
  const page = await h.browser.newPage();
  try {
    await page.goto(`${h.origin}/${BLANK}`, { waitUntil: 'load' });
    const tabId = (await page.evaluate('(async () => (await chrome.tabs.getCurrent()).id)()')) as number;
    await page.evaluateOnNewDocument(FILL_PROBE);
    const navigated = page.waitForNavigation({ waitUntil: 'load', timeout: 10_000 });
    await ok({ type: 'route.open', key, target: { type: 'iam', userName }, tabId, active: true }, '');
    await navigated;
    const mount = late ? 1 : 0;
    await page.waitForFunction(
      // The verdict is written after the fill and a round trip to the background: wait for both.
      `document.documentElement.dataset.signpost && window.__fill &&
        window.__fill.fills.some((f) => f.mount === ${mount} && f.value === ${JSON.stringify(userName)})`,
      { polling: 20, timeout: 10_000 },
    );
    return (await page.evaluate(`({ ...window.__fill, state: document.documentElement.dataset.signpost,
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd })`)) as FillProbe;
  } finally {
    await page.close();
  }
}

const fillDelay = (probe: FillProbe, mount: number) => {
  const fill = probe.fills.find((f) => f.mount === mount);
  if (!fill || probe.mounts[mount] === undefined) throw new Error(`No fill for mount ${mount}.`);
  return fill.at - probe.mounts[mount]!;
};

async function benchFill(accounts: Account[], storeLabel: string) {
  const account = accounts.find((a) => a.accountId && a.signIns.some((s) => s.type === 'iam'))!;
  const user = account.signIns.find((s) => s.type === 'iam')! as { userName: string };
  // The corpus's "labels only" page (no id, name or autocomplete the variant table knows) is filled by the
  // second detector alone: its row keeps that detector inside the same budget. The probe notes the box when
  // the replica renders it, just before the mutation renames it, so the edit counts against Signpost.
  const secondDetector = mutant('iam-classic', 'labels only');
  const variants = [
    { name: 'classic', late: false, what: 'classic replica' },
    { name: 'late-rendered', late: true, what: 'late-rendered replica' },
    {
      name: 'second-detector',
      late: false,
      what: `classic replica, "${secondDetector.name}" (second detector)`,
    },
    // Rendered late, the form appears after DOMContentLoaded: this row is Signpost's own reaction alone.
    {
      name: 'second-detector-late',
      late: true,
      what: `late-rendered replica, "${secondDetector.name}" (second detector)`,
    },
  ];
  const out: Record<string, unknown> = {};
  for (const v of variants) {
    h.server.reset();
    if (v.late) h.server.configure({ lateMs: LATE_MS, remountMs: REMOUNT_MS });
    if (v.name === 'second-detector') serveMutant(h.server, secondDetector);
    if (v.name === 'second-detector-late')
      serveMutant(h.server, secondDetector, {
        lateMs: LATE_MS,
        remountMs: REMOUNT_MS,
        rendered: '#username',
      });
    const probes = await measure(`fill ${v.name}`, () => fillOnce(account.key, user.userName, v.late));
    if (probes.some((p) => p.state !== 'filled')) throw new Error(`The ${v.name} page was not filled.`);
    const first = summarise(probes.map((p) => fillDelay(p, 0)));
    row(
      `fill-${v.name}-${storeLabel}`,
      `Sign-in field appears → filled, ${v.what} (${storeLabel})`,
      first,
      'ms',
      {
        budget: '≤ 50 ms',
        pass: first.median <= 50,
      },
    );
    if (v.name === 'late-rendered') {
      const again = summarise(probes.map((p) => fillDelay(p, 1)));
      row(
        `refill-${storeLabel}`,
        `…late replica re-mounts its form → filled again (${storeLabel})`,
        again,
        'ms',
        {
          budget: '≤ 50 ms',
          pass: again.median <= 50,
        },
      );
    }
    out[v.name] = {
      'form mounted (page clock)': summarise(probes.map((p) => p.mounts[0]!)),
      'DOMContentLoaded (page clock)': summarise(probes.map((p) => p.domContentLoaded)),
      'DOMContentLoaded → filled': summarise(
        probes.map((p) => p.fills.find((f) => f.mount === 0)!.at - p.domContentLoaded),
      ),
    };
  }
  h.server.reset();
  details[`fill-${storeLabel}`] = out;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * What IndexedDB alone costs for the records that import just wrote: the same 10,000 records put one by one
 * in one transaction into a database with the same schema (key path, two unique indexes), from an extension
 * page, with no validation or merging; and, for comparison, the same records as a single value.
 */
async function benchIndexedDbFloor() {
  await control.evaluate(`(async () => {
    window.__records = (await chrome.runtime.sendMessage({ type: 'accounts.list' })).value.accounts;
  })()`);
  const floor = (oneValue: boolean) =>
    control.evaluate(`(async () => {
      const name = 'bench-floor-' + Math.random();
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => {
          const store = request.result.createObjectStore('accounts', { keyPath: 'key' });
          store.createIndex('byAccountId', ['partition', 'accountId'], { unique: true });
          store.createIndex('byAlias', ['partition', 'alias'], { unique: true });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const t0 = performance.now();
      const tx = db.transaction('accounts', 'readwrite');
      const store = tx.objectStore('accounts');
      if (${oneValue}) store.put({ key: 'all', accounts: window.__records });
      else for (const record of window.__records) store.put(record);
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
      const ms = performance.now() - t0;
      db.close();
      await new Promise((resolve) => { indexedDB.deleteDatabase(name).onsuccess = resolve; });
      return ms;
    })()`) as Promise<number>;
  const each = await repeat('IndexedDB floor', RUNS, () => floor(false));
  const one = await repeat('IndexedDB one value', RUNS, () => floor(true));
  row(
    'idb-floor',
    '…IndexedDB alone: the same 10,000 records, one put each, one transaction',
    summarise(each),
    'ms',
    {
      note: 'no validation, merge or messaging: the floor for one record per account',
    },
  );
  row('idb-one-value', '…IndexedDB alone: the same 10,000 records as one value', summarise(one), 'ms');
}

/** An empty database, as on a fresh install: the worker is stopped, Signpost's database deleted, the worker started. */
async function freshDatabase() {
  await h.stopWorker();
  await control.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('signpost');
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error);
  })`);
  await ok({ type: 'accounts.list' }, '');
}

async function timedImport(): Promise<{ ms: number; added: number; unchanged: number }> {
  const timed = (await control.evaluate(`(async () => {
    const t0 = performance.now();
    const reply = await chrome.runtime.sendMessage({ type: 'accounts.import', accounts: window.__drafts });
    return { ms: performance.now() - t0, reply };
  })()`)) as {
    ms: number;
    reply: { ok: boolean; error?: string; value?: { added: number; unchanged: number } };
  };
  if (!timed.reply.ok) throw new Error(`The import failed: ${timed.reply.error}`);
  return { ms: timed.ms, added: timed.reply.value!.added, unchanged: timed.reply.value!.unchanged };
}

/** Release-2 import budgets (ms, one transaction) by number of accounts. */
const IMPORT_BUDGETS: Record<number, number> = { 10000: 500, 50000: 3000 };

async function benchImport(n: number) {
  const label = n.toLocaleString('en');
  const json = organizationsJson(n);
  const t0 = performance.now();
  const parsed = parseOrganizations(json);
  const parseMs = performance.now() - t0;
  if (parsed.rows.length !== n) throw new Error(`The Organizations file gave ${parsed.rows.length} rows.`);
  const drafts: AccountDraft[] = parsed.rows.map((r) => r.draft);
  await control.evaluate((d) => {
    (globalThis as unknown as { __drafts: unknown }).__drafts = d;
  }, drafts as never);
  const again: number[] = [];
  // Fewer runs at 50,000: each is seconds long, and the spread is small against the budget.
  const runs = n > 10_000 ? Math.min(RUNS, 5) : RUNS;
  const once = async () => {
    await freshDatabase();
    const fresh = await timedImport();
    if (fresh.added !== n) throw new Error(`The import added ${fresh.added} accounts, not ${n}.`);
    const repeat = await timedImport();
    if (repeat.unchanged !== n) throw new Error(`Importing again left ${repeat.unchanged} unchanged.`);
    again.push(repeat.ms);
    return fresh.ms;
  };
  await repeat(`import ${label} accounts (warm-up)`, 1, once);
  const first = await repeat(`import ${label} accounts`, runs, once);
  const s = summarise(first);
  const budget = IMPORT_BUDGETS[n];
  row(
    `import-${n}`,
    `Import ${label} accounts (Organizations JSON) into an empty store → committed`,
    s,
    'ms',
    {
      ...(budget ? { budget: `≤ ${budget} ms, one transaction`, pass: s.median <= budget } : {}),
      note: `accounts.import round trip (the view written in the same transaction); reading the file (parseOrganizations, Node ${process.version}): ${parseMs.toFixed(0)} ms more`,
    },
  );
  if (n === 10_000) await benchIndexedDbFloor();
  row(
    `reimport-${n}`,
    `Import the same file again (${label} unchanged, nothing written)`,
    summarise(again.slice(-runs)),
    'ms',
  );
  details[`import${n}`] = { fileBytes: json.length, parseMs };
}

// ---------------------------------------------------------------------------------------------------------

async function buildExtension() {
  const wxt = resolve('node_modules/.bin/wxt');
  const t0 = performance.now();
  await run(wxt, ['zip'], { env: process.env, maxBuffer: 16 * 1024 * 1024 });
  await run(wxt, ['zip', '-b', 'firefox'], { env: process.env, maxBuffer: 16 * 1024 * 1024 });
  details.buildAndZipMs = performance.now() - t0;
}

function benchSizes() {
  const sizes = entrySizes(EXTENSION_DIR);
  const byName = new Map(sizes.map((s) => [s.entry, s]));
  const content = sizes.find((s) => s.entry.startsWith('content:'))!;
  const popup = byName.get('popup.html')!;
  const kb = (b: number) => `${(b / KB).toFixed(1)} KB`;
  for (const s of sizes) {
    const budget =
      s === content
        ? {
            budget: '≤ 8 KB gz, no UI framework',
            pass:
              s.gzip <= 8 * KB &&
              !hasUiFramework(
                EXTENSION_DIR,
                s.js.map((f) => f.file),
              ),
          }
        : s === popup
          ? { budget: '≤ 40 KB gz (JS + CSS)', pass: s.gzip <= 40 * KB }
          : {};
    row(
      `size-${s.entry}`,
      `Bundle: ${s.entry} (JS + CSS, ${s.js.length + s.css.length} file${s.js.length + s.css.length === 1 ? '' : 's'})`,
      undefined,
      'bytes',
      {
        value: s.gzip,
        raw: s.raw,
        note: `${kb(s.raw)} raw, ${kb(s.gzip)} gzip -9${s.lazy.length ? `; lazy: ${s.lazy.join(', ')}` : ''}`,
        ...budget,
      },
    );
  }
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const zips = zipSizes(OUT_DIR, version);
  for (const z of zips) {
    row(`zip-${z.file}`, `Store zip: ${z.file}`, undefined, 'bytes', { value: z.bytes, note: kb(z.bytes) });
  }
  details.sizes = sizes;
  details.zips = zips;
}

// ---------------------------------------------------------------------------------------------------------

beforeAll(async () => {
  if (!process.env.SIGNPOST_BENCH_NO_BUILD) await buildExtension();
  writeIntoBuild(BLANK, '<!DOCTYPE html><meta charset="utf-8"><title>bench</title>');
  h = await launchSignpost();
  control = await h.browser.newPage();
  await control.goto(`${h.origin}/${BLANK}`, { waitUntil: 'load' });
}, 240_000);

afterAll(async () => {
  await h?.close();
  for (const file of written) rmSync(file, { force: true });
});

/** The size the store holds now (each part seeds what it needs; an import part leaves it unknown). */
let seeded: number | undefined;
let seededAccounts: Account[] = [];

async function seedSize(n: number): Promise<Account[]> {
  if (seeded !== n) {
    await seed(signInDrafts(n));
    seededAccounts = await listAccounts();
    expect(countSignIns(seededAccounts)).toBe(n);
    seeded = n;
  }
  return seededAccounts;
}

it('measures the performance budgets', async () => {
  const part = (name: string, run: () => Promise<void>) =>
    withRetry(rows, name, run, (line) => process.stdout.write(line));
  if (wants('sizes')) await part('sizes', async () => benchSizes());
  for (const n of wants('popup') ? SIZES : []) {
    await part(`popup ${n}`, async () => {
      await seedSize(n);
      await benchFirstRows(n);
    });
    if (n === 10_000) details.popupDataPath = dataPath(await seedSize(n));
  }
  for (const n of wants('keys') ? KEY_SIZES : []) {
    await part(`keys ${n}`, async () => benchKeystrokes(await seedSize(n), n));
  }
  if (wants('fill')) {
    await part('fill', async () => benchFill(await seedSize(10_000), '10,000 sign-ins stored'));
  }
  for (const n of wants('import') ? IMPORT_SIZES : []) {
    seeded = undefined;
    await part(`import ${n}`, () => benchImport(n));
  }

  const version = (await h.browser.version()).replace(/^HeadlessChrome\//, '');
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      chromium: `${version} (headless, --disable-gpu)`,
      node: process.version,
      /** 1-minute load average at the start and the end: other work on the machine skews every figure. */
      loadAverage: { start: loadAtStart[0] ?? 0, end: loadavg()[0] ?? 0 },
    },
    runs: RUNS,
    warmup: WARMUP,
    durationS: (Date.now() - started) / 1000,
    rows,
    details,
  };
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync('bench/results.md', markdown);
  process.stdout.write(`\n${markdown}\n`);
  const missed = rows.filter((r) => r.pass === false);
  if (missed.length)
    process.stdout.write(
      `Budgets missed twice in a row:\n${missed.map((r) => `- ${r.what}: ${r.note ?? ''}`).join('\n')}\n`,
    );
  expect(missed.map((r) => r.id)).toEqual([]);
}, 600_000);
