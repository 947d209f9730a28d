import { describe, expect, it } from 'vitest';
import { choose, focus, setValue } from '../../../lib/page/dom';
import { ACCOUNT_URL, MAIN_URL, page, replica, replicaState, until, type Win } from './fixtures';

/** React's value tracker in miniature: an own `value` property remembers the last value written through it;
 * an `input` event whose value equals that is ignored, as React does. */
function reactLike(win: Win) {
  const input = win.document.createElement('input');
  const native = Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')!;
  let tracked = '';
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: () => native.get!.call(input),
    set: (v: string) => {
      tracked = String(v);
      native.set!.call(input, v);
    },
  });
  const state = { value: '', changes: 0 };
  input.addEventListener('input', () => {
    const now = native.get!.call(input) as string;
    if (now === tracked) return;
    tracked = now;
    state.value = now;
    state.changes += 1;
  });
  win.document.body.append(input);
  return { input, state };
}

/** AngularJS's ng-model in miniature: the model follows `input` and `change` events. */
function angularLike(win: Win) {
  const input = win.document.createElement('input');
  input.type = 'text';
  const model = { username: '' };
  for (const type of ['input', 'change']) input.addEventListener(type, () => (model.username = input.value));
  win.document.body.append(input);
  return { input, model };
}

describe('setValue: the page notices the value', () => {
  it('a React-like controlled input registers it (and a plain assignment would not)', () => {
    const win = page(MAIN_URL);
    const naive = reactLike(win);
    naive.input.value = 'alice';
    naive.input.dispatchEvent(new win.Event('input', { bubbles: true }));
    expect(naive.state.changes).toBe(0);

    const ours = reactLike(win);
    expect(setValue(ours.input, 'alice')).toBe(true);
    expect(ours.state).toEqual({ value: 'alice', changes: 1 });
  });

  it('an AngularJS-like ng-model input updates its model', () => {
    const win = page(MAIN_URL);
    const { input, model } = angularLike(win);
    setValue(input, 'bob');
    expect(model.username).toBe('bob');
  });

  it('sends bubbling input then change', () => {
    const win = page(MAIN_URL, '<form><input id="x"></form>');
    const seen: string[] = [];
    for (const type of ['input', 'change']) win.document.addEventListener(type, (e) => seen.push(e.type));
    setValue(win.document.querySelector('input')!, 'v');
    expect(seen).toEqual(['input', 'change']);
  });

  it.each([
    ['a password box', '<input type="password">'],
    ['a hidden input', '<input type="hidden">'],
    ['a checkbox', '<input type="checkbox">'],
    ['a textarea', '<textarea></textarea>'],
    ['a read-only box', '<input readonly>'],
    ['a disabled box', '<input disabled>'],
    ['a box inside a display:none block', '<div style="display:none"><input></div>'],
    ['a box with the hidden attribute', '<input hidden>'],
    ['an off-screen box', '<input style="position:absolute;left:-9999px">'],
    ['a zero-size box', '<input style="width:0;height:0">'],
    ['an invisible box', '<input style="opacity:0">'],
    ['a box hidden from assistive technology (a honeypot)', '<input aria-hidden="true" tabindex="-1">'],
    ['a box in a closed <details>', '<details><summary>More</summary><input></details>'],
  ])('writes nothing into %s', (_, html) => {
    const win = page(MAIN_URL, html);
    const el = win.document.body.querySelector('input, textarea') as HTMLInputElement;
    let events = 0;
    el.addEventListener('input', () => events++);
    expect(setValue(el, 'secret')).toBe(false);
    expect(events).toBe(0);
    expect(el.value === 'secret').toBe(false);
  });

  it('the redesigned replica (React-style tracker) takes the value into its state', async () => {
    const win = replica('iam-redesigned', ACCOUNT_URL, { stayOnSubmit: true });
    const doc = win.document;
    const account = await until(() => doc.querySelector<HTMLInputElement>('#account'));
    setValue(account!, '123456789012');
    setValue(doc.querySelector<HTMLInputElement>('#username')!, 'alice');
    doc.querySelector<HTMLButtonElement>('#signin_button')!.click();
    expect(replicaState(win).submitted).toMatchObject({ account: '123456789012', username: 'alice' });
  });

  it('the classic replica (AngularJS-style model) takes the value into its model', async () => {
    const win = replica('iam-classic', ACCOUNT_URL);
    const doc = win.document;
    await until(() => doc.querySelector('#account'));
    setValue(doc.querySelector<HTMLInputElement>('#account')!, 'my-alias');
    setValue(doc.querySelector<HTMLInputElement>('#username')!, 'bob');
    doc.querySelector<HTMLElement>('#signin_button')!.click();
    expect(replicaState(win).submitted).toMatchObject({ account: 'my-alias', username: 'bob' });
  });
});

describe('choose: radios change only by a real click', () => {
  it('clicks an unchecked radio, and the page hears it', () => {
    const win = page(
      MAIN_URL,
      '<input type="radio" name="t" value="a" checked><input type="radio" name="t" value="b">',
    );
    const [, b] = win.document.querySelectorAll('input');
    let clicks = 0;
    b!.addEventListener('click', () => clicks++);
    choose(b!);
    expect([b!.checked, clicks]).toEqual([true, 1]);
  });

  it('leaves a radio that is already chosen alone', () => {
    const win = page(MAIN_URL, '<input type="radio" name="t" value="a" checked>');
    const a = win.document.querySelector('input')!;
    let clicks = 0;
    a.addEventListener('click', () => clicks++);
    choose(a);
    expect(clicks).toBe(0);
  });

  it('the redesigned main replica switches to Root user', async () => {
    const win = replica('main-redesigned', MAIN_URL);
    const root = await until(() => win.document.querySelector<HTMLInputElement>('input[value=ROOT]'));
    choose(root!);
    expect(win.document.querySelector<HTMLInputElement>('input[value=ROOT]')!.checked).toBe(true);
    expect(win.document.querySelector('#resolving_input_label')!.textContent).toBe('Root user email address');
  });
});

describe('focus', () => {
  it('moves focus to the box without changing it', () => {
    const win = page(ACCOUNT_URL, '<input id="p" type="password">');
    const box = win.document.querySelector<HTMLInputElement>('#p')!;
    focus(box);
    expect(win.document.activeElement).toBe(box);
    expect(box.value).toBe('');
  });
});
