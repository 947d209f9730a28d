// The form to add or edit one account: identifiers, how it looks, where it lands, and its sign-ins.
// Messages appear next to the box they are about once the user has left it (or tried to save).
import { useEffect, useRef } from 'preact/hooks';
import { partitionName } from '../../lib/account';
import { t } from '../../lib/i18n';
import { PARTITIONS } from '../../lib/ids';
import type { AccountForm, FieldId, FormErrors, TextField as TextFieldName } from '../../lib/options/form';
import type { RoleField, RoleForm } from '../../lib/options/role-form';
import { ColourPicker } from './ColourPicker';
import { KeepWhole } from './KeepWhole';
import { RolesFieldset } from './RolesFieldset';
import { TextField } from './TextField';

export interface AccountEditorProps {
  form: AccountForm;
  isNew: boolean;
  errors: FormErrors;
  saving: boolean;
  saveError?: string | undefined;
  onField: (field: TextFieldName | 'partition', value: string) => void;
  onTouch: (field: FieldId) => void;
  onUser: (index: number, value: string) => void;
  onAddUser: () => void;
  onRemoveUser: (index: number) => void;
  onRole: (index: number, field: RoleField, value: string) => void;
  onAddRole: (type: RoleForm['type']) => void;
  onRemoveRole: (index: number) => void;
  onSave: () => void;
  onCancel: () => void;
  /** Escape: closes an unchanged form, asks about a changed one, or answers that question with "keep editing". */
  onEscape: () => void;
  /** Whether the editor is asking before it discards the changes (after Escape on a changed form). */
  confirmDiscard: boolean;
  onKeepEditing: () => void;
  onDelete?: () => void;
}

export function AccountEditor(props: AccountEditorProps) {
  const { form, errors, isNew } = props;
  const first = useRef<HTMLInputElement>(null);
  const form$ = useRef<HTMLFormElement>(null);
  const newUser = useRef(false);
  const discard = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (props.confirmDiscard) discard.current?.focus();
  }, [props.confirmDiscard]);

  useEffect(() => {
    // Focus goes back to what opened the editor (its row's Edit button) when the editor closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    first.current?.focus({ preventScroll: true });
    // Scroll only when the editor's top is out of sight (a narrow window puts it above the list). Scrolling
    // whenever its bottom was pushed the Accounts heading under the sticky header.
    const top = form$.current?.getBoundingClientRect().top ?? 0;
    if (top < 0 || top > window.innerHeight - 160) form$.current?.scrollIntoView?.({ block: 'start' });
    return () => {
      if (opener?.isConnected && (!document.activeElement || document.activeElement === document.body)) {
        opener.focus();
      }
    };
  }, [form.key, isNew]);

  useEffect(() => {
    if (!newUser.current) return;
    newUser.current = false;
    const boxes = form$.current?.querySelectorAll<HTMLInputElement>('.users input');
    boxes?.[boxes.length - 1]?.focus();
  }, [form.users.length]);

  const text = (field: TextFieldName, label: string, extra: { hint?: string; placeholder?: string } = {}) => (
    <TextField
      id={`edit-${field}`}
      label={label}
      value={form[field]}
      error={errors[field]}
      {...extra}
      onInput={(v) => props.onField(field, v)}
      onBlur={() => props.onTouch(field)}
    />
  );

  return (
    <form
      ref={form$}
      class="editor"
      aria-labelledby="editor-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
        // After a failed save attempt, take the user to the first box with a problem.
        setTimeout(() => form$.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onEscape();
        }
      }}
    >
      <h3 id="editor-title" class="editor__title">
        {isNew ? t('optionsAddTitle') : t('optionsEditTitle', form.label || form.alias || form.accountId)}
      </h3>
      {/* The account ID first: it is what a person has in hand (and what Signpost needs); the label can follow. */}
      <div class="editor__pair">
        <TextField
          id="edit-accountId"
          label={t('optionsFieldAccountId')}
          value={form.accountId}
          error={errors.accountId}
          placeholder="1234-5678-9012"
          inputRef={first}
          onInput={(v) => props.onField('accountId', v)}
          onBlur={() => props.onTouch('accountId')}
        />
        {text('alias', t('optionsFieldAlias'), { placeholder: 'my-company-prod' })}
      </div>
      {text('label', t('optionsFieldLabel'), { hint: t('optionsFieldLabelHint') })}
      <div class="field">
        <label class="field__label" for="edit-partition">
          {t('optionsFieldPartition')}
        </label>
        <select
          id="edit-partition"
          class="field__input"
          value={form.partition}
          onChange={(e) => props.onField('partition', e.currentTarget.value)}
        >
          {PARTITIONS.map((p) => (
            <option key={p} value={p}>
              {partitionName(p)}
            </option>
          ))}
        </select>
      </div>

      <fieldset class="field users">
        <legend class="field__label">{t('optionsFieldUsers')}</legend>
        {form.users.length === 0 ? <p class="field__hint">{t('optionsNoUsers')}</p> : null}
        {form.users.map((user, i) => {
          const error = errors[`user:${i}`];
          const id = `edit-user-${i}`;
          return (
            <div class="users__row" key={i}>
              <input
                id={id}
                class="field__input"
                value={user}
                spellcheck={false}
                autocomplete="off"
                aria-label={t('optionsUserN', i + 1)}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onInput={(e) => props.onUser(i, e.currentTarget.value)}
                onBlur={() => props.onTouch(`user:${i}`)}
              />
              <button
                type="button"
                class="button button--quiet"
                aria-label={t('optionsRemoveUser', user || String(i + 1))}
                onClick={() => props.onRemoveUser(i)}
              >
                {t('optionsRemove')}
              </button>
              {error ? (
                <p id={`${id}-error`} class="field__error users__error">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
        <button
          type="button"
          class="button"
          onClick={() => {
            newUser.current = true;
            props.onAddUser();
          }}
        >
          {t('optionsAddUser')}
        </button>
      </fieldset>
      {text('rootEmail', t('optionsFieldRootEmail'), { hint: t('optionsFieldRootEmailHint') })}
      <RolesFieldset
        roles={form.roles}
        errors={errors}
        onRole={props.onRole}
        onTouch={props.onTouch}
        onAdd={props.onAddRole}
        onRemove={props.onRemoveRole}
      />

      <ColourPicker value={form.colour} error={errors.colour} onChange={(v) => props.onField('colour', v)} />
      {text('tags', t('optionsFieldTags'), { hint: t('optionsFieldTagsHint') })}
      <div class="editor__pair">
        {text('region', t('optionsFieldRegion'), { placeholder: 'eu-west-1' })}
        {text('landingPath', t('optionsFieldLanding'), { placeholder: '/s3' })}
      </div>
      <TextField
        id="edit-notes"
        label={t('optionsFieldNotes')}
        value={form.notes}
        error={errors.notes}
        multiline
        onInput={(v) => props.onField('notes', v)}
        onBlur={() => props.onTouch('notes')}
      />

      {errors.form || props.saveError ? (
        <p class="field__error editor__error" role="alert">
          <KeepWhole text={errors.form ?? props.saveError ?? ''} />
        </p>
      ) : null}
      {props.confirmDiscard ? (
        <div class="editor__discard" role="alert">
          <p>{t('optionsDiscardQuestion')}</p>
          <button ref={discard} type="button" class="button button--danger" onClick={props.onCancel}>
            {t('optionsDiscard')}
          </button>
          <button type="button" class="button" onClick={props.onKeepEditing}>
            {t('optionsKeepEditing')}
          </button>
        </div>
      ) : null}
      <div class="editor__actions">
        <button type="submit" class="button button--primary" disabled={props.saving}>
          {props.saving ? t('optionsSaving') : t('optionsSave')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('optionsCancel')}
        </button>
        {props.onDelete ? (
          <button type="button" class="button button--danger editor__delete" onClick={props.onDelete}>
            {t('optionsDeleteAccount')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
