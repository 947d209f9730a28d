// The rule for accounts an organization deploys by policy (`managed`): the person may use them (their
// sign-ins' use counts change) and colour them, but not edit or delete them. Only the managed-directory
// import writes anything else to them.
import { displayLabel } from './account';
import { t } from './i18n';
import type { Account } from './schema';

/** The account without what the person may change on a managed one. */
function essence(account: Account): string {
  const { colour: _c, updatedAt: _u, managed: _m, ...rest } = account;
  const signIns = rest.signIns.map(({ uses: _n, lastUsed: _l, ...s }) => s);
  return JSON.stringify({ ...rest, signIns });
}

/** Why writing `after` over `before` (undefined: deleting it) is refused, or undefined when it may go on. */
export function managedRefusal(before: Account | undefined, after: Account | undefined): string | undefined {
  if (!before?.managed) return undefined;
  if (!after) return t('managedNoDelete', displayLabel(before));
  return essence(before) === essence(after) ? undefined : t('managedNoEdit', displayLabel(before));
}
