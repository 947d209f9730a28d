// Tells which import format a text is, from its content alone (file names and extensions lie).
import { t } from '../i18n';
import { csvHeaderInfo } from './csv-header';
import { type IniSection, iniSections, isCredentialsFile, isIniHeader } from './ini-sections';
import { jsonErrorOffset } from './json-error';
import { lineOf } from './json-lines';
import type { ImportFormat } from './types';

export interface Detection {
  format: ImportFormat;
  /** The parsed JSON, for the JSON formats (so a 10,000-account file is parsed once). */
  json?: unknown;
  /** Why the text cannot be imported, when format is 'unknown'. */
  error?: string;
}

function firstMeaningfulLine(text: string): string | undefined {
  for (const line of text.split(/\r\n|\r|\n/, 200)) {
    const trimmed = line.trim();
    if (trimmed && !trimmed.startsWith('#') && !trimmed.startsWith(';')) return trimmed;
  }
  return undefined;
}

function jsonError(text: string): string {
  const offset = jsonErrorOffset(text);
  return offset === undefined ? t('importJsonBroken') : t('importJsonBrokenAt', lineOf(text, offset));
}

function detectJson(json: unknown): ImportFormat {
  if (Array.isArray(json)) {
    return json.length > 0 && json.every((a) => a && typeof a === 'object' && Object.hasOwn(a, 'Id'))
      ? 'organizations'
      : 'unknown';
  }
  if (!json || typeof json !== 'object') return 'unknown';
  const o = json as Record<string, unknown>;
  if (o.format === 'signpost') return 'signpost';
  if (Array.isArray(o.Accounts)) return 'organizations';
  return 'unknown';
}

/** Keys only aws-extend-switch-roles' configuration uses (the AWS CLI has none of them). */
const AESR_KEYS = [
  'aws_account_id',
  'role_name',
  'target_role_name',
  'color',
  'aws_account_alias',
  'target_region',
];

/**
 * An aws-extend-switch-roles configuration: some section uses a key only AESR reads, and nothing is
 * Identity Center's (`sso_*` keys, `[sso-session]` sections), which only the AWS CLI's config has. A CLI
 * config of `role_arn` profiles has none of AESR's keys, so it stays a CLI config.
 */
export function isAesrText(sections: readonly IniSection[]): boolean {
  const cli = sections.some(
    (s) => s.name.startsWith('sso-session ') || Object.keys(s.values).some((k) => k.startsWith('sso_')),
  );
  return !cli && sections.some((s) => AESR_KEYS.some((k) => Object.hasOwn(s.values, k)));
}

function detectIni(text: string): ImportFormat {
  const sections = iniSections(text);
  if (isCredentialsFile(sections)) return 'aws-credentials';
  return isAesrText(sections) ? 'aesr' : 'aws-config';
}

export function detectFormat(input: string): Detection {
  const text = input.replace(/^\uFEFF/, '');
  const first = firstMeaningfulLine(text);
  if (first === undefined) return { format: 'unknown', error: t('importEmpty') };
  if (first.startsWith('{') || (first.startsWith('[') && !isIniHeader(first))) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { format: 'unknown', error: jsonError(text) };
    }
    const format = detectJson(json);
    return format === 'unknown' ? { format, error: t('importJsonUnknown') } : { format, json };
  }
  if (isIniHeader(first)) return { format: detectIni(text) };
  if (csvHeaderInfo(first)) return { format: 'csv' };
  if (/[,;\t]/.test(first)) return { format: 'unknown', error: t('importCsvNoHeader') };
  return { format: 'unknown', error: t('importUnknownFormat') };
}
