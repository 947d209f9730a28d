// The one message contract between Signpost's contexts: request and response types, and `send`, the only
// caller of runtime.sendMessage. Requests are validated by the background (lib/message-schemas.ts) and
// answered from validated data; this module stays free of zod so every bundle can import it.
import { browser } from 'wxt/browser';
import { type MessageKey, t } from './i18n';
import type { ConsoleRequest, ContentRequest, PageRequest, Request } from './message-schemas';
import type { Revision } from './revise';
import type { Account, Settings } from './schema';

export type { AccountDraft, AccountDraftInput, SignInDraft, SignInTarget } from './message-schemas';

/** What the content script should fill on this page. */
export type RouteFill = { type: 'iam'; account: string; userName?: string } | { type: 'root'; email: string };

/** The one account a sign-in page is for, as much as the page may know. */
export interface PageAccount {
  accountId?: string;
  alias?: string;
  label?: string;
  colour?: string;
  /** IAM user names, most used first. */
  userNames: string[];
}

/** A sign-in learned in this tab moments ago (the page that learned it has navigated away). */
export interface LearnNotice {
  token: string;
  label: string;
}

export interface PageAnswer {
  route?: RouteFill;
  account?: PageAccount;
  notice?: LearnNotice;
  settings: Pick<Settings, 'autoNextRoot' | 'fillRememberedUser' | 'learn'>;
}

/** What the content script decided on a sign-in page (also written to <html data-signpost>). */
export type PageStatus = 'filled' | 'no-match' | 'unsupported-page' | 'learned';

/** The last decision in a tab, and the page (no query string) it was about. */
export interface TabState {
  state: PageStatus;
  url: string;
}

export type LearnOutcome = 'saved' | 'updated' | 'unchanged' | 'ask' | 'off';

export interface Responses {
  /** `complete` is false when `limit` left accounts out. */
  'accounts.list': { accounts: Account[]; problems: string[]; settings: Settings; complete: boolean };
  'accounts.save': { account: Account; merged: boolean };
  'accounts.revert': { count: number };
  /** `revisions` take the delete back through accounts.revert. */
  'accounts.delete': { deleted: Account[]; revisions: Revision[] };
  'signins.delete': { account: Account; revisions: Revision[] };
  'accounts.import': { added: number; updated: number; unchanged: number };
  'settings.save': { settings: Settings };
  /** Keys of the accounts with a live console tab, the most recently used tab's account first. */
  'consoles.list': { keys: string[] };
  /** `focused` is false when the account has no console tab open any more. */
  'consoles.focus': { focused: boolean };
  'route.open': { url: string; tabId: number };
  'page.query': PageAnswer;
  'page.done': Record<string, never>;
  'page.learn': { outcome: LearnOutcome; token?: string; label?: string };
  'page.undo': { undone: boolean };
  'tab.state': { tab?: TabState };
  /** The background answers a console page nothing: the map of sessions never reaches a content script. */
  'console.session': Record<string, never>;
}

export type RequestType = keyof Responses;
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export type Reply<T extends RequestType = RequestType> =
  | { ok: true; value: Responses[T] }
  | { ok: false; error: string };

export type { ConsoleRequest, ContentRequest, PageRequest, Request };

/**
 * What the browser's own messaging errors mean, in words: Chrome refuses a message over 64 MB with
 * "Message length exceeded maximum allowed length.", and a stopped or missing background with "Could not
 * establish connection. Receiving end does not exist."
 */
const BROWSER_ERRORS: [RegExp, MessageKey][] = [
  [
    /message length exceeded|maximum allowed length|message (?:is )?too (?:large|long)|exceeds? .*size/i,
    'messageTooLarge',
  ],
  [/receiving end does not exist|could not establish connection/i, 'messageNoAnswer'],
];

/** The browser's messaging error as a sentence a user can act on; other errors as they are. */
export function plainSendError(error: unknown): Error {
  const text = error instanceof Error ? error.message : String(error);
  const known = BROWSER_ERRORS.find(([pattern]) => pattern.test(text));
  return known ? new Error(t(known[1])) : error instanceof Error ? error : new Error(text);
}

/**
 * Sends a request to the background and returns its answer, or throws an Error with the background's reason.
 * The content script uses this one: it never shows a browser error to anyone, and stays small.
 */
export async function sendQuietly<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error(t('messageNoAnswer'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Sends a request to the background; a browser messaging error becomes a plain sentence (extension pages). */
export async function send<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]> {
  try {
    return await sendQuietly(request);
  } catch (error) {
    throw plainSendError(error);
  }
}
