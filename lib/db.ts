// Signpost's one IndexedDB database: the typed schema and its versioned upgrade steps. Only the background
// service worker opens it; every other context asks through lib/messages.ts.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { Account } from './schema';

export const DB_NAME = 'signpost';
export const DB_VERSION = 2;

export interface SignpostDB extends DBSchema {
  accounts: {
    key: string;
    value: Account;
    indexes: {
      /** [partition, accountId]: an account ID is unique within its partition. */
      byAccountId: [string, string];
      /** [partition, alias]: so is an alias. */
      byAlias: [string, string];
    };
  };
  /** Small records by name: `settings`. Values are validated by the store on read. */
  meta: { key: string; value: unknown };
}

type UpgradeTx = IDBPTransaction<SignpostDB, StoreNames<SignpostDB>[], 'versionchange'>;

/**
 * Upgrade steps, one per version, applied cumulatively from the version on disk. Each has a test that
 * seeds a database as the previous version wrote it (tests/unit/db.test.ts, fixtures in tests/fixtures/db).
 */
export const UPGRADES: Record<number, (db: IDBPDatabase<SignpostDB>, tx: UpgradeTx) => void> = {
  // v1 (first release): accounts keyed by an internal key, indexed by account ID and alias per partition.
  1: (db) => {
    const accounts = db.createObjectStore('accounts', { keyPath: 'key' });
    accounts.createIndex('byAccountId', ['partition', 'accountId'], { unique: true });
    accounts.createIndex('byAlias', ['partition', 'alias'], { unique: true });
  },
  // v2: settings move out of the records into their own store.
  2: (db) => {
    db.createObjectStore('meta');
  },
};

export function openSignpostDb(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<SignpostDB>> {
  return openDB<SignpostDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) UPGRADES[v]?.(db, tx);
    },
    blocking(_current, _next, event) {
      // A newer Signpost (after an update) wants to upgrade: let it.
      (event.target as IDBDatabase).close();
    },
  });
}
