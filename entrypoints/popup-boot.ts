// The popup's first script: a classic script in <head>, run as soon as the page starts parsing, that only
// opens IndexedDB and asks for the view's state (lib/view-open.ts). The rest of the popup (Preact, the search,
// the polyfill) is then still loading; when it runs, its reader takes what this started instead of asking.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EARLY_GLOBAL, startView } from '../lib/view-open';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[EARLY_GLOBAL] = startView();
});
