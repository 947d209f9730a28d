// The natural order of the names the popup sorts by (account labels, then user, email and role names as the
// tie-break; lib/search.ts naturalOrder), kept by the service worker beside the view (lib/view.ts). Sorting
// 10,000 names with Intl.Collator costs the popup tens of ms every time it opens; the worker sorts only the
// names a write adds, into the order it kept, and writes it in the same transaction as the accounts. The
// popup reads it with the view and only looks names up; a name it does not find (an order from another
// write, another locale, a damaged record) makes it sort them itself, as before.
import { displayLabel } from './account';
import { compareNatural, naturalLocale } from './natural-sort';
import type { Account } from './schema';
import { signInWho } from './sign-in-kinds';

export const VIEW_ORDER_KEY = 'view-order';
/** Bumped whenever the record's layout changes. */
export const ORDER_FORMAT = 1;

export interface NameOrder {
  format: number;
  /** The collator's locale: another locale sorts differently, so its order is not used. */
  locale: string;
  /** Every name, each once, in natural order. */
  names: string[];
  /** Each name's rank: equal for names the collator calls equal, one more for the next different one. */
  ranks: Uint32Array;
}

/** Every name the popup's index sorts `accounts` by: what naturalOrder ranks, for every search entry. */
export function namesOf(accounts: readonly Account[]): Set<string> {
  const names = new Set<string>();
  for (const a of accounts) {
    names.add(displayLabel(a));
    if (a.signIns.length === 0) names.add('');
    for (const s of a.signIns) names.add(signInWho(s));
  }
  return names;
}

/** `sorted` with each name in `added` (sorted too) put where it belongs. */
function merged(sorted: readonly string[], added: readonly string[]): string[] {
  // A few names (a learn, an edit): a binary search each. Many (an import): one pass over both.
  if (added.length * 16 < sorted.length) {
    const out = [...sorted];
    for (const name of added) {
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareNatural(out[mid]!, name) <= 0) lo = mid + 1;
        else hi = mid;
      }
      out.splice(lo, 0, name);
    }
    return out;
  }
  const out: string[] = new Array(sorted.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < sorted.length && j < added.length)
    out[k++] = compareNatural(sorted[i]!, added[j]!) <= 0 ? sorted[i++]! : added[j++]!;
  while (i < sorted.length) out[k++] = sorted[i++]!;
  while (j < added.length) out[k++] = added[j++]!;
  return out;
}

function ranksOf(names: readonly string[]): Uint32Array {
  const ranks = new Uint32Array(names.length);
  for (let i = 1; i < names.length; i++)
    ranks[i] = ranks[i - 1]! + (compareNatural(names[i - 1]!, names[i]!) === 0 ? 0 : 1);
  return ranks;
}

/**
 * The order after a write: `previous` (the last one written, already checked) with the names no account has
 * any more taken out and the new ones sorted in. Undefined when the names are the same (nothing to write).
 */
export function nextOrder(
  previous: NameOrder | undefined,
  accounts: readonly Account[],
): NameOrder | undefined {
  const names = namesOf(accounts);
  const usable =
    previous?.format === ORDER_FORMAT && previous.locale === naturalLocale ? previous : undefined;
  const kept = usable ? usable.names.filter((n) => names.has(n)) : [];
  if (usable && kept.length === names.size && kept.length === usable.names.length) return undefined;
  const known = new Set(kept);
  const added = [...names].filter((n) => !known.has(n)).sort(compareNatural);
  const sorted = kept.length ? merged(kept, added) : added;
  return { format: ORDER_FORMAT, locale: naturalLocale, names: sorted, ranks: ranksOf(sorted) };
}

/**
 * The record as read from IndexedDB, when it is shaped as written; `sorted` also checks the names' order
 * (the worker does, before sorting names into it: one compare per name, against a full sort's dozen).
 */
export function checkOrder(raw: unknown, sorted = false): NameOrder | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { format, locale, names, ranks } = raw as Partial<NameOrder>;
  if (format !== ORDER_FORMAT || locale !== naturalLocale || !Array.isArray(names)) return undefined;
  if (!(ranks instanceof Uint32Array) || ranks.length !== names.length) return undefined;
  for (let i = 0; i < names.length; i++) {
    if (typeof names[i] !== 'string') return undefined;
    if (i === 0) {
      if (ranks[0] !== 0) return undefined;
      continue;
    }
    const step = ranks[i]! - ranks[i - 1]!;
    if (step !== 0 && step !== 1) return undefined;
    if (!sorted) continue;
    const c = compareNatural(names[i - 1]!, names[i]!);
    if (c > 0 || (c === 0) !== (step === 0)) return undefined;
  }
  return raw as NameOrder;
}

/** Name → rank, for the popup's index (lib/search.ts buildIndex). */
export function rankMap(order: NameOrder): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < order.names.length; i++) map.set(order.names[i]!, order.ranks[i]!);
  return map;
}
