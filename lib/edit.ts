// An edit from the options page's form, applied as a change: the form says what the record was when it
// opened and what the person wants; only the fields they changed are written, onto the record as it is
// now, so a sign-in learned or imported in another tab meanwhile survives the save.

import { rootEmail } from './account';
import type { AccountDraft } from './draft';
import { mergeFrecency } from './frecency';
import { t } from './i18n';
import { type AccountIndex, type MergeResult, nameOf, sameAccount, sameSignIn, toSignIn } from './merge';
import { rebase, StaleWriteError } from './revise';
import type { Account } from './schema';

/** Raised when an edit would give an account an identifier another account already has. */
export class ConflictError extends Error {}

/**
 * The record a form describes, built on the record the form was opened with: fields left out are cleared,
 * sign-ins are the form's (keeping the frecency of those that stay).
 */
export function editedAccount(base: Account, draft: AccountDraft, now: number): Account {
  const signIns = (draft.signIns ?? []).map((d) => {
    const kept = base.signIns.find((s) => sameSignIn(s, d));
    const incoming = toSignIn(d);
    return kept ? { ...incoming, ...mergeFrecency(kept, incoming) } : incoming;
  });
  return {
    key: base.key,
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
    createdAt: base.createdAt,
    updatedAt: now,
  };
}

/** Refuses an account ID, alias or root email that another account already has: an edit never merges. */
export function checkIdentifiers(index: AccountIndex, account: Account): void {
  const email = rootEmail(account);
  for (const other of [
    account.accountId ? index.byAccountId(account.partition, account.accountId) : undefined,
    account.alias ? index.byAlias(account.partition, account.alias) : undefined,
    email ? index.byRootEmail(email) : undefined,
  ]) {
    if (other && other.key !== account.key)
      throw new ConflictError(t('editIdentifierTaken', other.label ?? nameOf(other)));
  }
}

/**
 * Applies the editor's change (`base` as the form opened, `draft` as it is saved) to the record as it is
 * now. A field the person changed that also changed since is refused with StaleWriteError, in plain words.
 */
export function applyEdit(index: AccountIndex, base: Account, draft: AccountDraft, now: number): MergeResult {
  const current = index.byKey.get(base.key);
  if (!current) throw new StaleWriteError(t('editAccountGone'));
  let next: Account | undefined;
  try {
    next = rebase({ before: base, after: editedAccount(base, draft, now) }, current, 'refuse', now);
  } catch (error) {
    if (error instanceof StaleWriteError) throw new StaleWriteError(t('editStale'));
    throw error;
  }
  if (!next || sameAccount(current, next))
    return { account: current, status: 'unchanged', put: [], remove: [] };
  checkIdentifiers(index, next);
  index.add(next);
  return { account: next, status: 'updated', put: [next], remove: [] };
}
