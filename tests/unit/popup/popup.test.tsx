// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/Popup';
import type { Request } from '../../../lib/messages';
import { createPopupModel } from '../../../lib/popup/model';
import { account, iam, listReply, manyAccounts, QUIET_BROWSER, root } from './fixtures';
import { renderPopup } from './render-popup';

const payments = account({
  key: 'pay',
  accountId: '123456789012',
  alias: 'payments-prod',
  label: 'Payments production',
  colour: '#d62728',
  tags: ['pci'],
  signIns: [iam('admin', 5, 0), iam('deployer', 2, 3), root('owner@example.com', 1, 30)],
});
const data = account({
  key: 'data',
  accountId: '210987654321',
  label: 'Data lake',
  signIns: [iam('analyst', 1, 2)],
});
const gov = account({
  key: 'gov',
  partition: 'aws-us-gov',
  accountId: '333344445555',
  label: 'Gov workloads',
  signIns: [root('gov-root@example.com'), iam('operator')],
});
const accounts = [payments, data, gov];

describe('popup: opening', () => {
  it('focuses the search box, named "Search accounts"', async () => {
    const popup = await renderPopup(accounts);
    expect(document.activeElement).toBe(popup.search());
  });

  it('lists every sign-in as an option named by label, alias or ID, and user or root', async () => {
    const popup = await renderPopup(accounts);
    expect(popup.listbox()).not.toBeNull();
    const names = popup.options().map((o) => o.getAttribute('aria-label'));
    expect(names).toEqual([
      'Payments production, payments-prod, 1234-5678-9012, admin',
      'Payments production, payments-prod, 1234-5678-9012, deployer',
      'Data lake, 2109-8765-4321, analyst',
      'Payments production, payments-prod, 1234-5678-9012, root, owner@example.com',
      'Gov workloads, 3333-4444-5555, root, gov-root@example.com, GovCloud, no root sign-in here',
      'Gov workloads, 3333-4444-5555, operator, GovCloud',
    ]);
    expect(popup.options()[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('shows the account colour, the partition badge and the dashed account ID', async () => {
    const popup = await renderPopup(accounts);
    const [first] = popup.options();
    expect(first!.querySelector<HTMLElement>('.row__mark')!.style.background).toBe('#d62728');
    expect(first!.textContent).toContain('1234-5678-9012');
    const govRow = popup.options().find((o) => o.textContent?.includes('operator'));
    expect(govRow!.textContent).toContain('GovCloud');
  });

  it('says so when the accounts cannot be loaded', async () => {
    const popup = await renderPopup([], { listError: 'Signpost did not answer. Try again.' });
    expect(popup.container.querySelector('[role="alert"]')!.textContent).toContain(
      'Signpost did not answer.',
    );
  });
});

describe('popup: searching', () => {
  it('filters as the user types and marks the matched characters', async () => {
    const popup = await renderPopup(accounts);
    await popup.type('lake');
    expect(popup.options()).toHaveLength(1);
    expect(popup.options()[0]!.querySelector('mark')!.textContent).toBe('lake');
  });

  it('finds an account by its ID typed with dashes', async () => {
    const popup = await renderPopup(accounts);
    await popup.type('2109-87');
    expect(popup.options().map((o) => o.getAttribute('aria-label'))).toEqual([
      'Data lake, 2109-8765-4321, analyst',
    ]);
    expect(popup.options()[0]!.querySelector('.row__id mark')!.textContent).toBe('2109-87');
  });

  it('makes the first result active again after the query changes', async () => {
    const popup = await renderPopup(accounts);
    await popup.press('ArrowDown');
    await popup.press('ArrowDown');
    await popup.type('pay');
    expect(popup.activeOption()).toBe(popup.options()[0]);
  });
});

describe('popup: keyboard', () => {
  it('moves the active option with the arrow keys, Home and End, and never past either end', async () => {
    const popup = await renderPopup(accounts);
    const activeName = () => popup.activeOption()!.getAttribute('aria-label');
    await popup.press('ArrowDown');
    expect(activeName()).toContain('deployer');
    await popup.press('ArrowUp');
    await popup.press('ArrowUp');
    expect(activeName()).toContain('admin');
    await popup.press('End');
    expect(activeName()).toContain('operator');
    await popup.press('ArrowDown');
    expect(activeName()).toContain('operator');
    await popup.press('Home');
    expect(activeName()).toContain('admin');
    expect(popup.listbox()!.getAttribute('aria-activedescendant')).toBe(popup.activeOption()!.id);
  });

  it('routes the active option with Enter, in a new tab when the current tab is not an AWS page', async () => {
    const popup = await renderPopup(accounts);
    await popup.press('ArrowDown');
    await popup.press('Enter');
    expect(popup.requests.at(-1)).toEqual({
      type: 'route.open',
      key: 'pay',
      target: { type: 'iam', userName: 'deployer' },
      active: true,
    });
    expect(popup.deps.close).toHaveBeenCalledOnce();
  });

  it.each([
    ['an AWS console page', 'https://eu-west-1.console.aws.amazon.com/ec2/home'],
    ['an AWS sign-in page', 'https://signin.aws.amazon.com/signin?client_id=x'],
    ['a blank new tab', 'chrome://newtab/'],
  ])('routes in the current tab when it shows %s', async (_, url) => {
    const popup = await renderPopup(accounts, { activeTab: { id: 42, url } });
    await popup.press('Enter');
    expect(popup.requests.at(-1)).toMatchObject({ type: 'route.open', key: 'pay', tabId: 42 });
  });

  it('routes in a new tab with Ctrl+Enter or Cmd+Enter even from an AWS page', async () => {
    const popup = await renderPopup(accounts, {
      activeTab: { id: 42, url: 'https://console.aws.amazon.com/' },
    });
    await popup.press('Enter', { ctrlKey: true });
    expect(popup.requests.at(-1)).not.toHaveProperty('tabId');
    await popup.press('Enter', { metaKey: true });
    expect(popup.requests.at(-1)).not.toHaveProperty('tabId');
  });

  it('routes root and account-page entries with their own targets', async () => {
    const bare = account({ key: 'bare', alias: 'bare-account', label: 'Bare' });
    const popup = await renderPopup([payments, bare]);
    await popup.type('owner');
    await popup.press('Enter');
    expect(popup.requests.at(-1)).toMatchObject({ key: 'pay', target: { type: 'root' } });
    await popup.type('bare');
    await popup.press('Enter');
    expect(popup.requests.at(-1)).toMatchObject({ key: 'bare', target: { type: 'account' } });
  });

  it('does not route a root sign-in in GovCloud, and says why', async () => {
    const popup = await renderPopup(accounts);
    await popup.type('gov-root');
    await popup.press('Enter');
    expect(popup.requests.some((r) => r.type === 'route.open')).toBe(false);
    expect(popup.container.querySelector('[role="status"]')!.textContent).toContain('GovCloud');
    expect(popup.activeOption()!.getAttribute('aria-disabled')).toBe('true');
  });

  it('keeps the popup open and shows the error when the background refuses the route', async () => {
    const popup = await renderPopup(accounts, {
      reply: () => {
        throw new Error('That account no longer exists.');
      },
    });
    await popup.press('Enter');
    expect(popup.deps.close).not.toHaveBeenCalled();
    expect(popup.container.querySelector('[role="status"]')!.textContent).toBe(
      'That account no longer exists.',
    );
  });

  it('opens a new tab and stays open when the popup itself runs in a tab', async () => {
    const popup = await renderPopup(accounts, {
      ownTab: { id: 7 },
      activeTab: { id: 7, url: 'chrome-extension://abc/popup.html' },
    });
    await popup.press('Enter');
    expect(popup.requests.at(-1)).not.toHaveProperty('tabId');
    expect(popup.deps.close).not.toHaveBeenCalled();
  });

  it('clears the query with Escape, then closes the popup', async () => {
    const popup = await renderPopup(accounts);
    await popup.type('lake');
    await popup.press('Escape');
    expect(popup.search().value).toBe('');
    expect(popup.options()).toHaveLength(6);
    expect(popup.deps.close).not.toHaveBeenCalled();
    await popup.press('Escape');
    expect(popup.deps.close).toHaveBeenCalledOnce();
  });
});

describe('popup: mouse and row buttons', () => {
  it('routes a row when it is clicked, in a new tab with Ctrl held', async () => {
    const popup = await renderPopup(accounts);
    await popup.click(popup.options()[2]!);
    expect(popup.requests.at(-1)).toMatchObject({
      key: 'data',
      target: { type: 'iam', userName: 'analyst' },
    });
    await popup.click(popup.options()[2]!, { ctrlKey: true });
    expect(popup.requests.at(-1)).not.toHaveProperty('tabId');
  });

  it('copies the account sign-in URL of the active row', async () => {
    const popup = await renderPopup(accounts);
    await popup.press('ArrowDown');
    await popup.press('ArrowDown');
    await popup.click(popup.button('Copy the sign-in URL of Data lake')!);
    expect(popup.deps.copy).toHaveBeenCalledWith('https://210987654321.signin.aws.amazon.com/console');
    expect(popup.container.querySelector('[role="status"]')!.textContent).toBe('Sign-in URL copied.');
  });

  it('copies a GovCloud account URL on the GovCloud sign-in host', async () => {
    const popup = await renderPopup([gov]);
    await popup.click(popup.button(/^Copy the sign-in URL/)!);
    expect(popup.deps.copy).toHaveBeenCalledWith('https://333344445555.signin.amazonaws-us-gov.com/console');
  });

  it('opens the account in the options page', async () => {
    const popup = await renderPopup(accounts);
    await popup.click(popup.button('Edit Payments production in Signpost settings')!);
    expect(popup.deps.openOptions).toHaveBeenCalledWith('account=pay');
  });
});

describe('popup: 10,000 sign-ins', () => {
  it('renders only a window of rows and keeps the active one in the DOM', async () => {
    const popup = await renderPopup(manyAccounts(10_000));
    const rendered = popup.options();
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(30);
    expect(rendered[0]!.getAttribute('aria-setsize')).toBe('10000');
    await popup.press('End');
    const last = popup.activeOption()!;
    expect(last.getAttribute('aria-posinset')).toBe('10000');
    expect(popup.options().length).toBeLessThan(30);
    await popup.press('PageUp');
    expect(Number(popup.activeOption()!.getAttribute('aria-posinset'))).toBeLessThan(10000);
    expect(Number(popup.activeOption()!.getAttribute('aria-posinset'))).toBeGreaterThan(9980);
  });
});

describe('popup: the first screen comes before the whole list', () => {
  /** Renders the real popup and starts loading, holding the whole list back until `release()`. */
  async function openHeld(accounts: ReturnType<typeof manyAccounts>) {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const requests: Request[] = [];
    const model = createPopupModel({
      send: (async (request: Request) => {
        requests.push(request);
        if (request.type !== 'accounts.list') throw new Error(`unexpected ${request.type}`);
        return listReply(accounts, request);
      }) as never,
      ...QUIET_BROWSER,
      afterPaint: () => held,
    });
    const container = document.createElement('div');
    document.body.replaceChildren(container);
    let loaded!: Promise<void>;
    await act(async () => {
      render(<Popup model={model} />, container);
      loaded = model.load();
      // The first screen is in once the model says ready; the whole list waits for `release()`.
      await vi.waitFor(() => expect(model.status.value).toBe('ready'));
    });
    const labels = () =>
      [...container.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('aria-label'));
    const finish = async () => {
      await act(async () => {
        release();
        await loaded;
      });
    };
    const type = async (text: string) => {
      await act(async () => {
        const input = container.querySelector<HTMLInputElement>('input[aria-label="Search accounts"]')!;
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    };
    return { requests, labels, finish, type, text: () => container.textContent ?? '' };
  }

  it('paints the first sign-ins from a short list, then swaps in every account', async () => {
    const accounts = manyAccounts(500);
    const popup = await openHeld(accounts);
    const first = popup.labels();
    expect(first.length).toBeGreaterThan(3);
    // Without a view of the store to read, the first screen comes from the worker; the signed-in marks are
    // asked for once every sign-in is in (never waited for), so that nothing else competes with the list.
    const firstScreen = [{ type: 'accounts.list', limit: 40 }];
    expect(popup.requests).toEqual(firstScreen);
    await popup.finish();
    expect(popup.requests).toEqual([...firstScreen, { type: 'accounts.list' }, { type: 'consoles.list' }]);
    // The same sign-ins head the list before and after the whole list arrived.
    expect(popup.labels().slice(0, first.length)).toEqual(first);
    await popup.type('zzzz-no-such-account');
    expect(popup.text()).toContain('Nothing matches');
  });

  it('does not say "nothing matches" while the rest of the list is still on its way', async () => {
    const popup = await openHeld(manyAccounts(500));
    expect(popup.labels().length).toBeGreaterThan(3);
    await popup.type('zzzz-no-such-account');
    expect(popup.text()).not.toContain('Nothing matches');
    expect(popup.text()).toContain('Loading');
  });
});
