import { describe, expect, it } from 'vitest';
import { inverse, rebase, StaleWriteError } from '../../lib/revise';
import type { Account, SignIn } from '../../lib/schema';

const iam = (userName: string, uses = 0, lastUsed = 0): SignIn => ({ type: 'iam', userName, uses, lastUsed });
const root = (email: string, uses = 0, lastUsed = 0): SignIn => ({ type: 'root', email, uses, lastUsed });
const account = (fields: Partial<Account> = {}): Account => ({
  key: 'k',
  partition: 'aws',
  accountId: '111111111111',
  tags: [],
  signIns: [],
  createdAt: 1,
  updatedAt: 1,
  ...fields,
});

describe('rebase: a change lands on the record as it is now', () => {
  // [rule, before, after, current, expected fields]
  it.each<[string, Partial<Account>, Partial<Account>, Partial<Account>, Partial<Account>]>([
    [
      'a field the writer changed is set; one changed by someone else since stays',
      { label: 'a', notes: 'n' },
      { label: 'b', notes: 'n' },
      { label: 'a', notes: 'theirs' },
      { label: 'b', notes: 'theirs' },
    ],
    [
      'a user added by the writer is added; one added since stays',
      { signIns: [iam('alice')] },
      { signIns: [iam('alice'), iam('bob')] },
      { signIns: [iam('alice'), iam('carol')] },
      { signIns: [iam('alice'), iam('carol'), iam('bob')] },
    ],
    [
      'a user removed by the writer is removed, regardless of case; one added since stays',
      { signIns: [iam('alice'), iam('bob')] },
      { signIns: [iam('bob')] },
      { signIns: [iam('Alice', 3, 9), iam('bob'), iam('dave')] },
      { signIns: [iam('bob'), iam('dave')] },
    ],
    [
      'use counts move by exactly what the writer added (an Undo of a learn takes one use back)',
      { signIns: [iam('alice', 4, 50)] },
      { signIns: [iam('alice', 3, 20)] },
      { signIns: [iam('alice', 6, 90)] },
      { signIns: [iam('alice', 5, 90)] },
    ],
    [
      'recency goes back only if nobody used the sign-in since',
      { signIns: [iam('alice', 4, 50)] },
      { signIns: [iam('alice', 3, 20)] },
      { signIns: [iam('alice', 4, 50)] },
      { signIns: [iam('alice', 3, 20)] },
    ],
    [
      'tags: added ones added, removed ones removed, others kept',
      { tags: ['a', 'b'] },
      { tags: ['b', 'c'] },
      { tags: ['a', 'b', 'x'] },
      { tags: ['b', 'x', 'c'] },
    ],
    [
      'a root email changed by the writer is changed',
      { signIns: [root('old@x.io')] },
      { signIns: [root('new@x.io')] },
      { signIns: [root('old@x.io', 2, 5), iam('bob')] },
      { signIns: [root('new@x.io', 2, 5), iam('bob')] },
    ],
  ])('%s', (_, before, after, current, expected) => {
    const next = rebase({ before: account(before), after: account(after) }, account(current), 'refuse', 100);
    expect(next).toEqual(account({ ...current, ...expected, updatedAt: 100 }));
  });

  it.each<[string, Partial<Account>, Partial<Account>, Partial<Account>]>([
    ['the same field changed both ways', { label: 'a' }, { label: 'b' }, { label: 'c' }],
    ['the alias cleared here, changed there', { alias: 'old' }, {}, { alias: 'new' }],
    [
      'the root email changed both ways',
      { signIns: [root('a@x.io')] },
      { signIns: [root('b@x.io')] },
      { signIns: [root('c@x.io')] },
    ],
  ])('refuse mode: %s is refused, not overwritten', (_, before, after, current) => {
    expect(() =>
      rebase({ before: account(before), after: account(after) }, account(current), 'refuse', 100),
    ).toThrow(StaleWriteError);
  });

  it('theirs mode: the newer write wins the field, the rest of the change still lands', () => {
    const next = rebase(
      { before: account({ label: 'a', signIns: [iam('alice')] }), after: account({ label: 'b' }) },
      account({ label: 'c', signIns: [iam('alice')] }),
      'theirs',
      100,
    );
    expect(next).toMatchObject({ label: 'c', signIns: [] });
  });

  it('an edit of a record deleted since is refused; an Undo of a delete brings it back', () => {
    const a = account({ label: 'a' });
    expect(() => rebase({ before: a, after: { ...a, label: 'b' } }, undefined, 'refuse', 9)).toThrow(
      StaleWriteError,
    );
    expect(rebase(inverse({ before: a, after: undefined }), undefined, 'theirs', 9)).toEqual(a);
  });

  it('taking back a record the change created: gone if untouched since, kept with what was added since', () => {
    const created = account({ signIns: [iam('alice', 1, 5)] });
    const undo = inverse({ before: undefined, after: created });
    expect(rebase(undo, { ...created, updatedAt: 7 }, 'theirs', 9)).toBeUndefined();
    const since = account({ label: 'named since', signIns: [iam('alice', 1, 5), iam('bob', 1, 6)] });
    expect(rebase(undo, since, 'theirs', 9)).toEqual({ ...since, signIns: [iam('bob', 1, 6)], updatedAt: 9 });
  });
});
