import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../lib/background/handlers';
import { Session } from '../lib/background/session';
import { Store } from '../lib/store';

export default defineBackground({
  type: 'module',
  main() {
    const store = new Store();
    const session = new Session(browser.storage.session);
    const deps = {
      store,
      session,
      tabs: browser.tabs,
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
    };
    browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, deps));
    browser.tabs.onRemoved.addListener((tabId) => void session.forgetTab(tabId));
  },
});
