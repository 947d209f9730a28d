import { describe, expect, it } from 'vitest';
import {
  accountName,
  displayLabel,
  partitionName,
  partitionTag,
  rootEmail,
  signInName,
  signInUrlOf,
} from '../../lib/account';
import type { Partition } from '../../lib/ids';
import { account, iam, root } from './popup/fixtures';

describe('account facts', () => {
  it.each([
    ['its label first', { label: 'Production', alias: 'acme-prod', accountId: '123456789012' }, 'Production'],
    ['its alias without a label', { alias: 'acme-prod', accountId: '123456789012' }, 'acme-prod'],
    ['its ID, dashed, without an alias', { accountId: '123456789012' }, '1234-5678-9012'],
    [
      'its root email with nothing else',
      { signIns: [iam('alice'), root('owner@example.com')] },
      'owner@example.com',
    ],
    ['nothing at all', {}, ''],
  ])('an account is listed under %s', (_, fields, expected) => {
    expect(displayLabel(account({ key: 'k', ...fields }))).toBe(expected);
  });

  it.each([
    [[iam('alice'), root('owner@example.com')], 'owner@example.com'],
    [[iam('alice')], undefined],
    [[], undefined],
  ])('root email of sign-ins %j is %s', (signIns, expected) => {
    expect(rootEmail({ signIns })).toBe(expected);
  });

  it.each([
    [{ accountId: '123456789012', alias: 'acme-prod' }, '123456789012', 'the ID: an alias can change'],
    [{ alias: 'acme-prod' }, 'acme-prod', 'the alias without an ID'],
    [{}, undefined, 'none without either'],
  ])('an account %j signs in by %s (%s)', (fields, expected, _why) => {
    expect(signInName(fields)).toBe(expected);
  });

  it.each([
    [{ accountId: '123456789012', alias: 'acme' }, 'https://123456789012.signin.aws.amazon.com/console'],
    [
      { partition: 'aws-us-gov' as const, alias: 'gov-ops', region: 'us-gov-west-1' },
      'https://gov-ops.signin.amazonaws-us-gov.com/console?region=us-gov-west-1',
    ],
    [{ signIns: [root('owner@example.com')] }, undefined],
  ])('the sign-in URL of %j is %s', (fields, expected) => {
    expect(signInUrlOf(account({ key: 'k', ...fields }))).toBe(expected);
  });

  it.each([
    ['1234-5678-9012', '123456789012'],
    [' 1234 5678 9012 ', '123456789012'],
    ['Acme-Prod', 'acme-prod'],
    ['12345', undefined],
    ['not an alias!', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('a page showing %j names the account %j', (input, expected) => {
    expect(accountName(input)).toBe(expected);
  });

  it.each<[Partition, string, string | undefined]>([
    ['aws', 'AWS', undefined],
    ['aws-us-gov', 'AWS GovCloud (US)', 'GovCloud'],
    ['aws-cn', 'AWS China', 'China'],
  ])('partition %s is called %j, tagged %j in the popup', (partition, name, tag) => {
    expect(partitionName(partition)).toBe(name);
    expect(partitionTag(partition)).toBe(tag);
  });
});
