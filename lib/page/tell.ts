// What a page tells the person after it reported a sign-in they made by hand: "Signpost saved …" with Undo,
// or, when the learn setting is "ask", "Save …?" with Save and Not now. Shared by the sign-in page, the
// Switch Role page (`signin.*` messages) and the access portal (`portal.*`).
import { message as t } from '../i18n';
import type { LearnOutcome } from '../messages';
import { showNotice } from './notice';

type LearnReply = { outcome: LearnOutcome; token?: string; label?: string };
/** The `<kind>.learn` message without its type and `confirmed`. */
type Body = Record<string, unknown>;

export interface Teller {
  /** "Signpost saved `what`", with Undo when there is a token to take it back with. */
  saved(what: string, token?: string): void;
  /**
   * Sends `<kind>.learn` with `body` and shows what came of it; `what` names the sign-in until the
   * background names it better. Writes `learned` to <html data-signpost> and runs `onSaved` once saved.
   */
  learn(body: Body, what: string, onSaved?: () => void): Promise<void>;
}

export function teller(
  doc: Document,
  win: Window,
  /** The page's own `send` (of `signin.*` or `portal.*` messages). */
  send: (request: never) => Promise<unknown>,
  kind: 'signin' | 'portal',
  ms: number,
): Teller {
  const ask = send as (request: Body) => Promise<unknown>;
  const notice = (message: string, actions: { label: string; run: () => unknown }[]) =>
    showNotice(doc, win, message, actions, ms);
  const saved = (what: string, token?: string) => {
    notice(
      t('pageNoticeSaved', what),
      token
        ? [
            {
              label: t('pageNoticeUndo'),
              run: () =>
                ask({ type: `${kind}.undo`, token })
                  .then(
                    (reply) => (reply as { undone: boolean }).undone,
                    () => false,
                  )
                  .then((undone) => t(undone ? 'pageNoticeUndone' : 'pageNoticeUndoFailed')),
            },
          ]
        : [],
    );
  };
  const learn = async (body: Body, what: string, onSaved?: () => void, confirmed = false): Promise<void> => {
    const reply = (await ask({ type: `${kind}.learn`, ...body, confirmed }).catch(() => undefined)) as
      | LearnReply
      | undefined;
    const label = reply?.label || what;
    if (reply?.outcome === 'saved' || reply?.outcome === 'updated') {
      doc.documentElement.dataset.signpost = 'learned';
      onSaved?.();
      saved(label, reply.token);
    } else if (reply?.outcome === 'ask' && !confirmed) {
      notice(t('pageNoticeAsk', label), [
        { label: t('pageNoticeSave'), run: () => learn(body, what, onSaved, true) },
        { label: t('pageNoticeNotNow'), run: () => undefined },
      ]);
    }
  };
  return { saved, learn };
}
