import { describe, expect, it } from 'vitest';
import { choose, contentOf, placement, suggest } from '../../lib/omnibox';
import type { Account } from '../../lib/schema';
import { buildIndex } from '../../lib/search';

const NOW = 1_800_000_000_000;
const account = (a: Partial<Account> & { key: string }): Account => ({
  partition: 'aws',
  tags: [],
  signIns: [],
  createdAt: 0,
  updatedAt: 0,
  ...a,
});
const iam = (userName: string, uses = 0) => ({
  type: 'iam' as const,
  userName,
  uses,
  lastUsed: uses ? NOW - 1000 : 0,
});

const accounts = [
  account({
    key: 'p',
    label: 'Production',
    alias: 'acme-prod',
    accountId: '123456789012',
    signIns: [iam('alice', 3), iam('bob')],
  }),
  account({ key: 's', label: 'Staging <EU>', alias: 'acme-staging', signIns: [iam('alice')] }),
  account({
    key: 'r',
    label: 'Billing',
    accountId: '210987654321',
    signIns: [{ type: 'root', email: 'billing@acme.example', uses: 0, lastUsed: 0 }],
  }),
  account({ key: 'g', partition: 'aws-us-gov', accountId: '333344445555', signIns: [iam('gov-ops')] }),
];
const index = buildIndex(accounts);

describe('omnibox suggestions', () => {
  it('suggests the best matches for "prod ali", the matched characters marked', () => {
    const [first] = suggest(index, 'prod ali', { now: NOW, markup: true });
    expect(first).toEqual({
      content: 'alice @ acme-prod',
      description:
        '<match>Prod</match>uction · <match>ali</match>ce <dim>acme-<match>prod</match> · 1234-5678-9012</dim>',
    });
  });

  it('escapes text that would break the omnibox markup', () => {
    const [first] = suggest(index, 'staging', { now: NOW, markup: true });
    expect(first!.description).toBe(
      '<match>Staging</match> &#60;EU&#62; · alice <dim>acme-<match>staging</match></dim>',
    );
  });

  it('gives plain text where the browser shows no markup (Firefox)', () => {
    const [first] = suggest(index, 'prod ali', { now: NOW, markup: false });
    expect(first!.description).toBe('Production · alice — acme-prod · 1234-5678-9012');
  });

  it('names root sign-ins and other partitions', () => {
    expect(suggest(index, 'billing', { now: NOW, markup: false })[0]).toEqual({
      content: '(root) @ 210987654321',
      description: 'Billing · root — 2109-8765-4321 · billing@acme.example',
    });
    expect(suggest(index, 'gov', { now: NOW, markup: false })[0]!.description).toBe(
      '3333-4444-5555 · gov-ops — 3333-4444-5555 · aws-us-gov',
    );
  });

  it('an empty query lists the most used first, at most six', () => {
    const all = suggest(index, '', { now: NOW, markup: false });
    expect(all[0]!.content).toBe('alice @ acme-prod');
    expect(suggest(index, '', { now: NOW, markup: false, max: 2 })).toHaveLength(2);
  });
});

describe('omnibox suggestions for Identity Center and switch roles', () => {
  const roles = buildIndex([
    account({
      key: 'sh',
      label: 'Shared',
      accountId: '123456789012',
      signIns: [
        {
          type: 'sso',
          startUrl: 'https://mycorp.awsapps.com/start',
          roleName: 'PowerUser',
          uses: 2,
          lastUsed: NOW,
        },
        { type: 'switch', roleName: 'ops/PowerUser', displayName: 'Ops power', uses: 1, lastUsed: NOW },
      ],
    }),
  ]);

  it.each([
    [
      true,
      'Shared · <match>Power</match>User · Identity Center <dim>1234-5678-9012 · mycorp.awsapps.com</dim>',
      'Shared · ops/<match>Power</match>User · switch role <dim>1234-5678-9012 · Ops <match>power</match></dim>',
    ],
    [
      false,
      'Shared · PowerUser · Identity Center — 1234-5678-9012 · mycorp.awsapps.com',
      'Shared · ops/PowerUser · switch role — 1234-5678-9012 · Ops power',
    ],
  ])('name the role, its kind and its portal or display name (markup %s)', (markup, portal, role) => {
    expect(suggest(roles, 'power', { now: NOW, markup })).toEqual([
      { content: 'PowerUser @ 123456789012 via mycorp.awsapps.com', description: portal },
      { content: 'ops/PowerUser @ 123456789012 (switch role)', description: role },
    ]);
  });

  it('route Enter on either to its role', () => {
    expect(choose(roles, 'PowerUser @ 123456789012 via mycorp.awsapps.com', NOW)).toEqual({
      key: 'sh',
      target: { type: 'sso', startUrl: 'https://mycorp.awsapps.com/start', roleName: 'PowerUser' },
    });
    expect(choose(roles, 'ops/PowerUser @ 123456789012 (switch role)', NOW)).toEqual({
      key: 'sh',
      target: { type: 'switch', roleName: 'ops/PowerUser' },
    });
  });
});

describe('omnibox suggestions for signed-in accounts', () => {
  it.each([
    [
      true,
      '<match>Prod</match>uction · <match>ali</match>ce <dim>acme-<match>prod</match> · 1234-5678-9012</dim> <url>signed in: Enter goes to its tab, Alt+Enter signs in again</url>',
    ],
    [
      false,
      'Production · alice — acme-prod · 1234-5678-9012 — signed in: Enter goes to its tab, Alt+Enter signs in again',
    ],
  ])('say "signed in" and what Enter does (markup %s)', (markup, description) => {
    const [first] = suggest(index, 'prod ali', { now: NOW, markup, signedIn: new Set(['p']) });
    expect(first).toEqual({ content: 'alice @ acme-prod', description });
  });

  it('say nothing of it for an account without a console session', () => {
    const [first] = suggest(index, 'prod ali', { now: NOW, markup: false, signedIn: new Set(['s']) });
    expect(first!.description).not.toContain('signed in');
  });
});

describe('omnibox Enter', () => {
  it.each([
    ['a picked suggestion', 'bob @ acme-prod', { key: 'p', target: { type: 'iam', userName: 'bob' } }],
    [
      'typed text without picking: the best match',
      'staging',
      { key: 's', target: { type: 'iam', userName: 'alice' } },
    ],
    ['a root suggestion', '(root) @ 210987654321', { key: 'r', target: { type: 'root' } }],
    [
      'a suggestion in another partition',
      'gov-ops @ 333344445555 (aws-us-gov)',
      { key: 'g', target: { type: 'iam', userName: 'gov-ops' } },
    ],
    ['an account ID fragment with dashes', '2109-87', { key: 'r', target: { type: 'root' } }],
    ['nothing that matches', 'zzzzqqq', undefined],
  ])('%s', (_name, text, expected) => {
    expect(choose(index, text, NOW)).toEqual(expected);
  });

  it('every suggestion’s content leads back to its own sign-in', () => {
    for (const entry of index.entries) {
      expect(choose(index, contentOf(entry), NOW)).toMatchObject({ key: entry.account.key });
    }
  });

  it.each([
    ['currentTab', { newTab: false, active: true }],
    ['newForegroundTab', { newTab: true, active: true }],
    ['newBackgroundTab', { newTab: true, active: false }],
  ])('disposition %s opens %j', (disposition, expected) => {
    expect(placement(disposition)).toEqual(expected);
  });
});
