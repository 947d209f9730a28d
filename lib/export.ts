// Writes everything Signpost knows as one versioned JSON document (the README documents the format);
// lib/import/signpost.ts reads it back without loss. Version 2 added Identity Center (`sso`) and switch-role
// (`switch`) sign-ins to each account's signIns; version 1 files (IAM users and root only) still import.
import type { Account, Settings } from './schema';

export const EXPORT_FORMAT = 'signpost';
export const EXPORT_VERSION = 2;

export interface SignpostExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  settings: Settings;
  accounts: Account[];
}

/** Field order of an exported account, so files diff well and read top-down. */
function ordered(account: Account): Account {
  return {
    key: account.key,
    partition: account.partition,
    accountId: account.accountId,
    alias: account.alias,
    label: account.label,
    colour: account.colour,
    tags: account.tags,
    notes: account.notes,
    region: account.region,
    landingPath: account.landingPath,
    signIns: account.signIns,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  };
}

export function exportJson(accounts: readonly Account[], settings: Settings, now = Date.now()): string {
  const document: SignpostExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    accounts: accounts.map(ordered),
  };
  // Undefined fields drop out in JSON.stringify; two-space indentation keeps one field per line.
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `signpost-export-YYYY-MM-DD.json`, in the user's local date. */
export function exportFileName(now = Date.now()): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `signpost-export-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}
