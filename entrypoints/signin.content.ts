import { defineContentScript } from 'wxt/utils/define-content-script';
import { SIGNIN_MATCHES } from '../lib/hosts';

export default defineContentScript({
  matches: SIGNIN_MATCHES,
  allFrames: false,
  runAt: 'document_idle',
  main() {},
});
