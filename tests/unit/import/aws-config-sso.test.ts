// ~/.aws/config with Identity Center and assumed roles: SSO profiles (through [sso-session] or the legacy
// sso_start_url) become Identity Center sign-ins, role_arn profiles switch-role sign-ins; a missing session,
// a lookalike portal or a bad role is a rejected row with its line, and the rest of the file still counts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../lib/import/parse';
import { planImport } from '../../../lib/import/plan';
import type { Account } from '../../../lib/schema';

const text = readFileSync('tests/fixtures/import/aws-config-sso.ini', 'utf8');
const CORP = 'https://d-1234567890.awsapps.com/start';
const sso = (startUrl: string, roleName: string) => ({ type: 'sso', startUrl, roleName });

describe('~/.aws/config with Identity Center and role_arn profiles', () => {
  const parse = parseImport(text);
  const row = (label: string) => parse.rows.find((r) => r.draft.label === label);

  it('is read as an AWS CLI config', () => {
    expect(parse.format).toBe('aws-config');
  });

  it.each([
    [
      'two profiles of one account through [sso-session corp], its region from the first',
      'prod-admin',
      15,
      '111122223333',
      'eu-central-1',
      [sso(CORP, 'AdministratorAccess'), sso(CORP, 'ReadOnlyAccess')],
    ],
    [
      'the second session, its start URL written with #/',
      'sandbox',
      26,
      '444455556666',
      'us-east-1',
      [sso('https://labs-example.awsapps.com/start', 'PowerUserAccess')],
    ],
    [
      'a legacy profile with sso_start_url on itself',
      'legacy-billing',
      33,
      '777788889999',
      undefined,
      [sso(CORP, 'Billing')],
    ],
    [
      'role_arn with a path and source_profile',
      'deploy-staging',
      39,
      '222233334444',
      undefined,
      [{ type: 'switch', roleName: 'ci/Deploy' }],
    ],
    [
      'role_arn with credential_source',
      'audit',
      45,
      '555566667777',
      undefined,
      [{ type: 'switch', roleName: 'SecurityAudit' }],
    ],
    ['credential_process and an account only', 'tooling', 50, '888899990000', undefined, undefined],
  ])('%s', (_, label, line, accountId, region, signIns) => {
    expect(row(label)?.line).toBe(line);
    expect(row(label)?.draft).toEqual({
      partition: 'aws',
      accountId,
      label,
      ...(region ? { region } : {}),
      ...(signIns ? { signIns } : {}),
    });
  });

  it('rejects what it cannot take, by line and reason, and still reads everything else', () => {
    expect(parse.rejected).toEqual([
      { line: 2, reason: 'Profile default names no account (it has no sso_account_id or role_arn).' },
      {
        line: 54,
        reason: 'Profile orphan names sso_session gone, but the file has no [sso-session gone] section.',
      },
      { line: 59, reason: expect.stringMatching(/^Profile phish: That is not an AWS access portal/) },
      {
        line: 64,
        reason:
          'Profile bad-permission-set: A permission set name is 1 to 32 letters, digits or + = , . @ _ - characters.',
      },
      {
        line: 69,
        reason:
          'Profile bad-role: the role name in role_arn is not a valid IAM role name (1 to 64 letters, digits or + = , . @ _ - after an optional path).',
      },
    ]);
    expect(parse.rows).toHaveLength(6);
  });

  it('never keeps the credential process command or external ID', () => {
    expect(JSON.stringify(parse)).not.toMatch(/aws-vault|example-external-id/);
  });
});

describe('start URLs in a profile', () => {
  const profile = (url: string) =>
    parseImport(
      `[profile p]\nsso_start_url = ${url}\nsso_account_id = 123456789012\nsso_role_name = Admin\n`,
    );

  it.each([
    ['d-1234567890.awsapps.com/start', CORP, 'aws'],
    ['https://MyCorp.awsapps.com/start/#/', 'https://mycorp.awsapps.com/start', 'aws'],
    [
      'https://start.us-gov-home.awsapps.com/directory/corp',
      'https://start.us-gov-home.awsapps.com/directory/corp',
      'aws-us-gov',
    ],
    [
      'https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws',
      'https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws',
      'aws',
    ],
  ])('takes %s as %s in %s', (url, startUrl, partition) => {
    const parse = profile(url);
    expect(parse.rejected).toEqual([]);
    expect(parse.rows[0]!.draft).toMatchObject({ partition, signIns: [{ type: 'sso', startUrl }] });
  });

  it.each([
    ['a lookalike host', 'https://d-1234567890.awsapps.com.evil.example/start', /not an AWS access portal/],
    ['a lookalike domain', 'https://d-1234567890.awsapps.co/start', /not an AWS access portal/],
    [
      'a portal name in the path',
      'https://evil.example/d-1234567890.awsapps.com/start',
      /not an AWS access portal/,
    ],
    ['a deeper subdomain', 'https://a.d-1234567890.awsapps.com/start', /not an AWS access portal/],
    ['a user name before the host', 'https://me@d-1234567890.awsapps.com/start', /not an AWS access portal/],
    ['a port', 'https://d-1234567890.awsapps.com:8443/start', /not an AWS access portal/],
    ['plain http', 'http://d-1234567890.awsapps.com/start', /begins with https/],
    ['another path', 'https://d-1234567890.awsapps.com/login', /ends in \/start/],
    [
      'a GovCloud lookalike',
      'https://start.us-gov-home.awsapps.com.evil.example/directory/x',
      /not an AWS access/,
    ],
  ])('refuses %s, naming the profile', (_, url, reason) => {
    const parse = profile(url);
    expect(parse.rows).toEqual([]);
    expect(parse.rejected).toEqual([{ line: 1, reason: expect.stringMatching(reason) }]);
    expect(parse.rejected[0]!.reason).toMatch(/^Profile p: /);
  });

  it('refuses an SSO role without any start URL', () => {
    const parse = parseImport('[profile p]\nsso_account_id = 123456789012\nsso_role_name = Admin\n');
    expect(parse.rejected).toEqual([
      { line: 1, reason: 'Profile p has sso_role_name but no start URL (no sso_session or sso_start_url).' },
    ]);
  });

  it('refuses a session section without a start URL', () => {
    const parse = parseImport(
      '[sso-session s]\nsso_region = eu-west-1\n[profile p]\nsso_session = s\nsso_account_id = 123456789012\nsso_role_name = A\n',
    );
    expect(parse.rejected).toEqual([
      { line: 3, reason: 'Profile p: the section [sso-session s] has no sso_start_url.' },
    ]);
  });

  it('refuses a GovCloud portal for an account the profile puts elsewhere', () => {
    const parse = parseImport(
      '[profile p]\nsso_start_url = https://start.us-gov-home.awsapps.com/directory/corp\nsso_account_id = 123456789012\nsso_role_name = A\nrole_arn = arn:aws:iam::123456789012:role/R\n',
    );
    expect(parse.rejected).toEqual([
      {
        line: 1,
        reason:
          'Profile p: The access portal https://start.us-gov-home.awsapps.com/directory/corp is in another partition than this account.',
      },
    ]);
  });
});

describe('planning roles into a store', () => {
  const f = { uses: 3, lastUsed: 50 };
  const stored: Account = {
    key: 'k',
    partition: 'aws',
    accountId: '111122223333',
    label: 'Production',
    tags: [],
    signIns: [
      { type: 'sso', startUrl: CORP, roleName: 'AdministratorAccess', ...f },
      { type: 'switch', roleName: 'Old', colour: '#112233', ...f },
    ],
    createdAt: 1,
    updatedAt: 1,
  };

  it('unions the file roles with the stored ones and removes none, keeping their use counts', () => {
    const plan = planImport([stored], parseImport(text), 100);
    const entry = plan.updated.find((e) => e.account.key === 'k')!;
    expect(entry.account.label).toBe('Production');
    expect(entry.account.signIns).toEqual([
      { type: 'sso', startUrl: CORP, roleName: 'AdministratorAccess', ...f },
      { type: 'switch', roleName: 'Old', colour: '#112233', ...f },
      { type: 'sso', startUrl: CORP, roleName: 'ReadOnlyAccess', uses: 0, lastUsed: 0 },
    ]);
    expect(entry.removes).toEqual([]);
  });

  it('leaves an account unchanged when the file names only roles it has', () => {
    const plan = planImport(
      [stored],
      parseImport(
        `[profile p]\nsso_start_url = ${CORP}\nsso_account_id = 111122223333\nsso_role_name = administratoraccess\n`,
      ),
      100,
    );
    expect(plan.unchanged.map((e) => e.account.key)).toEqual(['k']);
  });
});
