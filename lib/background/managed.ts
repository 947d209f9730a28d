// The organization's account directory: a Signpost export an administrator deploys by policy into
// storage.managed (key `directory`). It goes through the same parser and merge plan as a file import, is
// written with every account marked `managed`, and a value that cannot be read whole changes nothing: the
// reason is kept in storage.local for the options page.
import { t } from '../i18n';
import { parseImport } from '../import/parse';
import { planImport } from '../import/plan';
import type { Account } from '../schema';

/** Where the last outcome is kept for the options page. */
export const MANAGED_STATUS_KEY = 'managedStatus';

export interface ManagedStatus {
  /** Accounts the policy holds now (0 when there is none). */
  accounts: number;
  /** Why the policy value was not applied; absent when it was (or there is none). */
  error?: string;
}

export interface ManagedDeps {
  /** storage.managed.get(); rejects where the browser has no managed storage for Signpost. */
  readManaged(): Promise<Record<string, unknown>>;
  list(): Promise<{ accounts: Account[] }>;
  /** Writes these accounts as they are (the store's one door for the organization's records). */
  putManaged(accounts: Account[]): Promise<unknown>;
  saveStatus(status: ManagedStatus): Promise<void>;
  /** The status saved last time (storage.local); with none, the directory is worked out in full. */
  lastStatus?(): Promise<ManagedStatus | undefined>;
  now?: () => number;
}

/** The policy value as import text: administrators may give the export as JSON text or as an object. */
function policyText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Reads the policy and applies it; returns what it reported. Never throws. */
export async function applyManagedDirectory(deps: ManagedDeps): Promise<ManagedStatus> {
  const status = await outcome(deps).catch(
    (error: unknown): ManagedStatus => ({ accounts: 0, error: t('managedFailed', String(error)) }),
  );
  await deps.saveStatus(status);
  return status;
}

async function outcome(deps: ManagedDeps): Promise<ManagedStatus> {
  // Firefox rejects when no policy names Signpost, Chrome answers {}: both mean "no directory".
  const policy = await deps.readManaged().catch(() => ({}) as Record<string, unknown>);
  const text = policyText(policy.directory);
  // No policy now and none applied last time (no error either): no account can be the organization's, so
  // the store is not read. This runs at every start of the service worker, and reading and validating every
  // account there (~150 ms at 10,000) held up the first messages after a stop and competed with the popup.
  const last = text === undefined ? await deps.lastStatus?.().catch(() => undefined) : undefined;
  if (last && last.accounts === 0 && last.error === undefined) return last;
  const { accounts } = await deps.list();
  const wasManaged = accounts.filter((a) => a.managed);
  if (text === undefined) {
    // The policy was withdrawn: the person keeps the accounts, now as their own.
    if (wasManaged.length) await deps.putManaged(wasManaged.map(release));
    return { accounts: 0 };
  }
  const parse = parseImport(text, (deps.now ?? Date.now)());
  if (parse.error) return { accounts: 0, error: t('managedBroken', parse.error) };
  if (parse.format !== 'signpost') return { accounts: 0, error: t('managedNotExport') };
  if (parse.rejected.length > 0) {
    const first = parse.rejected[0]!;
    return { accounts: 0, error: t('managedRejected', parse.rejected.length, first.reason) };
  }
  const plan = planImport(accounts, parse, (deps.now ?? Date.now)());
  const entries = [...plan.new, ...plan.updated, ...plan.unchanged];
  const kept = new Set(entries.map((e) => e.account.key));
  const writes = [
    ...entries.map((e) => ({ ...e.account, managed: true as const })),
    ...wasManaged.filter((a) => !kept.has(a.key)).map(release),
  ];
  await deps.putManaged(writes);
  return { accounts: entries.length };
}

function release(account: Account): Account {
  const { managed: _, ...own } = account;
  return own;
}
