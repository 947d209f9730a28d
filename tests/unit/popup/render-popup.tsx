// Renders the real popup (components + model) into happy-dom with fake browser dependencies.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { Popup } from '../../../components/Popup';
import type { Request, Responses } from '../../../lib/messages';
import { createPopupModel, type PopupDeps, type TabInfo } from '../../../lib/popup/model';
import { type Account, DEFAULT_SETTINGS } from '../../../lib/schema';
import { firstAccounts } from '../../../lib/search';
import { NOW } from './fixtures';

export interface Options {
  activeTab?: TabInfo;
  ownTab?: TabInfo;
  /** Answers for requests other than accounts.list; throw to simulate a background error. */
  reply?: (request: Request) => unknown;
  listError?: string;
  /** Holds the whole list back until it resolves (the first screen is already painted). */
  afterPaint?: () => Promise<void>;
}

export async function renderPopup(accounts: Account[], options: Options = {}) {
  const requests: Request[] = [];
  const send = vi.fn(async (request: Request) => {
    requests.push(request);
    if (request.type === 'accounts.list') {
      if (options.listError) throw new Error(options.listError);
      // As the background answers: with a limit, the first screen's accounts only.
      const some = request.limit === undefined ? accounts : firstAccounts(accounts, request.limit, NOW);
      return {
        accounts: some,
        problems: [],
        settings: DEFAULT_SETTINGS,
        complete: some.length === accounts.length,
      } satisfies Responses['accounts.list'];
    }
    if (options.reply) return options.reply(request);
    if (request.type === 'route.open') return { url: 'https://example.test/', tabId: 9 };
    throw new Error(`unexpected ${request.type}`);
  });
  const deps = {
    send: send as unknown as PopupDeps['send'],
    activeTab: vi.fn(async () => options.activeTab ?? { id: 1, url: 'https://news.example/' }),
    ownTab: vi.fn(async () => options.ownTab),
    close: vi.fn(),
    copy: vi.fn(async (_text: string) => {}),
    openOptions: vi.fn(async (_hash: string) => {}),
    now: () => NOW,
    afterPaint: options.afterPaint ?? (async () => {}),
  };
  const model = createPopupModel(deps);
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  await act(async () => {
    render(<Popup model={model} />, container);
    await model.load();
  });

  const search = () => container.querySelector<HTMLInputElement>('input[aria-label="Search accounts"]')!;
  const options_ = () => [...container.querySelectorAll<HTMLElement>('[role="option"]')];
  const listbox = () => container.querySelector<HTMLElement>('[role="listbox"]');
  const activeOption = () => {
    const id = search()?.getAttribute('aria-activedescendant');
    return id ? container.querySelector<HTMLElement>(`#${id}`) : null;
  };

  async function type(text: string) {
    await act(async () => {
      const input = search();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  async function press(key: string, init: KeyboardEventInit = {}, target: Element = search()) {
    await act(async () => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
    });
    // Routing awaits the tab lookups; let those settle.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }

  async function click(element: Element, init: MouseEventInit = {}) {
    await act(async () => {
      element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }

  function button(name: string | RegExp) {
    return [...container.querySelectorAll<HTMLButtonElement>('button')].find((b) => {
      const label = b.getAttribute('aria-label') ?? b.textContent ?? '';
      return typeof name === 'string' ? label === name : name.test(label);
    });
  }

  return {
    model,
    deps,
    requests,
    container,
    search,
    options: options_,
    listbox,
    activeOption,
    type,
    press,
    click,
    button,
  };
}
