// The accounts Signpost knows, filtered by the search box, a page at a time, with bulk selection.
import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';
import type { Account } from '../../lib/schema';
import { AccountRow, type AccountRowProps } from './AccountRow';

export interface AccountListProps {
  accounts: readonly Account[];
  /** How many match the filter (the list shows the first `accounts.length`). */
  total: number;
  all: number;
  query: string;
  selected: ReadonlySet<string>;
  allSelected: boolean;
  toolbar?: ComponentChildren;
  onQuery: (query: string) => void;
  onSelect: (key: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  onDeleteSelected: () => void;
  onShowMore: () => void;
  onEdit: (key: string) => void;
  onDelete: (key: string) => void;
  onDeleteSignIn: (account: Account, signIn: Parameters<AccountRowProps['onDeleteSignIn']>[0]) => void;
}

export function AccountList(props: AccountListProps) {
  const { accounts, total, all, selected } = props;
  const count = selected.size;
  return (
    <div class="list">
      <div class="list__toolbar">
        <input
          type="search"
          class="field__input list__search"
          value={props.query}
          placeholder={t('optionsFilterPlaceholder')}
          aria-label={t('optionsFilter')}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
        />
        {props.toolbar}
      </div>
      {/* With no accounts there is nothing to select or delete: only the count and the empty message show. */}
      <div class="list__bulk">
        {all > 0 ? (
          <>
            <label class="check">
              <input
                type="checkbox"
                checked={props.allSelected}
                disabled={total === 0}
                onChange={(e) => props.onSelectAll(e.currentTarget.checked)}
              />
              {props.query ? t('optionsSelectAllShown', total.toLocaleString('en')) : t('optionsSelectAll')}
            </label>
            <button
              type="button"
              class="button button--danger"
              disabled={count === 0}
              onClick={props.onDeleteSelected}
            >
              {t('optionsDeleteSelected', count.toLocaleString('en'))}
            </button>
          </>
        ) : null}
        <span class="list__count" role="status">
          {props.query
            ? t('optionsMatching', total.toLocaleString('en'), all.toLocaleString('en'))
            : all === 1
              ? t('optionsCountOne')
              : t('optionsCount', all.toLocaleString('en'))}
        </span>
      </div>
      {total === 0 ? (
        <p class="list__empty">{all === 0 ? t('optionsEmpty') : t('optionsNoMatch', props.query)}</p>
      ) : (
        <ul class="accounts" aria-label={t('optionsAccounts')}>
          {accounts.map((account) => (
            <AccountRow
              key={account.key}
              account={account}
              selected={selected.has(account.key)}
              onSelect={(on) => props.onSelect(account.key, on)}
              onEdit={() => props.onEdit(account.key)}
              onDelete={() => props.onDelete(account.key)}
              onDeleteSignIn={(s) => props.onDeleteSignIn(account, s)}
            />
          ))}
        </ul>
      )}
      {accounts.length < total ? (
        <button type="button" class="button list__more" onClick={props.onShowMore}>
          {t('optionsShowMore', accounts.length.toLocaleString('en'), total.toLocaleString('en'))}
        </button>
      ) : null}
    </div>
  );
}
