// The popup's line about the sign-in tab it opened on: what Signpost decided there and, when it filled
// nothing, the page report to copy. A small model of its own beside model.ts, in signals like it.
import { signal } from '@preact/signals';
import { parseSignInUrl } from '../hosts';
import type { MessageKey } from '../i18n';
import type { ExtensionRequest, PageStatus, Send } from '../messages';
import type { TabInfo } from './model';

export interface PageStateDeps {
  send: Send<ExtensionRequest>;
  activeTab: () => Promise<TabInfo | undefined>;
  /** Asks the content script of tab `tabId` for its page report. */
  askReport: (tabId: number) => Promise<unknown>;
  copy: (text: string) => Promise<void>;
}

export const STATE_TEXT: Record<PageStatus, MessageKey> = {
  filled: 'popupPageFilled',
  'no-match': 'popupPageNoMatch',
  'unsupported-page': 'popupPageUnsupported',
  learned: 'popupPageLearned',
};

/** Whether a decision leaves the person with a page Signpost could not fill (and a report worth sending). */
export const wantsReport = (state: PageStatus | undefined) =>
  state === 'no-match' || state === 'unsupported-page';

export function createPageStateModel(deps: PageStateDeps) {
  const state = signal<PageStatus | undefined>(undefined);
  const report = signal('');
  const note = signal<MessageKey | undefined>(undefined);

  async function load(): Promise<void> {
    const tab = await deps.activeTab().catch(() => undefined);
    if (tab?.id === undefined || !tab.url || !parseSignInUrl(tab.url)) return;
    const known = (await deps.send({ type: 'tab.state', tabId: tab.id }).catch(() => undefined))?.tab;
    const here = new URL(tab.url);
    // A decision about another page of this tab (it has navigated since) says nothing about this one.
    if (!known || known.url !== here.origin + here.pathname) return;
    state.value = known.state;
    if (!wantsReport(known.state)) return;
    const text = await deps.askReport(tab.id).catch(() => undefined);
    if (typeof text === 'string' && text) report.value = text;
    else note.value = 'popupPageReportMissing';
  }

  async function copy(): Promise<void> {
    try {
      await deps.copy(report.value);
      note.value = 'popupPageReportCopied';
    } catch {
      note.value = 'popupPageReportCopyFailed';
    }
  }

  return { state, report, note, load, copy };
}

export type PageStateModel = ReturnType<typeof createPageStateModel>;
