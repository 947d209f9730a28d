// How the store keeps accounts in IndexedDB: chunks of up to CHUNK_SIZE records, every read validated
// (damage reported and skipped), every write laid out onto the chunks it changes with its index entries
// checked, in one transaction. lib/store.ts builds the account operations on top of this.
import type { IDBPDatabase } from 'idb';
import { type AccountChunk, CHUNK_SIZE, makeChunk, openSignpostDb, type SignpostDB } from './db';
import { managedRefusal } from './managed-guard';
import { AccountIndex, stripUndefined } from './merge';
import { parseAccount } from './quick-parse';
import type { Revision } from './revise';
import { type Account, explain } from './schema';
import { VIEW_STATE_KEY } from './view';
import { checkOrder, type NameOrder, nextOrder, VIEW_ORDER_KEY } from './view-order';
import {
  allViewChunks,
  type ViewUpdate,
  viewIsCurrent,
  viewIsWhole,
  viewUnchanged,
  writeView,
} from './view-write';

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

/** What one read of every chunk found. */
interface Loaded {
  chunks: AccountChunk[];
  /** The valid accounts, in chunk order, as zod parsed them. */
  accounts: Account[];
  /** The raw entries that passed validation (so a rewritten chunk indexes exactly those), as parsed. */
  valid: Map<unknown, Account>;
  /** Account key → the chunk it is on. */
  where: Map<string, number>;
  /** Chunks whose own shape is damaged: reported, never rewritten. */
  damaged: Set<number>;
  problems: string[];
}

export const keyOf = (entry: unknown) => (entry as { key?: unknown } | null)?.key;

export class AccountChunks {
  protected cache?: { accounts: Account[]; problems: string[] };
  protected readonly now: () => number;
  protected readonly newKey: () => string;
  protected readonly report: (problem: string) => void;

  constructor(
    protected readonly db: Promise<IDBPDatabase<SignpostDB>> = openSignpostDb(),
    options: StoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newKey = options.newKey ?? (() => crypto.randomUUID());
    this.report = options.report ?? ((p) => console.warn(`Signpost: ${p}`));
  }

  /** Validates one stored account; a damaged one is reported (with its key) and skipped. */
  protected check(entry: unknown, problems: string[]): Account | undefined {
    const parsed = parseAccount(entry);
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
      valid: new Map(),
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
        loaded.valid.set(entry, account);
        loaded.where.set(account.key, chunk.key);
      }
    }
    return loaded;
  }

  /** The next write rewrites every view record (the view was found torn). */
  private rewriteView = false;
  /** The names' order as this store last wrote it (lib/view-order.ts); read from disk when not known. */
  private order?: NameOrder;
  /** A full read in progress: callers at the same moment (the worker's start, the popup's asks) share it. */
  private reading?: Promise<{ accounts: Account[]; problems: string[] }>;

  async list(): Promise<{ accounts: Account[]; problems: string[] }> {
    if (this.cache) return this.cache;
    this.reading ??= this.readAll().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readAll(): Promise<{ accounts: Account[]; problems: string[] }> {
    const db = await this.db;
    const [raw, viewState, viewKeys] = await Promise.all([
      db.getAll('chunks'),
      db.get('meta', VIEW_STATE_KEY),
      db.getAllKeys('meta', allViewChunks()),
    ]);
    const { accounts, problems } = this.load(raw);
    // A write that finished while this read was under way has set the newer list: keep that one.
    this.cache ??= { accounts, problems };
    // The popup found no view it can read (first run after an update, or damage): write it whole, after
    // this answer (a write that changes nothing still brings the view up to date).
    if (!viewIsCurrent(viewState) || !viewIsWhole(viewState, viewKeys)) {
      this.rewriteView = true;
      void this.transact(() => ({ result: undefined, put: [], remove: [] })).catch((error) =>
        this.report(`Could not write the popup's view: ${(error as Error).message}`),
      );
    }
    return this.cache;
  }

  /** The one valid account with `key` on `chunk`, if any. */
  /**
   * The valid account on `chunk` that `match` names. A damaged record with the same ID or alias on the same
   * chunk (carried along unindexed) is passed over, not returned in its place.
   */
  private pick(chunk: AccountChunk | undefined, match: (entry: Record<string, unknown>) => boolean) {
    for (const e of chunk?.accounts ?? []) {
      if (!e || typeof e !== 'object' || !match(e as Record<string, unknown>)) continue;
      const account = this.check(e, []);
      if (account) return account;
    }
    return undefined;
  }

  async get(key: string): Promise<Account | undefined> {
    const chunk = await (await this.db).getFromIndex('chunks', 'byKey', key);
    return this.pick(chunk, (e) => e.key === key);
  }

  /** Looks an account up by account ID or alias within a partition, through the IndexedDB indexes. */
  async findByRef(
    partition: string,
    ref: { accountId: string } | { alias: string },
  ): Promise<Account | undefined> {
    const db = await this.db;
    if ('accountId' in ref) {
      const chunk = await db.getFromIndex('chunks', 'byAccountId', `${partition}/${ref.accountId}`);
      return this.pick(chunk, (e) => e.partition === partition && e.accountId === ref.accountId);
    }
    const chunk = await db.getFromIndex('chunks', 'byAlias', `${partition}/${ref.alias}`);
    return this.pick(chunk, (e) => e.partition === partition && e.alias === ref.alias);
  }

  /**
   * Runs `change` against all valid accounts in one readwrite transaction and writes the chunks it touches.
   * Nothing but IndexedDB is awaited inside the transaction; a record that fails validation aborts it whole.
   * Damaged records stay on their chunks exactly as they were.
   */
  protected async transact<T>(
    change: (index: AccountIndex) => { result: T; put: Account[]; remove: string[] },
    /** Only the managed directory's own import may rewrite the organization's accounts. */
    asPolicy = false,
  ): Promise<Change<T>> {
    const db = await this.db;
    const tx = db.transaction(['chunks', 'meta'], 'readwrite');
    const store = tx.objectStore('chunks');
    const meta = tx.objectStore('meta');
    const [raw, viewState, orderRaw] = await Promise.all([
      store.getAll(),
      meta.get(VIEW_STATE_KEY),
      this.order ? undefined : meta.get(VIEW_ORDER_KEY),
    ]);
    const loaded = this.load(raw);
    const original = new Map(loaded.accounts.map((a) => [a.key, a]));
    let outcome: { result: T; put: Account[]; remove: string[] };
    const puts = new Map<string, Account>();
    const writes = new Map<number, AccountChunk>();
    let removed: string[] = [];
    let accounts: Account[] = [];
    let view: ViewUpdate;
    try {
      outcome = change(new AccountIndex(loaded.accounts));
      for (const put of outcome.put) {
        const before = original.get(put.key);
        const refused = asPolicy ? undefined : managedRefusal(before, put);
        if (refused) throw new StoreError(refused);
        const account = before?.managed && !asPolicy ? { ...put, managed: true as const } : put;
        const parsed = parseAccount(account);
        if (!parsed.success) throw new StoreError(explain(parsed.error));
        puts.set(account.key, stripUndefined(parsed.data));
      }
      removed = outcome.remove.filter((k) => !puts.has(k) && loaded.where.has(k));
      const kept = asPolicy
        ? undefined
        : removed.map((k) => managedRefusal(original.get(k), undefined)).find(Boolean);
      if (kept) throw new StoreError(kept);
      this.layOut(loaded, puts, removed, writes);
      // What is there after the write (the store's order: new accounts go to the end).
      const gone = new Set(removed);
      const after = loaded.accounts.filter((a) => !gone.has(a.key)).map((a) => puts.get(a.key) ?? a);
      accounts = [...after, ...[...puts.values()].filter((a) => !loaded.where.has(a.key))];
      view = this.viewUpdate(loaded, writes, viewState, accounts, this.order ?? checkOrder(orderRaw, true));
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
        ...(viewUnchanged(view, viewState) ? [] : writeView(meta, view)),
        tx.done,
      ]);
    } catch (error) {
      this.cache = undefined;
      this.order = undefined;
      throw new StoreError(
        error instanceof DOMException && error.name === 'ConstraintError'
          ? 'Two accounts would share an account ID or alias; nothing was saved.'
          : `Could not save: ${(error as Error).message}`,
      );
    }
    if (view.rebuild) this.rewriteView = false;
    this.order = view.order ?? view.previousOrder;
    // What was read and written is what is there now: no need to read it all again.
    this.cache = { accounts, problems: loaded.problems };
    const touched = [...puts.keys(), ...removed];
    return {
      result: outcome.result,
      revisions: touched.map((k) => ({ before: original.get(k), after: puts.get(k) })),
    };
  }

  /**
   * The popup's view after a write: the chunks it writes (every chunk when the view on disk is missing or of
   * an older format, so that any write brings it up to date) and the first screen.
   */
  private viewUpdate(
    loaded: Loaded,
    writes: Map<number, AccountChunk>,
    viewState: unknown,
    accounts: Account[],
    previousOrder: NameOrder | undefined,
  ): ViewUpdate {
    const fresh = new Map(accounts.map((a) => [a as unknown, a]));
    const parsed = (chunk: AccountChunk) =>
      chunk.accounts.flatMap((e) => {
        const account = fresh.get(e) ?? loaded.valid.get(e);
        return account ? [account] : [];
      });
    const chunks = new Map<number, Account[]>();
    const rebuild = this.rewriteView || !viewIsCurrent(viewState);
    // A rebuild writes the order too, whole: the record on disk may be the damaged part.
    const order = nextOrder(rebuild ? undefined : previousOrder, accounts);
    if (rebuild) for (const c of loaded.chunks) chunks.set(c.key, parsed(c));
    const deleted: number[] = [];
    for (const [n, chunk] of writes) {
      if (chunk.accounts.length) chunks.set(n, parsed(chunk));
      else {
        chunks.delete(n);
        deleted.push(n);
      }
    }
    const present = new Set(loaded.chunks.map((c) => c.key));
    for (const n of chunks.keys()) present.add(n);
    for (const n of deleted) present.delete(n);
    return {
      rebuild,
      chunks,
      deleted,
      present: [...present],
      accounts,
      problems: loaded.problems,
      now: this.now(),
      order,
      previousOrder: order ? undefined : previousOrder,
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
    /** The chunk's entries as this write leaves them: its own copy, changed in place. */
    const own = (n: number) => {
      let chunk = writes.get(n);
      if (!chunk) {
        chunk = { key: n, accounts: [...(byKey.get(n)?.accounts ?? [])], ids: [], aliases: [], keys: [] };
        writes.set(n, chunk);
      }
      return chunk.accounts;
    };
    const isThe = (key: string) => (e: unknown) => keyOf(e) === key && loaded.valid.has(e);
    for (const key of removed) {
      const n = loaded.where.get(key)!;
      const kept = own(n).filter((e) => !isThe(key)(e));
      writes.get(n)!.accounts = kept;
    }
    const lastKeys = [...byKey.keys(), ...loaded.damaged];
    let last = loaded.chunks.length ? loaded.chunks[loaded.chunks.length - 1]!.key : -1;
    let next = lastKeys.length ? Math.max(...lastKeys) + 1 : 0;
    const size = (n: number) => (writes.get(n) ?? byKey.get(n))?.accounts.length ?? 0;
    for (const [key, account] of puts) {
      const n = loaded.where.get(key);
      if (n !== undefined) {
        const entries = own(n);
        const i = entries.findIndex(isThe(key));
        if (i >= 0) entries[i] = account;
        continue;
      }
      if (last < 0 || size(last) >= CHUNK_SIZE) last = next++;
      own(last).push(account);
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
}
