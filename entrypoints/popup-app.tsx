// Wires the popup: the model gets the browser (messages, tabs, clipboard, options page), Preact renders it.
// Built as one classic script (a WXT unlisted script: one file with everything in it), loaded with `defer` from
// popup.html's <head>, instead of a module graph of chunks shared with the options page: the page then makes
// two requests (this script and the stylesheet) where it made seven, and in Chrome each request to an
// extension's own files costs the popup's main thread a task while it waits. Measured (README, "Performance"):
// first rows at 10,000 sign-ins in 170 ms instead of 229 on a quiet machine.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PageState } from '../components/PageState';
import { Popup } from '../components/Popup';
import { recordedSessions } from '../lib/console-sessions';
import { t } from '../lib/i18n';
import { send } from '../lib/messages';
import { REPORT_REQUEST } from '../lib/page/report';
import { createPopupModel, type TabInfo } from '../lib/popup/model';
import { createPageStateModel } from '../lib/popup/page-state';
import { createViewReader } from '../lib/popup/view-reader';
import { DB_NAME, startEarly } from '../lib/view-open';

export default defineUnlistedScript(() => {
  // The catalogue Chrome chose (see options/main.tsx).
  document.documentElement.lang = t('htmlLang');
  const activeTab = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  // Every read the first paint waits for starts first, before Preact renders anything: IndexedDB's first
  // screen, the recorded console sessions, the popup's own tab (each taken once).
  const early = startEarly();
  let earlyTab = early.ownTab as Promise<TabInfo | undefined> | undefined;
  const model = createPopupModel({
    send,
    activeTab,
    ownTab: () => {
      const tab = earlyTab ?? browser.tabs.getCurrent();
      earlyTab = undefined;
      return tab;
    },
    close: () => window.close(),
    copy: (text) => navigator.clipboard.writeText(text),
    openOptions: (hash) => browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${hash}`) }),
    // The popup reads the store's view and the recorded console sessions itself: its first screen does not
    // wait for the service worker (stopped after 30 s idle).
    view: createViewReader(DB_NAME, early.view),
    sessions: async () => {
      const area = browser.storage.session;
      if (!area) return [];
      return recordedSessions({ get: (keys) => early.session ?? area.get(keys) });
    },
  });

  const pageState = createPageStateModel({
    send,
    activeTab,
    // activeTab lets the popup talk to the content script of the tab it was opened on; no tabs permission.
    askReport: (tabId) => browser.tabs.sendMessage(tabId, { type: REPORT_REQUEST }),
    copy: (text) => navigator.clipboard.writeText(text),
  });

  function App() {
    return (
      <>
        <PageState
          state={pageState.state.value}
          report={pageState.report.value}
          note={pageState.note.value}
          onCopy={() => void pageState.copy()}
        />
        <Popup model={model} />
      </>
    );
  }

  render(<App />, document.getElementById('app')!);
  // What the active tab's page reported needs the service worker: asked once the list is in, so that a
  // stopped worker starting up does not compete with the popup's first paint and search index.
  void model.load().finally(() => void pageState.load());
});
