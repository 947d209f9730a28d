import { describe, expect, it } from 'vitest';
import {
  accountIdSchema,
  accountSchema,
  aliasSchema,
  emailSchema,
  regionSchema,
  tagsSchema,
  userNameSchema,
} from '../../lib/schema';

function check(
  schema: {
    safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } };
  },
  input: unknown,
) {
  const r = schema.safeParse(input);
  return r.success ? { ok: r.data } : { error: r.error!.issues.map((i) => i.message).join(' ') };
}

describe('account ID rule: 12 digits, dashes and spaces normalised', () => {
  it.each([
    ['123456789012', { ok: '123456789012' }],
    ['1234-5678-9012', { ok: '123456789012' }],
    ['1234 5678 9012', { ok: '123456789012' }],
    ['  123456789012\n', { ok: '123456789012' }],
    ['12345678901', { error: 'An account ID is exactly 12 digits, like 1234-5678-9012.' }],
    ['1234567890123', { error: 'An account ID is exactly 12 digits, like 1234-5678-9012.' }],
    ['12345678901a', { error: 'An account ID is exactly 12 digits, like 1234-5678-9012.' }],
    ['', { error: 'An account ID is exactly 12 digits, like 1234-5678-9012.' }],
  ])('%j → %j', (input, expected) => {
    expect(check(accountIdSchema, input)).toEqual(expected);
  });
});

describe('alias rule: AWS grammar, not a 12-digit number', () => {
  it.each([
    ['acme-prod', { ok: 'acme-prod' }],
    ['ACME-Prod', { ok: 'acme-prod' }],
    ['abc', { ok: 'abc' }],
    ['a'.repeat(63), { ok: 'a'.repeat(63) }],
    ['ab', { error: 'An alias is 3 to 63 characters long.' }],
    ['a'.repeat(64), { error: 'An alias is 3 to 63 characters long.' }],
    ['123456789012', { error: 'An alias cannot be a 12-digit number; that is an account ID.' }],
    ['-acme', { error: expect.stringContaining('starts and ends with a letter or digit') }],
    ['acme-', { error: expect.stringContaining('starts and ends with a letter or digit') }],
    ['ac--me', { error: expect.stringContaining('single hyphens') }],
    ['acme_prod', { error: expect.stringContaining('lowercase letters, digits') }],
    ['acme.prod', { error: expect.stringContaining('lowercase letters, digits') }],
  ])('%j → %j', (input, expected) => {
    expect(check(aliasSchema, input)).toEqual(expected);
  });
});

describe('IAM user name rule: 1–64 of letters, digits and + = , . @ _ -', () => {
  const message = 'An IAM user name is 1 to 64 letters, digits or + = , . @ _ - characters.';
  it.each([
    ['alice', { ok: 'alice' }],
    ['Alice.Smith+ops=1,x@corp_name-2', { ok: 'Alice.Smith+ops=1,x@corp_name-2' }],
    ['a'.repeat(64), { ok: 'a'.repeat(64) }],
    ['a'.repeat(65), { error: message }],
    ['', { error: message }],
    ['alice smith', { error: message }],
    ['alice/admin', { error: message }],
    ['élodie', { error: message }],
  ])('%j → %j', (input, expected) => {
    expect(check(userNameSchema, input)).toEqual(expected);
  });
});

describe('root email, region and tags', () => {
  it.each([
    ['email', emailSchema, 'root@example.com', { ok: 'root@example.com' }],
    ['email', emailSchema, ' ops+aws@corp.co.uk ', { ok: 'ops+aws@corp.co.uk' }],
    [
      'email',
      emailSchema,
      'root@example',
      { error: 'That is not an email address (expected name@example.com).' },
    ],
    [
      'email',
      emailSchema,
      'root example.com',
      { error: 'That is not an email address (expected name@example.com).' },
    ],
    ['region', regionSchema, 'eu-west-1', { ok: 'eu-west-1' }],
    ['region', regionSchema, 'us-gov-west-1', { ok: 'us-gov-west-1' }],
    ['region', regionSchema, 'cn-northwest-1', { ok: 'cn-northwest-1' }],
    ['region', regionSchema, 'Europe', { error: 'A region looks like eu-west-1 or us-gov-west-1.' }],
    ['tags', tagsSchema, ['Prod', 'prod', 'team-a'], { ok: ['prod', 'team-a'] }],
    ['tags', tagsSchema, ['two words'], { error: 'A tag is 1 to 32 characters with no spaces or commas.' }],
  ] as const)('%s %j', (_name, schema, input, expected) => {
    expect(check(schema, input)).toEqual(expected);
  });
});

describe('account records', () => {
  const base = { key: 'k', partition: 'aws', createdAt: 1, updatedAt: 1 };
  it('needs an account ID, an alias or a root email', () => {
    expect(check(accountSchema, base)).toEqual({
      error: 'An account needs an account ID, an alias or a root email.',
    });
    expect(check(accountSchema, { ...base, alias: 'acme' })).toHaveProperty('ok');
  });

  it('refuses a root sign-in outside the aws partition', () => {
    const r = check(accountSchema, {
      ...base,
      partition: 'aws-cn',
      accountId: '123456789012',
      signIns: [{ type: 'root', email: 'a@b.cn', uses: 0, lastUsed: 0 }],
    });
    expect(r.error).toMatch(/Root users cannot sign in to the console in GovCloud or China/);
  });

  it('refuses the same user name twice, whatever the case', () => {
    const user = (userName: string) => ({ type: 'iam', userName, uses: 0, lastUsed: 0 });
    const r = check(accountSchema, { ...base, alias: 'acme', signIns: [user('Alice'), user('alice')] });
    expect(r.error).toBe('User name alice is listed twice.');
  });
});
