// CSV with a header: any column order and case, several users per row, tags by ; or space.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../lib/import/parse';

const fixture = readFileSync('tests/fixtures/import/accounts.csv', 'utf8');

describe('CSV', () => {
  const parse = parseImport(fixture);

  it('maps each row, with the line it is on', () => {
    expect(parse.format).toBe('csv');
    expect(parse.rows.map((r) => [r.line, r.draft])).toEqual([
      [
        2,
        {
          partition: 'aws',
          accountId: '222222222222',
          alias: 'acme-prod',
          label: 'Production',
          tags: ['prod', 'critical'],
          signIns: [
            { type: 'iam', userName: 'alice' },
            { type: 'iam', userName: 'bob' },
            { type: 'root', email: 'root+prod@example.com' },
          ],
        },
      ],
      [
        3,
        {
          partition: 'aws',
          accountId: '666666666666',
          label: 'Staging',
          tags: ['staging', 'ci'],
          signIns: [{ type: 'iam', userName: 'deploy' }],
        },
      ],
      [
        4,
        {
          partition: 'aws',
          alias: 'acme-marketing',
          label: 'Marketing site',
          signIns: [{ type: 'iam', userName: 'web-admin' }],
        },
      ],
      [
        5,
        {
          partition: 'aws',
          accountId: '888888888888',
          label: 'Legacy, old',
          tags: ['legacy'],
          signIns: [{ type: 'iam', userName: 'carol' }],
        },
      ],
      [
        6,
        {
          partition: 'aws',
          accountId: '333333333333',
          label: 'GovCloud',
          signIns: [
            { type: 'iam', userName: 'ops' },
            { type: 'root', email: 'root+gov@example.com' },
          ],
        },
      ],
    ]);
  });

  it('rejects rows without an account and with a bad account, by line', () => {
    expect(parse.rejected).toEqual([
      { line: 7, reason: '12345 is neither an account ID (12 digits) nor an alias.' },
      { line: 8, reason: 'No account ID, alias or root email.' },
    ]);
  });

  it('says which columns it ignored', () => {
    expect(parse.warnings).toEqual(['Columns Signpost does not use were ignored: Owner.']);
  });

  it('counts lines across a quoted value that spans lines', () => {
    const result = parseImport('account,notes\n111111111111,"first\nsecond"\n222222222222,\n');
    expect(result.rows.map((r) => [r.line, r.draft.notes])).toEqual([
      [2, 'first\nsecond'],
      [4, undefined],
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const result = parseImport('account\r\n\r\n111111111111\r\n\r\n222222222222\r\n');
    expect(result.rows.map((r) => r.line)).toEqual([3, 5]);
  });

  it.each([
    [
      'USERS,ACCOUNT ID',
      'alice;bob,1234 5678 9012',
      {
        accountId: '123456789012',
        signIns: [
          { type: 'iam', userName: 'alice' },
          { type: 'iam', userName: 'bob' },
        ],
      },
    ],
    ['alias,user', 'My-Alias,alice', { alias: 'my-alias', signIns: [{ type: 'iam', userName: 'alice' }] }],
    [
      'account,tags',
      '111111111111,Prod Critical;prod',
      { accountId: '111111111111', tags: ['prod', 'critical'] },
    ],
    [
      'account,color,region,landing page',
      '111111111111,#AABBCC,EU-WEST-1,/s3',
      { accountId: '111111111111', colour: '#aabbcc', region: 'eu-west-1', landingPath: '/s3' },
    ],
    [
      'email,label',
      'root@example.com,Just root',
      { label: 'Just root', signIns: [{ type: 'root', email: 'root@example.com' }] },
    ],
  ])('reads header %s', (header, row, draft) => {
    const result = parseImport(`${header}\n${row}\n`);
    expect(result.rejected).toEqual([]);
    expect(result.rows[0]!.draft).toEqual({ partition: 'aws', ...draft });
  });

  it('drops a root email in GovCloud with a note', () => {
    const result = parseImport('account,partition,email\n111111111111,aws-us-gov,root@example.com\n');
    expect(result.rows[0]!.draft).toEqual({ partition: 'aws-us-gov', accountId: '111111111111' });
    expect(result.rows[0]!.notes).toEqual([
      'Root email root@example.com left out: root users cannot sign in to the console in AWS GovCloud (US).',
    ]);
  });

  it.each([
    ['an unknown partition', 'account,partition\n111111111111,aws-eu\n', /Partition must be/],
    ['a bad user name', 'account,user\n111111111111,al ice!\n', /IAM user name is 1 to 64/],
    ['a bad email', 'account,email\n111111111111,nobody\n', /not an email address/],
    [
      'an alias in the account column that differs from the alias column',
      'account,alias\nfoo-bar,other\n',
      /account column says foo-bar but the alias column says other/,
    ],
    [
      'a quote that never closes',
      'account,label\n111111111111,"open\n',
      /quoted value on this row is never closed/,
    ],
    ['a bad tag', `account,tags\n111111111111,${'x'.repeat(40)}\n`, /A tag is 1 to 32 characters/],
  ])('rejects a row with %s', (_, text, reason) => {
    const result = parseImport(text);
    expect(result.rows).toEqual([]);
    expect(result.rejected).toEqual([{ line: 2, reason: expect.stringMatching(reason) }]);
  });
});
