// The one entry point for reading an import: detects the format and hands the text to its parser.
// Never throws: whatever the text, the answer is rows, rejections, or an error saying why nothing can be read.
import { importedFrecency } from '../frecency';
import { t } from '../i18n';
import { parseAesr } from './aesr';
import { parseAwsConfig } from './aws-config';
import { parseCsv } from './csv';
import { detectFormat } from './detect';
import { parseOrganizations } from './organizations';
import { parseSignpost } from './signpost';
import type { ImportParse, ImportRow } from './types';

export type { ImportFormat, ImportParse, ImportRejection, ImportRow } from './types';

/** A row whose sign-ins claim no more use than MAX_USES and no use later than `now`, whatever the format. */
function capped(row: ImportRow, now: number): ImportRow {
  const signIns = row.draft.signIns;
  if (!signIns?.some((s) => s.lastUsed !== undefined || s.uses !== undefined)) return row;
  return { ...row, draft: { ...row.draft, signIns: signIns.map((s) => importedFrecency(s, now)) } };
}

/**
 * Detects the format and runs its parser, with no catch-all: parseImport adds that (tests call this alone).
 * `now` is the import's time: no imported sign-in was used after it.
 */
export function parseDetected(text: string, now = Date.now()): ImportParse {
  const parse = parseFormat(text);
  return { ...parse, rows: parse.rows.map((row) => capped(row, now)) };
}

function parseFormat(text: string): ImportParse {
  const detected = detectFormat(text);
  switch (detected.format) {
    case 'signpost':
      return parseSignpost(text, detected.json);
    case 'organizations':
      return parseOrganizations(text, detected.json);
    case 'aws-config':
    case 'aws-credentials':
      return parseAwsConfig(text);
    case 'aesr':
      return parseAesr(text);
    case 'csv':
      return parseCsv(text);
    default:
      return { format: 'unknown', rows: [], rejected: [], error: detected.error ?? t('importUnknownFormat') };
  }
}

export function parseImport(text: string, now = Date.now()): ImportParse {
  try {
    const parse = parseDetected(text, now);
    if (!parse.error && parse.rows.length === 0 && parse.rejected.length === 0) {
      return { ...parse, error: t('importNoAccounts') };
    }
    return parse;
  } catch (error) {
    // A parser bug must not turn into a half import: report it and change nothing.
    console.error('Signpost import failed', error);
    return { format: 'unknown', rows: [], rejected: [], error: t('importFailed') };
  }
}
