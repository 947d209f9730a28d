import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/page/variants';
import { keepFilled, waitFor } from '../../../lib/page/wait';
import { ACCOUNT_URL, FIXTURES, isUserEvent, MAIN_URL, page, sleep, type, until, type Win } from './fixtures';

const box = (win: Win, id: string) => () =>
  win.document.querySelector<HTMLInputElement>(`#${id}`) ?? undefined;

describe('waitFor: late forms', () => {
  it('answers at once when the form is already there', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    expect((await waitFor(win.document, win, () => detect(win.document), 50))?.variant).toBe('iam-classic');
  });

  it('answers right after the mutation burst that renders the form', async () => {
    const win = page(ACCOUNT_URL, '<div id="card">Loading…</div>');
    const started = Date.now();
    setTimeout(() => {
      win.document.querySelector('#card')!.innerHTML = FIXTURES['iam-redesigned'];
    }, 30);
    const found = await waitFor(win.document, win, () => detect(win.document), 2000);
    expect(found?.variant).toBe('iam-redesigned');
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('gives up with undefined after the timeout when no known form appears', async () => {
    const win = page(ACCOUNT_URL, '<div id="card">Loading…</div>');
    const started = Date.now();
    setTimeout(() => win.document.body.append(win.document.createElement('p')), 10);
    expect(await waitFor(win.document, win, () => detect(win.document), 80)).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });
});

describe('keepFilled: the fill survives re-renders', () => {
  const fast = { pollMs: 10, windowMs: 1000, isUserEvent };

  it('fills again when the page replaces the input nodes', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    box(win, 'username')()!.value = 'alice';
    const guard = keepFilled(win.document, win, [{ find: box(win, 'username'), value: 'alice' }], fast);
    win.document.body.innerHTML = FIXTURES['iam-classic'];
    expect(await until(() => box(win, 'username')()!.value === 'alice')).toBe(true);
    expect(guard.refills).toBe(1);
    guard.stop();
  });

  it('fills again when the page clears the value without replacing the node', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const input = box(win, 'username')()!;
    input.value = 'alice';
    const guard = keepFilled(win.document, win, [{ find: box(win, 'username'), value: 'alice' }], fast);
    input.value = '';
    expect(await until(() => input.value === 'alice')).toBe(true);
    guard.stop();
  });

  it('with onlyIfEmpty, keeps a value the page put there', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const input = box(win, 'username')()!;
    input.value = 'alice';
    const guard = keepFilled(
      win.document,
      win,
      [{ find: box(win, 'username'), value: 'alice', ifEmpty: true }],
      fast,
    );
    input.value = 'carol';
    // Four of the guard's polls (`fast`): the time it would take to undo the change is what is checked.
    await sleep(40);
    expect(input.value).toBe('carol');
    input.value = '';
    expect(await until(() => input.value === 'alice')).toBe(true);
    guard.stop();
  });

  it('keeps a radio chosen through a re-mount', async () => {
    const win = page(MAIN_URL, FIXTURES['main-classic']);
    const root = () => win.document.querySelector<HTMLInputElement>('#root_user_radio_button') ?? undefined;
    root()!.click();
    const guard = keepFilled(win.document, win, [{ find: root }], fast);
    win.document.body.innerHTML = FIXTURES['main-classic'];
    expect(await until(() => root()!.checked)).toBe(true);
    guard.stop();
  });

  it('stops re-filling a box once the person types in it', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const items = [
      { find: box(win, 'account'), value: '123456789012' },
      { find: box(win, 'username'), value: 'alice' },
    ];
    box(win, 'account')()!.value = '123456789012';
    box(win, 'username')()!.value = 'alice';
    const guard = keepFilled(win.document, win, items, fast);
    type(win, box(win, 'username')()!, '');
    // Four of the guard's polls (`fast`): the time it would take to undo the change is what is checked.
    await sleep(40);
    expect(box(win, 'username')()!.value).toBe('');
    // The other box is still kept.
    box(win, 'account')()!.value = '';
    expect(await until(() => box(win, 'account')()!.value === '123456789012')).toBe(true);
    guard.stop();
  });

  it('a script event on the box (the page, or Signpost) is not the person typing', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const input = box(win, 'username')()!;
    input.value = 'alice';
    const guard = keepFilled(win.document, win, [{ find: box(win, 'username'), value: 'alice' }], fast);
    input.value = '';
    input.dispatchEvent(new win.Event('input', { bubbles: true }));
    expect(await until(() => input.value === 'alice')).toBe(true);
    guard.stop();
  });

  it('the person choosing the other user type ends the whole guard', async () => {
    const win = page(MAIN_URL, FIXTURES['main-classic']);
    const root = () => win.document.querySelector<HTMLInputElement>('#root_user_radio_button') ?? undefined;
    root()!.click();
    box(win, 'resolving_input')()!.value = 'me@example.com';
    const guard = keepFilled(
      win.document,
      win,
      [{ find: root }, { find: box(win, 'resolving_input'), value: 'me@example.com' }],
      fast,
    );
    const iam = win.document.querySelector<HTMLInputElement>('#iam_user_radio_button')!;
    iam.checked = true;
    // The person's `input` event on the radio (what a real click sends along with `change`).
    type(win, iam, iam.value);
    expect(guard.active).toBe(false);
    box(win, 'resolving_input')()!.value = '';
    // Four of the guard's polls (`fast`): the time it would take to undo the change is what is checked.
    await sleep(40);
    expect(box(win, 'resolving_input')()!.value).toBe('');
  });

  it('gives up after the most re-fills on a page that keeps fighting back', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const input = box(win, 'username')()!;
    const guard = keepFilled(win.document, win, [{ find: box(win, 'username'), value: 'alice' }], {
      ...fast,
      maxRefills: 3,
    });
    // The page empties the box each time the guard has put the name back, until the guard gives up.
    for (let i = 0; i < 10 && guard.active; i++) {
      input.value = '';
      await until(() => input.value === 'alice' || !guard.active);
    }
    expect(guard.refills).toBe(3);
    expect(guard.active).toBe(false);
  });

  it('stops watching when its window closes', async () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const input = box(win, 'username')()!;
    input.value = 'alice';
    const guard = keepFilled(win.document, win, [{ find: box(win, 'username'), value: 'alice' }], {
      ...fast,
      windowMs: 30,
    });
    expect(await until(() => !guard.active)).toBe(true);
    input.value = '';
    // Three of the guard's polls: a guard still watching would have put the name back by now.
    await sleep(30);
    expect(input.value).toBe('');
  });
});
