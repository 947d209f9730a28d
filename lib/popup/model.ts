// The popup's state as signals and its actions; everything that touches the browser comes in as a
// dependency, so tests drive the whole popup with fakes.
import { batch, computed, signal } from '@preact/signals';
import { signInUrlOf } from '../account';
import { isUnderConsoleHost, parseSignInUrl, supportsRoot } from '../hosts';
import type { MessageKey } from '../i18n';
import { formatAccountId } from '../ids';
import type { ExtensionRequest, Responses, Send, SignInTarget } from '../messages';
import type { Account } from '../schema';
import { buildIndex, rank, type SearchEntry } from '../search';
import { isAddable, knownAccount, parseQuickAdd, type QuickAddErrors, savedText } from './quick-add';
import { signedInFirst } from './signed-in';

export interface TabInfo {
  id?: number;
  url?: string;
}

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
}

/** Sign-ins asked for first: more than a screenful at 200% zoom or on a tall popup. */
export const FIRST_SCREEN = 40;

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

const NEW_TAB_PAGES =
  /^(?:(?:chrome|edge|brave|vivaldi|opera):\/\/(?:newtab|new-tab-page|startpage)\/?|chrome-search:\/\/local-ntp\/.*|about:(?:blank|newtab|home|privatebrowsing))$/;

/** A console or sign-in page of one of the partitions: routing there replaces nothing worth keeping. */
export function isAwsPage(url: string | undefined): boolean {
  return url !== undefined && (parseSignInUrl(url) !== undefined || isUnderConsoleHost(url));
}

export function isBlankTab(url: string | undefined): boolean {
  return url !== undefined && NEW_TAB_PAGES.test(url);
}

/**
 * Which tab a route should use: the current one when it shows an AWS page or a blank new tab, otherwise a
 * new tab (undefined) so the page the user was reading stays. Ctrl/Cmd+Enter and a popup that is itself a
 * tab always get a new tab.
 */
export function routeTabId(active: TabInfo | undefined, own: TabInfo | undefined, newTab: boolean) {
  if (newTab || active?.id === undefined || own?.id === active.id) return undefined;
  return isAwsPage(active.url) || isBlankTab(active.url) ? active.id : undefined;
}

export function targetOf(entry: SearchEntry): SignInTarget {
  if (entry.kind === 'iam') return { type: 'iam', userName: entry.userName! };
  return { type: entry.kind };
}

/** Root sign-in exists only in the standard partition; IAM sign-in needs an account ID or alias. */
export function canRoute(entry: SearchEntry): boolean {
  if (entry.kind === 'root') return supportsRoot(entry.account.partition);
  return Boolean(entry.account.accountId || entry.account.alias);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type View = 'list' | 'add';

export function createPopupModel(deps: PopupDeps) {
  const now = deps.now ?? Date.now;
  const query = signal('');
  const accounts = signal<Account[]>([]);
  const problems = signal<string[]>([]);
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const loadError = signal('');
  /** False while only the first screen's accounts are in; the whole list follows right after the first paint. */
  const complete = signal(false);
  const notice = signal<Notice | undefined>(undefined);
  const view = signal<View>('list');
  /** What the quick add form starts with (from the search box or a "no match" offer). */
  const addPrefill = signal('');
  const addErrors = signal<QuickAddErrors & { save?: string }>({});
  const saving = signal(false);
  /** Bumped after a save: the search box selects its text, so typing starts a new search. */
  const searchSelect = signal(0);
  /** A user name that looked like an account ID and was warned about; saving it again confirms it. */
  let warnedUserName = '';
  const inTab = signal(false);
  /** Rows that fit in the list; the list reports it once it knows its height. */
  const pageSize = signal(8);
  const clock = signal(now());
  const selected = signal(0);
  /** Keys of the accounts with a live console tab (the "signed in" marks). */
  const signedIn = signal<ReadonlySet<string>>(new Set());

  const index = computed(() => buildIndex(accounts.value));
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

  function setActive(i: number) {
    selected.value = i;
  }

  async function load() {
    status.value = 'loading';
    try {
      // The first screen first: a few dozen accounts come back in a few ms, where 10,000 take tens of ms to
      // copy across and index. The same ranking puts the same sign-ins at the top of both lists.
      // Which accounts are signed in comes with the first screen, so no row moves under the cursor later.
      const [first, own, sessions] = await Promise.all([
        deps.send({ type: 'accounts.list', limit: FIRST_SCREEN }),
        deps.ownTab().catch(() => undefined),
        deps.send({ type: 'consoles.list' }).catch(() => ({ keys: [] })),
      ]);
      signedIn.value = new Set(sessions.keys);
      const show = (list: Responses['accounts.list']) =>
        batch(() => {
          clock.value = now();
          accounts.value = list.accounts;
          problems.value = list.problems;
          complete.value = list.complete;
          status.value = 'ready';
        });
      inTab.value = own?.id !== undefined;
      show(first);
      if (!first.complete) {
        await (deps.afterPaint ?? nextPaint)();
        show(await deps.send({ type: 'accounts.list' }));
      }
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
      notice.value = { kind: 'error', key: 'popupRootUnavailable' };
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
    const url = entry && signInUrlOf(entry.account);
    if (!url) return;
    try {
      await deps.copy(url);
      notice.value = { kind: 'info', key: 'popupCopied' };
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

  /** Opens quick add, pre-filled from the search only when the search names an account. */
  function openAdd(prefill = isAddable(query.value) ? query.value.trim() : '') {
    warnedUserName = '';
    batch(() => {
      addPrefill.value = prefill;
      addErrors.value = {};
      view.value = 'add';
    });
  }

  function closeAdd() {
    batch(() => {
      view.value = 'list';
      addErrors.value = {};
    });
  }

  /** Validates and saves; on success shows the saved account in the list. */
  async function quickAdd(accountText: string, userNameText: string): Promise<boolean> {
    const userName = userNameText.trim();
    const parsed = parseQuickAdd(accountText, userNameText, userName !== '' && userName === warnedUserName);
    if (!parsed.ok) {
      warnedUserName = parsed.errors.userName === 'popupAddErrorUserIsId' ? userName : '';
      addErrors.value = parsed.errors;
      return false;
    }
    const before = knownAccount(accounts.value, accountText);
    saving.value = true;
    try {
      const { account } = await deps.send({ type: 'accounts.save', account: parsed.draft });
      const others = accounts.value.filter((a) => a.key !== account.key);
      batch(() => {
        accounts.value = [...others, account];
        view.value = 'list';
        addErrors.value = {};
        setQuery(account.accountId ? formatAccountId(account.accountId) : (account.alias ?? ''));
        notice.value = { kind: 'info', text: savedText(before, account, userName) };
        searchSelect.value++;
      });
      return true;
    } catch (error) {
      addErrors.value = { save: message(error) };
      return false;
    } finally {
      saving.value = false;
    }
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
    view,
    addPrefill,
    addErrors,
    saving,
    searchSelect,
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
    openAdd,
    closeAdd,
    quickAdd,
    onEscape,
    key,
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
