// Short-lived per-tab state that must survive the MV3 service worker being stopped: pending routes, learn
// notices and undo records. Kept in storage.session (memory only, never written to disk, not readable by
// content scripts) and expired by time.
import type { Browser } from 'wxt/browser';
import type { Partition } from '../ids';
import type { TabState } from '../messages';
import type { Revision } from '../revise';
import type { PendingRoute } from '../schema';

export const ROUTE_TTL = 5 * 60_000;
export const NOTICE_TTL = 60_000;
export const UNDO_TTL = 10 * 60_000;

export interface PendingNotice {
  token: string;
  label: string;
  /** The page that learned it; the next page in the tab shows the notice if that page navigated away. */
  fromUrl: string;
  /** The account it is about: a page of another account never gets the notice. */
  partition: Partition;
  accountId?: string;
  alias?: string;
  expiresAt: number;
}

export interface UndoRecord {
  /** What the learn changed; Undo takes back exactly that, onto the records as they are then. */
  revisions: Revision[];
  expiresAt: number;
}

type Area = Browser.storage.StorageArea;

export class Session {
  constructor(
    private readonly area: Area,
    private readonly now: () => number = Date.now,
  ) {}

  private async take<T extends { expiresAt: number }>(key: string, remove: boolean): Promise<T | undefined> {
    const value = (await this.area.get(key))[key] as T | undefined;
    if (!value) return undefined;
    if (value.expiresAt <= this.now() || remove) await this.area.remove(key);
    return value.expiresAt > this.now() ? value : undefined;
  }

  setRoute(route: PendingRoute): Promise<void> {
    return this.area.set({ [`route:${route.tabId}`]: route });
  }

  route(tabId: number): Promise<PendingRoute | undefined> {
    return this.take<PendingRoute>(`route:${tabId}`, false);
  }

  clearRoute(tabId: number): Promise<void> {
    return this.area.remove(`route:${tabId}`);
  }

  setNotice(tabId: number, notice: Omit<PendingNotice, 'expiresAt'>): Promise<void> {
    return this.area.set({ [`notice:${tabId}`]: { ...notice, expiresAt: this.now() + NOTICE_TTL } });
  }

  notice(tabId: number): Promise<PendingNotice | undefined> {
    return this.take<PendingNotice>(`notice:${tabId}`, false);
  }

  clearNotice(tabId: number): Promise<void> {
    return this.area.remove(`notice:${tabId}`);
  }

  setUndo(token: string, undo: Omit<UndoRecord, 'expiresAt'>): Promise<void> {
    return this.area.set({ [`undo:${token}`]: { ...undo, expiresAt: this.now() + UNDO_TTL } });
  }

  takeUndo(token: string): Promise<UndoRecord | undefined> {
    return this.take<UndoRecord>(`undo:${token}`, true);
  }

  /** The content script's last decision in a tab, for the popup; replaced by the next page's. */
  setTabState(tabId: number, state: TabState): Promise<void> {
    return this.area.set({ [`state:${tabId}`]: state });
  }

  async tabState(tabId: number): Promise<TabState | undefined> {
    return (await this.area.get(`state:${tabId}`))[`state:${tabId}`] as TabState | undefined;
  }

  /** Forgets everything about a closed tab. */
  forgetTab(tabId: number): Promise<void> {
    return this.area.remove([`route:${tabId}`, `notice:${tabId}`, `state:${tabId}`]);
  }
}
