// What each kind of sign-in is, in one place: IAM user, root user, Identity Center (start URL + permission
// set) and switch role (role name + display name). Its identity within an account, the facts that name it
// and the text a person knows it by. Type-only imports: the content script may use this.
import type { SignIn } from './schema';

export type SignInKind = SignIn['type'];

/** Every kind, in the order the popup lists an account's sign-ins. */
export const SIGN_IN_KINDS: readonly SignInKind[] = ['iam', 'root', 'sso', 'switch'];

type Facts<S> = S extends SignIn ? Omit<S, 'uses' | 'lastUsed'> : never;
/** A sign-in without its frecency, as a route target, a draft or a learned sign-in carries it. */
export type SignInFacts = Facts<SignIn>;

/** What names one sign-in of an account: a route target, a stored sign-in, a draft. */
export type SignInRef =
  | { type: 'iam'; userName: string }
  | { type: 'root' }
  | { type: 'sso'; startUrl: string; roleName: string }
  | { type: 'switch'; roleName: string };

/**
 * The identity of a sign-in within an account: an IAM user name or a role name regardless of case, the one
 * root user, or an Identity Center start URL with its permission set. Two sign-ins with the same identity
 * are one sign-in (merged, never listed twice).
 */
export function signInId(s: SignInRef): string {
  switch (s.type) {
    case 'iam':
      return `iam:${s.userName.toLowerCase()}`;
    case 'root':
      return 'root';
    case 'sso':
      return `sso:${s.startUrl} ${s.roleName.toLowerCase()}`;
    case 'switch':
      return `switch:${s.roleName.toLowerCase()}`;
  }
}

/** The sign-in's facts without its kind and frecency: what an edit or a newer import may change. */
export function factsOf(s: SignInFacts): Record<string, string> {
  const {
    type: _type,
    uses: _uses,
    lastUsed: _lastUsed,
    ...facts
  } = s as SignInFacts & {
    uses?: number;
    lastUsed?: number;
  };
  return facts as Record<string, string>;
}

/**
 * Kinds whose facts say more than their identity (root: which email; switch role: display name and colour).
 * For these, two writers can disagree about the same sign-in; for IAM users and Identity Center roles only
 * the spelling can differ.
 */
export function hasDetails(s: Pick<SignIn, 'type'>): boolean {
  return s.type === 'root' || s.type === 'switch';
}

/**
 * `current` with the details `incoming` gives (hasDetails): a root's email, a switch role's display name and
 * colour where it sets them. Its identity keeps its first spelling (`team/Ops` stays `team/Ops` when
 * `TEAM/ops` comes in) and its frecency stays; the caller settles those.
 */
export function withDetails<S extends SignInFacts>(current: S, incoming: SignInFacts): S {
  if (incoming.type === 'root' && current.type === 'root') return { ...current, email: incoming.email };
  if (incoming.type !== 'switch' || current.type !== 'switch') return current;
  const { displayName, colour } = incoming;
  return {
    ...current,
    ...(displayName !== undefined ? { displayName } : {}),
    ...(colour !== undefined ? { colour } : {}),
  };
}

/** The name a person knows the sign-in by: user name, root email or role name. */
export function signInWho(s: SignInFacts): string {
  switch (s.type) {
    case 'iam':
      return s.userName;
    case 'root':
      return s.email;
    case 'sso':
    case 'switch':
      return s.roleName;
  }
}

/** The words a sign-in is found by in the options page's filter: its name and what else it shows. */
export function signInSearchText(s: SignInFacts): string {
  switch (s.type) {
    case 'root':
      return `root ${s.email}`;
    case 'sso':
      return `${s.roleName} ${s.startUrl}`;
    case 'switch':
      return s.displayName ? `${s.roleName} ${s.displayName}` : s.roleName;
    default:
      return signInWho(s);
  }
}
