// Properties: an export reads back as exactly what was exported, and no input makes a parser throw.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountDraftSchema } from '../../../lib/draft';
import { exportJson } from '../../../lib/export';
import { checkDraft } from '../../../lib/import/check-draft';
import { parseImport } from '../../../lib/import/parse';
import { planImport } from '../../../lib/import/plan';
import { accountSchema, DEFAULT_SETTINGS, settingsSchema } from '../../../lib/schema';
import { accountIdArb, aliasArb, emailArb, storeArb } from './arbitraries';

const settingsArb = fc
  .record({
    learn: fc.constantFrom('always', 'ask', 'never'),
    autoNextRoot: fc.boolean(),
    fillRememberedUser: fc.boolean(),
  })
  .map((s) => settingsSchema.parse(s));

describe('export → import', () => {
  it('reads back every exported account unchanged, and the settings', () => {
    fc.assert(
      fc.property(storeArb, settingsArb, (accounts, settings) => {
        const parse = parseImport(exportJson(accounts, settings, 0));
        expect(parse.rejected).toEqual([]);
        expect(parse.rows.map((r) => r.draft)).toEqual(accounts);
        expect(parse.settings).toEqual(settings);
      }),
      { numRuns: 200 },
    );
  });

  it('restores exactly the exported records into an empty store', () => {
    fc.assert(
      fc.property(storeArb, (accounts) => {
        const plan = planImport([], parseImport(exportJson(accounts, DEFAULT_SETTINGS, 0)), 123);
        expect(plan.new.map((e) => e.account)).toEqual(accounts);
        expect(plan.updated).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('changes nothing when an export is imported into the store it came from', () => {
    fc.assert(
      fc.property(storeArb, (accounts) => {
        const plan = planImport(accounts, parseImport(exportJson(accounts, DEFAULT_SETTINGS, 0)), 123);
        expect(plan.new).toEqual([]);
        expect(plan.updated).toEqual([]);
        expect(plan.unchanged).toHaveLength(accounts.length);
      }),
      { numRuns: 100 },
    );
  });
});

const fixtures = [
  'organizations.json',
  'aws-config.ini',
  'aws-config-sso.ini',
  'aesr.ini',
  'accounts.csv',
  'signpost-export.json',
].map((name) => readFileSync(`tests/fixtures/import/${name}`, 'utf8'));

/** Any answer a parser gives must be well-formed: valid drafts, rejections with a line and a reason. */
function assertWellFormed(text: string) {
  const parse = parseImport(text);
  for (const row of parse.rows) {
    expect(row.line).toBeGreaterThanOrEqual(1);
    expect(accountDraftSchema.safeParse(row.draft).success).toBe(true);
  }
  for (const r of parse.rejected) {
    expect(r.line).toBeGreaterThanOrEqual(1);
    expect(r.reason.length).toBeGreaterThan(0);
  }
  if (parse.error) expect(parse.rows).toEqual([]);
  expect(parse.rows.length + parse.rejected.length > 0 || parse.error !== undefined).toBe(true);
}

describe('parsers never throw on junk', () => {
  it('any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => assertWellFormed(text)),
      { numRuns: 500 },
    );
  });

  it('any JSON, bare or under the keys the formats use', () => {
    const shapes = fc.oneof(
      fc.jsonValue(),
      fc.record({ Accounts: fc.array(fc.jsonValue()) }),
      fc.record({
        format: fc.constant('signpost'),
        version: fc.constantFrom(1, 2, '1'),
        accounts: fc.array(fc.jsonValue()),
      }),
      fc.record({
        format: fc.constant('signpost'),
        version: fc.constant(1),
        settings: fc.jsonValue(),
        accounts: fc.array(fc.object()),
      }),
    );
    fc.assert(
      fc.property(shapes, (value) => assertWellFormed(JSON.stringify(value, null, 2) ?? 'null')),
      { numRuns: 500 },
    );
  });

  it('the fixtures, cut and spliced at random', () => {
    const mutation = fc.record({
      file: fc.nat({ max: fixtures.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 40 }),
      insert: fc.string({ maxLength: 12 }),
    });
    fc.assert(
      fc.property(mutation, ({ file, at, cut, insert }) => {
        const text = fixtures[file]!;
        const i = at % (text.length + 1);
        assertWellFormed(text.slice(0, i) + insert + text.slice(i + cut));
      }),
      { numRuns: 1000 },
    );
  });

  it('CSV and INI shaped junk', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('"', '""', ';', '111111111111', 'a@b.co', 'arn:aws:iam::'),
    );
    const csv = fc
      .tuple(
        fc.uniqueArray(
          fc.constantFrom('account', 'alias', 'label', 'user', 'email', 'tags', 'partition', 'region', 'x'),
          { minLength: 1 },
        ),
        fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 10 }),
      )
      .map(([header, rows]) => [header.join(','), ...rows.map((r) => r.join(','))].join('\n'));
    const ini = fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom('default', 'profile a', 'profile b.c', 'sso-session s', 'b', 'profile s'),
            fc.string({ maxLength: 10 }),
          ),
          fc.array(
            fc.tuple(
              fc.constantFrom(
                'sso_account_id',
                'sso_role_name',
                'sso_session',
                'sso_start_url',
                'role_arn',
                'region',
                'aws_secret_access_key',
                'x',
                'aws_account_id',
                'role_name',
                'source_profile',
                'target_role_name',
                'color',
              ),
              fc.oneof(
                cell,
                fc.constantFrom(
                  's',
                  'a',
                  'b',
                  'Admin',
                  'https://d-1234567890.awsapps.com/start',
                  'https://x.awsapps.com.evil/start',
                  'arn:aws:iam::111111111111:role/R',
                  'ffaa00',
                ),
              ),
            ),
            { maxLength: 4 },
          ),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((sections) =>
        sections
          .map(([name, kv]) => `[${name}]\n${kv.map(([k, v]) => `${k} = ${v}`).join('\n')}`)
          .join('\n\n'),
      );
    fc.assert(
      fc.property(fc.oneof(csv, ini), (text) => assertWellFormed(text)),
      { numRuns: 1000 },
    );
  });
});

describe('checkDraft', () => {
  it('accepts exactly the drafts that make a valid stored record (the rules of accountSchema)', () => {
    const draftArb = fc.record(
      {
        partition: fc.constantFrom('aws', 'aws-us-gov', 'aws-cn', 'aws-eu'),
        accountId: fc.oneof(accountIdArb, fc.constant('12345')),
        alias: aliasArb,
        signIns: fc.array(
          fc.oneof(
            fc.record({
              type: fc.constant('iam'),
              userName: fc.constantFrom('alice', 'Alice', 'bob', 'bad name'),
            }),
            fc.record({ type: fc.constant('root'), email: fc.oneof(emailArb, fc.constant('nope')) }),
            fc.record({
              type: fc.constant('sso'),
              startUrl: fc.constantFrom(
                'https://d-1234567890.awsapps.com/start',
                'https://start.us-gov-home.awsapps.com/directory/corp',
                'https://d-1234567890.awsapps.com.evil.example/start',
              ),
              roleName: fc.constantFrom('Admin', 'admin', 'bad name'),
            }),
            fc.record({
              type: fc.constant('switch'),
              roleName: fc.constantFrom('R', 'r', 'a/R', 'bad name'),
            }),
          ),
          { maxLength: 4 },
        ),
        tags: fc.array(fc.constantFrom('prod', 'Prod', 'a b'), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(draftArb, (draft) => {
        const record = {
          ...draft,
          partition: draft.partition ?? 'aws',
          key: 'k',
          createdAt: 0,
          updatedAt: 0,
          signIns: draft.signIns?.map((s) => ({ ...s, uses: 0, lastUsed: 0 })),
        };
        expect(checkDraft(draft).ok).toBe(accountSchema.safeParse(record).success);
      }),
      { numRuns: 2000 },
    );
  });
});
