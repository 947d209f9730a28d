// Adds an account from what the user pastes: an account ID, alias, sign-in URL or console URL, and
// optionally an IAM user name. Validation messages come from the model; this only collects the input.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '../lib/i18n';

export interface QuickAddProps {
  initialAccount: string;
  /** The label of the saved account the account box names, if any: the form then adds a user to it. */
  knownLabel: (account: string) => string | undefined;
  errors: { account?: MessageKey | undefined; userName?: MessageKey | undefined; save?: string | undefined };
  saving: boolean;
  onSubmit: (account: string, userName: string) => void;
  onCancel: () => void;
}

export function QuickAdd({ initialAccount, knownLabel, errors, saving, onSubmit, onCancel }: QuickAddProps) {
  const [account, setAccount] = useState(initialAccount);
  const [userName, setUserName] = useState('');
  // A field's message is hidden once the user edits that field, until the next submit.
  const [edited, setEdited] = useState({ account: false, userName: false });
  const accountBox = useRef<HTMLInputElement>(null);
  const userBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (initialAccount ? userBox : accountBox).current?.focus();
  }, []);
  useEffect(() => {
    setEdited({ account: false, userName: false });
    if (errors.account) accountBox.current?.focus();
    else if (errors.userName) userBox.current?.focus();
  }, [errors]);

  const accountError = !edited.account && errors.account ? t(errors.account) : undefined;
  const userError = !edited.userName && errors.userName ? t(errors.userName) : undefined;
  // The title says what Save will do: add a user to an account already saved, or add a new account.
  const known = knownLabel(account);

  return (
    <form
      class="add"
      aria-labelledby="add-title"
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(account, userName);
      }}
    >
      <h1 id="add-title" class="add__title">
        {known ? t('popupAddUserTitle', known) : t('popupAddTitle')}
      </h1>
      <label class="field">
        <span class="field__label">{t('popupAddAccountLabel')}</span>
        <input
          ref={accountBox}
          class="field__input"
          value={account}
          placeholder="1234-5678-9012"
          autocomplete="off"
          spellcheck={false}
          aria-invalid={accountError ? true : undefined}
          aria-describedby={accountError ? 'add-account-error' : 'add-account-hint'}
          onInput={(e) => {
            setAccount(e.currentTarget.value);
            setEdited((s) => ({ ...s, account: true }));
          }}
        />
        {accountError ? (
          <span id="add-account-error" class="field__error">
            {accountError}
          </span>
        ) : (
          <span id="add-account-hint" class="field__hint">
            {t('popupAddAccountHint')}
          </span>
        )}
      </label>
      <label class="field">
        <span class="field__label">{t('popupAddUserLabel')}</span>
        <input
          ref={userBox}
          class="field__input"
          value={userName}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={userError ? true : undefined}
          aria-describedby={userError ? 'add-user-error' : undefined}
          onInput={(e) => {
            setUserName(e.currentTarget.value);
            setEdited((s) => ({ ...s, userName: true }));
          }}
        />
        {userError ? (
          <span id="add-user-error" class="field__error">
            {userError}
          </span>
        ) : null}
      </label>
      {errors.save ? (
        <p class="field__error" role="alert">
          {errors.save}
        </p>
      ) : null}
      <div class="add__actions">
        <button type="submit" class="button button--primary" disabled={saving}>
          {t('popupAddSave')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('popupCancel')}
        </button>
      </div>
    </form>
  );
}
