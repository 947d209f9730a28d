// `aws organizations list-accounts` output: labels from names, root emails where root sign-in exists,
// partitions from the ARN.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../lib/import/parse';
import { organizationsFixture } from './organizations-fixture';

const fixture = readFileSync('tests/fixtures/import/organizations.json', 'utf8');

describe('Organizations list-accounts', () => {
  const parse = parseImport(fixture);

  it('reads the format', () => {
    expect(parse.format).toBe('organizations');
    expect(parse.error).toBeUndefined();
  });

  it.each([
    [3, '111111111111', 'aws', 'Management', 'root+management@example.com'],
    [12, '222222222222', 'aws', 'Production', 'root+prod@example.com'],
    [21, '333333333333', 'aws-us-gov', 'GovCloud Workloads', undefined],
    [30, '444444444444', 'aws-cn', 'China Region', undefined],
  ])('line %i: account %s in %s labelled %s, root %s', (line, accountId, partition, label, root) => {
    const row = parse.rows.find((r) => r.draft.accountId === accountId);
    expect(row?.line).toBe(line);
    expect(row?.draft.partition).toBe(partition);
    expect(row?.draft.label).toBe(label);
    expect(row?.draft.signIns).toEqual(root ? [{ type: 'root', email: root }] : undefined);
  });

  it('drops the root email outside the aws partition with a note, not a rejection', () => {
    const gov = parse.rows.find((r) => r.draft.partition === 'aws-us-gov');
    const cn = parse.rows.find((r) => r.draft.partition === 'aws-cn');
    expect(gov?.notes).toEqual([
      'Root email root+gov@example.com left out: root users cannot sign in to the console in AWS GovCloud (US).',
    ]);
    expect(cn?.notes).toEqual([
      'Root email root+cn@example.cn left out: root users cannot sign in to the console in AWS China.',
    ]);
    expect(parse.rejected.some((r) => r.reason.includes('root+gov'))).toBe(false);
  });

  it('rejects suspended accounts and broken IDs by line', () => {
    expect(parse.rejected).toEqual([
      {
        line: 39,
        reason: 'Account 555555555555 is SUSPENDED (closed or closing), so Signpost leaves it out.',
      },
      { line: 48, reason: 'An account ID is exactly 12 digits, like 1234-5678-9012.' },
    ]);
  });

  it('reads the bare list that `--query Accounts` prints', () => {
    const bare = JSON.stringify([{ Id: '123456789012', Name: 'Solo', Email: 'a@example.com' }], null, 2);
    const result = parseImport(bare);
    expect(result.format).toBe('organizations');
    expect(result.rows).toEqual([
      {
        line: 2,
        draft: {
          partition: 'aws',
          accountId: '123456789012',
          label: 'Solo',
          signIns: [{ type: 'root', email: 'a@example.com' }],
        },
        fillOnly: ['label'],
      },
    ]);
  });

  it.each([
    ['no Id', { Name: 'x' }, /no account Id/],
    [
      'an ARN of another partition',
      { Id: '123456789012', Arn: 'arn:aws-iso:organizations::1:account/o/123456789012' },
      /names no AWS partition/,
    ],
    ['a State of CLOSED (newer CLI)', { Id: '123456789012', State: 'CLOSED' }, /CLOSED/],
    ['a bad email', { Id: '123456789012', Email: 'not-an-email' }, /not an email address/],
    ['a name too long for a label', { Id: '123456789012', Name: 'x'.repeat(101) }, /at most 100 characters/],
    ['a number instead of an object', 7, /not an account/],
  ])('rejects an entry with %s', (_, entry, reason) => {
    const result = parseImport(JSON.stringify({ Accounts: [entry] }));
    expect(result.rows).toEqual([]);
    expect(result.rejected).toEqual([{ line: 1, reason: expect.stringMatching(reason) }]);
  });

  it('takes an account without an Arn as aws, and one without a name as unlabelled', () => {
    const result = parseImport(JSON.stringify({ Accounts: [{ Id: '123456789012' }] }));
    expect(result.rows[0]!.draft).toEqual({ partition: 'aws', accountId: '123456789012' });
  });

  it('reads 10,000 accounts, each once, in order', () => {
    const big = parseImport(organizationsFixture(10_000));
    expect(big.rows).toHaveLength(10_000);
    expect(new Set(big.rows.map((r) => r.draft.accountId)).size).toBe(10_000);
    const lines = big.rows.map((r) => r.line);
    expect(lines.every((line, i) => i === 0 || line > lines[i - 1]!)).toBe(true);
  });
});
