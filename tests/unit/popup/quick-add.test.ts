import { describe, expect, it } from 'vitest';
import { t } from '../../../lib/i18n';
import { isAddable, parseAccountInput, parseQuickAdd } from '../../../lib/popup/quick-add';

describe('parseAccountInput: what the quick add account box accepts', () => {
  it.each([
    ['123456789012', { partition: 'aws', accountId: '123456789012' }],
    ['1234-5678-9012', { partition: 'aws', accountId: '123456789012' }],
    [' 1234 5678 9012 ', { partition: 'aws', accountId: '123456789012' }],
    ['My-Company', { partition: 'aws', alias: 'my-company' }],
    ['https://123456789012.signin.aws.amazon.com/console', { partition: 'aws', accountId: '123456789012' }],
    ['https://123456789012.signin.aws.amazon.com/console/', { partition: 'aws', accountId: '123456789012' }],
    ['123456789012.signin.aws.amazon.com/console', { partition: 'aws', accountId: '123456789012' }],
    [
      'https://my-company.signin.aws.amazon.com/console?region=eu-west-1',
      { partition: 'aws', alias: 'my-company' },
    ],
    [
      'https://123456789012.signin.amazonaws-us-gov.com/console',
      { partition: 'aws-us-gov', accountId: '123456789012' },
    ],
    ['https://ops-cn.signin.amazonaws.cn/console', { partition: 'aws-cn', alias: 'ops-cn' }],
    [
      'https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/ec2/home',
      { partition: 'aws', accountId: '123456789012' },
    ],
  ])('reads %j', (input, expected) => {
    expect(parseAccountInput(input)).toEqual(expected);
  });

  it.each([
    ['', 'Enter an account ID, alias or sign-in URL.'],
    ['   ', 'Enter an account ID, alias or sign-in URL.'],
    ['12345', 'An account ID is exactly 12 digits, like 1234-5678-9012.'],
    ['1234-5678-90123', 'An account ID is exactly 12 digits, like 1234-5678-9012.'],
    ['my--alias', 'That is not an account ID (12 digits), an alias or an AWS sign-in URL.'],
    ['ab', 'That is not an account ID (12 digits), an alias or an AWS sign-in URL.'],
    ['root@example.com', 'Add a root email in Signpost settings'],
    ['https://signin.aws.amazon.com/signin?client_id=x', 'That URL does not name an account.'],
    ['https://eu-west-1.signin.aws.amazon.com/console', 'That URL does not name an account.'],
    ['https://console.aws.amazon.com/console/home', 'That URL does not name an account.'],
    [
      'https://123456789012.signin.aws.amazon.com.evil.test/console',
      'That is not an AWS sign-in or console URL.',
    ],
    ['https://example.com/123456789012', 'That is not an AWS sign-in or console URL.'],
  ])('rejects %j with a message that says what to do', (input, message) => {
    const result = parseAccountInput(input);
    expect(result).toHaveProperty('error');
    expect(t((result as { error: Parameters<typeof t>[0] }).error)).toContain(message);
  });
});

describe('parseQuickAdd', () => {
  it('builds an account draft with the IAM user name when one is given', () => {
    expect(parseQuickAdd('1234-5678-9012', ' admin ')).toEqual({
      ok: true,
      draft: { partition: 'aws', accountId: '123456789012', signIns: [{ type: 'iam', userName: 'admin' }] },
    });
    expect(parseQuickAdd('my-company', '')).toEqual({
      ok: true,
      draft: { partition: 'aws', alias: 'my-company' },
    });
  });

  it('reports a bad account and a bad user name together', () => {
    expect(parseQuickAdd('12345', 'has space')).toEqual({
      ok: false,
      errors: { account: 'popupAddErrorIdLength', userName: 'popupAddErrorUserName' },
    });
    expect(parseQuickAdd('123456789012', 'x'.repeat(65))).toEqual({
      ok: false,
      errors: { userName: 'popupAddErrorUserName' },
    });
  });

  it.each([
    ['123456789012', false, 'popupAddErrorUserIsId'],
    ['1234-5678-9012', false, 'popupAddErrorUserIsId'],
    ['1234 5678 9012', false, 'popupAddErrorUserIsId'],
    ['123456789012', true, undefined],
    ['12345678901', false, undefined],
    ['ops-123456789012', false, undefined],
  ])(
    'a user name %j (confirmed: %s) that looks like an account ID is refused unless confirmed',
    (user, ok, err) => {
      expect(parseQuickAdd('prod', user, ok).ok ? undefined : 'popupAddErrorUserIsId').toBe(err);
    },
  );

  it.each([
    ['1234-5678-9012', true],
    ['prod-eu', true],
    ['https://prod-eu.signin.aws.amazon.com/console', true],
    ['prod eu', false],
    ['12345', false],
  ])('offers to add %j from an empty search: %s', (text, addable) => {
    expect(isAddable(text)).toBe(addable);
  });
});
