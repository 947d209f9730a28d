// Where a popup route goes: which tab it uses (the current one only when it shows an AWS page or a blank new
// tab), which sign-in a search result names, and whether that sign-in can be routed at all.
import { signInUrlOf } from '../account';
import { isUnderConsoleHost, parseSignInUrl, supportsRoot } from '../hosts';
import type { SignInTarget } from '../messages';
import type { SearchEntry } from '../search';
import { signInLink } from '../sign-in-links';

export interface TabInfo {
  id?: number;
  url?: string;
}

const NEW_TAB_PAGES =
  /^(?:(?:chrome|edge|brave|vivaldi|opera):\/\/(?:newtab|new-tab-page|startpage)\/?|chrome-search:\/\/local-ntp\/.*|about:(?:blank|newtab|home|privatebrowsing))$/;

/** A console or sign-in page of one of the partitions: routing there replaces nothing worth keeping. */
export function isAwsPage(url: string | undefined): boolean {
  return url !== undefined && (parseSignInUrl(url) !== undefined || isUnderConsoleHost(url));
}

export function isBlankTab(url: string | undefined): boolean {
  return url !== undefined && NEW_TAB_PAGES.test(url);
}

/**
 * Which tab a route should use: the current one when it shows an AWS page or a blank new tab, otherwise a
 * new tab (undefined) so the page the user was reading stays. Ctrl/Cmd+Enter and a popup that is itself a
 * tab always get a new tab.
 */
export function routeTabId(active: TabInfo | undefined, own: TabInfo | undefined, newTab: boolean) {
  if (newTab || active?.id === undefined || own?.id === active.id) return undefined;
  return isAwsPage(active.url) || isBlankTab(active.url) ? active.id : undefined;
}

export function targetOf(entry: SearchEntry): SignInTarget {
  const s = entry.signIn;
  if (s?.type === 'iam') return { type: 'iam', userName: s.userName };
  if (s?.type === 'sso') return { type: 'sso', startUrl: s.startUrl, roleName: s.roleName };
  if (s?.type === 'switch') return { type: 'switch', roleName: s.roleName };
  return { type: s ? 'root' : 'account' };
}

/**
 * Root sign-in exists only in the standard partition; an Identity Center role needs the account ID (the
 * schema makes sure it has one); IAM users and switch roles need an account ID or alias.
 */
export function canRoute(entry: SearchEntry): boolean {
  if (entry.kind === 'root') return supportsRoot(entry.account.partition);
  if (entry.kind === 'sso') return Boolean(entry.account.accountId);
  return Boolean(entry.account.accountId || entry.account.alias);
}

/** The role an Identity Center or switch-role entry names; undefined for the other kinds. */
export function roleOf(entry: SearchEntry): string | undefined {
  const s = entry.signIn;
  return s?.type === 'sso' || s?.type === 'switch' ? s.roleName : undefined;
}

/**
 * The link the row's copy button gives: a role's own link (the shortcut or switch-role link the route opens,
 * built by the same function), else the account's sign-in URL.
 */
export function linkOf(entry: SearchEntry): string | undefined {
  const s = entry.signIn;
  if (s?.type === 'sso' || s?.type === 'switch') return signInLink(entry.account, s);
  return signInUrlOf(entry.account);
}
