// Signpost's one IndexedDB database: the typed schema and its versioned upgrade steps. Only the background
// service worker writes it; the popup reads the view the worker keeps in `meta` (lib/view.ts), read-only and
// never at another version, and every other context asks through lib/messages.ts.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { accountSchema } from './schema';

export { DB_NAME } from './view';

import { DB_NAME } from './view';
export const DB_VERSION = 4;

/** How many accounts one chunk record holds (in the object store `chunks`; `pages` until version 4). */
export const CHUNK_SIZE = 100;

/**
 * Accounts are kept in chunks of up to CHUNK_SIZE. Chrome's IndexedDB pays per request, not per byte: 10,000
 * one-account puts took 0.8–1.2 s here, the same accounts in 100 chunks about 0.1 s. Each account is still
 * validated on its own, and a damaged one is carried along untouched.
 */
export interface AccountChunk {
  /** Chunk number: chunks are filled in order, new accounts go to the last one. */
  key: number;
  /** The account records as written (validated by the store on every read and write). */
  accounts: unknown[];
  /** Index entries of the valid accounts in the chunk: `partition/accountId`, `partition/alias`, keys. */
  ids: string[];
  aliases: string[];
  keys: string[];
}

export interface SignpostDB extends DBSchema {
  chunks: {
    key: number;
    value: AccountChunk;
    indexes: {
      /** `partition/accountId`: an account ID is unique within its partition. */
      byAccountId: string;
      /** `partition/alias`: so is an alias. */
      byAlias: string;
      /** An account's internal key. */
      byKey: string;
    };
  };
  /** Small records by name: `settings`. Values are validated by the store on read. */
  meta: { key: string; value: unknown };
}

/** The v1–v2 layout, one account per record; the v3 step moves its records into chunks. */
interface LegacyDB extends DBSchema {
  accounts: {
    key: string;
    value: unknown;
    indexes: { byAccountId: [string, string]; byAlias: [string, string] };
  };
  meta: { key: string; value: unknown };
}

/** The v3 layout: the chunks under their first name, `pages`; the v4 step renames the store. */
interface V3DB extends DBSchema {
  pages: SignpostDB['chunks'];
  meta: { key: string; value: unknown };
}

/** The chunk store and its indexes (v3 created it as `pages`, v4 as `chunks`). */
function createChunkStore(db: IDBPDatabase<V3DB> | Db, name: 'pages' | 'chunks') {
  const chunks = (db as IDBPDatabase<V3DB>).createObjectStore(name as 'pages', { keyPath: 'key' });
  chunks.createIndex('byAccountId', 'ids', { unique: true, multiEntry: true });
  chunks.createIndex('byAlias', 'aliases', { unique: true, multiEntry: true });
  chunks.createIndex('byKey', 'keys', { unique: true, multiEntry: true });
}

type Tx = IDBPTransaction<SignpostDB, StoreNames<SignpostDB>[], 'versionchange'>;
type Db = IDBPDatabase<SignpostDB>;

/** The index entries of one account, or none for a record that is not shaped like an account. */
export function indexEntries(account: unknown): { id?: string; alias?: string; key?: string } {
  if (!account || typeof account !== 'object') return {};
  const { partition, accountId, alias, key } = account as Record<string, unknown>;
  if (typeof partition !== 'string') return {};
  return {
    id: typeof accountId === 'string' ? `${partition}/${accountId}` : undefined,
    alias: typeof alias === 'string' ? `${partition}/${alias}` : undefined,
    key: typeof key === 'string' ? key : undefined,
  };
}

/** A chunk record for `accounts`; `valid` says which of them may be indexed. */
export function makeChunk(
  key: number,
  accounts: unknown[],
  valid: (account: unknown) => boolean,
): AccountChunk {
  const chunk: AccountChunk = { key, accounts, ids: [], aliases: [], keys: [] };
  for (const account of accounts) {
    if (!valid(account)) continue;
    const entries = indexEntries(account);
    if (entries.id) chunk.ids.push(entries.id);
    if (entries.alias) chunk.aliases.push(entries.alias);
    if (entries.key) chunk.keys.push(entries.key);
  }
  return chunk;
}

/**
 * Upgrade steps, one per version, applied in order from the version on disk. Each has a test that seeds a
 * database as the previous version wrote it (tests/unit/db.test.ts): records from tests/fixtures/db, stores
 * from frozen copies of the released steps (tests/unit/db-frozen.ts), never from these steps. When a step
 * ships, copy it there.
 */
export const UPGRADES: Record<number, (db: Db, tx: Tx) => void | Promise<void>> = {
  // v1 (first release): accounts keyed by an internal key, indexed by account ID and alias per partition.
  1: (db) => {
    const legacy = db as unknown as IDBPDatabase<LegacyDB>;
    const accounts = legacy.createObjectStore('accounts', { keyPath: 'key' });
    accounts.createIndex('byAccountId', ['partition', 'accountId'], { unique: true });
    accounts.createIndex('byAlias', ['partition', 'alias'], { unique: true });
  },
  // v2: settings move out of the records into their own store.
  2: (db) => {
    db.createObjectStore('meta');
  },
  // v3: accounts move into chunks of CHUNK_SIZE, every record as it was (damaged ones too, unindexed).
  3: async (db, tx) => {
    createChunkStore(db, 'pages');
    const legacyTx = tx as unknown as IDBPTransaction<LegacyDB, ['accounts'], 'versionchange'>;
    const records = await legacyTx.objectStore('accounts').getAll();
    // Only valid records are indexed (as the store does on every write); damaged ones come along unindexed,
    // so they can never block a valid account from taking their ID or alias.
    const seen = new Set<string>();
    const indexable = (account: unknown) => {
      if (!accountSchema.safeParse(account).success) return false;
      const { id, alias, key } = indexEntries(account);
      const entries = [id && `i:${id}`, alias && `a:${alias}`, key && `k:${key}`].filter(Boolean) as string[];
      if (!key || entries.some((e) => seen.has(e))) return false;
      for (const e of entries) seen.add(e);
      return true;
    };
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i * CHUNK_SIZE < records.length; i++) {
      writes.push(
        (tx as unknown as IDBPTransaction<V3DB, ['pages'], 'versionchange'>)
          .objectStore('pages')
          .put(makeChunk(i, records.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE), indexable)),
      );
    }
    await Promise.all(writes);
    db.deleteObjectStore('accounts' as never);
  },
  // v4 (release 2: Identity Center and switch-role sign-ins): the chunk store takes its name, `chunks`
  // ("page" means a sign-in or extension page everywhere else). Every chunk moves as it was, damaged
  // accounts and index entries included. The version bump also keeps an older Signpost (a rolled-back
  // managed install) from opening a database whose accounts hold sign-in kinds it cannot read: its open
  // fails with a version error instead of listing those accounts as damaged.
  4: async (db, tx) => {
    const v3Tx = tx as unknown as IDBPTransaction<V3DB, ['pages'], 'versionchange'>;
    const chunks = await v3Tx.objectStore('pages').getAll();
    createChunkStore(db, 'chunks');
    await Promise.all(chunks.map((chunk) => tx.objectStore('chunks').put(chunk)));
    db.deleteObjectStore('pages' as never);
  },
};

export function openSignpostDb(name = DB_NAME, version = DB_VERSION): Promise<Db> {
  return openDB<SignpostDB>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await UPGRADES[v]?.(db, tx);
    },
    blocking(_current, _next, event) {
      // A newer Signpost (after an update) wants to upgrade: let it.
      (event.target as IDBDatabase).close();
    },
  });
}

/** Every account record as stored, valid or not (tests and diagnostics read the chunks through this). */
export async function rawAccounts(db: Db): Promise<unknown[]> {
  return (await db.getAll('chunks')).flatMap((chunk) => chunk.accounts);
}
