// Identity Center and switch-role targets: the rules for start URLs, permission sets and role names, and
// the two routes built from validated parts — AWS's shortcut link into an access portal and its switch-role
// link. Framework-free and zod-free, so the content script can read a portal address with the same rules.
import { type ConsoleTarget, isUnderConsoleHost, parseSignInUrl, partitionHosts, signInHost } from './hosts';
import { isAccountId, isRegion, type Partition } from './ids';
import { resolveLandingPath } from './landing-path';

/**
 * Content-script match patterns: the access-portal hosts (`<label>.awsapps.com`, GovCloud
 * `start.[<region>.]us-gov-home.awsapps.com`, dual-stack `ssoins-….portal.<region>.app.aws`). `*.` matches any
 * depth, so the script narrows it with parseStartUrl at run time and does nothing on any other host.
 */
export const PORTAL_MATCHES = ['https://*.awsapps.com/*', 'https://*.app.aws/*'];

/** A start URL in its one stored form (`https://d-1234567890.awsapps.com/start`) and its partition. */
export interface StartUrl {
  url: string;
  partition: Partition;
}

/** Why a text is not a start URL, in plain words. */
export type StartUrlProblem = 'not-url' | 'not-https' | 'not-portal' | 'path';

// One DNS label (a custom portal subdomain, a GovCloud directory name): letters, digits and inner hyphens. A
// directory ID (`d-` + 10 of [0-9a-z]) is one too.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/**
 * The three portal forms, each a host and the path its start URL has: `<label>.awsapps.com/start`, GovCloud
 * `start.[us-gov-<east|west>-<n>.]us-gov-home.awsapps.com/directory/<name>`, and the dual-stack
 * `ssoins-<16 hex>.portal.<region>.app.aws` (its start URL is the bare host; `/start` is accepted).
 */
const PORTAL_FORMS: readonly [host: RegExp, path: RegExp][] = [
  [new RegExp(`^${LABEL}\\.awsapps\\.com$`), /^\/start$/],
  [/^start\.(?:us-gov-(?:east|west)-\d\.)?us-gov-home\.awsapps\.com$/, new RegExp(`^/directory/${LABEL}$`)],
  [/^ssoins-[0-9a-f]{16}\.portal\.([^.]+)\.app\.aws$/, /^(?:\/start)?$/],
];

/** The portal a URL's host and path name, or the reason it names none. */
function portalOf(url: URL): StartUrl | StartUrlProblem {
  const host = url.hostname;
  const path = url.pathname.replace(/\/+$/, '');
  const form = PORTAL_FORMS.findIndex(([pattern]) => pattern.test(host));
  // The dual-stack host names its region: a real one, outside China (no Identity Center portal there).
  const region = PORTAL_FORMS[2]![0].exec(host)?.[1];
  if (form < 0 || (region && (!isRegion(region) || region.startsWith('cn-')))) return 'not-portal';
  if (!PORTAL_FORMS[form]![1].test(path)) return 'path';
  return {
    url: `https://${host}${region ? '' : path}`,
    partition: form === 1 || region?.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
  };
}

/** Whether a URL is plain https on the default port without user info, as AWS serves its pages. */
const isPlainHttps = (url: URL) => url.protocol === 'https:' && !(url.username || url.password || url.port);

/**
 * The access portal a page's address is on (its path is the start URL's; the query and the portal's own
 * `#/…` fragment aside), or undefined for any other address.
 */
export function portalAt(href: string): StartUrl | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const portal = isPlainHttps(url) ? portalOf(url) : undefined;
  return typeof portal === 'object' ? portal : undefined;
}

/**
 * Reads a start URL as people paste it (with or without `https://`, a trailing slash, the portal's own
 * `#/…` fragment) into its stored form. Anything that is not one of AWS's portal forms is refused with the
 * reason: a lookalike such as `d-1234567890.awsapps.com.evil.test` is not a portal.
 */
export function parseStartUrl(input: string): StartUrl | StartUrlProblem {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return 'not-url';
  }
  if (url.protocol !== 'https:') return 'not-https';
  return isPlainHttps(url) ? portalOf(url) : 'not-portal';
}

/** A permission set's name (`sso_role_name`): 1 to 32 letters, digits or `+=,.@_-`. */
export function isPermissionSetName(input: string): boolean {
  return /^[\w+=,.@-]{1,32}$/.test(input);
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const PATH_PART = /^[\w+=,.@-]+$/;

/**
 * A role name as the switch-role link takes it: the name, after its path when it has one
 * (`division/team/ReadOnly`, as in the ARN after `role/`). A leading slash is dropped.
 */
export function normaliseRoleName(input: string): string {
  return input.trim().replace(/^\/+/, '');
}

export function isRoleName(input: string): boolean {
  const parts = input.split('/');
  const name = parts.pop()!;
  return ROLE_NAME.test(name) && input.length <= 576 && parts.every((p) => PATH_PART.test(p));
}

/** The account ID and role name of an IAM role ARN (`arn:aws:iam::123456789012:role/path/Name`). */
export function parseRoleArn(
  arn: string,
): { partition: Partition; accountId: string; roleName: string } | undefined {
  const m = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role\/(.+)$/.exec(arn.trim());
  if (!m) return undefined;
  const roleName = normaliseRoleName(m[3]!);
  return isRoleName(roleName) ? { partition: m[1] as Partition, accountId: m[2]!, roleName } : undefined;
}

/** The console URL a shortcut link's `destination` names: the account's region and landing page. */
export function consoleDestination(target: Omit<ConsoleTarget, 'account'>): string | undefined {
  if (!target.region && !target.landingPath) return undefined;
  const host = partitionHosts(target.partition).console;
  const url = new URL(`https://${target.region ? `${target.region}.` : ''}${host}/console/home`);
  const landing = target.landingPath ? resolveLandingPath(target.landingPath) : undefined;
  if (landing?.segments.length) url.pathname = `/${landing.segments.map(encodeURIComponent).join('/')}`;
  if (landing?.query) url.search = landing.query;
  if (target.region && !url.searchParams.has('region')) url.searchParams.set('region', target.region);
  if (landing?.fragment) url.hash = landing.fragment;
  return url.toString();
}

/**
 * AWS's shortcut link into an access portal: `<start URL>/#/console?account_id=…&role_name=…` with
 * `&destination=<console URL>` when there is one. Built only from a start URL that parses.
 */
export function shortcutUrl(
  startUrl: string,
  accountId: string,
  roleName: string,
  destination?: string,
): string | undefined {
  const portal = parseStartUrl(startUrl);
  if (typeof portal === 'string' || !isAccountId(accountId) || !isPermissionSetName(roleName))
    return undefined;
  const url = new URL(portal.url);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  const query = new URLSearchParams({ account_id: accountId, role_name: roleName });
  if (destination) query.set('destination', destination);
  url.hash = `/console?${query}`;
  return url.toString();
}

/** What a portal address that is a shortcut link names, or undefined for any other address. */
export function parseShortcutUrl(
  href: string,
): { startUrl: string; partition: Partition; accountId: string; roleName: string } | undefined {
  const portal = portalAt(href);
  const m = portal && /^#\/console\?(.*)$/.exec(new URL(href).hash);
  if (!m) return undefined;
  const query = new URLSearchParams(m[1]);
  const accountId = query.get('account_id') ?? '';
  const roleName = query.get('role_name') ?? '';
  if (!isAccountId(accountId) || !isPermissionSetName(roleName)) return undefined;
  return { startUrl: portal.url, partition: portal.partition, accountId, roleName };
}

/**
 * AWS's link that opens the Switch Role form pre-filled:
 * `https://signin.<partition host>/switchrole?roleName=…&account=…&displayName=…`.
 */
export function switchRoleUrl(
  partition: Partition,
  account: string,
  roleName: string,
  displayName?: string,
): string {
  const url = new URL(`https://${signInHost(partition)}/switchrole`);
  url.searchParams.set('roleName', roleName);
  url.searchParams.set('account', account);
  if (displayName) url.searchParams.set('displayName', displayName);
  return url.toString();
}

/**
 * The last check before a tab is opened: a route goes only to an AWS sign-in host, a console host, or an
 * access portal that parses as a start URL — never anywhere a crafted record or import names.
 */
export function isAllowedRouteUrl(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  if (parseSignInUrl(url) || isUnderConsoleHost(url)) return true;
  return typeof portalOf(url) !== 'string';
}
