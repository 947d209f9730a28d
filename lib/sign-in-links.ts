// What the popup, the omnibox and the background say about an Identity Center or switch-role sign-in: the
// portal's short name, and the one link each opens (the background routes to it; the popup copies it).
// Framework-free and zod-free, like lib/targets.ts.
import type { Account, SsoSignIn, SwitchSignIn } from './schema';
import { consoleDestination, shortcutUrl, switchRoleUrl } from './targets';

/**
 * The access portal as a person tells portals apart: its stored start URL without `https://` and `/start`
 * (`mycorp.awsapps.com`; a GovCloud portal keeps its `/directory/<name>`). Searched and shown in the popup.
 */
export function portalName(startUrl: string): string {
  return startUrl.replace(/^https:\/\//, '').replace(/\/start$/, '');
}

/**
 * The shorter name the import preview uses (`d-1234567890`, `corp`, a GovCloud directory, `ssoins-…`): the
 * part of the start URL that names the portal, in a sentence that already says "Identity Center".
 */
export function portalShortName(startUrl: string): string {
  try {
    const url = new URL(startUrl);
    const directory = /^\/directory\/([^/]+)/.exec(url.pathname)?.[1];
    return directory ?? url.hostname.split('.')[0] ?? startUrl;
  } catch {
    return startUrl;
  }
}

/**
 * The link a portal or switch-role sign-in opens: AWS's shortcut link (with the account's region and
 * landing page as its destination) or the switch-role link (the account by ID, else alias). Undefined when
 * the account lacks what the link needs.
 */
export function signInLink(
  account: Pick<Account, 'partition' | 'accountId' | 'alias' | 'region' | 'landingPath'>,
  signIn:
    | Pick<SsoSignIn, 'type' | 'startUrl' | 'roleName'>
    | Pick<SwitchSignIn, 'type' | 'roleName' | 'displayName'>,
): string | undefined {
  if (signIn.type === 'switch') {
    const ref = account.accountId ?? account.alias;
    return ref ? switchRoleUrl(account.partition, ref, signIn.roleName, signIn.displayName) : undefined;
  }
  if (!account.accountId) return undefined;
  return shortcutUrl(signIn.startUrl, account.accountId, signIn.roleName, consoleDestination(account));
}
