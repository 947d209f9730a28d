import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { focusConsole, signedInKeys } from '../lib/background/console-handlers';
import { Consoles } from '../lib/background/consoles';
import { handleMessage, openRoute } from '../lib/background/handlers';
import { applyManagedDirectory, MANAGED_STATUS_KEY, type ManagedStatus } from '../lib/background/managed';
import { Session } from '../lib/background/session';
import { choose, placement, suggest } from '../lib/omnibox';
import { indexOf } from '../lib/search';
import { Store } from '../lib/store';

export default defineBackground({
  type: 'module',
  main() {
    const store = new Store();
    const session = new Session(browser.storage.session);
    const consoles = new Consoles(browser.storage.session);
    const deps = {
      store,
      session,
      tabs: browser.tabs,
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      consoles: { map: consoles, tabs: browser.tabs, windows: browser.windows },
    };
    browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, deps));

    // The organization's directory, applied at start and whenever the administrator's policy changes.
    const applyPolicy = () =>
      applyManagedDirectory({
        readManaged: () => browser.storage.managed.get(),
        list: () => store.list(),
        putManaged: (accounts) => store.putManaged(accounts),
        saveStatus: (status) => browser.storage.local.set({ [MANAGED_STATUS_KEY]: status }),
        lastStatus: async () =>
          (await browser.storage.local.get(MANAGED_STATUS_KEY))[MANAGED_STATUS_KEY] as
            | ManagedStatus
            | undefined,
      });
    void applyPolicy();
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') void applyPolicy();
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      void session.forgetTab(tabId);
      void consoles.drop(tabId);
    });

    // The omnibox reuses the popup's ranking over the store's (cached) list.
    const searchIndex = async () => indexOf((await store.list()).accounts);
    const markup = import.meta.env.BROWSER !== 'firefox';
    // Suggestions mark signed-in accounts from the map as stored (no ping per keystroke); Enter checks the tab.
    const signedIn = async () =>
      new Set(signedInKeys(await consoles.entries(), (await store.list()).accounts));
    browser.omnibox.onInputChanged.addListener(async (text, show) => {
      const [index, keys] = await Promise.all([searchIndex(), signedIn()]);
      show(suggest(index, text, { now: Date.now(), markup, signedIn: keys }));
    });
    browser.omnibox.onInputEntered.addListener(async (text, disposition) => {
      const choice = choose(await searchIndex(), text, Date.now());
      if (!choice) return;
      const { newTab, active } = placement(disposition);
      if (!newTab && (await focusConsole(consoles, deps.consoles, await store.get(choice.key)))) return;
      const [current] = newTab ? [] : await browser.tabs.query({ active: true, currentWindow: true });
      await openRoute(deps, { ...choice, tabId: current?.id, active });
    });
  },
});
