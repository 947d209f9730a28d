// Import: choose a file or paste text, see the preview, confirm. A file that cannot be read changes
// nothing and says why.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ImportState } from '../../lib/options/model';
import type { Settings } from '../../lib/schema';
import { ImportPreview } from './ImportPreview';

export interface ImportPanelProps {
  state: ImportState;
  fileSettings?: Settings | undefined;
  /** Changes when the page is opened at #import, to bring the panel into view. */
  focusSignal: number;
  onFile: (file: File) => void;
  onText: (text: string) => void;
  onApplySettings: (on: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

function size(bytes: number): string {
  if (bytes < 1024) return t('sizeBytes', bytes);
  if (bytes < 1024 * 1024) return t('sizeKb', (bytes / 1024).toFixed(0));
  return t('sizeMb', (bytes / 1024 / 1024).toFixed(1));
}

export function ImportPanel(props: ImportPanelProps) {
  const { state } = props;
  const [pasted, setPasted] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = state.stage === 'reading' || state.stage === 'importing';

  useEffect(() => {
    if (props.focusSignal > 0) {
      fileInput.current?.scrollIntoView?.({ block: 'center' });
      fileInput.current?.focus();
    }
  }, [props.focusSignal]);

  return (
    <div class="import">
      <p>{t('importIntro')}</p>
      <ul class="import__formats">
        <li>{t('importFormatSignpostHelp')}</li>
        <li>{t('importFormatOrganizationsHelp')}</li>
        <li>{t('importFormatConfigHelp')}</li>
        <li>{t('importFormatAesrHelp')}</li>
        <li>{t('importFormatCsvHelp')}</li>
      </ul>
      <div class="import__inputs">
        <div class="field">
          <label class="field__label" for="import-file">
            {t('importFile')}
          </label>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            // No accept filter: ~/.aws/config and ~/.aws/credentials have no extension to match.
            class="import__file"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              // Clear the box so choosing the same file again reads it again.
              e.currentTarget.value = '';
              if (file) props.onFile(file);
            }}
          />
        </div>
        <details class="import__paste">
          <summary>{t('importPasteSummary')}</summary>
          <div class="field">
            <label class="field__label" for="import-text">
              {t('importPasteLabel')}
            </label>
            <textarea
              id="import-text"
              class="field__input field__input--multiline import__text"
              rows={8}
              spellcheck={false}
              value={pasted}
              onInput={(e) => setPasted(e.currentTarget.value)}
            />
          </div>
          <button
            type="button"
            class="button"
            disabled={busy || pasted.trim() === ''}
            onClick={() => props.onText(pasted)}
          >
            {t('importPasteRead')}
          </button>
        </details>
      </div>

      <div class="import__status" aria-live="polite">
        {state.stage === 'reading' ? (
          <p class="progress">
            <progress aria-label={t('importReadingShort')} />
            {t('importReading', state.name, size(state.size))}
          </p>
        ) : null}
        {state.stage === 'importing' ? (
          <p class="progress">
            <progress aria-label={t('importImportingShort')} />
            {t('importImporting', state.count.toLocaleString('en'))}
          </p>
        ) : null}
        {state.stage === 'done' ? (
          <p class="import__done">
            {t(
              'importDone',
              state.result.added.toLocaleString('en'),
              state.result.updated.toLocaleString('en'),
              state.result.unchanged.toLocaleString('en'),
            )}
            {state.settingsApplied ? ` ${t('importSettingsApplied')}` : ''}
          </p>
        ) : null}
      </div>
      {state.stage === 'failed' ? (
        <div class="import__failed" role="alert">
          <p class="import__failed-title">{t('importNothingChanged', state.name)}</p>
          <p>{state.error}</p>
        </div>
      ) : null}
      {state.stage === 'preview' ? (
        <ImportPreview
          name={state.name}
          format={state.parse.format}
          plan={state.plan}
          warnings={state.parse.warnings ?? []}
          fileSettings={props.fileSettings}
          applySettings={state.applySettings}
          onApplySettings={props.onApplySettings}
          onConfirm={props.onConfirm}
          onCancel={props.onCancel}
        />
      ) : null}
    </div>
  );
}
