// sameAccount decides whether an import row changed a record (unchanged rows are not written, and a
// re-import of the same file writes nothing): the same data whatever the key order, undefined fields and
// the time of the last write aside.
import { describe, expect, it } from 'vitest';
import { sameAccount } from '../../lib/merge';
import type { Account } from '../../lib/schema';

const base: Account = {
  key: 'k',
  partition: 'aws',
  accountId: '123456789012',
  label: 'Prod',
  tags: ['a', 'b'],
  signIns: [
    { type: 'iam', userName: 'alice', uses: 2, lastUsed: 5 },
    { type: 'root', email: 'root@example.com', uses: 0, lastUsed: 0 },
  ],
  createdAt: 1,
  updatedAt: 2,
};
const reordered = Object.fromEntries(Object.entries(base).reverse()) as Account;

describe('sameAccount', () => {
  it.each([
    ['the same record', base, true],
    ['another key order', reordered, true],
    ['another time of last write', { ...base, updatedAt: 99 }, true],
    ['a field left undefined', { ...base, region: undefined }, true],
    [
      'a sign-in with its fields in another order',
      { ...base, signIns: [{ lastUsed: 5, uses: 2, userName: 'alice', type: 'iam' }, base.signIns[1]!] },
      true,
    ],
    ['another label', { ...base, label: 'Dev' }, false],
    ['a label removed', { ...base, label: undefined }, false],
    ['a field added', { ...base, region: 'eu-west-1' }, false],
    ['tags in another order', { ...base, tags: ['b', 'a'] }, false],
    ['one tag more', { ...base, tags: ['a', 'b', 'c'] }, false],
    ['another use count', { ...base, signIns: [{ ...base.signIns[0]!, uses: 3 }, base.signIns[1]!] }, false],
    ['sign-ins in another order', { ...base, signIns: [base.signIns[1]!, base.signIns[0]!] }, false],
    ['another creation time', { ...base, createdAt: 0 }, false],
    ['managed', { ...base, managed: true as const }, false],
  ])('%s → %s', (_, other, same) => {
    expect(sameAccount(base, other as Account)).toBe(same);
    expect(sameAccount(other as Account, base)).toBe(same);
  });
});
