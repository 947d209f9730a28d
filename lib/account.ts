// Facts about one account that several screens show or build, in one place: the name it is listed under, its
// root email, the name it signs in by, its own sign-in URL and its partition's name. Framework-free and
// zod-free, so the content script can use it too.
import { accountSignInUrl } from './hosts';
import { t } from './i18n';
import { formatAccountId, type Partition, parseAccountRef } from './ids';
import type { Account } from './schema';

/** The root user's email, if the account has a root sign-in. */
export function rootEmail(account: Pick<Account, 'signIns'>): string | undefined {
  for (const s of account.signIns) if (s.type === 'root') return s.email;
  return undefined;
}

/** The name a person gave the account, else what identifies it. */
export function displayLabel(account: Account): string {
  return (
    account.label ||
    account.alias ||
    (account.accountId ? formatAccountId(account.accountId) : '') ||
    rootEmail(account) ||
    ''
  );
}

/** The name the account signs in by: its ID (an alias can change) or, without one, its alias. */
export function signInName(account: Pick<Account, 'accountId' | 'alias'>): string | undefined {
  return account.accountId ?? account.alias;
}

/** The account's own sign-in URL (the one worth bookmarking), when it has an ID or alias. */
export function signInUrlOf(account: Account): string | undefined {
  const name = signInName(account);
  if (!name) return undefined;
  return accountSignInUrl({
    partition: account.partition,
    account: name,
    region: account.region,
    landingPath: account.landingPath,
  });
}

/**
 * What a person typed or a page shows as an account ID or alias, in one comparable form
 * (`1234-5678-9012` → `123456789012`, `Acme-Prod` → `acme-prod`), or undefined if it is neither.
 */
export function accountName(input: string | undefined): string | undefined {
  const ref = input ? parseAccountRef(input) : undefined;
  return ref && ('accountId' in ref ? ref.accountId : ref.alias);
}

/** The name people know a partition by: "AWS", "AWS GovCloud (US)", "AWS China". */
export function partitionName(partition: Partition): string {
  if (partition === 'aws-us-gov') return t('partitionGovCloud');
  if (partition === 'aws-cn') return t('partitionChina');
  return t('partitionStandard');
}

/** The short tag the popup shows beside a sign-in outside the standard partition; none for `aws`. */
export function partitionTag(partition: Partition): string | undefined {
  if (partition === 'aws-us-gov') return t('popupPartitionGov');
  if (partition === 'aws-cn') return t('popupPartitionCn');
  return undefined;
}
