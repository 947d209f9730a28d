// The sign-in content script's logic: recognise the page, ask the background what to fill, fill it (or
// offer saved user names), keep it filled through re-renders, learn what the person submits, and write the
// decision to <html data-signpost>. When in doubt it fills nothing and says so.
import { parseSignInUrl, type SignInLocation } from '../hosts';
import { t } from '../i18n';
import { isEmail, isUserName, parseAccountRef } from '../ids';
import type { PageAccount, PageAnswer, RequestOf, RequestType, Responses, RouteFill } from '../messages';
import { choose, focus, press, setValue } from './dom';
import { type LearnedSignIn, type SubmitWatch, watchSubmits } from './learn';
import { showNotice } from './notice';
import { type Detected, detect } from './variants';
import {
  type Guard,
  type GuardItem,
  type GuardOptions,
  keepFilled,
  radioItem,
  textItem,
  waitFor,
} from './wait';

export type Status = 'filled' | 'no-match' | 'unsupported-page' | 'learned';
export type Send = <T extends RequestType>(request: RequestOf<T>) => Promise<Responses[T]>;
type Win = Window & typeof globalThis;

export interface RunOptions {
  /** How long to wait for a known form to appear, in all. */
  waitMs?: number;
  /** Pause that lets a framework re-render after a click or a fill before Signpost reads or presses. */
  settleMs?: number;
  noticeMs?: number;
  guard?: GuardOptions;
  /** Whether an event came from the person; tests replace it because a DOM library cannot make trusted events. */
  isUserEvent?: (event: Event) => boolean;
}

export const DATALIST_ID = 'signpost-user-names';

export function setStatus(doc: Document, status: Status): Status {
  doc.documentElement.dataset.signpost = status;
  return status;
}

function ref(account: string | undefined): string | undefined {
  const parsed = account ? parseAccountRef(account) : undefined;
  if (!parsed) return undefined;
  return 'accountId' in parsed ? `id:${parsed.accountId}` : `alias:${parsed.alias}`;
}

/** Whether two account IDs/aliases name one account: equal, or both names of the account the background knows. */
export function sameAccount(a: string | undefined, b: string | undefined, known?: PageAccount): boolean {
  const ra = ref(a);
  const rb = ref(b);
  if (!ra || !rb) return false;
  if (ra === rb) return true;
  const names = [ref(known?.accountId), ref(known?.alias)];
  return names.includes(ra) && names.includes(rb);
}

/** The account ID or alias this page is for: its host, else what its account box shows. */
function pageAccount(loc: SignInLocation, page: Detected): string | undefined {
  if (loc.labelKind === 'account') return loc.label;
  if (page.kind !== 'iam') return undefined;
  const typed = page.fields.account?.value.trim();
  const parsed = typed ? parseAccountRef(typed) : undefined;
  if (!parsed) return undefined;
  return 'accountId' in parsed ? parsed.accountId : parsed.alias;
}

/**
 * Runs the content script on `doc`. Does nothing at all outside the top frame of an exact sign-in host.
 * Resolves with the status it decided (learning goes on afterwards); never rejects.
 */
export async function run(
  doc: Document,
  win: Win,
  send: Send,
  now: () => number = Date.now,
  options: RunOptions = {},
): Promise<Status | undefined> {
  const loc = parseSignInUrl(win.location.href);
  if (!loc || win.top !== win) return undefined;
  try {
    return await signIn(doc, win, send, now, options, loc);
  } catch (error) {
    console.warn('Signpost:', error);
    return doc.documentElement.dataset.signpost ? undefined : setStatus(doc, 'no-match');
  }
}

async function signIn(
  doc: Document,
  win: Win,
  send: Send,
  now: () => number,
  options: RunOptions,
  loc: SignInLocation,
): Promise<Status> {
  const { waitMs = 10_000, settleMs = 20, noticeMs = 8000 } = options;
  const isUserEvent = options.isUserEvent ?? ((event: Event) => event.isTrusted);
  const deadline = now() + waitMs;
  const status = (s: Status) => setStatus(doc, s);
  const settle = () => new Promise<void>((resolve) => win.setTimeout(resolve, settleMs));
  const current = () => detect(doc);

  const first = await waitFor(doc, win, current, waitMs);
  if (!first || first.kind === 'mfa') return status('unsupported-page');

  let answer: PageAnswer | undefined;
  let guard: Guard | undefined;
  const guardFor = (items: GuardItem[]) => {
    guard = keepFilled(doc, win, items, { isUserEvent, ...options.guard });
  };

  const savedNotice = (user: string | undefined, label: string, token: string | undefined) => {
    const message = user ? t('pageNoticeSaved', user, label) : t('pageNoticeSavedAccount', label);
    const undo = async () => {
      const reply = await send({ type: 'page.undo', token: token! }).catch(() => undefined);
      return t(reply?.undone ? 'pageNoticeUndone' : 'pageNoticeUndoFailed');
    };
    showNotice(doc, win, message, token ? [{ label: t('pageNoticeUndo'), run: undo }] : [], noticeMs);
  };
  const learn = async (signIn: LearnedSignIn, confirmed: boolean): Promise<void> => {
    const reply = await send({ type: 'page.learn', signIn, confirmed }).catch(() => undefined);
    if (!reply) return;
    const user = signIn.type === 'iam' ? signIn.userName : signIn.email;
    const label = reply.label || (signIn.type === 'iam' ? signIn.account : t('pageNoticeRootAccount'));
    if (reply.outcome === 'saved' || reply.outcome === 'updated') {
      status('learned');
      savedNotice(user, label, reply.token);
    } else if (reply.outcome === 'ask' && !confirmed) {
      const save = async () => {
        await learn(signIn, true);
        return undefined;
      };
      showNotice(
        doc,
        win,
        t('pageNoticeAsk', user, label),
        [
          { label: t('pageNoticeSave'), run: save },
          { label: t('pageNoticeNotNow'), run: () => undefined },
        ],
        noticeMs,
      );
    }
  };
  const watch: SubmitWatch = watchSubmits(doc, loc, {
    isUserEvent,
    onAttempt: () => guard?.stop(),
    onLearn: (signIn) => {
      if (answer?.settings.learn !== 'never') void learn(signIn, false);
    },
  });

  const account = pageAccount(loc, first);
  try {
    answer = await send({ type: 'page.query', account });
  } catch {
    return status('no-match');
  }
  if (!answer?.settings) return status('no-match');
  if (answer.notice) savedNotice(undefined, answer.notice.label, answer.notice.token);

  // The page may have re-rendered while the background answered.
  const page = await waitFor(doc, win, current, Math.max(0, deadline - now()));
  if (!page || page.kind === 'mfa') return status('unsupported-page');
  if (page.kind !== first.kind) return status('no-match');

  const ctx: Context = { doc, send, status, settle, current, watch, guardFor, answer, account, loc };
  if (answer.route) return fillRoute(ctx, page, answer.route);
  return offerUserNames(ctx, page);
}

interface Context {
  doc: Document;
  send: Send;
  status: (s: Status) => Status;
  settle: () => Promise<void>;
  current: () => Detected | undefined;
  watch: SubmitWatch;
  guardFor: (items: GuardItem[]) => void;
  answer: PageAnswer;
  account: string | undefined;
  loc: SignInLocation;
}

const fieldOf = (ctx: Context, name: 'identifier' | 'account' | 'userName') => () =>
  ctx.current()?.fields[name];

async function done(ctx: Context): Promise<void> {
  await ctx.send({ type: 'page.done' }).catch(() => undefined);
}

/**
 * Fills the main page's user type and identifier, waits for the page to take them in, and checks they held
 * before anything presses Next. Returns false (nothing pressed) if the page would not keep them.
 */
async function fillMain(ctx: Context, radio: 'rootRadio' | 'iamRadio', value: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const fields = ctx.current()?.fields;
    if (!fields?.[radio] || !fields.identifier) return false;
    if (!fields[radio].checked) {
      choose(fields[radio]);
      await ctx.settle();
    }
    const box = ctx.current()?.fields.identifier;
    if (!box) return false;
    if (box.value !== value) setValue(box, value);
    await ctx.settle();
    const after = ctx.current()?.fields;
    if (after?.[radio]?.checked && after.identifier?.value === value) return true;
  }
  return false;
}

async function fillRoute(ctx: Context, page: Detected, route: RouteFill): Promise<Status> {
  const { loc, status, watch } = ctx;
  if (route.type === 'root') {
    if (loc.partition !== 'aws' || !isEmail(route.email)) return status('no-match');
    if (page.kind === 'iam') {
      // The AWS cookie sent the person to the last IAM account; AWS's own link leads to the main page,
      // whose content script finishes the route.
      const link = page.fields.rootLink;
      if (link) watch.quietly(() => press(link));
      return status('no-match');
    }
    if (!(await fillMain(ctx, 'rootRadio', route.email))) return status('no-match');
    const next = ctx.current()?.fields.next;
    if (ctx.answer.settings.autoNextRoot && next) {
      watch.quietly(() => press(next));
    } else {
      ctx.guardFor([
        radioItem(() => ctx.current()?.fields.rootRadio),
        textItem(fieldOf(ctx, 'identifier'), route.email),
      ]);
    }
    await done(ctx);
    return status('filled');
  }

  if (!parseAccountRef(route.account) || (route.userName !== undefined && !isUserName(route.userName))) {
    return status('no-match');
  }
  if (page.kind === 'main') {
    // The IAM page that Next leads to finishes the route and reports it done.
    if (!(await fillMain(ctx, 'iamRadio', route.account))) return status('no-match');
    const next = ctx.current()?.fields.next;
    if (next) watch.quietly(() => press(next));
    return status('filled');
  }

  // IAM page. A host that names another account is not the page this route is for.
  const known = ctx.answer.account;
  if (loc.labelKind === 'account' && !sameAccount(loc.label, route.account, known)) return status('no-match');
  const { account, userName, password } = page.fields;
  if (!account || !userName) return status('no-match');
  if (!sameAccount(account.value.trim(), route.account, known)) setValue(account, route.account);
  const items = [textItem(fieldOf(ctx, 'account'), account.value)];
  if (route.userName) {
    setValue(userName, route.userName);
    items.push(textItem(fieldOf(ctx, 'userName'), route.userName));
    if (password) focus(password);
  } else {
    offerList(ctx, route.account, userName, items);
    focus(userName);
  }
  ctx.guardFor(items);
  await done(ctx);
  return status('filled');
}

/** The saved user names of the page's account, if the background's account is the page's. */
function userNamesFor(ctx: Context, forAccount: string | undefined): string[] {
  const known = ctx.answer.account;
  if (!known || !forAccount) return [];
  const matches = [known.accountId, known.alias].some((name) => sameAccount(name, forAccount));
  return matches ? known.userNames.filter(isUserName) : [];
}

/** Offers the saved user names on the user name box through a <datalist>, re-attached after re-renders. */
function offerList(
  ctx: Context,
  forAccount: string | undefined,
  box: HTMLInputElement,
  items: GuardItem[],
): string[] {
  const names = userNamesFor(ctx, forAccount);
  if (names.length === 0) return names;
  const { doc } = ctx;
  const list = doc.createElement('datalist');
  list.id = DATALIST_ID;
  for (const name of names) {
    const option = doc.createElement('option');
    option.value = name;
    list.append(option);
  }
  const attach = (el: HTMLInputElement) => {
    // If the person types another account, these names are not theirs to see.
    const shown = ctx.current()?.fields.account?.value.trim();
    if (shown && !sameAccount(shown, forAccount, ctx.answer.account)) {
      el.removeAttribute('list');
      return true;
    }
    if (!list.isConnected) (doc.body ?? doc.documentElement).append(list);
    const attached = el.getAttribute('list') === DATALIST_ID;
    if (!attached) el.setAttribute('list', DATALIST_ID);
    return attached;
  };
  attach(box);
  doc.addEventListener('input', () => {
    const el = ctx.current()?.fields.userName;
    if (el) attach(el);
  });
  items.push(textItem(fieldOf(ctx, 'userName'), '', { decorate: attach }));
  return names;
}

function offerUserNames(ctx: Context, page: Detected): Status {
  if (page.kind !== 'iam' || !page.fields.userName) return ctx.status('no-match');
  const box = page.fields.userName;
  const items: GuardItem[] = [];
  const names = offerList(ctx, ctx.account, box, items);
  const first = names[0];
  let filled = false;
  if (first && ctx.answer.settings.fillRememberedUser && box.value === '') {
    filled = setValue(box, first);
    items.push(textItem(fieldOf(ctx, 'userName'), first, { onlyIfEmpty: true }));
    const active = ctx.doc.activeElement;
    const password = page.fields.password;
    if (password && (!active || active === ctx.doc.body || active === box)) focus(password);
  }
  if (items.length > 0) ctx.guardFor(items);
  return ctx.status(filled ? 'filled' : 'no-match');
}
