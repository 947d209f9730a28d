// The one content script (inpage.js: WXT reserves *content.ts names for defineContentScript), registered in wxt.config.ts (CONTENT_SCRIPTS) for three sets of hosts, top frame
// only: on the sign-in hosts from document_start (it fills after DOMContentLoaded, with its answer ready),
// on the console hosts at document_end, where it reads only the session meta, and on the access-portal hosts
// at document_end, where it reads only the page's own address. One file serves all three so their shared code
// (identifier rules, messaging, the notice) counts once in the 8 KB gzipped budget; it is an unlisted script
// rather than defineContentScript because WXT's content-script context (invalidation events, timers, a
// "script started" event posted to the page) cost about 1 KB and nothing here used it.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { answerPings, runConsole } from '../lib/console/run';
import { sendQuietly as send } from '../lib/messages';
import { runPortal } from '../lib/page/portal';
import { mayAskForReport, pageReport } from '../lib/page/report';
import { run } from '../lib/page/run';

/** The script's one run; wxt.config.ts calls it without WXT's wrapper (see there). */
export function main(): void {
  // Which of its jobs: the manifest's patterns tell the sign-in hosts (`…signin.<partition>`), the portal
  // hosts (`….awsapps.com`, `….app.aws`) and the console hosts (`…console.<partition>`) apart; each job
  // checks the host exactly (run(), runPortal(), and the background).
  const labels = location.hostname.split('.');
  if (/^(awsapps|app)$/.test(labels.at(-2)!)) {
    runPortal(document, window, send);
    return;
  }
  if (!labels.includes('signin')) {
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
}

export default /* @__PURE__ */ defineUnlistedScript(main);
