// A small in-page notice in its own closed shadow root, so the page's styles and scripts stay out of it.
// One at a time; it goes away by itself unless the person is pointing at it or has focus inside it.

export interface NoticeAction {
  label: string;
  /** Resolves to the text to show next (the notice then closes soon), or undefined to close now. */
  run: () => Promise<string | undefined> | string | undefined;
}

export interface Notice {
  host: HTMLElement;
  /** The closed shadow root, for tests; the page cannot reach it. */
  root: ShadowRoot;
  close(): void;
}

const TAG = 'signpost-notice';

// System colours follow the person's light or dark theme; native buttons keep the platform's focus ring.
// Fixed markup only: the message and button names go in as text, never as HTML.
const MARKUP = `<style>:host{all:initial;position:fixed;z-index:2147483647;right:16px;bottom:16px;color-scheme:light dark}
div{font:14px/1.4 system-ui,sans-serif;background:Canvas;color:CanvasText;border:1px solid GrayText;
border-radius:8px;box-shadow:0 2px 12px #0004;padding:12px;max-width:360px}p{margin:0}button{font:inherit;margin:8px 8px 0 0}
</style><div role="status"><p></p></div>`;

/** Shows `message` with `actions` as buttons; closes after `ms` (paused while hovered or focused). */
export function showNotice(
  doc: Document,
  win: Window,
  message: string,
  actions: NoticeAction[],
  ms = 8000,
): Notice {
  for (const old of doc.querySelectorAll(TAG)) old.remove();
  const host = doc.createElement(TAG);
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = MARKUP;
  const box = root.querySelector('div')!;
  const text = box.firstElementChild!;
  text.textContent = message;

  let timer: number | undefined;
  let hold = false;
  const close = () => {
    win.clearTimeout(timer);
    host.remove();
  };
  const arm = (after = ms) => {
    win.clearTimeout(timer);
    if (!hold) timer = win.setTimeout(close, after);
  };
  const buttons = actions.map((action) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', async () => {
      for (const b of buttons) b.disabled = true;
      const next = await Promise.resolve()
        .then(action.run)
        .catch(() => undefined);
      if (next === undefined) return close();
      text.textContent = next;
      for (const b of buttons) b.remove();
      hold = false;
      arm(Math.min(ms, 3000));
    });
    return button;
  });
  box.append(...buttons);
  // Held while pointed at or focused, so there is time to read it and press Undo.
  for (const type of ['mouseenter', 'mouseleave', 'focusin', 'focusout']) {
    box.addEventListener(type, () => {
      hold = /enter|in$/.test(type);
      arm();
    });
  }
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });

  (doc.body ?? doc.documentElement).append(host);
  arm();
  return { host, root, close };
}
