// One sign-in in the result list: colour mark, label, alias and account ID, user name, root or role (with
// "Identity Center" and its portal, or "switch role" and its display name), partition.
import { partitionTag, rootEmail } from '../lib/account';
import { t } from '../lib/i18n';
import { formatAccountId } from '../lib/ids';
import type { Highlights, SearchEntry } from '../lib/search';
import { portalName } from '../lib/sign-in-links';
import { Highlighted } from './Highlighted';

export interface ResultRowProps {
  entry: SearchEntry;
  highlights: Highlights;
  id: string;
  /** Position in the whole result list (0-based) and its length: only a window of rows is in the DOM. */
  position: number;
  size: number;
  top: number;
  active: boolean;
  /** False for a sign-in that cannot be opened (root in GovCloud or China, no account ID or alias). */
  routable: boolean;
  /** The account has a live console session: Enter brings its tab forward. */
  signedIn?: boolean;
  onHover: (position: number) => void;
  onChoose: (position: number, newTab: boolean) => void;
}

export function ResultRow(props: ResultRowProps) {
  const { entry, highlights: h, position, routable } = props;
  const a = entry.account;
  const id = a.accountId ? formatAccountId(a.accountId) : undefined;
  // The title is the first of label, alias, ID, root email the account has; the second line adds the rest.
  const titleField = a.label ? 'label' : a.alias ? 'alias' : id ? 'accountId' : 'email';
  const title = a.label || a.alias || id || rootEmail(a) || '';
  const showAlias = a.alias && titleField !== 'alias';
  const showId = id && titleField !== 'accountId';
  const s = entry.signIn;
  const role = s?.type === 'sso' || s?.type === 'switch' ? s.roleName : undefined;
  const who =
    entry.kind === 'iam'
      ? entry.userName!
      : entry.kind === 'root'
        ? t('popupRoot')
        : (role ?? t('popupAccountPage'));
  // What kind of role it is, and where it is reached: the portal, or the name the console shows.
  const kind =
    s?.type === 'sso' ? t('popupIdentityCenter') : s?.type === 'switch' ? t('popupSwitchRole') : undefined;
  const where =
    s?.type === 'sso'
      ? { text: portalName(s.startUrl), field: 'portal' as const }
      : s?.type === 'switch' && s.displayName
        ? { text: s.displayName, field: 'display' as const }
        : undefined;
  const colour = (s?.type === 'switch' && s.colour) || a.colour;
  // Why a row cannot be opened: root outside the standard partition, or no ID or alias to sign in by.
  const unroutable = routable
    ? undefined
    : t(entry.kind === 'root' ? 'popupRootUnavailableShort' : 'popupNoAccountNameShort');
  const partition = partitionTag(a.partition);
  const name = [
    title,
    showAlias && a.alias,
    showId && id,
    who,
    kind,
    where?.text,
    entry.kind === 'root' && titleField !== 'email' && entry.email,
    partition,
    unroutable,
    props.signedIn && t('popupSignedIn'),
  ]
    .filter(Boolean)
    .join(', ');

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: keys go through the search box (aria-activedescendant).
    <div
      id={props.id}
      role="option"
      tabIndex={-1}
      class={`row${props.active ? ' row--active' : ''}${routable ? '' : ' row--disabled'}`}
      aria-selected={props.active}
      aria-disabled={routable ? undefined : true}
      aria-setsize={props.size}
      aria-posinset={position + 1}
      aria-label={name}
      style={{ top: `${props.top}px` }}
      onMouseMove={() => props.active || props.onHover(position)}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => props.onChoose(position, e.ctrlKey || e.metaKey)}
      onAuxClick={(e) => e.button === 1 && props.onChoose(position, true)}
    >
      <span class="row__mark" style={colour ? { background: colour } : undefined} aria-hidden="true" />
      <span class="row__line">
        <span class="row__title">
          <Highlighted text={title} ranges={h[titleField]} />
        </span>
        <span class={`row__who row__who--${entry.kind}`}>
          {entry.kind === 'iam' ? (
            <Highlighted text={who} ranges={h.user} />
          ) : role ? (
            <Highlighted text={who} ranges={h.role} />
          ) : (
            who
          )}
        </span>
      </span>
      <span class="row__line row__line--sub">
        {showAlias ? (
          <span class="row__alias">
            <Highlighted text={a.alias!} ranges={h.alias} />
          </span>
        ) : null}
        {showId ? (
          <span class="row__id">
            <Highlighted text={id} ranges={h.accountId} />
          </span>
        ) : null}
        {entry.kind === 'root' && titleField !== 'email' ? (
          <span class="row__email">
            <Highlighted text={entry.email!} ranges={h.email} />
          </span>
        ) : null}
        {kind ? <span class={`row__kind row__kind--${entry.kind}`}>{kind}</span> : null}
        {where ? (
          <span class={`row__${where.field}`}>
            <Highlighted text={where.text} ranges={h[where.field]} />
          </span>
        ) : null}
        {unroutable ? <span class="row__warn">{unroutable}</span> : null}
        {a.tags.length > 0 ? (
          <span class="row__tags">
            <Highlighted text={a.tags.join(' ')} ranges={h.tags} />
          </span>
        ) : null}
        {props.signedIn ? <span class="row__badge row__badge--signed-in">{t('popupSignedIn')}</span> : null}
        {partition ? <span class="row__badge">{partition}</span> : null}
      </span>
    </div>
  );
}
