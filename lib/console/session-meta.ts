// Reads the one thing Signpost takes from an AWS console page: the `<meta name="awsc-session-data">` JSON
// that says which account (and who in it) the page's session belongs to. Framework-free, for the console
// content script. Any field may be missing or hostile: each is checked on its own, and without a valid
// account ID nothing is returned at all.

import { parseSignInUrl } from '../hosts';
import { isAccountId, isAlias, type Partition } from '../ids';

/** Longer than any real session meta by far; a larger attribute is not parsed at all. */
export const MAX_META_LENGTH = 8_192;

export interface ConsoleSession {
  accountId: string;
  alias?: string;
  /** The principal's ARN: an IAM user, the root user, an assumed role or a federated user. */
  principalArn?: string;
  /** The sign-in host the session came through, e.g. `eu-west-1.signin.aws.amazon.com`. */
  signInEndpoint?: string;
  /** The multi-session label of this session's console host. */
  sessionDifferentiator?: string;
  multiSession?: boolean;
}

export type Principal =
  | { type: 'iam'; userName: string }
  | { type: 'root' }
  | { type: 'role'; roleName: string }
  | { type: 'federated'; name: string };

// arn:<partition>:iam::<id>:root | :user/<path/>name ; arn:<partition>:sts::<id>:assumed-role/<role>/<session>
// | :federated-user/<name>. Each resource only with its own service.
const ARN =
  /^arn:(aws|aws-us-gov|aws-cn):(?:iam::(\d{12}):(?:(root)|user\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64}))|sts::(\d{12}):(?:assumed-role\/([\w+=,.@-]{1,64})\/[\w+=,.@-]{1,64}|federated-user\/([\w+=,.@-]{2,32})))$/;
const DIFFERENTIATOR = /^[A-Za-z0-9_-]{1,64}$/;
/** A sign-in host as a bare host name (no scheme, port, path or user info), exactly as parseSignInUrl reads it. */
function isSignInEndpoint(host: string): boolean {
  return /^[a-z0-9.-]+$/.test(host) && parseSignInUrl(`https://${host}/`) !== undefined;
}

/** What a principal ARN says, and the partition and account it belongs to. */
export function parsePrincipalArn(
  arn: string,
): { partition: Partition; accountId: string; principal: Principal } | undefined {
  const m = ARN.exec(arn);
  // No path part may be dots only (`user/../x`).
  if (!m || arn.split('/').some((p) => /^\.+$/.test(p))) return undefined;
  const [, partition, iamAccount, root, userName, stsAccount, roleName, name] = m as (string | undefined)[];
  const principal: Principal = root
    ? { type: 'root' }
    : userName
      ? { type: 'iam', userName }
      : roleName
        ? { type: 'role', roleName }
        : { type: 'federated', name: name! };
  return { partition: partition as Partition, accountId: (iamAccount ?? stsAccount)!, principal };
}

const text = (value: unknown, max = 256) =>
  typeof value === 'string' && value.length <= max ? value : undefined;

function flag(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** Parses the meta's `content`; undefined unless it is a JSON object with a valid 12-digit `accountId`. */
export function parseSessionMeta(content: string | null | undefined): ConsoleSession | undefined {
  if (typeof content !== 'string' || content.length > MAX_META_LENGTH) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const raw = data as Record<string, unknown>;
  const accountId = text(raw.accountId, 12);
  if (!accountId || !isAccountId(accountId)) return undefined;
  const session: ConsoleSession = { accountId };
  const alias = text(raw.accountAlias, 63);
  if (alias && isAlias(alias)) session.alias = alias;
  const arn = text(raw.sessionARN ?? raw.sessionArn, 512);
  // A principal of another account is not this session's: drop it rather than trust it.
  if (arn && parsePrincipalArn(arn)?.accountId === accountId) session.principalArn = arn;
  const endpoint = text(raw.signInEndpoint, 253);
  if (endpoint && isSignInEndpoint(endpoint)) {
    session.signInEndpoint = endpoint;
  }
  const differentiator = text(raw.sessionDifferentiator, 64);
  if (differentiator && DIFFERENTIATOR.test(differentiator)) session.sessionDifferentiator = differentiator;
  const multi = flag(raw.prismModeEnabled);
  if (multi !== undefined) session.multiSession = multi;
  return session;
}

/** Reads the session meta of a console page's document (after DOMContentLoaded). Reads nothing else. */
export function readSessionMeta(doc: Document): ConsoleSession | undefined {
  const metas = doc.querySelectorAll('meta[name="awsc-session-data"]');
  // Two metas that disagree are a page Signpost does not understand.
  if (metas.length !== 1) return undefined;
  return parseSessionMeta(metas[0]!.getAttribute('content'));
}
