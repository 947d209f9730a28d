// The one content script (inpage.js: WXT reserves *content.ts names for defineContentScript), registered in wxt.config.ts (CONTENT_SCRIPTS) for two sets of hosts, top frame
// only: on the sign-in hosts from document_start (it fills after DOMContentLoaded, with its answer ready),
// and on the console hosts at document_end, where it reads only the session meta. One file serves both so
// their shared code (identifier rules, messaging) counts once in the 8 KB gzipped budget; it is an unlisted
// script rather than defineContentScript because WXT's content-script context (invalidation events, timers,
// a "script started" event posted to the page) cost about 1 KB and nothing here used it.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { answerPings, runConsole } from '../lib/console/run';
import { sendQuietly as send } from '../lib/messages';
import { mayAskForReport, pageReport } from '../lib/page/report';
import { run } from '../lib/page/run';

export default defineUnlistedScript({
  main() {
    // Which of its two jobs: the manifest's patterns tell the sign-in hosts (`…signin.<partition>`) from the
    // console hosts (`…console.<partition>`); each job checks the host exactly (run(), and the background).
    if (!location.hostname.split('.').includes('signin')) {
      answerPings(browser.runtime.onMessage, location.hostname);
      void runConsole(document, send);
      return;
    }
    void run(document, window, send);
    // The popup's "Copy page report": answered only for Signpost's own pages, built when asked.
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (!mayAskForReport(message, sender, browser.runtime.id)) return undefined;
      sendResponse(pageReport(document, location.href, document.documentElement.dataset.signpost));
      return undefined;
    });
  },
});
