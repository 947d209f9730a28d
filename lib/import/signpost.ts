// Reads a Signpost export (lib/export.ts writes it): every record comes back as it was, key, timestamps
// and frecency included, so export → import loses nothing.
import { t } from '../i18n';
import { settingsSchema } from '../schema';
import { checkDraft } from './check-draft';
import { arrayElementLines } from './json-lines';
import type { ImportParse, ImportRejection, ImportRow } from './types';

export const SIGNPOST_FORMAT = 'signpost';
export const SIGNPOST_VERSION = 1;

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
  if (file.version !== SIGNPOST_VERSION || !Array.isArray(file.accounts)) {
    return fail(t('importSignpostDamaged'));
  }
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
