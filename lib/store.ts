// The accounts store: the account operations (save, import, delete, learn, count a use, undo) and the
// settings, each one merged and validated in one IndexedDB transaction (lib/chunks.ts: how accounts are laid
// out and read). Owned by the background service worker; it keeps no state that matters only in memory (the
// list cache is rebuilt from IndexedDB after a restart).
import { rootEmail } from './account';
import { AccountChunks, type Change, keyOf, StoreError } from './chunks';
import type { AccountDraft } from './draft';
import { applyEdit } from './edit';
import { recordUse } from './frecency';
import { type LearnedSignIn, learnSignIn } from './learn-merge';
import { type AccountIndex, frecencyCeiling, type MergeResult, mergeDraft, stripUndefined } from './merge';
import type { UserTarget } from './message-schemas';
import { inverse, type Revision, rebase } from './revise';
import {
  type Account,
  accountSchema,
  DEFAULT_SETTINGS,
  explain,
  type Settings,
  settingsSchema,
} from './schema';
import { signInId } from './sign-in-kinds';
import { VIEW_STATE_KEY, viewChunkKey } from './view';
import { patchView } from './view-write';

export { type Change, StoreError, type StoreOptions } from './chunks';

/** The record without the alias or root email that an account with another ID holds now. */
function withoutTaken(index: AccountIndex, account: Account): Account {
  const other = (holder: Account | undefined) =>
    holder?.accountId !== undefined &&
    account.accountId !== undefined &&
    holder.accountId !== account.accountId;
  const email = rootEmail(account);
  return {
    ...account,
    alias:
      account.alias && other(index.byAlias(account.partition, account.alias)) ? undefined : account.alias,
    signIns:
      email && other(index.byRootEmail(email))
        ? account.signIns.filter((s) => s.type !== 'root')
        : account.signIns,
  };
}

export class Store extends AccountChunks {
  private settingsRead?: Promise<Settings>;

  /**
   * Saves a draft from a form. With `base` (the record as the form opened it) it is an edit: only the fields
   * the person changed are written onto the record as it is now. Without, the draft is merged into the
   * account it matches, or added.
   */
  async save(draft: AccountDraft, base?: Account): Promise<Change<MergeResult>> {
    return this.transact((index) => {
      const opts = { now: this.now(), newKey: this.newKey };
      const r = base ? applyEdit(index, base, draft, opts.now) : mergeDraft(index, draft, opts);
      return { result: r, put: r.put, remove: r.remove };
    });
  }

  /** Merges many drafts in one transaction (an import); all or nothing. */
  async importDrafts(drafts: AccountDraft[]): Promise<{ added: number; updated: number; unchanged: number }> {
    const { result } = await this.transact((index) => {
      const counts = { added: 0, updated: 0, unchanged: 0 };
      const put = new Map<string, Account>();
      const remove = new Set<string>();
      const opts = { now: this.now(), newKey: this.newKey, ceiling: frecencyCeiling(index.byKey.values()) };
      for (const draft of drafts) {
        const r = mergeDraft(index, draft, opts);
        counts[r.status]++;
        for (const a of r.put) put.set(a.key, a);
        for (const k of r.remove) {
          remove.add(k);
          put.delete(k);
        }
      }
      return { result: counts, put: [...put.values()], remove: [...remove] };
    });
    return result;
  }

  /** Writes the organization's directory as lib/background/managed.ts worked it out. */
  putManaged(accounts: Account[]): Promise<Change<number>> {
    return this.transact(() => ({ result: accounts.length, put: accounts, remove: [] }), true);
  }

  /** Deletes accounts; the revisions returned take it back (see revert). */
  async delete(keys: string[]): Promise<Change<Account[]>> {
    return this.transact((index) => {
      const remove = keys.filter((k) => index.byKey.has(k));
      return { result: remove.map((k) => index.byKey.get(k)!), put: [], remove };
    });
  }

  /** Removes the sign-ins of one account named by their identity (`signInId`). */
  async deleteSignIns(key: string, ids: readonly string[]): Promise<Change<Account>> {
    const gone = new Set(ids.map((id) => id.toLowerCase()));
    return this.transact((index) => {
      const account = index.byKey.get(key);
      if (!account) throw new StoreError('That account no longer exists.');
      const next: Account = {
        ...account,
        signIns: account.signIns.filter((s) => !gone.has(signInId(s).toLowerCase())),
        updatedAt: this.now(),
      };
      return { result: next, put: [next], remove: [] };
    });
  }

  /**
   * Counts one use of a sign-in (a route); unknown targets are ignored. Only that record is read and
   * written, and the list cache is patched rather than dropped: a route is on the path of the sign-in page's
   * own query, and with thousands of accounts a whole-store transaction (read and validate every record)
   * held that query up for 150 ms and made the next popup open re-read everything.
   */
  async recordUse(key: string, target: UserTarget): Promise<void> {
    const tx = (await this.db).transaction(['chunks', 'meta'], 'readwrite');
    const pages = tx.objectStore('chunks');
    const meta = tx.objectStore('meta');
    const chunk = await pages.index('byKey').get(key);
    const at = chunk?.accounts.findIndex((e) => keyOf(e) === key) ?? -1;
    const account = chunk && at >= 0 ? this.check(chunk.accounts[at], []) : undefined;
    const id = signInId(target);
    const i = account?.signIns.findIndex((s) => signInId(s) === id);
    if (!chunk || !account || i === undefined || i < 0) {
      await tx.done;
      return;
    }
    const now = this.now();
    const signIns = account.signIns.map((s, j) => (j === i ? { ...s, ...recordUse(s, now) } : s));
    const next = stripUndefined(accountSchema.parse({ ...account, signIns }));
    // Only frecency changed, so the chunk's index entries stay as they are; the popup's view follows.
    const accounts = chunk.accounts.map((e, j) => (j === at ? next : e));
    const [state, viewChunk] = await Promise.all([
      meta.get(VIEW_STATE_KEY),
      meta.get(viewChunkKey(chunk.key)),
    ]);
    await Promise.all([
      pages.put({ ...chunk, accounts }),
      ...patchView(meta, { state, chunk: viewChunk }, chunk.key, next, now),
      tx.done,
    ]);
    if (this.cache) {
      this.cache = { ...this.cache, accounts: this.cache.accounts.map((a) => (a.key === key ? next : a)) };
    }
  }

  /** Saves a sign-in the user made by hand and counts its use (see lib/learn-merge.ts for where it goes). */
  async learn(learned: LearnedSignIn): Promise<Change<MergeResult>> {
    return this.transact((index) => {
      const r = learnSignIn(index, learned, { now: this.now(), newKey: this.newKey });
      return { result: r, put: r.put, remove: r.remove };
    });
  }

  /**
   * Takes changes back (Undo) onto the records as they are now: what the change added is removed, what it
   * removed comes back, and whatever was written since stays (see lib/revise.ts). Returns how many records
   * it wrote.
   */
  async revert(revisions: readonly Revision[]): Promise<number> {
    const { revisions: written } = await this.transact((index) => {
      const put = new Map<string, Account>();
      const remove: string[] = [];
      for (const rev of revisions.map(inverse)) {
        const key = (rev.after ?? rev.before)!.key;
        const current = index.byKey.get(key);
        const next = rebase(rev, current, 'theirs', this.now());
        if (!next) {
          if (current) remove.push(key);
          index.remove(key);
          put.delete(key);
        } else if (!current) {
          // Back from a delete: if its ID, alias or email has been learned since, it joins that record;
          // an alias or root email another account has taken since stays with that account.
          const r = mergeDraft(index, withoutTaken(index, next), { now: this.now(), newKey: this.newKey });
          for (const a of r.put) put.set(a.key, a);
        } else {
          index.add(next);
          put.set(key, next);
        }
      }
      return { result: undefined, put: [...put.values()], remove };
    });
    return written.length;
  }

  /** The settings, read once per service-worker life (every sign-in page asks for them). */
  settings(): Promise<Settings> {
    this.settingsRead ??= this.readSettings().catch((error) => {
      this.settingsRead = undefined;
      throw error;
    });
    return this.settingsRead;
  }

  private async readSettings(): Promise<Settings> {
    const raw = await (await this.db).get('meta', 'settings');
    if (raw === undefined) return DEFAULT_SETTINGS;
    const parsed = settingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.report(`Settings were damaged and have been reset: ${explain(parsed.error)}`);
    return DEFAULT_SETTINGS;
  }

  async saveSettings(settings: Settings): Promise<Settings> {
    const valid = settingsSchema.parse(settings);
    await (await this.db).put('meta', valid, 'settings');
    this.settingsRead = Promise.resolve(valid);
    return valid;
  }
}
