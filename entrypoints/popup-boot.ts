// The popup's first script: a classic script in <head>, run as soon as the page starts parsing, that only
// starts the reads the first paint waits for (lib/view-open.ts): IndexedDB's view state, the recorded console
// sessions, the popup's own tab. The rest of the popup (Preact, the search, the polyfill) is then still
// loading; when it runs, it takes what this started instead of asking.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EARLY_GLOBAL, startEarly } from '../lib/view-open';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[EARLY_GLOBAL] = startEarly();
});
