// What the popup shows instead of results: how accounts get here when there are none, or what to do
// when a search finds nothing.
import { t } from '../lib/i18n';

export type EmptyStateProps =
  | { kind: 'no-accounts'; onImport: () => void; onAdd: () => void }
  | { kind: 'no-match'; query: string; addable: boolean; onAdd: () => void };

export function EmptyState(props: EmptyStateProps) {
  if (props.kind === 'no-accounts') {
    return (
      <section class="empty" aria-labelledby="empty-title">
        <h1 id="empty-title" class="empty__title">
          {t('popupEmptyTitle')}
        </h1>
        <p>{t('popupEmptyLearn')}</p>
        <p>{t('popupEmptyOr')}</p>
        <div class="empty__actions">
          <button type="button" class="button button--primary" onClick={props.onImport}>
            {t('popupImport')}
          </button>
          <button type="button" class="button" onClick={props.onAdd}>
            {t('popupAddAccount')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section class="empty" aria-live="polite">
      <p class="empty__title">{t('popupNoMatch', props.query.trim())}</p>
      {props.addable ? (
        <div class="empty__actions">
          <button type="button" class="button button--primary" onClick={props.onAdd}>
            {t('popupAddTyped', props.query.trim())}
          </button>
        </div>
      ) : (
        <p>{t('popupNoMatchHint')}</p>
      )}
    </section>
  );
}
