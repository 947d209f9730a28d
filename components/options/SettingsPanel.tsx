// The three settings, each with a sentence on what it does. Changes save at once.
import { type MessageKey, t } from '../../lib/i18n';
import type { Settings } from '../../lib/schema';

export interface SettingsPanelProps {
  settings: Settings;
  status?: { kind: 'saving' | 'saved' | 'error'; text: string } | undefined;
  onChange: (patch: Partial<Settings>) => void;
}

const LEARN: { value: Settings['learn']; label: MessageKey; help: MessageKey }[] = [
  { value: 'always', label: 'settingsLearnAlways', help: 'settingsLearnAlwaysHelp' },
  { value: 'ask', label: 'settingsLearnAsk', help: 'settingsLearnAskHelp' },
  { value: 'never', label: 'settingsLearnNever', help: 'settingsLearnNeverHelp' },
];

export function SettingsPanel({ settings, status, onChange }: SettingsPanelProps) {
  return (
    <div class="settings">
      <fieldset class="settings__group">
        <legend class="settings__legend">{t('settingsLearn')}</legend>
        <p class="field__hint">{t('settingsLearnHelp')}</p>
        {LEARN.map((option) => (
          <label key={option.value} class="choice">
            <input
              type="radio"
              name="learn"
              value={option.value}
              checked={settings.learn === option.value}
              aria-describedby={`learn-${option.value}-help`}
              onChange={() => onChange({ learn: option.value })}
            />
            <span>
              <span class="choice__label">{t(option.label)}</span>
              <span id={`learn-${option.value}-help`} class="choice__help">
                {t(option.help)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.autoNextRoot}
          aria-describedby="auto-next-help"
          onChange={(e) => onChange({ autoNextRoot: e.currentTarget.checked })}
        />
        <span>
          <span class="choice__label">{t('settingsAutoNext')}</span>
          <span id="auto-next-help" class="choice__help">
            {t('settingsAutoNextHelp')}
          </span>
        </span>
      </label>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.fillRememberedUser}
          aria-describedby="fill-user-help"
          onChange={(e) => onChange({ fillRememberedUser: e.currentTarget.checked })}
        />
        <span>
          <span class="choice__label">{t('settingsFillUser')}</span>
          <span id="fill-user-help" class="choice__help">
            {t('settingsFillUserHelp')}
          </span>
        </span>
      </label>
      <p class={`settings__status settings__status--${status?.kind ?? 'idle'}`} role="status">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
