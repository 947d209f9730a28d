import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SIGNIN_MATCHES } from '../lib/hosts';
import { send } from '../lib/messages';
import { mayAskForReport, pageReport } from '../lib/page/report';
import { run } from '../lib/page/run';

export default defineContentScript({
  matches: SIGNIN_MATCHES,
  allFrames: false,
  // Start at once so the background's answer is ready when the form appears; run() itself fills only after
  // DOMContentLoaded, once the page's framework is listening.
  runAt: 'document_start',
  // WXT would otherwise window.postMessage every sign-in page a "content script started" note carrying
  // Signpost's extension ID; the page has no business hearing from Signpost.
  noScriptStartedPostMessage: true,
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
