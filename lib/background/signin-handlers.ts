// The background's answers to the sign-in page's script: what to fill on this page (its tab's pending route,
// the one account the page is for, a notice from the page before), what the page decided, a sign-in the
// person made by hand (learned within the learn setting), and Undo of that.
import { displayLabel } from '../account';
import { frecencyScore } from '../frecency';
import { t } from '../i18n';
import { parseAccountRef } from '../ids';
import type { LearnedSignIn } from '../learn-merge';
import type { SignInRequest } from '../message-schemas';
import type { LearnOutcome, RouteFill, SignInAccount, SignInAnswer } from '../messages';
import type { Account, PendingRoute } from '../schema';
import { type HandlersFor, Refused } from './context';

function toFill(route: PendingRoute): RouteFill | undefined {
  if (route.signIn.type === 'root') return { type: 'root', email: route.signIn.email };
  const account = route.accountId ?? route.alias;
  if (!account) return undefined;
  return route.signIn.type === 'iam'
    ? { type: 'iam', account, userName: route.signIn.userName }
    : { type: 'iam', account };
}

function accountFacts(account: Account, now: number): SignInAccount {
  const users = account.signIns.flatMap((s) => (s.type === 'iam' ? [s] : []));
  users.sort((a, b) => frecencyScore(b, now) - frecencyScore(a, now) || b.lastUsed - a.lastUsed);
  return {
    accountId: account.accountId,
    alias: account.alias,
    label: account.label,
    colour: account.colour,
    userNames: users.map((u) => u.userName),
  };
}

export const signInHandlers = {
  'signin.query': async (req, ctx): Promise<SignInAnswer> => {
    const loc = ctx.loc!;
    const [route, settings, notice] = await Promise.all([
      ctx.session.route(ctx.tabId),
      ctx.store.settings(),
      ctx.session.notice(ctx.tabId),
    ]);
    const answer: SignInAnswer = {
      settings: {
        autoNextRoot: settings.autoNextRoot,
        fillRememberedUser: settings.fillRememberedUser,
        learn: settings.learn,
      },
    };
    if (route && route.partition === loc.partition) answer.route = toFill(route);
    // The account this page is for: named by the host when it is an account host, else by the page's box.
    const named = loc.labelKind === 'account' ? loc.label : req.account;
    const ref = named ? parseAccountRef(named) : undefined;
    const account = ref ? await ctx.store.findByRef(loc.partition, ref) : undefined;
    if (account) answer.account = accountFacts(account, ctx.now());
    // A notice is about one account: only a page that may be about that account shows it.
    const aboutIt =
      notice?.partition === loc.partition &&
      (loc.labelKind !== 'account' || loc.label === notice.accountId || loc.label === notice.alias);
    if (notice && aboutIt && notice.fromUrl !== ctx.url) {
      answer.notice = { token: notice.token, label: notice.label };
      await ctx.session.clearNotice(ctx.tabId);
    }
    return answer;
  },
  'signin.done': async (req, ctx): Promise<Record<string, never>> => {
    if (req.state) {
      const url = new URL(ctx.url);
      await ctx.session.setTabState(ctx.tabId, { state: req.state, url: url.origin + url.pathname });
    }
    if (req.routeUsed ?? !req.state) await ctx.session.clearRoute(ctx.tabId);
    return {};
  },
  'signin.learn': async (req, ctx): Promise<{ outcome: LearnOutcome; token?: string; label?: string }> => {
    const loc = ctx.loc!;
    const settings = await ctx.store.settings();
    const off = (outcome: LearnOutcome) => ({ outcome });
    if (settings.learn === 'never') return off('off');
    let learned: LearnedSignIn;
    if (req.signIn.type === 'root') {
      if (loc.partition !== 'aws') throw new Refused(t('refusedRootOnlyAws'));
      learned = { partition: 'aws', signIn: req.signIn };
    } else {
      const box = parseAccountRef(req.signIn.account);
      if (!box) throw new Refused(t('refusedAccountBox'));
      const host = loc.labelKind === 'account' && loc.label ? parseAccountRef(loc.label) : undefined;
      learned = {
        partition: loc.partition,
        box,
        host,
        signIn: { type: 'iam', userName: req.signIn.userName },
      };
    }
    if (settings.learn === 'ask' && !req.confirmed) return off('ask');
    const change = await ctx.store.learn(learned);
    const who = req.signIn.type === 'root' ? req.signIn.email : req.signIn.userName;
    const text = `${who} · ${displayLabel(change.result.account)}`;
    const outcome: LearnOutcome =
      change.result.status === 'added'
        ? 'saved'
        : change.result.status === 'updated'
          ? 'updated'
          : 'unchanged';
    if (outcome === 'unchanged') return { outcome, label: text };
    const token = (ctx.newToken ?? (() => crypto.randomUUID()))();
    await ctx.session.setUndo(token, { revisions: change.revisions });
    const { accountId, alias } = change.result.account;
    await ctx.session.setNotice(ctx.tabId, {
      token,
      label: text,
      fromUrl: ctx.url,
      partition: loc.partition,
      accountId,
      alias,
    });
    return { outcome, token, label: text };
  },
  'signin.undo': async (req, ctx) => {
    const undo = await ctx.session.takeUndo(req.token);
    if (!undo) return { undone: false };
    await ctx.store.revert(undo.revisions);
    return { undone: true };
  },
} satisfies HandlersFor<SignInRequest['type']>;
