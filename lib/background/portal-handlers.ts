// The background's answers to the script on an access portal: a shortcut link the person opened there (learned
// as an Identity Center sign-in, within the learn setting) and Undo of that.
import type { PortalRequest } from '../message-schemas';
import { portalAt } from '../targets';
import type { HandlersFor } from './context';
import { learnAndTell, undoLearn } from './learn';

export const portalHandlers = {
  'portal.learn': async (req, ctx) => {
    // The portal (its start URL and partition) is the sender's own address, as the browser reports it: never
    // the message's word. The account and role are the message's (checked by its schema): the browser may
    // report the address the single-page portal loaded with, not the link it has moved to since.
    // (handleMessage let this sender in only because its address is on a portal.)
    const portal = portalAt(ctx.url)!;
    const signIn = { type: 'sso' as const, startUrl: portal.url, roleName: req.roleName };
    const learned = { partition: portal.partition, box: { accountId: req.accountId }, signIn };
    // Opening a link is not signing in: anyone can send a shortcut link into their own portal that names
    // the person's account. A portal none of their saved roles uses is asked about, whatever the setting.
    const { accounts } = await ctx.store.list();
    const knownPortal = accounts.some((a) =>
      a.signIns.some((s) => s.type === 'sso' && s.startUrl === portal.url),
    );
    return learnAndTell(ctx, req.confirmed, learned, req.roleName, undefined, !knownPortal);
  },
  'portal.undo': async (req, ctx) => undoLearn(ctx, req.token),
} satisfies HandlersFor<PortalRequest['type']>;
