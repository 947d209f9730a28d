// Learning a sign-in the person made by hand, for every page that may report one (a sign-in page, the
// Switch Role page, an access portal's shortcut link): within the learn setting, with an Undo token, and a
// notice for the next page in the tab when the page that learned it navigates away.
import { displayLabel } from '../account';
import type { Partition } from '../ids';
import type { LearnedSignIn } from '../learn-merge';
import type { LearnOutcome } from '../messages';
import type { Ctx } from './context';

export interface LearnReply {
  outcome: LearnOutcome;
  token?: string;
  /** What was learned, as a person names it: "alice · Prod" (who · account). */
  label?: string;
}

/**
 * Learns `learned` unless the setting says not to (`never`; `ask` until the person confirms). `who` names
 * the sign-in in the notice; `notice` (the page's partition) leaves the notice for the tab's next page.
 * `askFirst` asks even when the setting is `always` (a sign-in the page, not the person, put there).
 */
export async function learnAndTell(
  ctx: Ctx,
  confirmed: boolean,
  learned: LearnedSignIn,
  who: string,
  notice?: Partition,
  askFirst = false,
): Promise<LearnReply> {
  const { learn } = await ctx.store.settings();
  if (learn === 'never') return { outcome: 'off' };
  if ((learn === 'ask' || askFirst) && !confirmed) return { outcome: 'ask' };
  const change = await ctx.store.learn(learned);
  const label = `${who} · ${displayLabel(change.result.account)}`;
  const { status } = change.result;
  if (status === 'unchanged') return { outcome: 'unchanged', label };
  const token = (ctx.newToken ?? (() => crypto.randomUUID()))();
  await ctx.session.setUndo(token, { revisions: change.revisions });
  if (notice) {
    const { accountId, alias } = change.result.account;
    await ctx.session.setNotice(ctx.tabId, {
      token,
      label,
      fromUrl: ctx.url,
      partition: notice,
      accountId,
      alias,
    });
  }
  return { outcome: status === 'added' ? 'saved' : 'updated', token, label };
}

/** Takes back what the learn with `token` changed, onto the records as they are now. */
export async function undoLearn(ctx: Ctx, token: string): Promise<{ undone: boolean }> {
  const undo = await ctx.session.takeUndo(token);
  if (!undo) return { undone: false };
  await ctx.store.revert(undo.revisions);
  return { undone: true };
}
