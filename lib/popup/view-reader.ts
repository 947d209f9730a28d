// The popup reads the store's view (lib/view.ts) from IndexedDB itself, read-only: its first screen and then
// every account, without waking the service worker. Anything missing or refused is `undefined`, and the popup
// then asks the worker as before (which rebuilds the view).
import type { Account } from '../schema';
import { checkState, DB_NAME, decodeAccounts, decodeView, VIEW_CHUNK_PREFIX, VIEW_STATE_KEY } from '../view';
import { checkOrder, rankMap, VIEW_ORDER_KEY } from '../view-order';

export interface ViewList {
  accounts: Account[];
  problems: string[];
  /** The names' natural order as the worker kept it (lib/view-order.ts), when it has one. */
  ranks?: ReadonlyMap<string, number>;
}

export interface ViewReader {
  /** The first screen's accounts, as the last write ranked them. */
  first(): Promise<ViewList | undefined>;
  /**
   * Every account, as the worker would list them. The records are read at once and decoded only once
   * `ready` resolves (the popup passes its first paint), so the read overlaps the paint and the decoding
   * does not hold it up.
   */
  all(ready?: Promise<void>): Promise<ViewList | undefined>;
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

/**
 * Runs `read` on the meta store in one read-only transaction of `db`; any failure reads as "no view". The
 * connection is opened once per popup (first screen, then every account) and closed after the last read.
 */
async function withMeta<T>(
  db: Promise<IDBDatabase | undefined>,
  read: (meta: IDBObjectStore) => Promise<T>,
): Promise<T | undefined> {
  try {
    const open = await db;
    return open ? await read(open.transaction('meta', 'readonly').objectStore('meta')) : undefined;
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
  let db: Promise<IDBDatabase | undefined> | undefined;
  const connection = () => {
    db ??= open(name).catch(() => undefined);
    return db;
  };
  return {
    first: () =>
      withMeta(connection(), async (meta) => {
        const state = checkState(await result(meta.get(VIEW_STATE_KEY)));
        const accounts = state && decodeAccounts(state.first);
        return state && accounts ? { accounts, problems: state.problems } : undefined;
      }),
    all: async (ready) => {
      const read = await withMeta(connection(), async (meta) => {
        const range = IDBKeyRange.bound(VIEW_CHUNK_PREFIX, `${VIEW_CHUNK_PREFIX}\uffff`);
        return Promise.all([
          result(meta.get(VIEW_STATE_KEY)),
          result(meta.getAll(range)),
          result(meta.get(VIEW_ORDER_KEY)),
        ]);
      });
      void connection().then((open) => open?.close());
      db = undefined;
      if (!read) return undefined;
      await ready;
      const [raw, chunks, orderRaw] = read;
      const accounts = decodeView(raw, chunks);
      const state = checkState(raw);
      if (!accounts || !state) return undefined;
      // Read in the same transaction as the accounts, so written by the same write or an earlier one; the
      // names are not checked for order here (that is the sort it saves): the index looks each name up and
      // sorts them itself when one is missing.
      const order = checkOrder(orderRaw);
      return { accounts, problems: state.problems, ...(order ? { ranks: rankMap(order) } : {}) };
    },
  };
}
