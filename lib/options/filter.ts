// The options page's filter: every word typed must appear somewhere in an account (label, alias, ID with
// or without dashes, user names, root email, tags, notes, partition). Plain substring matching is exact
// and fast enough for 10,000 accounts; the popup does the fuzzy ranking.

import { displayLabel } from '../account';
import { formatAccountId } from '../ids';
import { compareNatural } from '../natural-sort';
import type { Account } from '../schema';
import { signInSearchText } from '../sign-in-kinds';

export function haystack(account: Account): string {
  return [
    account.label,
    account.alias,
    account.accountId,
    account.accountId && formatAccountId(account.accountId),
    account.partition,
    ...account.tags,
    ...account.signIns.map(signInSearchText),
    account.notes,
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

/** Accounts in the order the page lists them: by what the user calls them. */
export function sortAccounts(accounts: readonly Account[]): Account[] {
  const keyed = accounts.map((a) => ({ a, k: displayLabel(a) }));
  keyed.sort((x, y) => compareNatural(x.k, y.k) || (x.a.key < y.a.key ? -1 : 1));
  return keyed.map((x) => x.a);
}

export function filterAccounts(
  accounts: readonly Account[],
  hay: readonly string[],
  query: string,
): Account[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return accounts as Account[];
  return accounts.filter((_, i) => words.every((w) => hay[i]!.includes(w)));
}
