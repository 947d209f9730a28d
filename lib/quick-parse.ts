// The cheap path for validating accounts and drafts that are already in the form the schemas would give
// them (every record the store wrote, and what an importer or the options page built): plain checks of each
// field instead of zod, which without its JIT (extension CSP) took most of an import's time. The quick path
// only ever says "this is exactly what the schema would return" or "ask zod": anything it does not accept
// goes through the schema as before, so every message, repair and default stays zod's (tests hold the two
// paths equal on valid, odd and hostile values).
import { z } from 'zod';
import { type AccountDraft, accountDraftSchema } from './draft';
import { MAX_USES } from './frecency';
import { isAccountId, isAlias, isEmail, isRegion, isUserName, PARTITIONS } from './ids';
import { resolveLandingPath } from './landing-path';
import { hasUnsafeText } from './safe-text';
import { type Account, accountSchema, isLandingPathShape, recordProblems, type SignIn } from './schema';
import { isPermissionSetName, isRoleName, normaliseRoleName, parseStartUrl } from './targets';

type Fields = Record<string, unknown>;
type Check = (v: unknown) => boolean;

const isPlain = (v: unknown): v is Fields => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const str = (v: unknown): v is string => typeof v === 'string';
const trimmed = (s: string) => s.trim() === s;
const time = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const uses = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_USES;

// Each check accepts only a value its schema returns unchanged (no trim, repair or normalising to do).
const FIELDS = {
  partition: (v: unknown) => (PARTITIONS as readonly unknown[]).includes(v),
  accountId: (v: unknown) => str(v) && isAccountId(v),
  alias: (v: unknown) => str(v) && isAlias(v),
  label: (v: unknown) => str(v) && trimmed(v) && v.length <= 100 && !hasUnsafeText(v, 'line'),
  colour: (v: unknown) => str(v) && /^#[0-9a-f]{6}$/.test(v),
  notes: (v: unknown) => str(v) && v.length <= 2000 && !hasUnsafeText(v, 'lines'),
  region: (v: unknown) => str(v) && isRegion(v),
  landingPath: (v: unknown) =>
    str(v) && trimmed(v) && isLandingPathShape(v) && resolveLandingPath(v) !== undefined,
} satisfies Record<string, Check>;
const OPTIONAL = ['accountId', 'alias', 'label', 'colour', 'notes', 'region', 'landingPath'] as const;

const tag = (v: unknown) =>
  str(v) &&
  v.trim().toLowerCase() === v &&
  v.length >= 1 &&
  v.length <= 32 &&
  !/[,\s]/.test(v) &&
  !hasUnsafeText(v, 'line');

function tags(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  for (let i = 0; i < v.length; i++) if (!tag(v[i])) return undefined;
  return v.length < 2 || new Set(v).size === v.length ? [...v] : undefined;
}

const displayName = (v: unknown) =>
  str(v) && trimmed(v) && v.length >= 1 && v.length <= 64 && !hasUnsafeText(v, 'line');

/** One sign-in, as the schema returns it (known fields in its order), or undefined: ask zod. */
function signIn(v: unknown, draft: boolean): SignIn | undefined {
  if (!isPlain(v)) return undefined;
  const frecency = draft
    ? (v.uses === undefined || uses(v.uses)) && (v.lastUsed === undefined || time(v.lastUsed))
    : uses(v.uses) && time(v.lastUsed);
  if (!frecency) return undefined;
  const f = { uses: v.uses, lastUsed: v.lastUsed } as { uses: number; lastUsed: number };
  const out = (s: Fields) => {
    for (const [k, value] of Object.entries(f)) if (value !== undefined) s[k] = value;
    return s as unknown as SignIn;
  };
  const { type } = v;
  if (type === 'iam') {
    return str(v.userName) && trimmed(v.userName) && isUserName(v.userName)
      ? out({ type, userName: v.userName })
      : undefined;
  }
  if (type === 'root') {
    return str(v.email) && trimmed(v.email) && isEmail(v.email) ? out({ type, email: v.email }) : undefined;
  }
  if (type === 'sso') {
    const portal = str(v.startUrl) ? parseStartUrl(v.startUrl) : undefined;
    const ok =
      portal !== undefined &&
      typeof portal !== 'string' &&
      portal.url === v.startUrl &&
      str(v.roleName) &&
      trimmed(v.roleName) &&
      isPermissionSetName(v.roleName);
    return ok ? out({ type, startUrl: v.startUrl, roleName: v.roleName }) : undefined;
  }
  if (type === 'switch') {
    const ok =
      str(v.roleName) &&
      normaliseRoleName(v.roleName) === v.roleName &&
      isRoleName(v.roleName) &&
      (v.displayName === undefined || displayName(v.displayName)) &&
      (v.colour === undefined || FIELDS.colour(v.colour));
    if (!ok) return undefined;
    const s: Fields = { type, roleName: v.roleName };
    if (v.displayName !== undefined) s.displayName = v.displayName;
    if (v.colour !== undefined) s.colour = v.colour;
    return out(s);
  }
  return undefined;
}

function signIns(v: unknown, draft: boolean): SignIn[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: SignIn[] = [];
  for (let i = 0; i < v.length; i++) {
    const s = signIn(v[i], draft);
    if (!s) return undefined;
    out.push(s);
  }
  return out;
}

/** The fields both shapes share, in the schemas' order; undefined when one needs zod. */
function common(v: Fields, draft: boolean): Fields | undefined {
  if (!FIELDS.partition(v.partition)) return undefined;
  const out: Fields = {};
  if (v.key !== undefined) out.key = v.key;
  out.partition = v.partition;
  for (const f of OPTIONAL.slice(0, 3)) {
    if (v[f] === undefined) continue;
    if (!FIELDS[f](v[f])) return undefined;
    out[f] = v[f];
  }
  if (v.colour !== undefined) {
    if (!FIELDS.colour(v.colour)) return undefined;
    out.colour = v.colour;
  }
  if (v.tags !== undefined || !draft) {
    const t = tags(v.tags);
    if (!t) return undefined;
    out.tags = t;
  }
  for (const f of OPTIONAL.slice(4)) {
    if (v[f] === undefined) continue;
    if (!FIELDS[f](v[f])) return undefined;
    out[f] = v[f];
  }
  if (v.signIns !== undefined || !draft) {
    const s = signIns(v.signIns, draft);
    if (!s) return undefined;
    out.signIns = s;
  }
  for (const f of ['createdAt', 'updatedAt'] as const) {
    if (v[f] === undefined && draft) continue;
    if (!time(v[f])) return undefined;
    out[f] = v[f];
  }
  return out;
}

/** A stored account exactly as accountSchema would return it, or undefined when it needs zod. */
export function quickAccount(v: unknown): Account | undefined {
  if (!isPlain(v) || !str(v.key) || v.key.length < 1) return undefined;
  if (v.managed !== undefined && v.managed !== true) return undefined;
  const out = common(v, false) as Account | undefined;
  if (!out || recordProblems(out).length > 0) return undefined;
  if (v.managed) out.managed = true;
  return out;
}

/** A draft exactly as accountDraftSchema would return it, or undefined when it needs zod. */
export function quickDraft(v: unknown): AccountDraft | undefined {
  if (!isPlain(v)) return undefined;
  if (v.key !== undefined && !(str(v.key) && v.key.length >= 1 && v.key.length <= 64)) return undefined;
  return common(v, true) as AccountDraft | undefined;
}

/** accountSchema.safeParse, by the quick path when it can. */
export function parseAccount(v: unknown): z.ZodSafeParseResult<Account> {
  const quick = quickAccount(v);
  return quick ? { success: true, data: quick } : accountSchema.safeParse(v);
}

/** accountDraftSchema.safeParse, by the quick path when it can. */
export function parseDraft(v: unknown): z.ZodSafeParseResult<AccountDraft> {
  const quick = quickDraft(v);
  return quick ? { success: true, data: quick } : accountDraftSchema.safeParse(v);
}

/**
 * An import's drafts (the accounts.import message): every draft by the quick path when it can, the others
 * through accountDraftSchema with their issues where `z.array(accountDraftSchema)` would put them.
 */
export const draftsSchema = z.array(z.unknown()).transform((items, ctx) => {
  const drafts: AccountDraft[] = [];
  for (let i = 0; i < items.length; i++) {
    const parsed = parseDraft(items[i]);
    if (parsed.success) drafts.push(parsed.data);
    else
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [i, ...issue.path] } as never);
  }
  return drafts;
}) as unknown as z.ZodType<AccountDraft[], z.input<typeof accountDraftSchema>[]>;
