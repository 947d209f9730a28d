// Says in a few words what an import would change on an account, for the preview's "updated" list.
import { type MessageKey, t } from '../i18n';
import type { Account } from '../schema';
import { addedRoles } from './role-words';

function userNames(account: Account): string[] {
  return account.signIns.flatMap((s) => (s.type === 'iam' ? [s.userName] : []));
}

function rootOf(account: Account): string | undefined {
  return account.signIns.find((s) => s.type === 'root')?.email;
}

const FIELDS = {
  label: 'optionsFieldLabel',
  accountId: 'optionsFieldAccountId',
  alias: 'optionsFieldAlias',
  colour: 'optionsColour',
  region: 'optionsFieldRegion',
  landingPath: 'optionsFieldLanding',
  notes: 'optionsFieldNotes',
} as const satisfies Record<string, MessageKey>;

export function describeChanges(before: Account, after: Account): string[] {
  const out: string[] = [];
  for (const [field, name] of Object.entries(FIELDS) as [keyof typeof FIELDS, MessageKey][]) {
    const a = before[field];
    const b = after[field];
    if (a === b) continue;
    if (field === 'notes') out.push(t('changeNotes'));
    else if (a === undefined) out.push(t('changeSet', t(name), b ?? ''));
    else out.push(t('changeFromTo', t(name), a, b ?? '—'));
  }
  const known = new Set(userNames(before).map((u) => u.toLowerCase()));
  const added = userNames(after).filter((u) => !known.has(u.toLowerCase()));
  if (added.length) out.push(t('changeAddsUsers', added.join(', ')));
  for (const role of addedRoles(before.signIns, after.signIns)) out.push(t('changeAddsRole', role));
  const root = rootOf(after);
  const oldRoot = rootOf(before);
  if (root && root !== oldRoot) out.push(t('changeRoot', root));
  // Every sign-in the change takes away is said, never only what it adds.
  const kept = new Set(userNames(after).map((u) => u.toLowerCase()));
  const removed = userNames(before).filter((u) => !kept.has(u.toLowerCase()));
  if (removed.length) out.push(t('changeRemovesUsers', removed.join(', ')));
  if (oldRoot && oldRoot.toLowerCase() !== root?.toLowerCase()) out.push(t('changeRemovesRoot', oldRoot));
  const tags = after.tags.filter((tag) => !before.tags.includes(tag));
  if (tags.length) out.push(t('changeAddsTags', tags.join(', ')));
  const frecencyOnly = out.length === 0 && JSON.stringify(before.signIns) !== JSON.stringify(after.signIns);
  if (frecencyOnly) out.push(t('changeUsage'));
  return out;
}
