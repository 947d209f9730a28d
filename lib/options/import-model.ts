// The options page's import: read a file or pasted text (size checked first), parse and plan it for the
// preview, then write it in one accounts.import message, with the file's settings if the person chose them.
import { computed, signal } from '@preact/signals';
import { t } from '../i18n';
import { parseImport } from '../import/parse';
import { type ImportPlan, planImport } from '../import/plan';
import { checkImportSize } from '../import/size';
import type { ImportParse } from '../import/types';
import type { Responses } from '../messages';
import type { Settings } from '../schema';
import { message, type OptionsCore } from './core';

export interface TextSource {
  name: string;
  size: number;
  text(): Promise<string>;
}

export type ImportState =
  | { stage: 'idle' }
  | { stage: 'reading'; name: string; size: number }
  | { stage: 'failed'; name: string; error: string }
  | { stage: 'preview'; name: string; parse: ImportParse; plan: ImportPlan; applySettings: boolean }
  | { stage: 'importing'; name: string; count: number }
  | { stage: 'done'; name: string; result: Responses['accounts.import']; settingsApplied: boolean };

export const IMPORT_MEASURE = 'Signpost import: parse and plan';
export const IMPORT_WRITE_MEASURE = 'Signpost import: write (one accounts.import message)';

function sameSettings(a: Settings, b: Settings): boolean {
  return (
    a.learn === b.learn && a.autoNextRoot === b.autoNextRoot && a.fillRememberedUser === b.fillRememberedUser
  );
}

export function createImportModel(
  { send, now, accounts, settings, load }: OptionsCore,
  nextPaint: () => Promise<void>,
) {
  const importState = signal<ImportState>({ stage: 'idle' });
  /** Bumped to ask the page to bring the import section into view (`#import`). */
  const importFocus = signal(0);

  async function readImport(name: string, read: () => Promise<string> | string, size: number) {
    const tooLarge = checkImportSize(size);
    importState.value = tooLarge
      ? { stage: 'failed', name, error: tooLarge }
      : { stage: 'reading', name, size };
    if (tooLarge) return;
    await nextPaint();
    let text: string;
    try {
      text = await read();
    } catch (error) {
      importState.value = { stage: 'failed', name, error: t('importReadFailed', message(error)) };
      return;
    }
    const started = performance.now();
    const parse = parseImport(text);
    if (parse.error) {
      importState.value = { stage: 'failed', name, error: parse.error };
      return;
    }
    const plan = planImport(accounts.value, parse, now());
    // Visible in DevTools' performance panel (and read by the e2e test that times a 10,000-account file).
    performance.measure?.(IMPORT_MEASURE, { start: started, end: performance.now() });
    importState.value = { stage: 'preview', name, parse, plan, applySettings: false };
  }

  function importFile(file: TextSource): Promise<void> {
    return readImport(file.name, () => file.text(), file.size);
  }

  function importText(text: string): Promise<void> {
    return readImport(t('importPastedName'), () => text, text.length);
  }

  /** Settings carried by the file that differ from the current ones, if any. */
  const importSettings = computed(() => {
    const state = importState.value;
    if (state.stage !== 'preview' || !state.parse.settings) return undefined;
    return sameSettings(state.parse.settings, settings.value) ? undefined : state.parse.settings;
  });

  function setApplySettings(on: boolean) {
    const state = importState.value;
    if (state.stage === 'preview') importState.value = { ...state, applySettings: on };
  }

  function cancelImport() {
    importState.value = { stage: 'idle' };
  }

  async function confirmImport() {
    const state = importState.value;
    if (state.stage !== 'preview') return;
    const drafts = state.plan.drafts;
    const fileSettings = state.applySettings ? importSettings.value : undefined;
    importState.value = { stage: 'importing', name: state.name, count: drafts.length };
    try {
      const started = performance.now();
      const result = await send({ type: 'accounts.import', accounts: drafts });
      performance.measure?.(IMPORT_WRITE_MEASURE, { start: started, end: performance.now() });
      if (fileSettings) {
        const saved = await send({ type: 'settings.save', settings: fileSettings });
        settings.value = saved.settings;
      }
      await load();
      importState.value = { stage: 'done', name: state.name, result, settingsApplied: Boolean(fileSettings) };
    } catch (error) {
      importState.value = {
        stage: 'failed',
        name: state.name,
        error: t('importWriteFailed', message(error)),
      };
    }
  }

  return {
    importState,
    importFocus,
    importSettings,
    importFile,
    importText,
    setApplySettings,
    cancelImport,
    confirmImport,
  };
}
