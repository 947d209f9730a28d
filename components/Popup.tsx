// The whole popup: search box, results (or an empty state, or quick add) and a status line. State and
// actions come from lib/popup/model.ts; nothing here touches the browser.
import type { ComponentChildren } from 'preact';
import { displayLabel } from '../lib/account';
import { t } from '../lib/i18n';
import { canRoute, linkOf, type PopupModel, roleOf } from '../lib/popup/model';
import { isAddable, knownAccount } from '../lib/popup/quick-add';
import type { SearchResult } from '../lib/search';
import { EmptyState } from './EmptyState';
import { IconButton } from './IconButton';
import { QuickAdd } from './QuickAdd';
import { ResultCount } from './ResultCount';
import { ResultList } from './ResultList';
import { RowActions } from './RowActions';
import { SearchBox } from './SearchBox';

const LIST_ID = 'results';
const optionId = (r: SearchResult) => `result-${r.entry.index}`;
const routable = (r: SearchResult) => canRoute(r.entry);

export function Popup({ model }: { model: PopupModel }) {
  const view = model.view.value;
  const status = model.status.value;
  const notice = model.notice.value;

  if (view === 'add') {
    return (
      <div class="popup">
        <QuickAdd
          initialAccount={model.addPrefill.value}
          knownLabel={(text) => {
            const known = knownAccount(model.accounts.value, text);
            return known && displayLabel(known);
          }}
          errors={model.addErrors.value}
          saving={model.saving.value}
          onSubmit={(account, user) => void model.quickAdd(account, user)}
          onCancel={model.closeAdd}
        />
      </div>
    );
  }

  const results = model.results.value;
  const active = model.active.value;
  const activeResult = model.activeResult.value;
  const query = model.query.value;
  const noAccounts = status === 'ready' && model.accounts.value.length === 0;

  let body: ComponentChildren;
  if (status === 'error') {
    body = (
      <div class="empty" role="alert">
        <p class="empty__title">{t('popupLoadFailed')}</p>
        <p>{model.loadError.value}</p>
        <div class="empty__actions">
          <button type="button" class="button" onClick={() => void model.load()}>
            {t('popupRetry')}
          </button>
        </div>
      </div>
    );
  } else if (status === 'loading') {
    body = <p class="loading">{t('popupLoading')}</p>;
  } else if (noAccounts) {
    body = (
      <EmptyState
        kind="no-accounts"
        onImport={() => void model.openImport()}
        onAdd={() => model.openAdd('')}
      />
    );
  } else if (results.length === 0 && !model.complete.value) {
    // Only the first screen's accounts are in yet; the rest arrive within a frame or two.
    body = <p class="loading">{t('popupLoading')}</p>;
  } else if (results.length === 0) {
    body = (
      <EmptyState kind="no-match" query={query} addable={isAddable(query)} onAdd={() => model.openAdd()} />
    );
  } else {
    const entry = activeResult?.entry;
    body = (
      <ResultList
        id={LIST_ID}
        results={results}
        active={active}
        optionId={optionId}
        canRoute={routable}
        signedIn={(r) => model.signedIn.value.has(r.entry.account.key)}
        onHover={model.setActive}
        onChoose={(i, newTab) => void model.route(results[i]?.entry, newTab)}
        onPageSize={(rows) => {
          model.pageSize.value = rows;
        }}
        actions={
          entry ? (
            <RowActions
              label={displayLabel(entry.account)}
              role={roleOf(entry)}
              onCopy={linkOf(entry) ? () => void model.copyUrl(entry) : undefined}
              onEdit={() => void model.openInOptions(entry)}
              onSignInAgain={
                model.signedIn.value.has(entry.account.key)
                  ? () => void model.route(entry, false, true)
                  : undefined
              }
            />
          ) : null
        }
      />
    );
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Escape from anywhere in the popup.
    <div
      class="popup"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          model.onEscape();
        }
      }}
    >
      <header class="bar">
        <h1 class="visually-hidden">{t('extName')}</h1>
        <SearchBox
          value={query}
          listId={LIST_ID}
          activeId={activeResult ? optionId(activeResult) : undefined}
          expanded={results.length > 0}
          selectToken={model.searchSelect.value}
          onInput={model.setQuery}
          onKeyDown={(e) => {
            if (e.isComposing) return;
            if (model.key(e)) e.preventDefault();
          }}
        />
        <IconButton
          label={t('popupAddAccount')}
          title={t('popupAddAccount')}
          path="M8 3v10M3 8h10"
          onClick={() => model.openAdd()}
        />
      </header>
      <main class="body">{body}</main>
      <ResultCount count={status === 'ready' && model.complete.value ? results.length : null} query={query} />
      <footer class="status">
        <p role="status" class={`status__text${notice?.kind === 'error' ? ' status__text--error' : ''}`}>
          {notice ? ('key' in notice ? t(notice.key) : notice.text) : null}
        </p>
        {model.problems.value.length > 0 ? (
          <p class="status__text status__text--error">{t('popupProblems', model.problems.value.length)}</p>
        ) : null}
      </footer>
    </div>
  );
}
