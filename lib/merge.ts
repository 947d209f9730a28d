// Merge rules: how a draft (a form, an import row, a learned sign-in) joins the accounts Signpost knows.
// The account ID is the stable identity; an alias or a root email belongs to one account at a time, so a
// draft that links them folds the records it names into one.
import { rootEmail } from './account';
import type { AccountDraft, SignInDraft } from './draft';
import { type Frecency, mergeFrecency } from './frecency';
import { t } from './i18n';
import type { Account, SignIn } from './schema';
import { signInId, withDetails } from './sign-in-kinds';

/** In-memory lookup of accounts by account ID, alias and root email, per partition. */
export class AccountIndex {
  readonly byKey = new Map<string, Account>();
  private readonly ids = new Map<string, string>();
  private readonly aliases = new Map<string, string>();
  private readonly emails = new Map<string, string>();

  constructor(accounts: Iterable<Account> = []) {
    for (const account of accounts) this.add(account);
  }

  add(account: Account): void {
    this.remove(account.key);
    this.byKey.set(account.key, account);
    if (account.accountId) this.ids.set(`${account.partition}:${account.accountId}`, account.key);
    if (account.alias) this.aliases.set(`${account.partition}:${account.alias}`, account.key);
    const email = rootEmail(account);
    if (email) this.emails.set(email.toLowerCase(), account.key);
  }

  remove(key: string): void {
    const old = this.byKey.get(key);
    if (!old) return;
    this.byKey.delete(key);
    const drop = (map: Map<string, string>, k: string) => map.get(k) === key && map.delete(k);
    if (old.accountId) drop(this.ids, `${old.partition}:${old.accountId}`);
    if (old.alias) drop(this.aliases, `${old.partition}:${old.alias}`);
    const email = rootEmail(old);
    if (email) drop(this.emails, email.toLowerCase());
  }

  byAccountId(partition: string, accountId: string): Account | undefined {
    return this.get(this.ids.get(`${partition}:${accountId}`));
  }

  byAlias(partition: string, alias: string): Account | undefined {
    return this.get(this.aliases.get(`${partition}:${alias}`));
  }

  byRootEmail(email: string): Account | undefined {
    return this.get(this.emails.get(email.toLowerCase()));
  }

  /** Finds the account a reference typed in a box or host names: an account ID or an alias. */
  byRef(partition: string, ref: { accountId: string } | { alias: string }): Account | undefined {
    return 'accountId' in ref
      ? this.byAccountId(partition, ref.accountId)
      : this.byAlias(partition, ref.alias);
  }

  private get(key: string | undefined): Account | undefined {
    return key === undefined ? undefined : this.byKey.get(key);
  }
}

export type MergeStatus = 'added' | 'updated' | 'unchanged';

export interface MergeResult {
  /** The account the draft became part of. */
  account: Account;
  status: MergeStatus;
  /** Every record to write (the account, and any other account that lost an alias or email to it). */
  put: Account[];
  /** Records folded into `account`. */
  remove: string[];
}

export interface MergeOptions {
  now: number;
  newKey: () => string;
  /**
   * The most a draft's frecency may claim (an import's: the store's own most used and most recent sign-in),
   * so a file can tie the person's favourite account but never push it down.
   */
  ceiling?: Frecency;
}

/** The ceiling for an import into `accounts`: none for an empty store (a restore keeps its history). */
export function frecencyCeiling(accounts: Iterable<Account>): Frecency | undefined {
  let ceiling: Frecency | undefined;
  for (const a of accounts) {
    for (const s of a.signIns) {
      ceiling = {
        uses: Math.max(ceiling?.uses ?? 0, s.uses),
        lastUsed: Math.max(ceiling?.lastUsed ?? 0, s.lastUsed),
      };
    }
  }
  return ceiling;
}

export function toSignIn(draft: SignInDraft, ceiling?: Frecency): SignIn {
  const f = {
    uses: Math.min(draft.uses ?? 0, ceiling?.uses ?? Number.POSITIVE_INFINITY),
    lastUsed: Math.min(draft.lastUsed ?? 0, ceiling?.lastUsed ?? Number.POSITIVE_INFINITY),
  };
  return stripUndefined({ ...draft, ...f }) as SignIn;
}

export function sameSignIn(a: SignIn | SignInDraft, b: SignIn | SignInDraft): boolean {
  return signInId(a) === signInId(b);
}

/**
 * Unions sign-ins: user and role names case-insensitively (first spelling kept), one root (the newer email
 * wins), a switch role's display name and colour from the newer one where it gives them.
 */
export function unionSignIns(
  base: readonly SignIn[],
  extra: readonly (SignIn | SignInDraft)[],
  ceiling?: Frecency,
): SignIn[] {
  const out = base.map((s) => ({ ...s }));
  for (const e of extra) {
    const incoming = toSignIn(e, ceiling);
    const i = out.findIndex((s) => sameSignIn(s, incoming));
    if (i < 0) {
      out.push(incoming);
      continue;
    }
    const current = out[i]!;
    const f = mergeFrecency(current, incoming);
    out[i] = { ...withDetails(current, incoming), ...f };
  }
  return out;
}

function fold(base: Account, other: Account): Account {
  return {
    ...other,
    ...stripUndefined(base),
    accountId: base.accountId ?? other.accountId,
    alias: base.alias ?? other.alias,
    tags: [...new Set([...base.tags, ...other.tags])],
    signIns: unionSignIns(base.signIns, other.signIns),
    createdAt: Math.min(base.createdAt, other.createdAt),
    key: base.key,
  };
}

/** Drops undefined fields, so records stay small and compare equal across writes. */
export function stripUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/** True when two records hold the same data, ignoring when they were last written. */
export function sameAccount(a: Account, b: Account): boolean {
  return sameData({ ...a, updatedAt: 0 }, { ...b, updatedAt: 0 });
}

/**
 * Whether two JSON-like values hold the same data: arrays in order, objects whatever their key order, fields
 * left undefined as if absent (what comparing their JSON with sorted keys said, without building it).
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  let defined = 0;
  for (const k of Object.keys(x)) {
    if (x[k] === undefined) continue;
    defined++;
    if (!sameData(x[k], y[k])) return false;
  }
  for (const k of Object.keys(y)) if (y[k] !== undefined) defined--;
  return defined === 0;
}

/** A row or a sign-in that would make two different accounts one, or overwrite another account: refused. */
export class MergeRefused extends Error {}

/** How an account is named in a refusal: its ID, else its alias or root email. */
export function nameOf(account: Pick<Account, 'accountId' | 'alias' | 'signIns' | 'label'>): string {
  return account.accountId ?? account.alias ?? rootEmail(account) ?? account.label ?? '?';
}

/**
 * Why the record a draft's `key` names is another account than the draft, if it is: another partition,
 * another account ID, or (with no ID to tell) another alias. A key is a hint, never a licence to overwrite.
 */
function keyClash(record: Account, draft: AccountDraft): string | undefined {
  if (record.partition !== draft.partition)
    return t('mergeKeyOtherPartition', nameOf(record), record.partition);
  if (draft.accountId && record.accountId) {
    return draft.accountId === record.accountId ? undefined : t('mergeKeyOtherAccount', nameOf(record));
  }
  if (draft.alias && record.alias && draft.alias !== record.alias)
    return t('mergeKeyOtherAccount', nameOf(record));
  return undefined;
}

/**
 * Merges a draft into the accounts of `index` (which it updates): given fields win, tags and sign-ins are
 * unioned, frecency keeps the larger use count and the later use. A draft that names an account ID and an
 * alias (or email) held by a record without an ID folds that record into the account; an alias or root email
 * found on an account with a different ID moves to the draft's account (AWS lets an alias change hands).
 * Two different known account IDs or partitions are never one account: a draft that would join them, or
 * whose key names another account, is refused with MergeRefused and changes nothing.
 */
export function mergeDraft(index: AccountIndex, draft: AccountDraft, options: MergeOptions): MergeResult {
  const { partition } = draft;
  const draftRoot = draft.signIns?.find((s) => s.type === 'root');
  const keyed = draft.key ? index.byKey.get(draft.key) : undefined;
  const clash = keyed && keyClash(keyed, draft);
  if (clash) throw new MergeRefused(clash);
  const candidates: Account[] = [];
  const push = (a: Account | undefined) => a && !candidates.includes(a) && candidates.push(a);
  push(keyed);
  if (draft.accountId) push(index.byAccountId(partition, draft.accountId));
  if (draft.alias) push(index.byAlias(partition, draft.alias));
  if (draftRoot) push(index.byRootEmail(draftRoot.email));

  // A candidate with another account ID is a different account: it only gives up the alias/email.
  const same = candidates.filter((c) => !(draft.accountId && c.accountId && c.accountId !== draft.accountId));
  const others = candidates.filter((c) => !same.includes(c));
  const ids = [...new Set(same.flatMap((c) => (c.accountId ? [c.accountId] : [])))];
  if (ids.length > 1) throw new MergeRefused(t('mergeTwoAccounts', ids[0]!, ids[1]!));
  if (same.some((c) => c.partition !== partition))
    throw new MergeRefused(t('mergeKeyOtherPartition', nameOf(same[0]!), same[0]!.partition));
  const put: Account[] = [];
  for (const other of others) {
    const updated: Account = {
      ...other,
      alias: other.alias === draft.alias ? undefined : other.alias,
      signIns: draftRoot
        ? other.signIns.filter(
            (s) => !(s.type === 'root' && s.email.toLowerCase() === draftRoot.email.toLowerCase()),
          )
        : other.signIns,
      updatedAt: options.now,
    };
    index.add(updated);
    put.push(updated);
  }

  // Keep the record that already has an account ID (the stable key), then the oldest.
  same.sort((a, b) => (a.accountId ? 0 : 1) - (b.accountId ? 0 : 1) || a.createdAt - b.createdAt);
  const [primary, ...rest] = same;
  let base: Account = primary
    ? rest.reduce(fold, primary)
    : {
        key: draft.key ?? options.newKey(),
        partition,
        tags: [],
        signIns: [],
        createdAt: draft.createdAt ?? options.now,
        updatedAt: draft.updatedAt ?? options.now,
      };

  const next: Account = {
    ...base,
    accountId: draft.accountId ?? base.accountId,
    alias: draft.alias ?? base.alias,
    label: draft.label ?? base.label,
    colour: draft.colour ?? base.colour,
    notes: draft.notes ?? base.notes,
    region: draft.region ?? base.region,
    landingPath: draft.landingPath ?? base.landingPath,
    tags: draft.tags ? [...new Set([...base.tags, ...draft.tags])] : base.tags,
    signIns: unionSignIns(base.signIns, draft.signIns ?? [], options.ceiling),
    createdAt: Math.min(base.createdAt, draft.createdAt ?? base.createdAt),
  };
  base = primary ?? base;
  const changed = !primary || rest.length > 0 || !sameAccount(base, next);
  const account: Account = changed ? { ...next, updatedAt: draft.updatedAt ?? options.now } : base;
  for (const r of rest) index.remove(r.key);
  index.add(account);
  if (changed) put.push(account);
  return {
    account,
    status: !primary ? 'added' : changed || others.length > 0 ? 'updated' : 'unchanged',
    put,
    remove: rest.map((r) => r.key),
  };
}
