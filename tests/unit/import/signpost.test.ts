// Signpost's own export format: read back exactly, damaged files refused as a whole, bad records by line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../lib/import/parse';

const fixture = readFileSync('tests/fixtures/import/signpost-export.json', 'utf8');

function exportOf(accounts: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    { format: 'signpost', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', ...extra, accounts },
    null,
    2,
  );
}

const valid = {
  key: 'k1',
  partition: 'aws',
  accountId: '123456789012',
  tags: [],
  signIns: [],
  createdAt: 1,
  updatedAt: 2,
};

describe('Signpost export', () => {
  it('keeps every field of a record: key, timestamps, frecency, colour, notes, landing page', () => {
    const parse = parseImport(fixture);
    expect(parse.format).toBe('signpost');
    expect(parse.error).toBeUndefined();
    expect(parse.rows.map((r) => r.line)).toEqual([11, 29, 39]);
    expect(parse.rows[0]!.draft).toEqual({
      key: '3f2c1a9e-1b7d-4c55-9a61-0c1d2e3f4a5b',
      partition: 'aws',
      accountId: '222222222222',
      alias: 'acme-prod',
      label: 'Production',
      colour: '#d62728',
      tags: ['prod', 'critical'],
      notes: 'Break-glass: use the root user only with a second person present.',
      region: 'eu-west-1',
      landingPath: '/cloudwatch/home',
      signIns: [
        { type: 'iam', userName: 'alice', uses: 42, lastUsed: 1746350000000 },
        { type: 'root', email: 'root+prod@example.com', uses: 1, lastUsed: 1740000000000 },
      ],
      createdAt: 1700000000000,
      updatedAt: 1746350000000,
    });
  });

  it('carries the settings of the export', () => {
    expect(parseImport(fixture).settings).toEqual({
      learn: 'ask',
      autoNextRoot: false,
      fillRememberedUser: true,
    });
  });

  it('rejects a bad record by its line and still reads the others', () => {
    const parse = parseImport(fixture);
    expect(parse.rejected).toEqual([
      { line: 48, reason: 'An account ID is exactly 12 digits, like 1234-5678-9012.' },
    ]);
  });

  it.each([
    [
      'a root email in GovCloud',
      {
        ...valid,
        partition: 'aws-us-gov',
        signIns: [{ type: 'root', email: 'a@b.co', uses: 0, lastUsed: 0 }],
      },
      /GovCloud or China/,
    ],
    [
      'the same user twice',
      {
        ...valid,
        signIns: [
          { type: 'iam', userName: 'Al', uses: 0, lastUsed: 0 },
          { type: 'iam', userName: 'al', uses: 0, lastUsed: 0 },
        ],
      },
      /listed twice/,
    ],
    [
      'no identifier at all',
      { key: 'k', partition: 'aws', createdAt: 0, updatedAt: 0 },
      /No account ID, alias or root email/,
    ],
    ['an unknown partition', { ...valid, partition: 'aws-eu' }, /Partition must be/],
    ['a colour that is not #rrggbb', { ...valid, colour: 'red' }, /#rrggbb/],
    ['a string instead of a record', 'oops', /not an account/],
    ['null', null, /not an account/],
  ])('rejects a record with %s, giving the reason', (_, record, reason) => {
    const parse = parseImport(exportOf([valid, record]));
    expect(parse.rows).toHaveLength(1);
    expect(parse.rejected).toHaveLength(1);
    expect(parse.rejected[0]!.reason).toMatch(reason);
    expect(parse.rejected[0]!.line).toBeGreaterThan(parse.rows[0]!.line);
  });

  it('finds the line of each record in a minified file (all on line 1)', () => {
    const parse = parseImport(
      JSON.stringify({
        format: 'signpost',
        version: 1,
        accounts: [valid, { ...valid, key: 'k2', accountId: 'x' }],
      }),
    );
    expect(parse.rows[0]!.line).toBe(1);
    expect(parse.rejected[0]!.line).toBe(1);
  });

  it.each([
    [
      'a newer format version',
      { format: 'signpost', version: 3, accounts: [] },
      /newer Signpost \(format version 3\)/,
    ],
    [
      'version 0',
      { format: 'signpost', version: 0, accounts: [] },
      /format version 0, which Signpost cannot read/,
    ],
    ['version 1.5', { format: 'signpost', version: 1.5, accounts: [] }, /format version 1.5, which/],
    [
      'a version that is text',
      { format: 'signpost', version: '2', accounts: [] },
      /format version "2", which/,
    ],
    ['no version', { format: 'signpost', accounts: [] }, /damaged/],
    ['no account list', { format: 'signpost', version: 1 }, /damaged/],
    ['accounts that are not a list', { format: 'signpost', version: 1, accounts: {} }, /damaged/],
  ])('refuses a file with %s as a whole, with nothing to import', (_, file, message) => {
    const parse = parseImport(JSON.stringify(file));
    expect(parse.error).toMatch(message);
    expect(parse.rows).toEqual([]);
  });

  it('leaves out settings that do not validate, and says so', () => {
    const parse = parseImport(exportOf([valid], { settings: { learn: 'sometimes' } }));
    expect(parse.settings).toBeUndefined();
    expect(parse.warnings).toEqual([expect.stringMatching(/settings in this file are not valid/)]);
    expect(parse.rows).toHaveLength(1);
  });

  it('fills settings fields an older export did not have with their defaults', () => {
    const parse = parseImport(exportOf([valid], { settings: { learn: 'never' } }));
    expect(parse.settings).toEqual({ learn: 'never', autoNextRoot: true, fillRememberedUser: true });
  });
});
