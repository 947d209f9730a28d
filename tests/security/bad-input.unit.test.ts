// Promise: bad input (a malformed import, an invalid identifier, a message of the wrong shape, a corrupt record
// read from IndexedDB) gets a clear answer and changes nothing else; no parser throws an unexpected error.
//
// Level: unit, fast-check. Each property says its run count in its name; the totals are in the report.
// Parsers are called directly, not only through parseImport, whose catch-all would hide a throw.
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { handleMessage, type Sender } from '../../lib/background/handlers';
import { makeChunk, openSignpostDb, rawAccounts } from '../../lib/db';
import { t } from '../../lib/i18n';
import { parseAccountRef, sameUserName } from '../../lib/ids';
import { parseDetected, parseImport } from '../../lib/import/parse';
import { planImport } from '../../lib/import/plan';
import { extensionRequestSchema, signInRequestSchema } from '../../lib/message-schemas';
import { parseAccountInput, parseQuickAdd } from '../../lib/popup/quick-add';
import { accountIdSchema, accountSchema, aliasSchema, emailSchema, userNameSchema } from '../../lib/schema';
import { Store } from '../../lib/store';
import { background, type FakeBackground, snapshot } from '../fakes/background';
import { contentScript, EXT, OPTIONS, ORIGIN, POPUP } from '../fakes/senders';

/** Strings people paste and attackers send: digits with separators, unicode lookalikes, long runs, control chars. */
const nasty = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...'0123456789 -\t\u00a0\u2011\u2212٠١٢３４'), maxLength: 24 }),
  fc.string({ unit: fc.constantFrom(...'abcXYZ-_.@+=, 0123456789'), maxLength: 70 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '__proto__',
    'constructor',
    '123456789012',
    '1234-5678-9012',
    ' 1234 5678 9012 ',
  ),
  fc.nat({ max: 300 }).map((n) => 'a'.repeat(n)),
);

// Independent oracles: AWS's rules written out character by character from its documentation, sharing no
// code or regular expression with lib/ids.ts, so a wrong rule there cannot agree with itself here.
const ASCII_DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
/** What a person may paste between the digits of an account ID: dashes and white space. */
const isSeparator = (c: string) => c === '-' || c.trim() === '';
/** The input's characters, minus separators. */
const withoutSeparators = (input: string) => [...input].filter((c) => !isSeparator(c)).join('');
/** An account ID is 12 ASCII digits, however the person spaced them. */
const idOracle = (input: string) => {
  const digits = withoutSeparators(input);
  return digits.length === 12 && [...digits].every((c) => ASCII_DIGITS.includes(c));
};
/** An alias is 3–63 of a–z, 0–9 and "-", not starting or ending with "-", no "--", and not an account ID. */
const aliasOracle = (alias: string) =>
  alias.length >= 3 &&
  alias.length <= 63 &&
  [...alias].every((c) => LOWER.includes(c) || ASCII_DIGITS.includes(c) || c === '-') &&
  !alias.startsWith('-') &&
  !alias.endsWith('-') &&
  !alias.includes('--') &&
  !(alias.length === 12 && [...alias].every((c) => ASCII_DIGITS.includes(c)));
/** An IAM user name is 1–64 of letters, digits and + = , . @ _ -. */
const userNameOracle = (name: string) =>
  name.length >= 1 &&
  name.length <= 64 &&
  [...name].every(
    (c) => LOWER.includes(c) || UPPER.includes(c) || ASCII_DIGITS.includes(c) || '+=,.@_-'.includes(c),
  );
/** Signpost's deliberately loose email: one @, no white space, a dot inside the domain, at most 254 chars. */
const emailOracle = (email: string) => {
  const parts = email.split('@');
  return (
    email.length <= 254 &&
    parts.length === 2 &&
    parts[0]!.length > 0 &&
    [...email].every((c) => c.trim() !== '') &&
    parts[1]!.slice(1, -1).includes('.')
  );
};
/** What an "account" box should read `input` as. */
const refOracle = (input: string) => {
  if (idOracle(input)) return { accountId: withoutSeparators(input) };
  // Only digits and separators, but not 12 digits: a mistyped ID, never an alias.
  if ([...input].every((c) => isSeparator(c) || ASCII_DIGITS.includes(c)) && input !== '') return undefined;
  const alias = input.trim().toLowerCase();
  return aliasOracle(alias) ? { alias } : undefined;
};

/** Inputs near the edges of the rules: valid IDs, aliases, user names and emails with one thing wrong. */
const edgy = fc.oneof(
  fc.string({ unit: fc.constantFrom(...ASCII_DIGITS), minLength: 11, maxLength: 13 }),
  fc
    .tuple(fc.constantFrom(' ', '-', '\t', '\u00a0', '\u2011', '--'), fc.nat({ max: 12 }))
    .map(([sep, at]) => `123456789012`.slice(0, at) + sep + `123456789012`.slice(at)),
  fc.string({ unit: fc.constantFrom(...'aZ09-'), minLength: 1, maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...'aZ09+=,.@_- '), minLength: 60, maxLength: 66 }),
  fc.constantFrom(
    'a@b.c',
    'a@.bc',
    'a@bc.',
    '@b.co',
    'a@@b.co',
    'a @b.co',
    'A@B.CO',
    `${'a'.repeat(250)}@b.co`,
  ),
);
const identifier = fc.oneof(nasty, edgy);

describe('identifier rules never throw and agree with AWS’s rules written out independently', () => {
  it.each([
    ['1234-5678-9012', { accountId: '123456789012' }],
    [' 1234 5678 9012 ', { accountId: '123456789012' }],
    ['1234\u00a05678\u00a09012', { accountId: '123456789012' }],
    ['12345678901', undefined],
    ['1234-5678-901X', { alias: '1234-5678-901x' }],
    ['1234-5678-901', undefined],
    ['１２３４５６７８９０１２', undefined],
    ['Acme-Prod', { alias: 'acme-prod' }],
    ['acme--prod', undefined],
    ['-acme', undefined],
    ['ab', undefined],
  ])('parseAccountRef(%j) is %j', (input, expected) => {
    expect(parseAccountRef(input)).toEqual(expected);
  });

  it('parseAccountRef (5000 runs): an ID is the 12 digits typed, an alias the input lowercased, else nothing', () => {
    const seen = { id: 0, alias: 0, none: 0 };
    fc.assert(
      fc.property(identifier, (input) => {
        const expected = refOracle(input);
        expect(parseAccountRef(input)).toEqual(expected);
        seen[!expected ? 'none' : 'accountId' in expected ? 'id' : 'alias']++;
      }),
      { numRuns: 5000 },
    );
    // Each kind of answer came up often enough that the property says something about it.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(100);
  });

  it('the zod identifier schemas accept exactly what the rules allow, with a reason when not (5000 runs)', () => {
    const accepted = { id: 0, alias: 0, user: 0, email: 0 };
    fc.assert(
      fc.property(identifier, (input) => {
        const id = accountIdSchema.safeParse(input);
        expect(id.success).toBe(idOracle(input));
        const alias = aliasSchema.safeParse(input);
        expect(alias.success).toBe(aliasOracle(input.trim().toLowerCase()));
        const user = userNameSchema.safeParse(input);
        expect(user.success).toBe(userNameOracle(input.trim()));
        const email = emailSchema.safeParse(input);
        expect(email.success).toBe(emailOracle(input.trim()));
        for (const r of [id, alias, user, email])
          if (!r.success) expect(r.error.issues[0]!.message).toMatch(/\w/);
        accepted.id += Number(id.success);
        accepted.alias += Number(alias.success);
        accepted.user += Number(user.success);
        accepted.email += Number(email.success);
      }),
      { numRuns: 5000 },
    );
    for (const count of Object.values(accepted)) expect(count).toBeGreaterThan(20);
  });

  it.each([
    ['alice', 'ALICE', true],
    ['Alice.Smith@corp', 'alice.smith@CORP', true],
    ['alice', 'alice2', false],
    ['alice', 'alic', false],
    ['a_b', 'a-b', false],
  ])('sameUserName(%j, %j) is %s: IAM user names are unique regardless of case', (a, b, same) => {
    expect(sameUserName(a, b)).toBe(same);
    expect(sameUserName(b, a)).toBe(same);
  });

  it('sameUserName (2000 runs): a name matches itself in any case, and never a name one character longer', () => {
    const name = fc.string({
      unit: fc.constantFrom(...`${LOWER}${UPPER}${ASCII_DIGITS}+=,.@_-`),
      maxLength: 64,
    });
    const flips = fc.array(fc.boolean(), { minLength: 64, maxLength: 64 });
    fc.assert(
      fc.property(name, flips, fc.constantFrom(...'aZ0_'), (a, flip, extra) => {
        const recased = [...a].map((c, i) => (flip[i] ? c.toUpperCase() : c.toLowerCase())).join('');
        expect(sameUserName(a, recased)).toBe(true);
        expect(sameUserName(a, a + extra)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('the popup’s quick add never throws, and what it accepts the background accepts (3000 runs)', () => {
    const urlish = fc.oneof(
      nasty,
      fc.webUrl(),
      nasty.map((s) => `https://${s}.signin.aws.amazon.com/console`),
      nasty.map((s) => `${s}-abc.us-east-1.console.aws.amazon.com`),
    );
    fc.assert(
      fc.property(urlish, nasty, (account, user) => {
        parseAccountInput(account);
        const result = parseQuickAdd(account, user);
        if (result.ok) {
          const parsed = extensionRequestSchema.safeParse({ type: 'accounts.save', account: result.draft });
          expect(parsed.success).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

const FAILED = t('importFailed');

const jsonish = fc.oneof(
  fc.jsonValue(),
  fc.record({
    Accounts: fc.array(
      fc.oneof(
        fc.jsonValue(),
        fc.record({ Id: nasty, Name: nasty, Email: nasty, Status: nasty }, { requiredKeys: [] }),
      ),
    ),
  }),
  fc.record({
    format: fc.constant('signpost'),
    version: fc.oneof(fc.constant(1), fc.jsonValue()),
    exportedAt: fc.jsonValue(),
    settings: fc.jsonValue(),
    accounts: fc.array(
      fc.oneof(
        fc.jsonValue(),
        fc.record(
          {
            key: nasty,
            partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov', 'aws-eu', ''),
            accountId: nasty,
            alias: nasty,
            label: nasty,
            tags: fc.array(nasty, { maxLength: 3 }),
            signIns: fc.array(
              fc.record(
                {
                  type: fc.constantFrom('iam', 'root', 'sso'),
                  userName: nasty,
                  email: nasty,
                  uses: fc.jsonValue(),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
            createdAt: fc.jsonValue(),
            updatedAt: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
      ),
      { maxLength: 5 },
    ),
  }),
);
const csvish = fc
  .tuple(
    fc.uniqueArray(
      fc.constantFrom('account', 'alias', 'label', 'user', 'email', 'tags', 'Account ID', 'x', '"account"'),
      { minLength: 1 },
    ),
    fc.constantFrom(',', ';', '\t'),
    fc.array(
      fc.array(fc.oneof(nasty, fc.constantFrom('"', '""', '"a,b"', '=cmd()', '\r\n')), { maxLength: 8 }),
      { maxLength: 8 },
    ),
  )
  .map(([header, sep, rows]) => [header.join(sep), ...rows.map((r) => r.join(sep))].join('\n'));
const iniish = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('default', 'profile a', 'profile b c', 'sso-session s', 'services x'), nasty),
      fc.array(
        fc.tuple(
          fc.constantFrom(
            'sso_account_id',
            'role_arn',
            'region',
            'aws_secret_access_key',
            'aws_session_token',
            'source_profile',
            nasty.map((s) => s.slice(0, 10)),
          ),
          nasty,
        ),
        { maxLength: 5 },
      ),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((sections) =>
    sections.map(([n, kv]) => `[${n}]\n${kv.map(([k, v]) => `${k} = ${v}`).join('\n')}`).join('\n'),
  );
const anyImport = fc.oneof(
  fc.string({ maxLength: 300 }),
  jsonish.map((v) => JSON.stringify(v) ?? 'null'),
  csvish,
  iniish,
  fc
    .tuple(
      fc.oneof(
        csvish,
        iniish,
        jsonish.map((v) => JSON.stringify(v, null, 2) ?? ''),
      ),
      fc.nat(),
      fc.nat({ max: 20 }),
    )
    .map(([s, at, cut]) => s.slice(0, at % (s.length + 1)) + s.slice((at % (s.length + 1)) + cut)),
);

describe('import parsers never throw and never hide a failure', () => {
  it('each format’s parser, called directly, returns an answer for any text (4000 runs)', () => {
    fc.assert(
      fc.property(anyImport, (text) => void parseDetected(text)),
      { numRuns: 4000 },
    );
  });

  it('parseImport’s catch-all never fires: no “import failed”, nothing logged (4000 runs)', () => {
    const error = vi.spyOn(console, 'error');
    fc.assert(
      fc.property(anyImport, (text) => {
        expect(parseImport(text).error).not.toBe(FAILED);
      }),
      { numRuns: 4000 },
    );
    expect(error).not.toHaveBeenCalled();
  });

  it('planImport over any parse and any store never throws (1000 runs)', () => {
    fc.assert(
      fc.property(anyImport, (text) => {
        const parse = parseImport(text);
        const plan = planImport([], parse, 0);
        expect(plan).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('an import is all or nothing: one bad row anywhere and nothing at all is written (300 runs)', async () => {
    const bg = background();
    await bg.value({
      type: 'accounts.save',
      account: { accountId: '111111111111', alias: 'keep-me', signIns: [{ type: 'iam', userName: 'alice' }] },
    });
    // Mostly valid CSV (what a real file holds), then a row the background refuses spliced in somewhere.
    const row = fc.tuple(
      idish,
      fc.oneof(idish, fc.constant('')),
      nasty.map((s) => s.replace(/[,"\r\n]/g, '')),
      userish.map((s) => s.replace(/[,"\r\n]/g, '')),
    );
    const csv = fc
      .array(row, { minLength: 1, maxLength: 12 })
      .map((rows) => ['account,alias,label,user', ...rows.map((r) => r.join(','))].join('\n'));
    const bad = fc.oneof(
      fc.jsonValue(),
      fc.record({ accountId: fc.constant('12') }),
      fc.record({
        partition: fc.constant('aws-cn'),
        signIns: fc.constant([{ type: 'root', email: 'a@b.co' }]),
      }),
    );
    let refused = 0;
    let written = 0;
    await fc.assert(
      fc.asyncProperty(csv, fc.option(fc.tuple(bad, fc.nat()), { nil: undefined }), async (text, spoil) => {
        const before = await snapshot();
        const drafts: unknown[] = parseImport(text).rows.map((r) => r.draft);
        if (spoil) drafts.splice(spoil[1] % (drafts.length + 1), 0, spoil[0]);
        const reply = await bg.ask({ type: 'accounts.import', accounts: drafts });
        const after = await snapshot();
        if (!reply.ok) {
          refused++;
          expect(after).toBe(before);
        } else if (after !== before) written++;
      }),
      { numRuns: 300 },
    );
    // Both branches ran, so neither half of the property is vacuous.
    expect(refused).toBeGreaterThan(10);
    expect(written).toBeGreaterThan(10);
  });
});

// Message fuzz: arbitrary JSON from arbitrary senders, and near-valid requests from real senders.
const TYPES = [...extensionRequestSchema.options, ...signInRequestSchema.options].map(
  (o) => o.shape.type.value as string,
);
const SIGN_IN_URLS = [
  'https://123456789012.signin.aws.amazon.com/console',
  'https://signin.aws.amazon.com/signin',
  'https://acme-prod.signin.aws.amazon.com/console',
];

const senderArb: fc.Arbitrary<Sender> = fc.record(
  {
    id: fc.oneof(fc.constant(EXT), fc.constant('another-extension'), fc.string({ maxLength: 8 })),
    url: fc.oneof(
      fc.constantFrom(
        ...SIGN_IN_URLS,
        `${ORIGIN}popup.html`,
        `${ORIGIN}options.html`,
        'chrome-extension://another-extension/popup.html',
      ),
      fc.webUrl(),
      fc.string({ maxLength: 40 }),
    ),
    frameId: fc.oneof(fc.constant(0), fc.integer({ min: -1, max: 9 })),
    tab: fc.record({ id: fc.integer({ min: -1, max: 20 }), url: fc.webUrl() }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
/** A known type with fields of any shape, some of them the right ones. */
const nearValid = fc
  .tuple(
    fc.constantFrom(...TYPES),
    fc.dictionary(
      fc.constantFrom(
        'account',
        'accounts',
        'keys',
        'key',
        'target',
        'tabId',
        'signIn',
        'token',
        'settings',
        'userNames',
        'root',
        'confirmed',
        'password',
        '__proto__',
        'constructor',
      ),
      fc.oneof(
        fc.jsonValue(),
        fc.record(
          { type: fc.constantFrom('iam', 'root', 'account'), userName: nasty, email: nasty, account: nasty },
          { requiredKeys: ['type'] },
        ),
        fc.array(
          fc.record(
            { accountId: nasty, alias: nasty, key: nasty, partition: fc.constantFrom('aws', 'x') },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
      ),
      { maxKeys: 4 },
    ),
  )
  .map(([type, fields]) => ({ ...fields, type }));
/** Requests of the right type with fields that are right, almost right or wrong, and sometimes one too many. */
const idish = fc.oneof(
  fc.constantFrom('123456789012', '222222222222', '1234-5678-9012', 'acme-prod', 'new-alias', '333333333333'),
  nasty,
);
const userish = fc.oneof(fc.constantFrom('alice', 'ALICE', 'bob', 'a b', ''), nasty);
const emailish = fc.oneof(fc.constantFrom('owner@example.com', 'new@example.com', 'nope'), nasty);
const draftish = fc.record(
  {
    accountId: idish,
    alias: idish,
    partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov', 'aws-eu'),
    label: nasty,
    tags: fc.array(nasty, { maxLength: 2 }),
    signIns: fc.array(
      fc.oneof(
        fc.record({ type: fc.constant('iam'), userName: userish }),
        fc.record({ type: fc.constant('root'), email: emailish }),
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);
const extra = fc.option(
  fc.dictionary(fc.constantFrom('password', 'mfaCode', 'extra', 'tabId'), fc.jsonValue(), {
    minKeys: 1,
    maxKeys: 1,
  }),
  { nil: undefined },
);
const wellFormedish = fc
  .tuple(
    fc.oneof(
      fc.record(
        { type: fc.constant('signin.query'), account: fc.option(idish, { nil: undefined }) },
        { requiredKeys: ['type'] },
      ),
      fc.record({
        type: fc.constant('signin.learn'),
        signIn: fc.oneof(
          fc.record({ type: fc.constant('iam'), account: idish, userName: userish }),
          fc.record({ type: fc.constant('root'), email: emailish }),
        ),
        confirmed: fc.boolean(),
      }),
      fc.record({ type: fc.constant('signin.undo'), token: fc.oneof(fc.constant('token-1'), nasty) }),
      fc.constant({ type: 'signin.done' }),
      fc.record({ type: fc.constant('accounts.save'), account: draftish }),
      fc.record({ type: fc.constant('accounts.import'), accounts: fc.array(draftish, { maxLength: 4 }) }),
      fc.record({
        type: fc.constant('accounts.delete'),
        keys: fc.array(fc.oneof(fc.constantFrom('key-1', 'key-2'), nasty), { maxLength: 2 }),
      }),
      fc.record({
        type: fc.constant('signins.delete'),
        key: fc.oneof(fc.constantFrom('key-1', 'key-2'), nasty),
        userNames: fc.array(userish, { maxLength: 2 }),
        root: fc.boolean(),
      }),
      fc.record({
        type: fc.constant('route.open'),
        key: fc.oneof(fc.constantFrom('key-1', 'key-2'), nasty),
        target: fc.oneof(
          fc.record({ type: fc.constant('iam'), userName: userish }),
          fc.constant({ type: 'root' }),
          fc.constant({ type: 'account' }),
        ),
        tabId: fc.integer({ min: -1, max: 9 }),
      }),
      fc.record({
        type: fc.constant('settings.save'),
        settings: fc.record(
          {
            learn: fc.constantFrom('always', 'ask', 'never', 'sometimes'),
            autoNextRoot: fc.oneof(fc.boolean(), fc.jsonValue()),
            fillRememberedUser: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
      }),
    ),
    extra,
  )
  .map(([m, more]) => ({ ...m, ...more }));
const anyMessage = fc.oneof(
  fc.jsonValue(),
  nearValid,
  wellFormedish,
  wellFormedish,
  fc.constantFrom(null, undefined, 'accounts.list', 42, [], { type: null }),
);

/** A reply is either a value or one plain sentence: never a thrown error, a stack trace or an empty reason. */
function plain(reply: unknown) {
  expect(reply).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
  const r = reply as { ok: boolean; error?: string };
  if (!r.ok) {
    expect(typeof r.error).toBe('string');
    expect(r.error!.length).toBeGreaterThan(0);
    expect(r.error).not.toMatch(
      /\n\s+at |\[object |undefined is not|Cannot read prop|constraint|transaction|DOMException/i,
    );
  }
}

async function seeded() {
  const bg = background();
  const { account } = await bg.value<{ account: { key: string } }>({
    type: 'accounts.save',
    account: {
      accountId: '123456789012',
      alias: 'acme-prod',
      signIns: [
        { type: 'iam', userName: 'alice' },
        { type: 'root', email: 'owner@example.com' },
      ],
    },
  });
  await bg.value({
    type: 'accounts.save',
    account: { accountId: '222222222222', signIns: [{ type: 'iam', userName: 'mallory' }] },
  });
  await bg.value({
    type: 'route.open',
    key: account.key,
    target: { type: 'iam', userName: 'alice' },
    tabId: 7,
  });
  return bg;
}

/** Sends `message` as `sender`: the reply is plain, and a refusal leaves the stored state as it was. */
async function probe(bg: FakeBackground, message: unknown, sender: Sender, tally: Record<string, number>) {
  const before = await snapshot();
  const reply = await handleMessage(message, sender, bg.deps);
  plain(reply);
  const after = await snapshot();
  if (!reply.ok) expect(after).toBe(before);
  const outcome = !reply.ok ? 'refused' : after === before ? 'answered' : 'wrote';
  tally[outcome] = (tally[outcome] ?? 0) + 1;
  return reply;
}

describe('handleMessage never throws and never writes when it refuses', () => {
  it('any JSON from any sender (1500 runs)', async () => {
    const bg = await seeded();
    const tally: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        anyMessage,
        senderArb,
        async (message, sender) => void (await probe(bg, message, sender, tally)),
      ),
      { numRuns: 1500 },
    );
    expect(tally.refused).toBeGreaterThan(1000);
  });

  it('near-valid requests from a sign-in page (1500 runs): refused ones change nothing', async () => {
    const bg = await seeded();
    const tally: Record<string, number> = {};
    const page = fc.constantFrom(...SIGN_IN_URLS).map((url) => contentScript(url));
    // Learns that are mostly right, so that some runs write and "refused changes nothing" is not alone.
    const learn = fc
      .tuple(
        fc.constantFrom('123456789012', 'acme-prod', '333333333333', 'new-team', '12'),
        fc.constantFrom('alice', 'eve', 'x y'),
        fc.boolean(),
        extra,
      )
      .map(([account, userName, confirmed, more]) => ({
        type: 'signin.learn',
        signIn: { type: 'iam', account, userName },
        confirmed,
        ...more,
      }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyMessage, learn), page, async (message, sender) => {
        const reply = await probe(bg, message, sender, tally);
        // A page on account A's host never hears of B, whatever it sends (the main page's box may name B).
        if (sender.url !== SIGN_IN_URLS[1]) expect(JSON.stringify(reply)).not.toMatch(/mallory|222222222222/);
      }),
      { numRuns: 1500 },
    );
    expect(tally.refused).toBeGreaterThan(500);
    expect(tally.answered).toBeGreaterThan(5);
    expect(tally.wrote).toBeGreaterThan(5);
  });

  it('near-valid requests from an extension page (1500 runs): refused ones change nothing', async () => {
    const bg = await seeded();
    const tally: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(anyMessage, async (message) => void (await probe(bg, message, OPTIONS, tally))),
      { numRuns: 1500 },
    );
    expect(tally.wrote).toBeGreaterThan(5);
    expect(tally.refused).toBeGreaterThan(500);
  });
});

describe('corrupt records read from IndexedDB', () => {
  const junk = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        partition: fc.constantFrom('aws', 'aws-cn', 'nope', 7),
        accountId: fc.oneof(nasty, fc.jsonValue()),
        alias: fc.oneof(nasty, fc.jsonValue()),
        signIns: fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.record(
              { type: fc.constantFrom('iam', 'root'), userName: fc.jsonValue(), email: fc.jsonValue() },
              { requiredKeys: [] },
            ),
          ),
        ),
        createdAt: fc.jsonValue(),
        updatedAt: fc.jsonValue(),
      },
      { requiredKeys: [] },
    ),
  );

  it('are reported and skipped; the valid ones load; signin.query and writes never throw or drop them (150 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(junk, { minLength: 1, maxLength: 5 }), async (records) => {
        globalThis.indexedDB = new IDBFactory();
        const db = await openSignpostDb();
        const valid = {
          key: 'good',
          partition: 'aws',
          accountId: '123456789012',
          tags: [],
          signIns: [{ type: 'iam', userName: 'alice', uses: 0, lastUsed: 0 }],
          createdAt: 0,
          updatedAt: 0,
        };
        // What a damaged or foreign write could leave, on the page beside a valid account (unindexed, as the
        // store never indexes what it cannot validate).
        const damaged = records.map((r, i) => {
          const value = r !== null && typeof r === 'object' && !Array.isArray(r) ? { ...r } : { junk: r };
          return { ...value, key: `junk-${i}` };
        });
        await db.put(
          'chunks',
          makeChunk(0, [valid, ...damaged], (a) => a === valid),
        );
        const written = damaged.length;
        db.close();
        const store = new Store(openSignpostDb(), { report: () => undefined });
        const { accounts, problems } = await store.list();
        expect(accounts.map((a) => a.key)).toContain('good');
        expect(accounts.length + problems.length).toBe(written + 1);
        const bg = background();
        const raw = async () => {
          const d = await openSignpostDb();
          const all = (await rawAccounts(d)) as { key?: unknown }[];
          d.close();
          return JSON.stringify(all.filter((a) => String(a.key).startsWith('junk-')));
        };
        const junkBefore = await raw();
        plain(await handleMessage({ type: 'signin.query' }, contentScript(SIGN_IN_URLS[0]!, 1), bg.deps));
        const saved = await handleMessage(
          { type: 'accounts.save', account: { accountId: '999999999999' } },
          POPUP,
          bg.deps,
        );
        plain(saved);
        expect(await raw()).toBe(junkBefore);
        expect(accountSchema.safeParse((await store.get('good')) ?? null).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
