// The page's last message (saved, deleted, exported…), with Undo when the action can be undone.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Notice } from '../../lib/options/model';

export function NoticeBar({ notice, onDismiss }: { notice?: Notice | undefined; onDismiss: () => void }) {
  const [undoing, setUndoing] = useState(false);
  return (
    <div class="notice-area" role="status" aria-live="polite">
      {notice ? (
        <div class={`notice notice--${notice.kind}`}>
          <span class="notice__text">{notice.text}</span>
          {notice.undo ? (
            <button
              type="button"
              class="button notice__undo"
              disabled={undoing}
              onClick={async () => {
                setUndoing(true);
                await notice.undo?.();
                setUndoing(false);
              }}
            >
              {t('optionsUndo')}
            </button>
          ) : null}
          <button
            type="button"
            class="button button--quiet"
            aria-label={t('optionsDismiss')}
            onClick={onDismiss}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
