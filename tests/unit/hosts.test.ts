import { describe, expect, it } from 'vitest';
import {
  accountSignInUrl,
  parseConsoleUrl,
  parseSignInUrl,
  rootSignInUrl,
  SIGNIN_MATCHES,
} from '../../lib/hosts';

describe('sign-in hosts of the three partitions', () => {
  it.each([
    ['https://signin.aws.amazon.com/signin?redirect_uri=x', { partition: 'aws' }],
    ['https://signin.aws.amazon.com/oauth?client_id=x', { partition: 'aws' }],
    [
      'https://us-east-2.signin.aws.amazon.com/oauth',
      { partition: 'aws', label: 'us-east-2', labelKind: 'region' },
    ],
    [
      'https://eu-north-1.signin.aws.amazon.com/',
      { partition: 'aws', label: 'eu-north-1', labelKind: 'region' },
    ],
    [
      'https://123456789012.signin.aws.amazon.com/console',
      { partition: 'aws', label: '123456789012', labelKind: 'account' },
    ],
    [
      'https://acme-prod.signin.aws.amazon.com/console/',
      { partition: 'aws', label: 'acme-prod', labelKind: 'account' },
    ],
    [
      'https://ACME-Prod.SIGNIN.aws.amazon.com/console',
      { partition: 'aws', label: 'acme-prod', labelKind: 'account' },
    ],
    ['https://signin.aws.amazon.com:443/signin', { partition: 'aws' }],
    ['https://signin.amazonaws-us-gov.com/signin', { partition: 'aws-us-gov' }],
    [
      'https://us-gov-west-1.signin.amazonaws-us-gov.com/oauth',
      { partition: 'aws-us-gov', label: 'us-gov-west-1', labelKind: 'region' },
    ],
    [
      'https://210987654321.signin.amazonaws-us-gov.com/console',
      { partition: 'aws-us-gov', label: '210987654321', labelKind: 'account' },
    ],
    ['https://signin.amazonaws.cn/signin', { partition: 'aws-cn' }],
    [
      'https://cn-north-1.signin.amazonaws.cn/oauth',
      { partition: 'aws-cn', label: 'cn-north-1', labelKind: 'region' },
    ],
    [
      'https://acme-china.signin.amazonaws.cn/console',
      { partition: 'aws-cn', label: 'acme-china', labelKind: 'account' },
    ],
  ])('%s is a sign-in page', (url, expected) => {
    expect(parseSignInUrl(url)).toEqual(expected);
  });

  // Lookalikes and edge hosts: none of them is a sign-in page.
  it.each([
    'https://signin.aws.amazon.com.evil.test/signin',
    'https://signin-aws-amazon.com/signin',
    'https://x.signin.aws.amazon.co/console',
    'https://signin.aws.amazon.co/signin',
    'https://a.b.signin.aws.amazon.com/console',
    'https://123456789012.us-east-1.signin.aws.amazon.com/console',
    'https://signin.aws.amazon.com./signin',
    'https://123456789012.signin.aws.amazon.com./console',
    'https://signin.aws.amazon.com:8443/signin',
    'https://user@signin.aws.amazon.com/signin',
    'https://user:pw@signin.aws.amazon.com/signin',
    'http://signin.aws.amazon.com/signin',
    'http://123456789012.signin.aws.amazon.com/console',
    'ftp://signin.aws.amazon.com/',
    'https://evil.test/?u=https://signin.aws.amazon.com/',
    'https://evil.test/signin.aws.amazon.com',
    'https://signin.aws.amazon.com@evil.test/',
    'https://aws.amazon.com/signin',
    'https://console.aws.amazon.com/console/home',
    'https://signin.amazon.com/',
    'https://xsignin.aws.amazon.com/',
    'https://signinaws.amazon.com/',
    'https://-acme.signin.aws.amazon.com/console',
    'https://ac--me.signin.aws.amazon.com/console',
    'https://ac_me.signin.aws.amazon.com/console',
    'https://xn--signin-9za.aws.amazon.com/',
    'https://signіn.aws.amazon.com/',
    'https://xn--80ak6aa92e.signin.aws.amazon.com/console',
    'https://signin.amazonaws-us-gov.com.evil.test/',
    'https://signin.amazonaws.cn.evil.test/',
    'https://signin.amazonaws.com/',
    'https://signin.aws.amazon.cn/',
    'https://signin.amazonaws-us-gov.cn/',
    'https://x.y.signin.amazonaws.cn/',
    'chrome-extension://abc/signin.aws.amazon.com',
    'javascript:alert(1)//signin.aws.amazon.com',
    'not a url',
    '',
  ])('%s is not a sign-in page', (url) => {
    expect(parseSignInUrl(url)).toBeUndefined();
  });

  it('every content-script match pattern is a sign-in host once its wildcard is a region', () => {
    for (const pattern of SIGNIN_MATCHES) {
      const host = pattern
        .replace(/^https:\/\//, '')
        .replace(/\/\*$/, '')
        .replace('*', 'eu-west-1');
      expect(parseSignInUrl(`https://${host}/`), pattern).toBeDefined();
    }
  });
});

describe('route URLs', () => {
  it.each([
    [{ partition: 'aws', account: '123456789012' }, 'https://123456789012.signin.aws.amazon.com/console'],
    [{ partition: 'aws', account: 'acme-prod' }, 'https://acme-prod.signin.aws.amazon.com/console'],
    [
      { partition: 'aws', account: '123456789012', region: 'eu-west-1' },
      'https://123456789012.signin.aws.amazon.com/console?region=eu-west-1',
    ],
    [
      { partition: 'aws', account: '123456789012', landingPath: '/s3', region: 'eu-west-1' },
      'https://123456789012.signin.aws.amazon.com/console/s3?region=eu-west-1',
    ],
    [
      { partition: 'aws', account: '123456789012', landingPath: 'ec2/home' },
      'https://123456789012.signin.aws.amazon.com/console/ec2/home',
    ],
    [
      { partition: 'aws-us-gov', account: '210987654321' },
      'https://210987654321.signin.amazonaws-us-gov.com/console',
    ],
    [
      { partition: 'aws-cn', account: 'acme-china', region: 'cn-north-1' },
      'https://acme-china.signin.amazonaws.cn/console?region=cn-north-1',
    ],
  ] as const)('IAM route %j → %s', (target, expected) => {
    const url = accountSignInUrl(target);
    expect(url).toBe(expected);
    expect(parseSignInUrl(url)).toMatchObject({ partition: target.partition, labelKind: 'account' });
  });

  it.each([
    ['aws', undefined, 'https://console.aws.amazon.com/console/home'],
    ['aws', 'eu-west-1', 'https://console.aws.amazon.com/console/home?region=eu-west-1'],
    ['aws-us-gov', undefined, undefined],
    ['aws-cn', undefined, undefined],
  ] as const)('root route in %s (region %s) → %s', (partition, region, expected) => {
    expect(rootSignInUrl(partition, region)).toBe(expected);
  });
});

describe('console hosts of the three partitions', () => {
  it.each([
    ['https://console.aws.amazon.com/console/home', { partition: 'aws' }],
    ['https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1', { partition: 'aws' }],
    ['https://eu-west-1.console.aws.amazon.com/', { partition: 'aws' }],
    [
      'https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/s3',
      { partition: 'aws', accountId: '123456789012' },
    ],
    ['https://console.amazonaws-us-gov.com/', { partition: 'aws-us-gov' }],
    [
      'https://210987654321-x9.us-gov-west-1.console.amazonaws-us-gov.com/',
      { partition: 'aws-us-gov', accountId: '210987654321' },
    ],
    ['https://console.amazonaws.cn/', { partition: 'aws-cn' }],
    ['https://CONSOLE.AWS.AMAZON.COM/', { partition: 'aws' }],
  ])('%s is a console page: %j', (url, expected) => {
    expect(parseConsoleUrl(url)).toMatchObject(expected);
    expect(parseConsoleUrl(url)?.accountId).toBe((expected as { accountId?: string }).accountId);
  });

  it.each([
    ['https://console.aws.amazon.com.evil.test/', 'a lookalike with the console host as a prefix'],
    ['https://notconsole.aws.amazon.com/', 'a label that only ends like "console"'],
    ['https://aws.amazon.com/console/', 'the marketing site'],
    ['http://console.aws.amazon.com/', 'plain http'],
    ['https://console.aws.amazon.com:8443/', 'another port'],
    ['https://user@console.aws.amazon.com/', 'user info'],
    ['https://signin.aws.amazon.com/signin', 'a sign-in page'],
    ['https://console.amazonaws.com/', 'a partition that does not exist'],
    ['not a url', 'not a URL'],
  ])('%s is not (%s)', (url) => {
    expect(parseConsoleUrl(url)).toBeUndefined();
  });

  it.each([
    ['https://12345678901-abcd.us-east-1.console.aws.amazon.com/', '11 digits'],
    ['https://123456789012.us-east-1.console.aws.amazon.com/', 'no session'],
    ['https://123456789012-ABCD!.us-east-1.console.aws.amazon.com/', 'a session that is not a label'],
  ])('%s names no account (%s)', (url) => {
    expect(parseConsoleUrl(url)?.accountId).toBeUndefined();
  });
});
