// Reads a CSV file with a header row: account (ID or alias), alias, label, user (several with `;`),
// email (the root user), tags (`;` or spaces), and optionally partition, region, colour, notes, landing.
import Papa from 'papaparse';
import { partitionName } from '../account';
import type { AccountDraftInput, SignInDraft } from '../draft';
import { supportsRoot } from '../hosts';
import { t } from '../i18n';
import { PARTITIONS, type Partition, parseAccountRef } from '../ids';
import { checkDraft } from './check-draft';
import { type CsvField, csvField, csvHeaderInfo } from './csv-header';
import type { ImportParse, ImportRejection, ImportRow } from './types';

type Cells = Partial<Record<CsvField, string>>;

function list(cell: string | undefined, separator: RegExp): string[] {
  return (cell ?? '').split(separator).filter(Boolean);
}

function uniqueUsers(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
}

type RowResult = { ok: true; draft: AccountDraftInput; notes: string[] } | { ok: false; reason: string };

function toDraft(cells: Cells): RowResult {
  const draft: AccountDraftInput = {};
  const notes: string[] = [];
  if (cells.account) {
    const ref = parseAccountRef(cells.account);
    if (!ref) return { ok: false, reason: t('importCsvBadAccount', cells.account) };
    if ('accountId' in ref) draft.accountId = ref.accountId;
    else if (cells.alias && cells.alias.toLowerCase() !== ref.alias) {
      return { ok: false, reason: t('importCsvTwoAliases', ref.alias, cells.alias) };
    } else draft.alias = ref.alias;
  }
  if (cells.alias) draft.alias = cells.alias;
  const partition = (cells.partition?.toLowerCase() || 'aws') as Partition;
  if (!PARTITIONS.includes(partition)) return { ok: false, reason: t('importBadPartition') };
  draft.partition = partition;
  if (cells.label) draft.label = cells.label;
  if (cells.region) draft.region = cells.region;
  if (cells.colour) draft.colour = cells.colour;
  if (cells.notes) draft.notes = cells.notes;
  if (cells.landingPath) draft.landingPath = cells.landingPath;
  const tags = list(cells.tags, /[;,\s]+/);
  if (tags.length) draft.tags = tags;
  const signIns: SignInDraft[] = uniqueUsers(list(cells.user, /[;\s]+/)).map((userName) => ({
    type: 'iam',
    userName,
  }));
  if (cells.email && supportsRoot(partition)) signIns.push({ type: 'root', email: cells.email });
  else if (cells.email) notes.push(t('importRootDropped', cells.email, partitionName(partition)));
  if (signIns.length) draft.signIns = signIns;
  if (!draft.accountId && !draft.alias && !signIns.some((s) => s.type === 'root')) {
    return { ok: false, reason: t('importNoAccount') };
  }
  return { ok: true, draft, notes };
}

/** Counts lines as Papa Parse walks the rows, so each row knows the line it starts on. */
function lineCounter(text: string) {
  let offset = 0;
  let line = 1;
  return (to: number) => {
    for (; offset < to && offset < text.length; offset++) if (text.charCodeAt(offset) === 10) line++;
    return line;
  };
}

export function parseCsv(input: string): ImportParse {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const header = csvHeaderInfo(firstLine);
  if (!header) return { format: 'csv', rows: [], rejected: [], error: t('importCsvNoHeader') };
  const rows: ImportRow[] = [];
  const rejected: ImportRejection[] = [];
  const warnings: string[] = [];
  const lineAt = lineCounter(text);
  let columns: (CsvField | undefined)[] | undefined;
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter: header.delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const line = lineAt(rowStart);
      rowStart = result.meta.cursor;
      const cellsRaw = result.data.map((c) => c.trim());
      if (!columns) {
        columns = cellsRaw.map(csvField);
        const ignored = cellsRaw.filter((h, i) => h && !columns![i]);
        if (ignored.length) warnings.push(t('importCsvIgnoredColumns', ignored.join(', ')));
        return;
      }
      if (cellsRaw.every((c) => c === '')) return;
      if (result.errors.some((e) => e.type === 'Quotes')) {
        rejected.push({ line, reason: t('importCsvQuotes') });
        return;
      }
      const cells: Cells = {};
      columns.forEach((field, i) => {
        const value = cellsRaw[i];
        if (field && value && !cells[field]) cells[field] = value;
      });
      const mapped = toDraft(cells);
      if (!mapped.ok) {
        rejected.push({ line, reason: mapped.reason });
        return;
      }
      const checked = checkDraft(mapped.draft);
      if (!checked.ok) rejected.push({ line, reason: checked.reason });
      else
        rows.push(
          mapped.notes.length
            ? { line, draft: checked.draft, notes: mapped.notes }
            : { line, draft: checked.draft },
        );
    },
  });
  const parse: ImportParse = { format: 'csv', rows, rejected };
  if (warnings.length) parse.warnings = warnings;
  return parse;
}
