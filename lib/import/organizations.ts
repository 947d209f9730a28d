// Reads `aws organizations list-accounts` output: one account per entry, labelled with its name, with the
// root email as a root sign-in where the partition has console root sign-in.

import { partitionName } from '../account';
import type { AccountDraftInput } from '../draft';
import { supportsRoot } from '../hosts';
import { t } from '../i18n';
import type { Partition } from '../ids';
import { checkDraft } from './check-draft';
import { arrayElementLines } from './json-lines';
import type { ImportParse, ImportRejection, ImportRow } from './types';

const ARN_PARTITION = /^arn:(aws|aws-us-gov|aws-cn):/;
/** Statuses of accounts that are closed or closing; nobody signs in to those. */
const GONE = new Set(['SUSPENDED', 'PENDING_CLOSURE', 'CLOSED']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function parseOrganizations(source: string, json: unknown = JSON.parse(source)): ImportParse {
  const list = Array.isArray(json) ? json : (json as { Accounts?: unknown } | null)?.Accounts;
  if (!Array.isArray(list)) {
    return { format: 'organizations', rows: [], rejected: [], error: t('importJsonUnknown') };
  }
  const lines = arrayElementLines(source, Array.isArray(json) ? undefined : 'Accounts');
  const rows: ImportRow[] = [];
  const rejected: ImportRejection[] = [];
  list.forEach((entry: unknown, i) => {
    const line = lines[i] ?? 1;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      rejected.push({ line, reason: t('importNotAnAccount') });
      return;
    }
    const account = entry as Record<string, unknown>;
    const id = text(account.Id);
    if (!id) {
      rejected.push({ line, reason: t('importOrgNoId') });
      return;
    }
    const status = text(account.State) ?? text(account.Status);
    if (status && GONE.has(status.toUpperCase())) {
      rejected.push({ line, reason: t('importOrgClosed', id, status) });
      return;
    }
    const arn = text(account.Arn);
    const partition = (arn && ARN_PARTITION.exec(arn)?.[1]) as Partition | undefined;
    if (arn && !partition) {
      rejected.push({ line, reason: t('importOrgBadArn', arn) });
      return;
    }
    const inPartition: Partition = partition ?? 'aws';
    const draft: AccountDraftInput = { partition: inPartition, accountId: id };
    const label = text(account.Name);
    if (label) draft.label = label;
    const email = text(account.Email);
    const notes: string[] = [];
    if (email && supportsRoot(inPartition)) draft.signIns = [{ type: 'root', email }];
    else if (email) notes.push(t('importRootDropped', email, partitionName(inPartition)));
    const checked = checkDraft(draft);
    if (!checked.ok) rejected.push({ line, reason: checked.reason });
    else rows.push({ line, draft: checked.draft, fillOnly: ['label'], ...(notes.length ? { notes } : {}) });
  });
  return { format: 'organizations', rows, rejected };
}
