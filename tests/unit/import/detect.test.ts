// Format detection: the content, not the file name, decides how an import is read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../lib/import/detect';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');

describe('detectFormat', () => {
  it.each([
    ['Signpost export', fixture('signpost-export.json'), 'signpost'],
    ['Signpost export, minified', '{"format":"signpost","version":1,"accounts":[]}', 'signpost'],
    [
      'Signpost export with a byte-order mark',
      '\uFEFF{"format":"signpost","version":1,"accounts":[]}',
      'signpost',
    ],
    ['organizations list-accounts', fixture('organizations.json'), 'organizations'],
    [
      'organizations with --query Accounts (bare array)',
      '[{"Id":"111111111111","Name":"a"}]',
      'organizations',
    ],
    ['AWS config', fixture('aws-config.ini'), 'aws-config'],
    [
      'AWS config starting with a comment',
      '# mine\n; also mine\n[profile a]\nsso_account_id=111111111111',
      'aws-config',
    ],
    ['AWS config with only [default]', '[default]\nregion = eu-west-1\n', 'aws-config'],
    ['credentials file', fixture('aws-credentials.ini'), 'aws-credentials'],
    ['CSV', fixture('accounts.csv'), 'csv'],
    ['CSV with one column', 'account\n111111111111\n', 'csv'],
    ['CSV, tab separated', 'account\tuser\n111111111111\talice\n', 'csv'],
    ['CSV, semicolon separated', 'Account ID;User names\n111111111111;alice\n', 'csv'],
  ])('%s → %s', (_, text, format) => {
    expect(detectFormat(text).format).toBe(format);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['only blank lines', '\n  \n\t\n', /empty/],
    [
      'broken JSON, with the line of the error',
      '{\n  "format": "signpost",\n  "accounts": [\n}',
      /not valid JSON.*line \d/,
    ],
    ['JSON of some other tool', '{"Users":[{"UserName":"alice"}]}', /neither a Signpost export nor/],
    ['an empty JSON array', '[]', /.+/],
    ['a JSON string', '"hello"', /cannot tell/],
    ['a JSON number', '42', /cannot tell/],
    ['CSV without a known header', 'foo,bar\n1,2\n', /first row of a CSV file must name its columns/],
    ['prose', 'Dear AWS,\nplease remember my accounts.', /first row of a CSV|cannot tell/],
    ['a word', 'hello', /cannot tell what this file is/],
  ])('%s is unknown, with a message saying why', (_, text, message) => {
    const detection = detectFormat(text);
    expect(detection.format).toBe('unknown');
    expect(detection.error).toMatch(message);
  });

  it.each([
    ['a missing value', '{\n  "a": 1,\n  "b": ,\n  "c": 2\n}', 3],
    ['a trailing comma', '{\n  "Accounts": [\n    {"Id": "1"},\n  ]\n}', 4],
    ['a file cut short', '{\n  "Accounts": [\n    {"Id": "1"', 3],
    ['an unclosed string', '{\n\n  "format": "signpost\n}', 3],
  ])('points at the line of broken JSON: %s → line %i', (_, text, line) => {
    expect(detectFormat(text).error).toBe(`This file is not valid JSON: the error is on line ${line}.`);
  });
});
