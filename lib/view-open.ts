// Opening Signpost's database to read the popup's view (lib/view.ts), with nothing imported: the popup's first
// script (entrypoints/popup-boot.ts, about 1 KB loaded before the rest of the popup) starts the reads here, so
// that IndexedDB works while the browser is still loading and compiling the popup's code.

/** Signpost's one IndexedDB database (lib/db.ts); named here so the popup does not load the schema. */
export const DB_NAME = 'signpost';
export const VIEW_STATE_KEY = 'view';
export const VIEW_CHUNK_PREFIX = 'view/';
/** The names' natural order (lib/view-order.ts); outside the chunks' key range. */
export const VIEW_ORDER_KEY = 'view-order';

/** Every record of the view, as read in one transaction. */
export interface ViewRecords {
  state: unknown;
  chunks: unknown[];
  order: unknown;
}

/** The view's records, read in one read-only transaction. */
export interface ViewRead {
  /** The state record (the first screen): as soon as it is read. */
  state: Promise<unknown>;
  /**
   * Every record, once all are read. Calling it is what turns them into JavaScript values (the browser
   * deserialises a request's result when it is first asked for): the popup calls it after its first paint,
   * so that the whole list crosses over while that frame is drawn but is not unpacked before it.
   */
  rest: Promise<() => ViewRecords>;
}

/** What the popup's first script started: the connection and the read. Failures read as "nothing". */
export interface EarlyView {
  db: Promise<IDBDatabase | undefined>;
  read: Promise<ViewRead | undefined>;
}

/** Opens Signpost's database as it is on disk; never creates or upgrades it (only the worker does). */
export function openView(name: string): Promise<IDBDatabase | undefined> {
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

/** The result of one request, as a promise. */
export const result = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Asks for every view record in one read-only transaction of `db` (see ViewRead). */
export function readView(db: IDBDatabase): ViewRead {
  const meta = db.transaction('meta', 'readonly').objectStore('meta');
  const state = meta.get(VIEW_STATE_KEY);
  const chunks = meta.getAll(IDBKeyRange.bound(VIEW_CHUNK_PREFIX, `${VIEW_CHUNK_PREFIX}\uffff`));
  const order = meta.get(VIEW_ORDER_KEY);
  const done = (request: IDBRequest) =>
    new Promise<void>((resolve, reject) => {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  return {
    state: result(state),
    rest: Promise.all([done(chunks), done(order)]).then(() => () => ({
      state: state.result,
      chunks: chunks.result,
      order: order.result,
    })),
  };
}

/** Opens the database and starts reading the view (see ViewRead); the popup's first script calls it. */
export function startView(name = DB_NAME): EarlyView {
  const db = openView(name).catch(() => undefined);
  const read = db.then((open) => open && readView(open)).catch(() => undefined);
  // Nobody may be listening yet: a failure here is the reader's "nothing", not an unhandled rejection.
  void read.then((r) => r && Promise.all([r.state, r.rest])).catch(() => undefined);
  return { db, read };
}

/** Where the popup's first script leaves what it started, for the popup's reader. */
export const EARLY_GLOBAL = 'signpostView';
