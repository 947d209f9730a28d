// @vitest-environment happy-dom
// The popup's first screen does not wait for the service worker: it paints from the store's view (read from
// IndexedDB by the popup itself) while every message to the worker is still unanswered. This is `npm test`'s
// guard against bringing the wait back; the bench measures the time (bench/signpost.bench.test.ts).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/Popup';
import type { Request } from '../../../lib/messages';
import { createPopupModel } from '../../../lib/popup/model';
import type { ViewList, ViewReader } from '../../../lib/popup/view-reader';
import { firstAccounts } from '../../../lib/search';
import { FIRST_SCREEN } from '../../../lib/view';
import { listReply, manyAccounts, NOW, QUIET_BROWSER } from './fixtures';

/** A popup whose worker never answers (stopped, or slow to start) unless `answer` says so. */
async function open(view: ViewReader | undefined, options: { sessions?: () => Promise<never[]> } = {}) {
  const accounts = manyAccounts(300);
  const requests: Request[] = [];
  let answer!: () => void;
  const workerUp = new Promise<void>((resolve) => {
    answer = resolve;
  });
  const model = createPopupModel({
    send: (async (request: Request) => {
      requests.push(request);
      await workerUp;
      if (request.type === 'consoles.list') return { keys: [] };
      if (request.type !== 'accounts.list') throw new Error(`unexpected ${request.type}`);
      return listReply(accounts, request);
    }) as never,
    ...QUIET_BROWSER,
    afterPaint: async () => {},
    ...(view ? { view } : {}),
    ...options,
  });
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  let loaded!: Promise<void>;
  await act(async () => {
    render(<Popup model={model} />, container);
    loaded = model.load();
  });
  const rows = () =>
    [...container.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('aria-label'));
  return { accounts, model, requests, rows, answer, loaded };
}

const viewOf = (accounts: ReturnType<typeof manyAccounts>): ViewReader => ({
  first: async () => ({ accounts: firstAccounts(accounts, FIRST_SCREEN, NOW), problems: [] }),
  all: async () => ({ accounts, problems: [] }),
});

describe('popup: the first screen without the service worker', () => {
  it('paints its first rows and makes every sign-in searchable from the view, no answer from the worker', async () => {
    const accounts = manyAccounts(300);
    const popup = await open(viewOf(accounts));
    await vi.waitFor(() => expect(popup.model.complete.value).toBe(true));
    expect(popup.rows().length).toBeGreaterThan(3);
    expect(popup.model.results.value).toHaveLength(300);
    // Only the signed-in marks were asked of the worker, and that answer is still pending.
    expect(popup.requests).toEqual([{ type: 'consoles.list' }]);
    popup.answer();
    await act(() => popup.loaded);
    expect(popup.requests).toEqual([{ type: 'consoles.list' }]);
  });

  it('falls back to the worker when there is no view it can read', async () => {
    const none: ViewReader = { first: async () => undefined, all: async () => undefined };
    const popup = await open(none);
    expect(popup.rows()).toEqual([]);
    popup.answer();
    await act(() => popup.loaded);
    expect(popup.model.results.value).toHaveLength(300);
    expect(popup.requests.filter((r) => r.type === 'accounts.list')).toEqual([
      { type: 'accounts.list', limit: FIRST_SCREEN },
      { type: 'accounts.list' },
    ]);
  });

  it('asks the worker for the whole list when the view has a first screen but its chunks are refused', async () => {
    const accounts = manyAccounts(300);
    const torn: ViewReader = {
      ...viewOf(accounts),
      all: async (): Promise<ViewList | undefined> => undefined,
    };
    const popup = await open(torn);
    await vi.waitFor(() => expect(popup.rows().length).toBeGreaterThan(3));
    expect(popup.model.complete.value).toBe(false);
    popup.answer();
    await act(() => popup.loaded);
    expect(popup.model.complete.value).toBe(true);
    expect(popup.model.results.value).toHaveLength(300);
    expect(popup.requests.filter((r) => r.type === 'accounts.list')).toEqual([{ type: 'accounts.list' }]);
  });

  it('marks signed-in accounts from the recorded sessions, then from the worker once it answers', async () => {
    const accounts = manyAccounts(300);
    const last = accounts.at(-1)!;
    const sessions = async () =>
      [{ partition: last.partition, accountId: last.accountId!, tabId: 1, host: 'x', seenAt: 0 }] as never[];
    const popup = await open(viewOf(accounts), { sessions });
    await vi.waitFor(() => expect(popup.model.complete.value).toBe(true));
    expect([...popup.model.signedIn.value]).toEqual([last.key]);
    // Its row comes first for an empty search.
    expect(popup.model.results.value[0]!.entry.account.key).toBe(last.key);
    // The worker found that tab gone (it answers no keys): the mark goes.
    popup.answer();
    await act(() => popup.loaded);
    await vi.waitFor(() => expect(popup.model.signedIn.value.size).toBe(0));
  });
});
