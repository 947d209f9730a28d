// The omnibox against hostile values: characters that would blank or cut suggestions, and accounts whose
// suggestions could read the same and so route Enter to the wrong sign-in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Choice, choose, contentOf, suggest } from '../../lib/omnibox';
import type { Account } from '../../lib/schema';
import { buildIndex, type SearchEntry } from '../../lib/search';
import { signInId } from '../../lib/sign-in-kinds';
import { xmlCharProblem, xmlProblem } from './omnibox-xml';

const NOW = 1_800_000_000_000;
const account = (a: Partial<Account> & { key: string }): Account => ({
  partition: 'aws',
  tags: [],
  signIns: [],
  createdAt: 0,
  updatedAt: 0,
  ...a,
});
const iam = (userName: string) => ({ type: 'iam' as const, userName, uses: 1, lastUsed: NOW - 1000 });
const root = (email: string) => ({ type: 'root' as const, email, uses: 1, lastUsed: NOW - 1000 });
const sso = (startUrl: string, roleName: string) => ({
  type: 'sso' as const,
  startUrl,
  roleName,
  uses: 1,
  lastUsed: NOW - 1000,
});
const switchRole = (roleName: string) => ({
  type: 'switch' as const,
  roleName,
  uses: 1,
  lastUsed: NOW - 1000,
});

describe('omnibox: characters XML 1.0 forbids never reach the address bar', () => {
  // Records as an older version may have stored them (the schema now strips these on read).
  it.each([
    ['U+0001 in a label', 'Prod\u0001uction'],
    ['a NUL in a label', 'Prod\u0000uction'],
    ['a lone high surrogate', 'Prod\uD800uction'],
    ['a lone low surrogate', 'Prod\uDC00uction'],
    ['U+FFFE', 'Prod\uFFFEuction'],
    ['U+FFFF', 'Prod\uFFFFuction'],
    ['a vertical tab and a form feed', 'Prod\u000B\u000Cuction'],
  ])('%s: every suggestion stays well-formed, the good one included', (_name, label) => {
    const index = buildIndex([
      account({ key: 'bad', label, alias: 'acme-prod', signIns: [iam('alice')] }),
      account({ key: 'good', label: 'Production EU', alias: 'acme-eu', signIns: [iam('bob')] }),
    ]);
    for (const markup of [true, false]) {
      const suggestions = suggest(index, 'prod', { now: NOW, markup });
      expect(suggestions).toHaveLength(2);
      for (const s of suggestions) {
        expect(markup ? xmlProblem(s.description) : xmlCharProblem(s.description)).toBeUndefined();
        expect(xmlCharProblem(s.content)).toBeUndefined();
      }
    }
    expect(suggest(index, 'prod', { now: NOW, markup: false }).map((s) => s.description)).toContain(
      'Production · alice — acme-prod',
    );
  });

  it('a NUL in a root email does not cut the suggestion short', () => {
    const index = buildIndex([
      account({ key: 'r', accountId: '123456789012', signIns: [root('a\u0000b@x.io')] }),
    ]);
    const [only] = suggest(index, '', { now: NOW, markup: false });
    expect(only!.content).toBe('(root) @ 123456789012');
    expect(only!.description).toContain('ab@x.io');
  });
});

describe('omnibox: every suggestion maps back to exactly one sign-in', () => {
  const index = buildIndex([
    account({ key: 'std', alias: 'acme', signIns: [iam('alice')] }),
    account({ key: 'gov', partition: 'aws-us-gov', alias: 'acme', signIns: [iam('alice')] }),
    account({ key: 'cn', partition: 'aws-cn', alias: 'acme', signIns: [iam('alice')] }),
    account({ key: 'root', accountId: '210987654321', signIns: [iam('root'), root('owner@acme.example')] }),
    account({ key: 'dashed', alias: '1234-5678-9012', signIns: [iam('ops')] }),
    account({ key: 'digits', accountId: '123456789012', signIns: [iam('ops')] }),
    account({
      key: 'roles',
      accountId: '444455556666',
      signIns: [
        iam('Admin'),
        sso('https://acme.awsapps.com/start', 'Admin'),
        sso('https://d-1234567890.awsapps.com/start', 'Admin'),
        switchRole('Admin'),
      ],
    }),
  ]);
  const pick = (key: string, target: Choice['target']) => ({ key, target });

  it.each([
    ['alias acme in aws', 'alice @ acme', pick('std', { type: 'iam', userName: 'alice' })],
    ['alias acme in GovCloud', 'alice @ acme (aws-us-gov)', pick('gov', { type: 'iam', userName: 'alice' })],
    ['alias acme in China', 'alice @ acme (aws-cn)', pick('cn', { type: 'iam', userName: 'alice' })],
    ['an IAM user named root', 'root @ 210987654321', pick('root', { type: 'iam', userName: 'root' })],
    ['the root user', '(root) @ 210987654321', pick('root', { type: 'root' })],
    [
      'an alias spelled like a dashed ID',
      'ops @ 1234-5678-9012',
      pick('dashed', { type: 'iam', userName: 'ops' }),
    ],
    ['the account ID itself', 'ops @ 123456789012', pick('digits', { type: 'iam', userName: 'ops' })],
    [
      'an IAM user named like roles',
      'Admin @ 444455556666',
      pick('roles', { type: 'iam', userName: 'Admin' }),
    ],
    [
      'a permission set in one portal',
      'Admin @ 444455556666 via acme.awsapps.com',
      pick('roles', { type: 'sso', startUrl: 'https://acme.awsapps.com/start', roleName: 'Admin' }),
    ],
    [
      'the same permission set in another portal',
      'Admin @ 444455556666 via d-1234567890.awsapps.com',
      pick('roles', { type: 'sso', startUrl: 'https://d-1234567890.awsapps.com/start', roleName: 'Admin' }),
    ],
    [
      'a role to switch to',
      'Admin @ 444455556666 (switch role)',
      pick('roles', { type: 'switch', roleName: 'Admin' }),
    ],
  ])('%s: %s', (_name, content, expected) => {
    expect(choose(index, content, NOW)).toEqual(expected);
    expect(index.entries.filter((e) => contentOf(e) === content)).toHaveLength(1);
  });
});

// Access portals per partition (an Identity Center sign-in's portal is in its account's partition; China
// has none).
const PORTALS: Record<Account['partition'], string[]> = {
  aws: [
    'https://acme.awsapps.com/start',
    'https://d-1234567890.awsapps.com/start',
    'https://ssoins-0123456789abcdef.portal.eu-west-1.app.aws',
  ],
  'aws-us-gov': [
    'https://start.us-gov-home.awsapps.com/directory/acme',
    'https://ssoins-0123456789abcdef.portal.us-gov-west-1.app.aws',
  ],
  'aws-cn': [],
};
// Role names spelled like the user names, like each other in another case, and with a path.
const ROLES = ['root', 'alice', 'Admin', 'admin', 'ops/Admin', 'a@b.c'];

// Stores built to collide: few aliases, IDs and (valid) user and role names, spread over the three
// partitions, with every kind of sign-in.
const collidingStore = fc
  .array(
    fc.record({
      partition: fc.constantFrom('aws', 'aws-us-gov', 'aws-cn') as fc.Arbitrary<Account['partition']>,
      alias: fc.option(fc.constantFrom('acme', '1234-5678-9012', 'root', 'prod-1'), { nil: undefined }),
      accountId: fc.option(fc.constantFrom('123456789012', '000000000001'), { nil: undefined }),
      users: fc.uniqueArray(fc.constantFrom('root', 'alice', 'Root', 'a@b.c', 'root@x.io'), {
        selector: (u) => u.toLowerCase(),
        maxLength: 3,
      }),
      email: fc.option(fc.constantFrom('owner@acme.example', 'root@x.io'), { nil: undefined }),
      portals: fc.array(fc.tuple(fc.nat(2), fc.constantFrom(...ROLES.filter((r) => !r.includes('/')))), {
        maxLength: 4,
      }),
      switches: fc.uniqueArray(fc.constantFrom(...ROLES), { selector: (r) => r.toLowerCase(), maxLength: 3 }),
    }),
    { maxLength: 12 },
  )
  .map((drafts) => {
    const seen = new Set<string>();
    return drafts.flatMap((d, i) => {
      const email = d.partition === 'aws' ? d.email : undefined;
      if (!d.alias && !d.accountId && !email) return [];
      const names = [
        d.alias && `${d.partition}:a:${d.alias}`,
        d.accountId && `${d.partition}:i:${d.accountId}`,
        email && `e:${email}`,
      ].filter(Boolean) as string[];
      if (names.some((n) => seen.has(n))) return [];
      for (const n of names) seen.add(n);
      // Identity Center needs the account ID; one permission set once per portal, in any case.
      const portals = PORTALS[d.partition];
      const ssos = new Map<string, ReturnType<typeof sso>>();
      for (const [p, role] of d.accountId && portals.length ? d.portals : []) {
        const s = sso(portals[p % portals.length]!, role);
        ssos.set(signInId(s), s);
      }
      const signIns = [
        ...d.users.map(iam),
        ...(email ? [root(email)] : []),
        ...ssos.values(),
        ...d.switches.map(switchRole),
      ];
      return [
        account({ key: `k${i}`, partition: d.partition, alias: d.alias, accountId: d.accountId, signIns }),
      ];
    });
  });

const target = (e: SearchEntry) => `${e.account.key}/${e.signIn ? signInId(e.signIn) : 'account'}`;
const chosenTarget = (c: Choice | undefined) =>
  `${c?.key}/${!c || c.target.type === 'account' ? 'account' : signInId(c.target)}`;

describe('omnibox content: a property over random stores', () => {
  it('distinct sign-ins never share content, and choose(contentOf(x)) is x (1,000 stores)', () => {
    fc.assert(
      fc.property(collidingStore, (accounts) => {
        const index = buildIndex(accounts);
        const byContent = new Map<string, string>();
        for (const entry of index.entries) {
          const content = contentOf(entry);
          expect(byContent.get(content) ?? target(entry)).toBe(target(entry));
          byContent.set(content, target(entry));
          const chosen = choose(index, content, NOW);
          expect(chosenTarget(chosen)).toBe(target(entry));
          expect(chosen?.target.type ?? 'none').toBe(entry.kind);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
