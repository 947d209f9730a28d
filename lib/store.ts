// The accounts store: every read validated, every write merged and validated in one IndexedDB transaction.
// Owned by the background service worker; it keeps no state that matters only in memory (the list cache
// is rebuilt from IndexedDB after a restart).
import type { IDBPDatabase } from 'idb';
import { rootEmail } from './account';
import { type AccountChunk, CHUNK_SIZE, makeChunk, openSignpostDb, type SignpostDB } from './db';
import type { AccountDraft } from './draft';
import { applyEdit } from './edit';
import { recordUse } from './frecency';
import { sameUserName } from './ids';
import { type LearnedSignIn, learnSignIn } from './learn-merge';
import { AccountIndex, frecencyCeiling, type MergeResult, mergeDraft } from './merge';
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

export interface StoreOptions {
  now?: () => number;
  newKey?: () => string;
  /** Where damaged records are reported (the service worker's console by default). */
  report?: (problem: string) => void;
}

/** What a write changed, so that it can be undone. */
export interface Change<T> {
  result: T;
  /** Every record the write touched, before and after (absent before: created; absent after: removed). */
  revisions: Revision[];
}

export class StoreError extends Error {}

/** Drops undefined fields so records stay small and compare equal across writes. */
function clean(account: Account): Account {
  return Object.fromEntries(Object.entries(account).filter(([, v]) => v !== undefined)) as Account;
}

/** What one read of every chunk found. */
interface Loaded {
  chunks: AccountChunk[];
  /** The valid accounts, in chunk order, as zod parsed them. */
  accounts: Account[];
  /** The raw entries that passed validation (so a rewritten chunk indexes exactly those). */
  valid: Set<unknown>;
  /** Account key → the chunk it is on. */
  where: Map<string, number>;
  /** Chunks whose own shape is damaged: reported, never rewritten. */
  damaged: Set<number>;
  problems: string[];
}

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

const keyOf = (entry: unknown) => (entry as { key?: unknown } | null)?.key;

export class Store {
  private cache?: { accounts: Account[]; problems: string[] };
  private settingsRead?: Promise<Settings>;
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

  /** Validates one stored account; a damaged one is reported (with its key) and skipped. */
  private check(entry: unknown, problems: string[]): Account | undefined {
    const parsed = accountSchema.safeParse(entry);
    if (parsed.success) return parsed.data;
    const key = keyOf(entry);
    const problem = `Skipped a damaged account record (${typeof key === 'string' ? key : 'no key'}): ${explain(parsed.error)}`;
    problems.push(problem);
    this.report(problem);
    return undefined;
  }

  /** Validates every chunk and account read: what is damaged is reported and skipped, the rest load. */
  private load(raw: unknown[]): Loaded {
    const loaded: Loaded = {
      chunks: [],
      accounts: [],
      valid: new Set(),
      where: new Map(),
      damaged: new Set(),
      problems: [],
    };
    for (const chunk of raw as AccountChunk[]) {
      if (!Array.isArray(chunk?.accounts) || typeof chunk.key !== 'number') {
        const problem = `Skipped a damaged page of accounts (${String(chunk?.key)}).`;
        loaded.problems.push(problem);
        this.report(problem);
        if (typeof chunk?.key === 'number') loaded.damaged.add(chunk.key);
        continue;
      }
      loaded.chunks.push(chunk);
      for (const entry of chunk.accounts) {
        const account = this.check(entry, loaded.problems);
        if (!account) continue;
        loaded.accounts.push(account);
        loaded.valid.add(entry);
        loaded.where.set(account.key, chunk.key);
      }
    }
    return loaded;
  }

  async list(): Promise<{ accounts: Account[]; problems: string[] }> {
    if (!this.cache) {
      const { accounts, problems } = this.load(await (await this.db).getAll('pages'));
      this.cache = { accounts, problems };
    }
    return this.cache;
  }

  /** The one valid account with `key` on `chunk`, if any. */
  private pick(chunk: AccountChunk | undefined, match: (entry: Record<string, unknown>) => boolean) {
    const entry = chunk?.accounts.find(
      (e) => e && typeof e === 'object' && match(e as Record<string, unknown>),
    );
    return entry === undefined ? undefined : this.check(entry, []);
  }

  async get(key: string): Promise<Account | undefined> {
    const chunk = await (await this.db).getFromIndex('pages', 'byKey', key);
    return this.pick(chunk, (e) => e.key === key);
  }

  /** Looks an account up by account ID or alias within a partition, through the IndexedDB indexes. */
  async findByRef(
    partition: string,
    ref: { accountId: string } | { alias: string },
  ): Promise<Account | undefined> {
    const db = await this.db;
    if ('accountId' in ref) {
      const chunk = await db.getFromIndex('pages', 'byAccountId', `${partition}/${ref.accountId}`);
      return this.pick(chunk, (e) => e.partition === partition && e.accountId === ref.accountId);
    }
    const chunk = await db.getFromIndex('pages', 'byAlias', `${partition}/${ref.alias}`);
    return this.pick(chunk, (e) => e.partition === partition && e.alias === ref.alias);
  }

  /**
   * Runs `change` against all valid accounts in one readwrite transaction and writes the chunks it touches.
   * Nothing but IndexedDB is awaited inside the transaction; a record that fails validation aborts it whole.
   * Damaged records stay on their chunks exactly as they were.
   */
  private async transact<T>(
    change: (index: AccountIndex) => { result: T; put: Account[]; remove: string[] },
  ): Promise<Change<T>> {
    const db = await this.db;
    const tx = db.transaction('pages', 'readwrite');
    const store = tx.objectStore('pages');
    const loaded = this.load(await store.getAll());
    const original = new Map(loaded.accounts.map((a) => [a.key, a]));
    let outcome: { result: T; put: Account[]; remove: string[] };
    const puts = new Map<string, Account>();
    const writes = new Map<number, AccountChunk>();
    let removed: string[] = [];
    try {
      outcome = change(new AccountIndex(loaded.accounts));
      for (const account of outcome.put) {
        const parsed = accountSchema.safeParse(account);
        if (!parsed.success) throw new StoreError(explain(parsed.error));
        puts.set(account.key, clean(parsed.data));
      }
      removed = outcome.remove.filter((k) => !puts.has(k) && loaded.where.has(k));
      this.layOut(loaded, puts, removed, writes);
    } catch (error) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw error;
    }
    try {
      // The writes and the commit are awaited together, so a refused write is reported once, in plain words.
      await Promise.all([
        ...[...writes.values()].map((chunk) =>
          chunk.accounts.length ? store.put(chunk) : store.delete(chunk.key),
        ),
        tx.done,
      ]);
    } catch (error) {
      this.cache = undefined;
      throw new StoreError(
        error instanceof DOMException && error.name === 'ConstraintError'
          ? 'Two accounts would share an account ID or alias; nothing was saved.'
          : `Could not save: ${(error as Error).message}`,
      );
    }
    // What was read and written is what is there now: no need to read it all again.
    const gone = new Set(removed);
    const kept = loaded.accounts.filter((a) => !gone.has(a.key)).map((a) => puts.get(a.key) ?? a);
    const added = [...puts.values()].filter((a) => !loaded.where.has(a.key));
    this.cache = { accounts: [...kept, ...added], problems: loaded.problems };
    const touched = [...puts.keys(), ...removed];
    return {
      result: outcome.result,
      revisions: touched.map((k) => ({ before: original.get(k), after: puts.get(k) })),
    };
  }

  /**
   * Works out the chunks a write changes: accounts replaced where they are, removed ones taken out, new ones
   * added to the last chunk with room (or a new chunk). Damaged entries and chunks are left as they were.
   */
  private layOut(
    loaded: Loaded,
    puts: Map<string, Account>,
    removed: string[],
    writes: Map<number, AccountChunk>,
  ) {
    const byKey = new Map(loaded.chunks.map((p) => [p.key, p]));
    const entries = (n: number) =>
      (writes.get(n) ?? { accounts: [...(byKey.get(n)?.accounts ?? [])] }).accounts;
    const touch = (n: number, accounts: unknown[]) =>
      writes.set(n, { key: n, accounts, ids: [], aliases: [], keys: [] });
    const isThe = (key: string) => (e: unknown) => keyOf(e) === key && loaded.valid.has(e);
    for (const key of removed) {
      const n = loaded.where.get(key)!;
      touch(
        n,
        entries(n).filter((e) => !isThe(key)(e)),
      );
    }
    const lastKeys = [...byKey.keys(), ...loaded.damaged];
    let last = loaded.chunks.length ? loaded.chunks[loaded.chunks.length - 1]!.key : -1;
    let next = lastKeys.length ? Math.max(...lastKeys) + 1 : 0;
    for (const [key, account] of puts) {
      const n = loaded.where.get(key);
      if (n !== undefined) {
        touch(
          n,
          entries(n).map((e) => (isThe(key)(e) ? account : e)),
        );
        continue;
      }
      if (last < 0 || entries(last).length >= CHUNK_SIZE) last = next++;
      touch(last, [...entries(last), account]);
    }
    const fresh = new Set<unknown>(puts.values());
    for (const [n, chunk] of writes) {
      const built = makeChunk(n, chunk.accounts, (e) => fresh.has(e) || loaded.valid.has(e));
      // IndexedDB's multiEntry unique indexes ignore repeats within one record: check those here.
      for (const list of [built.ids, built.aliases, built.keys]) {
        if (new Set(list).size !== list.length) {
          throw new StoreError('Two accounts would share an account ID or alias; nothing was saved.');
        }
      }
      writes.set(n, built);
    }
  }

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

  /** Deletes accounts; the revisions returned take it back (see revert). */
  async delete(keys: string[]): Promise<Change<Account[]>> {
    return this.transact((index) => {
      const remove = keys.filter((k) => index.byKey.has(k));
      return { result: remove.map((k) => index.byKey.get(k)!), put: [], remove };
    });
  }

  async deleteSignIns(key: string, userNames: string[], root: boolean): Promise<Change<Account>> {
    return this.transact((index) => {
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
  }

  /**
   * Counts one use of a sign-in (a route); unknown targets are ignored. Only that record is read and
   * written, and the list cache is patched rather than dropped: a route is on the path of the sign-in page's
   * own query, and with thousands of accounts a whole-store transaction (read and validate every record)
   * held that query up for 150 ms and made the next popup open re-read everything.
   */
  async recordUse(key: string, target: UserTarget): Promise<void> {
    const tx = (await this.db).transaction('pages', 'readwrite');
    const chunk = await tx.store.index('byKey').get(key);
    const at = chunk?.accounts.findIndex((e) => keyOf(e) === key) ?? -1;
    const account = chunk && at >= 0 ? this.check(chunk.accounts[at], []) : undefined;
    const i = account?.signIns.findIndex((s) =>
      target.type === 'root'
        ? s.type === 'root'
        : s.type === 'iam' && sameUserName(s.userName, target.userName),
    );
    if (!chunk || !account || i === undefined || i < 0) {
      await tx.done;
      return;
    }
    const now = this.now();
    const signIns = account.signIns.map((s, j) => (j === i ? { ...s, ...recordUse(s, now) } : s));
    const next = clean(accountSchema.parse({ ...account, signIns }));
    // Only frecency changed, so the page's index entries stay as they are.
    const accounts = chunk.accounts.map((e, j) => (j === at ? next : e));
    await Promise.all([tx.store.put({ ...chunk, accounts }), tx.done]);
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
