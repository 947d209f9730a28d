// Parses and builds AWS sign-in and console URLs. Hosts are compared label by label, never by substring, so
// lookalikes such as `signin.aws.amazon.com.evil.test` get nothing.
import { isAccountId, isAlias, isRegion, type Partition } from './ids';
import { resolveLandingPath } from './landing-path';

interface PartitionHosts {
  partition: Partition;
  /** Labels after `signin.`, e.g. ['aws', 'amazon', 'com']. */
  suffix: readonly string[];
  console: string;
  /** Root users can sign in to the console only in the standard partition. */
  hasRoot: boolean;
}

export const PARTITION_HOSTS: readonly PartitionHosts[] = [
  { partition: 'aws', suffix: ['aws', 'amazon', 'com'], console: 'console.aws.amazon.com', hasRoot: true },
  {
    partition: 'aws-us-gov',
    suffix: ['amazonaws-us-gov', 'com'],
    console: 'console.amazonaws-us-gov.com',
    hasRoot: false,
  },
  { partition: 'aws-cn', suffix: ['amazonaws', 'cn'], console: 'console.amazonaws.cn', hasRoot: false },
];

/** Content-script match patterns: the sign-in hosts of the three partitions. `*.` matches any depth, so
 * parseSignInUrl narrows it to exactly one label (a region or an account) at run time. */
export const SIGNIN_MATCHES = [
  'https://signin.aws.amazon.com/*',
  'https://*.signin.aws.amazon.com/*',
  'https://signin.amazonaws-us-gov.com/*',
  'https://*.signin.amazonaws-us-gov.com/*',
  'https://signin.amazonaws.cn/*',
  'https://*.signin.amazonaws.cn/*',
];

export function partitionHosts(partition: Partition): PartitionHosts {
  return PARTITION_HOSTS.find((p) => p.partition === partition)!;
}

export function signInHost(partition: Partition): string {
  return `signin.${partitionHosts(partition).suffix.join('.')}`;
}

export function supportsRoot(partition: Partition): boolean {
  return partitionHosts(partition).hasRoot;
}

export interface SignInLocation {
  partition: Partition;
  /** The one label before `signin.`, when there is one. */
  label?: string;
  /** What that label is: a region (`eu-west-1.signin…`) or an account ID / alias. */
  labelKind?: 'region' | 'account';
}

function toUrl(input: string | URL): URL | undefined {
  if (input instanceof URL) return input;
  try {
    return new URL(input);
  } catch {
    return undefined;
  }
}

/** The host's labels if `input` is an https URL on the default port without user info, as AWS serves. */
function httpsLabels(input: string | URL): string[] | undefined {
  const url = toUrl(input);
  if (url === undefined) return undefined;
  const plain = url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '';
  return plain ? url.hostname.split('.') : undefined;
}

/**
 * Returns where a URL is if it is exactly a sign-in host of a supported partition over plain https
 * (default port, no user info); undefined for everything else.
 */
export function parseSignInUrl(input: string | URL): SignInLocation | undefined {
  const labels = httpsLabels(input);
  if (!labels) return undefined;
  for (const hosts of PARTITION_HOSTS) {
    const n = hosts.suffix.length;
    const tail = labels.slice(-n);
    if (tail.length !== n || tail.some((label, i) => label !== hosts.suffix[i])) continue;
    const head = labels.slice(0, -n);
    if (head.length === 1 && head[0] === 'signin') return { partition: hosts.partition };
    if (head.length !== 2 || head[1] !== 'signin') return undefined;
    const label = head[0]!;
    if (isRegion(label)) return { partition: hosts.partition, label, labelKind: 'region' };
    if (isAccountId(label) || isAlias(label))
      return { partition: hosts.partition, label, labelKind: 'account' };
    return undefined;
  }
  return undefined;
}

export interface ConsoleLocation {
  partition: Partition;
  region?: string;
  /** The multi-session label in front of the region (one session per host). */
  differentiator?: string;
  /** The account a multi-session host names: `<account id>-<session>.<region>.console.…`. */
  accountId?: string;
}

/** Content-script match patterns: the console hosts of the three partitions. `*.` matches any depth, so
 * parseConsoleUrl narrows it to a region, or a differentiator and a region, at run time. */
export const CONSOLE_MATCHES = /* @__PURE__ */ PARTITION_HOSTS.flatMap(({ console }) => [
  `https://${console}/*`,
  `https://*.${console}/*`,
]);

// One DNS label: letters, digits and inner hyphens (hostnames reach us lowercased).
const DIFFERENTIATOR = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MULTI_SESSION = /^(\d{12})-[a-z\d]+$/;

/** A region belongs to one partition: `us-gov-*` to GovCloud, `cn-*` to China, the rest (not ISO) to aws. */
function regionOf(partition: Partition, region: string): boolean {
  if (!isRegion(region)) return false;
  if (partition === 'aws-us-gov') return region.startsWith('us-gov-');
  if (partition === 'aws-cn') return region.startsWith('cn-');
  return !region.startsWith('us-gov-') && !region.startsWith('cn-') && !/^[a-z]{2}-iso/.test(region);
}

/** The partition whose console host `labels` end with, and the labels before it. */
function underConsole(labels: string[]): { partition: Partition; head: string[] } | undefined {
  for (const { partition, console } of PARTITION_HOSTS) {
    const tail = console.split('.');
    if (labels.length >= tail.length && labels.slice(-tail.length).join('.') === console) {
      return { partition, head: labels.slice(0, -tail.length) };
    }
  }
  return undefined;
}

/**
 * Where a URL is if it is exactly a console host of a supported partition over plain https (default port,
 * no user info): `console.…`, `<region>.console.…` or, with multi-session on,
 * `<differentiator>.<region>.console.…`; undefined for everything else.
 */
export function parseConsoleUrl(input: string | URL): ConsoleLocation | undefined {
  const labels = httpsLabels(input);
  const found = labels && underConsole(labels);
  if (!found) return undefined;
  const { partition, head } = found;
  if (head.length === 0) return { partition };
  const region = head.at(-1)!;
  if (head.length > 2 || !regionOf(partition, region)) return undefined;
  if (head.length === 1) return { partition, region };
  const differentiator = head[0]!;
  if (!DIFFERENTIATOR.test(differentiator)) return undefined;
  const session = MULTI_SESSION.exec(differentiator);
  return session
    ? { partition, region, differentiator, accountId: session[1]! }
    : { partition, region, differentiator };
}

/**
 * True for any https page under a console host, including a service's own (`s3.console.aws.amazon.com`):
 * an AWS page, where routing may reuse the tab. Not a place the console script reads.
 */
export function isUnderConsoleHost(input: string | URL): boolean {
  const labels = httpsLabels(input);
  return labels !== undefined && underConsole(labels) !== undefined;
}

export interface ConsoleTarget {
  partition: Partition;
  /** Account ID (preferred: an alias can change) or alias. */
  account: string;
  region?: string;
  /** Console path to land on, e.g. `/s3` or `/ec2/home`. */
  landingPath?: string;
}

/**
 * The account-specific IAM sign-in URL: `https://<account>.signin.<partition host>/console[/path][?query][#fragment]`.
 * The landing page's query and fragment stay a query and a fragment (its own `region` wins over the
 * account's); a landing page that would climb out of /console is left out, so the route lands on /console.
 */
export function accountSignInUrl(target: ConsoleTarget): string {
  const url = new URL(`https://${target.account}.${signInHost(target.partition)}/console`);
  const landing = target.landingPath ? resolveLandingPath(target.landingPath) : undefined;
  if (landing?.segments.length)
    url.pathname = `/console/${landing.segments.map(encodeURIComponent).join('/')}`;
  if (landing?.query) url.search = landing.query;
  if (target.region && !url.searchParams.has('region')) url.searchParams.set('region', target.region);
  if (landing?.fragment) url.hash = landing.fragment;
  return url.toString();
}

/** The root route starts at the console, which sends the user to the main sign-in page. */
export function rootSignInUrl(partition: Partition, region?: string): string | undefined {
  if (!supportsRoot(partition)) return undefined;
  const url = new URL(`https://${partitionHosts(partition).console}/console/home`);
  if (region) url.searchParams.set('region', region);
  return url.toString();
}
