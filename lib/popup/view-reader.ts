// The popup reads the store's view (lib/view.ts) from IndexedDB itself, read-only: its first screen and then
// every account, without waking the service worker. Anything missing or refused is `undefined`, and the popup
// then asks the worker as before (which rebuilds the view).
import type { Account } from '../schema';
import { checkState, decodeAccounts, decodeView, VIEW_CHUNK_PREFIX, VIEW_STATE_KEY } from '../view';
import { DB_NAME, type EarlyView, result, startView } from '../view-open';
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

/**
 * The popup's reader. `early`: what the popup started before rendering (lib/view-open.ts startEarly), so that
 * the connection and the first screen's record are read while Preact builds the page.
 */
export function createViewReader(name = DB_NAME, early?: EarlyView): ViewReader {
  // Without them (tests, a page opened some other way) the reader starts the same reads itself.
  let started = early;
  const start = () => {
    started ??= startView(name);
    return started;
  };
  return {
    first: async () => {
      const state = checkState(await start().state);
      const accounts = state && decodeAccounts(state.first);
      return state && accounts ? { accounts, problems: state.problems } : undefined;
    },
    all: async (ready) => {
      const { db } = start();
      const read = await withMeta(db, async (meta) => {
        const range = IDBKeyRange.bound(VIEW_CHUNK_PREFIX, `${VIEW_CHUNK_PREFIX}\uffff`);
        return Promise.all([
          result(meta.get(VIEW_STATE_KEY)),
          result(meta.getAll(range)),
          result(meta.get(VIEW_ORDER_KEY)),
        ]);
      });
      void db.then((open) => open?.close());
      started = undefined;
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
