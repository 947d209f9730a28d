// The address-bar entry point: `aws prod ali` suggests the best sign-ins (same ranking as the popup) and
// Enter routes the chosen one, in the current tab or a new one as the browser's disposition says. For an
// account with a live console session the suggestion says "signed in": Enter brings its console tab forward
// and Alt+Enter (a new tab) signs in anyway — the address bar has no Shift+Enter of its own.
import { displayLabel } from './account';
import { t } from './i18n';
import { formatAccountId } from './ids';
import type { SignInTarget } from './messages';
import { xmlCharacters } from './safe-text';
import { type Field, type Highlights, rank, type SearchEntry, type SearchIndex } from './search';
import { portalName } from './sign-in-links';

export interface Suggestion {
  content: string;
  description: string;
}

export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

export interface Choice {
  key: string;
  target: SignInTarget;
}

/**
 * Escapes markup, and drops what XML 1.0 forbids: Chromium parses all suggestions as one document, so one
 * control character or lone surrogate in one label would blank every suggestion.
 */
function escapeXml(s: string): string {
  return xmlCharacters(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Wraps the matched ranges of `text` in <match> (Chrome's omnibox markup). */
function marked(text: string, ranges: number[] | undefined, markup: boolean): string {
  if (!markup) return xmlCharacters(text);
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

/** Written with parentheses, which no IAM user name may hold, so no user can be mistaken for root. */
export const ROOT_CONTENT = '(root)';
/** After the account of a switch role: two words, where a user's content has at most one partition. */
export const SWITCH_CONTENT = '(switch role)';

function who(entry: SearchEntry): string {
  const s = entry.signIn;
  if (s?.type === 'sso' || s?.type === 'switch') return s.roleName;
  return entry.kind === 'iam' ? entry.userName! : entry.kind === 'root' ? ROOT_CONTENT : '';
}

/**
 * What the address bar shows for a suggestion, and what Enter gives back: `user @ account`, with
 * `(partition)` outside the standard one; an Identity Center role adds `via <portal>`, a switch role
 * `(switch role)`. Unique by construction, so Enter routes to the sign-in picked: the account is its alias
 * or its raw 12-digit ID (an alias may be spelled like a dashed ID, never like 12 digits) or the root email
 * (aliases and IDs hold no @); user names, role names, accounts and portals hold no spaces, so the words
 * after the account tell the kinds apart, and the portal tells one permission set's portals apart.
 */
export function contentOf(entry: SearchEntry): string {
  const a = entry.account;
  const s = entry.signIn;
  const rootEmail = a.signIns.find((x) => x.type === 'root')?.email;
  const account = a.alias ?? a.accountId ?? rootEmail ?? a.key;
  const user = who(entry);
  const partition = a.partition === 'aws' ? '' : ` (${a.partition})`;
  const kind =
    s?.type === 'sso' ? ` via ${portalName(s.startUrl)}` : s?.type === 'switch' ? ` ${SWITCH_CONTENT}` : '';
  // A NUL would cut the suggestion short; what XML forbids is dropped here too.
  return xmlCharacters(`${user ? `${user} @ ` : ''}${account}${partition}${kind}`);
}

/**
 * One line per sign-in: label, user (or root), then alias and ID, matched characters marked. Chrome
 * renders XML markup; Firefox shows text as is, so `markup` is off there.
 */
export function describe(entry: SearchEntry, highlights: Highlights, markup: boolean): string {
  const a = entry.account;
  const s = entry.signIn;
  const h = (field: Field) => highlights[field];
  const label = a.label ? marked(a.label, h('label'), markup) : '';
  const user =
    s?.type === 'sso' || s?.type === 'switch'
      ? `${marked(s.roleName, h('role'), markup)} · ${t(s.type === 'sso' ? 'popupIdentityCenter' : 'popupSwitchRole')}`
      : entry.kind === 'iam'
        ? marked(entry.userName!, h('user'), markup)
        : entry.kind === 'root'
          ? 'root'
          : '';
  const ids = [
    a.alias ? marked(a.alias, h('alias'), markup) : '',
    a.accountId ? marked(formatAccountId(a.accountId), h('accountId'), markup) : '',
    entry.kind === 'root' && entry.email ? marked(entry.email, h('email'), markup) : '',
    s?.type === 'sso' ? marked(portalName(s.startUrl), h('portal'), markup) : '',
    s?.type === 'switch' && s.displayName ? marked(s.displayName, h('display'), markup) : '',
    a.partition !== 'aws' ? a.partition : '',
  ].filter(Boolean);
  const head = [label || (markup ? escapeXml(displayLabel(a)) : xmlCharacters(displayLabel(a))), user]
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
  const s = entry.signIn;
  const target: SignInTarget =
    s?.type === 'iam'
      ? { type: 'iam', userName: s.userName }
      : s?.type === 'sso'
        ? { type: 'sso', startUrl: s.startUrl, roleName: s.roleName }
        : s?.type === 'switch'
          ? { type: 'switch', roleName: s.roleName }
          : { type: s ? 'root' : 'account' };
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
