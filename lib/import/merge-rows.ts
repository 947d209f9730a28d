// Profiles of one account are one account: AWS config and aws-extend-switch-roles files often name several
// roles in the same account. Folds such rows into the first, labelled by the first named profile
// (`default` only when nothing else names it), with the first region given and every sign-in once.
import { t } from '../i18n';
import { signInId } from '../sign-in-kinds';
import type { ImportRow } from './types';

function accountOf(row: ImportRow): string {
  const { partition, accountId, alias } = row.draft;
  return accountId ? `${partition}:${accountId}` : `${partition}:alias:${alias ?? ''}`;
}

export function mergeRows(rows: readonly ImportRow[]): ImportRow[] {
  const groups = new Map<string, { row: ImportRow; names: string[]; notes: string[] }>();
  for (const row of rows) {
    const id = accountOf(row);
    const name = row.draft.label ?? '';
    const group = groups.get(id);
    if (!group) {
      groups.set(id, {
        row: { ...row, draft: { ...row.draft } },
        names: [name],
        notes: [...(row.notes ?? [])],
      });
      continue;
    }
    const { draft } = group.row;
    group.names.push(name);
    group.notes.push(...(row.notes ?? []));
    group.row.lines = [...(group.row.lines ?? []), row.line];
    if (draft.label === 'default' && name !== 'default') draft.label = name;
    draft.region ??= row.draft.region;
    draft.alias ??= row.draft.alias;
    const known = new Set((draft.signIns ?? []).map(signInId));
    const added = (row.draft.signIns ?? []).filter((s) => !known.has(signInId(s)) && known.add(signInId(s)));
    if (added.length) draft.signIns = [...(draft.signIns ?? []), ...added];
  }
  return [...groups.values()].map(({ row, names, notes }) => {
    if (names.length > 1) notes.unshift(t('importProfilesMerged', names.join(', '), row.draft.label ?? ''));
    const { notes: _, ...rest } = row;
    return notes.length ? { ...rest, notes } : rest;
  });
}
