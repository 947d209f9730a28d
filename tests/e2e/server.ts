// Loopback HTTPS server that serves the replica AWS sign-in pages under their real hostnames (Chromium maps
// every host to it with --host-resolver-rules), so the extension's content script runs exactly as it would
// on AWS. Routing is by Host header and path; what the pages look like is chosen by server state.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type Variant = 'classic' | 'redesigned';

export interface ReplicaConfig {
  /** Main sign-in page (`signin.aws.amazon.com/signin`, `/oauth`). */
  main: Variant;
  /** IAM user sign-in page (`<account>.signin.<partition>/console`). */
  iam: Variant;
  /** Account hosts 302 to `https://<region>.signin.<partition>/oauth?…&account=<label>` first. */
  accountRedirect: boolean;
  /** When set, forms render after this many ms and then re-mount their inputs once more. */
  lateMs?: number;
  /** Delay between the late render and the re-mount. */
  remountMs: number;
  /** Signing in (IAM page, root password) leads to an MFA page before the console. */
  mfa: boolean;
  /** Submitting records the submission but stays on the page (so tests can read `__replica.submitted`). */
  stayOnSubmit: boolean;
  /** Pause before a submitted page navigates on, as the real page waits for its sign-in request. */
  submitDelayMs: number;
  /** Alias or root email → account ID, for the console page's `awsc-session-data`. */
  accounts: Record<string, string>;
  /** The accounts the portal replica's start page lists (its `#/` route). */
  portalAccounts: { id: string; name: string; role: string }[];
  /** Script the main and IAM pages run right after their own, once the form has rendered (so only on pages
   * that render at once, without `lateMs`), before DOMContentLoaded and so before Signpost looks at them. */
  afterRender?: string;
}

export type SubmissionPage = 'main' | 'root-password' | 'iam' | 'mfa-iam' | 'mfa-root' | 'switchrole';

/** What a replica page's own model saw when it was submitted. Passwords and codes are only lengths. */
export interface Submission {
  page: SubmissionPage;
  host: string;
  fields: Record<string, string>;
  at: number;
}

export interface ReplicaServer {
  port: number;
  readonly config: Readonly<ReplicaConfig>;
  /** Every submission so far, oldest first. */
  readonly submissions: Submission[];
  configure(changes: Partial<ReplicaConfig>): void;
  /** Back to the defaults (classic pages, no redirects, no MFA) and no submissions. */
  reset(): void;
  waitForSubmission(predicate?: (s: Submission) => boolean, timeoutMs?: number): Promise<Submission>;
  close(): Promise<void>;
}

const DEFAULTS: ReplicaConfig = {
  main: 'classic',
  iam: 'classic',
  accountRedirect: false,
  lateMs: undefined,
  remountMs: 400,
  mfa: false,
  stayOnSubmit: false,
  submitDelayMs: 100,
  accounts: {},
  portalAccounts: [],
  afterRender: undefined,
};

const LATE_QUERY_MS = 1500;
export const CONSOLE_CLIENT_ID = 'arn:aws:signin:::console/canvas';
const REPLICAS = new URL('./replicas/', import.meta.url);

interface Partition {
  id: 'aws' | 'aws-us-gov' | 'aws-cn';
  name: string;
  signin: string;
  console: string;
  region: string;
  hasRoot: boolean;
}

// Kept apart from lib/hosts.ts on purpose: the server must not share a bug with the code it tests.
const PARTITIONS: readonly Partition[] = [
  {
    id: 'aws',
    name: 'AWS',
    signin: 'signin.aws.amazon.com',
    console: 'console.aws.amazon.com',
    region: 'us-east-1',
    hasRoot: true,
  },
  {
    id: 'aws-us-gov',
    name: 'AWS GovCloud (US)',
    signin: 'signin.amazonaws-us-gov.com',
    console: 'console.amazonaws-us-gov.com',
    region: 'us-gov-west-1',
    hasRoot: false,
  },
  {
    id: 'aws-cn',
    name: 'Amazon Web Services in China',
    signin: 'signin.amazonaws.cn',
    console: 'console.amazonaws.cn',
    region: 'cn-north-1',
    hasRoot: false,
  },
];

/** Hosts that look like sign-in hosts but are not; they serve copies of the main and IAM pages. */
export const LOOKALIKE_HOSTS = [
  'signin.aws.amazon.com.evil.test',
  'signin-aws-amazon.com',
  'x.signin.aws.amazon.co',
  'a.b.signin.aws.amazon.com',
] as const;
/** Hosts that look like console hosts but are not; they serve the console replica, meta and all. */
export const CONSOLE_LOOKALIKE_HOSTS = [
  'console.aws.amazon.com.evil.test',
  'a.b.c.console.aws.amazon.com',
] as const;
/**
 * Access-portal hosts the replica portal is served on, one of each form AWS uses: a directory ID, a custom
 * subdomain, GovCloud (plain and regional; the start URL's path is `/directory/<name>`) and dual-stack.
 * Kept apart from lib/targets.ts on purpose, like PARTITIONS.
 */
export const PORTAL_HOSTS = {
  directory: 'd-1234567890.awsapps.com',
  custom: 'acme-corp.awsapps.com',
  gov: 'start.us-gov-home.awsapps.com',
  govRegional: 'start.us-gov-west-1.us-gov-home.awsapps.com',
  dualStack: 'ssoins-1234567890abcdef.portal.eu-west-1.app.aws',
} as const;
/** Hosts that look like portals but are not; they serve the same portal page. */
export const PORTAL_LOOKALIKE_HOSTS = [
  'd-1234567890.awsapps.com.evil.test',
  'a.b.awsapps.com',
  'ssoins-lookalike.portal.eu-west-1.app.aws',
  'start.evil-home.awsapps.com',
] as const;

/** Serves a page that frames the real main sign-in page. */
export const FRAMING_HOST = 'evil.test';

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

type HostKind =
  | { kind: 'console'; partition: Partition }
  | { kind: 'signin'; partition: Partition; region?: string }
  | { kind: 'account'; partition: Partition; label: string }
  | { kind: 'lookalike'; partition: Partition }
  | { kind: 'portal'; path: RegExp }
  | { kind: 'framing' };

// The path of each portal form's start page (the portal's own routes are in the fragment).
const PORTAL_PATH = {
  start: /^\/start\/?$/,
  directory: /^\/directory\/[a-z0-9-]+\/?$/,
  bare: /^\/(start\/?)?$/,
};

function portalHost(host: string): RegExp | undefined {
  if ((PORTAL_LOOKALIKE_HOSTS as readonly string[]).includes(host))
    return host.includes('.portal.')
      ? PORTAL_PATH.bare
      : host.startsWith('start.')
        ? PORTAL_PATH.directory
        : PORTAL_PATH.start;
  if (host === PORTAL_HOSTS.gov || host === PORTAL_HOSTS.govRegional) return PORTAL_PATH.directory;
  if (host === PORTAL_HOSTS.dualStack) return PORTAL_PATH.bare;
  if (host === PORTAL_HOSTS.directory || host === PORTAL_HOSTS.custom) return PORTAL_PATH.start;
  return undefined;
}

function classifyHost(host: string): HostKind | undefined {
  if (host === FRAMING_HOST) return { kind: 'framing' };
  const portalPath = portalHost(host);
  if (portalPath) return { kind: 'portal', path: portalPath };
  const aws = PARTITIONS[0]!;
  if ((LOOKALIKE_HOSTS as readonly string[]).includes(host)) return { kind: 'lookalike', partition: aws };
  if ((CONSOLE_LOOKALIKE_HOSTS as readonly string[]).includes(host))
    return { kind: 'console', partition: aws };
  for (const partition of PARTITIONS) {
    if (host === partition.console || host.endsWith(`.${partition.console}`)) {
      return { kind: 'console', partition };
    }
    if (host === partition.signin) return { kind: 'signin', partition };
    if (!host.endsWith(`.${partition.signin}`)) continue;
    const label = host.slice(0, -partition.signin.length - 1);
    if (label.includes('.')) return { kind: 'lookalike', partition };
    if (REGION.test(label)) return { kind: 'signin', partition, region: label };
    if (LABEL.test(label)) return { kind: 'account', partition, label };
    return undefined;
  }
  return undefined;
}

/** A stable made-up 12-digit account ID for an alias or email the test did not configure. */
function madeUpAccountId(key: string): string {
  let hash = 7;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) % 1e12;
  return String(hash).padStart(12, '1').slice(-12);
}

async function makeCertificate(dir: string): Promise<{ key: string; cert: string }> {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  try {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      '/CN=signpost-replica.test',
      '-addext',
      'subjectAltName=DNS:*.aws.amazon.com,DNS:*.signin.aws.amazon.com,DNS:signin.aws.amazon.com',
    ]);
  } catch (error) {
    throw new Error(`The e2e server needs the openssl command to make its certificate: ${String(error)}`);
  }
  return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8') };
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

const redirect = (location: string): Reply => ({ status: 302, headers: { location } });
const notFound = (what: string): Reply => ({
  status: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: `No replica for ${what}`,
});

export async function startReplicaServer(): Promise<ReplicaServer> {
  const dir = await mkdtemp(join(tmpdir(), 'signpost-replica-'));
  const { key, cert } = await makeCertificate(dir);
  const templates = new Map<string, string>();
  for (const name of [
    'main-classic',
    'main-redesigned',
    'iam-classic',
    'iam-redesigned',
    'mfa-iam',
    'mfa-root',
    'console-home',
    'framing',
    'portal',
    'switchrole',
  ]) {
    templates.set(name, await readFile(new URL(`${name}.html`, REPLICAS), 'utf8'));
  }

  let config: ReplicaConfig = { ...DEFAULTS, accounts: {} };
  const submissions: Submission[] = [];
  const waiters = new Set<(s: Submission) => void>();

  function page(name: string, data: Record<string, unknown>, sessionData?: Record<string, unknown>): Reply {
    let body = templates.get(name)!;
    // `<` is escaped so no value can close the script element.
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
    body = body.replace('<!--replica-config-->', `<script>window.__replicaConfig = ${json};</script>`);
    if (sessionData) {
      const content = JSON.stringify(sessionData).replace(/&/g, '&amp;').replace(/'/g, '&#39;');
      body = body.replace('<!--session-data-->', `<meta name="awsc-session-data" content='${content}'>`);
    }
    if (config.afterRender && /^(main|iam)-/.test(name)) {
      // `<\/` keeps the script's own text from closing its element.
      const script = config.afterRender.replace(/<\//g, '<\\/');
      body = body.replace('</body>', () => `<script>${script}</script>\n</body>`);
    }
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      body,
    };
  }

  function accountIdFor(labelOrEmail: string): string {
    if (/^\d{12}$/.test(labelOrEmail)) return labelOrEmail;
    return config.accounts[labelOrEmail] ?? madeUpAccountId(labelOrEmail);
  }

  function consoleHome(partition: Partition, path: string): string {
    return `https://${partition.console}${path}`;
  }

  /** Where the console sends a visitor after sign-in, with who signed in (the replica's session). */
  function signedIn(redirectUri: string, partition: Partition, who: { account?: string; email?: string }) {
    let url: URL;
    try {
      url = new URL(redirectUri);
    } catch {
      url = new URL(consoleHome(partition, '/console/home'));
    }
    if (classifyHost(url.hostname)?.kind !== 'console')
      url = new URL(consoleHome(partition, '/console/home'));
    if (who.account) url.searchParams.set('replica_account', who.account);
    if (who.email) url.searchParams.set('replica_root', who.email);
    return url.toString();
  }

  function lateMs(url: URL): number | undefined {
    return url.searchParams.get('late') === '1' ? LATE_QUERY_MS : config.lateMs;
  }

  function common(url: URL, partition: Partition, lookalike: boolean) {
    return {
      partition: partition.id,
      partitionName: partition.name,
      hasRoot: partition.hasRoot,
      signinHost: partition.signin,
      redirectUri: url.searchParams.get('redirect_uri') ?? consoleHome(partition, '/console/home'),
      clientId: url.searchParams.get('client_id') ?? CONSOLE_CLIENT_ID,
      lateMs: lateMs(url) ?? null,
      remountMs: config.remountMs,
      stayOnSubmit: config.stayOnSubmit,
      submitDelayMs: config.submitDelayMs,
      lookalike,
    };
  }

  function mainPage(url: URL, partition: Partition, lookalike = false): Reply {
    return page(`main-${config.main}`, {
      page: 'main',
      variant: config.main,
      ...common(url, partition, lookalike),
    });
  }

  function iamPage(url: URL, partition: Partition, account: string, lookalike = false): Reply {
    return page(`iam-${config.iam}`, {
      page: 'iam',
      variant: config.iam,
      account,
      ...common(url, partition, lookalike),
    });
  }

  function mfaPage(url: URL, partition: Partition, root: boolean): Reply {
    return page(root ? 'mfa-root' : 'mfa-iam', {
      page: root ? 'mfa-root' : 'mfa-iam',
      variant: 'classic',
      account: url.searchParams.get('account') ?? '',
      email: url.searchParams.get('email') ?? '',
      ...common(url, partition, false),
    });
  }

  /** The console a `/console[/<service>][?region=]` sign-in URL lands on. */
  function landing(url: URL, partition: Partition): string {
    const explicit = url.searchParams.get('redirect_uri');
    if (explicit) return explicit;
    const service = url.pathname.replace(/^\/console\/?/, '').replace(/\/+$/, '');
    const landingUrl = new URL(consoleHome(partition, service ? `/${service}/home` : '/console/home'));
    const region = url.searchParams.get('region');
    if (region) landingUrl.searchParams.set('region', region);
    return landingUrl.toString();
  }

  function oauthUrl(partition: Partition, redirectUri: string, region?: string): URL {
    const host = region ? `${region}.${partition.signin}` : partition.signin;
    const target = new URL(`https://${host}/${region ? 'oauth' : 'signin'}`);
    target.searchParams.set('redirect_uri', redirectUri);
    target.searchParams.set('client_id', CONSOLE_CLIENT_ID);
    return target;
  }

  function record(host: string, body: URLSearchParams): Submission | undefined {
    const pageName = body.get('page') as SubmissionPage | null;
    if (!pageName || !['main', 'root-password', 'iam', 'mfa-iam', 'mfa-root'].includes(pageName)) return;
    const fields: Record<string, string> = {};
    for (const [name, value] of body) {
      // Belt and braces: a replica posts lengths, never a password or code, and none is kept here.
      if (name === 'page' || name === 'redirect_uri' || name === 'stay' || /password$|^mfa|code$/i.test(name))
        continue;
      fields[name] = value;
    }
    const submission = { page: pageName, host, fields, at: Date.now() };
    submissions.push(submission);
    for (const waiter of waiters) waiter(submission);
    return submission;
  }

  /** Where a submitted replica goes next (the real page's sign-in request and redirects, in one step). */
  function afterSubmit(submission: Submission, body: URLSearchParams, host: string, partition: Partition) {
    const redirectUri = body.get('redirect_uri') ?? consoleHome(partition, '/console/home');
    const { fields } = submission;
    switch (submission.page) {
      case 'main': {
        if (fields.userType !== 'iam') return undefined;
        const label = (fields.identifier ?? '').toLowerCase();
        if (!LABEL.test(label)) return notFound(`account ${label}`);
        const target = new URL(`https://${label}.${partition.signin}/console`);
        target.searchParams.set('redirect_uri', redirectUri);
        return redirect(target.toString());
      }
      case 'root-password':
      case 'iam': {
        const root = submission.page === 'root-password';
        if (config.mfa) {
          const target = new URL(`https://${host}/mfa${root ? '/root' : ''}`);
          target.searchParams.set('redirect_uri', redirectUri);
          if (root) target.searchParams.set('email', fields.identifier ?? '');
          else target.searchParams.set('account', fields.account ?? '');
          return redirect(target.toString());
        }
        return redirect(
          signedIn(redirectUri, partition, root ? { email: fields.identifier } : { account: fields.account }),
        );
      }
      default:
        return redirect(
          signedIn(
            redirectUri,
            partition,
            fields.email ? { email: fields.email } : { account: fields.account ?? '' },
          ),
        );
    }
  }

  function signinRoutes(url: URL, partition: Partition, account: string | undefined, lookalike: boolean) {
    const path = url.pathname;
    if (path === '/mfa' || path === '/mfa/') return mfaPage(url, partition, false);
    if (path === '/mfa/root') return mfaPage(url, partition, true);
    if (path === '/console' || path.startsWith('/console/')) {
      const label = account ?? url.searchParams.get('account') ?? '';
      if (account && config.accountRedirect && !lookalike) {
        const target = oauthUrl(partition, landing(url, partition), partition.region);
        target.searchParams.set('account', account);
        return redirect(target.toString());
      }
      return iamPage(url, partition, label, lookalike);
    }
    if (account && path === '/') return redirect(`https://${url.host}/console`);
    if (path === '/' || path === '/signin' || path === '/oauth') {
      const queried = url.searchParams.get('account');
      return queried === null
        ? mainPage(url, partition, lookalike)
        : iamPage(url, partition, queried, lookalike);
    }
    return notFound(url.toString());
  }

  function switchRolePage(url: URL, partition: Partition): Reply {
    return page('switchrole', {
      page: 'switchrole',
      redirectUri: url.searchParams.get('redirect_uri') ?? consoleHome(partition, '/console/home'),
      stayOnSubmit: config.stayOnSubmit,
    });
  }

  /** The Switch Role form's post: records what a role switch needs (never `csrf`), then opens the console. */
  function switchRole(host: string, body: URLSearchParams, partition: Partition): Reply {
    const fields: Record<string, string> = {};
    for (const name of ['account', 'roleName', 'displayName', 'color']) fields[name] = body.get(name) ?? '';
    const submission: Submission = { page: 'switchrole', host, fields, at: Date.now() };
    submissions.push(submission);
    for (const waiter of waiters) waiter(submission);
    return redirect(signedIn(body.get('redirect_uri') ?? '', partition, { account: fields.account }));
  }

  function route(method: string, url: URL, body: URLSearchParams): Reply {
    const host = url.hostname.toLowerCase();
    const where = classifyHost(host);
    if (!where) return notFound(host);
    if (where.kind === 'framing') return page('framing', { page: 'framing' });
    if (where.kind === 'portal') {
      if (!where.path.test(url.pathname)) return notFound(url.toString());
      return page('portal', { page: 'portal', accounts: config.portalAccounts });
    }
    const { partition } = where;
    if (url.pathname === '/replica/submit' && where.kind !== 'console') {
      if (method !== 'POST') return { status: 405 };
      const submission = record(host, body);
      if (!submission) return { status: 400 };
      if (body.get('stay') === '1') return { status: 204 };
      return afterSubmit(submission, body, host, partition) ?? { status: 204 };
    }
    if (where.kind === 'signin' && /^\/switchrole\/?$/.test(url.pathname)) {
      return method === 'POST' ? switchRole(host, body, partition) : switchRolePage(url, partition);
    }
    switch (where.kind) {
      case 'console': {
        const account = url.searchParams.get('replica_account');
        const email = url.searchParams.get('replica_root');
        if (account === null && email === null) {
          return redirect(oauthUrl(partition, url.toString()).toString());
        }
        const accountId = accountIdFor(account ?? email ?? '');
        const alias = account && !/^\d{12}$/.test(account) ? account : null;
        // Who signed in, as the console names it: an IAM user (`replica_user`) or the root user.
        const user = url.searchParams.get('replica_user');
        const sessionARN = user
          ? `arn:${partition.id}:iam::${accountId}:user/${user}`
          : email
            ? `arn:${partition.id}:iam::${accountId}:root`
            : undefined;
        // Multi-session hosts (`<differentiator>.<region>.console…`) carry their session's fields.
        const labels = host.slice(0, -partition.console.length - 1).split('.');
        const multi =
          labels.length === 2 ? { prismModeEnabled: 'true', sessionDifferentiator: labels[0] } : {};
        return page(
          'console-home',
          { page: 'console', partition: partition.id, accountId, alias, rootEmail: email },
          {
            accountId,
            accountAlias: alias,
            sessionARN,
            signInEndpoint: partition.signin,
            partition: partition.id,
            ...multi,
          },
        );
      }
      case 'signin':
        return signinRoutes(url, partition, undefined, false);
      case 'account':
        return signinRoutes(url, partition, where.label, false);
      case 'lookalike': {
        const label = host.endsWith(`.${partition.signin}`) ? host.split('.')[0] : undefined;
        const isConsole = url.pathname.startsWith('/console');
        if (isConsole && !url.searchParams.has('account')) {
          return iamPage(url, partition, label ?? '123456789012', true);
        }
        return signinRoutes(url, partition, undefined, true);
      }
    }
  }

  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let reply: Reply;
      try {
        const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'unknown.test'}`);
        const body = new URLSearchParams(req.method === 'POST' ? Buffer.concat(chunks).toString('utf8') : '');
        reply = route(req.method ?? 'GET', url, body);
      } catch (error) {
        console.error('replica server:', error);
        reply = { status: 500, body: String(error) };
      }
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    get config() {
      return config;
    },
    submissions,
    configure(changes) {
      config = { ...config, ...changes };
    },
    reset() {
      config = { ...DEFAULTS, accounts: {}, portalAccounts: [] };
      submissions.length = 0;
    },
    waitForSubmission(predicate = () => true, timeoutMs = 5000) {
      const found = submissions.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(`No matching submission within ${timeoutMs} ms; got ${JSON.stringify(submissions)}`),
          );
        }, timeoutMs);
        const waiter = (s: Submission) => {
          if (!predicate(s)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(s);
        };
        waiters.add(waiter);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
