// One account in the options list: its mark, names, tags and sign-ins, with edit and delete actions.

import { displayLabel, partitionName } from '../../lib/account';
import { t } from '../../lib/i18n';
import { formatAccountId } from '../../lib/ids';
import type { Account, SignIn } from '../../lib/schema';
import { signInId, signInWho } from '../../lib/sign-in-kinds';
import { portalName } from '../../lib/sign-in-links';

/** How the list shows one sign-in: its kind (all but IAM users), name, where it leads, its colour. */
function signInParts(s: SignIn): { kind?: string; who: string; detail?: string; colour?: string } {
  const who = signInWho(s);
  switch (s.type) {
    case 'root':
      return { kind: t('optionsRootUser'), who };
    case 'sso':
      return { kind: t('popupIdentityCenter'), who, detail: portalName(s.startUrl) };
    case 'switch':
      return { kind: t('popupSwitchRole'), who, detail: s.displayName, colour: s.colour };
    default:
      return { who };
  }
}

export interface AccountRowProps {
  account: Account;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
  onDeleteSignIn: (signIn: SignIn) => void;
}

export function AccountRow({
  account,
  selected,
  onSelect,
  onEdit,
  onDelete,
  onDeleteSignIn,
}: AccountRowProps) {
  const label = displayLabel(account);
  const ids = [account.alias, account.accountId && formatAccountId(account.accountId)].filter(Boolean);
  const partition = account.partition === 'aws' ? undefined : partitionName(account.partition);
  const titleId = `account-${account.key}`;
  return (
    <li class={`account${selected ? ' account--selected' : ''}`} aria-labelledby={titleId}>
      <input
        type="checkbox"
        class="account__select"
        checked={selected}
        aria-label={t('optionsSelect', label)}
        onChange={(e) => onSelect(e.currentTarget.checked)}
      />
      <span
        class="account__mark"
        style={account.colour ? { background: account.colour } : undefined}
        aria-hidden="true"
      />
      <div class="account__body">
        <p class="account__title">
          <span id={titleId} class="account__label">
            {label}
          </span>
          {ids.length > 0 && account.label ? <span class="account__ids">{ids.join(' · ')}</span> : null}
          {partition ? <span class="badge">{partition}</span> : null}
          {account.managed ? (
            <span class="badge badge--managed" title={t('managedBadgeTitle')}>
              {t('managedBadge')}
            </span>
          ) : null}
        </p>
        {account.tags.length > 0 ? (
          <ul class="tags" aria-label={t('optionsTags')}>
            {account.tags.map((tag) => (
              <li key={tag} class="tag">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
        {account.signIns.length > 0 ? (
          <ul class="signins" aria-label={t('optionsSignIns')}>
            {account.signIns.map((s) => {
              const { kind, who, detail, colour } = signInParts(s);
              const named = s.type === 'root' ? t('optionsRootUser') : detail ? `${who} (${detail})` : who;
              return (
                <li key={signInId(s)} class={`signin signin--${s.type}`}>
                  <span class="signin__name">
                    {colour ? (
                      <span class="signin__colour" style={{ background: colour }} aria-hidden="true" />
                    ) : null}
                    {/* Spaces between the parts, so they are read (and copied) as words. */}
                    {kind ? <span class="signin__kind">{kind}</span> : null}
                    {kind ? ' ' : null}
                    {who}
                    {detail ? ' ' : null}
                    {detail ? <span class="signin__detail">{detail}</span> : null}
                  </span>
                  {account.managed ? null : (
                    <button
                      type="button"
                      class="signin__delete"
                      aria-label={t('optionsDeleteSignIn', named, label)}
                      title={t('optionsDeleteSignIn', named, label)}
                      onClick={() => onDeleteSignIn(s)}
                    >
                      ×
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="account__empty">{t('optionsNoSignIns')}</p>
        )}
      </div>
      <div class="account__actions">
        <button type="button" class="button" aria-label={t('optionsEditNamed', label)} onClick={onEdit}>
          {t('optionsEdit')}
        </button>
        {/* The organization's accounts are deleted by its policy, not here (lib/managed-guard.ts). */}
        {account.managed ? null : (
          <button
            type="button"
            class="button button--quiet"
            aria-label={t('optionsDeleteNamed', label)}
            onClick={onDelete}
          >
            {t('optionsDelete')}
          </button>
        )}
      </div>
    </li>
  );
}
