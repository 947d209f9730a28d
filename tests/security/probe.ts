// Chromium instrumentation for the security e2e tests (the harness in tests/e2e stays the one harness):
//
// - `watchContentScript(page)`: a CDP breakpoint on the first statement of Signpost's content script lets the
//   test install a probe in the content script's own isolated world before any of its code runs. The probe
//   reports, through a CDP binding, every touch of a password or MFA box (value, defaultValue,
//   getAttribute('value'), FormData, which key properties of keystrokes in those boxes are read), every
//   runtime message and its reply, every network call, and every window message it posts. Main-world
//   instrumentation cannot see any of this: the isolated world has its own prototypes.
// - `watchNetwork(browser, origin)`: CDP Network on the service worker (each time it starts), on extension
//   pages and on web pages, with each request's initiator.
// - `dumpStorage(harness)`: every IndexedDB database and store of the extension origin, storage.local,
//   storage.session and storage.sync, Cache Storage and localStorage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page, Target } from 'puppeteer-core';
import { EXTENSION_DIR, type Harness } from '../e2e/harness';

export interface ProbeEvent {
  kind: 'ready' | 'secret' | 'key' | 'sent' | 'reply' | 'network' | 'postMessage' | 'storage';
  detail: unknown;
  url: string;
}

const BINDING = '__signpostProbeReport';

// Runs in the content script's isolated world, before the content script. Plain JS (it is sent as text).
const PROBE = `(() => {
  if (globalThis.__signpostProbed) return 'again';
  globalThis.__signpostProbed = true;
  const binding = globalThis.${BINDING};
  const stringify = JSON.stringify;
  const report = (kind, detail) => binding(stringify({ kind, detail, url: location.href }));
  const SECRET = 'input[type=password], #password, #mfacode, #mfaCode';
  const matches = Element.prototype.matches;
  const isSecret = (el) => el instanceof HTMLInputElement && matches.call(el, SECRET);
  const where = (el) => '#' + (el.id || el.name || el.type);

  for (const name of ['value', 'defaultValue', 'valueAsNumber', 'selectionStart', 'selectionEnd']) {
    const d = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, name);
    Object.defineProperty(HTMLInputElement.prototype, name, {
      ...d,
      get() { if (isSecret(this)) report('secret', 'read ' + name + ' of ' + where(this)); return d.get.call(this); },
      set(v) { if (isSecret(this)) report('secret', 'write ' + name + ' of ' + where(this)); return d.set.call(this, v); },
    });
  }
  const getAttribute = Element.prototype.getAttribute;
  Element.prototype.getAttribute = function (name) {
    if (String(name).toLowerCase() === 'value' && isSecret(this)) report('secret', 'getAttribute(value) of ' + where(this));
    return getAttribute.call(this, name);
  };
  const NativeFormData = FormData;
  globalThis.FormData = function (form, submitter) {
    if (form && form.querySelector && form.querySelector(SECRET)) report('secret', 'FormData of a form with a secret box');
    return submitter === undefined ? new NativeFormData(form) : new NativeFormData(form, submitter);
  };
  // Keystrokes aimed at a secret box: which properties are read (never the value read, only the name).
  for (const [Type, names] of [[KeyboardEvent, ['key', 'code', 'keyCode', 'which', 'charCode']], [InputEvent, ['data']]]) {
    for (const name of names) {
      const d = Object.getOwnPropertyDescriptor(Type.prototype, name) || Object.getOwnPropertyDescriptor(UIEvent.prototype, name);
      if (!d || !d.get) continue;
      Object.defineProperty(Type.prototype, name, {
        ...d,
        get() { if (isSecret(this.target)) report('key', name); return d.get.call(this); },
      });
    }
  }

  // The network, from the content script's world.
  const nativeFetch = globalThis.fetch;
  globalThis.fetch = function (input, init) { report('network', 'fetch ' + String(input && input.url || input)); return nativeFetch.call(this, input, init); };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) { report('network', 'xhr ' + url); return open.apply(this, arguments); };
  const beacon = Navigator.prototype.sendBeacon;
  Navigator.prototype.sendBeacon = function (url) { report('network', 'beacon ' + url); return beacon.apply(this, arguments); };
  for (const name of ['WebSocket', 'EventSource']) {
    const Native = globalThis[name];
    globalThis[name] = function (url, options) { report('network', name + ' ' + url); return new Native(url, options); };
  }
  const postMessage = window.postMessage;
  window.postMessage = function (message) { report('postMessage', message); return postMessage.apply(this, arguments); };

  // Runtime messages and replies, and any storage access, whichever way the bundle calls them.
  const runtime = chrome.runtime;
  const send = runtime.sendMessage;
  runtime.sendMessage = function (...args) {
    const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    report('sent', args[args.length - 1]);
    if (callback) return send.call(runtime, ...args, (reply) => { report('reply', reply === undefined ? null : reply); callback(reply); });
    return send.call(runtime, ...args).then((reply) => { report('reply', reply === undefined ? null : reply); return reply; });
  };
  const connect = runtime.connect;
  runtime.connect = function (...args) { report('sent', { connect: args }); return connect.apply(runtime, args); };
  if (chrome.storage) for (const area of ['local', 'sync', 'session']) {
    const a = chrome.storage[area];
    if (a) for (const m of ['get', 'set', 'remove', 'clear']) {
      const f = a[m];
      if (f) a[m] = function (...args) { report('storage', area + '.' + m); return f.apply(a, args); };
    }
  }
  report('ready', { sendMessageWrapped: runtime.sendMessage !== send, host: location.hostname });
  return 'ok';
})()`;

/** The extension's name as Chrome names its isolated world (the localised manifest name). */
function extensionName(): string {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { name: string };
  const key = /^__MSG_(\w+)__$/.exec(manifest.name)?.[1];
  if (!key) return manifest.name;
  const messages = JSON.parse(
    readFileSync(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  return messages[key]!.message;
}

export interface ContentScriptWatch {
  events: ProbeEvent[];
  of(kind: ProbeEvent['kind']): unknown[];
  /** Isolated worlds Signpost's content script got in this tab (one per document it was injected into). */
  injections: string[];
  cdp: CDPSession;
  stop(): Promise<void>;
}

/** Starts watching Signpost's content script in `page` (call before navigating). */
export async function watchContentScript(
  page: Page,
  extensionId: string,
  /** Off: only count injections (no breakpoint), for pages whose frames must not be paused by a debugger. */
  { probe = true }: { probe?: boolean } = {},
): Promise<ContentScriptWatch> {
  const cdp = await page.createCDPSession();
  const events: ProbeEvent[] = [];
  const injections: string[] = [];
  const origin = `chrome-extension://${extensionId}`;
  cdp.on('Runtime.bindingCalled', (e) => {
    if (e.name === BINDING) events.push(JSON.parse(e.payload) as ProbeEvent);
  });
  const name = extensionName();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    // Puppeteer's own utility world on an extension page has our origin too; the content script's has our name.
    if (context.origin === origin && context.name === name) injections.push(context.origin);
  });
  cdp.on('Debugger.paused', async (e) => {
    try {
      if (e.hitBreakpoints?.length) {
        await cdp.send('Debugger.evaluateOnCallFrame', {
          callFrameId: e.callFrames[0]!.callFrameId,
          expression: PROBE,
        });
      }
    } finally {
      await cdp.send('Debugger.resume').catch(() => undefined);
    }
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: BINDING, executionContextName: name });
  if (probe) {
    await cdp.send('Debugger.enable');
    await cdp.send('Debugger.setBreakpointByUrl', {
      url: `${origin}/inpage.js`,
      lineNumber: 0,
      columnNumber: 0,
    });
  }
  return {
    events,
    injections,
    cdp,
    of: (kind) => events.filter((e) => e.kind === kind).map((e) => e.detail),
    async stop() {
      await cdp.detach().catch(() => undefined);
    },
  };
}

export interface SeenRequest {
  /** Where it came from: `worker`, an extension page's URL, or a web page's URL. */
  from: string;
  url: string;
  /** Script URLs on the initiator's stack (and the initiator URL). */
  initiators: string[];
  blockedReason?: string;
}

interface NetworkEvent {
  requestId: string;
  /** The document the request is for (for a navigation, the page being loaded). */
  documentURL?: string;
  request: { url: string };
  initiator: { url?: string; stack?: Stack };
}
interface Stack {
  callFrames: { url: string }[];
  parent?: Stack;
}

function stackUrls(stack: Stack | undefined): string[] {
  const urls: string[] = [];
  for (let s = stack; s; s = s.parent) for (const f of s.callFrames) if (f.url) urls.push(f.url);
  return urls;
}

/** Records every request of the service worker (across restarts), extension pages and web pages. */
export function watchNetwork(browser: Browser, extensionId: string) {
  const origin = `chrome-extension://${extensionId}`;
  const seen: SeenRequest[] = [];
  const sessions: CDPSession[] = [];
  const watching = new WeakSet<Target>();

  const listen = (cdp: CDPSession, from: (e: NetworkEvent) => string) => {
    const byId = new Map<string, SeenRequest>();
    cdp.on('Network.requestWillBeSent', (e: NetworkEvent) => {
      const request = {
        from: from(e),
        url: e.request.url,
        initiators: [...(e.initiator.url ? [e.initiator.url] : []), ...stackUrls(e.initiator.stack)],
      };
      byId.set(e.requestId, request);
      seen.push(request);
    });
    cdp.on('Network.loadingFailed', (e: { requestId: string; blockedReason?: string }) => {
      const request = byId.get(e.requestId);
      if (request && e.blockedReason) request.blockedReason = e.blockedReason;
    });
  };

  const attach = async (target: Target) => {
    if (watching.has(target)) return;
    watching.add(target);
    const type = target.type();
    if (type === 'service_worker' && target.url().startsWith(origin)) {
      const cdp = await target.createCDPSession();
      sessions.push(cdp);
      listen(cdp, () => 'worker');
      await cdp.send('Network.enable').catch(() => undefined);
    } else if (type === 'page') {
      const page = await target.page();
      if (!page) return;
      const cdp = await page.createCDPSession();
      sessions.push(cdp);
      listen(cdp, (e) => e.documentURL ?? page.url());
      await cdp.send('Network.enable').catch(() => undefined);
    }
  };
  const attached = new WeakMap<Target, Promise<void>>();
  const onTarget = (target: Target) => {
    attached.set(
      target,
      attach(target).catch(() => undefined),
    );
  };
  browser.on('targetcreated', onTarget);
  const ready = Promise.all(browser.targets().map((t) => attach(t).catch(() => undefined)));

  return {
    seen,
    ready,
    /** A new blank tab with its network already watched (so even its first requests are seen). */
    async newPage(): Promise<Page> {
      const page = await browser.newPage();
      const target = page.target();
      await (attached.get(target) ?? attach(target));
      return page;
    },
    /**
     * Requests Signpost made beyond its own files: from its worker or pages, started by any extension script,
     * or a web page reaching into an extension. (data: and blob: URLs are not network.)
     */
    ofExtension(): SeenRequest[] {
      const own = (url: string) => url.startsWith(`${origin}/`) || /^(data|blob):/.test(url);
      return seen.filter(
        (r) =>
          !own(r.url) &&
          (r.from === 'worker' ||
            r.from.startsWith(origin) ||
            r.url.startsWith('chrome-extension:') ||
            r.initiators.some((u) => u.startsWith('chrome-extension:'))),
      );
    },
    async stop() {
      browser.off('targetcreated', onTarget);
      await Promise.all(sessions.map((s) => s.detach().catch(() => undefined)));
    },
  };
}

/** Everything the extension has stored, read from one of its pages. */
export async function dumpStorage(h: Harness): Promise<Record<string, unknown>> {
  const page = await h.browser.newPage();
  try {
    await page.goto(`${h.origin}/popup.html`);
    return await page.evaluate(async () => {
      const chromeApi = (
        globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<unknown> }> } }
      ).chrome;
      const out: Record<string, unknown> = {};
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      for (const info of await indexedDB.databases()) {
        const db = await request(indexedDB.open(info.name!));
        for (const name of db.objectStoreNames) {
          const store = db.transaction(name).objectStore(name);
          out[`indexedDB:${info.name}/${name}`] = {
            keys: await request(store.getAllKeys()),
            values: await request(store.getAll()),
          };
        }
        db.close();
      }
      for (const area of ['local', 'session', 'sync'])
        out[`storage.${area}`] = await chromeApi.storage[area]!.get(null);
      out.caches = await caches.keys();
      out.localStorage = { ...localStorage };
      out.sessionStorage = { ...sessionStorage };
      return out;
    });
  } finally {
    await page.close();
  }
}

/** Every text in a page's DOM, open and closed shadow roots included (CDP pierces them), and attributes. */
export async function domText(page: Page): Promise<string> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const parts: string[] = [];
    const walk = (node: DomNode) => {
      if (node.nodeValue) parts.push(node.nodeValue);
      if (node.attributes) parts.push(node.attributes.join(' '));
      for (const child of [
        ...(node.children ?? []),
        ...(node.shadowRoots ?? []),
        ...(node.contentDocument ? [node.contentDocument] : []),
      ])
        walk(child);
    };
    walk(root);
    return parts.join('\n');
  } finally {
    await cdp.detach();
  }
}

interface DomNode {
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}
