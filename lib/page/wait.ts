// Waiting for late sign-in forms, and keeping a fill in place while the page re-renders, both bounded in
// time: a page that never shows a known form, or keeps replacing it, gets a status, not an endless watch.
import { choose, setValue } from './dom';

type Win = Window & typeof globalThis;

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['id', 'type', 'value', 'name'],
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

/** One thing Signpost filled and keeps filled: a text box's value or the chosen radio. */
export interface GuardItem {
  /** The element as the page shows it now (a re-render may have replaced it). */
  find(): HTMLElement | undefined;
  /** Whether it still shows what Signpost put there. */
  holds(el: HTMLElement): boolean;
  /** Puts it back. */
  restore(el: HTMLElement): void;
  /** Whether a person changing `target` makes this item theirs. */
  ownedBy(target: EventTarget | null): boolean;
  /** A person changing this item ends the whole guard (the user type changes what every box means). */
  endsAll?: boolean;
}

/** Keeps `value` in a text box; with `onlyIfEmpty`, puts it back only when the box was cleared. */
export function textItem(
  find: () => HTMLInputElement | undefined,
  value: string,
  options: { onlyIfEmpty?: boolean; decorate?: (el: HTMLInputElement) => boolean } = {},
): GuardItem {
  const { onlyIfEmpty = false, decorate } = options;
  return {
    find,
    holds: (el) => {
      const input = el as HTMLInputElement;
      const decorated = decorate ? decorate(input) : true;
      if (!value) return decorated;
      return decorated && (onlyIfEmpty ? input.value !== '' : input.value === value);
    },
    restore: (el) => {
      const input = el as HTMLInputElement;
      decorate?.(input);
      if (value && (onlyIfEmpty ? input.value === '' : input.value !== value)) setValue(input, value);
    },
    ownedBy: (target) => target !== null && target === find(),
  };
}

/** Keeps a radio chosen; a person choosing any radio (the other user type) ends the guard. */
export function radioItem(find: () => HTMLInputElement | undefined): GuardItem {
  return {
    find,
    holds: (el) => (el as HTMLInputElement).checked,
    restore: (el) => choose(el as HTMLInputElement),
    ownedBy: (target) => (target as HTMLInputElement | null)?.type === 'radio',
    endsAll: true,
  };
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
export function keepFilled(doc: Document, win: Win, items: GuardItem[], options: GuardOptions = {}): Guard {
  const {
    windowMs = 10_000,
    pollMs = 250,
    maxRefills = 6,
    isUserEvent = (e: Event) => e.isTrusted,
  } = options;
  const owned = new Set<GuardItem>();
  let refills = 0;
  let active = true;

  const check = () => {
    if (!active) return;
    for (const item of items) {
      if (owned.has(item)) continue;
      const el = item.find();
      if (!el || item.holds(el)) continue;
      if (refills >= maxRefills) return stop();
      refills += 1;
      item.restore(el);
    }
  };
  const onUser = (event: Event) => {
    if (!isUserEvent(event)) return;
    for (const item of items) {
      if (!item.ownedBy(event.target)) continue;
      if (item.endsAll) return stop();
      owned.add(item);
    }
    if (owned.size === items.length) stop();
  };

  const observer = new win.MutationObserver(check);
  observer.observe(doc, OBSERVE);
  const poll = win.setInterval(check, pollMs);
  const end = win.setTimeout(() => stop(), windowMs);
  doc.addEventListener('input', onUser, true);
  doc.addEventListener('change', onUser, true);

  function stop() {
    if (!active) return;
    active = false;
    observer.disconnect();
    win.clearInterval(poll);
    win.clearTimeout(end);
    doc.removeEventListener('input', onUser, true);
    doc.removeEventListener('change', onUser, true);
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
