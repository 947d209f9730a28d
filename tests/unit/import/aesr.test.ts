// aws-extend-switch-roles configuration: targets become switch roles on their accounts (display name = the
// profile name, colour from `color`), bases become accounts, and every mistake is a rejected row with its line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../lib/import/parse';
import { planImport } from '../../../lib/import/plan';
import { aesrConfig } from './aesr-generate';

const text = readFileSync('tests/fixtures/import/aesr.ini', 'utf8');

describe('aws-extend-switch-roles configuration', () => {
  const parse = parseImport(text);
  const row = (line: number) => parse.rows.find((r) => r.line === line);

  it('is detected as its own format', () => {
    expect(parse.format).toBe('aesr');
    expect(parse.error).toBeUndefined();
  });

  it.each([
    [
      'role_arn with a colour',
      3,
      { type: 'switch', roleName: 'marketingadmin', displayName: 'marketingadmin', colour: '#ffaaee' },
    ],
    [
      'a role with a path, from a base',
      3,
      { type: 'switch', roleName: 'division/Role1', displayName: 'Org1-Account1-Role1' },
    ],
    [
      'aws_account_id + role_name, colour with a trailing comment',
      3,
      { type: 'switch', roleName: 'Role2', displayName: 'Org1-Account1-Role2', colour: '#00ff00' },
    ],
    [
      'a bare [name] section, colour in capitals',
      7,
      { type: 'switch', roleName: 'anotherrole', displayName: 'anotheraccount', colour: '#bbeeff' },
    ],
    [
      "the base's target_role_name for a target without role_name",
      30,
      { type: 'switch', roleName: 'OrganizationAccountAccessRole', displayName: 'Org1-Account2' },
    ],
  ])('%s → %o', (_, line, signIn) => {
    expect(row(line)?.draft.signIns).toContainEqual(signIn);
  });

  it('folds the targets in one account into one row, and says so', () => {
    expect(row(3)?.draft.accountId).toBe('123456789012');
    expect(row(3)?.lines).toEqual([19, 24]);
    expect(row(3)?.notes?.[0]).toBe(
      'Profiles marketingadmin, Org1-Account1-Role1, Org1-Account1-Role2 are in the same account, so they become one account labelled marketingadmin.',
    );
  });

  it.each([
    ['its own region', 7, 'ap-northeast-1'],
    ["its base's target_region", 3, 'eu-west-1'],
    ['its own region over the target_region', 30, 'us-west-2'],
  ])('gives the account %s', (_, line, region) => {
    expect(row(line)?.draft.region).toBe(region);
  });

  it.each([
    [14, { partition: 'aws', accountId: '000011112222', label: 'organization1' }],
    [35, { partition: 'aws', alias: 'company-main', label: 'baseaccount2' }],
  ])('reads the base on line %i as an account without a sign-in, and says why', (line, draft) => {
    expect(row(line)?.draft).toEqual(draft);
    expect(row(line)?.notes).toEqual([expect.stringMatching(/is a base profile \(where you sign in\)/)]);
  });

  it('names an account by alias where aws_account_id is one', () => {
    expect(row(43)?.draft).toMatchObject({
      alias: 'account-3-alias',
      signIns: [{ roleName: 'SomeOtherRole' }],
    });
  });

  it.each([
    [3, 'Profile Org1-Account1-Role1: ignored image (Signpost does not use it).'],
    [38, 'Profile Base2-Role1: ignored mfa_serial (Signpost does not use it).'],
    [61, 'Profile bad-colour: color ff00 is not 6 hex digits (like ffaa00), so the role gets no colour.'],
  ])('reports on line %i what it left out: %s', (line, note) => {
    expect(row(line)?.notes).toContain(note);
  });

  it('rejects each mistake with its line and the reason in plain words, and reads the rest', () => {
    expect(parse.rejected).toEqual([
      {
        line: 48,
        reason: 'Profile both-ways has role_arn and also aws_account_id or role_name; give one or the other.',
      },
      { line: 52, reason: 'Profile lost names source_profile nobody, but no section is called nobody.' },
      {
        line: 57,
        reason:
          'Profile no-role has no role_name, and its source_profile baseaccount2 has no target_role_name.',
      },
      {
        line: 66,
        reason:
          'Profile bad-account: aws_account_id Team_Account! is neither a 12-digit account ID nor an account alias.',
      },
    ]);
    expect(parse.rows).toHaveLength(8);
  });

  it.each([
    [
      'a role ARN of a user',
      '[a]\nrole_arn = arn:aws:iam::123456789012:user/alice\n',
      /role_arn is not a role ARN/,
    ],
    [
      'a role name with a space',
      '[a]\naws_account_id = 123456789012\nrole_name = Dev Ops\n',
      /A role name is 1 to 64/,
    ],
    ['no account at all', '[a]\nrole_name = Dev\n', /names no account/],
    [
      'a target that names itself as its base, with no role',
      '[a]\naws_account_id = 123456789012\nsource_profile = a\n',
      /Profile a has no role_name, and its source_profile a has no target_role_name/,
    ],
  ])('rejects %s', (_, config, reason) => {
    const result = parseImport(`[x]\naws_account_id = 111111111111\nrole_name = R\n${config}`);
    expect(result.format).toBe('aesr');
    expect(result.rejected).toEqual([{ line: 4, reason: expect.stringMatching(reason) }]);
  });

  it('cuts a display name before a character it would split', () => {
    const name = `${'n'.repeat(63)}😀tail`;
    const result = parseImport(`[${name}]\naws_account_id = 111111111111\nrole_name = R\n`);
    expect(result.rejected).toEqual([]);
    expect(result.rows[0]!.draft.signIns).toEqual([
      { type: 'switch', roleName: 'R', displayName: 'n'.repeat(63) },
    ]);
  });

  it('cuts a display name to the 64 characters the console takes', () => {
    const name = 'n'.repeat(80);
    const result = parseImport(`[${name}]\naws_account_id = 111111111111\nrole_name = R\n`);
    expect(result.rows[0]!.draft.signIns).toEqual([
      { type: 'switch', roleName: 'R', displayName: 'n'.repeat(64) },
    ]);
  });

  it('plans the roles into accounts a store already has, adding and never removing', () => {
    const plan = planImport(
      [
        {
          key: 'k',
          partition: 'aws',
          accountId: '987654321987',
          label: 'Mine',
          tags: [],
          signIns: [{ type: 'iam', userName: 'alice', uses: 2, lastUsed: 5 }],
          createdAt: 1,
          updatedAt: 1,
        },
      ],
      parse,
      10,
    );
    const mine = plan.updated.find((e) => e.account.key === 'k')!;
    expect(mine.account.label).toBe('Mine');
    expect(mine.account.signIns.map((s) => s.type)).toEqual(['iam', 'switch']);
    expect(mine.removes).toEqual([]);
  });
});

describe('a generated configuration of 1,000 profiles', () => {
  it('reads every target as a switch role and every base as an account', () => {
    const parse = parseImport(aesrConfig(1000));
    expect(parse.format).toBe('aesr');
    expect(parse.rejected).toEqual([]);
    const roles = parse.rows.flatMap((r) => r.draft.signIns ?? []);
    const bases = parse.rows.filter((r) => !r.draft.signIns);
    expect(roles.length + bases.length).toBe(1000);
    expect(roles.every((s) => s.type === 'switch')).toBe(true);
    expect(bases.length).toBeGreaterThan(0);
  });
});
