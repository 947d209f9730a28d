// Sees a person submit a sign-in form and reads who signed in: the root email, or the account and IAM
// user name. It never reads a password or MFA box: only the identifier, account and user name boxes.
import { accountName } from '../account';
import type { SignInLocation } from '../hosts';
import { isEmail, isUserName } from '../ids';
import type { LearnedSignIn } from '../messages';
import { isChecked, isTextBox, trusted } from './dom';
import { detectSemantic } from './semantic';
import { detect as detectKnown } from './variants';

/** The page as learning reads it: boxes count even when hidden (nothing is written here). */
const detect = (doc: Document) => detectKnown(doc, isTextBox) ?? detectSemantic(doc) ?? undefined;

export type { LearnedSignIn };

/** Who is signing in on `doc`, if its form shows a complete, valid sign-in. */
export function extract(doc: Document, loc: SignInLocation): LearnedSignIn | undefined {
  const found = detect(doc);
  if (!found) return undefined;
  const { fields } = found;
  if (found.kind === 'main') {
    if (loc.partition !== 'aws' || !isChecked(fields.rootRadio) || !fields.identifier) return undefined;
    const email = fields.identifier.value.trim();
    return isEmail(email) ? { type: 'root', email } : undefined;
  }
  if (found.kind === 'iam' && fields.account && fields.userName) {
    const account = accountName(
      fields.account.value.trim() || (loc.labelKind === 'account' ? loc.label : undefined),
    );
    const userName = fields.userName.value.trim();
    if (account && isUserName(userName)) return { type: 'iam', account, userName };
  }
  return undefined;
}

export interface SubmitWatch {
  /** Runs `action` (Signpost pressing a button itself) without it counting as the person's submit. */
  quietly(action: () => void): void;
}

export interface SubmitHandlers {
  /** Any submit attempt by the person, complete or not. */
  onAttempt?: () => void;
  /** A complete sign-in, once per distinct sign-in on this page. */
  onLearn: (signIn: LearnedSignIn) => void;
  isUserEvent?: (event: Event) => boolean;
}

/**
 * Listens in the capture phase for the person submitting: a form `submit`, a click on Next or Sign in
 * (the classic IAM page's is an anchor), or Enter in a box of the form.
 */
export function watchSubmits(doc: Document, loc: SignInLocation, handlers: SubmitHandlers): SubmitWatch {
  const { onAttempt, onLearn, isUserEvent = trusted } = handlers;
  const sent = new Set<string>();
  let muted = false;

  const attempt = () => {
    onAttempt?.();
    const signIn = extract(doc, loc);
    if (!signIn) return;
    const key = JSON.stringify(signIn);
    if (sent.has(key)) return;
    sent.add(key);
    onLearn(signIn);
  };
  const onSubmit = (event: Event) => {
    if (!muted && isUserEvent(event)) attempt();
  };
  const onClick = (event: Event) => {
    if (muted || !isUserEvent(event)) return;
    const fields = detect(doc)?.fields;
    const target = event.target as Node | null;
    if (!fields || !target) return;
    if ([fields.next, fields.submit].some((control) => control?.contains(target))) attempt();
  };
  // Only the key's name is looked at, and only to spot Enter; never the box's contents.
  const onKey = (event: Event) => {
    if ((event as KeyboardEvent).key !== 'Enter' || muted || !isUserEvent(event)) return;
    if ((event.target as Element | null)?.tagName === 'INPUT') attempt();
  };

  doc.addEventListener('submit', onSubmit, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);
  return {
    quietly(action) {
      muted = true;
      action();
      muted = false;
    },
  };
}

/**
 * The Switch Role form's submit, by the person: reads the boxes named `account`, `roleName`, `displayName`
 * and `color` (the chosen one of AWS's swatches; the background keeps it only when it is a plain hex colour)
 * — nothing else of the form (not `csrf`, not `redirect_uri`). Found by `name`: the page's ids are not
 * documented. A form without an account and a role is not the Switch Role form.
 */
export function watchSwitchRole(
  doc: Document,
  isUserEvent: (event: Event) => boolean,
  onLearn: (signIn: LearnedSignIn) => void,
): void {
  // Each submit is a use (the page navigates away on the first).
  doc.addEventListener(
    'submit',
    (event) => {
      const form = event.target as HTMLFormElement;
      if (!isUserEvent(event)) return;
      // One named box at a time (of a group of swatches, the chosen one), never a password box; nothing else
      // of the form is touched.
      const read = (name: string) => {
        const box = form.elements.namedItem(name) as HTMLInputElement | null;
        return (box?.type !== 'password' && box?.value?.trim()) || undefined;
      };
      const account = read('account');
      const roleName = read('roleName');
      if (!account || !roleName) return;
      onLearn({
        type: 'switch',
        account,
        roleName,
        displayName: read('displayName'),
        // Only a plain hex colour is kept: the background drops anything else (lib/message-schemas.ts).
        colour: read('color'),
      });
    },
    true,
  );
}
