// The background's answers to the sign-in page's script: what to fill on this page (its tab's pending route,
// the one account the page is for, a notice from the page before), what the page decided, a sign-in the
// person made by hand (learned within the learn setting), and Undo of that.
import { frecencyScore } from '../frecency';
import { t } from '../i18n';
import { parseAccountRef } from '../ids';
import type { SignInRequest } from '../message-schemas';
import type { RouteFill, SignInAccount, SignInAnswer } from '../messages';
import type { Account, PendingRoute } from '../schema';
import { type HandlersFor, Refused } from './context';
import { type LearnReply, learnAndTell, undoLearn } from './learn';

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
  'signin.learn': async (req, ctx): Promise<LearnReply> => {
    const loc = ctx.loc!;
    const { signIn } = req;
    if (signIn.type === 'root') {
      if (loc.partition !== 'aws') throw new Refused(t('refusedRootOnlyAws'));
      return learnAndTell(ctx, req.confirmed, { partition: 'aws', signIn }, signIn.email, loc.partition);
    }
    // A switch role is learned only from the Switch Role page itself.
    if (signIn.type === 'switch' && !/^\/switchrole\/?$/.test(new URL(ctx.url).pathname))
      throw new Refused(t('refusedSwitchRolePage'));
    const box = parseAccountRef(signIn.account);
    if (!box) throw new Refused(t('refusedAccountBox'));
    const host = loc.labelKind === 'account' && loc.label ? parseAccountRef(loc.label) : undefined;
    const { account: _, ...facts } = signIn;
    const who = signIn.type === 'iam' ? signIn.userName : signIn.roleName;
    return learnAndTell(
      ctx,
      req.confirmed,
      { partition: loc.partition, box, host, signIn: facts },
      who,
      loc.partition,
    );
  },
  'signin.undo': async (req, ctx) => undoLearn(ctx, req.token),
} satisfies HandlersFor<SignInRequest['type']>;
