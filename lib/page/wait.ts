// Waiting for late sign-in forms, and keeping a fill in place while the page re-renders, both bounded in
// time: a page that never shows a known form, or keeps replacing it, gets a status, not an endless watch.
import { choose, isChecked, setValue, trusted } from './dom';

type Win = Window & typeof globalThis;

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['id', 'type'],
};

/** Resolves once the document is parsed and its own (non-async) scripts have run. */
export function domReady(doc: Document, target: EventTarget): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    target.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}

/**
 * Resolves with `check()`'s first defined answer: at once, or after the mutation burst that makes it true;
 * with undefined once `timeoutMs` has passed without one.
 */
export function waitFor<T>(
  doc: Document,
  win: Win,
  check: () => T | undefined,
  timeoutMs = 10_000,
): Promise<T | undefined> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve) => {
    let timer: number | undefined;
    const finish = (value: T | undefined) => {
      observer.disconnect();
      if (timer !== undefined) win.clearTimeout(timer);
      resolve(value);
    };
    // Mutation records arrive batched per burst; one check per batch keeps this cheap on busy pages.
    const observer = new win.MutationObserver(() => {
      const found = check();
      if (found !== undefined) finish(found);
    });
    observer.observe(doc, OBSERVE);
    timer = win.setTimeout(() => finish(check()), timeoutMs);
  });
}

/**
 * One thing Signpost filled and keeps filled: a text box's `value` (with `ifEmpty`, put back only when the
 * page cleared it), or, for a radio, that it stays chosen.
 */
export interface Kept {
  /** The element as the page shows it now (a re-render may have replaced it). */
  find: () => HTMLElement | undefined;
  value?: string;
  ifEmpty?: boolean;
}

const isRadio = (el: EventTarget | null | undefined): el is HTMLElement =>
  (el as HTMLInputElement | null)?.type === 'radio' ||
  (el as Element | null)?.getAttribute?.('role') === 'radio';

/** Whether `el` still shows what Signpost put there; if not and `fix`, puts it back. */
function holds(item: Kept, el: HTMLElement, fix: boolean): boolean {
  if (isRadio(el)) {
    if (!isChecked(el) && fix) choose(el);
    return isChecked(el);
  }
  const { value } = item;
  const box = el as HTMLInputElement;
  const ok = !value || (item.ifEmpty ? box.value !== '' : box.value === value);
  if (!ok && fix) setValue(box, value!);
  return ok;
}

export interface GuardOptions {
  /** How long to keep watching after the fill. */
  windowMs?: number;
  /** How often to look for values the page reset without replacing the node (no mutation shows that). */
  pollMs?: number;
  /** Most re-fills before giving up on a page that keeps fighting back. */
  maxRefills?: number;
  /** Whether an event came from the person (trusted), not from a script (ours or the page's). */
  isUserEvent?: (event: Event) => boolean;
}

export interface Guard {
  stop(): void;
  /** How many times a box was filled again. */
  refills: number;
  active: boolean;
}

/**
 * After a fill, watches for a bounded time and fills again when the page replaces the boxes or clears
 * them. Never fights the person: once they change a box, that box is theirs.
 */
export function keepFilled(doc: Document, win: Win, items: Kept[], options: GuardOptions = {}): Guard {
  const { windowMs = 10_000, pollMs = 250, maxRefills = 6, isUserEvent = trusted } = options;
  const owned = new Set<Kept>();
  const check = () => {
    for (const item of items) {
      const el = guard.active && !owned.has(item) ? item.find() : undefined;
      if (!el || holds(item, el, false)) continue;
      if (guard.refills >= maxRefills) return stop();
      guard.refills++;
      holds(item, el, true);
    }
  };
  // A person changing a box makes it theirs; choosing the other user type changes what every box means.
  const onUser = (event: Event) => {
    if (!guard.active || !isUserEvent(event)) return;
    if (isRadio(event.target)) return stop();
    for (const item of items) if (event.target === item.find()) owned.add(item);
    if (owned.size === items.length) stop();
  };

  const observer = new win.MutationObserver(check);
  observer.observe(doc, OBSERVE);
  const poll = win.setInterval(check, pollMs);
  const end = win.setTimeout(stop, windowMs);
  doc.addEventListener('input', onUser, true);
  doc.addEventListener('change', onUser, true);

  // The person's-change listeners stay (they do nothing once inactive); the watchers go.
  function stop() {
    guard.active = false;
    observer.disconnect();
    win.clearInterval(poll);
    win.clearTimeout(end);
  }
  const guard: Guard = { stop, refills: 0, active: true };
  return guard;
}
