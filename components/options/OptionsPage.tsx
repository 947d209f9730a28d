// The whole options page: accounts (list, filter, editor, bulk delete), import, export and settings.
// State and actions come from lib/options/model.ts; nothing here touches the browser's extension APIs.

import type { ManagedStatus } from '../../lib/background/managed';
import { t } from '../../lib/i18n';
import type { OptionsModel } from '../../lib/options/model';
import { AccountEditor } from './AccountEditor';
import { AccountList } from './AccountList';
import { ImportPanel } from './ImportPanel';
import { ManagedNotice } from './ManagedNotice';
import { NoticeBar } from './NoticeBar';
import { SettingsPanel } from './SettingsPanel';

export function OptionsPage({ model, managed }: { model: OptionsModel; managed?: ManagedStatus }) {
  const status = model.status.value;
  const editor = model.editor.value;
  const importState = model.importState.value;
  const problems = model.problems.value;

  return (
    <div class="page">
      <header class="top">
        <div class="top__inner">
          <h1 class="top__title">{t('optionsTitle')}</h1>
          <nav class="top__nav" aria-label={t('optionsSections')}>
            <a href="#accounts">{t('optionsAccounts')}</a>
            <a href="#import">{t('optionsImportExport')}</a>
            <a href="#settings">{t('optionsSettings')}</a>
          </nav>
        </div>
      </header>

      <main class="main">
        <ManagedNotice status={managed} />
        <section id="accounts" class="section" aria-labelledby="accounts-title">
          <h2 id="accounts-title" class="section__title">
            {t('optionsAccounts')}
          </h2>
          {status === 'loading' ? <p class="loading">{t('optionsLoading')}</p> : null}
          {status === 'error' ? (
            <div class="load-error" role="alert">
              <p>{t('optionsLoadFailed', model.loadError.value)}</p>
              <button type="button" class="button" onClick={() => void model.load()}>
                {t('optionsRetry')}
              </button>
            </div>
          ) : null}
          {problems.length > 0 ? (
            <details class="problems">
              <summary>{t('optionsProblems', problems.length.toLocaleString('en'))}</summary>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {status === 'ready' ? (
            <div class={`accounts-layout${editor ? ' accounts-layout--editing' : ''}`}>
              <AccountList
                accounts={model.visible.value}
                total={model.filtered.value.length}
                all={model.accounts.value.length}
                query={model.query.value}
                selected={model.selected.value}
                allSelected={model.allVisibleSelected.value}
                toolbar={
                  <button type="button" class="button button--primary" onClick={() => model.openEditor()}>
                    {t('optionsAddAccount')}
                  </button>
                }
                onQuery={model.setQuery}
                onSelect={model.toggleSelected}
                onSelectAll={model.selectAllVisible}
                onDeleteSelected={() => void model.deleteSelected()}
                onShowMore={model.showMore}
                onEdit={(key) => model.openEditor(key)}
                onDelete={(key) => void model.deleteAccounts([key])}
                onDeleteSignIn={(account, signIn) => void model.deleteSignIn(account, signIn)}
              />
              {editor ? (
                <section class="editor-panel" aria-label={t('optionsEditorRegion')}>
                  <AccountEditor
                    form={editor.form}
                    isNew={!editor.original}
                    errors={model.fieldErrors.value}
                    saving={editor.saving}
                    saveError={editor.saveError}
                    onField={model.setField}
                    onTouch={model.touch}
                    onUser={model.setUser}
                    onAddUser={model.addUser}
                    onRemoveUser={model.removeUser}
                    onRole={model.setRole}
                    onAddRole={model.addRole}
                    onRemoveRole={model.removeRole}
                    onSave={() => void model.saveEditor()}
                    onCancel={model.closeEditor}
                    confirmDiscard={Boolean(editor.confirmDiscard)}
                    onEscape={model.escapeEditor}
                    onKeepEditing={model.keepEditing}
                    onDelete={
                      editor.original ? () => void model.deleteAccounts([editor.original!.key]) : undefined
                    }
                  />
                </section>
              ) : null}
            </div>
          ) : null}
        </section>

        <section id="import" class="section" aria-labelledby="import-title">
          <h2 id="import-title" class="section__title">
            {t('optionsImportExport')}
          </h2>
          <ImportPanel
            state={importState}
            fileSettings={model.importSettings.value}
            focusSignal={model.importFocus.value}
            onFile={(file) => void model.importFile(file)}
            onText={(text) => void model.importText(text)}
            onApplySettings={model.setApplySettings}
            onConfirm={() => void model.confirmImport()}
            onCancel={model.cancelImport}
          />
          <div class="export">
            <h3 class="export__title">{t('optionsExportTitle')}</h3>
            <p>{t('optionsExportHelp')}</p>
            <button type="button" class="button" onClick={() => void model.exportAll()}>
              {t('optionsExport')}
            </button>
          </div>
        </section>

        <section id="settings" class="section" aria-labelledby="settings-title">
          <h2 id="settings-title" class="section__title">
            {t('optionsSettings')}
          </h2>
          <SettingsPanel
            settings={model.settings.value}
            status={model.settingsStatus.value}
            onChange={(patch) => void model.saveSettings(patch)}
          />
        </section>
      </main>
      <NoticeBar notice={model.notice.value} onDismiss={model.dismissNotice} />
    </div>
  );
}
