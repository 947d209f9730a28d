// Reads an AWS CLI config file (`~/.aws/config`): one account per account ID named by a profile's
// `sso_account_id` or `role_arn`, labelled with the profile name. An Identity Center profile (`sso_session`
// or a legacy `sso_start_url`, with `sso_role_name`) becomes an Identity Center sign-in, a `role_arn`
// profile a switch-role sign-in. Keys that hold secrets are never read, and a credentials file pasted by
// mistake imports nothing.

import type { AccountDraftInput, SignInDraft } from '../draft';
import { t } from '../i18n';
import type { Partition } from '../ids';
import { parseRoleArn, parseStartUrl } from '../targets';
import { checkDraft } from './check-draft';
import { type IniSection, iniSections, isCredentialsFile, isSecretKey } from './ini-sections';
import { mergeRows } from './merge-rows';
import type { ImportParse, ImportRejection, ImportRow } from './types';

const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role\/\S+$/;
/** Sections of the config file that are not profiles. */
const NOT_PROFILES = /^(sso-session|services|plugins|preview|cli)\b/;

export function partitionOfRegion(region: string | undefined): Partition {
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

/** `[sso-session NAME]` sections by name: where `sso_session = NAME` finds its start URL. */
function ssoSessions(sections: readonly IniSection[]): Map<string, IniSection> {
  const sessions = new Map<string, IniSection>();
  for (const s of sections) {
    const m = /^sso-session (.+)$/.exec(s.name);
    if (m && !sessions.has(m[1]!)) sessions.set(m[1]!, s);
  }
  return sessions;
}

/** The profile's start URL: its sso-session's, or its own (legacy); a reason when the session is missing. */
function startUrlOf(
  name: string,
  values: Record<string, string>,
  sessions: ReadonlyMap<string, IniSection>,
): { url?: string } | { reason: string } {
  if (values.sso_session) {
    const session = sessions.get(values.sso_session);
    if (!session) return { reason: t('importProfileNoSession', name, values.sso_session) };
    const url = session.values.sso_start_url;
    return url ? { url } : { reason: t('importSessionNoStartUrl', name, values.sso_session) };
  }
  return { url: values.sso_start_url || undefined };
}

/** The Identity Center sign-in a profile names, if it names one (left for checkDraft to judge). */
function ssoSignIn(
  name: string,
  values: Record<string, string>,
  sessions: ReadonlyMap<string, IniSection>,
): { signIn?: SignInDraft; partition?: Partition } | { reason: string } {
  if (!values.sso_role_name && !values.sso_session && !values.sso_start_url) return {};
  const start = startUrlOf(name, values, sessions);
  if ('reason' in start) return start;
  if (!values.sso_role_name) return {};
  if (!start.url) return { reason: t('importProfileNoStartUrl', name) };
  const portal = parseStartUrl(start.url);
  const signIn: SignInDraft = { type: 'sso', startUrl: start.url, roleName: values.sso_role_name };
  return typeof portal === 'string' ? { signIn } : { signIn, partition: portal.partition };
}

function readProfile(name: string, section: IniSection, sessions: ReadonlyMap<string, IniSection>): Profile {
  const { values, hadSecrets } = safeValues(section);
  const region = values.region || undefined;
  if (values.role_arn && !ROLE_ARN.test(values.role_arn))
    return { ok: false, reason: t('importProfileBadArn', name) };
  const role = values.role_arn ? parseRoleArn(values.role_arn) : undefined;
  if (values.role_arn && !role) return { ok: false, reason: t('importProfileBadRole', name) };
  const sso = ssoSignIn(name, values, sessions);
  if ('reason' in sso) return { ok: false, reason: sso.reason };
  const accountId = role?.accountId ?? values.sso_account_id;
  if (!accountId) {
    return {
      ok: false,
      reason: hadSecrets ? t('importProfileKeysOnly', name) : t('importProfileNoAccount', name),
    };
  }
  const signIns: SignInDraft[] = [];
  if (role) signIns.push({ type: 'switch', roleName: role.roleName });
  // A profile with role_arn and SSO keys too: the role's account is the account; its SSO role only if the same.
  const ssoHere = sso.signIn && (!role || values.sso_account_id === role.accountId);
  if (ssoHere) signIns.push(sso.signIn!);
  const partition =
    role?.partition ??
    (ssoHere ? sso.partition : undefined) ??
    partitionOfRegion(region ?? values.sso_region);
  const draft: AccountDraftInput = { partition, accountId, label: name };
  if (region) draft.region = region;
  if (signIns.length) draft.signIns = signIns;
  return { ok: true, name, draft, hadSecrets };
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
  const rows: ImportRow[] = [];
  const sessions = ssoSessions(sections);
  for (const { name, section } of profiles) {
    const profile = readProfile(name, section, sessions);
    if (!profile.ok) {
      rejected.push({ line: section.line, reason: profile.reason });
      continue;
    }
    const checked = checkDraft(profile.draft);
    if (!checked.ok) {
      rejected.push({ line: section.line, reason: t('importProfileInvalid', name, checked.reason) });
      continue;
    }
    const row: ImportRow = { line: section.line, draft: checked.draft, fillOnly: ['label', 'region'] };
    if (profile.hadSecrets) row.notes = [t('importProfileKeysIgnored', name)];
    rows.push(row);
  }
  return { format, rows: mergeRows(rows), rejected };
}
