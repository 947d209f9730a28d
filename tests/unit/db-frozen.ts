// Frozen copies of the IndexedDB layouts that released versions of Signpost wrote (schema versions 1 and 2),
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

const FROZEN_STEPS: Record<number, (db: IDBDatabase) => void> = { 1: v1, 2: v2 };

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export interface OldDatabase {
  /** Records of the `accounts` store, exactly as that version stored them. */
  accounts: unknown[];
  /** Records of the `meta` store by key (version 2 only), e.g. `{ settings: {...} }`. */
  meta?: Record<string, unknown>;
}

/** Writes the `signpost` database exactly as schema version `version` (1 or 2) left it on disk. */
export async function seedVersion(version: 1 | 2, { accounts, meta = {} }: OldDatabase): Promise<void> {
  const open = indexedDB.open('signpost', version);
  open.onupgradeneeded = (event) => {
    for (let v = event.oldVersion + 1; v <= version; v++) FROZEN_STEPS[v]!(open.result);
  };
  const db = await request(open);
  const stores = version >= 2 ? ['accounts', 'meta'] : ['accounts'];
  const tx = db.transaction(stores, 'readwrite');
  for (const account of accounts) tx.objectStore('accounts').put(account);
  for (const [key, value] of Object.entries(meta)) tx.objectStore('meta').put(value, key);
  await new Promise((done, fail) => {
    tx.oncomplete = done;
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}
