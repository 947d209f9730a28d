// The popup reads the store's view (lib/view.ts) from IndexedDB itself, read-only: its first screen and then
// every account, without waking the service worker. Anything missing or refused is `undefined`, and the popup
// then asks the worker as before (which rebuilds the view).
import type { Account } from '../schema';
import { checkState, decodeAccounts, decodeView } from '../view';
import { DB_NAME, type EarlyView, startView } from '../view-open';
import { checkOrder, rankMap } from '../view-order';

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
 * The popup's reader: one connection and one read-only transaction per popup, for its first screen and then
 * every account (so the two agree). `early`: what the popup's first script started (entrypoints/popup-boot.ts),
 * so that both are read while the popup's code loads; without it the reader starts them itself.
 */
export function createViewReader(name = DB_NAME, early?: EarlyView): ViewReader {
  let started: EarlyView | undefined = early;
  const start = () => {
    started ??= startView(name);
    return started;
  };
  const quietly = async <T>(value: () => Promise<T> | undefined): Promise<T | undefined> => {
    try {
      return await value();
    } catch {
      return undefined;
    }
  };
  return {
    first: async () => {
      const state = checkState(await quietly(async () => (await start().read)?.state));
      const accounts = state && decodeAccounts(state.first);
      return state && accounts ? { accounts, problems: state.problems } : undefined;
    },
    all: async (ready) => {
      const { db, read } = start();
      const take = await quietly(async () => (await read)?.rest);
      void db.then((open) => open?.close());
      started = undefined;
      if (!take) return undefined;
      await ready;
      const records = take();
      const accounts = decodeView(records.state, records.chunks);
      const state = checkState(records.state);
      if (!accounts || !state) return undefined;
      // Read in the same transaction as the accounts, so written by the same write or an earlier one; the
      // names are not checked for order here (that is the sort it saves): the index looks each name up and
      // sorts them itself when one is missing.
      const order = checkOrder(records.order);
      return { accounts, problems: state.problems, ...(order ? { ranks: rankMap(order) } : {}) };
    },
  };
}
