import { describe, expect, it } from 'vitest';
import { accountSchema } from '../../lib/schema';
import {
  consoleDestination,
  isAllowedRouteUrl,
  isPermissionSetName,
  isRoleName,
  normaliseRoleName,
  parseRoleArn,
  parseShortcutUrl,
  parseStartUrl,
  shortcutUrl,
  switchRoleUrl,
} from '../../lib/targets';

describe('start URLs', () => {
  it.each([
    ['https://d-1234567890.awsapps.com/start', 'https://d-1234567890.awsapps.com/start', 'aws'],
    ['https://d-abcdef1234.awsapps.com/start/', 'https://d-abcdef1234.awsapps.com/start', 'aws'],
    ['  https://D-1234567890.AWSAPPS.com/start#/  ', 'https://d-1234567890.awsapps.com/start', 'aws'],
    ['d-1234567890.awsapps.com/start', 'https://d-1234567890.awsapps.com/start', 'aws'],
    ['https://acme-corp.awsapps.com/start', 'https://acme-corp.awsapps.com/start', 'aws'],
    ['https://acme.awsapps.com/start/#/?tab=accounts', 'https://acme.awsapps.com/start', 'aws'],
    [
      'https://start.us-gov-home.awsapps.com/directory/acme',
      'https://start.us-gov-home.awsapps.com/directory/acme',
      'aws-us-gov',
    ],
    [
      'https://start.us-gov-west-1.us-gov-home.awsapps.com/directory/d-9067abcdef/',
      'https://start.us-gov-west-1.us-gov-home.awsapps.com/directory/d-9067abcdef',
      'aws-us-gov',
    ],
    [
      'https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws',
      'https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws',
      'aws',
    ],
    [
      'https://ssoins-0123456789abcdef.portal.us-gov-west-1.app.aws/',
      'https://ssoins-0123456789abcdef.portal.us-gov-west-1.app.aws',
      'aws-us-gov',
    ],
  ])('%s is the portal %s', (input, url, partition) => {
    expect(parseStartUrl(input)).toEqual({ url, partition });
  });

  it.each([
    ['', 'not-url'],
    ['not a url at all', 'not-url'],
    ['http://d-1234567890.awsapps.com/start', 'not-https'],
    ['ftp://d-1234567890.awsapps.com/start', 'not-https'],
    ['https://d-1234567890.awsapps.com.evil.test/start', 'not-portal'],
    ['https://evil.test/d-1234567890.awsapps.com/start', 'not-portal'],
    ['https://x.d-1234567890.awsapps.com/start', 'not-portal'],
    ['https://awsapps.com/start', 'not-portal'],
    ['https://d-1234567890.awsapps.com:8443/start', 'not-portal'],
    ['https://user:pw@d-1234567890.awsapps.com/start', 'not-portal'],
    ['https://d-1234567890.awsapps.com/', 'path'],
    ['https://d-1234567890.awsapps.com/start/extra', 'path'],
    ['https://-acme.awsapps.com/start', 'not-portal'],
    ['https://start.us-gov-home.awsapps.com/start', 'path'],
    ['https://start.us-gov-east-9x.us-gov-home.awsapps.com/directory/acme', 'not-portal'],
    ['https://start.evil.us-gov-home.awsapps.com/directory/acme', 'not-portal'],
    ['https://ssoins-0123456789abcdeg.portal.eu-west-1.app.aws', 'not-portal'],
    ['https://ssoins-0123456789abcdef.portal.cn-north-1.app.aws', 'not-portal'],
    ['https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws.evil.test', 'not-portal'],
    ['https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws/somewhere', 'path'],
    ['https://[::1]/start', 'not-portal'],
  ])('%s is refused (%s)', (input, problem) => {
    expect(parseStartUrl(input)).toBe(problem);
  });

  it('says why in plain words at the schema', () => {
    const account = (startUrl: string) =>
      accountSchema.safeParse({
        key: 'k',
        partition: 'aws',
        accountId: '123456789012',
        signIns: [{ type: 'sso', startUrl, roleName: 'Admin', uses: 0, lastUsed: 0 }],
        createdAt: 0,
        updatedAt: 0,
      });
    expect(account('https://d-1234567890.awsapps.com.evil.test/start').error?.issues[0]?.message).toMatch(
      /not an AWS access portal/,
    );
    expect(account('https://d-1234567890.awsapps.com/start/').data?.signIns[0]).toMatchObject({
      startUrl: 'https://d-1234567890.awsapps.com/start',
    });
  });
});

describe('role names', () => {
  it.each([
    ['AdministratorAccess', true],
    ['a', true],
    ['x'.repeat(32), true],
    ['x'.repeat(33), false],
    ['Read Only', false],
    ['Admin/Path', false],
    ['', false],
    ['dev+ops=1,a.b@c_d-e', true],
  ])('permission set %j valid: %s', (name, valid) => {
    expect(isPermissionSetName(name)).toBe(valid);
  });

  it.each([
    ['OrganizationAccountAccessRole', true],
    ['division/team/ReadOnly', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['team//Role', false],
    ['team/', false],
    ['Role Name', false],
    ['Role?x=1', false],
    ['Role#frag', false],
    ['', false],
  ])('role %j valid: %s', (name, valid) => {
    expect(isRoleName(name)).toBe(valid);
  });

  it('drops the leading slash of a path', () => {
    expect(normaliseRoleName(' /division/Role ')).toBe('division/Role');
  });

  it.each([
    [
      'arn:aws:iam::123456789012:role/Admin',
      { partition: 'aws', accountId: '123456789012', roleName: 'Admin' },
    ],
    [
      'arn:aws-us-gov:iam::123456789012:role/a/b/Dev',
      { partition: 'aws-us-gov', accountId: '123456789012', roleName: 'a/b/Dev' },
    ],
    [
      'arn:aws-cn:iam::123456789012:role/Ops',
      { partition: 'aws-cn', accountId: '123456789012', roleName: 'Ops' },
    ],
    ['arn:aws:iam::12345678901:role/Admin', undefined],
    ['arn:aws:iam::123456789012:user/alice', undefined],
    ['arn:aws:sts::123456789012:assumed-role/Admin/s', undefined],
    ['arn:evil:iam::123456789012:role/Admin', undefined],
  ])('ARN %s', (arn, parsed) => {
    expect(parseRoleArn(arn)).toEqual(parsed);
  });
});

describe('routes', () => {
  it.each([
    [
      'https://d-1234567890.awsapps.com/start',
      undefined,
      'https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=Admin',
    ],
    [
      'https://d-1234567890.awsapps.com/start',
      'https://eu-west-1.console.aws.amazon.com/s3?region=eu-west-1',
      'https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=Admin&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fs3%3Fregion%3Deu-west-1',
    ],
    [
      'https://start.us-gov-home.awsapps.com/directory/acme',
      undefined,
      'https://start.us-gov-home.awsapps.com/directory/acme/#/console?account_id=123456789012&role_name=Admin',
    ],
    [
      'https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws',
      undefined,
      'https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws/#/console?account_id=123456789012&role_name=Admin',
    ],
  ])('shortcut link from %s', (startUrl, destination, url) => {
    expect(shortcutUrl(startUrl, '123456789012', 'Admin', destination)).toBe(url);
    expect(parseShortcutUrl(url)).toMatchObject({ accountId: '123456789012', roleName: 'Admin' });
  });

  it('builds no shortcut from a lookalike portal or a bad role', () => {
    expect(shortcutUrl('https://d-1234567890.awsapps.com.evil.test/start', '123456789012', 'Admin')).toBe(
      undefined,
    );
    expect(shortcutUrl('https://d-1234567890.awsapps.com/start', '123456789012', 'A&b=c')).toBe(undefined);
    expect(
      parseShortcutUrl(
        'https://d-1234567890.awsapps.com.evil.test/start/#/console?account_id=123456789012&role_name=A',
      ),
    ).toBe(undefined);
  });

  it.each([
    [
      { partition: 'aws' as const, region: 'eu-west-1' },
      'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
    ],
    [{ partition: 'aws' as const, landingPath: '/s3' }, 'https://console.aws.amazon.com/s3'],
    [
      { partition: 'aws-us-gov' as const, region: 'us-gov-west-1', landingPath: '/ec2/home' },
      'https://us-gov-west-1.console.amazonaws-us-gov.com/ec2/home?region=us-gov-west-1',
    ],
    [
      { partition: 'aws-cn' as const, region: 'cn-north-1' },
      'https://cn-north-1.console.amazonaws.cn/console/home?region=cn-north-1',
    ],
    [{ partition: 'aws' as const }, undefined],
  ])('destination %j', (target, url) => {
    expect(consoleDestination(target)).toBe(url);
  });

  it.each([
    [
      'aws',
      'https://signin.aws.amazon.com/switchrole?roleName=Admin&account=123456789012&displayName=Prod+admin',
    ],
    [
      'aws-us-gov',
      'https://signin.amazonaws-us-gov.com/switchrole?roleName=Admin&account=123456789012&displayName=Prod+admin',
    ],
    [
      'aws-cn',
      'https://signin.amazonaws.cn/switchrole?roleName=Admin&account=123456789012&displayName=Prod+admin',
    ],
  ] as const)('switch-role link in %s', (partition, url) => {
    expect(switchRoleUrl(partition, '123456789012', 'Admin', 'Prod admin')).toBe(url);
  });

  it('carries a role path inside roleName', () => {
    const url = new URL(switchRoleUrl('aws', 'acme-prod', 'division/team/Dev'));
    expect(url.searchParams.get('roleName')).toBe('division/team/Dev');
    expect(url.searchParams.get('account')).toBe('acme-prod');
    expect(url.searchParams.has('displayName')).toBe(false);
  });

  it.each([
    ['https://signin.aws.amazon.com/switchrole?roleName=A&account=1', true],
    ['https://123456789012.signin.aws.amazon.com/console', true],
    ['https://eu-west-1.console.aws.amazon.com/s3', true],
    ['https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=A', true],
    ['https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws/#/console', true],
    ['https://d-1234567890.awsapps.com.evil.test/start', false],
    ['https://signin.aws.amazon.com.evil.test/switchrole', false],
    ['http://signin.aws.amazon.com/switchrole', false],
    ['javascript:alert(1)', false],
    ['https://evil.test/', false],
    ['https://signin.aws.amazon.com:444/switchrole', false],
  ])('may open %s: %s', (url, ok) => {
    expect(isAllowedRouteUrl(url)).toBe(ok);
  });
});

describe('accounts with Identity Center and switch-role sign-ins', () => {
  const base = { key: 'k', partition: 'aws', createdAt: 0, updatedAt: 0 };
  const f = { uses: 0, lastUsed: 0 };
  const sso = (roleName = 'Admin', startUrl = 'https://d-1234567890.awsapps.com/start') => ({
    type: 'sso',
    startUrl,
    roleName,
    ...f,
  });
  const problems = (input: object) =>
    accountSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

  it.each([
    [
      'an Identity Center sign-in without the account ID',
      { ...base, alias: 'acme', signIns: [sso()] },
      /needs the account ID/,
    ],
    [
      'a GovCloud portal on a standard account',
      {
        ...base,
        accountId: '123456789012',
        signIns: [sso('Admin', 'https://start.us-gov-home.awsapps.com/directory/x')],
      },
      /another partition/,
    ],
    [
      'the same permission set twice',
      { ...base, accountId: '123456789012', signIns: [sso('Admin'), sso('admin')] },
      /Role Admin is listed twice|Role admin is listed twice/,
    ],
    [
      'the same role to switch to twice',
      {
        ...base,
        accountId: '123456789012',
        signIns: [
          { type: 'switch', roleName: 'Ops', ...f },
          { type: 'switch', roleName: 'ops', displayName: 'x', ...f },
        ],
      },
      /listed twice/,
    ],
    [
      'an empty display name',
      {
        ...base,
        accountId: '123456789012',
        signIns: [{ type: 'switch', roleName: 'Ops', displayName: '', ...f }],
      },
      /cannot be empty/,
    ],
  ])('refuses %s', (_, input, message) => {
    expect(problems(input).join('\n')).toMatch(message);
  });

  it('keeps one permission set on two portals, and a role both ways', () => {
    const parsed = accountSchema.parse({
      ...base,
      accountId: '123456789012',
      signIns: [
        sso('Admin'),
        sso('Admin', 'https://acme.awsapps.com/start'),
        { type: 'switch', roleName: '/team/Admin', displayName: 'Prod', colour: '#FF0000', ...f },
      ],
    });
    expect(parsed.signIns).toHaveLength(3);
    expect(parsed.signIns[2]).toMatchObject({ roleName: 'team/Admin', colour: '#ff0000' });
  });
});
