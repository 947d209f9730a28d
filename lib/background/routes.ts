// Opening a sign-in: the URL of an account's sign-in page for a target, and the tab that opens it with its
// route remembered, so the sign-in page's script knows what to fill. The popup and the omnibox share it.
import { rootEmail } from '../account';
import { accountSignInUrl, rootSignInUrl } from '../hosts';
import { t } from '../i18n';
import type { ParsedRequestOf, SignInTarget } from '../message-schemas';
import type { Account, PendingRoute } from '../schema';
import { type Deps, Refused } from './context';
import { ROUTE_TTL } from './session';

function accountRef(account: Account): string | undefined {
  return account.accountId ?? account.alias;
}

async function openTab(
  ctx: Deps,
  url: string,
  tabId: number | undefined,
  active: boolean,
  route: Omit<PendingRoute, 'tabId'>,
) {
  // The route is stored before the tab loads the sign-in page, so even a fast page finds it.
  if (tabId !== undefined) {
    await ctx.session.setRoute({ ...route, tabId });
    await ctx.tabs.update(tabId, { url });
    return tabId;
  }
  const tab = await ctx.tabs.create({ url: 'about:blank', active });
  if (tab.id === undefined) throw new Refused(t('refusedNoTab'));
  await ctx.session.setRoute({ ...route, tabId: tab.id });
  await ctx.tabs.update(tab.id, { url });
  return tab.id;
}

function routeUrl(account: Account, target: SignInTarget): string {
  if (target.type === 'root') {
    const url = rootSignInUrl(account.partition, account.region);
    if (!url) throw new Refused(t('refusedRootPartition'));
    if (!rootEmail(account)) throw new Refused(t('refusedNoRootEmail'));
    return url;
  }
  const ref = accountRef(account);
  if (!ref) throw new Refused(t('refusedNoSignInPage'));
  return accountSignInUrl({
    partition: account.partition,
    account: ref,
    region: account.region,
    landingPath: account.landingPath,
  });
}

export type RouteRequest = Omit<ParsedRequestOf<'route.open'>, 'type'>;

/** Opens a sign-in: builds its URL, remembers the route for the tab, counts the use. Popup and omnibox share it. */
export async function openRoute(deps: Deps, req: RouteRequest): Promise<{ url: string; tabId: number }> {
  const ctx = { ...deps, now: deps.now ?? Date.now };
  const account = await ctx.store.get(req.key);
  if (!account) throw new Refused(t('refusedAccountGone'));
  const url = routeUrl(account, req.target);
  const now = ctx.now();
  const email = rootEmail(account);
  const tabId = await openTab(ctx, url, req.tabId, req.active, {
    partition: account.partition,
    accountKey: account.key,
    accountId: account.accountId,
    alias: account.alias,
    signIn: req.target.type === 'root' ? { type: 'root', email: email! } : req.target,
    createdAt: now,
    expiresAt: now + ROUTE_TTL,
  });
  if (req.target.type !== 'account') await ctx.store.recordUse(account.key, req.target);
  return { url, tabId };
}
