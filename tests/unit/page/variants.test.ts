import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/page/variants';
import {
  ACCOUNT_URL,
  FIXTURES,
  type FixtureName,
  MAIN_URL,
  page,
  REPLICAS,
  replica,
  until,
} from './fixtures';

const KIND: Record<FixtureName, string> = {
  'main-classic': 'main',
  'main-redesigned': 'main',
  'iam-classic': 'iam',
  'iam-redesigned': 'iam',
  'mfa-iam': 'mfa',
  'mfa-root': 'mfa',
};

describe('detect: each page variant is recognised', () => {
  it.each(Object.keys(FIXTURES) as FixtureName[])('inline fixture %s', (name) => {
    const win = page(MAIN_URL, FIXTURES[name]);
    const found = detect(win.document);
    expect(found?.variant).toBe(name);
    expect(found?.kind).toBe(KIND[name]);
  });

  it.each(REPLICAS)('e2e replica %s (its own scripts rendering the form)', async (name) => {
    const win = replica(name, name.startsWith('main') ? MAIN_URL : ACCOUNT_URL);
    const found = await until(() => detect(win.document));
    expect(found?.variant).toBe(name);
  });
});

describe('detect: handles are the right elements', () => {
  it('main page: identifier, both radios and Next', () => {
    const win = page(MAIN_URL, FIXTURES['main-classic']);
    const { fields } = detect(win.document)!;
    expect(fields.identifier?.id).toBe('resolving_input');
    expect(fields.rootRadio?.getAttribute('value')).toBe('rootUser');
    expect(fields.iamRadio?.getAttribute('value')).toBe('iamUser');
    expect(fields.next?.id).toBe('next_button');
  });

  it('redesigned main page: radios found by value ROOT / IAM', () => {
    const win = page(MAIN_URL, FIXTURES['main-redesigned']);
    const { fields } = detect(win.document)!;
    expect([fields.rootRadio?.getAttribute('value'), fields.iamRadio?.getAttribute('value')]).toEqual([
      'ROOT',
      'IAM',
    ]);
  });

  it('classic IAM page: the sign-in control is the anchor, the password box only a handle', () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic']);
    const { fields } = detect(win.document)!;
    expect(fields.account?.id).toBe('account');
    expect(fields.userName?.id).toBe('username');
    expect(fields.submit?.tagName).toBe('A');
    expect(fields.password?.getAttribute('type')).toBe('password');
    expect(fields.rootLink?.id).toBe('root_account_signin');
  });
});

describe('detect: anything unexpected is unsupported, never a guess', () => {
  const cases: [string, string][] = [
    ['an empty page', ''],
    [
      'main page whose identifier id changed',
      FIXTURES['main-classic'].replace('resolving_input', 'resolving_input_v2'),
    ],
    ['main page whose Next id changed', FIXTURES['main-classic'].replace('next_button', 'continue_button')],
    [
      'main page without the root radio',
      FIXTURES['main-classic'].replace('root_user_radio_button', 'x').replace('rootUser', 'x'),
    ],
    [
      'redesigned main page whose radio values changed',
      FIXTURES['main-redesigned'].replace('"ROOT"', '"OWNER"'),
    ],
    [
      'IAM page whose user name id changed',
      FIXTURES['iam-classic'].replace('id="username"', 'id="user_name"'),
    ],
    [
      'IAM page whose account id changed',
      FIXTURES['iam-redesigned'].replace('id="account"', 'id="accountId"'),
    ],
    [
      'IAM page whose user name box became a password box',
      FIXTURES['iam-classic'].replace('type="text" id="username"', 'type="password" id="username"'),
    ],
    [
      'IAM page whose account box is hidden',
      FIXTURES['iam-classic'].replace('type="text" id="account"', 'type="hidden" id="account"'),
    ],
    ['an account box that is not an input', '<div id="account"></div><input id="username">'],
  ];
  it.each(cases)('%s', (_, html) => {
    const win = page(ACCOUNT_URL, html);
    expect(detect(win.document)).toBeUndefined();
  });

  it('an MFA box wins over anything else on the page (nothing is filled next to a code box)', () => {
    const win = page(ACCOUNT_URL, FIXTURES['iam-classic'] + FIXTURES['mfa-iam']);
    expect(detect(win.document)?.kind).toBe('mfa');
  });
});
