// Opening Signpost's database to read the popup's view (lib/view.ts). The popup's script
// (entrypoints/popup-app.tsx) starts these reads before it renders anything, so that IndexedDB and the browser
// work while Preact builds the page. It imports nothing (not the schema, not the polyfill: the browser's own
// API is read from the global), so the reader's tests run it as the popup does.

/** Signpost's one IndexedDB database (lib/db.ts); named here so the popup does not load the schema. */
export const DB_NAME = 'signpost';
export const VIEW_STATE_KEY = 'view';

/** What the popup started first: the connection and the view's state record. */
export interface EarlyView {
  db: Promise<IDBDatabase | undefined>;
  state: Promise<unknown>;
}

/** Opens Signpost's database as it is on disk; never creates or upgrades it (only the worker does). */
function openView(name: string): Promise<IDBDatabase | undefined> {
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

/** Opens the database and reads the view's state; failures read as "nothing" (the popup asks the worker). */
export function startView(name = DB_NAME): EarlyView {
  const db = openView(name).catch(() => undefined);
  const state = db
    .then(
      (open) => open && result(open.transaction('meta', 'readonly').objectStore('meta').get(VIEW_STATE_KEY)),
    )
    .catch(() => undefined);
  return { db, state };
}

/** The part of the browser's own API read here (`browser` in Firefox, promise-based `chrome`). */
interface EarlyApi {
  storage?: { session?: { get(keys: null): Promise<Record<string, unknown>> } };
  tabs?: { getCurrent(): Promise<unknown> };
}

/** Everything the popup's first paint waits for, started before it renders. */
export interface EarlyReads {
  view: EarlyView;
  /** storage.session as a whole (the recorded console sessions mark the first rows as signed in). */
  session?: Promise<Record<string, unknown>>;
  /** The tab the popup runs in, when it is open as a tab (`tabs.getCurrent`). */
  ownTab?: Promise<unknown>;
}

/** Starts every read of the first paint at once: the view, the recorded sessions, the popup's own tab. */
export function startEarly(name = DB_NAME): EarlyReads {
  const g = globalThis as { browser?: EarlyApi; chrome?: EarlyApi };
  const api = g.browser ?? g.chrome;
  const settled = <T>(p: Promise<T> | undefined) => {
    // Nobody may be listening yet: a refusal is the popup's to handle, not an unhandled rejection.
    p?.catch(() => undefined);
    return p;
  };
  return {
    view: startView(name),
    session: settled(api?.storage?.session?.get(null)),
    ownTab: settled(api?.tabs?.getCurrent()),
  };
}
