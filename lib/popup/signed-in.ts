// Accounts with a live console session, as the popup shows them: first for an empty query, so the sessions
// a person has open are a keystroke away.
import { type SessionRef, sessionOf } from '../console-sessions';
import type { Account } from '../schema';
import type { SearchResult } from '../search';

/** For an empty query, the signed-in accounts' rows first (each group keeps its ranked order). */
export function signedInFirst(
  results: SearchResult[],
  signedIn: ReadonlySet<string>,
  query: string,
): SearchResult[] {
  if (signedIn.size === 0 || query.trim() !== '') return results;
  const first = results.filter((r) => signedIn.has(r.entry.account.key));
  return first.length === 0
    ? results
    : [...first, ...results.filter((r) => !signedIn.has(r.entry.account.key))];
}

export type ConsoleRef = SessionRef;

/**
 * Keys of the accounts with a recorded session, as the worker's signedInKeys matches them (by ID when the
 * account has one, else by alias), an account once.
 */
export function signedInKeys(
  sessions: readonly ConsoleRef[],
  accounts: readonly Pick<Account, 'key' | 'partition' | 'accountId' | 'alias'>[],
): string[] {
  if (sessions.length === 0) return [];
  const keys = new Set<string>();
  for (const s of sessions) {
    const account = accounts.find((a) => sessionOf(a, s));
    if (account) keys.add(account.key);
  }
  return [...keys];
}
