// The AWS sign-in page variants Signpost knows, as one table of selectors tried in order, and detect(),
// which names the variant a document shows. Anything that does not match exactly is "unsupported".
import { isWritable } from './dom';

export type VariantName =
  | 'mfa-root'
  | 'mfa-iam'
  | 'iam-redesigned'
  | 'iam-classic'
  | 'main-redesigned'
  | 'main-classic';

export type PageKind = 'main' | 'iam' | 'mfa';

export interface Fields {
  /** Main page: root email, or account ID/alias for IAM users. */
  identifier?: HTMLInputElement;
  rootRadio?: HTMLInputElement;
  iamRadio?: HTMLInputElement;
  next?: HTMLElement;
  /** IAM page. */
  account?: HTMLInputElement;
  userName?: HTMLInputElement;
  /** IAM page's sign-in control (an anchor on the classic page), main page's root sign-in button. */
  submit?: HTMLElement;
  /** IAM page's "Sign in using root user email" link. */
  rootLink?: HTMLElement;
  /** Only ever focused, never read or written. */
  password?: HTMLElement;
}

export type FieldName = keyof Fields;

export interface Detected {
  variant: VariantName;
  kind: PageKind;
  fields: Fields;
}

type Selectors = readonly string[];

interface Variant {
  name: VariantName;
  kind: PageKind;
  /** The page must contain one of these (empty: no marker needed). */
  marker: Selectors;
  required: Partial<Record<FieldName, Selectors>>;
  optional: Partial<Record<FieldName, Selectors>>;
}

const MAIN_SHARED = {
  identifier: ['input#resolving_input'],
  next: ['button#next_button'],
} as const;
const IAM_SHARED = { account: ['input#account'], userName: ['input#username'] } as const;
const IAM_OPTIONAL = {
  password: ['input#password', 'input[type=password]'],
  rootLink: ['#root_account_signin'],
} as const;

/** Most specific first: MFA pages, then the IAM page (its account box), then the main page. */
export const VARIANTS: readonly Variant[] = [
  {
    name: 'mfa-root',
    kind: 'mfa',
    marker: ['input#mfaCode', 'button#mfa_submit_button'],
    required: {},
    optional: {},
  },
  {
    name: 'mfa-iam',
    kind: 'mfa',
    marker: ['input#mfacode', 'a#submitMfa_button'],
    required: {},
    optional: {},
  },
  {
    name: 'iam-redesigned',
    kind: 'iam',
    marker: ['#__next'],
    required: IAM_SHARED,
    optional: { ...IAM_OPTIONAL, submit: ['button#signin_button'] },
  },
  {
    name: 'iam-classic',
    kind: 'iam',
    marker: [],
    required: IAM_SHARED,
    optional: { ...IAM_OPTIONAL, submit: ['a#signin_button', 'button#signin_button'] },
  },
  {
    name: 'main-redesigned',
    kind: 'main',
    marker: ['#__next'],
    required: {
      ...MAIN_SHARED,
      rootRadio: ['input[type=radio][value=ROOT]'],
      iamRadio: ['input[type=radio][value=IAM]'],
    },
    optional: { submit: ['button#signin_button'], password: ['input#password'] },
  },
  {
    name: 'main-classic',
    kind: 'main',
    marker: [],
    required: {
      ...MAIN_SHARED,
      rootRadio: [
        'input#root_user_radio_button[type=radio]',
        'input[type=radio][name=userType][value=rootUser]',
      ],
      iamRadio: [
        'input#iam_user_radio_button[type=radio]',
        'input[type=radio][name=userType][value=iamUser]',
      ],
    },
    optional: { submit: ['button#signin_button'], password: ['input#password'] },
  },
];

/** Boxes Signpost writes to must be plain text boxes: never a password box, never a hidden input. */
const WRITABLE: readonly FieldName[] = ['identifier', 'account', 'userName'];

function find(doc: Document, selectors: Selectors): HTMLElement | undefined {
  for (const selector of selectors) {
    const el = doc.querySelector<HTMLElement>(selector);
    if (el) return el;
  }
  return undefined;
}

function usable(name: FieldName, el: HTMLElement): boolean {
  return !WRITABLE.includes(name) || isWritable(el);
}

function match(doc: Document, variant: Variant): Detected | undefined {
  if (variant.marker.length > 0 && !find(doc, variant.marker)) return undefined;
  const fields: Fields = {};
  const set = (name: FieldName, el: HTMLElement) => {
    (fields as Record<FieldName, HTMLElement>)[name] = el;
  };
  for (const [name, selectors] of Object.entries(variant.required) as [FieldName, Selectors][]) {
    const el = find(doc, selectors);
    if (!el || !usable(name, el)) return undefined;
    set(name, el);
  }
  for (const [name, selectors] of Object.entries(variant.optional) as [FieldName, Selectors][]) {
    const el = find(doc, selectors);
    if (el) set(name, el);
  }
  // Two roles on one node would mean a fill lands in the wrong box.
  const nodes = Object.values(fields);
  if (new Set(nodes).size !== nodes.length) return undefined;
  return { variant: variant.name, kind: variant.kind, fields };
}

/** The first variant whose selectors all match `doc`, with its element handles; undefined if none does. */
export function detect(doc: Document): Detected | undefined {
  for (const variant of VARIANTS) {
    const found = match(doc, variant);
    if (found) return found;
  }
  return undefined;
}
