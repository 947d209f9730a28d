// The quick path for validating accounts and drafts (lib/quick-parse.ts) against the zod schemas it stands
// in for: it must take every record the store writes, and whatever it is given it must answer exactly as
// zod does (the same record, or zod's own refusal in the same words).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountDraftSchema } from '../../lib/draft';
import { MAX_USES } from '../../lib/frecency';
import { draftsSchema, parseAccount, parseDraft, quickAccount, quickDraft } from '../../lib/quick-parse';
import { accountSchema, explain } from '../../lib/schema';
import { accountArb } from './import/arbitraries';

const outcome = (r: z.ZodSafeParseResult<unknown>) =>
  r.success ? { data: r.data } : { refused: explain(r.error) };

/** Values a field may be given that zod repairs, normalises, defaults or refuses. */
const ODD: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  ' padded ',
  'UPPER',
  'Prod\u0001',
  'two\nlines',
  'half \uD800',
  '\uFFFE',
  'x'.repeat(101),
  'x'.repeat(2001),
  '1234-5678-9012',
  ' 123456789012 ',
  '123456789012',
  'my-alias',
  'My-Alias',
  '--x',
  'us-east-1',
  ' EU-WEST-1 ',
  '#1F77B4',
  '#1f77b4',
  ' #1f77b4',
  '/s3',
  ' /s3 ',
  '/../../x',
  '//evil',
  '%E0%A4%A',
  'https://corp.awsapps.com/start',
  'corp.awsapps.com/start',
  'https://corp.awsapps.com/start/',
  'root@example.com',
  ' root@example.com ',
  '/team/Admin',
  'team/Admin',
  'aws',
  'aws-cn',
  'azure',
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  MAX_USES,
  MAX_USES + 1,
  2 ** 60,
  true,
  false,
  [],
  ['prod'],
  ['Prod'],
  ['prod', 'prod'],
  ['prod', ' dev '],
  ['a,b'],
  ['bad\u0001'],
  [''],
  {},
  { type: 'root', email: 'root@example.com', uses: 0, lastUsed: 0 },
];
const FIELDS = [
  'key',
  'partition',
  'accountId',
  'alias',
  'label',
  'colour',
  'tags',
  'notes',
  'region',
  'landingPath',
  'createdAt',
  'updatedAt',
  'managed',
  'unknownField',
];

/** Sign-ins as a record may hold them, one field at a time made odd. */
const SIGN_INS: Record<string, unknown>[] = [
  { type: 'iam', userName: 'alice', uses: 3, lastUsed: 5 },
  { type: 'root', email: 'root@example.com', uses: 0, lastUsed: 0 },
  { type: 'sso', startUrl: 'https://corp.awsapps.com/start', roleName: 'ReadOnly', uses: 1, lastUsed: 2 },
  {
    type: 'switch',
    roleName: 'team/Admin',
    displayName: 'Prod admin',
    colour: '#ff0000',
    uses: 0,
    lastUsed: 0,
  },
];
const SIGN_IN_FIELDS = [
  'type',
  'userName',
  'email',
  'startUrl',
  'roleName',
  'displayName',
  'colour',
  'uses',
  'lastUsed',
  'extra',
];

const odd = fc.constantFrom(...ODD);

/** An account or draft with one field (or one sign-in field) set to an odd value, or left out. */
function perturbed(base: fc.Arbitrary<Record<string, unknown>>) {
  return fc.oneof(
    fc.tuple(base, fc.constantFrom(...FIELDS), odd).map(([a, f, v]) => {
      const out = { ...a, [f]: v };
      if (v === undefined && fc.sample(fc.boolean(), 1)[0]) delete out[f];
      return out;
    }),
    fc
      .tuple(base, fc.constantFrom(...SIGN_INS), fc.constantFrom(...SIGN_IN_FIELDS), odd, fc.boolean())
      .map(([a, s, f, v, append]) => {
        const signIn = { ...s, [f]: v };
        const signIns = (a.signIns as unknown[] | undefined) ?? [];
        return { ...a, signIns: append ? [...signIns, signIn] : [signIn] };
      }),
  );
}

const accounts = accountArb as unknown as fc.Arbitrary<Record<string, unknown>>;
/** Drafts as importers and forms write them: a stored record's fields, some left out. */
const drafts = fc
  .tuple(accountArb, fc.subarray(['key', 'tags', 'signIns', 'createdAt', 'updatedAt', 'alias', 'label']))
  .map(([a, drop]) => {
    const { managed: _, ...draft } = a as Record<string, unknown>;
    for (const f of drop) delete draft[f];
    return draft;
  });

describe('the quick path takes what the store writes', () => {
  it('every valid stored record, as zod returns it', () => {
    fc.assert(
      fc.property(accountArb, (a) => {
        expect(quickAccount(a)).toEqual(accountSchema.parse(a));
      }),
      { numRuns: 300 },
    );
  });

  it('every valid draft, as zod returns it', () => {
    fc.assert(
      fc.property(drafts, (d) => {
        expect(quickDraft(d)).toEqual(accountDraftSchema.parse(d));
      }),
      { numRuns: 300 },
    );
  });

  it.each(SIGN_INS)('a record with a $type sign-in', (signIn) => {
    const a = {
      key: 'k',
      partition: 'aws',
      accountId: '123456789012',
      tags: [],
      signIns: [signIn],
      createdAt: 1,
      updatedAt: 2,
    };
    expect(quickAccount(a)).toEqual(accountSchema.parse(a));
  });

  it('an organization-managed record keeps its mark', () => {
    const a = {
      key: 'k',
      partition: 'aws',
      accountId: '123456789012',
      tags: [],
      signIns: [],
      createdAt: 1,
      updatedAt: 2,
      managed: true,
    };
    expect(quickAccount(a)).toEqual(a);
  });
});

describe('whatever it is given, it answers as zod does', () => {
  it('stored records with one odd field', () => {
    fc.assert(
      fc.property(perturbed(accounts), (a) => {
        expect(outcome(parseAccount(a))).toEqual(outcome(accountSchema.safeParse(a)));
      }),
      { numRuns: 2000 },
    );
  });

  it('drafts with one odd field', () => {
    fc.assert(
      fc.property(perturbed(drafts), (d) => {
        expect(outcome(parseDraft(d))).toEqual(outcome(accountDraftSchema.safeParse(d)));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['two root emails', [SIGN_INS[1], { ...SIGN_INS[1], email: 'other@example.com' }], 'aws'],
    ['a root email in China', [SIGN_INS[1]], 'aws-cn'],
    ['a role listed twice', [SIGN_INS[3], { ...SIGN_INS[3], roleName: 'TEAM/admin' }], 'aws'],
    ['a portal of another partition', [SIGN_INS[2]], 'aws-us-gov'],
  ])('a record with %s is refused in zod’s words', (_, signIns, partition) => {
    const a = {
      key: 'k',
      partition,
      accountId: '123456789012',
      tags: [],
      signIns,
      createdAt: 1,
      updatedAt: 2,
    };
    expect(quickAccount(a)).toBeUndefined();
    expect(outcome(parseAccount(a))).toEqual(outcome(accountSchema.safeParse(a)));
    expect(parseAccount(a).success).toBe(false);
  });

  it('a record with nothing to name the account by is refused in zod’s words', () => {
    const a = { key: 'k', partition: 'aws', tags: [], signIns: [SIGN_INS[0]], createdAt: 1, updatedAt: 2 };
    expect(outcome(parseAccount(a))).toEqual({
      refused: 'An account needs an account ID, an alias or a root email.',
    });
  });

  it.each([null, undefined, 'text', 7, [], new Date(0), Object.create({ partition: 'aws' })])(
    '%j is no account and no draft',
    (v) => {
      expect(outcome(parseAccount(v))).toEqual(outcome(accountSchema.safeParse(v)));
      expect(outcome(parseDraft(v))).toEqual(outcome(accountDraftSchema.safeParse(v)));
    },
  );
});

describe('an import message: the batch says what the per-draft schema says', () => {
  const batch = z.object({ accounts: draftsSchema });
  const perDraft = z.object({ accounts: z.array(accountDraftSchema) });
  const good = { partition: 'aws', accountId: '123456789012', label: 'Prod' };

  it.each([
    ['all good', [good, { ...good, accountId: '210987654321' }]],
    ['one bad account ID', [good, { accountId: '12' }]],
    ['a bad field deep in a sign-in', [good, { ...good, signIns: [{ type: 'iam', userName: 'a b' }] }]],
    ['a sign-in of no known kind', [{ ...good, signIns: [{ type: 'saml' }] }]],
    ['two bad drafts with the same fault', [{ alias: 'X' }, { alias: 'Y' }]],
    ['two bad drafts with different faults', [{ region: 'nowhere' }, { colour: 'red', partition: 'azure' }]],
    ['a draft that is no object', [good, 'not a draft', null]],
    ['a wrong type where a string belongs', [{ ...good, label: 42 }]],
    ['drafts to normalise', [{ accountId: '1234-5678-9012', alias: ' My-Alias ', tags: ['Prod', 'prod'] }]],
    ['no drafts', []],
  ])('%s', (_, accounts) => {
    expect(outcome(batch.safeParse({ accounts }))).toEqual(outcome(perDraft.safeParse({ accounts })));
  });

  it.each([
    ['not an array', 'accounts'],
    ['an object', { 0: good }],
    ['missing', undefined],
  ])('accounts %s', (_, accounts) => {
    expect(outcome(batch.safeParse({ accounts }))).toEqual(outcome(perDraft.safeParse({ accounts })));
  });

  it('random batches of valid and odd drafts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(drafts, perturbed(drafts)), { maxLength: 6 }), (accounts) => {
        expect(outcome(batch.safeParse({ accounts }))).toEqual(outcome(perDraft.safeParse({ accounts })));
      }),
      { numRuns: 500 },
    );
  });
});
