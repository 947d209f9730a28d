// The account editor's Identity Center and switch-role sign-ins: what each row of boxes holds, and its
// validation in the record schemas' words (lib/schema.ts), keyed by the box a message belongs next to.
import type { z } from 'zod';
import type { SignInDraft } from '../draft';
import { t } from '../i18n';
import type { Partition } from '../ids';
import {
  type Account,
  colourSchema,
  displayNameSchema,
  explain,
  permissionSetSchema,
  roleNameSchema,
  startUrlSchema,
} from '../schema';
import { signInId } from '../sign-in-kinds';
import { parseStartUrl } from '../targets';

/** One role on the form: an Identity Center permission set, or a role to switch to. */
export interface RoleForm {
  type: 'sso' | 'switch';
  /** Identity Center only. */
  startUrl: string;
  roleName: string;
  /** Switch role only, optional. */
  displayName: string;
  /** Switch role only, optional. */
  colour: string;
}

export type RoleField = 'startUrl' | 'roleName' | 'displayName' | 'colour';
export type RoleFieldId = `role:${number}:${RoleField}`;

export function emptyRole(type: RoleForm['type']): RoleForm {
  return { type, startUrl: '', roleName: '', displayName: '', colour: '' };
}

export function rolesFromAccount(account: Account): RoleForm[] {
  return account.signIns.flatMap((s): RoleForm[] => {
    if (s.type === 'sso') return [{ ...emptyRole('sso'), startUrl: s.startUrl, roleName: s.roleName }];
    if (s.type !== 'switch') return [];
    return [
      {
        ...emptyRole('switch'),
        roleName: s.roleName,
        displayName: s.displayName ?? '',
        colour: s.colour ?? '',
      },
    ];
  });
}

function parsed<T>(schema: z.ZodType<T, string>, value: string): { value?: T; error?: string } {
  const result = schema.safeParse(value);
  return result.success ? { value: result.data } : { error: explain(result.error) };
}

function isBlank(role: RoleForm): boolean {
  const fields = role.type === 'sso' ? [role.startUrl, role.roleName] : [role.roleName, role.displayName];
  return fields.every((v) => !v.trim()) && !role.colour.trim();
}

/**
 * Every problem of the roles, by box, and the sign-ins they make when there is none. A row left empty is
 * no sign-in (like an empty user box).
 */
export function validateRoles(
  roles: readonly RoleForm[],
  account: { partition: Partition; hasAccountId: boolean },
): { errors: Partial<Record<RoleFieldId, string>>; signIns: SignInDraft[] } {
  const errors: Partial<Record<RoleFieldId, string>> = {};
  const signIns: SignInDraft[] = [];
  const seen = new Set<string>();
  roles.forEach((role, i) => {
    if (isBlank(role)) return;
    const at = (field: RoleField): RoleFieldId => `role:${i}:${field}`;
    const name =
      role.type === 'sso'
        ? parsed(permissionSetSchema, role.roleName)
        : parsed(roleNameSchema, role.roleName);
    if (name.error) errors[at('roleName')] = name.error;
    if (role.type === 'sso') {
      const url = parsed(startUrlSchema, role.startUrl);
      const portal = url.value ? parseStartUrl(url.value) : undefined;
      if (url.error) errors[at('startUrl')] = url.error;
      else if (!account.hasAccountId) errors[at('startUrl')] = t('optionsSsoNeedsAccountId');
      else if (typeof portal === 'object' && portal.partition !== account.partition)
        errors[at('startUrl')] = t('optionsSsoPartition');
      if (url.value && name.value) {
        const signIn = { type: 'sso' as const, startUrl: url.value, roleName: name.value };
        if (seen.has(signInId(signIn))) errors[at('roleName')] = t('optionsRoleTwice', name.value);
        seen.add(signInId(signIn));
        signIns.push(signIn);
      }
      return;
    }
    const display = role.displayName.trim() ? parsed(displayNameSchema, role.displayName) : {};
    const colour = role.colour.trim() ? parsed(colourSchema, role.colour) : {};
    if (display.error) errors[at('displayName')] = display.error;
    if (colour.error) errors[at('colour')] = colour.error;
    if (!name.value) return;
    const signIn: SignInDraft = {
      type: 'switch',
      roleName: name.value,
      ...(display.value ? { displayName: display.value } : {}),
      ...(colour.value ? { colour: colour.value } : {}),
    };
    if (seen.has(signInId(signIn))) errors[at('roleName')] = t('optionsRoleTwice', name.value);
    seen.add(signInId(signIn));
    signIns.push(signIn);
  });
  return { errors, signIns };
}
