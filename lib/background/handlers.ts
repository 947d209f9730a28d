// The background's side of the message contract: checks who is asking, validates what they ask, and
// answers. Extension pages may list and edit everything; a content script on a sign-in page may only ask
// what to fill for the one account its page is for (or its own tab's pending route) and report a sign-in
// (./signin-handlers.ts); one on a console page may only report its session, and is answered nothing.

import { parseConsoleUrl, parseSignInUrl } from '../hosts';
import { t } from '../i18n';
import {
  consoleRequestSchema,
  extensionRequestSchema,
  portalRequestSchema,
  type RequestType,
  signInRequestSchema,
} from '../message-schemas';
import type { Reply, TabState } from '../messages';
import type { Revision } from '../revise';
import { type Account, explain } from '../schema';
import { firstAccounts } from '../search';
import { portalAt } from '../targets';
import {
  ConsoleRefused,
  checkReport,
  focusConsole,
  learnFromConsole,
  signedInKeysOf,
} from './console-handlers';
import { type Ctx, type Deps, type HandlersFor, Refused, type Sender } from './context';
import { portalHandlers } from './portal-handlers';
import { openRoute } from './routes';
import { signInHandlers } from './signin-handlers';

export type { Deps, Sender, Tabs } from './context';
export { openRoute, type RouteRequest } from './routes';

type Who = 'extension' | 'signin' | 'portal' | 'console';

/**
 * Who may send what: an extension page, a content script on a sign-in page, an access portal or a console
 * page, or nobody.
 */
function classify(sender: Sender, deps: Deps): Who | undefined {
  if (sender.id !== deps.extensionId || !sender.url) return undefined;
  if (sender.url.startsWith(deps.extensionOrigin)) return 'extension';
  if (sender.tab?.id === undefined || sender.frameId !== 0) return undefined;
  if (parseSignInUrl(sender.url)) return 'signin';
  if (parseConsoleUrl(sender.url)) return 'console';
  if (portalAt(sender.url)) return 'portal';
  return undefined;
}

const SCHEMAS = {
  extension: extensionRequestSchema,
  signin: signInRequestSchema,
  portal: portalRequestSchema,
  console: consoleRequestSchema,
};

/** Why a request of a known type is refused to this sender, in plain words; undefined if it is not that. */
function wrongSender(type: string, who: Who): string | undefined {
  const forSignIn = type.startsWith('signin.');
  const forPortal = type.startsWith('portal.');
  const forConsole = type === 'console.session';
  if (who === 'signin' && !forSignIn) return t('refusedFromSignInPage', type);
  if (who === 'portal' && !forPortal) return t('refusedFromPortalPage', type);
  if (who === 'console' && !forConsole) return t('refusedFromConsolePage', type);
  if (who !== 'portal' && forPortal) return t('refusedOnlyPortalPages', type);
  if (who === 'extension' && forSignIn) return t('refusedOnlySignInPages', type);
  if (who === 'extension' && forConsole) return t('refusedOnlyConsolePages', type);
  return undefined;
}

function consolesOf(ctx: Deps) {
  if (!ctx.consoles) throw new Refused(t('refusedNoConsoles'));
  return ctx.consoles;
}

const handlers = {
  ...signInHandlers,
  ...portalHandlers,
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
    const { result, revisions } = await ctx.store.deleteSignIns(req.key, req.signIns);
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
    return { keys: await signedInKeysOf(await map.live(tabs), ctx.store) };
  },
  /** `focused` is false when the account has no console tab open any more. */
  'consoles.focus': async (req, ctx) => {
    const consoles = consolesOf(ctx);
    return { focused: await focusConsole(consoles.map, consoles, await ctx.store.get(req.key)) };
  },

  'tab.state': async (req, ctx): Promise<{ tab?: TabState }> => ({
    tab: await ctx.session.tabState(req.tabId),
  }),
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
} satisfies HandlersFor<RequestType>;

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
