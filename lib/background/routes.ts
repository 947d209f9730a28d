// Opening a sign-in: the URL of an account's sign-in page for a target, and the tab that opens it with its
// route remembered, so the sign-in page's script knows what to fill. The popup and the omnibox share it.
import { rootEmail } from '../account';
import { accountSignInUrl, rootSignInUrl } from '../hosts';
import { t } from '../i18n';
import type { ParsedRequestOf, SignInTarget } from '../message-schemas';
import type { Account, PendingRoute, SsoSignIn, SwitchSignIn } from '../schema';
import { signInId } from '../sign-in-kinds';
import { signInLink } from '../sign-in-links';
import { isAllowedRouteUrl } from '../targets';
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
  route: Omit<PendingRoute, 'tabId'> | undefined,
) {
  // The last check before any tab moves: a URL built from a crafted record never leaves AWS's hosts.
  if (!isAllowedRouteUrl(url)) throw new Refused(t('refusedRouteHost'));
  // The route is stored before the tab loads the sign-in page, so even a fast page finds it.
  if (tabId !== undefined) {
    if (route) await ctx.session.setRoute({ ...route, tabId });
    await ctx.tabs.update(tabId, { url });
    return tabId;
  }
  const tab = await ctx.tabs.create({ url: 'about:blank', active });
  if (tab.id === undefined) throw new Refused(t('refusedNoTab'));
  if (route) await ctx.session.setRoute({ ...route, tabId: tab.id });
  await ctx.tabs.update(tab.id, { url });
  return tab.id;
}

/** The stored sign-in a portal or switch-role target names (the request's copy is never routed to). */
function storedTarget(account: Account, target: SignInTarget): SsoSignIn | SwitchSignIn | undefined {
  if (target.type !== 'sso' && target.type !== 'switch') return undefined;
  const id = signInId(target);
  const found = account.signIns.find((s) => signInId(s) === id);
  if (!found || (found.type !== 'sso' && found.type !== 'switch')) throw new Refused(t('refusedSignInGone'));
  return found;
}

/** Identity Center's shortcut link or the switch-role link: neither is a sign-in page Signpost fills. */
function targetUrl(account: Account, target: SsoSignIn | SwitchSignIn): string {
  const url = signInLink(account, target);
  if (!url) throw new Refused(t('refusedNoSignInPage'));
  return url;
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
  const stored = storedTarget(account, req.target);
  const url = stored ? targetUrl(account, stored) : routeUrl(account, req.target);
  const now = ctx.now();
  const email = rootEmail(account);
  const { target } = req;
  const route =
    target.type === 'sso' || target.type === 'switch'
      ? undefined
      : {
          partition: account.partition,
          accountKey: account.key,
          accountId: account.accountId,
          alias: account.alias,
          signIn: target.type === 'root' ? { type: 'root' as const, email: email! } : target,
          createdAt: now,
          expiresAt: now + ROUTE_TTL,
        };
  const tabId = await openTab(ctx, url, req.tabId, req.active, route);
  if (req.target.type !== 'account') await ctx.store.recordUse(account.key, req.target);
  return { url, tabId };
}
