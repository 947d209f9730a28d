// Reads what a person pastes into the popup's quick add (an account ID, alias, account sign-in URL or console
// URL, and an optional IAM user name) with the framework-free identifier rules, so the popup stays small.
import { parseConsoleUrl, parseSignInUrl } from '../hosts';
import type { MessageKey } from '../i18n';
import { isAccountId, isUserName, normaliseAccountId, type Partition, parseAccountRef } from '../ids';
import type { AccountDraftInput } from '../messages';

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

/** Validates the quick add form; the background validates again (with zod) before it saves. */
export function parseQuickAdd(accountText: string, userNameText: string): QuickAddResult {
  const account = parseAccountInput(accountText);
  const userName = userNameText.trim();
  const errors: QuickAddErrors = {};
  if ('error' in account) errors.account = account.error;
  if (userName && !isUserName(userName)) errors.userName = 'popupAddErrorUserName';
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
