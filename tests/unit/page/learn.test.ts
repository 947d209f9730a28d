import { describe, expect, it } from 'vitest';
import type { SignInLocation } from '../../../lib/hosts';
import { extract, type LearnedSignIn, watchSubmits } from '../../../lib/page/learn';
import {
  ACCOUNT_URL,
  click,
  enter,
  FIXTURES,
  type FixtureName,
  isUserEvent,
  MAIN_URL,
  page,
  REGION_URL,
  submit,
  type Win,
} from './fixtures';

const AWS: SignInLocation = { partition: 'aws' };
const ACCOUNT_HOST: SignInLocation = { partition: 'aws', label: '123456789012', labelKind: 'account' };
const GOV: SignInLocation = { partition: 'aws-us-gov' };

/** Makes every password and MFA box on the page throw (and count) when its value is read or written. */
function guardSecrets(win: Win) {
  const touched: string[] = [];
  for (const el of win.document.querySelectorAll<HTMLInputElement>(
    'input[type=password], #password, #mfacode, #mfaCode',
  )) {
    Object.defineProperty(el, 'value', {
      get() {
        touched.push(`read ${el.id}`);
        throw new Error('password read');
      },
      set() {
        touched.push(`write ${el.id}`);
        throw new Error('password written');
      },
    });
  }
  return touched;
}

function fill(win: Win, values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) {
    win.document.querySelector<HTMLInputElement>(`#${id}`)!.value = value;
  }
}

describe('extract: who is signing in, per page variant', () => {
  it('(the secret-box trap this file relies on does catch a read)', () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const touched = guardSecrets(win);
    expect(() => win.document.querySelector<HTMLInputElement>('#password')!.value).toThrow();
    expect(touched).toEqual(['read password']);
  });

  const cases: [
    string,
    FixtureName,
    SignInLocation,
    Record<string, string>,
    boolean,
    LearnedSignIn | undefined,
  ][] = [
    [
      'classic main, root',
      'main-classic',
      AWS,
      { resolving_input: ' Me@Example.com ' },
      true,
      { type: 'root', email: 'Me@Example.com' },
    ],
    [
      'redesigned main, root',
      'main-redesigned',
      AWS,
      { resolving_input: 'me@example.com' },
      true,
      { type: 'root', email: 'me@example.com' },
    ],
    [
      'main, IAM chosen (no user name yet)',
      'main-classic',
      AWS,
      { resolving_input: '123456789012' },
      false,
      undefined,
    ],
    ['main, root with a non-email', 'main-classic', AWS, { resolving_input: 'me@' }, true, undefined],
    [
      'main, root in GovCloud (no root sign-in there)',
      'main-classic',
      GOV,
      { resolving_input: 'me@example.com' },
      true,
      undefined,
    ],
    [
      'classic IAM',
      'iam-classic',
      AWS,
      { account: '1234-5678-9012', username: 'alice' },
      false,
      { type: 'iam', account: '123456789012', userName: 'alice' },
    ],
    [
      'redesigned IAM, alias',
      'iam-redesigned',
      AWS,
      { account: 'My-Alias', username: 'bob@corp' },
      false,
      { type: 'iam', account: 'my-alias', userName: 'bob@corp' },
    ],
    [
      'IAM, empty account box on an account host',
      'iam-classic',
      ACCOUNT_HOST,
      { account: '', username: 'alice' },
      false,
      { type: 'iam', account: '123456789012', userName: 'alice' },
    ],
    [
      'IAM, empty account box on the main host',
      'iam-classic',
      AWS,
      { account: '', username: 'alice' },
      false,
      undefined,
    ],
    ['IAM, no user name', 'iam-classic', AWS, { account: '123456789012', username: '' }, false, undefined],
    [
      'IAM, invalid user name',
      'iam-classic',
      AWS,
      { account: '123456789012', username: 'a b' },
      false,
      undefined,
    ],
    ['IAM, invalid account', 'iam-classic', AWS, { account: '12345', username: 'alice' }, false, undefined],
    ['MFA (IAM)', 'mfa-iam', AWS, {}, false, undefined],
    ['MFA (root)', 'mfa-root', AWS, {}, false, undefined],
  ];
  it.each(cases)('%s', (_, fixture, loc, values, root, expected) => {
    const win = page(ACCOUNT_URL, FIXTURES[fixture]);
    fill(win, values);
    if (root)
      win.document.querySelector<HTMLInputElement>('input[value=rootUser], input[value=ROOT]')!.click();
    const touched = guardSecrets(win);
    expect(extract(win.document, loc)).toEqual(expected);
    expect(touched).toEqual([]);
  });
});

describe('watchSubmits: the person submitting', () => {
  function iamPage(fixture: FixtureName = 'iam-classic') {
    const win = page(ACCOUNT_URL, FIXTURES[fixture]);
    fill(win, { account: '123456789012', username: 'alice' });
    const touched = guardSecrets(win);
    const learned: LearnedSignIn[] = [];
    let attempts = 0;
    const watch = watchSubmits(win.document, AWS, {
      isUserEvent,
      onAttempt: () => attempts++,
      onLearn: (s) => learned.push(s),
    });
    return { win, doc: win.document, learned, touched, watch, attempts: () => attempts };
  }
  const alice = { type: 'iam', account: '123456789012', userName: 'alice' };

  it('a click on the classic page\'s anchor "Sign in"', () => {
    const { win, doc, learned, touched } = iamPage();
    click(win, doc.querySelector('#signin_button')!);
    expect(learned).toEqual([alice]);
    expect(touched).toEqual([]);
  });

  it("a click on something inside the redesigned page's button", () => {
    const { win, doc, learned } = iamPage('iam-redesigned');
    const span = doc.createElement('span');
    doc.querySelector('#signin_button')!.append(span);
    click(win, span);
    expect(learned).toEqual([alice]);
  });

  it('Enter in the password box (its contents untouched)', () => {
    const { win, doc, learned, touched } = iamPage();
    enter(win, doc.querySelector('#password')!);
    expect(learned).toEqual([alice]);
    expect(touched).toEqual([]);
  });

  it('a form submit', () => {
    const { win, doc, learned } = iamPage('iam-redesigned');
    submit(win, doc.querySelector('form')!);
    expect(learned).toEqual([alice]);
  });

  it('once per distinct sign-in, however many times it is submitted', () => {
    const { win, doc, learned, attempts } = iamPage();
    click(win, doc.querySelector('#signin_button')!);
    enter(win, doc.querySelector('#password')!);
    expect(learned).toHaveLength(1);
    expect(attempts()).toBe(2);
    fill(win, { username: 'bob' });
    enter(win, doc.querySelector('#username')!);
    expect(
      learned.map((s) => (s.type === 'iam' ? s.userName : s.type === 'root' ? s.email : s.roleName)),
    ).toEqual(['alice', 'bob']);
  });

  it('ignores other clicks and other keys', () => {
    const { win, doc, learned } = iamPage();
    click(win, doc.querySelector('#root_account_signin')!);
    doc
      .querySelector('#password')!
      .dispatchEvent(new win.KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(learned).toEqual([]);
  });

  it('ignores script events by default (only trusted events are the person)', () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    fill(win, { account: '123456789012', username: 'alice' });
    const learned: LearnedSignIn[] = [];
    watchSubmits(win.document, AWS, { onLearn: (s) => learned.push(s) });
    win.document.querySelector<HTMLElement>('#signin_button')!.click();
    expect(learned).toEqual([]);
  });

  it('quietly(): Signpost pressing Next itself is not learned', () => {
    const win = page(MAIN_URL, FIXTURES['main-classic']);
    fill(win, { resolving_input: 'me@example.com' });
    win.document.querySelector<HTMLInputElement>('#root_user_radio_button')!.click();
    const learned: LearnedSignIn[] = [];
    const watch = watchSubmits(win.document, AWS, {
      isUserEvent: () => true,
      onLearn: (s) => learned.push(s),
    });
    watch.quietly(() => win.document.querySelector<HTMLElement>('#next_button')!.click());
    expect(learned).toEqual([]);
    click(win, win.document.querySelector('#next_button')!);
    expect(learned).toEqual([{ type: 'root', email: 'me@example.com' }]);
  });

  it('root: Next on the main page with Root chosen', () => {
    const win = page(REGION_URL, FIXTURES['main-redesigned']);
    fill(win, { resolving_input: 'owner@example.com' });
    win.document.querySelector<HTMLInputElement>('input[value=ROOT]')!.click();
    const learned: LearnedSignIn[] = [];
    watchSubmits(win.document, AWS, { isUserEvent, onLearn: (s) => learned.push(s) });
    enter(win, win.document.querySelector('#resolving_input')!);
    expect(learned).toEqual([{ type: 'root', email: 'owner@example.com' }]);
  });
});
