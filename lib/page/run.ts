// The sign-in content script's logic: recognise the page, ask the background what to fill, fill it (or
// offer saved user names), keep it filled through re-renders, learn what the person submits, and write the
// decision to <html data-signpost>. When in doubt it fills nothing and says so.

import { accountName } from '../account';
import { parseSignInUrl } from '../hosts';
import { isEmail, isUserName } from '../ids';
import type { PageStatus, Send, SignInAccount, SignInAnswer, SignInRequest } from '../messages';
import { choose, focus, isChecked, press, setValue, trusted } from './dom';
import { type LearnedSignIn, watchSubmits, watchSwitchRole } from './learn';
import { detectPage as detect, detectSemantic } from './semantic';
import { teller } from './tell';
import { domReady, type Guard, type GuardOptions, type Kept, keepFilled, waitFor } from './wait';

export type Status = PageStatus;
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

export const DATALIST_ID = 'signpost-user-names';

/** Whether two account IDs/aliases name one account: equal, or both names of the account the background knows. */
export function sameAccount(a: string | undefined, b: string | undefined, known?: SignInAccount): boolean {
  const x = accountName(a);
  const y = accountName(b);
  if (!x || !y) return false;
  const names = [accountName(known?.accountId), accountName(known?.alias)];
  return x === y || (names.includes(x) && names.includes(y));
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

  const tell = teller(doc, win, send, 'signin', noticeMs);
  const saved = tell.saved;
  const learn = (signIn: LearnedSignIn) =>
    tell.learn(
      { signIn },
      // What was signed in to, until the background names it: "alice · Prod" (who · account).
      signIn.type === 'root'
        ? signIn.email
        : `${signIn.type === 'iam' ? signIn.userName : signIn.roleName} · ${signIn.account}`,
      () => status('learned'),
    );

  // The Switch Role page: nothing to fill, only the form the person submits to learn from.
  if (/^\/switchrole\/?$/.test(win.location.pathname)) {
    watchSwitchRole(doc, isUserEvent, learn);
    return undefined;
  }

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
        if (answer?.settings.learn !== 'never') void learn(signIn);
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
    const known = answer.account;
    if (answer.notice) saved(answer.notice.label, answer.notice.token);

    // The page may have re-rendered while the background answered.
    const page = await waitFor(doc, win, () => detect(doc), deadline - now());
    if (!page || page.kind === 'mfa') return status('unsupported-page');
    const f = page.fields;
    const done = () => send({ type: 'signin.done', state: 'filled', routeUsed: true }).catch(() => undefined);
    const box = (name: 'identifier' | 'account' | 'userName') => () => fields()?.[name];

    /** Offers the account's saved user names on the user name box (a <datalist>). */
    const offer = (forAccount: string | undefined): string[] => {
      const names = known && [known.accountId, known.alias].some((n) => sameAccount(n, forAccount));
      if (!names) return [];
      const list = doc.createElement('datalist');
      list.id = DATALIST_ID;
      const userNames = known.userNames.filter(isUserName);
      for (const name of userNames) {
        const option = doc.createElement('option');
        option.value = name;
        list.append(option);
      }
      f.userName!.setAttribute('list', DATALIST_ID);
      doc.body.append(list);
      return userNames;
    };

    /** Main page: chooses the user type, fills the identifier, and checks both held before Next. */
    const fillMain = async (radio: 'rootRadio' | 'iamRadio', value: string) => {
      const r = fields()?.[radio];
      if (r && !isChecked(r)) {
        choose(r);
        await settle();
      }
      const input = fields()?.identifier;
      if (input && input.value !== value) setValue(input, value);
      await settle();
      const after = fields();
      return isChecked(after?.[radio]) && after?.identifier?.value === value ? after.next : undefined;
    };

    if (route?.type === 'root') {
      if (loc.partition !== 'aws' || !isEmail(route.email)) return status('no-match');
      // An IAM page (AWS's cookie remembered the last account) has no root sign-in: nothing to fill here.
      if (page.kind === 'iam') return status('no-match');
      const next = await fillMain('rootRadio', route.email);
      if (!next) return status('no-match');
      if (settings.autoNextRoot) watch.quietly(() => press(next));
      else keep([{ find: () => fields()?.rootRadio }, { find: box('identifier'), value: route.email }]);
      await done();
      return status('filled', true);
    }

    if (route) {
      if (!accountName(route.account) || (route.userName !== undefined && !isUserName(route.userName))) {
        return status('no-match');
      }
      if (page.kind === 'main') {
        // The IAM page that Next leads to finishes the route and reports it done.
        const next = await fillMain('iamRadio', route.account);
        if (!next) return status('no-match');
        watch.quietly(() => press(next));
        return status('filled');
      }
      // A host that names another account is not the page this route is for.
      if (loc.labelKind === 'account' && !sameAccount(loc.label, route.account, known))
        return status('no-match');
      const { account: accountBox, userName, password } = f;
      if (!sameAccount(accountBox!.value.trim(), route.account, known)) setValue(accountBox!, route.account);
      const items: Kept[] = [{ find: box('account'), value: accountBox!.value }];
      if (route.userName) {
        setValue(userName!, route.userName);
        items.push({ find: box('userName'), value: route.userName });
        if (password) focus(password);
      } else {
        offer(route.account);
        focus(userName!);
      }
      keep(items);
      await done();
      return status('filled', true);
    }

    // No route: only the IAM page, only its own account's user names.
    if (page.kind !== 'iam') return status('no-match');
    const remembered = offer(account)[0];
    const userName = f.userName!;
    if (!remembered || !settings.fillRememberedUser || userName.value) return status('no-match');
    setValue(userName, remembered);
    keep([{ find: box('userName'), value: remembered, ifEmpty: true }]);
    // The password box takes focus only if nothing else (the person's choice) has it.
    if (f.password && [doc.body, userName].includes(doc.activeElement as HTMLElement)) focus(f.password);
    return status('filled');
  } catch {
    return status((doc.documentElement.dataset.signpost as Status) || 'no-match');
  }
}
