// Accounts with a live console session, as the popup shows them: first for an empty query, so the sessions
// a person has open are a keystroke away.
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
