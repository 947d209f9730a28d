// The popup's line about a sign-in tab: the background keeps each tab's last decision from signin.done.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Deps, handleMessage, type Sender } from '../../../lib/background/handlers';
import { Session } from '../../../lib/background/session';
import { openSignpostDb } from '../../../lib/db';
import type { Reply } from '../../../lib/messages';
import { Store } from '../../../lib/store';

const EXT = 'signpost-test-id';
const ORIGIN = `chrome-extension://${EXT}/`;
const popup: Sender = { id: EXT, url: `${ORIGIN}popup.html` };
const SIGNIN = 'https://123456789012.signin.aws.amazon.com/console?code=sekrit';
const onPage = (tabId: number, url = SIGNIN): Sender => ({
  id: EXT,
  url,
  frameId: 0,
  tab: { id: tabId, url },
});

function setup() {
  const session = new Session(fakeBrowser.storage.session);
  const deps: Deps = {
    store: new Store(openSignpostDb()),
    session,
    tabs: { create: async () => ({ id: 1 }), update: async () => ({}) },
    extensionId: EXT,
    extensionOrigin: ORIGIN,
  };
  const ask = (message: unknown, sender: Sender) => handleMessage(message, sender, deps) as Promise<Reply>;
  return { ask, session };
}

describe('tab state: what the content script decided, per tab, for the popup', () => {
  it.each(['filled', 'no-match', 'unsupported-page', 'learned'] as const)(
    'a page that decided %s: the popup reads it for that tab only, without the query string',
    async (state) => {
      const { ask } = setup();
      await ask({ type: 'signin.done', state }, onPage(41));
      expect(await ask({ type: 'tab.state', tabId: 41 }, popup)).toEqual({
        ok: true,
        value: { tab: { state, url: 'https://123456789012.signin.aws.amazon.com/console' } },
      });
      expect(await ask({ type: 'tab.state', tabId: 42 }, popup)).toEqual({
        ok: true,
        value: { tab: undefined },
      });
    },
  );

  it('the next page in the tab replaces it, and closing the tab forgets it', async () => {
    const { ask, session } = setup();
    await ask({ type: 'signin.done', state: 'no-match' }, onPage(5));
    await ask({ type: 'signin.done', state: 'filled', routeUsed: true }, onPage(5));
    expect(await session.tabState(5)).toMatchObject({ state: 'filled' });
    await session.forgetTab(5);
    expect(await session.tabState(5)).toBeUndefined();
  });

  it.each([
    ['a sign-in page may not read tab states', { type: 'tab.state', tabId: 5 }, onPage(5)],
    ['the popup may not invent a decision', { type: 'signin.done', state: 'filled' }, popup],
    ['an unknown decision', { type: 'signin.done', state: 'hacked' }, onPage(5)],
  ])('%s', async (_, message, sender) => {
    const { ask, session } = setup();
    expect(await ask(message, sender)).toMatchObject({ ok: false });
    expect(await session.tabState(5)).toBeUndefined();
  });
});
