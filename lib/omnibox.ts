// The address-bar entry point: `aws prod ali` suggests the best sign-ins (same ranking as the popup) and
// Enter routes the chosen one, in the current tab or a new one as the browser's disposition says. For an
// account with a live console session the suggestion says "signed in": Enter brings its console tab forward
// and Alt+Enter (a new tab) signs in anyway — the address bar has no Shift+Enter of its own.
import { t } from './i18n';
import { formatAccountId } from './ids';
import {
  displayLabel,
  type Field,
  type Highlights,
  rank,
  type SearchEntry,
  type SearchIndex,
} from './search';

export interface Suggestion {
  content: string;
  description: string;
}

export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

export interface Choice {
  key: string;
  target: { type: 'iam'; userName: string } | { type: 'root' } | { type: 'account' };
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Wraps the matched ranges of `text` in <match> (Chrome's omnibox markup). */
function marked(text: string, ranges: number[] | undefined, markup: boolean): string {
  if (!markup) return text;
  if (!ranges?.length) return escapeXml(text);
  let out = '';
  let at = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    const from = ranges[i]!;
    const to = ranges[i + 1]!;
    out += `${escapeXml(text.slice(at, from))}<match>${escapeXml(text.slice(from, to))}</match>`;
    at = to;
  }
  return out + escapeXml(text.slice(at));
}

function who(entry: SearchEntry): string {
  return entry.kind === 'iam' ? entry.userName! : entry.kind === 'root' ? 'root' : '';
}

/** What the address bar shows for a suggestion, and what Enter gives back: `user @ account`. */
export function contentOf(entry: SearchEntry): string {
  const a = entry.account;
  const account = a.alias ?? (a.accountId ? formatAccountId(a.accountId) : (entry.email ?? a.key));
  const user = who(entry);
  return user ? `${user} @ ${account}` : account;
}

/**
 * One line per sign-in: label, user (or root), then alias and ID, matched characters marked. Chrome
 * renders XML markup; Firefox shows text as is, so `markup` is off there.
 */
export function describe(entry: SearchEntry, highlights: Highlights, markup: boolean): string {
  const a = entry.account;
  const h = (field: Field) => highlights[field];
  const label = a.label ? marked(a.label, h('label'), markup) : '';
  const user =
    entry.kind === 'iam' ? marked(entry.userName!, h('user'), markup) : entry.kind === 'root' ? 'root' : '';
  const ids = [
    a.alias ? marked(a.alias, h('alias'), markup) : '',
    a.accountId ? marked(formatAccountId(a.accountId), h('accountId'), markup) : '',
    entry.kind === 'root' && entry.email ? marked(entry.email, h('email'), markup) : '',
    a.partition !== 'aws' ? a.partition : '',
  ].filter(Boolean);
  const head = [label || (markup ? escapeXml(displayLabel(a)) : displayLabel(a)), user]
    .filter(Boolean)
    .join(' · ');
  const tail = ids.join(' · ');
  if (!tail) return head;
  return markup ? `${head} <dim>${tail}</dim>` : `${head} — ${tail}`;
}

export function suggest(
  index: SearchIndex,
  text: string,
  options: { now: number; markup: boolean; max?: number; signedIn?: ReadonlySet<string> },
) {
  return rank(index, text, options.now)
    .slice(0, options.max ?? 6)
    .map((r) => {
      const description = describe(r.entry, r.highlights, options.markup);
      if (!options.signedIn?.has(r.entry.account.key)) return { content: contentOf(r.entry), description };
      const note = t('omniboxSignedIn');
      return {
        content: contentOf(r.entry),
        description: options.markup ? `${description} <url>${note}</url>` : `${description} — ${note}`,
      };
    });
}

function choiceOf(entry: SearchEntry): Choice {
  const target =
    entry.kind === 'iam'
      ? { type: 'iam' as const, userName: entry.userName! }
      : entry.kind === 'root'
        ? { type: 'root' as const }
        : { type: 'account' as const };
  return { key: entry.account.key, target };
}

/**
 * What Enter on `text` routes to: the suggestion whose content it is, else the best match for it as a query
 * (the user typed and pressed Enter without picking). Undefined when nothing matches.
 */
export function choose(index: SearchIndex, text: string, now: number): Choice | undefined {
  const exact = index.entries.find((e) => contentOf(e) === text.trim());
  if (exact) return choiceOf(exact);
  const best = rank(index, text, now)[0];
  return best ? choiceOf(best.entry) : undefined;
}

/** Where the route opens for the browser's disposition (Alt+Enter gives a new foreground tab). */
export function placement(disposition: string): { newTab: boolean; active: boolean } {
  if (disposition === 'newForegroundTab') return { newTab: true, active: true };
  if (disposition === 'newBackgroundTab') return { newTab: true, active: false };
  return { newTab: false, active: true };
}
