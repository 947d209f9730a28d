import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONSOLE_MATCHES } from '../lib/console/hosts';
import { answerPings, runConsole } from '../lib/console/run';
import { send } from '../lib/messages';

export default defineContentScript({
  matches: CONSOLE_MATCHES,
  allFrames: false,
  // The meta is in <head>: by document_end the DOM is parsed and the meta is there to read.
  runAt: 'document_end',
  // The page has no business hearing from Signpost (WXT would post it a note with the extension's ID).
  noScriptStartedPostMessage: true,
  main() {
    answerPings(browser.runtime.onMessage, location.hostname);
    void runConsole(document, send);
  },
});
