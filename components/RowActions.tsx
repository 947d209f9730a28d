// The active row's buttons: copy the account's sign-in URL, open the account in Signpost's settings.
import { t } from '../lib/i18n';
import { IconButton } from './IconButton';

export interface RowActionsProps {
  label: string;
  /** Undefined when the account has no ID or alias to build a URL from. */
  onCopy?: (() => void) | undefined;
  onEdit: () => void;
}

const LINK =
  'M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.9.9M9.5 6.5a3 3 0 0 0-4.2 0L3 8.8a3 3 0 0 0 4.2 4.2l.9-.9';
const PENCIL = 'M10.5 2.5l3 3L6 13l-3.5.5L3 10z';

// Buttons do not take focus on click, so the arrow keys keep working in the search box.
export function RowActions({ label, onCopy, onEdit }: RowActionsProps) {
  return (
    <>
      {onCopy ? (
        <IconButton
          label={t('popupCopyUrlFor', label)}
          title={t('popupCopyUrl')}
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
