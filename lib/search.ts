// Finds sign-ins by what a user remembers of them (label, alias, account ID, user name, root email, tags):
// one index built per account list, then `rank` per keystroke; shared by the popup and the omnibox.
import uFuzzy from '@leeoniya/ufuzzy';
import { displayLabel } from './account';
import { frecencyScore } from './frecency';
import { compareNatural } from './natural-sort';
import type { Account } from './schema';
import { type Highlights, highlight, NFIELDS, SEP } from './search-highlight';

export { FIELDS, type Field, type Highlights } from './search-highlight';

/** What one result routes to: an IAM user, the root user, or the account's sign-in page (no user saved). */
export type EntryKind = 'iam' | 'root' | 'account';

export interface SearchEntry {
  /** Position in the index: stable for one account list, usable in DOM ids. */
  index: number;
  account: Account;
  kind: EntryKind;
  /** The IAM user name (kind `iam`). */
  userName: string | undefined;
  /** The root user's email (kind `root`). */
  email: string | undefined;
  uses: number;
  lastUsed: number;
}

export interface SearchIndex {
  entries: readonly SearchEntry[];
  /** One string per entry: the fields joined by SEP. */
  haystack: readonly string[];
  /** `haystack` lower-cased, for the match-quality checks. */
  lower: readonly string[];
  /** Where each field starts in the haystack string: FIELDS.length + 1 offsets per entry. */
  starts: Int32Array;
  /** Position of each entry when sorted by label then user (the last tie-break). */
  labelRank: Int32Array;
  cache: { now?: number; frecency?: Float64Array; all?: SearchResult[] };
}

// Unicode mode so labels such as "Kundenkonto Müller" or "生产" are searchable; measured fast enough at
// 10,000 entries. SingleError mode tolerates one typo in longer terms; digits always match exactly.
const fuzzy = new uFuzzy({
  unicode: true,
  interSplit: "[^\\p{L}\\d']+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{L}\\d|\\d\\p{L}|\\p{Ll}\\p{Lu}',
  intraChars: "[\\p{L}\\d']",
  intraContr: "'\\p{L}{1,2}\\b",
  intraMode: 1,
});

/** One entry per IAM user and one for root; an account without sign-ins gets one entry for its page. */
export function flatten(accounts: readonly Account[]): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const account of accounts) {
    for (const s of account.signIns) {
      const iam = s.type === 'iam';
      entries.push({
        index: entries.length,
        account,
        kind: s.type,
        userName: iam ? s.userName : undefined,
        email: iam ? undefined : s.email,
        uses: s.uses,
        lastUsed: s.lastUsed,
      });
    }
    if (account.signIns.length === 0) {
      entries.push({
        index: entries.length,
        account,
        kind: 'account',
        userName: undefined,
        email: undefined,
        uses: 0,
        lastUsed: 0,
      });
    }
  }
  return entries;
}

const indexes = new WeakMap<readonly Account[], SearchIndex>();

/** The index of an account list, built once per list (the store hands out the same array until a write). */
export function indexOf(accounts: readonly Account[]): SearchIndex {
  let index = indexes.get(accounts);
  if (!index) {
    index = buildIndex(accounts);
    indexes.set(accounts, index);
  }
  return index;
}

/**
 * The accounts of the first `limit` sign-ins when nothing is typed, in order: what the popup's first screen
 * shows. Ranking those accounts alone puts the same sign-ins first (any other sign-in of theirs ranked later
 * in the whole list too). The same order as `rank(index, '')` without building the index: a bounded
 * insertion of each entry into the best `limit` (most accounts lose to the worst kept one on frecency alone),
 * so the store can work it out on every write (about 30 ms at 50,000 sign-ins against 250 for an index).
 */
export function firstAccounts(
  accounts: readonly Account[],
  limit: number,
  now: number = Date.now(),
): Account[] {
  if (limit <= 0) return [];
  const entries = flatten(accounts);
  const scores = Float64Array.from(entries, (e) => frecencyScore(e, now));
  const labels: (string | undefined)[] = new Array(entries.length);
  const label = (i: number) => (labels[i] ??= displayLabel(entries[i]!.account));
  const who = (i: number) => entries[i]!.userName ?? entries[i]!.email ?? '';
  // Negative when entry x ranks before entry y: as rank('') orders (frecency, label, user, position).
  const sameAccount = (x: number, y: number) =>
    scores[y]! - scores[x]! || compareNatural(who(x), who(y)) || x - y;
  const before = (x: number, y: number) =>
    scores[y]! - scores[x]! || compareNatural(label(x), label(y)) || compareNatural(who(x), who(y)) || x - y;
  // An account ranks where its best sign-in ranks (flatten keeps an account's entries together).
  const candidates: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const last = candidates.length - 1;
    if (last >= 0 && entries[candidates[last]!]!.account === entries[i]!.account) {
      if (sameAccount(i, candidates[last]!) < 0) candidates[last] = i;
    } else candidates.push(i);
  }
  const best: number[] = [];
  for (const i of candidates) {
    if (best.length === limit) {
      const worst = best[limit - 1]!;
      // Cheap rejection first: a lower score can never enter.
      if (scores[i]! < scores[worst]! || before(i, worst) > 0) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && before(i, best[at - 1]!) < 0) at--;
    best.splice(at, 0, i);
  }
  return best.map((i) => entries[i]!.account);
}

/** Builds the index once per account list; every keystroke reuses it. */
export function buildIndex(accounts: readonly Account[]): SearchIndex {
  const entries = flatten(accounts);
  const n = entries.length;
  const haystack: string[] = new Array(n);
  const lower: string[] = new Array(n);
  const starts = new Int32Array(n * (NFIELDS + 1));
  const labels: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    const a = e.account;
    // Same order as FIELDS.
    const user = e.kind === 'iam' ? e.userName! : e.kind === 'root' ? 'root' : '';
    const values = [a.label ?? '', a.alias ?? '', a.accountId ?? '', user, e.email ?? '', a.tags.join(' ')];
    let at = 0;
    const base = i * (NFIELDS + 1);
    for (let f = 0; f < NFIELDS; f++) {
      starts[base + f] = at;
      at += values[f]!.length + 1;
    }
    starts[base + NFIELDS] = at;
    const text = values.join(SEP);
    haystack[i] = text;
    lower[i] = text.toLowerCase();
    labels[i] = displayLabel(a);
  }
  // By label, then user, in the options page's natural order (built once per list, not per keystroke).
  const who = (i: number) => entries[i]!.userName ?? entries[i]!.email ?? '';
  const byLabel = entries
    .map((_, i) => i)
    .sort((x, y) => compareNatural(labels[x]!, labels[y]!) || compareNatural(who(x), who(y)));
  const labelRank = new Int32Array(n);
  for (let r = 0; r < n; r++) labelRank[byLabel[r]!] = r;
  return { entries, haystack, lower, starts, labelRank, cache: {} };
}

/**
 * Splits a query into the needles matched one by one (so words may come in any order). A word made of
 * digits and dashes is an account ID fragment: `1234-56` searches for `123456`.
 */
export function needles(query: string): string[] {
  return query
    .trim()
    .split(/\s+/)
    .map((word) => (/^[\d-]*\d[\d-]*$/.test(word) ? word.replace(/-/g, '') : word.replace(/^-+/, '')))
    .filter((word) => fuzzy.split(word).length > 0);
}

export class SearchResult {
  #highlights?: Highlights;
  constructor(
    readonly entry: SearchEntry,
    /** Higher is a better match; comparable only between results of one query. */
    readonly quality: number,
    private readonly index: SearchIndex,
    private readonly needles: readonly string[],
  ) {}

  /** Matched character ranges per field, computed on first use: only rows on screen ask. */
  get highlights(): Highlights {
    this.#highlights ??= highlight(fuzzy, this.index, this.entry.index, this.needles);
    return this.#highlights;
  }
}

function frecencies(index: SearchIndex, now: number): Float64Array {
  if (index.cache.now !== now || !index.cache.frecency) {
    index.cache = { now, frecency: Float64Array.from(index.entries, (e) => frecencyScore(e, now)) };
  }
  return index.cache.frecency!;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How well each term matched, as coarse tiers so that frecency decides between equally good matches:
 * 4 a whole field (`prod` is the alias), 3 the start of a word, 2 inside a word, 1 only with a typo.
 */
function termScorer(term: string): (lower: string) => number {
  const t = escapeRegExp(term.toLowerCase());
  const whole = new RegExp(`(?:^|${SEP})${t}(?:${SEP}|$)`, 'u');
  const start = new RegExp(`(?:^|[^\\p{L}\\d])${t}`, 'u');
  const plain = term.toLowerCase();
  return (s) => {
    if (!s.includes(plain)) return 1;
    if (!start.test(s)) return 2;
    return whole.test(s) ? 4 : 3;
  };
}

/**
 * Orders sign-ins for `query`: best match first, then most frecent, then by label. An empty query lists
 * everything by frecency. `now` is the clock frecency is measured against.
 */
export function rank(index: SearchIndex, query: string, now: number = Date.now()): SearchResult[] {
  const scores = frecencies(index, now);
  const words = needles(query);
  const { entries, labelRank } = index;
  if (words.length === 0) {
    index.cache.all ??= entries
      .map((e) => e.index)
      .sort((a, b) => scores[b]! - scores[a]! || labelRank[a]! - labelRank[b]!)
      .map((i) => new SearchResult(entries[i]!, 0, index, []));
    return index.cache.all;
  }
  // uFuzzy's filter is the cheap pass: each word narrows the previous word's matches.
  let idxs: number[] | undefined;
  for (const word of words) {
    idxs = fuzzy.filter(index.haystack as string[], word, idxs) ?? [];
    if (idxs.length === 0) return [];
  }
  const matched = idxs!;
  // Quality checks are plain string tests (not uFuzzy's info(), which is much costlier per match and would
  // have to be capped): they cost about the same as the filter and treat 10 or 10,000 matches alike.
  const scorers = words.flatMap((w) => fuzzy.split(w)).map(termScorer);
  const quality = new Float64Array(matched.length);
  for (let k = 0; k < matched.length; k++) {
    const s = index.lower[matched[k]!]!;
    let q = 0;
    for (const score of scorers) q += score(s);
    quality[k] = q;
  }
  const order = matched.map((_, k) => k);
  order.sort((a, b) => {
    const ia = matched[a]!;
    const ib = matched[b]!;
    return quality[b]! - quality[a]! || scores[ib]! - scores[ia]! || labelRank[ia]! - labelRank[ib]!;
  });
  return order.map((k) => new SearchResult(entries[matched[k]!]!, quality[k]!, index, words));
}
