// ~/.aws/config: account IDs from sso_account_id and role_arn, profile names as labels, and secrets never
// read — not even from a credentials file pasted by mistake.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../lib/import/parse';

const config = readFileSync('tests/fixtures/import/aws-config.ini', 'utf8');
const credentials = readFileSync('tests/fixtures/import/aws-credentials.ini', 'utf8');

/** Every value of a secret-bearing key in an INI text. */
function secretsIn(text: string): string[] {
  return [
    ...text.matchAll(/^\s*(\w*(?:secret|token|password|credential|access_key)\w*)\s*=\s*(.+)$/gim),
  ].flatMap((m) => [
    m[2]!.trim(),
    ...m[2]!
      .trim()
      .split(/\s+/)
      .filter((part) => part.length > 6),
  ]);
}

describe('AWS config', () => {
  const parse = parseImport(config);

  it('reads the format', () => {
    expect(parse.format).toBe('aws-config');
    expect(parse.error).toBeUndefined();
  });

  const sso = (roleName: string) => ({ type: 'sso', startUrl: 'https://corp.awsapps.com/start', roleName });
  it.each([
    [
      'prod-admin',
      11,
      '222222222222',
      'aws',
      'eu-west-1',
      [sso('AdministratorAccess'), sso('ReadOnlyAccess')],
    ],
    ['staging', 23, '666666666666', 'aws', undefined, [{ type: 'switch', roleName: 'Deploy' }]],
    ['gov', 30, '333333333333', 'aws-us-gov', 'us-gov-west-1', [{ type: 'switch', roleName: 'Operator' }]],
    ['team.dotted', 42, '777777777777', 'aws', undefined, undefined],
  ])(
    'profile %s (line %i) → account %s in %s, region %s, with its roles',
    (label, line, accountId, partition, region, signIns) => {
      const row = parse.rows.find((r) => r.draft.label === label);
      expect(row?.line).toBe(line);
      expect(row?.draft).toEqual({
        partition,
        accountId,
        label,
        ...(region ? { region } : {}),
        ...(signIns ? { signIns } : {}),
      });
    },
  );

  it('merges profiles of one account into one row labelled by the first, and says so', () => {
    const prod = parse.rows.filter((r) => r.draft.accountId === '222222222222');
    expect(prod).toHaveLength(1);
    expect(prod[0]!.lines).toEqual([17]);
    expect(prod[0]!.notes).toEqual([
      'Profiles prod-admin, prod-readonly are in the same account, so they become one account labelled prod-admin.',
    ]);
  });

  it('rejects profiles that name no account, by line and reason', () => {
    expect(parse.rejected).toEqual([
      { line: 2, reason: 'Profile default names no account (it has no sso_account_id or role_arn).' },
      {
        line: 34,
        reason:
          'Profile keys-only holds only access keys, which Signpost never stores, and names no account.',
      },
      {
        line: 39,
        reason:
          'Profile broken-arn: role_arn is not a role ARN (expected arn:aws:iam::123456789012:role/Name).',
      },
    ]);
  });

  it.each(['staging', 'team.dotted'])('notes that the secrets of profile %s were ignored', (label) => {
    expect(parse.rows.find((r) => r.draft.label === label)?.notes).toEqual([
      `Secrets in profile ${label} (access keys, tokens, credential commands) were ignored; Signpost never stores them.`,
    ]);
  });

  it('keeps no secret: no key, token, password or credential value appears anywhere in the result', () => {
    const secrets = secretsIn(config);
    expect(secrets).toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(secrets).toContain('hunter2-EXAMPLE');
    const output = JSON.stringify(parse);
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/AKIA|aws_secret|session_token/i);
  });

  it('labels an account by a named profile rather than default', () => {
    const result = parseImport(
      '[default]\nsso_account_id = 123456789012\n\n[profile main]\nsso_account_id = 123456789012\n',
    );
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.draft.label).toBe('main');
  });

  it.each([
    ['us-gov-east-1', 'aws-us-gov'],
    ['cn-north-1', 'aws-cn'],
    ['eu-central-1', 'aws'],
  ])('takes the partition of an SSO profile from its region %s → %s', (region, partition) => {
    const result = parseImport(`[profile p]\nsso_account_id = 123456789012\nregion = ${region}\n`);
    expect(result.rows[0]!.draft.partition).toBe(partition);
  });

  it('rejects a profile with a region that is not one, naming the profile', () => {
    const result = parseImport('[profile p]\nsso_account_id = 123456789012\nregion = moon\n');
    expect(result.rejected).toEqual([
      { line: 1, reason: 'Profile p: A region looks like eu-west-1 or us-gov-west-1.' },
    ]);
  });

  it('rejects a bad sso_account_id with the account ID rule', () => {
    const result = parseImport('[profile p]\nsso_account_id = 12345\n');
    expect(result.rejected[0]!.reason).toMatch(/Profile p: An account ID is exactly 12 digits/);
  });

  it('reads CRLF line endings and comments after headers', () => {
    const result = parseImport('[profile a] # work\r\nrole_arn = arn:aws:iam::123456789012:role/R\r\n');
    expect(result.rows).toEqual([
      {
        line: 1,
        draft: {
          partition: 'aws',
          accountId: '123456789012',
          label: 'a',
          signIns: [{ type: 'switch', roleName: 'R' }],
        },
        fillOnly: ['label', 'region'],
      },
    ]);
  });

  it('says a config with only sso-session sections has no profiles', () => {
    const result = parseImport('[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n');
    expect(result.error).toMatch(/no profiles/);
  });
});

describe('a credentials file pasted by mistake', () => {
  const parse = parseImport(credentials);

  it('imports nothing and rejects every section with the reason', () => {
    expect(parse.format).toBe('aws-credentials');
    expect(parse.rows).toEqual([]);
    expect(parse.rejected).toEqual([
      {
        line: 1,
        reason: expect.stringMatching(
          /^This looks like a credentials file; Signpost never stores access keys/,
        ),
      },
      {
        line: 5,
        reason: expect.stringMatching(
          /^This looks like a credentials file; Signpost never stores access keys/,
        ),
      },
    ]);
  });

  it('holds none of its secrets', () => {
    const output = JSON.stringify(parse);
    const secrets = secretsIn(credentials);
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    for (const secret of secrets) expect(output).not.toContain(secret);
  });
});
