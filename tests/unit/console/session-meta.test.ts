// @vitest-environment happy-dom
// The console's session meta, parsed defensively: real-shaped samples give the session, anything missing,
// mistyped or hostile gives nothing (or drops just that field), and only the meta is read.
import { describe, expect, it } from 'vitest';
import {
  MAX_META_LENGTH,
  parsePrincipalArn,
  parseSessionMeta,
  readSessionMeta,
} from '../../../lib/console/session-meta';

const ID = '123456789012';
const meta = (fields: Record<string, unknown>) => JSON.stringify(fields);

describe('real-shaped session meta', () => {
  it.each([
    [
      'IAM user, multi-session on',
      {
        accountId: ID,
        accountAlias: 'acme-prod',
        displayName: 'alice @ acme-prod',
        sessionARN: `arn:aws:iam::${ID}:user/alice`,
        infrastructureRegion: 'eu-west-1',
        signInEndpoint: 'eu-west-1.signin.aws.amazon.com',
        prismModeEnabled: true,
        sessionDifferentiator: `${ID}-abc12`,
      },
      {
        accountId: ID,
        alias: 'acme-prod',
        principalArn: `arn:aws:iam::${ID}:user/alice`,
        signInEndpoint: 'eu-west-1.signin.aws.amazon.com',
        sessionDifferentiator: `${ID}-abc12`,
        multiSession: true,
      },
    ],
    [
      'root, multi-session off as a string',
      { accountId: ID, sessionARN: `arn:aws:iam::${ID}:root`, prismModeEnabled: 'false' },
      { accountId: ID, principalArn: `arn:aws:iam::${ID}:root`, multiSession: false },
    ],
    [
      'assumed role in GovCloud',
      {
        accountId: ID,
        sessionARN: `arn:aws-us-gov:sts::${ID}:assumed-role/Admin/alice`,
        signInEndpoint: 'signin.amazonaws-us-gov.com',
      },
      {
        accountId: ID,
        principalArn: `arn:aws-us-gov:sts::${ID}:assumed-role/Admin/alice`,
        signInEndpoint: 'signin.amazonaws-us-gov.com',
      },
    ],
    [
      'federated user in China',
      { accountId: ID, sessionARN: `arn:aws-cn:sts::${ID}:federated-user/bob` },
      { accountId: ID, principalArn: `arn:aws-cn:sts::${ID}:federated-user/bob` },
    ],
    ['only the account ID', { accountId: ID }, { accountId: ID }],
  ])('%s', (_, fields, expected) => {
    expect(parseSessionMeta(meta(fields))).toEqual(expected);
  });
});

describe('missing, mistyped or hostile content gives nothing', () => {
  it.each<[string, string | null | undefined]>([
    ['no attribute', null],
    ['empty', ''],
    ['not JSON', '{accountId: 123456789012'],
    ['HTML', '<script>alert(1)</script>'],
    ['an array', `["${ID}"]`],
    ['null', 'null'],
    ['no account ID', meta({ accountAlias: 'acme' })],
    ['an account ID as a number (leading zeros lost)', meta({ accountId: 12345678901 })],
    ['an account ID of 11 digits', meta({ accountId: '12345678901' })],
    ['an account ID with dashes', meta({ accountId: '1234-5678-9012' })],
    ['an account ID object', meta({ accountId: { toString: ID } })],
    ['1 MB of JSON', meta({ accountId: ID, junk: 'x'.repeat(1_000_000) })],
    ['just over the size cap', meta({ accountId: ID, junk: 'x'.repeat(MAX_META_LENGTH) })],
  ])('%s', (_, content) => {
    expect(parseSessionMeta(content)).toBeUndefined();
  });

  it.each([
    ['an alias that is no alias', { accountAlias: 'Acme Prod' }],
    ['an alias of 1 MB', { accountAlias: 'a'.repeat(1000) }],
    ['a principal of another account', { sessionARN: 'arn:aws:iam::999999999999:user/mallory' }],
    ['a principal that is no ARN', { sessionARN: 'alice' }],
    ['an ARN with a path escape', { sessionARN: `arn:aws:iam::${ID}:user/../root` }],
    ['a sign-in endpoint off AWS', { signInEndpoint: 'signin.aws.amazon.com.evil.test' }],
    ['a sign-in endpoint with a path', { signInEndpoint: 'signin.aws.amazon.com/evil' }],
    ['a sign-in endpoint two labels deep', { signInEndpoint: 'a.b.signin.aws.amazon.com' }],
    ['a sign-in endpoint with a port', { signInEndpoint: 'signin.aws.amazon.com:8443' }],
    ['a sign-in endpoint in capitals', { signInEndpoint: 'SIGNIN.aws.amazon.com' }],
    ['a sign-in endpoint with a bad label', { signInEndpoint: 'my--acct.signin.aws.amazon.com' }],
    ['a sign-in endpoint as a URL', { signInEndpoint: 'https://signin.aws.amazon.com/console' }],
    ['a differentiator with markup', { sessionDifferentiator: '<b>x</b>' }],
    ['multi-session as a number', { prismModeEnabled: 1 }],
  ])('%s: that field is dropped, the account kept', (_, fields) => {
    expect(parseSessionMeta(meta({ accountId: ID, ...fields }))).toEqual({ accountId: ID });
  });
});

describe('sign-in endpoints kept', () => {
  it.each([
    'signin.aws.amazon.com',
    'eu-west-1.signin.aws.amazon.com',
    `${ID}.signin.aws.amazon.com`,
    'acme-prod.signin.aws.amazon.com',
    'us-gov-west-1.signin.amazonaws-us-gov.com',
    'signin.amazonaws.cn',
  ])('%s', (signInEndpoint) => {
    expect(parseSessionMeta(meta({ accountId: ID, signInEndpoint }))?.signInEndpoint).toBe(signInEndpoint);
  });
});

describe('principal ARNs', () => {
  it.each([
    [
      `arn:aws:iam::${ID}:user/alice`,
      { partition: 'aws', accountId: ID, principal: { type: 'iam', userName: 'alice' } },
    ],
    [
      `arn:aws:iam::${ID}:user/division/team/alice`,
      { partition: 'aws', accountId: ID, principal: { type: 'iam', userName: 'alice' } },
    ],
    [`arn:aws:iam::${ID}:root`, { partition: 'aws', accountId: ID, principal: { type: 'root' } }],
    [
      `arn:aws:sts::${ID}:assumed-role/Admin/alice`,
      { partition: 'aws', accountId: ID, principal: { type: 'role', roleName: 'Admin' } },
    ],
    [`arn:aws:sts::${ID}:root`, undefined],
    [`arn:aws:iam::${ID}:assumed-role/Admin/alice`, undefined],
    [`arn:aws:iam::${ID}:role/Admin`, undefined],
    [`arn:evil:iam::${ID}:user/alice`, undefined],
  ])('%s', (arn, expected) => {
    expect(parsePrincipalArn(arn)).toEqual(expected);
  });
});

describe('reading the document', () => {
  it('reads the one meta and nothing else', () => {
    document.head.innerHTML = `<meta name="awsc-session-data" content='${meta({ accountId: ID })}'><meta name="other" content="x">`;
    document.body.innerHTML = `<input value="secret"><span data-account="999999999999"></span>`;
    expect(readSessionMeta(document)).toEqual({ accountId: ID });
  });

  it('two session metas are not trusted', () => {
    document.head.innerHTML = `<meta name="awsc-session-data" content='${meta({ accountId: ID })}'><meta name="awsc-session-data" content='${meta({ accountId: '999999999999' })}'>`;
    expect(readSessionMeta(document)).toBeUndefined();
  });

  it('no meta: nothing', () => {
    document.head.innerHTML = '';
    expect(readSessionMeta(document)).toBeUndefined();
  });
});
