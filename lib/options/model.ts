// The options page's state as signals, and its actions. The browser comes in as dependencies (messages,
// downloads), so tests drive the whole page with fakes; components only read signals and call actions.
import { batch, computed, signal } from '@preact/signals';
import { displayLabel } from '../account';
import { exportFileName, exportJson } from '../export';
import { t } from '../i18n';
import { parseImport } from '../import/parse';
import { type ImportPlan, planImport } from '../import/plan';
import { checkImportSize } from '../import/size';
import type { ImportParse } from '../import/types';
import type { AccountDraft, ExtensionRequest, Responses, Send, UserTarget } from '../messages';
import type { Revision } from '../revise';
import { type Account, DEFAULT_SETTINGS, type Settings } from '../schema';
import { filterAccounts, haystack, sortAccounts } from './filter';
import {
  type AccountForm,
  emptyForm,
  type FieldId,
  formFromAccount,
  type TextField,
  validateForm,
} from './form';

export interface OptionsDeps {
  send: Send<ExtensionRequest>;
  /** Saves `text` as a file called `fileName` (a Blob and an object URL in the page). */
  download: (fileName: string, text: string) => void;
  now?: () => number;
  /** Resolves after the page has painted, so "Reading…" shows before a long parse. */
  nextPaint?: () => Promise<void>;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** Puts back what the action removed. */
  undo?: () => Promise<void>;
}

export interface EditorState {
  form: AccountForm;
  /** The record as it was when the editor opened; undefined for a new account. */
  original?: Account;
  /** Boxes the user has left; their messages show from then on (all of them after a save attempt). */
  touched: ReadonlySet<FieldId>;
  submitted: boolean;
  saving: boolean;
  saveError?: string;
  /** Escape was pressed on a changed form: the editor asks before it throws the changes away. */
  confirmDiscard?: boolean;
}

/** Something that reads as text: a File, or a test's stand-in. */
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

/** How many rows the account list shows at first, and how many more each "Show more" adds. */
export const LIST_STEP = 200;
export const IMPORT_MEASURE = 'Signpost import: parse and plan';
export const IMPORT_WRITE_MEASURE = 'Signpost import: write (one accounts.import message)';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sameSettings(a: Settings, b: Settings): boolean {
  return (
    a.learn === b.learn && a.autoNextRoot === b.autoNextRoot && a.fillRememberedUser === b.fillRememberedUser
  );
}

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
  const settingsStatus = signal<{ kind: 'saving' | 'saved' | 'error'; text: string } | undefined>(undefined);
  const editor = signal<EditorState | undefined>(undefined);
  const importState = signal<ImportState>({ stage: 'idle' });
  /** Bumped to ask the page to bring the import section into view (`#import`). */
  const importFocus = signal(0);

  const sorted = computed(() => sortAccounts(accounts.value));
  const hay = computed(() => sorted.value.map(haystack));
  const filtered = computed(() => filterAccounts(sorted.value, hay.value, query.value));
  const visible = computed(() => filtered.value.slice(0, limit.value));
  const allVisibleSelected = computed(
    () => filtered.value.length > 0 && filtered.value.every((a) => selected.value.has(a.key)),
  );
  const validation = computed(() => (editor.value ? validateForm(editor.value.form) : undefined));
  /** The messages to show now: for boxes the user has left, or all after a save attempt. */
  const fieldErrors = computed(() => {
    const state = editor.value;
    const errors = validation.value?.errors ?? {};
    if (!state) return {};
    if (state.submitted) return errors;
    return Object.fromEntries(
      Object.entries(errors).filter(([field]) => state.touched.has(field as FieldId)),
    ) as typeof errors;
  });

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

  async function deleteSignIn(account: Account, signIn: UserTarget) {
    try {
      const { revisions } = await deps.send({
        type: 'signins.delete',
        key: account.key,
        userNames: signIn.type === 'iam' ? [signIn.userName] : [],
        root: signIn.type === 'root',
      });
      await load();
      const who = signIn.type === 'iam' ? signIn.userName : t('optionsRootUser');
      notice.value = {
        kind: 'info',
        text: t('optionsSignInDeleted', who, displayLabel(account)),
        undo: () => restore(revisions, t('optionsSignInRestored', who)),
      };
    } catch (error) {
      notice.value = { kind: 'error', text: t('optionsDeleteFailed', message(error)) };
    }
  }

  // The editor.

  function openEditor(key?: string): boolean {
    const original = key === undefined ? undefined : accounts.value.find((a) => a.key === key);
    if (key !== undefined && !original) {
      notice.value = { kind: 'error', text: t('optionsAccountGone') };
      return false;
    }
    editor.value = {
      form: original ? formFromAccount(original) : emptyForm(),
      original,
      touched: new Set(),
      submitted: false,
      saving: false,
    };
    return true;
  }

  function closeEditor() {
    editor.value = undefined;
  }

  /** Escape: an unchanged form closes; a changed one asks first, and Escape on the question keeps editing. */
  function escapeEditor() {
    const state = editor.value;
    if (!state) return;
    const opened = state.original ? formFromAccount(state.original) : emptyForm();
    if (state.confirmDiscard) editor.value = { ...state, confirmDiscard: false };
    else if (JSON.stringify(state.form) === JSON.stringify(opened)) closeEditor();
    else editor.value = { ...state, confirmDiscard: true };
  }

  function keepEditing() {
    if (editor.value) editor.value = { ...editor.value, confirmDiscard: false };
  }

  function updateForm(change: (form: AccountForm) => AccountForm) {
    const state = editor.value;
    if (!state) return;
    editor.value = { ...state, form: change(state.form), saveError: undefined };
  }

  function setField(field: TextField | 'partition', value: string) {
    updateForm((form) => ({ ...form, [field]: value }));
  }

  function touch(field: FieldId) {
    const state = editor.value;
    if (!state || state.touched.has(field)) return;
    editor.value = { ...state, touched: new Set([...state.touched, field]) };
  }

  function setUser(index: number, value: string) {
    updateForm((form) => ({ ...form, users: form.users.map((u, i) => (i === index ? value : u)) }));
  }

  function addUser() {
    updateForm((form) => ({ ...form, users: [...form.users, ''] }));
  }

  function removeUser(index: number) {
    const state = editor.value;
    if (!state) return;
    // Messages are keyed by position: shift the touched marks of the boxes after the removed one.
    const touched = new Set<FieldId>();
    for (const field of state.touched) {
      const m = /^user:(\d+)$/.exec(field);
      if (!m) touched.add(field);
      else if (Number(m[1]) < index) touched.add(field);
      else if (Number(m[1]) > index) touched.add(`user:${Number(m[1]) - 1}`);
    }
    editor.value = {
      ...state,
      touched,
      form: { ...state.form, users: state.form.users.filter((_, i) => i !== index) },
    };
  }

  /** Saves the editor; resolves true when saved. Invalid forms show every message instead. */
  async function saveEditor(): Promise<boolean> {
    const state = editor.value;
    if (!state || state.saving) return false;
    const { draft } = validateForm(state.form);
    if (!draft) {
      editor.value = { ...state, submitted: true };
      return false;
    }
    editor.value = { ...state, submitted: true, saving: true, saveError: undefined };
    try {
      // The record as the editor opened it goes along, so only the fields changed here are written.
      const saved = await deps.send({
        type: 'accounts.save',
        account: draft as AccountDraft,
        base: state.original,
      });
      editor.value = undefined;
      await load();
      const label = displayLabel(saved.account);
      notice.value = {
        kind: 'info',
        text: !state.original && saved.merged ? t('optionsMerged', label) : t('optionsSaved', label),
      };
      return true;
    } catch (error) {
      if (editor.value) editor.value = { ...editor.value, saving: false, saveError: message(error) };
      return false;
    }
  }

  // Settings.

  async function saveSettings(patch: Partial<Settings>) {
    const before = settings.value;
    const next = { ...before, ...patch };
    batch(() => {
      settings.value = next;
      settingsStatus.value = { kind: 'saving', text: t('optionsSettingsSaving') };
    });
    try {
      const saved = await deps.send({ type: 'settings.save', settings: next });
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

  // Export.

  async function exportAll() {
    try {
      const list = await deps.send({ type: 'accounts.list' });
      const at = now();
      const fileName = exportFileName(at);
      deps.download(fileName, exportJson(list.accounts, list.settings, at));
      notice.value = {
        kind: 'info',
        text: t('optionsExported', list.accounts.length.toLocaleString('en'), fileName),
      };
    } catch (error) {
      notice.value = { kind: 'error', text: t('optionsExportFailed', message(error)) };
    }
  }

  // Import.

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
      const result = await deps.send({ type: 'accounts.import', accounts: drafts });
      performance.measure?.(IMPORT_WRITE_MEASURE, { start: started, end: performance.now() });
      if (fileSettings) {
        const saved = await deps.send({ type: 'settings.save', settings: fileSettings });
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

  /** Acts on the page's address fragment: `#account=<key>` opens that account, `#import` the import. */
  function openFromHash(hash: string) {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    const key = params.get('account');
    if (key) openEditor(key);
    else if (params.has('new')) openEditor();
    else if (params.has('import')) importFocus.value++;
  }

  return {
    accounts,
    problems,
    settings,
    status,
    loadError,
    query,
    limit,
    selected,
    notice,
    settingsStatus,
    editor,
    importState,
    importFocus,
    importSettings,
    filtered,
    visible,
    allVisibleSelected,
    fieldErrors,
    load,
    setQuery,
    showMore,
    toggleSelected,
    selectAllVisible,
    deleteAccounts,
    deleteSelected,
    deleteSignIn,
    openEditor,
    closeEditor,
    escapeEditor,
    keepEditing,
    setField,
    touch,
    setUser,
    addUser,
    removeUser,
    saveEditor,
    saveSettings,
    exportAll,
    importFile,
    importText,
    setApplySettings,
    cancelImport,
    confirmImport,
    openFromHash,
    dismissNotice: () => {
      notice.value = undefined;
    },
  };
}

export type OptionsModel = ReturnType<typeof createOptionsModel>;
