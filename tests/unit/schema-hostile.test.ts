// Schema rules against hostile values: what a form or an import is refused with, and how a record stored
// before the rule is repaired when it is read (so it still loads, without the bad part).
import { describe, expect, it } from 'vitest';
import { accountDraftSchema } from '../../lib/draft';
import { MAX_USES } from '../../lib/frecency';
import { accountSchema, explain, landingPathSchema } from '../../lib/schema';

const BROKEN = 'control characters or broken Unicode (a lone surrogate)';
const stored = { key: 'k', partition: 'aws', accountId: '123456789012', createdAt: 0, updatedAt: 0 };

function draftProblem(fields: Record<string, unknown>): string | undefined {
  const parsed = accountDraftSchema.safeParse({ accountId: '123456789012', ...fields });
  return parsed.success ? undefined : explain(parsed.error);
}

describe('labels, notes and tags refuse control characters and lone surrogates', () => {
  it.each([
    ['label', 'Prod\u0001', `A label cannot contain ${BROKEN}.`],
    ['label', 'Prod\u0000', `A label cannot contain ${BROKEN}.`],
    ['label', 'Prod\uD800', `A label cannot contain ${BROKEN}.`],
    ['label', 'Prod\uDFFF x', `A label cannot contain ${BROKEN}.`],
    ['label', 'Two\nlines', `A label cannot contain ${BROKEN}.`],
    ['label', 'Prod\u0085', `A label cannot contain ${BROKEN}.`],
    ['label', 'Prod\uFFFE', `A label cannot contain ${BROKEN}.`],
    ['notes', 'bell\u0007', `Notes cannot contain ${BROKEN}; line breaks and tabs are fine.`],
    ['notes', 'half \uDBFF pair', `Notes cannot contain ${BROKEN}; line breaks and tabs are fine.`],
    ['tags', ['ok', 'bad\u0001'], `A tag cannot contain ${BROKEN}.`],
    ['tags', ['\uD83D'], `A tag cannot contain ${BROKEN}.`],
  ])('%s %j → %s', (field, value, message) => {
    expect(draftProblem({ [field]: value })).toBe(message);
  });

  it.each([
    ['label', 'Prod 🚀 émoji'],
    ['notes', 'line one\nline two\twith a tab\r\n'],
    ['tags', ['prod', 'équipe', '🚀']],
  ])('%s %j is fine (whole surrogate pairs, accents, line breaks in notes)', (field, value) => {
    expect(draftProblem({ [field]: value })).toBeUndefined();
  });
});

describe('a root email with a control character or a lone surrogate is no email', () => {
  it.each([
    'root\u0001@example.com',
    'root@exa\u0000mple.com',
    'ro\uD800ot@example.com',
    'root@example.co\u0085',
  ])('%j is refused', (email) => {
    expect(draftProblem({ signIns: [{ type: 'root', email }] })).toBe(
      'That is not an email address (expected name@example.com).',
    );
  });

  it('an accented or emoji email is still one', () => {
    expect(draftProblem({ signIns: [{ type: 'root', email: 'équipe🚀@example.com' }] })).toBeUndefined();
  });
});

describe('a stored record with such characters is repaired on read, not lost', () => {
  it.each([
    ['label', 'Prod\u0001uction\uD800', 'Production'],
    ['label', '\u0000 Billing \u0000', 'Billing'],
    ['notes', 'keep\nthis\u0007\uDC00', 'keep\nthis'],
    ['tags', ['pr\u0001od', '\u0001', 'prod'], ['prod']],
  ])('%s %j reads as %j', (field, value, repaired) => {
    const parsed = accountSchema.safeParse({ ...stored, [field]: value });
    expect(parsed.success && parsed.data[field as 'label']).toEqual(repaired);
  });
});

describe('use counts and last-use times an import or an old record may claim', () => {
  const signIn = (uses: number, lastUsed = 0) => ({ type: 'iam', userName: 'alice', uses, lastUsed });

  it.each([
    ['a billion uses saturate at MAX_USES', 1e9, MAX_USES],
    ['MAX_USES itself is kept', MAX_USES, MAX_USES],
    ['an ordinary count is kept', 42, 42],
  ])('%s', (_name, uses, expected) => {
    const record = accountSchema.parse({ ...stored, signIns: [signIn(uses)] });
    expect(record.signIns[0]!.uses).toBe(expected);
    const draft = accountDraftSchema.parse({ accountId: '123456789012', signIns: [signIn(uses)] });
    expect(draft.signIns![0]!.uses).toBe(expected);
  });

  it.each([
    ['negative', -1],
    ['fractional', 1.5],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('a %s count is refused', (_name, uses) => {
    expect(accountDraftSchema.safeParse({ accountId: '123456789012', signIns: [signIn(uses)] }).success).toBe(
      false,
    );
  });
});

describe('landing pages stay inside /console', () => {
  const CLIMBS = 'A landing page must stay inside the console: take out the ".." that climbs above /console.';
  it.each([
    ['../../federation', CLIMBS],
    ['/../federation', CLIMBS],
    ['s3/../../federation', CLIMBS],
    ['%2e%2e/federation', CLIMBS],
    ['%2E%2E/%2e%2e/oauth', CLIMBS],
    ['.%2e/oauth', CLIMBS],
    ['s3%2f..%2f..%2foauth', CLIMBS],
    ['/console/../oauth', CLIMBS],
    ['%zz', 'A landing page is a console path such as /s3 or /ec2/home.'],
    ['https://evil.example/x', 'A landing page is a console path such as /s3 or /ec2/home.'],
  ])('%j is refused: %s', (path, message) => {
    const parsed = landingPathSchema.safeParse(path);
    expect(parsed.success ? undefined : explain(parsed.error)).toBe(message);
  });

  it.each([
    '/s3',
    'ec2/home',
    's3/../ec2/home',
    './s3',
    'cloudwatch/home?region=eu-west-1#alarms',
    '/console/home',
  ])('%j is accepted', (path) => {
    expect(landingPathSchema.safeParse(path).success).toBe(true);
  });

  it('a stored landing page that climbs out is dropped on read; the account still loads', () => {
    const parsed = accountSchema.safeParse({ ...stored, label: 'Prod', landingPath: '../../federation' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ label: 'Prod', landingPath: undefined });
  });
});
