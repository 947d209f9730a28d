// The options page's settings and export: saving a setting (shown at once, put back if the save fails) and
// downloading every account as a Signpost file.
import { batch, signal } from '@preact/signals';
import { exportFileName, exportJson } from '../export';
import { t } from '../i18n';
import type { Settings } from '../schema';
import { message, type OptionsCore } from './core';

export function createSettingsModel(
  { send, now, settings, notice }: OptionsCore,
  download: (fileName: string, text: string) => void,
) {
  const settingsStatus = signal<{ kind: 'saving' | 'saved' | 'error'; text: string } | undefined>(undefined);

  async function saveSettings(patch: Partial<Settings>) {
    const before = settings.value;
    const next = { ...before, ...patch };
    batch(() => {
      settings.value = next;
      settingsStatus.value = { kind: 'saving', text: t('optionsSettingsSaving') };
    });
    try {
      const saved = await send({ type: 'settings.save', settings: next });
      batch(() => {
        settings.value = saved.settings;
        settingsStatus.value = { kind: 'saved', text: t('optionsSettingsSaved') };
      });
    } catch (error) {
      batch(() => {
        settings.value = before;
        settingsStatus.value = { kind: 'error', text: t('optionsSettingsFailed', message(error)) };
      });
    }
  }

  async function exportAll() {
    try {
      const list = await send({ type: 'accounts.list' });
      const at = now();
      const fileName = exportFileName(at);
      download(fileName, exportJson(list.accounts, list.settings, at));
      notice.value = {
        kind: 'info',
        text: t('optionsExported', list.accounts.length.toLocaleString('en'), fileName),
      };
    } catch (error) {
      notice.value = { kind: 'error', text: t('optionsExportFailed', message(error)) };
    }
  }

  return { settingsStatus, saveSettings, exportAll };
}
