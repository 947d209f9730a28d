// The background's side of the message contract: checks who is asking, validates what they ask, and
// answers. Extension pages may list and edit everything; a content script on a sign-in page may only ask
// what to fill for the one account its page is for (or its own tab's pending route) and report a sign-in;
// one on a console page may only report its session, and is answered nothing.

import { displayLabel, rootEmail } from '../account';
import { frecencyScore } from '../frecency';
import {
  accountSignInUrl,
  type ConsoleLocation,
  parseConsoleUrl,
  parseSignInUrl,
  rootSignInUrl,
  type SignInLocation,
} from '../hosts';
import { t } from '../i18n';
import { parseAccountRef } from '../ids';
import type { LearnedSignIn } from '../learn-merge';
import {
  consoleRequestSchema,
  extensionRequestSchema,
  type ParsedRequestOf,
  type RequestType,
  type SignInTarget,
  signInRequestSchema,
} from '../message-schemas';
import type { LearnOutcome, Reply, RouteFill, SignInAccount, SignInAnswer, TabState } from '../messages';
import type { Revision } from '../revise';
import { type Account, explain, type PendingRoute } from '../schema';
import { firstAccounts } from '../search';
import type { Store } from '../store';
import {
  ConsoleRefused,
  checkReport,
  type Focuser,
  focusConsole,
  learnFromConsole,
  signedInKeys,
} from './console-handlers';
import type { Consoles } from './consoles';
import { ROUTE_TTL, type Session } from './session';

export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface Tabs {
  create(props: { url: string; active: boolean }): Promise<{ id?: number }>;
  update(tabId: number, props: { url: string }): Promise<unknown>;
}

export interface Deps {
  store: Store;
  session: Session;
  tabs: Tabs;
  /** This extension's id and the origin of its pages (`chrome-extension://<id>/`). */
  extensionId: string;
  extensionOrigin: string;
  /** The live map of console tabs, and the tab and window calls that read it and bring a tab forward. */
  consoles?: Focuser & { map: Consoles };
  now?: () => number;
  newToken?: () => string;
}

class Refused extends Error {}

/** A handler receives its request as its schema parsed it; what it resolves with is its reply's type. */
type Handlers = { [T in RequestType]: (request: ParsedRequestOf<T>, ctx: Ctx) => Promise<unknown> };

interface Ctx extends Deps {
  now: () => number;
  tabId: number;
  url: string;
  loc?: SignInLocation;
  consoleLoc?: ConsoleLocation;
}

type Who = 'extension' | 'signin' | 'console';

/** Who may send what: an extension page, a content script on a sign-in or a console page, or nobody. */
function classify(sender: Sender, deps: Deps): Who | undefined {
  if (sender.id !== deps.extensionId || !sender.url) return undefined;
  if (sender.url.startsWith(deps.extensionOrigin)) return 'extension';
  if (sender.tab?.id === undefined || sender.frameId !== 0) return undefined;
  if (parseSignInUrl(sender.url)) return 'signin';
  if (parseConsoleUrl(sender.url)) return 'console';
  return undefined;
}

const SCHEMAS = {
  extension: extensionRequestSchema,
  signin: signInRequestSchema,
  console: consoleRequestSchema,
};

/** Why a request of a known type is refused to this sender, in plain words; undefined if it is not that. */
function wrongSender(type: string, who: Who): string | undefined {
  const forSignIn = type.startsWith('signin.');
  const forConsole = type === 'console.session';
  if (who === 'signin' && !forSignIn) return t('refusedFromSignInPage', type);
  if (who === 'console' && !forConsole) return t('refusedFromConsolePage', type);
  if (who === 'extension' && forSignIn) return t('refusedOnlySignInPages', type);
  if (who === 'extension' && forConsole) return t('refusedOnlyConsolePages', type);
  return undefined;
}

function consolesOf(ctx: Deps) {
  if (!ctx.consoles) throw new Refused(t('refusedNoConsoles'));
  return ctx.consoles;
}

function accountRef(account: Account): string | undefined {
  return account.accountId ?? account.alias;
}

async function openTab(
  ctx: Deps,
  url: string,
  tabId: number | undefined,
  active: boolean,
  route: Omit<PendingRoute, 'tabId'>,
) {
  // The route is stored before the tab loads the sign-in page, so even a fast page finds it.
  if (tabId !== undefined) {
    await ctx.session.setRoute({ ...route, tabId });
    await ctx.tabs.update(tabId, { url });
    return tabId;
  }
  const tab = await ctx.tabs.create({ url: 'about:blank', active });
  if (tab.id === undefined) throw new Refused(t('refusedNoTab'));
  await ctx.session.setRoute({ ...route, tabId: tab.id });
  await ctx.tabs.update(tab.id, { url });
  return tab.id;
}

function routeUrl(account: Account, target: SignInTarget): string {
  if (target.type === 'root') {
    const url = rootSignInUrl(account.partition, account.region);
    if (!url) throw new Refused(t('refusedRootPartition'));
    if (!rootEmail(account)) throw new Refused(t('refusedNoRootEmail'));
    return url;
  }
  const ref = accountRef(account);
  if (!ref) throw new Refused(t('refusedNoSignInPage'));
  return accountSignInUrl({
    partition: account.partition,
    account: ref,
    region: account.region,
    landingPath: account.landingPath,
  });
}

function toFill(route: PendingRoute): RouteFill | undefined {
  if (route.signIn.type === 'root') return { type: 'root', email: route.signIn.email };
  const account = route.accountId ?? route.alias;
  if (!account) return undefined;
  return route.signIn.type === 'iam'
    ? { type: 'iam', account, userName: route.signIn.userName }
    : { type: 'iam', account };
}

function pageAccount(account: Account, now: number): SignInAccount {
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

export type RouteRequest = Omit<ParsedRequestOf<'route.open'>, 'type'>;

/** Opens a sign-in: builds its URL, remembers the route for the tab, counts the use. Popup and omnibox share it. */
export async function openRoute(deps: Deps, req: RouteRequest): Promise<{ url: string; tabId: number }> {
  const ctx = { ...deps, now: deps.now ?? Date.now };
  const account = await ctx.store.get(req.key);
  if (!account) throw new Refused(t('refusedAccountGone'));
  const url = routeUrl(account, req.target);
  const now = ctx.now();
  const email = rootEmail(account);
  const tabId = await openTab(ctx, url, req.tabId, req.active, {
    partition: account.partition,
    accountKey: account.key,
    accountId: account.accountId,
    alias: account.alias,
    signIn: req.target.type === 'root' ? { type: 'root', email: email! } : req.target,
    createdAt: now,
    expiresAt: now + ROUTE_TTL,
  });
  if (req.target.type !== 'account') await ctx.store.recordUse(account.key, req.target);
  return { url, tabId };
}

const handlers = {
  /** `complete` is false when `limit` left accounts out. */
  'accounts.list': async (req, ctx) => {
    const [{ accounts, problems }, settings] = await Promise.all([ctx.store.list(), ctx.store.settings()]);
    if (req.limit === undefined || accounts.length <= req.limit)
      return { accounts, problems, settings, complete: true };
    const first = firstAccounts(accounts, req.limit, ctx.now());
    return { accounts: first, problems, settings, complete: first.length === accounts.length };
  },
  'accounts.save': async (req, ctx) => {
    if (req.base && req.account.key !== req.base.key) throw new Refused(t('refusedEditKey'));
    const { result } = await ctx.store.save(req.account, req.base);
    return { account: result.account, merged: result.status !== 'added' || result.remove.length > 0 };
  },
  'accounts.revert': async (req, ctx) => ({
    count: await ctx.store.revert(req.revisions),
  }),
  /** `revisions` take the delete back through accounts.revert. */
  'accounts.delete': async (req, ctx): Promise<{ deleted: Account[]; revisions: Revision[] }> => {
    const { result, revisions } = await ctx.store.delete(req.keys);
    return { deleted: result, revisions };
  },
  'signins.delete': async (req, ctx): Promise<{ account: Account; revisions: Revision[] }> => {
    const { result, revisions } = await ctx.store.deleteSignIns(req.key, req.userNames, req.root);
    return { account: result, revisions };
  },
  'accounts.import': async (req, ctx) => ctx.store.importDrafts(req.accounts),
  'settings.save': async (req, ctx) => ({
    settings: await ctx.store.saveSettings(req.settings),
  }),
  'route.open': async (req, ctx) => openRoute(ctx, req),
  /** Keys of the accounts with a live console tab, the most recently used tab's account first. */
  'consoles.list': async (_req, ctx) => {
    const { map, tabs } = consolesOf(ctx);
    const [live, { accounts }] = await Promise.all([map.live(tabs), ctx.store.list()]);
    return { keys: signedInKeys(live, accounts) };
  },
  /** `focused` is false when the account has no console tab open any more. */
  'consoles.focus': async (req, ctx) => {
    const consoles = consolesOf(ctx);
    return { focused: await focusConsole(consoles.map, consoles, await ctx.store.get(req.key)) };
  },

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
    if (account) answer.account = pageAccount(account, ctx.now());
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
  'tab.state': async (req, ctx): Promise<{ tab?: TabState }> => ({
    tab: await ctx.session.tabState(req.tabId),
  }),
  'signin.undo': async (req: { token: string }, ctx) => {
    const undo = await ctx.session.takeUndo(req.token);
    if (!undo) return { undone: false };
    await ctx.store.revert(undo.revisions);
    return { undone: true };
  },

  /** The background answers a console page nothing: the map of sessions never reaches a content script. */
  'console.session': async (req, ctx): Promise<Record<string, never>> => {
    const loc = ctx.consoleLoc!;
    const { type: _, ...report } = req;
    checkReport(report, loc);
    await consolesOf(ctx).map.record({
      ...report,
      tabId: ctx.tabId,
      partition: loc.partition,
      host: new URL(ctx.url).hostname,
      seenAt: ctx.now(),
    });
    await learnFromConsole(ctx.store, await ctx.store.settings(), loc.partition, report);
    return {};
  },
} satisfies Handlers;

/** What each request type is answered with: what its handler resolves with. */
export type Responses = { [T in RequestType]: Awaited<ReturnType<(typeof handlers)[T]>> };

/** Handles one message: never throws; every refusal is a plain sentence. */
export async function handleMessage(message: unknown, sender: Sender, deps: Deps): Promise<Reply> {
  try {
    const who = classify(sender, deps);
    if (!who) return { ok: false, error: t('refusedSender') };
    const type = (message as { type?: unknown } | null)?.type;
    const parsed = SCHEMAS[who].safeParse(message);
    if (!parsed.success) {
      const known = typeof type === 'string' && type in handlers;
      return {
        ok: false,
        error: (known && wrongSender(type, who)) || t('refusedNotUnderstood', explain(parsed.error)),
      };
    }
    const ctx: Ctx = {
      ...deps,
      now: deps.now ?? Date.now,
      tabId: sender.tab?.id ?? -1,
      url: sender.url!,
      loc: who === 'signin' ? parseSignInUrl(sender.url!) : undefined,
      consoleLoc: who === 'console' ? parseConsoleUrl(sender.url!) : undefined,
    };
    const handler = handlers[parsed.data.type] as (req: unknown, ctx: Ctx) => Promise<unknown>;
    return { ok: true, value: (await handler(parsed.data, ctx)) as Responses[RequestType] };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { ok: false, error: error instanceof ConsoleRefused ? t('refusedConsole', text) : text };
  }
}

export const HANDLED_TYPES = Object.keys(handlers) as RequestType[];
