// The import preview: what confirming would do to the accounts Signpost has, computed with the same merge
// rules the background applies (lib/merge.ts), without writing anything.

import type { AccountDraft } from '../draft';
import { AccountIndex, frecencyCeiling, mergeDraft, sameAccount } from '../merge';
import { signInId } from '../revise';
import type { Account, SignIn } from '../schema';
import type { FillOnlyField, ImportParse, ImportRejection } from './types';

export interface PlanEntry {
  /** The account as it would be after the import. */
  account: Account;
  /** As it is now; undefined for a new account. */
  before?: Account;
  /** Lines of the file that describe this account. */
  lines: number[];
  notes: string[];
  /** Existing records that this import folds into `account` (an alias and an ID found to be one). */
  folded: Account[];
  /** Sign-ins the account has now and would not have after (a root email replaced or moved away). */
  removes: SignIn[];
}

export interface ImportPlan {
  /** The drafts to send: every row that merges cleanly, in file order. */
  drafts: AccountDraft[];
  new: PlanEntry[];
  updated: PlanEntry[];
  unchanged: PlanEntry[];
  rejected: ImportRejection[];
}

/** The draft without the fill-only fields its account already has (file suggestions never rename). */
function withoutKnown(
  index: AccountIndex,
  draft: AccountDraft,
  fields: readonly FillOnlyField[],
): AccountDraft {
  const root = draft.signIns?.find((s) => s.type === 'root');
  const match =
    (draft.key ? index.byKey.get(draft.key) : undefined) ??
    (draft.accountId ? index.byAccountId(draft.partition, draft.accountId) : undefined) ??
    (draft.alias ? index.byAlias(draft.partition, draft.alias) : undefined) ??
    (root ? index.byRootEmail(root.email) : undefined);
  if (!match || !fields.some((f) => match[f] !== undefined && draft[f] !== undefined)) return draft;
  const kept = { ...draft };
  for (const field of fields) if (match[field] !== undefined) delete kept[field];
  return kept;
}

/** Sign-ins of `before` that `after` no longer has, or has under another email. */
export function lost(before: Account, after: Account): SignIn[] {
  const kept = new Set(
    after.signIns.map((s) => `${signInId(s)} ${s.type === 'root' ? s.email.toLowerCase() : ''}`),
  );
  return before.signIns.filter(
    (s) => !kept.has(`${signInId(s)} ${s.type === 'root' ? s.email.toLowerCase() : ''}`),
  );
}

export function planImport(existing: readonly Account[], parse: ImportParse, now = Date.now()): ImportPlan {
  const index = new AccountIndex(existing);
  const before = new Map(existing.map((a) => [a.key, a]));
  const touched = new Map<
    string,
    { lines: number[]; notes: string[]; folded: Account[]; changed: boolean }
  >();
  const rejected = [...parse.rejected];
  const drafts: AccountDraft[] = [];
  let counter = 0;
  // The same ceiling the store applies, so the preview shows what will be written.
  const options = { now, newKey: () => `new-${++counter}`, ceiling: frecencyCeiling(existing) };
  const touch = (key: string) => {
    const entry = touched.get(key) ?? { lines: [], notes: [], folded: [], changed: false };
    touched.set(key, entry);
    return entry;
  };

  for (const row of parse.rows) {
    const draft = row.fillOnly ? withoutKnown(index, row.draft, row.fillOnly) : row.draft;
    let result: ReturnType<typeof mergeDraft>;
    try {
      result = mergeDraft(index, draft, options);
    } catch (error) {
      rejected.push({ line: row.line, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    drafts.push(draft);
    const entry = touch(result.account.key);
    if (result.status !== 'unchanged') entry.changed = true;
    entry.lines.push(row.line, ...(row.lines ?? []));
    entry.notes.push(...(row.notes ?? []));
    for (const key of result.remove) {
      const gone = touched.get(key);
      const record = before.get(key);
      if (record) entry.folded.push(record);
      if (gone && key !== result.account.key) {
        entry.lines.push(...gone.lines);
        entry.notes.push(...gone.notes);
        entry.folded.push(...gone.folded);
        entry.changed ||= gone.changed;
        touched.delete(key);
      }
    }
    // Accounts that gave up an alias or root email to this one change too.
    for (const other of result.put) if (other.key !== result.account.key) touch(other.key).changed = true;
  }

  const plan: ImportPlan = { drafts, new: [], updated: [], unchanged: [], rejected };
  for (const [key, { changed, ...info }] of touched) {
    const account = index.byKey.get(key);
    if (!account) continue;
    const old = before.get(key);
    const lines = info.lines.length > 1 ? [...new Set(info.lines)].sort((a, b) => a - b) : info.lines;
    const entry: PlanEntry = { account, before: old, ...info, lines, removes: old ? lost(old, account) : [] };
    if (!old) plan.new.push(entry);
    // One row may change an account and a later one change it back: compare only what a row changed.
    else if (info.folded.length > 0 || (changed && !sameAccount(old, account))) plan.updated.push(entry);
    else plan.unchanged.push(entry);
  }
  plan.rejected.sort((a, b) => a.line - b.line);
  return plan;
}
