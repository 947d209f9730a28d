// The AWS sign-in page variants Signpost knows, as one table of selectors tried in order, and detect(),
// which names the variant a document shows. Anything that does not match exactly is "unsupported".
import { isWritable } from './dom';

/** Which boxes a variant's text fields may be: writable ones to fill, any text box to read. */
type Usable = (el: Element) => boolean;

export type VariantName =
  | 'mfa-root'
  | 'mfa-iam'
  | 'iam-redesigned'
  | 'iam-classic'
  | 'main-redesigned'
  | 'main-classic'
  /** Found by the second detector (semantic.ts), not by this table. */
  | 'semantic-main'
  | 'semantic-iam';

export type PageKind = 'main' | 'iam' | 'mfa';

export interface Fields {
  /** Main page: root email, or account ID/alias for IAM users. */
  identifier?: HTMLInputElement;
  /** A radio input, or any control with role=radio. */
  rootRadio?: HTMLElement;
  iamRadio?: HTMLElement;
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
  /** Each field's selectors, tried in order; every field but OPTIONAL must be found. */
  fields: Partial<Record<FieldName, Selectors>>;
}

const OPTIONAL: readonly FieldName[] = ['submit', 'password', 'rootLink'];
/** Boxes Signpost writes to must be plain text boxes: never a password box, never a hidden input. */
const WRITABLE: readonly FieldName[] = ['identifier', 'account', 'userName'];

const MAIN = { identifier: ['input#resolving_input'], next: ['button#next_button'] };
const IAM = {
  account: ['input#account'],
  userName: ['input#username'],
  password: ['input#password', 'input[type=password]'],
  rootLink: ['#root_account_signin'],
};

/** Most specific first: MFA pages, then the IAM page (its account box), then the main page. */
export const VARIANTS: readonly Variant[] = [
  { name: 'mfa-root', kind: 'mfa', marker: ['input#mfaCode', 'button#mfa_submit_button'], fields: {} },
  { name: 'mfa-iam', kind: 'mfa', marker: ['input#mfacode', 'a#submitMfa_button'], fields: {} },
  {
    name: 'iam-redesigned',
    kind: 'iam',
    marker: ['#__next'],
    fields: { ...IAM, submit: ['button#signin_button'] },
  },
  {
    name: 'iam-classic',
    kind: 'iam',
    marker: [],
    fields: { ...IAM, submit: ['a#signin_button', 'button#signin_button'] },
  },
  {
    name: 'main-redesigned',
    kind: 'main',
    marker: ['#__next'],
    fields: {
      ...MAIN,
      rootRadio: ['input[type=radio][value=ROOT]'],
      iamRadio: ['input[type=radio][value=IAM]'],
    },
  },
  {
    name: 'main-classic',
    kind: 'main',
    marker: [],
    fields: {
      ...MAIN,
      rootRadio: [
        'input#root_user_radio_button[type=radio]',
        'input[type=radio][name=userType][value=rootUser]',
      ],
      iamRadio: [
        'input#iam_user_radio_button[type=radio]',
        'input[type=radio][name=userType][value=iamUser]',
      ],
    },
  },
];

function find(doc: Document, selectors: Selectors): HTMLElement | undefined {
  for (const selector of selectors) {
    const el = doc.querySelector<HTMLElement>(selector);
    if (el) return el;
  }
  return undefined;
}

function match(doc: Document, variant: Variant, usable: Usable): Detected | undefined {
  if (variant.marker.length > 0 && !find(doc, variant.marker)) return undefined;
  const fields: Record<string, HTMLElement> = {};
  for (const [name, selectors] of Object.entries(variant.fields) as [FieldName, Selectors][]) {
    const el = find(doc, selectors);
    if (el && (!WRITABLE.includes(name) || usable(el))) fields[name] = el;
    else if (!OPTIONAL.includes(name)) return undefined;
  }
  // Two roles on one node would mean a fill lands in the wrong box.
  const nodes = Object.values(fields);
  if (new Set(nodes).size !== nodes.length) return undefined;
  return { variant: variant.name, kind: variant.kind, fields };
}

/** The first variant whose selectors all match `doc`, with its element handles; undefined if none does. */
export function detect(doc: Document, usable: Usable = isWritable): Detected | undefined {
  for (const variant of VARIANTS) {
    const found = match(doc, variant, usable);
    if (found) return found;
  }
  return undefined;
}
