// A small in-page notice in its own closed shadow root, so the page's styles and scripts stay out of it.
// One at a time; it goes away by itself unless focus is inside it.

export interface NoticeAction {
  label: string;
  /** Resolves to the text to show next (the notice then closes soon), or undefined to close now. */
  run: () => unknown;
}

export interface Notice {
  host: HTMLElement;
  /** The closed shadow root, for tests; the page cannot reach it. */
  root: ShadowRoot;
  close(): void;
}

// System colours follow the person's light or dark theme; native buttons keep the platform's focus ring.
const STYLE =
  ':host{all:initial;position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:360px;padding:12px;' +
  'font:14px/1.4 system-ui,sans-serif;color-scheme:light dark;background:Canvas;color:CanvasText;' +
  'border:1px solid GrayText;border-radius:8px;box-shadow:0 2px 12px #0004}button{font:inherit;margin:8px 8px 0 0}';

let shown: Notice | undefined;

/** Shows `message` with `actions` as buttons; closes after `ms` (held while focus is inside). */
export function showNotice(
  doc: Document,
  win: Window,
  message: string,
  actions: NoticeAction[],
  ms = 8000,
): Notice {
  shown?.close();
  const host = doc.createElement('signpost-notice');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  const box = doc.createElement('div');
  style.textContent = STYLE;
  box.setAttribute('role', 'status');
  box.textContent = message;
  root.append(style, box);

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
  if (actions.length) box.append(doc.createElement('br'));
  for (const action of actions) {
    const button = doc.createElement('button');
    button.textContent = action.label;
    button.addEventListener('click', async () => {
      for (const b of box.querySelectorAll('button')) b.disabled = true;
      const next = await Promise.resolve()
        .then(action.run)
        .catch(() => undefined);
      if (typeof next !== 'string') return close();
      box.textContent = next;
      hold = false;
      arm(Math.min(ms, 3000));
    });
    box.append(button);
  }
  // Held while focus is inside, so a keyboard user has all the time they need to reach Undo.
  box.addEventListener('focusin', () => {
    hold = true;
    arm();
  });
  box.addEventListener('focusout', () => {
    hold = false;
    arm();
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  doc.documentElement.append(host);
  arm();
  shown = { host, root, close };
  return shown;
}
