// Reads what a person pastes into the popup's quick add (an account ID, alias, account sign-in URL or console
// URL, and an optional IAM user name) with the framework-free identifier rules, so the popup stays small.

import { displayLabel } from '../account';
import { parseConsoleUrl, parseSignInUrl } from '../hosts';
import { type MessageKey, t } from '../i18n';
import {
  isAccountId,
  isEmail,
  isUserName,
  normaliseAccountId,
  type Partition,
  parseAccountRef,
} from '../ids';
import type { AccountDraftInput } from '../messages';
import type { Account } from '../schema';

export interface ParsedAccount {
  partition: Partition;
  accountId?: string;
  alias?: string;
}

export type QuickAddErrors = { account?: MessageKey; userName?: MessageKey };

export type QuickAddResult = { ok: true; draft: AccountDraftInput } | { ok: false; errors: QuickAddErrors };

function toUrl(text: string): URL | undefined {
  try {
    return new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
}

/** Reads the account box: an ID or alias as typed, or the account a sign-in or console URL names. */
export function parseAccountInput(input: string): ParsedAccount | { error: MessageKey } {
  const text = input.trim();
  if (!text) return { error: 'popupAddErrorAccountMissing' };
  // The popup adds IAM users only; say where a root email goes rather than only that it is no account.
  if (isEmail(text)) return { error: 'popupAddErrorRootEmail' };
  const looksLikeUrl =
    /^https?:\/\//i.test(text) || /\.(amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)\b/i.test(text);
  if (looksLikeUrl) {
    const url = toUrl(text);
    if (!url) return { error: 'popupAddErrorNotAccount' };
    const signIn = parseSignInUrl(url);
    if (signIn) {
      if (signIn.labelKind !== 'account' || !signIn.label) return { error: 'popupAddErrorUrlWithoutAccount' };
      const ref = parseAccountRef(signIn.label)!;
      return { partition: signIn.partition, ...ref };
    }
    // A console URL names its account only in the multi-session form.
    const console = parseConsoleUrl(url);
    if (console?.accountId) return { partition: console.partition, accountId: console.accountId };
    if (console) return { error: 'popupAddErrorUrlWithoutAccount' };
    return { error: 'popupAddErrorNotAws' };
  }
  const ref = parseAccountRef(text);
  if (ref) return { partition: 'aws', ...ref };
  if (/^[\d\s-]+$/.test(text) && !isAccountId(normaliseAccountId(text)))
    return { error: 'popupAddErrorIdLength' };
  return { error: 'popupAddErrorNotAccount' };
}

/** Whether a user name is really an account ID typed in the wrong box (12 digits, with or without dashes). */
export function looksLikeAccountId(userName: string): boolean {
  return /^[\d\s-]+$/.test(userName) && isAccountId(normaliseAccountId(userName));
}

/**
 * Validates the quick add form; the background validates again (with zod) before it saves. A user name that
 * looks like an account ID is refused with a message unless `idAsUserName` says the person confirmed it.
 */
export function parseQuickAdd(
  accountText: string,
  userNameText: string,
  idAsUserName = false,
): QuickAddResult {
  const account = parseAccountInput(accountText);
  const userName = userNameText.trim();
  const errors: QuickAddErrors = {};
  if ('error' in account) errors.account = account.error;
  if (userName && !isUserName(userName)) errors.userName = 'popupAddErrorUserName';
  else if (userName && !idAsUserName && looksLikeAccountId(userName))
    errors.userName = 'popupAddErrorUserIsId';
  if ('error' in account || errors.userName) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      ...account,
      ...(userName ? { signIns: [{ type: 'iam' as const, userName }] } : {}),
    },
  };
}

/** True when the text alone names an account the user could add (offered when a search finds nothing). */
export function isAddable(text: string): boolean {
  return !('error' in parseAccountInput(text));
}

/** The saved account the account box names (same partition, and its ID or alias), if there is one. */
export function knownAccount(accounts: readonly Account[], accountText: string): Account | undefined {
  const parsed = parseAccountInput(accountText);
  if ('error' in parsed) return undefined;
  return accounts.find(
    (a) =>
      a.partition === parsed.partition &&
      ((parsed.accountId !== undefined && a.accountId === parsed.accountId) ||
        (parsed.alias !== undefined && a.alias === parsed.alias)),
  );
}

/**
 * What the status line says after a save, so a person can tell a new account from a user added to one they
 * had (`before`, the account as it was) and from a save that changed nothing.
 */
export function savedText(before: Account | undefined, after: Account, userName: string): string {
  const label = displayLabel(after);
  const named = userName ? `${userName} · ${label}` : label;
  if (!before) return t('popupAdded', named);
  const lower = userName.toLowerCase();
  const hadUser = before.signIns.some((s) => s.type === 'iam' && s.userName.toLowerCase() === lower);
  if (userName && !hadUser) return t('popupAddedUser', userName, label);
  return t('popupAlreadySaved', named);
}
