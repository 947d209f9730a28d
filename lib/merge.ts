// Merge rules: how a draft (a form, an import row, a learned sign-in) joins the accounts Signpost knows.
// The account ID is the stable identity; an alias or a root email belongs to one account at a time, so a
// draft that links them folds the records it names into one.
import { rootEmail } from './account';
import { mergeFrecency } from './frecency';
import { sameUserName } from './ids';
import type { AccountDraft, SignInDraft } from './message-schemas';
import type { Account, SignIn } from './schema';

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

// For lib/background/handlers.ts until it imports rootEmail from lib/account.ts.
export { rootEmail };

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
}

function toSignIn(draft: SignInDraft): SignIn {
  const f = { uses: draft.uses ?? 0, lastUsed: draft.lastUsed ?? 0 };
  return draft.type === 'iam'
    ? { type: 'iam', userName: draft.userName, ...f }
    : { type: 'root', email: draft.email, ...f };
}

function sameSignIn(a: SignIn | SignInDraft, b: SignIn | SignInDraft): boolean {
  if (a.type === 'iam' && b.type === 'iam') return sameUserName(a.userName, b.userName);
  return a.type === 'root' && b.type === 'root';
}

/** Unions sign-ins: user names case-insensitively (first spelling kept), one root (the newer email wins). */
function unionSignIns(base: readonly SignIn[], extra: readonly (SignIn | SignInDraft)[]): SignIn[] {
  const out = base.map((s) => ({ ...s }));
  for (const e of extra) {
    const incoming = toSignIn(e);
    const i = out.findIndex((s) => sameSignIn(s, incoming));
    if (i < 0) {
      out.push(incoming);
      continue;
    }
    const current = out[i]!;
    const f = mergeFrecency(current, incoming);
    out[i] =
      current.type === 'root' && incoming.type === 'root'
        ? { ...current, email: incoming.email, ...f }
        : { ...current, ...f };
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

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** True when two records hold the same data, ignoring when they were last written. */
export function sameAccount(a: Account, b: Account): boolean {
  return canonical({ ...a, updatedAt: 0 }) === canonical({ ...b, updatedAt: 0 });
}

/** JSON with object keys sorted and undefined fields dropped, so equal data compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Merges a draft into the accounts of `index` (which it updates): given fields win, tags and sign-ins are
 * unioned, frecency keeps the larger use count and the later use. A draft that names an account ID and an
 * alias (or email) known as two records folds them into one; an alias or root email found on an account
 * with a different ID moves to the draft's account.
 */
export function mergeDraft(index: AccountIndex, draft: AccountDraft, options: MergeOptions): MergeResult {
  const { partition } = draft;
  const draftRoot = draft.signIns?.find((s) => s.type === 'root');
  const candidates: Account[] = [];
  const push = (a: Account | undefined) => a && !candidates.includes(a) && candidates.push(a);
  if (draft.key) push(index.byKey.get(draft.key));
  if (draft.accountId) push(index.byAccountId(partition, draft.accountId));
  if (draft.alias) push(index.byAlias(partition, draft.alias));
  if (draftRoot) push(index.byRootEmail(draftRoot.email));

  // A candidate with another account ID is a different account: it only gives up the alias/email.
  const same = candidates.filter((c) => !(draft.accountId && c.accountId && c.accountId !== draft.accountId));
  const others = candidates.filter((c) => !same.includes(c));
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

  // Keep the record that already has the draft's account ID (the stable key), then the oldest.
  same.sort((a, b) => {
    const aId = a.accountId === draft.accountId ? 0 : 1;
    const bId = b.accountId === draft.accountId ? 0 : 1;
    return aId - bId || a.createdAt - b.createdAt;
  });
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
    signIns: unionSignIns(base.signIns, draft.signIns ?? []),
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

/** Raised when an edit would give an account an identifier another account already has. */
export class ConflictError extends Error {}

/**
 * Replaces the account `draft.key` with the draft as a form shows it: fields left out are cleared, sign-ins
 * are the draft's (keeping the frecency of those that stay). An identifier already used by another account
 * is refused rather than merged, so an edit never silently swallows a record.
 */
export function replaceAccount(index: AccountIndex, draft: AccountDraft, options: MergeOptions): MergeResult {
  const current = draft.key ? index.byKey.get(draft.key) : undefined;
  if (!current) return mergeDraft(index, draft, options);
  const draftRoot = draft.signIns?.find((s) => s.type === 'root');
  const clash =
    (draft.accountId && index.byAccountId(draft.partition, draft.accountId)) ||
    (draft.alias && index.byAlias(draft.partition, draft.alias)) ||
    (draftRoot && index.byRootEmail(draftRoot.email));
  if (clash && clash.key !== current.key) {
    const name = clash.label ?? clash.alias ?? clash.accountId ?? rootEmail(clash);
    throw new ConflictError(`Another account (${name}) already has that account ID, alias or root email.`);
  }
  const signIns = (draft.signIns ?? []).map((d) => {
    const kept = current.signIns.find((s) => sameSignIn(s, d));
    const incoming = toSignIn(d);
    return kept ? { ...incoming, ...mergeFrecency(kept, incoming) } : incoming;
  });
  const next: Account = {
    key: current.key,
    partition: draft.partition,
    accountId: draft.accountId,
    alias: draft.alias,
    label: draft.label,
    colour: draft.colour,
    tags: draft.tags ?? [],
    notes: draft.notes,
    region: draft.region,
    landingPath: draft.landingPath,
    signIns,
    createdAt: current.createdAt,
    updatedAt: options.now,
  };
  if (sameAccount(current, next)) return { account: current, status: 'unchanged', put: [], remove: [] };
  index.add(next);
  return { account: next, status: 'updated', put: [next], remove: [] };
}
