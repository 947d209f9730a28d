// Renders the real options page (components + model) into happy-dom, talking to the real background
// handlers and store on a fake IndexedDB, so a test sees what a user would after each click.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsPage } from '../../../components/options/OptionsPage';
import type { AccountDraftInput, Request } from '../../../lib/messages';
import { createOptionsModel } from '../../../lib/options/model';
import { background } from '../../fakes/background';
import { OPTIONS } from '../../fakes/senders';

export const NOW = Date.UTC(2025, 4, 6, 9, 30);

export interface RenderOptions {
  seed?: AccountDraftInput[];
  /** Makes the background refuse requests of these types with this message. */
  fail?: Partial<Record<Request['type'], string>>;
  hash?: string;
}

export async function renderOptions(options: RenderOptions = {}) {
  const bg = background({ now: NOW });
  const sent: Request[] = [];
  const ask = (request: unknown) => bg.value(request, OPTIONS);
  if (options.seed) await ask({ type: 'accounts.import', accounts: options.seed });
  const downloads: { fileName: string; text: string }[] = [];
  const model = createOptionsModel({
    send: async (request) => {
      sent.push(request);
      const failure = options.fail?.[request.type];
      if (failure) throw new Error(failure);
      return ask(request);
    },
    download: (fileName, text) => downloads.push({ fileName, text }),
    now: () => NOW,
    nextPaint: async () => {},
  });
  document.body.innerHTML = '';
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<OptionsPage model={model} />, root));
  await act(async () => {
    await model.load();
    if (options.hash) model.openFromHash(options.hash);
  });
  return { model, root, sent, downloads, store: bg.deps.store, ...queries(root) };
}

/** Waits for the page to settle after an action (messages, IndexedDB, re-render). */
export async function settle(action?: () => unknown): Promise<void> {
  await act(async () => {
    await action?.();
  });
  for (let i = 0; i < 20; i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }
}

function queries(root: HTMLElement) {
  const all = <T extends Element = HTMLElement>(selector: string) => [
    ...root.querySelectorAll<T & Element>(selector),
  ];
  /** Visible text with a space between elements, as a screen reader would read it. */
  const text = (el: Element | null | undefined): string => {
    if (!el) return '';
    const parts: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
    return parts
      .join(' ')
      .replace(/\s+/g, ' ')
      .replace(/ ([.,:)])/g, '$1')
      .trim();
  };
  /** The accessible name of a control: aria-label, a <label for>, or its wrapping <label>. */
  const nameOf = (el: Element): string => {
    const aria = el.getAttribute('aria-label');
    if (aria) return aria;
    const id = el.getAttribute('id');
    const labelFor = id ? root.querySelector(`label[for="${id}"]`) : null;
    if (labelFor) return text(labelFor);
    const wrapping = el.closest('label');
    if (wrapping) return text(wrapping);
    return text(el);
  };
  const byName = <T extends HTMLElement>(selector: string, name: string | RegExp): T => {
    const match = all<T>(selector).find((el) =>
      typeof name === 'string' ? nameOf(el) === name : name.test(nameOf(el)),
    );
    if (!match)
      throw new Error(`No ${selector} named ${name}; have: ${all(selector).map(nameOf).join(' | ')}`);
    return match;
  };
  const field = (name: string | RegExp) => byName<HTMLInputElement>('input, textarea, select', name);
  const button = (name: string | RegExp) => byName<HTMLButtonElement>('button', name);
  /** The message shown for a field: the element its aria-describedby points at. */
  const messageFor = (el: Element) => {
    const id = el.getAttribute('aria-describedby');
    return id ? text(root.querySelector(`[id="${id}"]`)) : '';
  };
  const rows = () => all('.account').map((li) => text(li.querySelector('.account__label')));
  return {
    all,
    text,
    field,
    button,
    messageFor,
    rows,
    has: (selector: string) => root.querySelector(selector) !== null,
  };
}

export async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await settle(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function leave(el: HTMLElement) {
  await settle(() => el.dispatchEvent(new FocusEvent('blur')));
}

export async function click(el: HTMLElement) {
  await settle(() => el.click());
}

export async function check(el: HTMLInputElement, on = true) {
  await settle(() => {
    if (el.checked !== on) el.click();
  });
}

/** Chooses a file in a file input, as the browser's file picker would. */
export async function chooseFile(input: HTMLInputElement, name: string, content: string) {
  const file = new File([content], name, { type: 'text/plain' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await settle(() => input.dispatchEvent(new Event('change', { bubbles: true })));
}
