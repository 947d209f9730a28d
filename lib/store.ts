// The accounts store: every read validated, every write merged and validated in one IndexedDB transaction.
// Owned by the background service worker; it keeps no state that matters only in memory (the list cache
// is rebuilt from IndexedDB after a restart).
import type { IDBPDatabase } from 'idb';
import { openSignpostDb, type SignpostDB } from './db';
import { recordUse } from './frecency';
import { sameUserName } from './ids';
import { AccountIndex, type MergeResult, mergeDraft, replaceAccount } from './merge';
import type { AccountDraft } from './message-schemas';
import {
  type Account,
  accountSchema,
  DEFAULT_SETTINGS,
  explain,
  type Settings,
  settingsSchema,
} from './schema';

export interface StoreOptions {
  now?: () => number;
  newKey?: () => string;
  /** Where damaged records are reported (the service worker's console by default). */
  report?: (problem: string) => void;
}

/** What a write changed, so that it can be undone. */
export interface Change<T> {
  result: T;
  /** Records as they were before the write, for every existing record it touched. */
  before: Account[];
  /** Keys of records the write created. */
  created: string[];
}

export class StoreError extends Error {}

/** Drops undefined fields so records stay small and compare equal across writes. */
function clean(account: Account): Account {
  return Object.fromEntries(Object.entries(account).filter(([, v]) => v !== undefined)) as Account;
}

export class Store {
  private cache?: { accounts: Account[]; problems: string[] };
  private readonly now: () => number;
  private readonly newKey: () => string;
  private readonly report: (problem: string) => void;

  constructor(
    private readonly db: Promise<IDBPDatabase<SignpostDB>> = openSignpostDb(),
    options: StoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newKey = options.newKey ?? (() => crypto.randomUUID());
    this.report = options.report ?? ((p) => console.warn(`Signpost: ${p}`));
  }

  /** Validates raw records: a damaged one is reported and skipped, the rest load. */
  private validate(raw: unknown[]): { accounts: Account[]; problems: string[] } {
    const accounts: Account[] = [];
    const problems: string[] = [];
    for (const record of raw) {
      const parsed = accountSchema.safeParse(record);
      if (parsed.success) accounts.push(parsed.data);
      else {
        const key = (record as { key?: unknown } | null)?.key;
        const problem = `Skipped a damaged account record (${typeof key === 'string' ? key : 'no key'}): ${explain(parsed.error)}`;
        problems.push(problem);
        this.report(problem);
      }
    }
    return { accounts, problems };
  }

  async list(): Promise<{ accounts: Account[]; problems: string[] }> {
    if (!this.cache) {
      const raw = await (await this.db).getAll('accounts');
      this.cache = this.validate(raw);
    }
    return this.cache;
  }

  async get(key: string): Promise<Account | undefined> {
    const raw = await (await this.db).get('accounts', key);
    if (raw === undefined) return undefined;
    return this.validate([raw]).accounts[0];
  }

  /** Looks an account up by account ID or alias within a partition, through the IndexedDB indexes. */
  async findByRef(
    partition: string,
    ref: { accountId: string } | { alias: string },
  ): Promise<Account | undefined> {
    const db = await this.db;
    const raw =
      'accountId' in ref
        ? await db.getFromIndex('accounts', 'byAccountId', [partition, ref.accountId])
        : await db.getFromIndex('accounts', 'byAlias', [partition, ref.alias]);
    return raw === undefined ? undefined : this.validate([raw]).accounts[0];
  }

  /**
   * Runs `change` against all valid records in one readwrite transaction and writes what it returns.
   * Nothing but IndexedDB is awaited inside the transaction; a record that fails validation aborts it whole.
   */
  private async transact<T>(
    change: (index: AccountIndex) => { result: T; put: Account[]; remove: string[] },
  ): Promise<Change<T>> {
    const db = await this.db;
    const tx = db.transaction('accounts', 'readwrite');
    const store = tx.objectStore('accounts');
    const { accounts } = this.validate(await store.getAll());
    const original = new Map(accounts.map((a) => [a.key, a]));
    let outcome: { result: T; put: Account[]; remove: string[] };
    const puts = new Map<string, Account>();
    try {
      outcome = change(new AccountIndex(accounts));
      for (const account of outcome.put) {
        const parsed = accountSchema.safeParse(account);
        if (!parsed.success) throw new StoreError(explain(parsed.error));
        puts.set(account.key, clean(parsed.data));
      }
    } catch (error) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw error;
    }
    const removed = outcome.remove.filter((k) => !puts.has(k));
    try {
      // Deletes first: a folded record frees its account ID/alias for the record that absorbs it. The writes
      // and the commit are awaited together, so a refused write is reported once, in plain words.
      await Promise.all([
        ...removed.map((k) => store.delete(k)),
        ...[...puts.values()].map((a) => store.put(a)),
        tx.done,
      ]);
    } catch (error) {
      throw new StoreError(
        error instanceof DOMException && error.name === 'ConstraintError'
          ? 'Two accounts would share an account ID or alias; nothing was saved.'
          : `Could not save: ${(error as Error).message}`,
      );
    } finally {
      this.cache = undefined;
    }
    const touched = [...puts.keys(), ...removed];
    return {
      result: outcome.result,
      before: touched.flatMap((k) => (original.has(k) ? [original.get(k)!] : [])),
      created: touched.filter((k) => !original.has(k)),
    };
  }

  /** Saves a draft from a form: an edit when it has a key, otherwise merged into what it matches. */
  async save(draft: AccountDraft): Promise<Change<MergeResult>> {
    return this.transact((index) => {
      const opts = { now: this.now(), newKey: this.newKey };
      const r = draft.key ? replaceAccount(index, draft, opts) : mergeDraft(index, draft, opts);
      return { result: r, put: r.put, remove: r.remove };
    });
  }

  /** Merges many drafts in one transaction (an import); all or nothing. */
  async importDrafts(drafts: AccountDraft[]): Promise<{ added: number; updated: number; unchanged: number }> {
    const { result } = await this.transact((index) => {
      const counts = { added: 0, updated: 0, unchanged: 0 };
      const put = new Map<string, Account>();
      const remove = new Set<string>();
      const opts = { now: this.now(), newKey: this.newKey };
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

  /** Writes whole records as given (undo, the editor, a lossless import). */
  async put(accounts: Account[]): Promise<number> {
    await this.transact(() => ({ result: undefined, put: accounts, remove: [] }));
    return accounts.length;
  }

  async delete(keys: string[]): Promise<Account[]> {
    const { before } = await this.transact((index) => ({
      result: undefined,
      put: [],
      remove: keys.filter((k) => index.byKey.has(k)),
    }));
    return before;
  }

  async deleteSignIns(key: string, userNames: string[], root: boolean): Promise<Account> {
    const { result } = await this.transact((index) => {
      const account = index.byKey.get(key);
      if (!account) throw new StoreError('That account no longer exists.');
      const next: Account = {
        ...account,
        signIns: account.signIns.filter((s) =>
          s.type === 'root' ? !root : !userNames.some((u) => sameUserName(u, s.userName)),
        ),
        updatedAt: this.now(),
      };
      return { result: next, put: [next], remove: [] };
    });
    return result;
  }

  /**
   * Counts one use of a sign-in (a route); unknown targets are ignored. Only that record is read and
   * written, and the list cache is patched rather than dropped: a route is on the path of the sign-in page's
   * own query, and with thousands of accounts a whole-store transaction (read and validate every record)
   * held that query up for 150 ms and made the next popup open re-read everything.
   */
  async recordUse(key: string, target: { type: 'iam'; userName: string } | { type: 'root' }): Promise<void> {
    const tx = (await this.db).transaction('accounts', 'readwrite');
    const raw = await tx.store.get(key);
    const account = raw === undefined ? undefined : this.validate([raw]).accounts[0];
    const i = account?.signIns.findIndex((s) =>
      target.type === 'root'
        ? s.type === 'root'
        : s.type === 'iam' && sameUserName(s.userName, target.userName),
    );
    if (!account || i === undefined || i < 0) {
      await tx.done;
      return;
    }
    const now = this.now();
    const signIns = account.signIns.map((s, j) => (j === i ? { ...s, ...recordUse(s, now) } : s));
    const next = clean(accountSchema.parse({ ...account, signIns }));
    await tx.store.put(next);
    await tx.done;
    if (this.cache) {
      const accounts = this.cache.accounts.map((a) => (a.key === key ? next : a));
      this.cache = { ...this.cache, accounts };
    }
  }

  /**
   * Saves a sign-in the user made by hand and counts its use. `draft` names the account (ID, alias or
   * both — which links them) and exactly one sign-in.
   */
  async learn(draft: AccountDraft): Promise<Change<MergeResult>> {
    return this.transact((index) => {
      const now = this.now();
      const r = mergeDraft(index, draft, { now, newKey: this.newKey });
      const learned = draft.signIns?.[0];
      const signIns = r.account.signIns.map((s) =>
        learned &&
        s.type === learned.type &&
        (s.type === 'root' || (learned.type === 'iam' && sameUserName(s.userName, learned.userName)))
          ? { ...s, ...recordUse(s, now) }
          : s,
      );
      const account: Account = { ...r.account, signIns };
      index.add(account);
      const put = [...r.put.filter((a) => a.key !== account.key), account];
      return { result: { ...r, account, put }, put, remove: r.remove };
    });
  }

  /** Puts records back as they were and removes those a change created (Undo). */
  async restore(before: Account[], created: string[]): Promise<void> {
    await this.transact(() => ({ result: undefined, put: before, remove: created }));
  }

  async settings(): Promise<Settings> {
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
    return valid;
  }
}
