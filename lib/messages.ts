// The one message contract between Signpost's contexts: request and response types, and `send`, the only
// caller of runtime.sendMessage. Request types are inferred from the zod schemas in lib/message-schemas.ts
// and each response type from its handler (lib/background/handlers.ts), so a message is declared once. The
// background validates every request; this module imports only types from there, so it stays free of zod
// and every bundle can import it.
import { browser } from 'wxt/browser';
import type { Responses } from './background/handlers';
import { type MessageKey, t } from './i18n';
import type {
  ConsoleRequest,
  ExtensionRequest,
  PageStatus,
  PortalRequest,
  Request,
  RequestType,
  SignInRequest,
} from './message-schemas';
import type { Settings } from './schema';

export type { AccountDraft, AccountDraftInput, SignInDraft } from './draft';
// Every request type, from the schemas (each sender imports its own from here).
export type * from './message-schemas';
export type { Responses };

/** What the content script should fill on this page. */
export type RouteFill = { type: 'iam'; account: string; userName?: string } | { type: 'root'; email: string };

/** The one account a sign-in page is for, as much as the page may know. */
export interface SignInAccount {
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

export interface SignInAnswer {
  route?: RouteFill;
  account?: SignInAccount;
  notice?: LearnNotice;
  settings: Pick<Settings, 'autoNextRoot' | 'fillRememberedUser' | 'learn'>;
}

/** The last decision in a tab, and the page (no query string) it was about. */
export interface TabState {
  state: PageStatus;
  url: string;
}

export type LearnOutcome = 'saved' | 'updated' | 'unchanged' | 'ask' | 'off';

/** Sends a request of `R`'s types (one sender's messages) and resolves with its answer. */
export type Send<R extends Request = Request> = <T extends R['type']>(
  request: Extract<R, { type: T }>,
) => Promise<Responses[T]>;

export type Reply<T extends RequestType = RequestType> =
  | { ok: true; value: Responses[T] }
  | { ok: false; error: string };

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

/** The one call of runtime.sendMessage: the background's answer, or an Error with the background's reason. */
const ask: Send = async (request) => {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<typeof request.type> | undefined;
  if (!reply) throw new Error(t('messageNoAnswer'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as never;
};

/**
 * Sends a content script's request (sign-in, access portal or console page) to the background. The content script uses
 * this one: it never shows a browser error to anyone, and stays small.
 */
export const sendQuietly: Send<SignInRequest | PortalRequest | ConsoleRequest> = async (request) => {
  // Nobody reads a content script's error: no translated text for it (the budget is better spent).
  const reply = (await browser.runtime.sendMessage(request)) as Reply | undefined;
  if (!reply?.ok) throw new Error(reply?.error);
  return reply.value as never;
};

/** Sends an extension page's request; a browser messaging error becomes a plain sentence. */
export const send: Send<ExtensionRequest> = async (request) => {
  try {
    return await ask(request);
  } catch (error) {
    throw plainSendError(error);
  }
};
