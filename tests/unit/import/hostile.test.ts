// Import against hostile files: column names that are Object.prototype's, use counts and times that would
// pin the file author's account to the top, and files too large to read.
import { describe, expect, it } from 'vitest';
import { MAX_USES } from '../../../lib/frecency';
import { parseImport } from '../../../lib/import/parse';
import { checkImportSize, MAX_IMPORT_BYTES } from '../../../lib/import/size';

const NOW = 1_800_000_000_000;
const YEAR = 365 * 86_400_000;

describe('CSV: a header named like an Object.prototype member is an unknown column', () => {
  it.each([
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    'Constructor',
  ])('%s is reported as ignored, and the rows still import', (name) => {
    const parse = parseImport(`account,${name},label\n123456789012,x,Prod\n`);
    expect(parse.warnings).toEqual([`Columns Signpost does not use were ignored: ${name}.`]);
    expect(parse.rows.map((r) => r.draft)).toEqual([
      { partition: 'aws', accountId: '123456789012', label: 'Prod' },
    ]);
  });
});

describe('AWS config: keys named like Object.prototype members are just keys', () => {
  it.each(['constructor', '__proto__', 'toString'])('a %s key does not hide the profile', (key) => {
    const parse = parseImport(
      `[profile prod]\n${key} = x\nsso_account_id = 123456789012\nregion = eu-west-1\n`,
    );
    expect(parse.rows.map((r) => r.draft)).toEqual([
      { partition: 'aws', accountId: '123456789012', label: 'prod', region: 'eu-west-1' },
    ]);
  });
});

describe('names like Object.prototype members in the new formats are just names', () => {
  it.each(['constructor', '__proto__', 'toString'])(
    'an sso_session named %s with no such section is rejected',
    (name) => {
      const parse = parseImport(
        `[profile p]\nsso_session = ${name}\nsso_account_id = 123456789012\nsso_role_name = Admin\n`,
      );
      expect(parse.rejected).toEqual([
        {
          line: 1,
          reason: `Profile p names sso_session ${name}, but the file has no [sso-session ${name}] section.`,
        },
      ]);
    },
  );

  it.each(['constructor', '__proto__', 'toString'])(
    'an AESR base named %s is found by its targets',
    (name) => {
      const parse = parseImport(
        `[${name}]\naws_account_id = 111111111111\ntarget_role_name = R\n[t]\naws_account_id = 222222222222\nsource_profile = ${name}\n`,
      );
      expect(parse.format).toBe('aesr');
      expect(parse.rejected).toEqual([]);
      expect(parse.rows.map((r) => r.draft.signIns)).toEqual([
        undefined,
        [{ type: 'switch', roleName: 'R', displayName: 't' }],
      ]);
    },
  );

  it.each(['constructor', '__proto__', 'hasOwnProperty'])(
    'an AESR source_profile %s that names no section is rejected',
    (name) => {
      const parse = parseImport(
        `[t]\naws_account_id = 222222222222\nrole_name = R\nsource_profile = ${name}\n`,
      );
      expect(parse.rejected).toEqual([
        { line: 1, reason: `Profile t names source_profile ${name}, but no section is called ${name}.` },
      ]);
    },
  );
});

describe('Signpost export: claimed use counts and times are capped at import', () => {
  const file = (uses: number, lastUsed: number) =>
    JSON.stringify({
      format: 'signpost',
      version: 1,
      accounts: [
        {
          key: 'k',
          partition: 'aws',
          accountId: '123456789012',
          signIns: [{ type: 'iam', userName: 'mallory', uses, lastUsed }],
          createdAt: 1,
          updatedAt: 2,
        },
      ],
    });

  it.each([
    ['a billion uses become MAX_USES', 1e9, NOW - YEAR, MAX_USES, NOW - YEAR],
    ['a last use in 2096 becomes the import time', 3, NOW + 70 * YEAR, 3, NOW],
    ['sane values come back as they were', 12, NOW - 1000, 12, NOW - 1000],
  ])('%s', (_name, uses, lastUsed, keptUses, keptLastUsed) => {
    const parse = parseImport(file(uses, lastUsed), NOW);
    expect(parse.rejected).toEqual([]);
    expect(parse.rows[0]!.draft.signIns).toEqual([
      { type: 'iam', userName: 'mallory', uses: keptUses, lastUsed: keptLastUsed },
    ]);
  });
});

describe('import size limit (checked before reading)', () => {
  it.each([
    [0, undefined],
    [MAX_IMPORT_BYTES, undefined],
    [
      MAX_IMPORT_BYTES + 1,
      'This file is 20.1 MB; Signpost imports files of up to 20 MB. Split it into smaller files and import them one by one.',
    ],
    [
      70 * 1024 * 1024,
      'This file is 70.0 MB; Signpost imports files of up to 20 MB. Split it into smaller files and import them one by one.',
    ],
  ])('%i bytes → %s', (size, message) => {
    expect(checkImportSize(size)).toBe(message);
  });
});
