// The sign-in pages' content script (top frame of the sign-in hosts, from document_start). It is registered in
// wxt.config.ts (CONTENT_SCRIPTS) rather than with defineContentScript: WXT's content-script context
// (invalidation events, timers, a "script started" event posted to the page) cost about 1 KB of the 8 KB
// gzipped budget, and nothing here used it.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { send } from '../lib/messages';
import { mayAskForReport, pageReport } from '../lib/page/report';
import { run } from '../lib/page/run';

export default defineUnlistedScript({
  main() {
    void run(document, window, send);
    // The popup's "Copy page report": answered only for Signpost's own pages, built when asked.
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (!mayAskForReport(message, sender, browser.runtime.id)) return undefined;
      sendResponse(pageReport(document, location.href, document.documentElement.dataset.signpost));
      return undefined;
    });
  },
});
