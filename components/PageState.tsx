// One line about the sign-in page the popup opened on, and for a page Signpost could not fill, the page
// report (shown before it is copied) with a "Copy page report" button. Props in, events out.

import type { MessageKey } from '../lib/i18n';
import { t } from '../lib/i18n';
import type { PageStatus } from '../lib/messages';
import { STATE_TEXT } from '../lib/popup/page-state';

interface Props {
  state: PageStatus | undefined;
  report: string;
  note: MessageKey | undefined;
  onCopy: () => void;
}

export function PageState({ state, report, note, onCopy }: Props) {
  if (!state) return null;
  return (
    <section class="page-state" aria-label={t('popupPageStateLabel')}>
      <p class="page-state__line">{t(STATE_TEXT[state])}</p>
      {report && (
        <details class="page-state__report">
          <summary>{t('popupPageReportShow')}</summary>
          <pre>{report}</pre>
        </details>
      )}
      {report && (
        <button type="button" class="button page-state__copy" onClick={onCopy}>
          {t('popupPageReportCopy')}
        </button>
      )}
      <p class="page-state__note" role="status">
        {note ? t(note) : ''}
      </p>
    </section>
  );
}
