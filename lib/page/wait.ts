// Waiting for late sign-in forms, and keeping a fill in place while the page re-renders, both bounded in
// time: a page that never shows a known form, or keeps replacing it, gets a status, not an endless watch.
import { choose, setValue } from './dom';

type Win = Window & typeof globalThis;

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['id', 'type'],
};

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
 * page cleared it), or, for a radio, that it stays chosen. `decorate` re-applies an attribute to a new node
 * and says whether it was already there.
 */
export interface Kept {
  /** The element as the page shows it now (a re-render may have replaced it). */
  find: () => HTMLInputElement | undefined;
  value?: string;
  ifEmpty?: boolean;
  decorate?: (el: HTMLInputElement) => boolean;
}

const isRadio = (el: EventTarget | null | undefined) => (el as HTMLInputElement | null)?.type === 'radio';

/** Whether `el` still shows what Signpost put there; if not and `fix`, puts it back. */
function holds(item: Kept, el: HTMLInputElement, fix: boolean): boolean {
  const decorated = item.decorate ? item.decorate(el) : true;
  if (isRadio(el)) {
    if (!el.checked && fix) choose(el);
    return el.checked;
  }
  const { value } = item;
  const ok = !value || (item.ifEmpty ? el.value !== '' : el.value === value);
  if (!ok && fix) setValue(el, value!);
  return ok && decorated;
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
  readonly refills: number;
  readonly active: boolean;
}

/**
 * After a fill, watches for a bounded time and fills again when the page replaces the boxes or clears
 * them. Never fights the person: once they change a box, that box is theirs.
 */
export function keepFilled(doc: Document, win: Win, items: Kept[], options: GuardOptions = {}): Guard {
  const {
    windowMs = 10_000,
    pollMs = 250,
    maxRefills = 6,
    isUserEvent = (e: Event) => e.isTrusted,
  } = options;
  const owned = new Set<Kept>();
  let refills = 0;
  let active = true;

  const check = () => {
    for (const item of items) {
      const el = active && !owned.has(item) ? item.find() : undefined;
      if (!el || holds(item, el, false)) continue;
      if (refills >= maxRefills) return stop();
      refills += 1;
      holds(item, el, true);
    }
  };
  // A person changing a box makes it theirs; choosing the other user type changes what every box means.
  const onUser = (event: Event) => {
    if (!active || !isUserEvent(event)) return;
    if (isRadio(event.target)) return stop();
    for (const item of items) if (event.target === item.find()) owned.add(item);
    if (owned.size === items.length) stop();
  };

  const observer = new win.MutationObserver(check);
  observer.observe(doc, OBSERVE);
  const poll = win.setInterval(check, pollMs);
  const end = win.setTimeout(() => stop(), windowMs);
  doc.addEventListener('input', onUser, true);
  doc.addEventListener('change', onUser, true);

  // The person's-change listeners stay (they only mark boxes once `active` is false); the watchers go.
  function stop() {
    active = false;
    observer.disconnect();
    win.clearInterval(poll);
    win.clearTimeout(end);
  }

  return {
    stop,
    get refills() {
      return refills;
    },
    get active() {
      return active;
    },
  };
}
