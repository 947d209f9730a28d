// The popup reads the store's view (lib/view.ts) from IndexedDB itself, read-only: its first screen and then
// every account, without waking the service worker. Anything missing or refused is `undefined`, and the popup
// then asks the worker as before (which rebuilds the view).
import type { Account } from '../schema';
import { checkState, DB_NAME, decodeAccounts, decodeView, VIEW_CHUNK_PREFIX, VIEW_STATE_KEY } from '../view';

export interface ViewList {
  accounts: Account[];
  problems: string[];
}

export interface ViewReader {
  /** The first screen's accounts, as the last write ranked them. */
  first(): Promise<ViewList | undefined>;
  /** Every account, as the worker would list them. */
  all(): Promise<ViewList | undefined>;
}

/** Opens Signpost's database as it is on disk; never creates or upgrades it (only the worker does). */
function open(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      // No database yet (a fresh install the worker has not opened): opening it here would create it at
      // version 1 and the worker's upgrade would then start from the wrong place. Give it back untouched.
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      // The worker is upgrading the database (after an update): let it.
      db.onversionchange = () => db.close();
      if (db.objectStoreNames.contains('meta')) resolve(db);
      else {
        db.close();
        resolve(undefined);
      }
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve(undefined);
  });
}

/** Runs `read` on the meta store in one read-only transaction; any failure reads as "no view". */
async function withMeta<T>(name: string, read: (meta: IDBObjectStore) => Promise<T>): Promise<T | undefined> {
  try {
    const db = await open(name);
    if (!db) return undefined;
    try {
      return await read(db.transaction('meta', 'readonly').objectStore('meta'));
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

const result = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

export function createViewReader(name = DB_NAME): ViewReader {
  return {
    first: () =>
      withMeta(name, async (meta) => {
        const state = checkState(await result(meta.get(VIEW_STATE_KEY)));
        const accounts = state && decodeAccounts(state.first);
        return state && accounts ? { accounts, problems: state.problems } : undefined;
      }),
    all: () =>
      withMeta(name, async (meta) => {
        const range = IDBKeyRange.bound(VIEW_CHUNK_PREFIX, `${VIEW_CHUNK_PREFIX}\uffff`);
        const [raw, chunks] = await Promise.all([
          result(meta.get(VIEW_STATE_KEY)),
          result(meta.getAll(range)),
        ]);
        const accounts = decodeView(raw, chunks);
        const state = checkState(raw);
        return accounts && state ? { accounts, problems: state.problems } : undefined;
      }),
  };
}
