// Who a message comes from, as the browser reports it to the background: Signpost's own pages and content
// scripts on sign-in pages. Every unit and security test builds its senders here, so they share one id.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from '../../lib/background/handlers';

/** The fake browser's own extension id, so these senders also serve the real background.main(). */
export const EXT = fakeBrowser.runtime.id;
export const ORIGIN = `chrome-extension://${EXT}/`;
export const POPUP: Sender = { id: EXT, url: `${ORIGIN}popup.html` };
export const OPTIONS: Sender = { id: EXT, url: `${ORIGIN}options.html` };
/** An account's own sign-in page, where a content script is welcome. */
const SIGN_IN = 'https://acme-prod.signin.aws.amazon.com/console';

/** A content script in frame `frameId` (0: the top frame) of `url` in tab `tabId`. */
export const contentScript = (url: string, tabId = 7, frameId = 0): Sender => ({
  id: EXT,
  url,
  frameId,
  tab: { id: tabId, url },
});

/** Senders the background must refuse whatever they send: not Signpost's own pages, not a top-frame sign-in page. */
export const FOREIGN_SENDERS: [string, Sender][] = [
  ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
  ['a sender without a URL', { id: EXT }],
  ['no id at all', { url: `${ORIGIN}popup.html` }],
  ['another extension’s page claiming our origin', { id: 'other', url: `${ORIGIN}popup.html` }],
  [
    'a URL that only starts like our origin',
    { id: EXT, url: `chrome-extension://${EXT}.evil.test/popup.html` },
  ],
  ['our origin without its slash', { id: EXT, url: `chrome-extension://${EXT}` }],
  ['a web page that is not a sign-in host', contentScript('https://evil.test/')],
  [
    'a web page with our id and no tab URL',
    { id: EXT, url: 'https://evil.test/', frameId: 0, tab: { id: 7 } },
  ],
  ['a lookalike host', contentScript('https://signin.aws.amazon.com.evil.test/signin')],
  ['plain http', contentScript('http://signin.aws.amazon.com/signin')],
  ['a sign-in host on another port', contentScript('https://signin.aws.amazon.com:8443/signin')],
  ['a sign-in host with user info', contentScript('https://x@signin.aws.amazon.com/signin')],
  ['a sign-in page inside a frame', contentScript('https://signin.aws.amazon.com/signin', 7, 3)],
  ['a content script without a frame id', { id: EXT, url: SIGN_IN, tab: { id: 7 } }],
  ['a content script without a tab', { id: EXT, url: SIGN_IN, frameId: 0 }],
  ['a content script whose tab has no id', { id: EXT, url: SIGN_IN, frameId: 0, tab: {} }],
];
