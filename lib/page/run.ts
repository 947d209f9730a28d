// The sign-in content script's logic: recognise the page, ask the background what to fill, fill it (or
// offer saved user names), keep it filled through re-renders, learn what the person submits, and write the
// decision to <html data-signpost>. When in doubt it fills nothing and says so.

import { accountName } from '../account';
import { parseSignInUrl } from '../hosts';
import { t } from '../i18n';
import type { PageStatus, Send, SignInAnswer, SignInRequest } from '../messages';
import { trusted } from './dom';
import { DATALIST_ID, type FillContext, fillIamRoute, fillRemembered, fillRoot, sameAccount } from './fill';
import { type LearnedSignIn, watchSubmits } from './learn';
import { showNotice } from './notice';
import { detectPage as detect, detectSemantic } from './semantic';
import { domReady, type Guard, type GuardOptions, type Kept, keepFilled, waitFor } from './wait';

export type Status = PageStatus;
export { DATALIST_ID, sameAccount };

type Win = Window & typeof globalThis;

export interface RunOptions {
  /** How long to wait for a known form to appear, in all. */
  waitMs?: number;
  /** Pause that lets a framework re-render after a click or a fill before Signpost reads or presses. */
  settleMs?: number;
  noticeMs?: number;
  guard?: GuardOptions;
  /** Whether an event came from the person; tests replace it (a DOM library cannot make trusted events). */
  isUserEvent?: (event: Event) => boolean;
}

/**
 * Runs the content script on `doc`. Does nothing at all outside the top frame of an exact sign-in host.
 * Resolves with the status it decided (learning goes on afterwards); never rejects.
 */
export async function run(
  doc: Document,
  win: Win,
  send: Send<SignInRequest>,
  now: () => number = Date.now,
  options: RunOptions = {},
): Promise<Status | undefined> {
  const loc = parseSignInUrl(win.location.href);
  if (!loc || win.top !== win) return undefined;
  const { waitMs = 10_000, settleMs = 20, noticeMs = 8000 } = options;
  const isUserEvent = options.isUserEvent ?? trusted;
  /** Writes the decision to the page and tells the background (the popup shows it); `told`: done() did. */
  const status = (s: Status, told = false) => {
    doc.documentElement.dataset.signpost = s;
    if (!told) send({ type: 'signin.done', state: s }).catch(() => undefined);
    return s;
  };
  const settle = () => new Promise((resolve) => win.setTimeout(resolve, settleMs));
  const fields = () => detect(doc)?.fields;
  const deadline = now() + waitMs;
  let answer: SignInAnswer | undefined;
  let guard: Guard | undefined;
  const keep = (items: Kept[]) => {
    guard = keepFilled(doc, win, items, { isUserEvent, ...options.guard });
  };

  const notice = (message: string, actions: { label: string; run: () => unknown }[]) =>
    showNotice(doc, win, message, actions as never, noticeMs);
  const saved = (what: string, token?: string) =>
    notice(
      t('pageNoticeSaved', what),
      token
        ? [
            {
              label: t('pageNoticeUndo'),
              run: () =>
                send({ type: 'signin.undo', token }).then(
                  (reply) => t(reply.undone ? 'pageNoticeUndone' : 'pageNoticeUndoFailed'),
                  () => t('pageNoticeUndoFailed'),
                ),
            },
          ]
        : [],
    );
  const learn = async (signIn: LearnedSignIn, confirmed: boolean): Promise<void> => {
    const reply = await send({ type: 'signin.learn', signIn, confirmed }).catch(() => undefined);
    // What was signed in to, as the background names it: "alice · Prod" (user · account).
    const what =
      reply?.label || (signIn.type === 'iam' ? `${signIn.userName} · ${signIn.account}` : signIn.email);
    if (reply?.outcome === 'saved' || reply?.outcome === 'updated') {
      status('learned');
      saved(what, reply.token);
    } else if (reply?.outcome === 'ask' && !confirmed) {
      notice(t('pageNoticeAsk', what), [
        { label: t('pageNoticeSave'), run: () => learn(signIn, true) },
        { label: t('pageNoticeNotNow'), run: () => undefined },
      ]);
    }
  };

  // Asked at once (the script runs at document_start), so the answer is in hand when the form appears. It
  // names only the account the host names; a page without one may name its account later, from its box.
  const hostAccount = loc.labelKind === 'account' ? loc.label : undefined;
  const early = send({ type: 'signin.query', account: hostAccount });
  early.catch(() => undefined);

  try {
    // Fill only once the page's own scripts have run: a framework that boots after a fill would miss it.
    await domReady(doc, win);
    const first = await waitFor(doc, win, () => detect(doc), deadline - now());
    // A sign-in form the second detector doubts is a page Signpost knows but will not guess on.
    if (!first) return status(detectSemantic(doc) === null ? 'no-match' : 'unsupported-page');
    if (first.kind === 'mfa') {
      // Nothing is filled here, but the IAM page before it navigated away the moment it learned a sign-in:
      // its Undo notice shows here.
      const reply = await early.catch(() => undefined);
      if (reply?.notice) saved(reply.notice.label, reply.notice.token);
      return status('unsupported-page');
    }
    const watch = watchSubmits(doc, loc, {
      isUserEvent,
      onAttempt: () => guard?.stop(),
      onLearn: (signIn) => {
        if (answer?.settings.learn !== 'never') void learn(signIn, false);
      },
    });

    // The account this page is for: its host, else what its account box shows. Never anything else.
    const account = hostAccount ?? accountName(first.fields.account?.value.trim());
    try {
      answer = await early;
      if (account !== hostAccount)
        answer = { ...(await send({ type: 'signin.query', account })), notice: answer?.notice };
    } catch {
      return status('no-match');
    }
    if (!answer?.settings) return status('no-match');
    const { route, settings } = answer;
    if (answer.notice) saved(answer.notice.label, answer.notice.token);

    // The page may have re-rendered while the background answered.
    const page = await waitFor(doc, win, () => detect(doc), deadline - now());
    if (!page || page.kind === 'mfa') return status('unsupported-page');
    const c: FillContext = {
      doc,
      loc,
      page,
      settings,
      known: answer.account,
      watch,
      fields,
      settle,
      keep,
      status,
      done: () => send({ type: 'signin.done', state: 'filled', routeUsed: true }).catch(() => undefined),
    };
    if (route?.type === 'root') return await fillRoot(c, route);
    if (route) return await fillIamRoute(c, route);
    return fillRemembered(c, account);
  } catch {
    return status((doc.documentElement.dataset.signpost as Status) || 'no-match');
  }
}
