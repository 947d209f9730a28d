// @vitest-environment happy-dom
// "Signed in" in the popup: the mark (visible and in the option's name), signed-in accounts first for an
// empty query, Enter bringing the console tab forward instead of signing in again, Shift+Enter and the row's
// button signing in anyway, and a mark that goes when its tab is gone.
import { describe, expect, it } from 'vitest';
import type { Request } from '../../../lib/messages';
import { account, iam } from './fixtures';
import { renderPopup } from './render-popup';

const payments = account({
  key: 'pay',
  accountId: '123456789012',
  label: 'Payments production',
  signIns: [iam('admin', 9, 0)],
});
const data = account({
  key: 'data',
  accountId: '210987654321',
  label: 'Data lake',
  signIns: [iam('analyst', 1, 2)],
});
const lake = account({
  key: 'lake',
  accountId: '555566667777',
  label: 'Lakehouse',
  signIns: [iam('bob', 1, 9)],
});

/** A background where `signedIn` accounts have console tabs, and `closed` ones' tabs are gone meanwhile. */
function background(signedIn: string[], closed: string[] = []) {
  return (request: Request) => {
    if (request.type === 'consoles.list') return { keys: signedIn };
    if (request.type === 'consoles.focus') return { focused: !closed.includes(request.key) };
    if (request.type === 'route.open') return { url: 'https://example.test/', tabId: 9 };
    throw new Error(`unexpected ${request.type}`);
  };
}

const sent = (requests: Request[], type: Request['type']) => requests.filter((r) => r.type === type);

describe('popup: signed-in accounts', () => {
  it('marks a signed-in account visibly and in the option’s accessible name', async () => {
    const popup = await renderPopup([payments, data], { reply: background(['data']) });
    const names = popup.options().map((o) => o.getAttribute('aria-label'));
    expect(names).toContain('Data lake, 2109-8765-4321, analyst, signed in');
    expect(names).toContain('Payments production, 1234-5678-9012, admin');
    const row = popup.options().find((o) => o.getAttribute('aria-label')?.startsWith('Data lake'))!;
    expect(row.textContent).toContain('signed in');
  });

  it.each([
    ['an empty query', '', ['Data lake', 'Lakehouse', 'Payments production']],
    ['a query', 'a', ['Payments production', 'Data lake', 'Lakehouse']],
  ])('with %s, signed-in accounts come first: %j', async (_name, query, order) => {
    const popup = await renderPopup([payments, data, lake], { reply: background(['lake', 'data']) });
    await popup.type(query);
    const titles = popup.options().map((o) => o.getAttribute('aria-label')!.split(',')[0]);
    if (query) expect(titles[0]).toBe('Payments production');
    else expect(titles).toEqual(order);
  });

  it('Enter brings the account’s console tab forward and does not sign in again', async () => {
    const popup = await renderPopup([payments, data], { reply: background(['data']) });
    await popup.press('Enter');
    expect(sent(popup.requests, 'consoles.focus')).toEqual([{ type: 'consoles.focus', key: 'data' }]);
    expect(sent(popup.requests, 'route.open')).toEqual([]);
    expect(popup.deps.close).toHaveBeenCalled();
  });

  it.each([
    [
      'Shift+Enter',
      async (p: Awaited<ReturnType<typeof renderPopup>>) => p.press('Enter', { shiftKey: true }),
    ],
    [
      'the row’s “sign in again” button',
      async (p: Awaited<ReturnType<typeof renderPopup>>) =>
        p.click(
          p.button(
            'Sign in to Data lake again (Shift+Enter); its open console tabs would lose their session',
          )!,
        ),
    ],
  ])('%s signs in anyway', async (_name, act) => {
    const popup = await renderPopup([payments, data], { reply: background(['data']) });
    expect(popup.container.textContent).toContain('Enter: go to its tab');
    await act(popup);
    expect(sent(popup.requests, 'consoles.focus')).toEqual([]);
    expect(sent(popup.requests, 'route.open')).toMatchObject([
      { key: 'data', target: { type: 'iam', userName: 'analyst' } },
    ]);
  });

  it('a row that is not signed in routes as before and offers no “sign in again”', async () => {
    const popup = await renderPopup([payments, data], { reply: background([]) });
    expect(popup.button(/again/)).toBeUndefined();
    await popup.press('Enter');
    expect(sent(popup.requests, 'consoles.focus')).toEqual([]);
    expect(sent(popup.requests, 'route.open')).toMatchObject([{ key: 'pay' }]);
  });

  it('when the console tab is gone by now, the mark goes and Enter signs in', async () => {
    const popup = await renderPopup([payments, data], {
      reply: background(['data'], ['data']),
      ownTab: { id: 1 },
    });
    await popup.press('Enter');
    expect(sent(popup.requests, 'route.open')).toMatchObject([{ key: 'data' }]);
    expect(popup.options().some((o) => o.getAttribute('aria-label')?.includes('signed in'))).toBe(false);
  });

  it('shows the list without marks when the background cannot say who is signed in', async () => {
    const popup = await renderPopup([payments, data]);
    expect(popup.options()).toHaveLength(2);
    expect(popup.options().some((o) => o.getAttribute('aria-label')?.includes('signed in'))).toBe(false);
  });
});
