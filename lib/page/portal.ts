// The access portal's script: it reads only the page's own address, never the page. When the address is a
// shortcut link (`<start URL>/#/console?account_id=…&role_name=…`) it tells the background which account and
// role, and shows what came of it (the Undo notice, or the "ask" notice). The portal is a single-page app: a
// new link in the same page arrives as a hashchange.
//
// The script does not carry lib/targets.ts's portal rules (about 400 bytes gzipped, more than the content
// script's budget has left): the match patterns (`*.awsapps.com`, `*.app.aws`) are AWS's own domains, and
// the background applies those rules to the sender's own address (the browser's word, not the message's)
// before it learns anything — a host that is not a portal is refused and its page gets nothing, as the
// console script leaves the console host's exact check to the background.
import type { PortalRequest, Send } from '../messages';
import { teller } from './tell';

/** Watches this top-frame page's address for shortcut links; does nothing in a frame. */
export function runPortal(doc: Document, win: Window, send: Send<PortalRequest>, noticeMs = 8000): boolean {
  if (win.top !== win) return false;
  const { learn } = teller(doc, win, send, 'portal', noticeMs);
  // A hashchange means a new address: the same link opened again is another use.
  const look = () => {
    const query = new URLSearchParams(/^#\/console\?(.*)$/.exec(win.location.hash)?.[1]);
    const accountId = query.get('account_id');
    const roleName = query.get('role_name');
    if (accountId && roleName) void learn({ accountId, roleName }, `${roleName} · ${accountId}`);
  };
  look();
  win.addEventListener('hashchange', look);
  return true;
}
