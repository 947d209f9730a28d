// The second detector: when the selector table (variants.ts) knows no variant, it finds the main page and
// the IAM page by stable hints — name attributes, autocomplete tokens, input types, then accessible names in
// the sign-in page's languages — and answers only when every role maps to exactly one visible, writable
// box. Any doubt (two candidates, one box for two roles, roles split across forms) is no answer at all.
import { isShown, isWritable } from './dom';
import { fold, labelOf, says } from './names';
import { type Detected, detect as detectKnown, type Fields } from './variants';
import type { WordList } from './words';

type BoxRole = 'identifier' | 'account' | 'userName';
type Test = (box: HTMLInputElement) => boolean;

const attr = (name: string) => (el: Element) => fold(el.getAttribute(name) ?? '');
const nameOf = attr('name');
const tokens = (el: Element) => (el.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);

/** The hints for each box, most stable first; the first hint that picks anything decides. */
const HINTS: Record<
  BoxRole,
  { names: string[]; autocomplete: string[]; types: string[]; words: WordList[] }
> = {
  identifier: {
    names: ['email', 'resolvinginput', 'identifier'],
    autocomplete: ['username', 'email'],
    types: ['email'],
    words: ['account', 'email'],
  },
  account: {
    names: ['account', 'accountid', 'accountalias'],
    autocomplete: [],
    types: [],
    words: ['account'],
  },
  userName: {
    names: ['username', 'iamusername', 'user'],
    autocomplete: ['username'],
    types: [],
    words: ['user'],
  },
};

function tests(role: BoxRole): Test[] {
  const h = HINTS[role];
  return [
    (box) => h.names.includes(nameOf(box)),
    (box) => tokens(box).some((token) => h.autocomplete.includes(token)),
    (box) => h.types.includes((box.getAttribute('type') ?? '').toLowerCase()),
    (box) => h.words.some((list) => says(labelOf(box), list)),
  ];
}

/** The one box for `role`: undefined if none looks like it, null if two do at the same level of hint. */
function pick(boxes: HTMLInputElement[], role: BoxRole): HTMLInputElement | null | undefined {
  for (const test of tests(role)) {
    const hits = boxes.filter(test);
    if (hits.length > 1) return null;
    if (hits.length === 1) return hits[0];
  }
  return undefined;
}

const SUBMITS = 'button:not([type]), button[type=submit], input[type=submit]';
const CONTROLS = `${SUBMITS}, button, input[type=button], [role=button]`;

const visible = <E extends Element>(els: Iterable<E>) =>
  [...els].filter((el) => isShown(el) && !(el as unknown as HTMLButtonElement).disabled);

/** Whether everything given sits in one form (or none), and that form is not a search box. */
function oneForm(els: (Element | undefined)[]): boolean {
  const forms = new Set(els.filter(Boolean).map((el) => el!.closest('form')));
  const [form] = forms;
  return forms.size === 1 && form?.getAttribute('role') !== 'search';
}

type Choice = { root?: HTMLElement; iam: HTMLElement };

/** The root/IAM choice: exactly one visible IAM option, at most one root option; null if more. */
function choice(doc: Document): Choice | null | undefined {
  const radios = visible(doc.querySelectorAll<HTMLElement>('input[type=radio], [role=radio]'));
  // The value is the stabler hint (rootUser/iamUser on the classic page, ROOT/IAM on the redesigned one).
  const kind = (el: HTMLElement, list: 'root' | 'iam') => {
    const value = fold(el.getAttribute('value') ?? '');
    return value ? value.startsWith(list) : says(labelOf(el), list);
  };
  const roots = radios.filter((el) => kind(el, 'root'));
  const iams = radios.filter((el) => kind(el, 'iam') && !roots.includes(el));
  if (iams.length > 1 || roots.length > 1) return null;
  if (iams.length === 0) return roots.length ? null : undefined;
  return { root: roots[0], iam: iams[0]! };
}

/** The one visible control that moves on from `box`: its form's only submit button, else the one named Next. */
function nextFor(doc: Document, box: HTMLInputElement): HTMLElement | undefined {
  const form = box.closest('form');
  const submits = form ? visible(form.querySelectorAll<HTMLElement>(SUBMITS)) : [];
  if (submits.length === 1) return submits[0];
  const named = visible((form ?? doc).querySelectorAll<HTMLElement>(CONTROLS)).filter((el) =>
    says(labelOf(el), 'next', true),
  );
  return named.length === 1 ? named[0] : undefined;
}

function mainPage(doc: Document, boxes: HTMLInputElement[], choose: Choice): Detected | null {
  const identifier = pick(boxes, 'identifier');
  if (!identifier) return null;
  const next = nextFor(doc, identifier);
  if (!next || !oneForm([identifier, choose.iam, choose.root, next])) return null;
  const fields: Fields = { identifier, next, iamRadio: choose.iam };
  if (choose.root) fields.rootRadio = choose.root;
  return { variant: 'semantic-main', kind: 'main', fields };
}

function iamPage(doc: Document, boxes: HTMLInputElement[]): Detected | null | undefined {
  const account = pick(boxes, 'account');
  const userName = pick(boxes, 'userName');
  if (account === undefined && userName === undefined) return undefined;
  if (!account || !userName || account === userName || !oneForm([account, userName])) return null;
  // A box whose own label names the other role is a contradiction, not a guess to make.
  if (says(labelOf(account), 'user') || says(labelOf(userName), 'account')) return null;
  const fields: Fields = { account, userName };
  const passwords = visible(doc.querySelectorAll<HTMLInputElement>('input[type=password]'));
  if (passwords.length === 1 && oneForm([account, passwords[0]])) fields.password = passwords[0];
  const form = account.closest('form');
  const submits = form ? visible(form.querySelectorAll<HTMLElement>(SUBMITS)) : [];
  if (submits.length === 1) fields.submit = submits[0];
  return { variant: 'semantic-iam', kind: 'iam', fields };
}

/**
 * The main or IAM page found by meaning. null: a sign-in form is there but something is in doubt (the
 * content script says no-match); undefined: nothing here looks like one (unsupported-page).
 */
export function detectSemantic(doc: Document): Detected | null | undefined {
  const boxes = [...doc.querySelectorAll('input')].filter(isWritable);
  const choose = choice(doc);
  if (choose === null) return null;
  if (choose) return mainPage(doc, boxes, choose);
  return boxes.length ? iamPage(doc, boxes) : undefined;
}

/** The page as the selector table knows it, else as the second detector reads it; undefined if neither. */
export function detectPage(doc: Document): Detected | undefined {
  return detectKnown(doc) ?? detectSemantic(doc) ?? undefined;
}
