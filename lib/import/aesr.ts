// Reads the configuration text of aws-extend-switch-roles (AESR), so its users move over in one step.
// The rules follow AESR's own parser (tilfinltd/aesr-config):
// - `[profile name]` or `[name]` sections; `;` and `#` start comments.
// - A target names its role with `role_arn`, or with `aws_account_id` + `role_name` (never both).
// - A section that some target names with `source_profile` is a base: the account the person signs in to.
//   Its `target_role_name` is the role of its targets that give none, its `target_region` their region.
//   A section with an account and no role, named by nobody, is read as a base too.
// - `aws_account_id` may be an account alias (AESR allows it); `color` is 6 hex digits without `#`.
// Targets become switch-role sign-ins (the section name is the display name, as AESR shows it) on the
// account they name; a base becomes an account with its ID or alias and no sign-in, because a person
// signs in to it (with an IAM user, root, Identity Center…) rather than switching to it.
import type { AccountDraftInput, SignInDraft } from '../draft';
import { t } from '../i18n';
import { isAccountId, isAlias, normaliseAccountId, normaliseAlias, type Partition } from '../ids';
import { parseRoleArn } from '../targets';
import { partitionOfRegion } from './aws-config';
import { checkDraft } from './check-draft';
import { type IniSection, iniSections } from './ini-sections';
import { mergeRows } from './merge-rows';
import type { ImportParse, ImportRejection, ImportRow } from './types';

/** Keys AESR reads; any other key is reported as ignored. */
const KNOWN = new Set([
  'role_arn',
  'aws_account_id',
  'aws_account_alias',
  'role_name',
  'source_profile',
  'target_role_name',
  'target_region',
  'color',
  'region',
]);

interface Profile {
  name: string;
  line: number;
  values: Record<string, string>;
}

/** The account a profile names: `role_arn`'s, or `aws_account_id` (an ID or an alias). */
type Named =
  | { ok: true; partition: Partition; ref: { accountId: string } | { alias: string }; roleName?: string }
  | { ok: false; reason: string };

function named(p: Profile): Named {
  const { role_arn: arn, aws_account_id: account, role_name: role } = p.values;
  if (arn) {
    if (account || role) return { ok: false, reason: t('importAesrArnAndId', p.name) };
    const parsed = parseRoleArn(arn);
    if (!parsed) return { ok: false, reason: t('importProfileBadArn', p.name) };
    return {
      ok: true,
      partition: parsed.partition,
      ref: { accountId: parsed.accountId },
      roleName: parsed.roleName,
    };
  }
  if (!account) return { ok: false, reason: t('importAesrNoAccount', p.name) };
  const id = normaliseAccountId(account);
  const alias = normaliseAlias(account);
  const ref = isAccountId(id) ? { accountId: id } : isAlias(alias) ? { alias } : undefined;
  if (!ref) return { ok: false, reason: t('importAesrBadAccount', p.name, account) };
  return { ok: true, partition: partitionOfRegion(p.values.region), ref, roleName: role || undefined };
}

/** The name cut to the 64 UTF-16 units the console's display name takes, never through a surrogate pair. */
function consoleName(name: string): string {
  const cut = name.slice(0, 64);
  return /[\uD800-\uDBFF]$/.test(cut) && name.length > 64 ? cut.slice(0, -1) : cut;
}

function ignoredKeys(p: Profile, extra: readonly string[] = []): string[] {
  return Object.keys(p.values).filter((k) => !KNOWN.has(k) || extra.includes(k));
}

type Read = { ok: true; draft: AccountDraftInput; notes: string[] } | { ok: false; reason: string };

function readBase(p: Profile): Read {
  const account = named(p);
  if (!account.ok) return account;
  const draft: AccountDraftInput = { partition: account.partition, ...account.ref, label: p.name };
  const alias = p.values.aws_account_alias;
  if (alias && 'accountId' in account.ref) draft.alias = alias;
  if (p.values.region) draft.region = p.values.region;
  const notes = [t('importAesrBase', p.name)];
  const ignored = ignoredKeys(p, ['color', 'role_name']);
  if (ignored.length) notes.push(t('importAesrIgnored', p.name, ignored.join(', ')));
  return { ok: true, draft, notes };
}

/** A target: a profile with a role of its own, or one that names a base (`base`) to take the role from. */
function readTarget(p: Profile, base: Profile | undefined): Read {
  const account = named(p);
  if (!account.ok) return account;
  const roleName = account.roleName ?? base?.values.target_role_name;
  // Only a target that names a base can lack a role: without one, a profile with no role is a base.
  if (!roleName) return { ok: false, reason: t('importAesrNoRoleFromBase', p.name, base?.name ?? '') };
  const notes: string[] = [];
  const signIn: SignInDraft = { type: 'switch', roleName, displayName: consoleName(p.name) };
  const color = p.values.color;
  if (color && /^[0-9a-f]{6}$/i.test(color)) signIn.colour = `#${color.toLowerCase()}`;
  else if (color) notes.push(t('importAesrBadColour', p.name, color));
  const region = p.values.region || base?.values.target_region;
  const draft: AccountDraftInput = {
    partition: account.partition,
    ...account.ref,
    label: p.name,
    signIns: [signIn],
  };
  if (region) draft.region = region;
  const ignored = ignoredKeys(p, ['target_role_name', 'target_region', 'aws_account_alias']);
  if (ignored.length) notes.push(t('importAesrIgnored', p.name, ignored.join(', ')));
  return { ok: true, draft, notes };
}

function profilesOf(sections: readonly IniSection[]): Profile[] {
  return sections.map((s) => ({
    name: s.name.replace(/^profile\s+/i, '').trim(),
    line: s.line,
    values: s.values,
  }));
}

export function parseAesr(text: string): ImportParse {
  const profiles = profilesOf(iniSections(text));
  if (profiles.length === 0)
    return { format: 'aesr', rows: [], rejected: [], error: t('importConfigNoProfiles') };
  const byName = new Map<string, Profile>();
  for (const p of profiles) if (!byName.has(p.name)) byName.set(p.name, p);
  const sources = new Set(
    profiles.flatMap((p) => (p.values.source_profile ? [p.values.source_profile] : [])),
  );

  const rejected: ImportRejection[] = [];
  const rows: ImportRow[] = [];
  for (const p of profiles) {
    const source = p.values.source_profile;
    const base = source ? byName.get(source) : undefined;
    let read: Read;
    if (source && !base) read = { ok: false, reason: t('importAesrNoSource', p.name, source) };
    else if (source) read = readTarget(p, base);
    else if (sources.has(p.name) || (!p.values.role_name && !p.values.role_arn)) read = readBase(p);
    else read = readTarget(p, undefined);
    if (!read.ok) {
      rejected.push({ line: p.line, reason: read.reason });
      continue;
    }
    const checked = checkDraft(read.draft);
    if (!checked.ok) {
      rejected.push({ line: p.line, reason: t('importProfileInvalid', p.name, checked.reason) });
      continue;
    }
    const row: ImportRow = {
      line: p.line,
      draft: checked.draft,
      fillOnly: ['label', 'region'],
    };
    if (read.notes.length) row.notes = read.notes;
    rows.push(row);
  }
  return { format: 'aesr', rows: mergeRows(rows), rejected };
}
