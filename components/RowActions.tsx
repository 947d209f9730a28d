// The active row's buttons: copy the account's sign-in URL (a role's own link on a role's row), open the account in Signpost's settings; for a
// signed-in account, what Enter does there and a button that signs in again all the same.
import { t } from '../lib/i18n';
import { IconButton } from './IconButton';

export interface RowActionsProps {
  label: string;
  /** The role an Identity Center or switch-role row names: the copy button copies its link. */
  role?: string | undefined;
  /** Undefined when the account has no ID or alias to build a URL from. */
  onCopy?: (() => void) | undefined;
  onEdit: () => void;
  /** Set when the account has a live console session: signs in again (Shift+Enter). */
  onSignInAgain?: (() => void) | undefined;
}

const LINK =
  'M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.9.9M9.5 6.5a3 3 0 0 0-4.2 0L3 8.8a3 3 0 0 0 4.2 4.2l.9-.9';
const PENCIL = 'M10.5 2.5l3 3L6 13l-3.5.5L3 10z';
const ENTER = 'M13 3v5a2 2 0 0 1-2 2H4M6.5 7.5L4 10l2.5 2.5';

// Buttons do not take focus on click, so the arrow keys keep working in the search box.
export function RowActions({ label, role, onCopy, onEdit, onSignInAgain }: RowActionsProps) {
  return (
    <>
      {onSignInAgain ? (
        <>
          <span class="row-actions__hint">{t('popupSignedInHint')}</span>
          <IconButton
            label={t('popupSignInAgainFor', label)}
            title={t('popupSignInAgain')}
            path={ENTER}
            onClick={onSignInAgain}
            keepFocus
          />
        </>
      ) : null}
      {onCopy ? (
        <IconButton
          label={role ? t('popupCopyRoleLinkFor', role, label) : t('popupCopyUrlFor', label)}
          title={role ? t('popupCopyRoleLink') : t('popupCopyUrl')}
          path={LINK}
          onClick={onCopy}
          keepFocus
        />
      ) : null}
      <IconButton
        label={t('popupEditFor', label)}
        title={t('popupEdit')}
        path={PENCIL}
        onClick={onEdit}
        keepFocus
      />
    </>
  );
}
