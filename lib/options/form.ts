// The account editor's form: what it holds, and its validation, field by field, in plain words. The
// rules are the record schemas' (lib/schema.ts); this only says which box a message belongs next to.
import type { z } from 'zod';
import type { AccountDraft, AccountDraftInput } from '../draft';
import { t } from '../i18n';
import type { Partition } from '../ids';
import { checkDraft } from '../import/check-draft';
import { hasUnsafeText, stripUnsafeText } from '../safe-text';
import {
  type Account,
  accountIdSchema,
  aliasSchema,
  colourSchema,
  emailSchema,
  explain,
  labelSchema,
  landingPathSchema,
  notesSchema,
  regionSchema,
  tagSchema,
  userNameSchema,
} from '../schema';
import { type RoleFieldId, type RoleForm, rolesFromAccount, validateRoles } from './role-form';

export interface AccountForm {
  /** The record being edited; undefined for a new account. */
  key?: string;
  label: string;
  accountId: string;
  alias: string;
  partition: Partition;
  colour: string;
  /** Tags as typed: separated by commas or spaces. */
  tags: string;
  notes: string;
  region: string;
  landingPath: string;
  users: string[];
  rootEmail: string;
  /** Identity Center and switch-role sign-ins (lib/options/role-form.ts). */
  roles: RoleForm[];
}

export type TextField = Exclude<keyof AccountForm, 'key' | 'users' | 'partition' | 'roles'>;
/**
 * A box on the form: a text field, the partition, the IAM user at an index (`user:2`), or a box of the
 * role at an index (`role:0:startUrl`).
 */
export type FieldId = TextField | 'partition' | `user:${number}` | RoleFieldId;
export type FormErrors = Partial<Record<FieldId | 'form', string>>;

export const LABEL_MAX = 100;
export const NOTES_MAX = 2000;

export function emptyForm(): AccountForm {
  return {
    label: '',
    accountId: '',
    alias: '',
    partition: 'aws',
    colour: '',
    tags: '',
    notes: '',
    region: '',
    landingPath: '',
    users: [],
    rootEmail: '',
    roles: [],
  };
}

export function formFromAccount(account: Account): AccountForm {
  return {
    key: account.key,
    label: account.label ?? '',
    accountId: account.accountId ?? '',
    alias: account.alias ?? '',
    partition: account.partition,
    colour: account.colour ?? '',
    tags: account.tags.join(' '),
    notes: account.notes ?? '',
    region: account.region ?? '',
    landingPath: account.landingPath ?? '',
    users: account.signIns.flatMap((s) => (s.type === 'iam' ? [s.userName] : [])),
    rootEmail: account.signIns.find((s) => s.type === 'root')?.email ?? '',
    roles: rolesFromAccount(account),
  };
}

export function splitTags(input: string): string[] {
  return input.split(/[\s,;]+/).filter(Boolean);
}

function check(schema: z.ZodType, value: string): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : explain(result.error);
}

/** Every problem on the form, keyed by the box it belongs next to; the draft when there is none. */
export function validateForm(form: AccountForm): { errors: FormErrors; draft?: AccountDraft } {
  const errors: FormErrors = {};
  const text = (field: TextField) => form[field].trim();
  if (text('accountId')) errors.accountId = check(accountIdSchema, form.accountId);
  if (text('alias')) errors.alias = check(aliasSchema, form.alias);
  if (text('label').length > LABEL_MAX) errors.label = t('optionsLabelTooLong', LABEL_MAX);
  else errors.label = check(labelSchema, form.label);
  if (form.notes.length > NOTES_MAX) errors.notes = t('optionsNotesTooLong', NOTES_MAX.toLocaleString('en'));
  else errors.notes = check(notesSchema, form.notes);
  if (text('colour')) errors.colour = check(colourSchema, form.colour);
  if (text('region')) errors.region = check(regionSchema, form.region);
  if (text('landingPath')) errors.landingPath = check(landingPathSchema, form.landingPath);
  const badTag = splitTags(form.tags).find((tag) => !tagSchema.safeParse(tag).success);
  if (badTag && hasUnsafeText(badTag, 'line')) {
    errors.tags = t('optionsTagCharacters', stripUnsafeText(badTag, 'line'));
  } else if (badTag) errors.tags = t('optionsBadTag', badTag);

  const seen = new Set<string>();
  form.users.forEach((user, i) => {
    const name = user.trim();
    if (!name) return;
    const problem = check(userNameSchema, name);
    if (problem) errors[`user:${i}`] = problem;
    else if (seen.has(name.toLowerCase())) errors[`user:${i}`] = t('optionsUserTwice', name);
    seen.add(name.toLowerCase());
  });
  if (text('rootEmail')) {
    errors.rootEmail = check(emailSchema, form.rootEmail);
    if (!errors.rootEmail && form.partition !== 'aws') errors.rootEmail = t('optionsRootOnlyAws');
  }
  const roles = validateRoles(form.roles, {
    partition: form.partition,
    hasAccountId: Boolean(text('accountId')) && !errors.accountId,
  });
  Object.assign(errors, roles.errors);
  if (!text('accountId') && !text('alias') && !text('rootEmail'))
    errors.accountId = t('optionsNeedsIdentifier');

  for (const key of Object.keys(errors) as (keyof FormErrors)[]) if (!errors[key]) delete errors[key];
  if (Object.keys(errors).length > 0) return { errors };

  const input: AccountDraftInput = { partition: form.partition, tags: splitTags(form.tags) };
  if (form.key) input.key = form.key;
  const optional = ['label', 'accountId', 'alias', 'colour', 'region', 'landingPath'] as const;
  for (const field of optional) if (text(field)) input[field] = text(field);
  if (form.notes.trim()) input.notes = form.notes;
  input.signIns = [
    ...form.users
      .map((u) => u.trim())
      .filter(Boolean)
      .map((userName) => ({ type: 'iam' as const, userName })),
    ...(text('rootEmail') ? [{ type: 'root' as const, email: text('rootEmail') }] : []),
    ...roles.signIns,
  ];
  // The same rules the store applies, as a last guard: a problem here is shown above the buttons.
  const checked = checkDraft(input);
  return checked.ok ? { errors, draft: checked.draft } : { errors: { form: checked.reason } };
}
