// The options page's state as signals, and its actions. The browser comes in as dependencies (messages,
// downloads), so tests drive the whole page with fakes; components only read signals and call actions.
// This module holds the account list, its selection and deletes; the editor, the settings and export, and
// the import are models of their own (editor-model.ts, settings-model.ts, import-model.ts) over one core.
import { batch, computed, signal } from '@preact/signals';
import { displayLabel } from '../account';
import { t } from '../i18n';
import type { Revision } from '../revise';
import { type Account, DEFAULT_SETTINGS, type Settings, type SignIn } from '../schema';
import { signInId, signInWho } from '../sign-in-kinds';
import { message, type Notice, type OptionsCore, type OptionsDeps } from './core';
import { createEditorModel } from './editor-model';
import { filterAccounts, haystack, sortAccounts } from './filter';
import { createImportModel } from './import-model';
import { createSettingsModel } from './settings-model';

export type { Notice, OptionsDeps } from './core';
export type { EditorState } from './editor-model';
export { IMPORT_MEASURE, IMPORT_WRITE_MEASURE, type ImportState, type TextSource } from './import-model';

/** How many rows the account list shows at first, and how many more each "Show more" adds. */
export const LIST_STEP = 200;

export function createOptionsModel(deps: OptionsDeps) {
  const now = deps.now ?? Date.now;
  const nextPaint = deps.nextPaint ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

  const accounts = signal<Account[]>([]);
  const problems = signal<string[]>([]);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const loadError = signal('');
  const query = signal('');
  const limit = signal(LIST_STEP);
  const selected = signal<ReadonlySet<string>>(new Set());
  const notice = signal<Notice | undefined>(undefined);

  const sorted = computed(() => sortAccounts(accounts.value));
  const hay = computed(() => sorted.value.map(haystack));
  const filtered = computed(() => filterAccounts(sorted.value, hay.value, query.value));
  const visible = computed(() => filtered.value.slice(0, limit.value));
  const allVisibleSelected = computed(
    () => filtered.value.length > 0 && filtered.value.every((a) => selected.value.has(a.key)),
  );

  async function load(): Promise<void> {
    try {
      const list = await deps.send({ type: 'accounts.list' });
      batch(() => {
        accounts.value = list.accounts;
        problems.value = list.problems;
        settings.value = list.settings;
        status.value = 'ready';
        const keys = new Set(list.accounts.map((a) => a.key));
        if ([...selected.value].some((k) => !keys.has(k))) {
          selected.value = new Set([...selected.value].filter((k) => keys.has(k)));
        }
      });
    } catch (error) {
      batch(() => {
        status.value = 'error';
        loadError.value = message(error);
      });
    }
  }

  const core: OptionsCore = { send: deps.send, now, accounts, settings, notice, load };
  const edit = createEditorModel(core);
  const { editor, openEditor } = edit;
  const imports = createImportModel(core, nextPaint);

  function setQuery(value: string) {
    batch(() => {
      query.value = value;
      limit.value = LIST_STEP;
    });
  }

  function showMore() {
    limit.value += LIST_STEP;
  }

  function toggleSelected(key: string, on: boolean) {
    const next = new Set(selected.value);
    if (on) next.add(key);
    else next.delete(key);
    selected.value = next;
  }

  function selectAllVisible(on: boolean) {
    selected.value = on ? new Set(filtered.value.map((a) => a.key)) : new Set();
  }

  /** Undo: takes back exactly what the background reported it changed, onto the accounts as they are now. */
  async function restore(revisions: Revision[], restoredText: string) {
    try {
      await deps.send({ type: 'accounts.revert', revisions });
      await load();
      notice.value = { kind: 'info', text: restoredText };
    } catch (error) {
      notice.value = { kind: 'error', text: t('optionsUndoFailed', message(error)) };
    }
  }

  async function deleteAccounts(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      const { deleted, revisions } = await deps.send({ type: 'accounts.delete', keys: [...keys] });
      if (editor.value?.original && keys.includes(editor.value.original.key)) editor.value = undefined;
      await load();
      const one = deleted.length === 1;
      notice.value = {
        kind: 'info',
        text: one
          ? t('optionsDeletedOne', displayLabel(deleted[0]!))
          : t('optionsDeletedMany', deleted.length.toLocaleString('en')),
        undo: () =>
          restore(
            revisions,
            one
              ? t('optionsRestoredOne', displayLabel(deleted[0]!))
              : t('optionsRestored', deleted.length.toLocaleString('en')),
          ),
      };
    } catch (error) {
      notice.value = { kind: 'error', text: t('optionsDeleteFailed', message(error)) };
    }
  }

  function deleteSelected(): Promise<void> {
    return deleteAccounts([...selected.value]);
  }

  async function deleteSignIn(account: Account, signIn: SignIn) {
    try {
      const { revisions } = await deps.send({
        type: 'signins.delete',
        key: account.key,
        signIns: [signInId(signIn)],
      });
      await load();
      const who = signIn.type === 'root' ? t('optionsRootUser') : signInWho(signIn);
      notice.value = {
        kind: 'info',
        text: t('optionsSignInDeleted', who, displayLabel(account)),
        undo: () => restore(revisions, t('optionsSignInRestored', who)),
      };
    } catch (error) {
      notice.value = { kind: 'error', text: t('optionsDeleteFailed', message(error)) };
    }
  }

  /** Acts on the page's address fragment: `#account=<key>` opens that account, `#import` the import. */
  function openFromHash(hash: string) {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    const key = params.get('account');
    if (key) openEditor(key);
    else if (params.has('new')) openEditor();
    else if (params.has('import')) imports.importFocus.value++;
  }

  return {
    ...edit,
    ...createSettingsModel(core, deps.download),
    ...imports,
    accounts,
    problems,
    settings,
    status,
    loadError,
    query,
    limit,
    selected,
    notice,
    filtered,
    visible,
    allVisibleSelected,
    load,
    setQuery,
    showMore,
    toggleSelected,
    selectAllVisible,
    deleteAccounts,
    deleteSelected,
    deleteSignIn,
    openFromHash,
    dismissNotice: () => {
      notice.value = undefined;
    },
  };
}

export type OptionsModel = ReturnType<typeof createOptionsModel>;
