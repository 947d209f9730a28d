// The popup's state as signals and its actions; everything that touches the browser comes in as a
// dependency, so tests drive the whole popup with fakes. Search, keys and routing are here; quick add is
// its own model (add-model.ts), where a route goes is routing.ts.
import { batch, computed, signal } from '@preact/signals';
import type { MessageKey } from '../i18n';
import type { ExtensionRequest, Send } from '../messages';
import type { Account } from '../schema';
import { buildIndex, rank, type SearchEntry } from '../search';
import { FIRST_SCREEN } from '../view';
import { createAddModel } from './add-model';
import { isAddable } from './quick-add';
import { canRoute, linkOf, roleOf, routeTabId, type TabInfo, targetOf } from './routing';
import { type ConsoleRef, signedInFirst, signedInKeys } from './signed-in';
import type { ViewList, ViewReader } from './view-reader';

export type { View } from './add-model';
export {
  canRoute,
  isAwsPage,
  isBlankTab,
  linkOf,
  roleOf,
  routeTabId,
  type TabInfo,
  targetOf,
} from './routing';

export interface PopupDeps {
  send: Send<ExtensionRequest>;
  /** The tab the user was looking at (`tabs.query({active, currentWindow})`). */
  activeTab: () => Promise<TabInfo | undefined>;
  /** The tab this page runs in when it is open as a tab rather than as the toolbar popup. */
  ownTab: () => Promise<TabInfo | undefined>;
  close: () => void;
  copy: (text: string) => Promise<void>;
  /** Opens the options page at `#hash` (`account=<key>`, `import`). */
  openOptions: (hash: string) => Promise<unknown> | undefined;
  now?: () => number;
  /** Resolves once the browser has painted (the first screen goes up before the whole list is asked for). */
  afterPaint?: () => Promise<void>;
  /**
   * The store's view, read from IndexedDB without the service worker (view-reader.ts); without it, or when
   * it has nothing valid, the lists come from the worker.
   */
  view?: ViewReader;
  /** The console sessions as last recorded (storage.session), for the signed-in marks of the first paint. */
  sessions?: () => Promise<readonly ConsoleRef[]>;
}

export { FIRST_SCREEN };

function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

export type Notice = { kind: 'info' | 'error'; text: string } | { kind: 'info' | 'error'; key: MessageKey };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createPopupModel(deps: PopupDeps) {
  const now = deps.now ?? Date.now;
  const query = signal('');
  const accounts = signal<Account[]>([]);
  /** The names' order the worker kept with the view (lib/view-order.ts): the index need not sort them. */
  const ranks = signal<ReadonlyMap<string, number> | undefined>(undefined);
  const problems = signal<string[]>([]);
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const loadError = signal('');
  /** False while only the first screen's accounts are in; the whole list follows right after the first paint. */
  const complete = signal(false);
  const notice = signal<Notice | undefined>(undefined);
  const inTab = signal(false);
  /** Rows that fit in the list; the list reports it once it knows its height. */
  const pageSize = signal(8);
  const clock = signal(now());
  const selected = signal(0);
  /** Keys of the accounts with a live console tab (the "signed in" marks). */
  const signedIn = signal<ReadonlySet<string>>(new Set());

  const index = computed(() => buildIndex(accounts.value, ranks.value));
  const results = computed(() =>
    signedInFirst(rank(index.value, query.value, clock.value), signedIn.value, query.value),
  );
  const active = computed(() => {
    const n = results.value.length;
    return n === 0 ? -1 : Math.min(Math.max(selected.value, 0), n - 1);
  });
  const activeResult = computed(() => results.value[active.value]);

  function setQuery(text: string) {
    batch(() => {
      query.value = text;
      selected.value = 0;
      notice.value = undefined;
    });
  }

  const add = createAddModel({ send: deps.send, query, accounts, notice, setQuery, message });
  const { view, openAdd, closeAdd } = add;

  function setActive(i: number) {
    selected.value = i;
  }

  async function load() {
    status.value = 'loading';
    // The signed-in marks: what storage.session last recorded marks the first paint; the worker's answer
    // (each tab asked whether it still shows that console) replaces it when it comes, never waited for.
    let live: ReadonlySet<string> | undefined;
    let recorded: readonly ConsoleRef[] = [];
    let asked = false;
    const mark = () => {
      signedIn.value = live ?? new Set(signedInKeys(recorded, accounts.value));
    };
    const askLive = () => {
      if (asked) return;
      asked = true;
      void deps.send({ type: 'consoles.list' }).then(
        ({ keys }) => {
          live = new Set(keys);
          mark();
        },
        () => undefined,
      );
    };
    const show = (list: ViewList, isComplete: boolean) => {
      batch(() => {
        clock.value = now();
        accounts.value = list.accounts;
        ranks.value = list.ranks;
        problems.value = list.problems;
        complete.value = isComplete;
        status.value = 'ready';
        mark();
      });
      // Asked once every sign-in is in: a stopped worker starting in the popup's process would otherwise
      // compete with building the search index (two cores).
      if (isComplete) askLive();
    };
    try {
      // The first screen first, from the store's view in IndexedDB (no worker: it may be stopped, and
      // starting it costs ~150 ms), else from the worker: a few dozen accounts, where 10,000 take tens of ms
      // to copy across and index. The same ranking puts the same sign-ins at the top of both lists.
      const [first, own, sessions] = await Promise.all([
        deps.view?.first(),
        deps.ownTab().catch(() => undefined),
        deps.sessions?.().catch(() => undefined),
      ]);
      recorded = sessions ?? [];
      inTab.value = own?.id !== undefined;
      if (first) {
        show(first, false);
        const all = await deps.view?.all((deps.afterPaint ?? nextPaint)());
        if (all) {
          show(all, true);
          return;
        }
      }
      const some = first ? undefined : await deps.send({ type: 'accounts.list', limit: FIRST_SCREEN });
      if (some) {
        show(some, some.complete);
        if (some.complete) return;
        await (deps.afterPaint ?? nextPaint)();
      }
      show(await deps.send({ type: 'accounts.list' }), true);
    } catch (error) {
      batch(() => {
        loadError.value = message(error);
        status.value = 'error';
      });
    }
  }

  function closeUnlessTab() {
    if (!inTab.value) deps.close();
  }

  /** Brings a signed-in account's console tab forward; false (and the mark goes) when it has none now. */
  async function focusConsole(key: string): Promise<boolean> {
    const { focused } = await deps.send({ type: 'consoles.focus', key }).catch(() => ({ focused: false }));
    if (!focused) signedIn.value = new Set([...signedIn.value].filter((k) => k !== key));
    return focused;
  }

  /**
   * Enter: a signed-in account's console tab comes to the front (signing in again would end that session in
   * its other tabs); `anyway` (Shift+Enter) signs in all the same.
   */
  async function route(
    entry: SearchEntry | undefined = activeResult.value?.entry,
    newTab = false,
    anyway = false,
  ) {
    if (!entry) return;
    if (!anyway && signedIn.value.has(entry.account.key) && (await focusConsole(entry.account.key))) {
      closeUnlessTab();
      return;
    }
    if (!canRoute(entry)) {
      const key = entry.kind === 'root' ? 'popupRootUnavailable' : 'refusedNoSignInPage';
      notice.value = { kind: 'error', key };
      return;
    }
    try {
      const [activeTab, own] = await Promise.all([
        deps.activeTab().catch(() => undefined),
        deps.ownTab().catch(() => undefined),
      ]);
      const tabId = routeTabId(activeTab, own, newTab);
      await deps.send({
        type: 'route.open',
        key: entry.account.key,
        target: targetOf(entry),
        ...(tabId === undefined ? {} : { tabId }),
        active: true,
      });
      closeUnlessTab();
    } catch (error) {
      notice.value = { kind: 'error', text: message(error) };
    }
  }

  async function copyUrl(entry: SearchEntry | undefined = activeResult.value?.entry) {
    const url = entry && linkOf(entry);
    if (!url) return;
    try {
      await deps.copy(url);
      notice.value = { kind: 'info', key: roleOf(entry) ? 'popupRoleLinkCopied' : 'popupCopied' };
    } catch (error) {
      notice.value = { kind: 'error', text: message(error) };
    }
  }

  async function openInOptions(entry: SearchEntry | undefined = activeResult.value?.entry) {
    if (!entry) return;
    await deps.openOptions(`account=${encodeURIComponent(entry.account.key)}`);
    closeUnlessTab();
  }

  async function openImport() {
    await deps.openOptions('import');
    closeUnlessTab();
  }

  function move(to: number) {
    const n = results.value.length;
    if (n > 0) selected.value = Math.min(Math.max(to, 0), n - 1);
  }

  /** Escape: first clears the search, then leaves quick add, then closes the popup. */
  function onEscape() {
    if (view.value === 'add') closeAdd();
    else if (query.value) setQuery('');
    else deps.close();
  }

  /** The search box's keys. Returns true when the key was used (the caller then prevents its default). */
  function key(event: KeyInput): boolean {
    const at = active.value;
    const page = Math.max(1, pageSize.value - 1);
    switch (event.key) {
      case 'ArrowDown':
        move(at + 1);
        return true;
      case 'ArrowUp':
        move(at - 1);
        return true;
      case 'PageDown':
        move(at + page);
        return true;
      case 'PageUp':
        move(at - page);
        return true;
      // Shift+Home/End still select text in the search box.
      case 'Home':
        if (event.shiftKey) return false;
        move(0);
        return true;
      case 'End':
        if (event.shiftKey) return false;
        move(results.value.length - 1);
        return true;
      case 'Enter':
        if (at < 0) {
          if (isAddable(query.value)) openAdd();
          return true;
        }
        void route(undefined, Boolean(event.ctrlKey || event.metaKey), Boolean(event.shiftKey));
        return true;
      case 'Escape':
        onEscape();
        return true;
      default:
        return false;
    }
  }

  return {
    query,
    accounts,
    problems,
    status,
    loadError,
    complete,
    notice,
    ...add,
    inTab,
    pageSize,
    results,
    active,
    activeResult,
    signedIn,
    setQuery,
    setActive,
    load,
    route,
    copyUrl,
    openInOptions,
    openImport,
    onEscape,
    key,
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
