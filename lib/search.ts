// Finds sign-ins by what a user remembers of them (label, alias, account ID, user name, root email, role,
// access portal, switch-role display name, tags):
// one index built per account list, then `rank` per keystroke; shared by the popup and the omnibox.
import uFuzzy from '@leeoniya/ufuzzy';
import { displayLabel } from './account';
import { frecencyScore } from './frecency';
import { compareNatural } from './natural-sort';
import type { Account, SignIn } from './schema';
import { type Highlights, highlight, NFIELDS, SEP } from './search-highlight';
import { signInWho } from './sign-in-kinds';
import { portalName } from './sign-in-links';

export { FIELDS, type Field, type Highlights } from './search-highlight';

/**
 * What one result routes to: an IAM user, the root user, an Identity Center role, a role to switch to, or
 * the account's sign-in page (no sign-in saved).
 */
export type EntryKind = SignIn['type'] | 'account';

export interface SearchEntry {
  /** Position in the index: stable for one account list, usable in DOM ids. */
  index: number;
  account: Account;
  kind: EntryKind;
  /** The IAM user name (kind `iam`). */
  userName: string | undefined;
  /** The root user's email (kind `root`). */
  email: string | undefined;
  /** The stored sign-in (all kinds but `account`). */
  signIn: SignIn | undefined;
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
  /** The entries in that order (labelRank's inverse). */
  byLabel: Uint32Array;
  cache: {
    now?: number;
    frecency?: Float64Array;
    /** Entry positions in the empty query's order (frecency, then labelRank), and each entry's place in it. */
    order?: Uint32Array;
    place?: Uint32Array;
    all?: SearchResult[];
  };
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

/** One entry per sign-in of any kind; an account without sign-ins gets one entry for its page. */
export function flatten(accounts: readonly Account[]): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const account of accounts) {
    for (const s of account.signIns) {
      entries.push({
        index: entries.length,
        account,
        kind: s.type,
        userName: s.type === 'iam' ? s.userName : undefined,
        email: s.type === 'root' ? s.email : undefined,
        signIn: s,
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
        signIn: undefined,
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
  const who = (i: number) => {
    const s = entries[i]!.signIn;
    return s ? signInWho(s) : '';
  };
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

/**
 * Builds the index once per account list; every keystroke reuses it. `ranks` is the names' natural order as
 * the worker kept it (lib/view-order.ts): without it, or when a name is not in it, the names are sorted here.
 */
export function buildIndex(accounts: readonly Account[], ranks?: ReadonlyMap<string, number>): SearchIndex {
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
    const s = e.signIn;
    const values = [
      a.label ?? '',
      a.alias ?? '',
      a.accountId ?? '',
      e.userName ?? (e.kind === 'root' ? 'root' : ''),
      e.email ?? '',
      s?.type === 'sso' || s?.type === 'switch' ? s.roleName : '',
      s?.type === 'sso' ? portalName(s.startUrl) : '',
      (s?.type === 'switch' && s.displayName) || '',
      a.tags.join(' '),
    ];
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
    labels[i] = i > 0 && entries[i - 1]!.account === a ? labels[i - 1]! : displayLabel(a);
  }
  // By label, then user, in the options page's natural order (built once per list, not per keystroke).
  const byLabel = naturalOrder(entries, labels, ranks);
  const labelRank = new Int32Array(n);
  for (let r = 0; r < n; r++) labelRank[byLabel[r]!] = r;
  return { entries, haystack, lower, starts, labelRank, byLabel, cache: {} };
}

/**
 * Ordinals of `values` in natural order (equal ordinals for names the collator calls equal): each distinct
 * name is compared once in a sort of the distinct names, rather than in every comparison of a sort of all
 * entries. An Intl.Collator compare costs about 1 µs; 10,000 entries sorted by label then user took ~25 ms.
 */
function ordinals(values: readonly string[]): Int32Array {
  const distinct = [...new Set(values)].sort(compareNatural);
  const ord = new Map<string, number>();
  let o = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i > 0 && compareNatural(distinct[i - 1]!, distinct[i]!) !== 0) o++;
    ord.set(distinct[i]!, o);
  }
  return Int32Array.from(values, (v) => ord.get(v)!);
}

/** Each value's rank in `ranks`, or undefined when one is not there. */
function looked(values: readonly string[], ranks: ReadonlyMap<string, number>): Int32Array | undefined {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const r = ranks.get(values[i]!);
    if (r === undefined) return undefined;
    out[i] = r;
  }
  return out;
}

/** Entry positions sorted by label, then user (natural order), then position: the ranking's last tie-break. */
function naturalOrder(
  entries: readonly SearchEntry[],
  labels: readonly string[],
  ranks?: ReadonlyMap<string, number>,
): Uint32Array {
  const n = entries.length;
  const whos = entries.map((e) => (e.signIn ? signInWho(e.signIn) : ''));
  const known = ranks && looked(labels, ranks);
  const label = known ?? ordinals(labels);
  const who = (known && ranks && looked(whos, ranks)) ?? ordinals(whos);
  const whoCount = who.reduce((m, w) => Math.max(m, w + 1), 1);
  return sortedBy(n, (i) => label[i]! * whoCount + who[i]!);
}

/**
 * 0..n-1 sorted by an integer key (ties by position), with a typed-array sort rather than a comparator: each
 * key is `key * n + i`, exact while key * n stays below 2^53.
 */
function sortedBy(n: number, key: (i: number) => number): Uint32Array {
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = key(i) * n + i;
  keys.sort();
  const out = new Uint32Array(n);
  for (let r = 0; r < n; r++) out[r] = keys[r]! % n;
  return out;
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

/**
 * The empty query's order at `now` (most frecent first, then by label) and each entry's place in it: every
 * other query sorts by match quality, then by this place, as one integer key.
 */
function baseOrder(index: SearchIndex, now: number): { order: Uint32Array; place: Uint32Array } {
  const scores = frecencies(index, now);
  if (!index.cache.order || !index.cache.place) {
    const n = scores.length;
    // Frecency ranks as an ordinal (the scores are few distinct values), highest first.
    const distinct = [...new Set(scores)].sort((a, b) => b - a);
    const rankOf = new Map(distinct.map((v, r) => [v, r]));
    const byLabel = index.byLabel;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = rankOf.get(scores[i]!)! * n + index.labelRank[i]!;
    keys.sort();
    const order = new Uint32Array(n);
    const place = new Uint32Array(n);
    for (let r = 0; r < n; r++) {
      const i = byLabel[keys[r]! % n]!;
      order[r] = i;
      place[i] = r;
    }
    index.cache.order = order;
    index.cache.place = place;
  }
  return { order: index.cache.order, place: index.cache.place };
}

const WORD_CHAR = /[\p{L}\d]/u;

/**
 * Whether the code point ending just before `at` is a letter or digit (a surrogate pair read whole). ASCII
 * is decided by its code (a regex test of a one-character slice per occurrence cost ~1 ms for `b`).
 */
function wordCharBefore(s: string, at: number): boolean {
  const c = s.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const pair = c >= 0xdc00 && c <= 0xdfff && at >= 2;
  return WORD_CHAR.test(s.slice(pair ? at - 2 : at - 1, at));
}

/**
 * How well each term matched, as coarse tiers so that frecency decides between equally good matches:
 * 4 a whole field (`prod` is the alias), 3 the start of a word, 2 inside a word, 1 only with a typo.
 * Plain indexOf over the occurrences (a Unicode regex per match cost ~2 ms of a 10 ms keystroke for `b`).
 */
function termScorer(term: string): (lower: string) => number {
  const plain = term.toLowerCase();
  const len = plain.length;
  return (s) => {
    let at = s.indexOf(plain);
    if (at < 0) return 1;
    let tier = 2;
    for (; at >= 0; at = s.indexOf(plain, at + 1)) {
      if (at > 0 && wordCharBefore(s, at)) continue;
      const end = at + len;
      if ((at === 0 || s[at - 1] === SEP) && (end === s.length || s[end] === SEP)) return 4;
      tier = 3;
    }
    return tier;
  };
}

/**
 * Orders sign-ins for `query`: best match first, then most frecent, then by label. An empty query lists
 * everything by frecency. `now` is the clock frecency is measured against.
 */
export function rank(index: SearchIndex, query: string, now: number = Date.now()): SearchResult[] {
  const { order, place } = baseOrder(index, now);
  const words = needles(query);
  const { entries } = index;
  if (words.length === 0) {
    index.cache.all ??= Array.from(order, (i) => new SearchResult(entries[i]!, 0, index, []));
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
  // Best quality first, then the empty query's order (frecency, then label): each match's quality tier is
  // written at its place in that order, and one sweep over the places deals the matches out by tier (a
  // comparator sort of 5,718 matches for `b` cost several ms, a typed-array sort of integer keys ~0.8 ms).
  const n = entries.length;
  const best = 4 * scorers.length;
  const tierAt = new Uint32Array(n);
  const counts = new Uint32Array(best + 2);
  for (const i of matched) {
    const s = index.lower[i]!;
    let q = 0;
    for (const score of scorers) q += score(s);
    // 1 + (best - q): 1 for the best possible match, 0 for no match.
    const tier = 1 + best - q;
    tierAt[place[i]!] = tier;
    counts[tier]!++;
  }
  const next = new Uint32Array(best + 2);
  for (let t = 2; t < next.length; t++) next[t] = next[t - 1]! + counts[t - 1]!;
  const out: SearchResult[] = new Array(matched.length);
  for (let r = 0; r < n; r++) {
    const tier = tierAt[r]!;
    if (tier !== 0) out[next[tier]!++] = new SearchResult(entries[order[r]!]!, 1 + best - tier, index, words);
  }
  return out;
}
