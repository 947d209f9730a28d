// The three fills of a sign-in page, once the background has answered: a root route (the main page's root
// choice and email), an IAM route (the main page's account, or the IAM page's account and user), and the
// remembered user on an IAM page with no route. Each checks what it wrote held, and says what it decided.

import { accountName } from '../account';
import type { SignInLocation } from '../hosts';
import { isEmail, isUserName } from '../ids';
import type { PageStatus, RouteFill, SignInAccount, SignInAnswer } from '../messages';
import { choose, focus, isChecked, press, setValue } from './dom';
import type { SubmitWatch } from './learn';
import type { Detected, Fields } from './variants';
import type { Kept } from './wait';

export const DATALIST_ID = 'signpost-user-names';

/** What a fill works with: the page as detected after the answer, and the script's own helpers. */
export interface FillContext {
  doc: Document;
  loc: SignInLocation;
  page: Detected;
  settings: SignInAnswer['settings'];
  /** The account the background says this page is for, if it knows it. */
  known?: SignInAccount;
  watch: SubmitWatch;
  /** The fields as they are now (a framework may have re-rendered them). */
  fields: () => Fields | undefined;
  /** Pause that lets a framework re-render after a click or a fill. */
  settle: () => Promise<unknown>;
  /** Keeps these boxes filled through re-renders until the person acts. */
  keep: (items: Kept[]) => void;
  /** Writes the decision; `told`: the background already heard it through done(). */
  status: (s: PageStatus, told?: boolean) => PageStatus;
  /** Tells the background this tab's route is used. */
  done: () => Promise<unknown>;
}

/** Whether two account IDs/aliases name one account: equal, or both names of the account the background knows. */
export function sameAccount(a: string | undefined, b: string | undefined, known?: SignInAccount): boolean {
  const x = accountName(a);
  const y = accountName(b);
  if (!x || !y) return false;
  const names = [accountName(known?.accountId), accountName(known?.alias)];
  return x === y || (names.includes(x) && names.includes(y));
}

const box = (c: FillContext, name: 'identifier' | 'account' | 'userName') => () => c.fields()?.[name];

/** Offers the account's saved user names on the user name box (a <datalist>). */
function offer(c: FillContext, forAccount: string | undefined): string[] {
  const { doc, known } = c;
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
  c.page.fields.userName!.setAttribute('list', DATALIST_ID);
  doc.body.append(list);
  return userNames;
}

/** Main page: chooses the user type, fills the identifier, and checks both held before Next. */
async function fillMain(c: FillContext, radio: 'rootRadio' | 'iamRadio', value: string) {
  const r = c.fields()?.[radio];
  if (r && !isChecked(r)) {
    choose(r);
    await c.settle();
  }
  const input = c.fields()?.identifier;
  if (input && input.value !== value) setValue(input, value);
  await c.settle();
  const after = c.fields();
  return isChecked(after?.[radio]) && after?.identifier?.value === value ? after.next : undefined;
}

/** A root route: only on the main page of the aws partition; Next is pressed if the setting says so. */
export async function fillRoot(c: FillContext, route: Extract<RouteFill, { type: 'root' }>) {
  const { loc, page, settings, watch, fields, keep, status, done } = c;
  if (loc.partition !== 'aws' || !isEmail(route.email)) return status('no-match');
  // An IAM page (AWS's cookie remembered the last account) has no root sign-in: nothing to fill here.
  if (page.kind === 'iam') return status('no-match');
  const next = await fillMain(c, 'rootRadio', route.email);
  if (!next) return status('no-match');
  if (settings.autoNextRoot) watch.quietly(() => press(next));
  else keep([{ find: () => fields()?.rootRadio }, { find: box(c, 'identifier'), value: route.email }]);
  await done();
  return status('filled', true);
}

/** An IAM route: the main page takes the account and presses Next; the IAM page takes account and user. */
export async function fillIamRoute(c: FillContext, route: Extract<RouteFill, { type: 'iam' }>) {
  const { loc, page, known, watch, keep, status, done } = c;
  const f = page.fields;
  if (!accountName(route.account) || (route.userName !== undefined && !isUserName(route.userName))) {
    return status('no-match');
  }
  if (page.kind === 'main') {
    // The IAM page that Next leads to finishes the route and reports it done.
    const next = await fillMain(c, 'iamRadio', route.account);
    if (!next) return status('no-match');
    watch.quietly(() => press(next));
    return status('filled');
  }
  // A host that names another account is not the page this route is for.
  if (loc.labelKind === 'account' && !sameAccount(loc.label, route.account, known)) return status('no-match');
  const { account: accountBox, userName, password } = f;
  if (!sameAccount(accountBox!.value.trim(), route.account, known)) setValue(accountBox!, route.account);
  const items: Kept[] = [{ find: box(c, 'account'), value: accountBox!.value }];
  if (route.userName) {
    setValue(userName!, route.userName);
    items.push({ find: box(c, 'userName'), value: route.userName });
    if (password) focus(password);
  } else {
    offer(c, route.account);
    focus(userName!);
  }
  keep(items);
  await done();
  return status('filled', true);
}

/** No route: only the IAM page, only its own account's user names, only if the setting allows. */
export function fillRemembered(c: FillContext, account: string | undefined) {
  const { doc, page, settings, keep, status } = c;
  const f = page.fields;
  if (page.kind !== 'iam') return status('no-match');
  const remembered = offer(c, account)[0];
  const userName = f.userName!;
  if (!remembered || !settings.fillRememberedUser || userName.value) return status('no-match');
  setValue(userName, remembered);
  keep([{ find: box(c, 'userName'), value: remembered, ifEmpty: true }]);
  // The password box takes focus only if nothing else (the person's choice) has it.
  if (f.password && [doc.body, userName].includes(doc.activeElement as HTMLElement)) focus(f.password);
  return status('filled');
}
