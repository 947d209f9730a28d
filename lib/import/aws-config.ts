// Reads an AWS CLI config file (`~/.aws/config`): one account per account ID named by a profile's
// `sso_account_id` or `role_arn`, labelled with the profile name. Keys that hold secrets are never read,
// and a credentials file pasted by mistake imports nothing.

import type { AccountDraftInput } from '../draft';
import { t } from '../i18n';
import type { Partition } from '../ids';
import { checkDraft } from './check-draft';
import { type IniSection, iniSections, isCredentialsFile, isSecretKey } from './ini-sections';
import type { ImportParse, ImportRejection, ImportRow } from './types';

const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role\/\S+$/;
/** Sections of the config file that are not profiles. */
const NOT_PROFILES = /^(sso-session|services|plugins|preview|cli)\b/;

function partitionOfRegion(region: string | undefined): Partition {
  if (region?.startsWith('us-gov-')) return 'aws-us-gov';
  if (region?.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

function profileName(section: IniSection): string | undefined {
  if (section.name === 'default') return 'default';
  if (section.name.startsWith('profile ')) return section.name.slice('profile '.length).trim() || undefined;
  if (NOT_PROFILES.test(section.name)) return undefined;
  // A bare [name] is how the credentials file names profiles; the CLI's config ignores it, Signpost reads it.
  return section.name || undefined;
}

/** The section's settings with every secret-bearing key dropped unread. */
function safeValues(section: IniSection): { values: Record<string, string>; hadSecrets: boolean } {
  const values: Record<string, string> = Object.create(null);
  let hadSecrets = false;
  for (const [key, value] of Object.entries(section.values)) {
    if (isSecretKey(key)) hadSecrets = true;
    else values[key] = value;
  }
  return { values, hadSecrets };
}

type Profile =
  | { ok: true; name: string; draft: AccountDraftInput; hadSecrets: boolean }
  | { ok: false; reason: string };

function readProfile(name: string, section: IniSection): Profile {
  const { values, hadSecrets } = safeValues(section);
  const region = values.region || undefined;
  const arn = values.role_arn ? ROLE_ARN.exec(values.role_arn) : undefined;
  if (values.role_arn && !arn) return { ok: false, reason: t('importProfileBadArn', name) };
  const accountId = values.sso_account_id || arn?.[2];
  if (!accountId) {
    return {
      ok: false,
      reason: hadSecrets ? t('importProfileKeysOnly', name) : t('importProfileNoAccount', name),
    };
  }
  const partition = (arn?.[1] as Partition | undefined) ?? partitionOfRegion(region ?? values.sso_region);
  const draft: AccountDraftInput = { partition, accountId, label: name };
  if (region) draft.region = region;
  return { ok: true, name, draft, hadSecrets };
}

interface Group {
  row: ImportRow;
  names: string[];
  notes: string[];
}

export function parseAwsConfig(text: string): ImportParse {
  const sections = iniSections(text);
  const profiles = sections.flatMap((s) => {
    const name = profileName(s);
    return name ? [{ name, section: s }] : [];
  });
  const credentialsFile = isCredentialsFile(sections);
  const format = credentialsFile ? 'aws-credentials' : 'aws-config';
  if (credentialsFile) {
    return {
      format,
      rows: [],
      rejected: profiles.map(({ section }) => ({ line: section.line, reason: t('importCredentialsFile') })),
    };
  }
  if (profiles.length === 0) return { format, rows: [], rejected: [], error: t('importConfigNoProfiles') };

  const rejected: ImportRejection[] = [];
  const groups = new Map<string, Group>();
  for (const { name, section } of profiles) {
    const profile = readProfile(name, section);
    if (!profile.ok) {
      rejected.push({ line: section.line, reason: profile.reason });
      continue;
    }
    const checked = checkDraft(profile.draft);
    if (!checked.ok) {
      rejected.push({ line: section.line, reason: t('importProfileInvalid', name, checked.reason) });
      continue;
    }
    const draft = checked.draft;
    const id = `${draft.partition}:${draft.accountId}`;
    const group = groups.get(id) ?? { row: { line: section.line, draft }, names: [], notes: [] };
    if (profile.hadSecrets) group.notes.push(t('importProfileKeysIgnored', name));
    if (!groups.has(id)) {
      groups.set(id, { ...group, row: { ...group.row, fillOnly: ['label', 'region'] }, names: [name] });
      continue;
    }
    // Several profiles (roles) in one account are one account: the first named profile labels it,
    // `default` only when nothing else does; the first region given is kept.
    group.names.push(name);
    group.row.lines = [...(group.row.lines ?? []), section.line];
    if (group.row.draft.label === 'default' && name !== 'default') group.row.draft.label = name;
    group.row.draft.region ??= draft.region;
  }
  const rows = [...groups.values()].map(({ row, names, notes }) => {
    if (names.length > 1) notes.unshift(t('importProfilesMerged', names.join(', '), row.draft.label ?? ''));
    return notes.length ? { ...row, notes } : row;
  });
  return { format, rows, rejected };
}
