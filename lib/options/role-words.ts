// How the import preview names a role an account gains: "Identity Center role Admin on d-1234567890",
// "switch role Dev". The portal is named by what a person recognises in its address.
import { t } from '../i18n';
import type { SignIn } from '../schema';
import { signInId } from '../sign-in-kinds';
import { portalShortName } from '../sign-in-links';

/** Words for an Identity Center or switch-role sign-in; undefined for IAM users and root. */
export function roleWords(s: SignIn): string | undefined {
  if (s.type === 'sso') return t('importSsoRole', s.roleName, portalShortName(s.startUrl));
  if (s.type === 'switch') return t('importSwitchRole', s.roleName);
  return undefined;
}

/** The roles `after` has that `before` does not (an import only ever adds roles). */
export function addedRoles(before: readonly SignIn[], after: readonly SignIn[]): string[] {
  const known = new Set(before.map(signInId));
  return after.flatMap((s) => (known.has(signInId(s)) ? [] : [roleWords(s) ?? []].flat()));
}
