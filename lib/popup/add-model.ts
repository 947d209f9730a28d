// The popup's quick add view: a form pre-filled from the search, validated as the person types, saved as
// one accounts.save; on success the list shows the saved account.
import { batch, type Signal, signal } from '@preact/signals';
import { formatAccountId } from '../ids';
import type { ExtensionRequest, Send } from '../messages';
import type { Account } from '../schema';
import type { Notice } from './model';
import { isAddable, knownAccount, parseQuickAdd, type QuickAddErrors, savedText } from './quick-add';

export type View = 'list' | 'add';

/** What quick add reads and writes of the popup's state. */
export interface AddContext {
  send: Send<ExtensionRequest>;
  query: Signal<string>;
  accounts: Signal<Account[]>;
  notice: Signal<Notice | undefined>;
  setQuery: (text: string) => void;
  message: (error: unknown) => string;
}

export function createAddModel({ send, query, accounts, notice, setQuery, message }: AddContext) {
  const view = signal<View>('list');
  /** What the quick add form starts with (from the search box or a "no match" offer). */
  const addPrefill = signal('');
  const addErrors = signal<QuickAddErrors & { save?: string }>({});
  const saving = signal(false);
  /** Bumped after a save: the search box selects its text, so typing starts a new search. */
  const searchSelect = signal(0);
  /** A user name that looked like an account ID and was warned about; saving it again confirms it. */
  let warnedUserName = '';

  /** Opens quick add, pre-filled from the search only when the search names an account. */
  function openAdd(prefill = isAddable(query.value) ? query.value.trim() : '') {
    warnedUserName = '';
    batch(() => {
      addPrefill.value = prefill;
      addErrors.value = {};
      view.value = 'add';
    });
  }

  function closeAdd() {
    batch(() => {
      view.value = 'list';
      addErrors.value = {};
    });
  }

  /** Validates and saves; on success shows the saved account in the list. */
  async function quickAdd(accountText: string, userNameText: string): Promise<boolean> {
    const userName = userNameText.trim();
    const parsed = parseQuickAdd(accountText, userNameText, userName !== '' && userName === warnedUserName);
    if (!parsed.ok) {
      warnedUserName = parsed.errors.userName === 'popupAddErrorUserIsId' ? userName : '';
      addErrors.value = parsed.errors;
      return false;
    }
    const before = knownAccount(accounts.value, accountText);
    saving.value = true;
    try {
      const { account } = await send({ type: 'accounts.save', account: parsed.draft });
      const others = accounts.value.filter((a) => a.key !== account.key);
      batch(() => {
        accounts.value = [...others, account];
        view.value = 'list';
        addErrors.value = {};
        setQuery(account.accountId ? formatAccountId(account.accountId) : (account.alias ?? ''));
        notice.value = { kind: 'info', text: savedText(before, account, userName) };
        searchSelect.value++;
      });
      return true;
    } catch (error) {
      addErrors.value = { save: message(error) };
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { view, addPrefill, addErrors, saving, searchSelect, openAdd, closeAdd, quickAdd };
}
