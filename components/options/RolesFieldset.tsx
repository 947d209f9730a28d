// The editor's Identity Center and switch-role sign-ins: one group of boxes per role (start URL and
// permission set, or role name, display name and colour), each with Remove, and a button to add each kind.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { FieldId, FormErrors } from '../../lib/options/form';
import type { RoleField, RoleForm } from '../../lib/options/role-form';
import { TextField } from './TextField';

export interface RolesFieldsetProps {
  roles: readonly RoleForm[];
  errors: FormErrors;
  onRole: (index: number, field: RoleField, value: string) => void;
  onTouch: (field: FieldId) => void;
  onAdd: (type: RoleForm['type']) => void;
  onRemove: (index: number) => void;
}

export function RolesFieldset({ roles, errors, onRole, onTouch, onAdd, onRemove }: RolesFieldsetProps) {
  const root = useRef<HTMLFieldSetElement>(null);
  const added = useRef(false);

  useEffect(() => {
    // A role just added: its first box takes the focus.
    if (!added.current) return;
    added.current = false;
    const groups = root.current?.querySelectorAll<HTMLElement>('.role');
    groups?.[groups.length - 1]?.querySelector<HTMLInputElement>('input')?.focus();
  }, [roles.length]);

  const box = (i: number, field: RoleField, label: string, placeholder?: string) => (
    <TextField
      id={`edit-role-${i}-${field}`}
      label={label}
      value={roles[i]![field]}
      error={errors[`role:${i}:${field}`]}
      {...(placeholder ? { placeholder } : {})}
      onInput={(v) => onRole(i, field, v)}
      onBlur={() => onTouch(`role:${i}:${field}`)}
    />
  );

  return (
    <fieldset ref={root} class="field roles">
      <legend class="field__label">{t('optionsFieldRoles')}</legend>
      {roles.length === 0 ? <p class="field__hint">{t('optionsNoRoles')}</p> : null}
      {roles.map((role, i) => {
        // Numbered within its kind: the second switch role is "Switch role 2" whatever comes before it.
        const n = roles.slice(0, i + 1).filter((r) => r.type === role.type).length;
        const title = t(role.type === 'sso' ? 'optionsSsoN' : 'optionsSwitchN', n);
        return (
          <fieldset key={i} class={`role role--${role.type}`}>
            <legend class="role__title">{title}</legend>
            {role.type === 'sso' ? (
              <>
                {/* The whole width: a start URL is long, and so is the message that explains one. */}
                {box(i, 'startUrl', t('optionsFieldStartUrl'), 'https://d-1234567890.awsapps.com/start')}
                {box(i, 'roleName', t('optionsFieldPermissionSet'), 'AdministratorAccess')}
              </>
            ) : (
              <>
                {box(i, 'roleName', t('optionsFieldRoleName'), 'division/team/ReadOnly')}
                <div class="editor__pair">
                  {box(i, 'displayName', t('optionsFieldDisplayName'))}
                  {box(i, 'colour', t('optionsFieldRoleColour'), '#1f77b4')}
                </div>
              </>
            )}
            <button
              type="button"
              class="button button--quiet role__remove"
              aria-label={t('optionsRemoveRole', role.roleName.trim() || title)}
              onClick={() => onRemove(i)}
            >
              {t('optionsRemove')}
            </button>
          </fieldset>
        );
      })}
      <div class="roles__add">
        {(['sso', 'switch'] as const).map((type) => (
          <button
            key={type}
            type="button"
            class="button"
            onClick={() => {
              added.current = true;
              onAdd(type);
            }}
          >
            {t(type === 'sso' ? 'optionsAddSso' : 'optionsAddSwitch')}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
