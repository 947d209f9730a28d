// Reads a Signpost export (lib/export.ts writes it): every record comes back as it was, key, timestamps
// and frecency included, so export → import loses nothing.
import { t } from '../i18n';
import { settingsSchema } from '../schema';
import { checkDraft } from './check-draft';
import { arrayElementLines } from './json-lines';
import type { ImportParse, ImportRejection, ImportRow } from './types';

export const SIGNPOST_FORMAT = 'signpost';
export const SIGNPOST_VERSION = 2;
/** Versions this reader knows: 1 (IAM users and root) and 2 (adds Identity Center and switch-role sign-ins). */
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

function fail(error: string): ImportParse {
  return { format: 'signpost', rows: [], rejected: [], error };
}

export function parseSignpost(text: string, json: unknown = JSON.parse(text)): ImportParse {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return fail(t('importSignpostDamaged'));
  const file = json as Record<string, unknown>;
  if (file.format !== SIGNPOST_FORMAT) return fail(t('importSignpostDamaged'));
  if (typeof file.version === 'number' && file.version > SIGNPOST_VERSION) {
    return fail(t('importSignpostNewer', file.version));
  }
  if (file.version !== undefined && !READABLE_VERSIONS.includes(file.version)) {
    return fail(t('importSignpostVersion', JSON.stringify(file.version).slice(0, 20)));
  }
  if (file.version === undefined || !Array.isArray(file.accounts)) return fail(t('importSignpostDamaged'));
  const lines = arrayElementLines(text, 'accounts');
  const rows: ImportRow[] = [];
  const rejected: ImportRejection[] = [];
  file.accounts.forEach((entry: unknown, i) => {
    const line = lines[i] ?? 1;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      rejected.push({ line, reason: t('importNotAnAccount') });
      return;
    }
    const checked = checkDraft(entry);
    if (checked.ok) rows.push({ line, draft: checked.draft });
    else rejected.push({ line, reason: checked.reason });
  });
  const parse: ImportParse = { format: 'signpost', rows, rejected };
  if (file.settings !== undefined) {
    const settings = settingsSchema.safeParse(file.settings);
    if (settings.success) parse.settings = settings.data;
    else parse.warnings = [t('importSettingsIgnored')];
  }
  return parse;
}
