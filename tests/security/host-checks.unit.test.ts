// Promise: nothing fills on a host that is not exactly a sign-in host of a supported partition.
//
// Level: unit. The table of lookalikes and edge hosts (host-table.ts) against the host parser, the content
// script's run() and the background's sender check; then fast-check properties: parseSignInUrl never throws
// and accepts only exact hosts, checked against an oracle written apart from lib/hosts.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../lib/background/handlers';
import { accountSignInUrl, parseConsoleUrl, parseSignInUrl } from '../../lib/hosts';
import { run } from '../../lib/page/run';
import { background } from '../fakes/background';
import { contentScript } from '../fakes/senders';
import { FIXTURES, fakeSend, isUserEvent, page, SETTINGS } from '../unit/page/fixtures';
import { NOT_SIGN_IN, SIGN_IN_EDGES } from './host-table';

// The oracle: the three partitions' sign-in hosts, spelled out again on purpose.
const SUFFIXES: Record<string, string> = {
  'signin.aws.amazon.com': 'aws',
  'signin.amazonaws-us-gov.com': 'aws-us-gov',
  'signin.amazonaws.cn': 'aws-cn',
};
const DIRECTIONS = [
  'north',
  'south',
  'east',
  'west',
  'central',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
];
const REGION = new RegExp(`^[a-z]{2}(-gov|-iso[a-z]?)?-(${DIRECTIONS.join('|')})-\\d{1,2}$`);
const ACCOUNT_ID = /^\d{12}$/;
const ALIAS = /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** What an exact sign-in URL is, by the oracle's rules; undefined when it is not one. */
function oracle(input: string) {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.port || url.username || url.password) return undefined;
  const host = url.hostname;
  for (const [suffix, partition] of Object.entries(SUFFIXES)) {
    if (host === suffix) return { partition };
    if (!host.endsWith(`.${suffix}`)) continue;
    const label = host.slice(0, -suffix.length - 1);
    if (REGION.test(label)) return { partition, label, labelKind: 'region' };
    if (ACCOUNT_ID.test(label) || ALIAS.test(label)) return { partition, label, labelKind: 'account' };
    return undefined;
  }
  return undefined;
}

describe('the table: lookalikes and edge hosts get nothing', () => {
  it(`has at least 30 lookalikes (${NOT_SIGN_IN.length})`, () => {
    expect(NOT_SIGN_IN.length).toBeGreaterThanOrEqual(30);
  });

  it.each(NOT_SIGN_IN)('%s is not a sign-in page (%s)', (url) => {
    expect(parseSignInUrl(url)).toBeUndefined();
    expect(oracle(url)).toBeUndefined();
  });

  it.each(NOT_SIGN_IN)('a content script on %s gets a refusal from the background', async (url) => {
    const bg = background();
    await bg.value({
      type: 'accounts.save',
      account: { accountId: '123456789012', signIns: [{ type: 'iam', userName: 'alice' }] },
    });
    // A console page is a sender the background knows (its console script), but not for this question.
    const error = parseConsoleUrl(url)
      ? 'A console page may not ask for signin.query.'
      : 'Signpost does not answer this sender.';
    expect(await bg.ask({ type: 'signin.query', account: '123456789012' }, contentScript(url))).toEqual({
      ok: false,
      error,
    });
  });

  const loadable = NOT_SIGN_IN.filter(([url]) => {
    try {
      return /^https?:$/.test(new URL(url).protocol);
    } catch {
      return false;
    }
  });
  it.each(loadable)('the content script on %s asks nothing, fills nothing, marks nothing', async (url) => {
    const win = page(url, FIXTURES['iam-classic']);
    const bg = fakeSend({
      'signin.query': () => ({
        settings: SETTINGS,
        route: { type: 'iam', account: '123456789012', userName: 'alice' },
      }),
    });
    expect(await run(win.document, win, bg.send, Date.now, { waitMs: 50, isUserEvent })).toBeUndefined();
    expect(bg.requests).toEqual([]);
    expect(win.document.documentElement.dataset.signpost).toBeUndefined();
    expect(win.document.querySelector<HTMLInputElement>('#username')!.value).toBe('');
  });

  it.each(SIGN_IN_EDGES)('%s is what a browser loads: the sign-in host %j', (url, expected) => {
    expect(parseSignInUrl(url)).toMatchObject(expected);
    expect(oracle(url)).toMatchObject(expected);
  });

  it('a content script in a frame of a real sign-in host is refused', async () => {
    const bg = background();
    const framed = contentScript('https://signin.aws.amazon.com/signin', 7, 5);
    expect(await bg.ask({ type: 'signin.query' }, framed)).toMatchObject({ ok: false });
  });
});

// fast-check: every run count is stated where it is set; the report adds them up.
const RUNS = { strings: 5000, webUrls: 3000, mutated: 5000, exact: 2000, routes: 2000 };

const REAL = [
  'https://signin.aws.amazon.com/signin?redirect_uri=x',
  'https://123456789012.signin.aws.amazon.com/console',
  'https://acme-prod.signin.aws.amazon.com/console/s3?region=eu-west-1',
  'https://eu-west-1.signin.aws.amazon.com/oauth',
  'https://signin.amazonaws-us-gov.com/signin',
  'https://210987654321.signin.amazonaws-us-gov.com/console',
  'https://acme-china.signin.amazonaws.cn/console',
];
const NASTY = [
  '.',
  '..',
  '@',
  ':',
  ':8443',
  '/',
  '\\',
  '%2e',
  '%2f',
  '。',
  '．',
  '\u200b',
  '-',
  '--',
  'x',
  'і',
  '#',
  '?',
  ' ',
  '\t',
  'evil.test',
  'xn--',
  '0',
  '1234',
];

/** A real sign-in URL with a few characters inserted, deleted or replaced. */
const mutatedUrl = fc
  .tuple(
    fc.constantFrom(...REAL),
    fc.array(
      fc.record({
        at: fc.nat(),
        cut: fc.nat({ max: 4 }),
        insert: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 3 })),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([url, edits]) =>
    edits.reduce((s, { at, cut, insert }) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + insert + s.slice(i + cut);
    }, url),
  );

/** The answer must be exactly the oracle's: nothing more accepted, nothing real refused. */
function agrees(input: string) {
  const parsed = parseSignInUrl(input);
  const expected = oracle(input);
  if (expected === undefined) expect(parsed).toBeUndefined();
  else expect(parsed).toEqual(expected);
}

describe('parseSignInUrl never throws and accepts only exact sign-in hosts', () => {
  it(`any string (${RUNS.strings} runs)`, () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), agrees), { numRuns: RUNS.strings });
  });

  it(`any web URL, with user info, ports, IPs, queries and fragments (${RUNS.webUrls} runs)`, () => {
    const url = fc.webUrl({
      validSchemes: ['https', 'http', 'wss', 'ftp'],
      withQueryParameters: true,
      withFragments: true,
      authoritySettings: { withUserInfo: true, withPort: true, withIPv4: true, withIPv6: true },
    });
    fc.assert(fc.property(url, agrees), { numRuns: RUNS.webUrls });
  });

  it(`real sign-in URLs with characters inserted, cut or replaced (${RUNS.mutated} runs)`, () => {
    fc.assert(fc.property(mutatedUrl, agrees), { numRuns: RUNS.mutated });
  });

  const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 12 });
  const alias = fc
    .array(
      fc.string({
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
        minLength: 1,
        maxLength: 12,
      }),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map((parts) => parts.join('-'))
    .filter((a) => a.length >= 3 && a.length <= 63 && !ACCOUNT_ID.test(a));
  const region = fc.constantFrom(
    'us-east-1',
    'eu-west-3',
    'ap-southeast-2',
    'us-gov-west-1',
    'cn-north-1',
    'il-central-1',
  );

  it(`every exact host with a region, an account ID or an alias is accepted (${RUNS.exact} runs)`, () => {
    const url = fc
      .tuple(
        fc.option(fc.oneof(digits, alias, region), { nil: undefined }),
        fc.constantFrom(...Object.keys(SUFFIXES)),
        fc.webPath(),
      )
      .map(([label, suffix, path]) => `https://${label ? `${label}.` : ''}${suffix}${path}`);
    fc.assert(
      fc.property(url, (u) => {
        expect(parseSignInUrl(u)).toBeDefined();
        agrees(u);
      }),
      { numRuns: RUNS.exact },
    );
  });

  it(`every route URL Signpost builds is the sign-in page of exactly its account (${RUNS.routes} runs)`, () => {
    const target = fc.record({
      partition: fc.constantFrom('aws', 'aws-us-gov', 'aws-cn') as fc.Arbitrary<
        'aws' | 'aws-us-gov' | 'aws-cn'
      >,
      account: fc.oneof(digits, alias),
      region: fc.option(region, { nil: undefined }),
      landingPath: fc.option(fc.constantFrom('/s3', 'ec2/home', '/console/home', 'cloudwatch/home#alarms'), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(target, (t) => {
        expect(parseSignInUrl(accountSignInUrl(t))).toEqual({
          partition: t.partition,
          label: t.account,
          // An alias shaped like a region (see below) is read as a regional host: the box then names the account.
          labelKind: REGION.test(t.account) ? 'region' : 'account',
        });
      }),
      { numRuns: RUNS.routes },
    );
  });

  // Region names follow AWS's grammar (area, optional gov/iso, compass direction, number), so an alias that
  // merely looks regional stays an account host and the host, not the page, decides the account.
  it.each([
    ['my-prod-1', 'account'],
    ['eu-team-2', 'account'],
    ['us-east-1', 'region'],
    ['us-gov-west-1', 'region'],
    ['cn-northwest-1', 'region'],
    ['us-isob-east-1', 'region'],
    ['ap-southeast-4', 'region'],
  ])('%s is read as %s', (label, kind) => {
    expect(parseSignInUrl(`https://${label}.signin.aws.amazon.com/console`)).toMatchObject({
      labelKind: kind,
    });
  });
});

// The sender check uses the same parser; one property ties them: no URL the parser refuses gets an answer.
describe('the background answers a content script only on a URL the parser accepts', () => {
  it('for lookalike mutations of real URLs (500 runs)', async () => {
    const bg = background();
    await fc.assert(
      fc.asyncProperty(mutatedUrl, async (url) => {
        const reply = await handleMessage({ type: 'signin.query' }, contentScript(url), bg.deps);
        expect(reply.ok).toBe(parseSignInUrl(url) !== undefined);
      }),
      { numRuns: 500 },
    );
  });
});
