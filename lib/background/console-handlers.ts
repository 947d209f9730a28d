// The background's side of console sessions: what a console page reports (checked against the page's own
// host, recorded in the live map, learned within the learn setting), and what the popup and omnibox ask of
// the map (which accounts are signed in; bring one's console tab to the front).

import { parsePrincipalArn } from '../console/session-meta';
import { accountDraftSchema } from '../draft';
import type { ConsoleLocation } from '../hosts';
import { parseSignInUrl } from '../hosts';
import { t } from '../i18n';
import { sameUserName } from '../ids';
import { MergeRefused } from '../merge';
import type { ConsoleRequest } from '../message-schemas';
import type { Account, Settings } from '../schema';
import type { Store } from '../store';
import { type Consoles, type ConsoleTab, type ConsoleTabsApi, sessionOf } from './consoles';

export class ConsoleRefused extends Error {}

export type SessionReport = Omit<ConsoleRequest, 'type'>;

export interface Focuser {
  tabs: ConsoleTabsApi & { update(tabId: number, props: { active: boolean }): Promise<unknown> };
  windows?: { update(windowId: number, props: { focused: boolean }): Promise<unknown> };
}

const DIFFERENTIATOR = /^[A-Za-z0-9_-]{1,64}$/;

/** Refuses a report whose fields belong to another partition or account than the page that sent it. */
export function checkReport(report: SessionReport, loc: ConsoleLocation): void {
  if (report.principalArn !== undefined) {
    const arn = parsePrincipalArn(report.principalArn);
    if (!arn || arn.partition !== loc.partition || arn.accountId !== report.accountId)
      throw new ConsoleRefused(t('refusedConsolePrincipal'));
  }
  if (report.signInEndpoint !== undefined) {
    const url = `https://${report.signInEndpoint}/`;
    if (!/^[a-z0-9.-]+$/.test(report.signInEndpoint) || parseSignInUrl(url)?.partition !== loc.partition)
      throw new ConsoleRefused(t('refusedConsoleEndpoint'));
  }
  if (report.sessionDifferentiator !== undefined && !DIFFERENTIATOR.test(report.sessionDifferentiator))
    throw new ConsoleRefused(t('refusedConsoleDifferentiator'));
}

/** The IAM user a session's principal names, if it is one. */
function iamUser(report: SessionReport): string | undefined {
  const arn = report.principalArn ? parsePrincipalArn(report.principalArn) : undefined;
  return arn?.principal.type === 'iam' ? arn.principal.userName : undefined;
}

/**
 * Learns from a console session, within the learn setting. The console is AWS's own word, so an alias seen
 * with an ID joins them by the import's merge rules (an alias-only record folds into the ID's account; an
 * alias on another ID moves); an IAM user principal adds that sign-in when learning is `always`. With `ask`
 * (the console has nowhere to ask) only accounts Signpost already knows gain the link; with `never`,
 * nothing. A merge that would fold two account IDs is refused and changes nothing. Root ARNs carry no email,
 * which a root sign-in needs, so they add nothing. Returns whether anything was written.
 */
export async function learnFromConsole(
  store: Store,
  settings: Pick<Settings, 'learn'>,
  partition: ConsoleLocation['partition'],
  report: SessionReport,
): Promise<boolean> {
  if (settings.learn === 'never') return false;
  const { accountId, alias } = report;
  const userName = settings.learn === 'always' ? iamUser(report) : undefined;
  // Read through the indexes first: a console page loads often, and most loads teach nothing new.
  const [byId, byAlias] = await Promise.all([
    store.findByRef(partition, { accountId }),
    alias ? store.findByRef(partition, { alias }) : undefined,
  ]);
  const knowsUser = byId?.signIns.some((s) => s.type === 'iam' && sameUserName(s.userName, userName ?? ''));
  const needsLink = alias !== undefined && byId?.alias !== alias;
  const needsUser = userName !== undefined && !knowsUser;
  if (!byId && !byAlias && !needsUser) return false;
  if (!needsLink && !needsUser) return false;
  const draft = accountDraftSchema.safeParse({
    partition,
    accountId,
    ...(alias ? { alias } : {}),
    ...(needsUser ? { signIns: [{ type: 'iam', userName }] } : {}),
  });
  if (!draft.success) return false;
  try {
    await store.save(draft.data);
    return true;
  } catch (error) {
    if (error instanceof MergeRefused) return false;
    throw error;
  }
}

/** Keys of the accounts with a live console tab, most recent first (an account once). */
export function signedInKeys(live: readonly ConsoleTab[], accounts: readonly Account[]): string[] {
  const keys: string[] = [];
  for (const entry of live) {
    const account = accounts.find((a) => sessionOf(a, entry));
    if (account && !keys.includes(account.key)) keys.push(account.key);
  }
  return keys;
}

/**
 * The same keys as signedInKeys, found through the store's IndexedDB indexes (an account ID or alias is
 * unique within its partition): a few lookups rather than reading and validating every account, which a
 * just-started worker would otherwise do for each popup that asks.
 */
export async function signedInKeysOf(
  live: readonly ConsoleTab[],
  store: Pick<Store, 'findByRef'>,
): Promise<string[]> {
  const keys: string[] = [];
  for (const entry of live) {
    const account =
      (await store.findByRef(entry.partition, { accountId: entry.accountId })) ??
      (entry.alias ? await store.findByRef(entry.partition, { alias: entry.alias }) : undefined);
    if (account && sessionOf(account, entry) && !keys.includes(account.key)) keys.push(account.key);
  }
  return keys;
}

/** Brings the account's most recent console tab and its window to the front; false when it has none. */
export async function focusConsole(
  consoles: Consoles,
  api: Focuser,
  account: Account | undefined,
): Promise<boolean> {
  if (!account) return false;
  const tab = (await consoles.live(api.tabs)).find((entry) => sessionOf(account, entry));
  if (!tab) return false;
  await api.tabs.update(tab.tabId, { active: true });
  if (tab.windowId !== undefined) await api.windows?.update(tab.windowId, { focused: true });
  return true;
}
