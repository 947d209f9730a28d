// Identifier rules for AWS account IDs, aliases, IAM user names, regions and root emails, framework-free
// so the content script can use them without zod.

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';
export const PARTITIONS: readonly Partition[] = ['aws', 'aws-us-gov', 'aws-cn'];

const ACCOUNT_ID = /^\d{12}$/;
// AWS alias grammar: lowercase letters, digits and hyphens; starts and ends with a letter or digit; no "--".
const ALIAS = /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;
const USER_NAME = /^[\w+=,.@-]{1,64}$/;
// AWS region names: a two-letter area, an optional gov/iso marker, a compass direction, a number
// (us-east-1, us-gov-west-1, cn-northwest-1, us-isob-east-1). Directions are spelled out so an alias such
// as `my-prod-1` (also valid alias grammar) is not mistaken for a region.
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central)(?:east|west)?-\d{1,2}$/;
// Deliberately simple: one @, something on each side, a dot in the domain, no spaces.
// No control characters or lone surrogates either: an email is shown in the address bar and on pages.
const EMAIL = /^[^\s@\p{Cc}\p{Cs}]+@[^\s@\p{Cc}\p{Cs}]+\.[^\s@\p{Cc}\p{Cs}]+$/u;

/** Strips the dashes and spaces people paste (`1234-5678-9012`, `1234 5678 9012`). */
export function normaliseAccountId(input: string): string {
  return input.trim().replace(/[\s-]/g, '');
}

export function isAccountId(input: string): boolean {
  return ACCOUNT_ID.test(input);
}

export function normaliseAlias(input: string): string {
  return input.trim().toLowerCase();
}

export function isAlias(input: string): boolean {
  return input.length >= 3 && input.length <= 63 && ALIAS.test(input) && !ACCOUNT_ID.test(input);
}

export function isUserName(input: string): boolean {
  return USER_NAME.test(input);
}

export function isRegion(input: string): boolean {
  return REGION.test(input);
}

export function isEmail(input: string): boolean {
  return input.length <= 254 && EMAIL.test(input);
}

/** Formats a 12-digit account ID for reading: `1234-5678-9012`. */
export function formatAccountId(id: string): string {
  return ACCOUNT_ID.test(id) ? `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}` : id;
}

export type AccountRef = { accountId: string } | { alias: string };

/**
 * Reads what a user typed into an "account" box: digits (after dashes and spaces) are an account ID,
 * the alias grammar is an alias. Returns undefined for anything else.
 */
export function parseAccountRef(input: string): AccountRef | undefined {
  const digits = normaliseAccountId(input);
  if (isAccountId(digits)) return { accountId: digits };
  // Digits of the wrong length are a mistyped account ID, not an alias.
  if (/^[\d\s-]+$/.test(input)) return undefined;
  const alias = normaliseAlias(input);
  if (isAlias(alias)) return { alias };
  return undefined;
}

/** IAM user names are unique per account regardless of case. */
export function sameUserName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
