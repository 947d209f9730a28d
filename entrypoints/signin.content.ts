import { defineContentScript } from 'wxt/utils/define-content-script';
import { SIGNIN_MATCHES } from '../lib/hosts';
import { send } from '../lib/messages';
import { run } from '../lib/page/run';

export default defineContentScript({
  matches: SIGNIN_MATCHES,
  allFrames: false,
  runAt: 'document_idle',
  main() {
    void run(document, window, send);
  },
});
