// Writes as changes, never as stale copies: a revision is one record as its writer saw it before and after
// the change, and it is applied to the record as it is *now* (a three-way merge). Whatever another tab,
// window or import wrote in between stays, so an Undo, an editor save or the Undo of a delete can only
// take back or change what that one writer changed.
import type { Account, SignIn } from './schema';
import { factsOf, hasDetails, signInId } from './sign-in-kinds';

export { signInId };

/** One record before and after a change; absent before = created, absent after = deleted. */
export interface Revision {
  before?: Account;
  after?: Account;
}

/**
 * How a conflicting field is settled: `refuse` (an editor save: the person changed a field that also
 * changed since the form opened — tell them) or `theirs` (an Undo: the newer write wins for that field).
 */
export type ConflictMode = 'refuse' | 'theirs';

/** The record changed since the writer read it, in a field the writer changed too. */
export class StaleWriteError extends Error {}

const SCALARS = [
  'partition',
  'accountId',
  'alias',
  'label',
  'colour',
  'notes',
  'region',
  'landingPath',
] as const satisfies readonly (keyof Account)[];

function byId(signIns: readonly SignIn[] | undefined): Map<string, SignIn> {
  return new Map((signIns ?? []).map((s) => [signInId(s), s]));
}

const same = (a: unknown, b: unknown) => a === b;

/** What a sign-in is, apart from how often it was used: its spelling, its email, its display name. */
function whoOf(s: SignIn | undefined): string | undefined {
  if (s === undefined) return undefined;
  const facts = factsOf(s);
  return JSON.stringify(
    Object.keys(facts)
      .sort()
      .map((k) => [k, facts[k]]),
  );
}

/**
 * Applies `rev` to `current` (the record with that key as stored now). Returns the record to store, or
 * undefined when it should not exist. Throws StaleWriteError in `refuse` mode when a field the revision
 * changes was changed by someone else too.
 */
export function rebase(rev: Revision, current: Account | undefined, mode: ConflictMode, now: number) {
  const { before, after } = rev;
  const conflict = (what: string) => {
    if (mode === 'refuse') throw new StaleWriteError(what);
  };
  if (!current) {
    if (before && after) conflict('deleted');
    // Deleted since (or never there): an Undo of a delete puts it back; anything else stays gone.
    return before === undefined ? after : undefined;
  }
  if (!before) return after === undefined ? current : undefined; // created twice: keep what is there
  // Taking a created record back removes what it was created with; it goes only if nothing was added since.
  const target = after ?? { ...before, signIns: [] };

  const next: Account = { ...current };
  const fields = next as unknown as Record<string, unknown>;
  for (const field of SCALARS) {
    const [b, a, c] = [before[field], target[field], current[field]];
    if (same(b, a) || same(c, a)) continue;
    if (same(c, b)) fields[field] = a;
    else conflict(field);
  }

  const [b, a] = [new Set(before.tags), new Set(target.tags)];
  const tags = new Set(current.tags);
  for (const tag of a) if (!b.has(tag)) tags.add(tag);
  for (const tag of b) if (!a.has(tag)) tags.delete(tag);
  next.tags = [...tags];

  next.signIns = rebaseSignIns(before.signIns, target.signIns, current.signIns, conflict);
  next.updatedAt = Math.max(now, current.updatedAt);
  if (!after && (isEmpty(next) || (next.signIns.length === 0 && sameData(before, current)))) return undefined;
  return next;
}

/** Sign-ins three ways: added ones are added, removed ones removed, a changed email or use count applied. */
function rebaseSignIns(
  before: readonly SignIn[],
  after: readonly SignIn[],
  current: readonly SignIn[],
  conflict: (what: string) => void,
): SignIn[] {
  const [b, a, out] = [byId(before), byId(after), byId(current)];
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    const [was, will, is] = [b.get(id), a.get(id), out.get(id)];
    if (!will) {
      // Removed by the writer: remove it now too, unless it is another root email (or display name) than
      // the one removed.
      if (is && whoOf(is) !== whoOf(was) && hasDetails(is)) conflict(id);
      else out.delete(id);
      continue;
    }
    if (!was) {
      if (!is) out.set(id, will);
      else if (hasDetails(is) && whoOf(is) !== whoOf(will)) conflict(id);
      continue;
    }
    if (!is) continue; // removed by someone else since: it stays removed
    let merged: SignIn = is;
    if (whoOf(was) !== whoOf(will)) {
      if (whoOf(is) === whoOf(was)) merged = { ...will, uses: is.uses, lastUsed: is.lastUsed };
      else if (whoOf(is) !== whoOf(will)) conflict(id);
    }
    // Use counts move by exactly what the writer added or took away; recency as the writer left it
    // unless it moved since.
    const uses = Math.max(0, is.uses + will.uses - was.uses);
    const lastUsed = is.lastUsed === was.lastUsed ? will.lastUsed : is.lastUsed;
    out.set(id, { ...merged, uses, lastUsed });
  }
  return [...out.values()];
}

/** The same fields and tags (sign-ins and times aside): nobody else edited the record. */
function sameData(a: Account, b: Account): boolean {
  return SCALARS.every((f) => a[f] === b[f]) && a.tags.join('\n') === b.tags.join('\n');
}

/** A record with nothing left to name an account by (no ID, no alias, no root email). */
function isEmpty(account: Account): boolean {
  return !account.accountId && !account.alias && !account.signIns.some((s) => s.type === 'root');
}

/** The revision that takes `rev` back. */
export function inverse(rev: Revision): Revision {
  return { before: rev.after, after: rev.before };
}
