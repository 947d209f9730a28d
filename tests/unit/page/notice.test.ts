import { describe, expect, it } from 'vitest';
import { showNotice } from '../../../lib/page/notice';
import { ACCOUNT_URL, page, sleep, until } from './fixtures';

describe('showNotice', () => {
  it('is a status message with named buttons, in a closed shadow root with its own styles', () => {
    const win = page(ACCOUNT_URL, '<style>div { display: none } button { color: red }</style>');
    const notice = showNotice(win.document, win, 'Signpost saved alice for Prod', [
      { label: 'Undo', run: () => undefined },
    ]);
    expect(notice.host.isConnected).toBe(true);
    expect(notice.host.shadowRoot).toBeNull();
    const status = notice.root.querySelector('[role=status]');
    expect(status?.textContent).toContain('Signpost saved alice for Prod');
    expect([...notice.root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Undo']);
    expect(notice.root.querySelector('style')?.textContent).toContain(':host');
    // The page's own rules do not reach inside.
    expect(win.getComputedStyle(status!).display).not.toBe('none');
  });

  it('goes away by itself after its time', async () => {
    const win = page(ACCOUNT_URL);
    const notice = showNotice(win.document, win, 'hello', [], 30);
    expect(await until(() => !notice.host.isConnected)).toBe(true);
  });

  it('stays while focus is inside it, then goes after focus leaves', async () => {
    const win = page(ACCOUNT_URL);
    const notice = showNotice(win.document, win, 'hello', [], 30);
    const box = notice.root.querySelector('[role=status]')!;
    box.dispatchEvent(new win.FocusEvent('focusin', { bubbles: true }));
    // Twice its time: staying past it is the rule under test.
    await sleep(60);
    expect(notice.host.isConnected).toBe(true);
    box.dispatchEvent(new win.FocusEvent('focusout', { bubbles: true }));
    expect(await until(() => !notice.host.isConnected)).toBe(true);
  });

  it('a button shows what its action answers, then the notice closes soon', async () => {
    const win = page(ACCOUNT_URL);
    let ran = 0;
    const notice = showNotice(
      win.document,
      win,
      'saved',
      [
        {
          label: 'Undo',
          run: async () => {
            ran++;
            return 'forgotten';
          },
        },
      ],
      40,
    );
    notice.root.querySelector('button')!.click();
    await until(() => ran && !notice.root.querySelector('button'));
    expect([
      ran,
      notice.root.querySelector('[role=status]')!.textContent,
      notice.root.querySelectorAll('button').length,
    ]).toEqual([1, 'forgotten', 0]);
    expect(await until(() => !notice.host.isConnected)).toBe(true);
  });

  it('an action that answers nothing (or fails) closes it', async () => {
    const win = page(ACCOUNT_URL);
    const a = showNotice(win.document, win, 'x', [{ label: 'Not now', run: () => undefined }]);
    a.root.querySelector('button')!.click();
    expect(await until(() => !a.host.isConnected)).toBe(true);
    const b = showNotice(win.document, win, 'x', [
      { label: 'Save', run: () => Promise.reject(new Error('gone')) },
    ]);
    b.root.querySelector('button')!.click();
    expect(await until(() => !b.host.isConnected)).toBe(true);
  });

  it('Escape closes it', () => {
    const win = page(ACCOUNT_URL);
    const notice = showNotice(win.document, win, 'x', [{ label: 'Undo', run: () => undefined }]);
    notice.root
      .querySelector('button')!
      .dispatchEvent(new win.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(notice.host.isConnected).toBe(false);
  });

  it('one at a time: a new notice replaces the old one', () => {
    const win = page(ACCOUNT_URL);
    const first = showNotice(win.document, win, 'first', []);
    const second = showNotice(win.document, win, 'second', []);
    expect([first.host.isConnected, second.host.isConnected]).toEqual([false, true]);
    expect(win.document.querySelectorAll('signpost-notice')).toHaveLength(1);
  });
});
