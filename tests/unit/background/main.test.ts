// The service worker's wiring, tested through background.main() with WXT's fake browser: messages reach the
// handlers with the browser's own id and origin, a closed tab's pending route is forgotten, and the omnibox
// suggests and routes. The handlers themselves are tested in handlers.test.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Browser, browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import type { Sender } from '../../../lib/background/handlers';
import { contentScript, POPUP } from '../../fakes/senders';

/** An event a test can fire, for the APIs the fake browser leaves unimplemented (omnibox). */
function event<F extends (...args: never[]) => unknown>() {
  const listeners: F[] = [];
  return {
    addListener: (listener: F) => void listeners.push(listener),
    trigger: (...args: Parameters<F>) => Promise.all(listeners.map((l) => l(...args))),
  };
}

type InputChanged = (text: string, show: (suggestions: Browser.omnibox.SuggestResult[]) => void) => void;
type InputEntered = (text: string, disposition: string) => void;
let omnibox: {
  onInputChanged: ReturnType<typeof event<InputChanged>>;
  onInputEntered: ReturnType<typeof event<InputEntered>>;
};

const ACCOUNT_PAGE = 'https://123456789012.signin.aws.amazon.com/console';
const onTab = (tabId: number) => contentScript(ACCOUNT_PAGE, tabId);

/** A runtime message as the browser delivers it to the service worker's listener; resolves with the reply. */
async function send(message: unknown, sender: Sender = POPUP) {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
  return (await reply) as unknown as { ok: boolean; value?: Record<string, unknown>; error?: string };
}

async function saveProd(): Promise<string> {
  const reply = await send({
    type: 'accounts.save',
    account: {
      accountId: '123456789012',
      label: 'Production',
      signIns: [{ type: 'iam', userName: 'alice' }],
    },
  });
  return (reply.value as { account: { key: string } }).account.key;
}

async function openTab(url = 'https://news.example/', active = true): Promise<number> {
  return (await fakeBrowser.tabs.create({ url, active })).id!;
}

beforeEach(async () => {
  // The browser window the person is in: tabs.query({ currentWindow }) looks here.
  await fakeBrowser.windows.create({ focused: true });
  omnibox = { onInputChanged: event<InputChanged>(), onInputEntered: event<InputEntered>() };
  Object.assign(browser.omnibox, omnibox);
  background.main();
});

describe('runtime messages', () => {
  it('reach the handlers as from this extension, so its own pages are answered', async () => {
    await saveProd();
    const reply = await send({ type: 'accounts.list' });
    expect(reply.ok).toBe(true);
    expect(reply.value?.accounts).toMatchObject([{ accountId: '123456789012', label: 'Production' }]);
  });

  it('from another extension are refused', async () => {
    const reply = await send(
      { type: 'accounts.list' },
      { id: 'other', url: 'chrome-extension://other/popup.html' },
    );
    expect(reply).toEqual({ ok: false, error: 'Signpost does not answer this sender.' });
  });
});

describe('closing a tab', () => {
  it('forgets the sign-in routed to it, and only that one', async () => {
    const key = await saveProd();
    const [closed, kept] = [await openTab(), await openTab()];
    for (const tabId of [closed, kept]) {
      await send({ type: 'route.open', key, target: { type: 'iam', userName: 'alice' }, tabId });
    }
    // As the browser reports a closed tab (the fake's tabs.remove looks the tab up as a window).
    await fakeBrowser.tabs.onRemoved.trigger(closed, { windowId: 1, isWindowClosing: false });
    // The listener forgets the route without holding the event up: wait for it to be gone.
    await vi.waitFor(async () =>
      expect((await send({ type: 'signin.query' }, onTab(closed))).value).not.toHaveProperty('route'),
    );
    expect((await send({ type: 'signin.query' }, onTab(kept))).value).toMatchObject({
      route: { type: 'iam', userName: 'alice' },
    });
  });
});

describe('the address bar (aws <query>)', () => {
  it('suggests the matching sign-ins as the person types', async () => {
    await saveProd();
    const show = vi.fn();
    await omnibox.onInputChanged.trigger('prod', show);
    expect(show).toHaveBeenCalledTimes(1);
    expect(show.mock.calls[0]![0]).toEqual([
      { content: 'alice @ 123456789012', description: expect.stringContaining('alice') },
    ]);
  });

  it.each([
    ['currentTab', 'the current tab', false, 'sign-in'],
    ['newForegroundTab', 'a new tab', true, 'sign-in'],
    ['newBackgroundTab', 'a new background tab', true, 'current'],
  ])('Enter (%s) opens the sign-in page in %s', async (disposition, _where, inNewTab, inFront) => {
    await saveProd();
    const current = await openTab();
    await omnibox.onInputEntered.trigger('prod alice', disposition);
    const tabs = await fakeBrowser.tabs.query({});
    const signIn = tabs.filter((tab) => tab.url === ACCOUNT_PAGE);
    expect(signIn).toHaveLength(1);
    expect(signIn[0]!.id === current).toBe(!inNewTab);
    const [front] = await fakeBrowser.tabs.query({ active: true });
    expect(front!.id).toBe(inFront === 'current' ? current : signIn[0]!.id);
    expect((await send({ type: 'signin.query' }, onTab(signIn[0]!.id!))).value).toMatchObject({
      route: { type: 'iam', userName: 'alice' },
    });
  });

  it.each([
    [
      'an Identity Center role (with the account region as destination)',
      'shared administratoraccess',
      'https://d-1234567890.awsapps.com/start/#/console?account_id=444455556666&role_name=AdministratorAccess&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1',
    ],
    [
      'a switch role',
      'shared deploy',
      'https://signin.aws.amazon.com/switchrole?roleName=ci%2FDeploy&account=444455556666&displayName=Shared+deploy',
    ],
  ])('Enter on %s opens exactly its link', async (_, query, url) => {
    const saved = await send({
      type: 'accounts.save',
      account: {
        accountId: '444455556666',
        label: 'Shared services',
        region: 'eu-west-1',
        signIns: [
          {
            type: 'sso',
            startUrl: 'https://d-1234567890.awsapps.com/start',
            roleName: 'AdministratorAccess',
          },
          { type: 'switch', roleName: 'ci/Deploy', displayName: 'Shared deploy' },
        ],
      },
    });
    expect(saved.ok).toBe(true);
    const reading = await openTab();
    await omnibox.onInputEntered.trigger(query, 'newForegroundTab');
    const opened = (await fakeBrowser.tabs.query({})).filter((tab) => tab.url && tab.id !== reading);
    expect(opened.map((tab) => tab.url)).toEqual([url]);
  });

  it('Enter with nothing matching opens nothing', async () => {
    await saveProd();
    await openTab();
    const before = await fakeBrowser.tabs.query({});
    await omnibox.onInputEntered.trigger('no such account', 'currentTab');
    expect(await fakeBrowser.tabs.query({})).toEqual(before);
  });
});
