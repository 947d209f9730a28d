// Promise: no password or MFA code is ever read, written, stored or sent by Signpost.
//
// Level: unit (happy-dom). The content script's real run() drives the e2e replica pages (their own scripts
// running) and talks to the real background (handlers, store, session over fake IndexedDB). Every password and
// MFA box is trapped at the prototype: a read or write of `value`, `defaultValue`, `getAttribute('value')` or a
// FormData of its form is charged to the content script when the first frame outside happy-dom that asked for
// it is in lib/page/. Reads by the page's own scripts (its model reads its password box) are not the
// content script's. The same promise is checked in Chromium in no-secrets-no-network.e2e.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { extract } from '../../lib/page/learn';
import { run } from '../../lib/page/run';
import { background, dump } from '../fakes/background';
import { contentScript } from '../fakes/senders';
import {
  ACCOUNT_URL,
  click,
  enter,
  isUserEvent,
  MAIN_URL,
  type ReplicaName,
  replica,
  replicaState,
  submit,
  type,
  until,
  type Win,
} from '../unit/page/fixtures';

type Message = { type: string; state?: string; routeUsed?: boolean };
/**
 * The request types the background saw, with each decision report (signin.done carrying only `state`, for
 * the popup's line) written as `state:<decision>` so a test sees exactly what was reported.
 */
const reported = (messages: readonly unknown[]) =>
  (messages as Message[]).map((m) =>
    m.type === 'signin.done' && m.state && !m.routeUsed ? `state:${m.state}` : m.type,
  );
const asked = (bg: ReturnType<typeof background>) => reported(bg.log.map((e) => e.message));

const SECRET_BOXES = 'input[type=password], #password, #mfacode, #mfaCode';
const OPTIONS = { waitMs: 2000, settleMs: 0, guard: { pollMs: 10, windowMs: 400 }, isUserEvent };

/** Stack frames that only pass a call along (the DOM library, node itself, this trap). */
const PASS_THROUGH =
  /node_modules[\\/]happy-dom|node:internal|\(node:|no-secrets\.unit\.test|<anonymous>\)?$/;

/** Who asked: the first stack frame that is not the trap, the DOM library or node. */
function asker(stack: string | undefined): 'content script' | 'someone else' {
  const frames = (stack ?? '').split('\n').slice(1);
  const first = frames.find((f) => !PASS_THROUGH.test(f.trim()));
  return first && /[\\/]lib[\\/]page[\\/]/.test(first) ? 'content script' : 'someone else';
}

/**
 * Traps every way to read or write a box's contents on `win`'s prototypes, for boxes matching `selector`.
 * Returns what the content script touched (empty is the promise kept) and a count of all touches.
 */
function trapBoxes(win: Win, selector = SECRET_BOXES) {
  const charged: string[] = [];
  let all = 0;
  const isSecret = (el: unknown) =>
    el instanceof win.HTMLInputElement && win.Element.prototype.matches.call(el, selector);
  const note = (what: string, el: Element) => {
    all++;
    if (asker(new Error().stack) === 'content script') charged.push(`${what} #${el.id}`);
  };
  const proto = win.HTMLInputElement.prototype;
  for (const name of ['value', 'defaultValue'] as const) {
    const d = Object.getOwnPropertyDescriptor(proto, name)!;
    Object.defineProperty(proto, name, {
      ...d,
      get(this: HTMLInputElement) {
        if (isSecret(this)) note(`read ${name} of`, this);
        return d.get!.call(this);
      },
      set(this: HTMLInputElement, v: string) {
        if (isSecret(this)) note(`write ${name} of`, this);
        d.set!.call(this, v);
      },
    });
  }
  const getAttribute = win.Element.prototype.getAttribute;
  win.Element.prototype.getAttribute = function (this: Element, name: string) {
    if (name.toLowerCase() === 'value' && isSecret(this)) note('getAttribute(value) of', this);
    return getAttribute.call(this, name);
  };
  const FormData = win.FormData;
  win.FormData = class extends FormData {
    constructor(form?: HTMLFormElement) {
      const secret = form?.querySelector(selector);
      if (secret) note('FormData with', secret);
      super(form);
    }
  } as typeof FormData;
  return { charged, all: () => all };
}

const passwordOf = (name: string) => `Pw!${name}-correct-horse-${Math.random().toString(36).slice(2)}`;
const $ = (win: Win, selector: string) => win.document.querySelector<HTMLInputElement>(selector)!;
const status = (win: Win) => win.document.documentElement.dataset.signpost;

/** Enter in a box, and the form submission a browser makes of it when the page did not handle the key. */
function pressEnter(win: Win, box: HTMLInputElement) {
  enter(win, box);
  if (!replicaState(win).submitted?.passwordLength && box.form) submit(win, box.form);
}

/** The person types into the password box as a browser delivers it (value set natively, then `input`). */
function typePassword(win: Win, secret: string) {
  type(win, $(win, '#password'), secret);
}

async function seeded() {
  const bg = background();
  const saved = await bg.value<{ account: { key: string } }>({
    type: 'accounts.save',
    account: {
      accountId: '123456789012',
      alias: 'acme-prod',
      label: 'Prod',
      signIns: [
        { type: 'iam', userName: 'alice' },
        { type: 'iam', userName: 'bob' },
        { type: 'root', email: 'owner@example.com' },
      ],
    },
  });
  return { bg, key: saved.account.key };
}

/**
 * Waits until the background has answered every request the content script made. The content script sends
 * its learn from inside the person's submit event, so by the time the test has submitted, every request it
 * will make has arrived; the background writes to IndexedDB before it replies, which on a busy machine takes
 * longer than any fixed pause would allow.
 */
async function answered(bg: ReturnType<typeof background>) {
  await vi.waitFor(() => expect(bg.log.length).toBe(bg.asked.length), { timeout: 5000, interval: 5 });
}

/** After a flow: the content script touched no secret box, and no secret is in a message or in storage. */
async function expectNoSecret(
  bg: ReturnType<typeof background>,
  trap: ReturnType<typeof trapBoxes>,
  secrets: string[],
) {
  expect(trap.charged).toEqual([]);
  const messages = JSON.stringify(bg.log);
  const stored = JSON.stringify(await dump());
  for (const secret of secrets) {
    expect(messages).not.toContain(secret);
    expect(stored).not.toContain(secret);
  }
}

describe('the trap this file relies on', () => {
  it('charges a content-script read to the content script, and a page read to the page', () => {
    const win = replica('iam-classic', ACCOUNT_URL);
    // Pretend the user name box were secret: extract() (lib/page) reads it, so it must be charged.
    const trap = trapBoxes(win, '#username');
    $(win, '#username').dispatchEvent(new win.Event('focus'));
    type(win, $(win, '#username'), 'alice');
    expect(trap.charged).toEqual([]);
    extract(win.document, { partition: 'aws', label: '123456789012', labelKind: 'account' });
    expect(trap.charged).toEqual(['read value of #username']);
  });

  it('sees the page model read the password box it owns (so a silent trap is not a broken one)', async () => {
    const win = replica('iam-classic', ACCOUNT_URL);
    const trap = trapBoxes(win);
    typePassword(win, 'x');
    click(win, $(win, '#signin_button'));
    expect(trap.all()).toBeGreaterThan(0);
    expect(trap.charged).toEqual([]);
  });
});

describe('the content script never reads or writes a password box, and no password is stored or sent', () => {
  it.each(['iam-classic', 'iam-redesigned'] as const)(
    '%s, no route: fills the remembered user, the person types a password and signs in',
    async (name) => {
      const { bg } = await seeded();
      const win = replica(name, ACCOUNT_URL);
      const trap = trapBoxes(win);
      expect(
        await run(
          win.document,
          win,
          bg.sendFrom(() => win.location.href),
          Date.now,
          OPTIONS,
        ),
      ).toBe('filled');
      const secret = passwordOf(name);
      typePassword(win, secret);
      click(win, $(win, '#signin_button'));
      await until(() => replicaState(win).submitted);
      await answered(bg);
      // The page got its password (Signpost did not get in the way), and the background only the user.
      expect(replicaState(win).submitted).toMatchObject({ username: 'alice', passwordLength: secret.length });
      expect(asked(bg)).toEqual(['accounts.save', 'signin.query', 'state:filled', 'signin.learn']);
      await expectNoSecret(bg, trap, [secret]);
    },
  );

  it.each(['iam-classic', 'iam-redesigned'] as const)(
    '%s, routed to a user: fills account and user, the person presses Enter in the password box',
    async (name) => {
      const { bg, key } = await seeded();
      await bg.value({ type: 'route.open', key, target: { type: 'iam', userName: 'bob' }, tabId: 7 });
      const win = replica(name, ACCOUNT_URL);
      const trap = trapBoxes(win);
      expect(
        await run(
          win.document,
          win,
          bg.sendFrom(() => win.location.href),
          Date.now,
          OPTIONS,
        ),
      ).toBe('filled');
      expect($(win, '#username').value).toBe('bob');
      const secret = passwordOf(name);
      typePassword(win, secret);
      pressEnter(win, $(win, '#password'));
      await until(() => replicaState(win).submitted);
      await answered(bg);
      expect(replicaState(win).submitted).toMatchObject({ username: 'bob', passwordLength: secret.length });
      await expectNoSecret(bg, trap, [secret]);
    },
  );

  it.each(['main-classic', 'main-redesigned'] as const)(
    '%s, routed to root: email filled and Next pressed, then the person types the root password',
    async (name) => {
      const { bg, key } = await seeded();
      await bg.value({ type: 'route.open', key, target: { type: 'root' }, tabId: 7 });
      const win = replica(name, MAIN_URL);
      const trap = trapBoxes(win);
      expect(
        await run(
          win.document,
          win,
          bg.sendFrom(() => win.location.href),
          Date.now,
          OPTIONS,
        ),
      ).toBe('filled');
      await until(() => replicaState(win).step === 'password' && win.document.querySelector('#password'));
      const secret = passwordOf(name);
      typePassword(win, secret);
      pressEnter(win, $(win, '#password'));
      await until(() => replicaState(win).submitted?.passwordLength);
      await answered(bg);
      expect(replicaState(win).submitted).toMatchObject({ userType: 'root', passwordLength: secret.length });
      await expectNoSecret(bg, trap, [secret]);
    },
  );

  it.each(['main-classic', 'main-redesigned'] as const)(
    '%s, by hand: the person signs in as root; Signpost learns the email and nothing else',
    async (name) => {
      const bg = background();
      const win = replica(name, MAIN_URL);
      const trap = trapBoxes(win);
      expect(
        await run(
          win.document,
          win,
          bg.sendFrom(() => win.location.href),
          Date.now,
          OPTIONS,
        ),
      ).toBe('no-match');
      const root = await until(() =>
        win.document.querySelector<HTMLInputElement>('#root_user_radio_button, input[value=ROOT]'),
      );
      root!.click();
      await until(() => root!.checked);
      type(win, $(win, '#resolving_input'), 'learned-root@example.com');
      click(win, $(win, '#next_button'));
      await until(() => replicaState(win).step === 'password' && win.document.querySelector('#password'));
      const secret = passwordOf(name);
      typePassword(win, secret);
      pressEnter(win, $(win, '#password'));
      await until(() => replicaState(win).submitted?.passwordLength);
      await until(() => status(win) === 'learned', 5000);
      expect(status(win)).toBe('learned');
      expect(JSON.stringify(await dump())).toContain('learned-root@example.com');
      await expectNoSecret(bg, trap, [secret]);
    },
  );

  it.each([
    ['mfa-iam', 'https://123456789012.signin.aws.amazon.com/mfa', '#mfacode'],
    ['mfa-root', 'https://signin.aws.amazon.com/mfa/root', '#mfaCode'],
  ] as [ReplicaName, string, string][])(
    '%s: the person types a code; Signpost says unsupported-page and touches nothing',
    async (name, url, box) => {
      const { bg } = await seeded();
      const win = replica(name, url);
      const trap = trapBoxes(win);
      expect(
        await run(
          win.document,
          win,
          bg.sendFrom(() => win.location.href),
          Date.now,
          OPTIONS,
        ),
      ).toBe('unsupported-page');
      const code = String(100000 + Math.floor(Math.random() * 899999));
      type(win, $(win, box), code);
      pressEnter(win, $(win, box));
      // The page took the code: any listener of Signpost's on Enter or submit would have sent by now (a
      // request is recorded as it arrives, before the background answers it).
      expect(replicaState(win).submitted).toMatchObject({ codeLength: code.length });
      await expectNoSecret(bg, trap, [code]);
      // On an MFA page it only asks for a pending notice and reports its decision: it learns and fills nothing.
      expect(reported(bg.asked)).toEqual(['accounts.save', 'signin.query', 'state:unsupported-page']);
    },
  );
});

describe('the message a sign-in page may send has no room for a secret', () => {
  it.each<[string, Record<string, string>, Record<string, string>?]>([
    ['in the sign-in', { type: 'iam', account: '123456789012', userName: 'alice', password: 'hunter2' }],
    [
      'next to the sign-in',
      { type: 'iam', account: '123456789012', userName: 'alice' },
      { password: 'hunter2' },
    ],
    ['as an MFA code', { type: 'iam', account: '123456789012', userName: 'alice', mfaCode: '123456' }],
    ['on a root sign-in', { type: 'root', email: 'owner@example.com', password: 'hunter2' }],
  ])('a learn carrying a password %s is refused whole and stores nothing', async (_, signIn, extra = {}) => {
    const bg = background();
    const before = JSON.stringify(await dump());
    const reply = await bg.ask({ type: 'signin.learn', signIn, ...extra }, contentScript(ACCOUNT_URL));
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(await dump())).toBe(before);
  });

  it.each([
    ['signin.query', { type: 'signin.query', account: '123456789012', password: 'hunter2' }],
    ['signin.done', { type: 'signin.done', code: '123456' }],
    ['signin.undo', { type: 'signin.undo', token: 't', password: 'hunter2' }],
  ])('%s with an extra field is refused', async (_, message) => {
    const bg = background();
    const reply = await bg.ask(message, contentScript(ACCOUNT_URL));
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Signpost did not understand/) });
  });
});
