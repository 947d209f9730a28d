import { describe, expect, it } from 'vitest';
import { compareNatural } from '../../lib/natural-sort';
import { sortAccounts } from '../../lib/options/filter';
import { buildIndex, rank } from '../../lib/search';
import { account, iam } from './popup/fixtures';

const sign = (n: number) => Math.sign(n);

describe('natural order of names', () => {
  it.each([
    ['prod 2', 'prod 10', -1, 'numbers by value'],
    ['account-9', 'account-10', -1, 'numbers inside words'],
    ['Prod', 'prod', 0, 'case ignored'],
    ['Été', 'ete', 0, 'accents ignored'],
    ['apple', 'Banana', -1, 'letters before case'],
    ['team 007', 'team 7', 0, 'leading zeros do not count'],
    ['b', 'a', 1, 'alphabetical'],
  ])('%j vs %j is %i (%s)', (a, b, expected) => {
    expect(sign(compareNatural(a, b))).toBe(expected);
    expect(sign(compareNatural(b, a))).toBe(-expected || 0);
  });

  it('the popup (nothing typed, nothing used) and the options page list accounts in the same order', () => {
    const accounts = ['Prod 10', 'prod 2', 'Été', 'Billing', 'analytics', 'Prod 1'].map((label, i) =>
      account({ key: `k${i}`, label, signIns: [iam('alice')] }),
    );
    const popup = rank(buildIndex(accounts), '', 0).map((r) => r.entry.account.label);
    const options = sortAccounts(accounts).map((a) => a.label);
    expect(popup).toEqual(['analytics', 'Billing', 'Été', 'Prod 1', 'prod 2', 'Prod 10']);
    expect(options).toEqual(popup);
  });
});
