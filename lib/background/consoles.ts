// The live map of console tabs: which tab shows a console session of which account, kept in storage.session
// (memory only, not readable by content scripts) so a stopped service worker loses nothing.
//
// How a tab leaves the map: closing it drops it at once (tabs.onRemoved); navigating it off the console is
// found when the map is read (the popup or the omnibox asks) by asking the tab's top frame which console
// host its Signpost script runs on. Reading the tab's URL would need the `tabs` permission: Chromium 156
// does not count content-script matches as host access for `tab.url` (tests/e2e/consoles.e2e.test.ts saw
// it undefined on a console tab). A page that navigated away has no console script to answer (nor has one
// in the back/forward cache), so a tab that is gone, does not answer, or answers another host than the one
// its session came from is dropped. No tabs.onUpdated listener either: it would wake the worker on every
// page load in every tab. A console page that loads again reports its session again.
import { CONSOLE_PING } from '../console/run';
import { CONSOLE_KEY_PREFIX as PREFIX } from '../console-sessions';
import type { Partition } from '../ids';

export { sessionOf } from '../console-sessions';

export interface ConsoleTab {
  tabId: number;
  partition: Partition;
  /** The console host the session was reported from; with multi-session on, one host per session. */
  host: string;
  accountId: string;
  alias?: string;
  /**
   * Who is signed in: an IAM user, root, an assumed role or a federated user. Identity Center and
   * switch-role targets will tell their sessions apart by it.
   */
  principalArn?: string;
  signInEndpoint?: string;
  sessionDifferentiator?: string;
  /** When the page reported it. */
  seenAt: number;
}

/** What Signpost may learn about a tab without the `tabs` permission. */
export interface TabFacts {
  id?: number;
  url?: string;
  windowId?: number;
  /** When the tab was last active (Chrome 121+, Firefox); undefined elsewhere. */
  lastAccessed?: number;
}

export interface ConsoleTabsApi {
  get(tabId: number): Promise<TabFacts>;
  /** tabs.sendMessage: needs no permission, reaches only Signpost's own content scripts. */
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

export interface LiveConsoleTab extends ConsoleTab {
  windowId: number | undefined;
  /** The later of the tab's last activation and its last report: "most recent" ranks by this. */
  recent: number;
}

type Area = {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
};

/** A page too busy to answer this soon is kept as it is (not dropped), so the popup never waits longer. */
const PING_TIMEOUT_MS = 500;
const BUSY = Symbol('busy');

function ping(tabs: ConsoleTabsApi, tabId: number): Promise<unknown> {
  return Promise.race([
    tabs.sendMessage(tabId, { type: CONSOLE_PING }, { frameId: 0 }).catch(() => undefined),
    new Promise((resolve) => setTimeout(() => resolve(BUSY), PING_TIMEOUT_MS)),
  ]);
}

export class Consoles {
  constructor(private readonly area: Area) {}

  /** Records (or replaces) what a console tab's page reported. One key per tab, so reports never race. */
  record(entry: ConsoleTab): Promise<void> {
    return this.area.set({ [`${PREFIX}${entry.tabId}`]: entry });
  }

  drop(tabId: number): Promise<void> {
    return this.area.remove(`${PREFIX}${tabId}`);
  }

  /** Every entry as stored, unchecked. */
  async entries(): Promise<ConsoleTab[]> {
    const all = await this.area.get(null);
    return Object.entries(all).flatMap(([key, value]) =>
      key.startsWith(PREFIX) ? [value as ConsoleTab] : [],
    );
  }

  /** The entries whose tab still shows the console host it reported from, most recent first. */
  async live(tabs: ConsoleTabsApi): Promise<LiveConsoleTab[]> {
    const checked = await Promise.all(
      (await this.entries()).map(async (entry): Promise<LiveConsoleTab | undefined> => {
        const [tab, host] = await Promise.all([
          tabs.get(entry.tabId).catch(() => undefined),
          ping(tabs, entry.tabId),
        ]);
        if (!tab || (host !== entry.host && host !== BUSY)) {
          await this.drop(entry.tabId);
          return undefined;
        }
        const recent = Math.max(tab.lastAccessed ?? 0, entry.seenAt);
        return { ...entry, windowId: tab.windowId, recent };
      }),
    );
    return checked.filter((e): e is LiveConsoleTab => e !== undefined).sort((a, b) => b.recent - a.recent);
  }
}
