// What the organization's account directory (deployed by policy) did: how many accounts it holds, or in
// plain words why it was not applied. Nothing shows when there is no policy.
import type { ManagedStatus } from '../../lib/background/managed';
import { t } from '../../lib/i18n';

export function ManagedNotice({ status }: { status: ManagedStatus | undefined }) {
  if (status?.error) {
    return (
      <p class="managed-notice managed-notice--error" role="alert">
        {status.error}
      </p>
    );
  }
  if (!status?.accounts) return null;
  return <p class="managed-notice">{t('managedSummary', status.accounts)}</p>;
}
