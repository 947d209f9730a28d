// The background's answers to the script on an access portal: a shortcut link the person opened there (learned
// as an Identity Center sign-in, within the learn setting) and Undo of that. The portal is the sender's own
// address, never the message's word.
import { t } from '../i18n';
import type { PortalRequest } from '../message-schemas';
import { parseShortcutUrl } from '../targets';
import { type HandlersFor, Refused } from './context';
import { learnAndTell, undoLearn } from './learn';

export const portalHandlers = {
  'portal.learn': async (req, ctx) => {
    // The sender's own address, as the browser reports it, must be this very shortcut link: the portal, the
    // account and the role are never taken from the message alone.
    const link = parseShortcutUrl(ctx.url);
    if (!link || link.accountId !== req.accountId || link.roleName !== req.roleName)
      throw new Refused(t('refusedPortal'));
    const signIn = { type: 'sso' as const, startUrl: link.startUrl, roleName: link.roleName };
    const learned = { partition: link.partition, box: { accountId: link.accountId }, signIn };
    return learnAndTell(ctx, req.confirmed, learned, req.roleName);
  },
  'portal.undo': async (req, ctx) => undoLearn(ctx, req.token),
} satisfies HandlersFor<PortalRequest['type']>;
