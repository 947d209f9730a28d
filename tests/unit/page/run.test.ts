import { describe, expect, it } from 'vitest';
import type { SignInAnswer } from '../../../lib/messages';
import { DATALIST_ID, type RunOptions, run } from '../../../lib/page/run';
import {
  ACCOUNT_URL,
  answer,
  click,
  enter,
  FIXTURES,
  fakeSend,
  isUserEvent,
  type LearnReply,
  MAIN_URL,
  notices,
  page,
  REGION_URL,
  replica,
  replicaState,
  SETTINGS,
  sleep,
  type,
  until,
  type Win,
} from './fixtures';

const OPTIONS: RunOptions = { waitMs: 300, settleMs: 0, guard: { pollMs: 10, windowMs: 600 }, isUserEvent };
const start = (win: Win, send: ReturnType<typeof fakeSend>['send'], options: RunOptions = {}) =>
  run(win.document, win, send, Date.now, { ...OPTIONS, ...options });
const status = (win: Win) => win.document.documentElement.dataset.signpost;
const $ = (win: Win, selector: string) => win.document.querySelector<HTMLInputElement>(selector)!;

type Bg = ReturnType<typeof fakeSend>;
/** signin.done messages that mark the tab's route used (a message with only `state` just reports the decision). */
const routeDone = (bg: Bg) => bg.of('signin.done').filter((r) => r.routeUsed || !r.state);
/** What the page asked the background, leaving out the decision reports. */
const asked = (bg: Bg) => bg.requests.filter((r) => r.type !== 'signin.done' || r.routeUsed);

const ROOT_ROUTE = { route: { type: 'root', email: 'owner@example.com' } } as const;
const IAM_ROUTE = { route: { type: 'iam', account: '123456789012', userName: 'alice' } } as const;

describe('guards: nothing at all off the exact sign-in hosts or inside a frame', () => {
  it.each([
    'https://signin.aws.amazon.com.evil.test/signin',
    'https://signin-aws-amazon.com/signin',
    'https://x.signin.aws.amazon.co/console',
    'http://signin.aws.amazon.com/signin',
    'https://a.b.signin.aws.amazon.com/console',
  ])('%s', async (url) => {
    const win = page(url, FIXTURES['iam-classic']);
    const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE) });
    expect(await start(win, bg.send)).toBeUndefined();
    $(win, '#account').value = '123456789012';
    $(win, '#username').value = 'alice';
    click(win, $(win, '#signin_button'));
    expect(bg.requests).toEqual([]);
    expect(status(win)).toBeUndefined();
    expect($(win, '#username').getAttribute('list')).toBeNull();
  });

  it('an AWS sign-in page inside a frame', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    Object.defineProperty(win, 'top', { value: {} });
    const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE) });
    expect(await start(win, bg.send)).toBeUndefined();
    click(win, $(win, '#signin_button'));
    expect([bg.requests, status(win), $(win, '#username').value]).toEqual([[], undefined, '']);
  });
});

describe('unsupported pages say so and fill nothing', () => {
  it.each(['mfa-iam', 'mfa-root'] as const)(
    '%s: unsupported-page, nothing filled even with a route, the question names only the host account',
    async (name) => {
      const win = page(ACCOUNT_URL, FIXTURES[name]);
      const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE) });
      expect(await start(win, bg.send)).toBe('unsupported-page');
      expect(asked(bg)).toEqual([{ type: 'signin.query', account: '123456789012' }]);
      expect(
        [...win.document.querySelectorAll('input')].map((i) => i.getAttribute('value') ?? ''),
      ).not.toContain('alice');
    },
  );

  it('an MFA page shows the Undo notice of the sign-in learned on the page before', async () => {
    const win = page(MAIN_URL, FIXTURES['mfa-iam']);
    const shown = notices(win);
    const bg = fakeSend({ 'signin.query': answer({ notice: { token: 'tok-1', label: 'alice · Prod' } }) });
    expect(await start(win, bg.send)).toBe('unsupported-page');
    expect(shown.text()).toEqual(['Signpost saved alice · Prod']);
  });

  it('a page whose ids changed: unsupported-page after the bounded wait', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic'].replace('id="username"', 'id="user"'));
    const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE) });
    const started = Date.now();
    expect(await start(win, bg.send, { waitMs: 60 })).toBe('unsupported-page');
    expect(Date.now() - started).toBeLessThan(1000);
    // Only the question asked at start; nothing filled, nothing reported done.
    expect([asked(bg), $(win, '#account').value]).toEqual([
      [{ type: 'signin.query', account: '123456789012' }],
      '',
    ]);
  });
});

describe('the background unreachable or confused: no-match, nothing escapes', () => {
  it('send rejects', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const bg = fakeSend({});
    expect(await start(win, bg.send)).toBe('no-match');
    expect($(win, '#username').value).toBe('');
  });

  it('an answer without settings', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const bg = fakeSend({ 'signin.query': () => undefined });
    expect(await start(win, bg.send)).toBe('no-match');
  });

  it('learning while the background is gone does not throw into the page', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const bg = fakeSend({ 'signin.query': answer() });
    await start(win, bg.send);
    type(win, $(win, '#username'), 'alice');
    click(win, $(win, '#signin_button'));
    await bg.settled();
    expect(bg.of('signin.learn')).toHaveLength(1);
    expect(status(win)).toBe('no-match');
  });
});

describe("signin.query asks about the page's own account only", () => {
  // The first question goes out at once and names only the host's account; a page whose host names none
  // asks again with its account box once the form is there.
  it.each([
    ['an account host: its label', ACCOUNT_URL, '', ['123456789012']],
    ['a region host: nothing, then the account box', REGION_URL, 'My-Alias', [undefined, 'my-alias']],
    ['a region host with an empty account box: nothing', REGION_URL, '', [undefined]],
    ['a region host with junk in the account box: nothing', REGION_URL, '12 34', [undefined]],
  ])('%s', async (_, url, box, expected) => {
    const win = page(url, FIXTURES['iam-classic']);
    $(win, '#account').value = box;
    const bg = fakeSend({ 'signin.query': answer() });
    await start(win, bg.send);
    expect(bg.of('signin.query')).toEqual(expected.map((account) => ({ type: 'signin.query', account })));
  });

  it('asks before the form exists, and fills only once the document has loaded', async () => {
    const win = page(ACCOUNT_URL, '<p>loading…</p>');
    Object.defineProperty(win.document, 'readyState', { value: 'loading', configurable: true });
    const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE), 'signin.done': () => ({}) });
    const running = start(win, bg.send, { waitMs: 2000 });
    expect(bg.of('signin.query')).toEqual([{ type: 'signin.query', account: '123456789012' }]);
    win.document.body.innerHTML = FIXTURES['iam-classic'];
    // The answer is in hand and acted on: a fill before DOMContentLoaded would have happened by now.
    await bg.settled();
    expect($(win, '#username').value).toBe('');
    Object.defineProperty(win.document, 'readyState', { value: 'interactive', configurable: true });
    win.dispatchEvent(new win.Event('DOMContentLoaded'));
    expect(await running).toBe('filled');
    expect($(win, '#username').value).toBe('alice');
  });

  it('the main page: no account', async () => {
    const win = page(MAIN_URL, FIXTURES['main-classic']);
    const bg = fakeSend({ 'signin.query': answer() });
    expect(await start(win, bg.send)).toBe('no-match');
    expect(bg.of('signin.query')).toEqual([{ type: 'signin.query', account: undefined }]);
  });
});

describe('root route on the main page', () => {
  it.each(['main-classic', 'main-redesigned'] as const)(
    '%s replica: Root chosen, email filled, Next pressed, the page goes on to the password',
    async (name) => {
      const win = replica(name, MAIN_URL);
      const bg = fakeSend({ 'signin.query': answer(ROOT_ROUTE), 'signin.done': () => ({}) });
      expect(await start(win, bg.send)).toBe('filled');
      expect(replicaState(win).submitted).toEqual({ userType: 'root', identifier: 'owner@example.com' });
      expect(replicaState(win).step).toBe('password');
      expect(bg.requests.map((r) => r.type)).toEqual(['signin.query', 'signin.done']);
      // Signpost's own Next is not a sign-in to learn.
      expect(bg.of('signin.learn')).toEqual([]);
    },
  );

  it('with autoNextRoot off: filled, Next left to the person, kept through a re-mount', async () => {
    const win = page(MAIN_URL, FIXTURES['main-classic']);
    let nexts = 0;
    $(win, '#identify_form').addEventListener('submit', (e) => {
      e.preventDefault();
      nexts++;
    });
    const bg = fakeSend({
      'signin.query': answer({ ...ROOT_ROUTE, settings: { ...SETTINGS, autoNextRoot: false } }),
      'signin.done': () => ({}),
    });
    expect(await start(win, bg.send)).toBe('filled');
    expect([$(win, '#root_user_radio_button').checked, $(win, '#resolving_input').value, nexts]).toEqual([
      true,
      'owner@example.com',
      0,
    ]);
    expect(routeDone(bg)).toHaveLength(1);
    win.document.body.innerHTML = FIXTURES['main-classic'];
    expect(await until(() => $(win, '#resolving_input').value === 'owner@example.com')).toBe(true);
    expect($(win, '#root_user_radio_button').checked).toBe(true);
  });

  it.each([
    ['GovCloud (no root sign-in)', 'https://signin.amazonaws-us-gov.com/signin', 'owner@example.com'],
    ['an invalid email in the route', MAIN_URL, 'not-an-email'],
  ])('%s: no-match, nothing filled', async (_, url, email) => {
    const win = page(url, FIXTURES['main-classic']);
    const bg = fakeSend({
      'signin.query': answer({ route: { type: 'root', email } }),
      'signin.done': () => ({}),
    });
    expect(await start(win, bg.send)).toBe('no-match');
    expect([$(win, '#resolving_input').value, $(win, '#root_user_radio_button').checked]).toEqual([
      '',
      false,
    ]);
    expect(routeDone(bg)).toEqual([]);
  });

  it('on an IAM page (the AWS cookie remembered an account): no-match, nothing filled or pressed', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    let clicks = 0;
    win.document.addEventListener('click', () => clicks++, true);
    const bg = fakeSend({ 'signin.query': answer(ROOT_ROUTE), 'signin.done': () => ({}) });
    expect(await start(win, bg.send)).toBe('no-match');
    expect([clicks, $(win, '#username').value, routeDone(bg).length]).toEqual([0, '', 0]);
  });
});

describe('IAM route on the main page', () => {
  it.each(['main-classic', 'main-redesigned'] as const)(
    '%s replica: IAM chosen, account filled, Next pressed; signin.done is left to the IAM page',
    async (name) => {
      const win = replica(name, MAIN_URL);
      const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE), 'signin.done': () => ({}) });
      expect(await start(win, bg.send)).toBe('filled');
      expect(replicaState(win).submitted).toEqual({ userType: 'iam', identifier: '123456789012' });
      expect(routeDone(bg)).toEqual([]);
    },
  );

  it('switches from Root to IAM user when the page had Root chosen', async () => {
    const win = replica('main-redesigned', MAIN_URL);
    const root = await until(() => win.document.querySelector<HTMLInputElement>('input[value=ROOT]'));
    root!.click();
    const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE) });
    expect(await start(win, bg.send)).toBe('filled');
    expect(replicaState(win).submitted).toEqual({ userType: 'iam', identifier: '123456789012' });
  });
});

describe('IAM route on the IAM page', () => {
  it.each(['iam-classic', 'iam-redesigned'] as const)(
    "%s replica: account and user name filled, password focused, the page's own submit sees them",
    async (name) => {
      const win = replica(name, REGION_URL);
      const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE), 'signin.done': () => ({}) });
      expect(await start(win, bg.send)).toBe('filled');
      expect(win.document.activeElement?.id).toBe('password');
      expect(bg.requests.map((r) => r.type)).toEqual(['signin.query', 'signin.done']);
      $(win, '#signin_button').click();
      expect(replicaState(win).submitted).toEqual({
        account: '123456789012',
        username: 'alice',
        passwordLength: 0,
      });
    },
  );

  it('signin.done is sent only after the last box is filled', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-redesigned']);
    let seen: string[] = [];
    const bg = fakeSend({
      'signin.query': answer(IAM_ROUTE),
      'signin.done': () => {
        seen = [$(win, '#account').value, $(win, '#username').value];
        return {};
      },
    });
    await start(win, bg.send);
    expect(seen).toEqual(['123456789012', 'alice']);
  });

  it('the account box already names the account (as its alias): left as it is', async () => {
    const win = page(REGION_URL, FIXTURES['iam-classic']);
    $(win, '#account').value = 'prod-alias';
    let writes = 0;
    $(win, '#account').addEventListener('input', () => writes++);
    const bg = fakeSend({
      'signin.query': answer({
        ...IAM_ROUTE,
        account: { accountId: '123456789012', alias: 'prod-alias', userNames: [] },
      }),
      'signin.done': () => ({}),
    });
    expect(await start(win, bg.send)).toBe('filled');
    expect([$(win, '#account').value, writes, $(win, '#username').value]).toEqual(['prod-alias', 0, 'alice']);
  });

  it('the account box shows another account on a region host: the route wins', async () => {
    const win = page(REGION_URL, FIXTURES['iam-classic']);
    $(win, '#account').value = '999999999999';
    const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE), 'signin.done': () => ({}) });
    expect(await start(win, bg.send)).toBe('filled');
    expect([$(win, '#account').value, $(win, '#username').value]).toEqual(['123456789012', 'alice']);
  });

  it("the host names another account: no-match, the user name goes into nobody's account", async () => {
    const win = page('https://999999999999.signin.aws.amazon.com/console', FIXTURES['iam-classic']);
    const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE), 'signin.done': () => ({}) });
    expect(await start(win, bg.send)).toBe('no-match');
    expect([$(win, '#account').value, $(win, '#username').value, routeDone(bg).length]).toEqual(['', '', 0]);
  });

  it('the host is the alias of the routed account ID (the background knows both): filled', async () => {
    const win = page('https://prod-alias.signin.aws.amazon.com/console', FIXTURES['iam-classic']);
    const bg = fakeSend({
      'signin.query': answer({
        ...IAM_ROUTE,
        account: { accountId: '123456789012', alias: 'prod-alias', userNames: [] },
      }),
      'signin.done': () => ({}),
    });
    expect(await start(win, bg.send)).toBe('filled');
    expect($(win, '#username').value).toBe('alice');
  });

  it.each([
    ['an invalid user name', { type: 'iam', account: '123456789012', userName: 'a b' }],
    ['an invalid account', { type: 'iam', account: '12-34', userName: 'alice' }],
  ] as const)('a route with %s: no-match, nothing filled', async (_, route) => {
    const win = page(REGION_URL, FIXTURES['iam-classic']);
    const bg = fakeSend({ 'signin.query': answer({ route }), 'signin.done': () => ({}) });
    expect(await start(win, bg.send)).toBe('no-match');
    expect([$(win, '#account').value, $(win, '#username').value]).toEqual(['', '']);
  });

  it('a route to the account only: account filled, saved user names offered, user name box focused', async () => {
    const win = page(REGION_URL, FIXTURES['iam-classic']);
    const bg = fakeSend({
      'signin.query': answer({
        route: { type: 'iam', account: '123456789012' },
        account: { accountId: '123456789012', userNames: ['alice', 'bob'] },
      }),
      'signin.done': () => ({}),
    });
    expect(await start(win, bg.send)).toBe('filled');
    expect([$(win, '#account').value, $(win, '#username').value]).toEqual(['123456789012', '']);
    expect($(win, '#username').getAttribute('list')).toBe(DATALIST_ID);
    expect(win.document.activeElement?.id).toBe('username');
  });

  it.each(['iam-classic', 'iam-redesigned'] as const)(
    '%s replica rendering late and re-mounting: filled again, and the page submits the values',
    async (name) => {
      const win = replica(name, REGION_URL, { lateMs: 20, remountMs: 80 });
      const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE), 'signin.done': () => ({}) });
      expect(await start(win, bg.send)).toBe('filled');
      expect(await until(() => replicaState(win).ready)).toBe(true);
      expect(await until(() => $(win, '#username').value === 'alice')).toBe(true);
      expect(replicaState(win).mounts).toBe(2);
      $(win, '#signin_button').click();
      expect(replicaState(win).submitted).toMatchObject({ account: '123456789012', username: 'alice' });
    },
  );

  it('once the person types a user name, a re-render does not put the routed one back', async () => {
    const win = page(REGION_URL, FIXTURES['iam-classic']);
    const bg = fakeSend({ 'signin.query': answer(IAM_ROUTE), 'signin.done': () => ({}) });
    await start(win, bg.send);
    type(win, $(win, '#username'), 'carol');
    $(win, '#username').value = '';
    // Five of the guard's 10 ms polls: the time it would take to put the name back is the rule under test.
    await sleep(50);
    expect($(win, '#username').value).toBe('');
    expect($(win, '#account').value).toBe('123456789012');
  });

  it('submitting ends the re-fill watch', async () => {
    const win = page(REGION_URL, FIXTURES['iam-classic']);
    const bg = fakeSend({
      'signin.query': answer(IAM_ROUTE),
      'signin.done': () => ({}),
      'signin.learn': () => ({ outcome: 'unchanged' }),
    });
    await start(win, bg.send);
    click(win, $(win, '#signin_button'));
    $(win, '#username').value = '';
    // Five of the guard's 10 ms polls: the time it would take to put the name back is the rule under test.
    await sleep(50);
    expect($(win, '#username').value).toBe('');
  });
});

describe("no route: the IAM page offers the account's saved user names", () => {
  const known = { accountId: '123456789012', label: 'Prod', userNames: ['alice', 'bob'] };

  it('offers them in a datalist and fills the most recent one', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-redesigned']);
    const bg = fakeSend({ 'signin.query': answer({ account: known }) });
    expect(await start(win, bg.send)).toBe('filled');
    expect($(win, '#username').value).toBe('alice');
    const list = win.document.getElementById($(win, '#username').getAttribute('list')!);
    expect([...list!.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual([
      'alice',
      'bob',
    ]);
    expect(win.document.activeElement?.id).toBe('password');
    expect(routeDone(bg)).toEqual([]);
  });

  it('with fillRememberedUser off: offered only, no-match', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const bg = fakeSend({
      'signin.query': answer({ account: known, settings: { ...SETTINGS, fillRememberedUser: false } }),
    });
    expect(await start(win, bg.send)).toBe('no-match');
    expect([$(win, '#username').value, $(win, '#username').getAttribute('list')]).toEqual(['', DATALIST_ID]);
  });

  it('a user name the page already shows is kept', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    $(win, '#username').value = 'dave';
    const bg = fakeSend({ 'signin.query': answer({ account: known }) });
    expect(await start(win, bg.send)).toBe('no-match');
    expect($(win, '#username').value).toBe('dave');
  });

  it('an answer about another account is ignored', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const bg = fakeSend({ 'signin.query': answer({ account: { ...known, accountId: '999999999999' } }) });
    expect(await start(win, bg.send)).toBe('no-match');
    expect([$(win, '#username').value, $(win, '#username').getAttribute('list')]).toEqual(['', null]);
  });

  it('the main page discloses nothing', async () => {
    const win = page(MAIN_URL, FIXTURES['main-redesigned']);
    const bg = fakeSend({ 'signin.query': answer({ account: known }) });
    expect(await start(win, bg.send)).toBe('no-match');
    expect([$(win, '#resolving_input').value, win.document.querySelector('datalist')]).toEqual(['', null]);
  });

  it('fills the remembered user again when the page re-renders the box', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const bg = fakeSend({ 'signin.query': answer({ account: known }) });
    await start(win, bg.send);
    win.document.body.innerHTML = FIXTURES['iam-classic'];
    expect(await until(() => $(win, '#username').value === 'alice')).toBe(true);
  });
});

describe('learning a sign-in the person submits', () => {
  async function submitted(reply: LearnReply, settings: Partial<SignInAnswer['settings']> = {}) {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const shown = notices(win);
    const bg = fakeSend({
      'signin.query': answer({ settings: { ...SETTINGS, ...settings } }),
      'signin.learn': (r) => (r.confirmed ? { outcome: 'saved', token: 't2', label: 'alice · Prod' } : reply),
      'signin.undo': () => ({ undone: true }),
    });
    await start(win, bg.send);
    type(win, $(win, '#username'), 'alice');
    enter(win, $(win, '#password'));
    await bg.settled();
    return { win, bg, shown };
  }

  it('saved: learned, a notice names the user and account, Undo sends its token', async () => {
    const { win, bg, shown } = await submitted({ outcome: 'saved', token: 'tok-1', label: 'alice · Prod' });
    expect(bg.of('signin.learn')).toEqual([
      {
        type: 'signin.learn',
        signIn: { type: 'iam', account: '123456789012', userName: 'alice' },
        confirmed: false,
      },
    ]);
    expect(status(win)).toBe('learned');
    expect(shown.text()).toEqual(['Signpost saved alice · Prod']);
    shown.button('Undo')!.click();
    await bg.settled();
    expect(bg.of('signin.undo')).toEqual([{ type: 'signin.undo', token: 'tok-1' }]);
    expect(shown.text()).toEqual(['Signpost forgot that sign-in.']);
  });

  it('updated: learned with the same notice', async () => {
    const { win, shown } = await submitted({ outcome: 'updated', token: 'tok-2' });
    expect(status(win)).toBe('learned');
    expect(shown.text()).toEqual(['Signpost saved alice · 123456789012']);
  });

  it('ask: Save sends the sign-in again, confirmed, and then it is learned', async () => {
    const { win, bg, shown } = await submitted({ outcome: 'ask' });
    expect(shown.text()).toEqual(['Save alice · 123456789012 in Signpost?']);
    expect(status(win)).toBe('no-match');
    shown.button('Save')!.click();
    await bg.settled();
    expect(bg.of('signin.learn').map((r) => r.confirmed)).toEqual([false, true]);
    expect(status(win)).toBe('learned');
    expect(shown.text()).toEqual(['Signpost saved alice · Prod']);
  });

  it('ask: Not now closes the notice and sends nothing', async () => {
    const { bg, shown } = await submitted({ outcome: 'ask' });
    shown.button('Not now')!.click();
    await bg.settled();
    expect(shown.text()).toEqual([]);
    expect(bg.of('signin.learn')).toHaveLength(1);
  });

  it.each(['unchanged', 'off'] as const)('%s: no notice, status unchanged', async (outcome) => {
    const { win, shown } = await submitted({ outcome });
    expect([status(win), shown.text()]).toEqual(['no-match', []]);
  });

  it('learning set to never: nothing is sent', async () => {
    const { bg } = await submitted({ outcome: 'saved', token: 'x' }, { learn: 'never' });
    expect(bg.of('signin.learn')).toEqual([]);
  });

  it('a notice carried over from the page before is shown on arrival, with Undo', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const shown = notices(win);
    const bg = fakeSend({
      'signin.query': answer({ notice: { token: 'tok-9', label: 'alice · Prod' } }),
      'signin.undo': () => ({ undone: false }),
    });
    await start(win, bg.send);
    expect(shown.text()).toEqual(['Signpost saved alice · Prod']);
    shown.button('Undo')!.click();
    await bg.settled();
    expect(bg.of('signin.undo')).toEqual([{ type: 'signin.undo', token: 'tok-9' }]);
    expect(shown.text()[0]).toMatch(/could not undo/);
  });

  it('root: learned from Next on the main page', async () => {
    const win = replica('main-classic', MAIN_URL);
    const bg = fakeSend({
      'signin.query': answer(),
      'signin.learn': () => ({ outcome: 'saved', token: 't' }),
    });
    await start(win, bg.send);
    $(win, '#root_user_radio_button').click();
    type(win, $(win, '#resolving_input'), 'owner@example.com');
    click(win, $(win, '#next_button'));
    await bg.settled();
    expect(bg.of('signin.learn').map((r) => r.signIn)).toEqual([
      { type: 'root', email: 'owner@example.com' },
    ]);
    expect(status(win)).toBe('learned');
  });
});

describe('the decision reaches the background (the popup shows it for this tab)', () => {
  it.each([
    [
      'a filled IAM page, its route used',
      FIXTURES['iam-classic'],
      IAM_ROUTE,
      { state: 'filled', routeUsed: true },
    ],
    ['an IAM page with nothing to fill', FIXTURES['iam-classic'], {}, { state: 'no-match' }],
    [
      'a page Signpost does not know',
      '<form><input type="search"></form>',
      IAM_ROUTE,
      { state: 'unsupported-page' },
    ],
  ])('%s', async (_, html, route, done) => {
    const win = page(ACCOUNT_URL, html);
    const bg = fakeSend({ 'signin.query': answer(route), 'signin.done': () => ({}) });
    await start(win, bg.send, { waitMs: 50 });
    expect(bg.of('signin.done')).toEqual([{ type: 'signin.done', ...done }]);
  });
});
