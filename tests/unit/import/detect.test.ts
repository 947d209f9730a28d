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

describe('aws-extend-switch-roles text or ~/.aws/config', () => {
  it.each([
    ['the AESR fixture', fixture('aesr.ini'), 'aesr'],
    ['the SSO config fixture', fixture('aws-config-sso.ini'), 'aws-config'],
    ['the older config fixture', fixture('aws-config.ini'), 'aws-config'],
    ['AESR: aws_account_id + role_name', '[a]\naws_account_id = 123456789012\nrole_name = Dev\n', 'aesr'],
    [
      'AESR: role_arn with color',
      '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/R\ncolor = ffaa00\n',
      'aesr',
    ],
    ['AESR: a base with target_role_name', '[b]\naws_account_id = x-alias\ntarget_role_name = R\n', 'aesr'],
    [
      'AESR: a base with aws_account_alias',
      '[b]\naws_account_id = 123456789012\naws_account_alias = x\n',
      'aesr',
    ],
    ['AESR behind comments', '; mine\n# also\n[a]\naws_account_id = 123456789012\nrole_name = Dev\n', 'aesr'],
    [
      'CLI: role_arn profiles with source_profile',
      '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = default\n',
      'aws-config',
    ],
    ['CLI: role_arn only', '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/R\n', 'aws-config'],
    [
      'CLI: an sso key wins over a color someone added',
      '[profile a]\nsso_account_id = 123456789012\nsso_role_name = R\nsso_start_url = https://x.awsapps.com/start\ncolor = ffaa00\n',
      'aws-config',
    ],
    [
      'CLI: an [sso-session] section wins over role_name',
      '[sso-session s]\nsso_start_url = https://x.awsapps.com/start\n[profile a]\naws_account_id = 123456789012\nrole_name = R\n',
      'aws-config',
    ],
    [
      'credentials, even with a color key',
      '[default]\naws_access_key_id = AKIAEXAMPLE\ncolor = ffaa00\n',
      'aws-credentials',
    ],
  ])('%s → %s', (_, text, format) => {
    expect(detectFormat(text).format).toBe(format);
  });
});
