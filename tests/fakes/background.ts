// The real background (handlers, store, session) over fake IndexedDB and the fake browser's storage.session,
// for unit and security tests: messages go through handleMessage exactly as the service worker's listener
// passes them, and `dump()` reads back everything the extension has stored.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Deps, handleMessage, type Sender } from '../../lib/background/handlers';
import { Session } from '../../lib/background/session';
import { openSignpostDb } from '../../lib/db';
import type { Reply, Send, SignInRequest } from '../../lib/messages';
import { Store } from '../../lib/store';
import { contentScript, EXT, ORIGIN, POPUP } from './senders';

export interface FakeBackgroundOptions {
  /** The clock's start (epoch ms); `advance` moves it. */
  now?: number;
}

export function background(options: FakeBackgroundOptions = {}) {
  let t = options.now ?? 1_700_000_000_000;
  let n = 0;
  const opened: { tabId: number; url: string }[] = [];
  const tabs: Deps['tabs'] = {
    create: async () => ({ id: 100 + opened.length }),
    update: async (tabId, props) => {
      opened.push({ tabId, url: props.url });
      return {};
    },
  };
  const make = (): Deps => ({
    store: new Store(openSignpostDb(), { now: () => t, newKey: () => `key-${++n}`, report: () => undefined }),
    session: new Session(fakeBrowser.storage.session, () => t),
    tabs,
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    now: () => t,
    newToken: () => `token-${++n}`,
  });
  const fake = {
    deps: make(),
    /** Every request and reply, in order, as the background saw them. */
    log: [] as { sender: Sender; message: unknown; reply: Reply }[],
    /** Every request as it arrives, before its reply: what a test checks when it says nothing was sent. */
    asked: [] as unknown[],
    opened,
    advance: (ms: number) => (t += ms),
    /** A new service worker: fresh in-memory objects over the same IndexedDB and storage.session. */
    restart() {
      fake.deps = make();
    },
    async ask(message: unknown, sender: Sender = POPUP): Promise<Reply> {
      fake.asked.push(message);
      const reply = await handleMessage(message, sender, fake.deps);
      fake.log.push({ sender, message, reply });
      return reply;
    },
    async value<T = never>(message: unknown, sender: Sender = POPUP): Promise<T> {
      const reply = await fake.ask(message, sender);
      if (!reply.ok) throw new Error(reply.error);
      return reply.value as T;
    },
    /** `send` for the content script on `url`: the same round trip runtime.sendMessage makes. */
    sendFrom: (url: () => string, tabId = 7): Send<SignInRequest> =>
      (async (request: unknown) => fake.value(request, contentScript(url(), tabId))) as Send<SignInRequest>,
  };
  return fake;
}

export type FakeBackground = ReturnType<typeof background>;

/** Everything the extension has stored: every IndexedDB database and store, and storage.session/local. */
export async function dump(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const info of await indexedDB.databases()) {
    const name = info.name!;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const store of db.objectStoreNames) {
      const tx = db.transaction(store, 'readonly');
      const [keys, values] = await Promise.all(
        [tx.objectStore(store).getAllKeys(), tx.objectStore(store).getAll()].map(
          (req) =>
            new Promise<unknown[]>((resolve, reject) => {
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => reject(req.error);
            }),
        ),
      );
      out[`indexedDB:${name}/${store}`] = { keys, values };
    }
    db.close();
  }
  out['storage.session'] = await fakeBrowser.storage.session.get(null);
  out['storage.local'] = await fakeBrowser.storage.local.get(null);
  out['storage.sync'] = await fakeBrowser.storage.sync.get(null);
  return out;
}

/** The stored state as one string, for "is this secret anywhere?" and "did anything change?". */
export async function snapshot(): Promise<string> {
  return JSON.stringify(await dump());
}
