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

const STYLE = `:host{all:initial;position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:360px}
div{font:14px/1.4 system-ui,sans-serif;color:#16191f;background:#fff;border:1px solid #8c8c94;border-radius:8px;
box-shadow:0 4px 16px #0003;padding:12px 14px;display:flex;flex-wrap:wrap;gap:8px;align-items:center}
p{margin:0;flex:1 1 100%}
button{font:inherit;cursor:pointer;border:1px solid #0972d3;border-radius:16px;padding:2px 12px;
background:#fff;color:#0972d3}
button:first-of-type{background:#0972d3;color:#fff}
button:focus-visible{outline:2px solid #0972d3;outline-offset:2px}
@media (prefers-color-scheme:dark){div{color:#e9ebed;background:#0f1b2a;border-color:#5f6b7a}
button{background:#0f1b2a;color:#89bdee;border-color:#89bdee}button:first-of-type{background:#89bdee;color:#0f1b2a}}`;

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
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  const text = doc.createElement('p');
  text.textContent = message;
  box.append(text);
  root.append(style, box);

  let timer: number | undefined;
  let hold = false;
  const close = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    host.remove();
  };
  const arm = (after: number) => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = hold ? undefined : win.setTimeout(close, after);
  };
  const buttons = actions.map((action) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', async () => {
      for (const b of buttons) b.disabled = true;
      let next: string | undefined;
      try {
        next = await action.run();
      } catch {
        next = undefined;
      }
      if (next === undefined) return close();
      text.textContent = next;
      for (const b of buttons) b.remove();
      hold = false;
      arm(Math.min(ms, 3000));
    });
    return button;
  });
  box.append(...buttons);
  const pause = () => {
    hold = true;
    arm(0);
  };
  const resume = () => {
    hold = false;
    arm(ms);
  };
  box.addEventListener('mouseenter', pause);
  box.addEventListener('mouseleave', resume);
  box.addEventListener('focusin', pause);
  box.addEventListener('focusout', resume);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });

  (doc.body ?? doc.documentElement).append(host);
  arm(ms);
  return { host, root, close };
}
