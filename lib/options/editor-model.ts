// The options page's account editor: the form's state as signals, its field messages, and Save (an edit
// carries the record as the editor opened it, so only the fields changed here are written).
import { computed, signal } from '@preact/signals';
import { displayLabel } from '../account';
import { t } from '../i18n';
import type { AccountDraft } from '../messages';
import type { Account } from '../schema';
import { message, type OptionsCore } from './core';
import {
  type AccountForm,
  emptyForm,
  type FieldId,
  formFromAccount,
  type TextField,
  validateForm,
} from './form';
import { emptyRole, type RoleField, type RoleForm } from './role-form';

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
export function createEditorModel({ send, accounts, notice, load }: OptionsCore) {
  const editor = signal<EditorState | undefined>(undefined);
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

  /** Removes the box (or row of boxes) `prefix:index`; messages are keyed by position, so later marks shift. */
  function removeAt(prefix: 'user' | 'role', index: number, change: (form: AccountForm) => AccountForm) {
    const state = editor.value;
    if (!state) return;
    const touched = new Set<FieldId>();
    const at = new RegExp(`^${prefix}:(\\d+)(.*)$`);
    for (const field of state.touched) {
      const m = at.exec(field);
      if (!m) touched.add(field);
      else if (Number(m[1]) < index) touched.add(field);
      else if (Number(m[1]) > index) touched.add(`${prefix}:${Number(m[1]) - 1}${m[2]}` as FieldId);
    }
    editor.value = { ...state, touched, form: change(state.form) };
  }

  function removeUser(index: number) {
    removeAt('user', index, (form) => ({ ...form, users: form.users.filter((_, i) => i !== index) }));
  }

  function setRole(index: number, field: RoleField, value: string) {
    updateForm((form) => ({
      ...form,
      roles: form.roles.map((r, i) => (i === index ? { ...r, [field]: value } : r)),
    }));
  }

  function addRole(type: RoleForm['type']) {
    updateForm((form) => ({ ...form, roles: [...form.roles, emptyRole(type)] }));
  }

  function removeRole(index: number) {
    removeAt('role', index, (form) => ({ ...form, roles: form.roles.filter((_, i) => i !== index) }));
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
      const saved = await send({
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

  return {
    editor,
    fieldErrors,
    openEditor,
    closeEditor,
    escapeEditor,
    keepEditing,
    setField,
    touch,
    setUser,
    addUser,
    removeUser,
    setRole,
    addRole,
    removeRole,
    saveEditor,
  };
}
