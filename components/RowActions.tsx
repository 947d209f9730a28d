// The active row's buttons: copy the account's sign-in URL, open the account in Signpost's settings.
import { t } from '../lib/i18n';

export interface RowActionsProps {
  label: string;
  /** Undefined when the account has no ID or alias to build a URL from. */
  onCopy?: (() => void) | undefined;
  onEdit: () => void;
}

// Buttons do not take focus on click, so the arrow keys keep working in the search box.
const keepFocus = (e: MouseEvent) => e.preventDefault();

export function RowActions({ label, onCopy, onEdit }: RowActionsProps) {
  return (
    <>
      {onCopy ? (
        <button
          type="button"
          class="icon-button"
          aria-label={t('popupCopyUrlFor', label)}
          title={t('popupCopyUrl')}
          onMouseDown={keepFocus}
          onClick={onCopy}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
              d="M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.9.9M9.5 6.5a3 3 0 0 0-4.2 0L3 8.8a3 3 0 0 0 4.2 4.2l.9-.9"
              fill="none"
              stroke="currentColor"
              stroke-width="1.5"
              stroke-linecap="round"
            />
          </svg>
        </button>
      ) : null}
      <button
        type="button"
        class="icon-button"
        aria-label={t('popupEditFor', label)}
        title={t('popupEdit')}
        onMouseDown={keepFocus}
        onClick={onEdit}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path
            d="M10.5 2.5l3 3L6 13l-3.5.5L3 10z"
            fill="none"
            stroke="currentColor"
            stroke-width="1.5"
            stroke-linejoin="round"
          />
        </svg>
      </button>
    </>
  );
}
