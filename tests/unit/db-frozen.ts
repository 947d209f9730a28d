// Frozen copies of the IndexedDB layouts that released versions of Signpost wrote (schema versions 1 to 3),
// for upgrade tests. They are copied here on purpose and must never change: a test that seeded the old
// layout by running today's upgrade steps would pass even if a step were edited after its release.

/** Version 1 (first release): one record per account, keyed by an internal key, unique per-partition ID and alias. */
function v1(db: IDBDatabase) {
  const accounts = db.createObjectStore('accounts', { keyPath: 'key' });
  accounts.createIndex('byAccountId', ['partition', 'accountId'], { unique: true });
  accounts.createIndex('byAlias', ['partition', 'alias'], { unique: true });
}

/** Version 2: settings in their own out-of-line-keyed store. */
function v2(db: IDBDatabase) {
  db.createObjectStore('meta');
}

/**
 * Version 3: accounts in chunks of 100 in the store 'pages', with multi-entry unique indexes (the v3 step
 * also moved v2's records in and deleted 'accounts'; seeding starts from an empty database, so only the
 * layout is frozen here).
 */
function v3(db: IDBDatabase) {
  const chunks = db.createObjectStore('pages', { keyPath: 'key' });
  chunks.createIndex('byAccountId', 'ids', { unique: true, multiEntry: true });
  chunks.createIndex('byAlias', 'aliases', { unique: true, multiEntry: true });
  chunks.createIndex('byKey', 'keys', { unique: true, multiEntry: true });
  db.deleteObjectStore('accounts');
}

const FROZEN_STEPS: Record<number, (db: IDBDatabase) => void> = { 1: v1, 2: v2, 3: v3 };

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export interface OldDatabase {
  /** Records of the `accounts` store (versions 1 and 2), exactly as that version stored them. */
  accounts?: unknown[];
  /** Chunk records of the `pages` store (version 3), exactly as that version stored them. */
  pages?: unknown[];
  /** Records of the `meta` store by key (version 2 only), e.g. `{ settings: {...} }`. */
  meta?: Record<string, unknown>;
}

/** Writes the `signpost` database exactly as schema version `version` (1 to 3) left it on disk. */
export async function seedVersion(
  version: 1 | 2 | 3,
  { accounts = [], pages = [], meta = {} }: OldDatabase,
): Promise<void> {
  const open = indexedDB.open('signpost', version);
  open.onupgradeneeded = (event) => {
    for (let v = event.oldVersion + 1; v <= version; v++) FROZEN_STEPS[v]!(open.result);
  };
  const db = await request(open);
  const records = version >= 3 ? 'pages' : 'accounts';
  const stores = version >= 2 ? [records, 'meta'] : [records];
  const tx = db.transaction(stores, 'readwrite');
  for (const record of version >= 3 ? pages : accounts) tx.objectStore(records).put(record);
  for (const [key, value] of Object.entries(meta)) tx.objectStore('meta').put(value, key);
  await new Promise((done, fail) => {
    tx.oncomplete = done;
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}
