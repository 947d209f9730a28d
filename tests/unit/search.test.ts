import { describe, expect, it } from 'vitest';
import { buildIndex, firstAccounts, flatten, needles, rank, type SearchResult } from '../../lib/search';
import { account, iam, manyAccounts, NOW, root, sso, switchRole } from './popup/fixtures';

const payments = account({
  key: 'pay',
  accountId: '123456789012',
  alias: 'payments-prod',
  label: 'Payments production',
  tags: ['pci', 'prod'],
  signIns: [iam('admin', 5, 1), iam('deployer', 1, 60), root('owner@example.com')],
});
const sandbox = account({ key: 'sbx', accountId: '210987654321', label: 'Sandbox', signIns: [] });
const müller = account({ key: 'mul', alias: 'kunde-mueller', label: 'Kunde Müller', signIns: [iam('Jörg')] });
const accounts = [payments, sandbox, müller];

/** A readable summary of a result: "<account key>/<user or kind>". */
function who(r: SearchResult): string {
  return `${r.entry.account.key}/${r.entry.userName ?? r.entry.kind}`;
}

function search(query: string, list = accounts) {
  return rank(buildIndex(list), query, NOW);
}

describe('flatten', () => {
  it('makes one entry per IAM user, one for root, and one for an account with no sign-ins', () => {
    expect(flatten(accounts).map((e) => `${e.account.key}/${e.kind}/${e.userName ?? e.email ?? ''}`)).toEqual(
      ['pay/iam/admin', 'pay/iam/deployer', 'pay/root/owner@example.com', 'sbx/account/', 'mul/iam/Jörg'],
    );
  });
});

describe('needles', () => {
  it.each([
    ['1234-5678', ['12345678']],
    ['  payments   admin ', ['payments', 'admin']],
    ['-prod', ['prod']],
    ['---', []],
    ['', []],
  ])('reads %j as %j', (query, expected) => {
    expect(needles(query)).toEqual(expected);
  });
});

describe('rank', () => {
  it('lists everything by frecency, then label, for an empty query', () => {
    expect(search('').map(who)).toEqual(['pay/admin', 'pay/deployer', 'mul/Jörg', 'pay/root', 'sbx/account']);
    expect(search('   ').map(who)).toEqual(search('').map(who));
  });

  it.each([['123456789012'], ['1234-5678-9012'], ['1234-56'], ['123456'], ['5678 9012'], ['9012']])(
    'finds an account by its ID typed as %j',
    (query) => {
      const keys = new Set(search(query).map((r) => r.entry.account.key));
      expect(keys).toEqual(new Set(['pay']));
    },
  );

  it('highlights the matched digits in the dashed form of the ID', () => {
    const [first] = search('1234-56');
    expect(first!.highlights.accountId).toEqual([0, 7]); // "1234-56" of "1234-5678-9012"
    const [middle] = search('5678');
    expect(middle!.highlights.accountId).toEqual([5, 9]);
  });

  it('finds accounts by tag and marks the tag', () => {
    const results = search('pci');
    expect(results.map(who)).toEqual(['pay/admin', 'pay/deployer', 'pay/root']);
    expect(results[0]!.highlights).toEqual({ tags: [0, 3] });
  });

  it('finds the root sign-in by email and by the word root', () => {
    const byEmail = search('owner@example');
    expect(byEmail.map(who)).toEqual(['pay/root']);
    expect(byEmail[0]!.highlights.email).toEqual([0, 5, 6, 13]); // "owner", "example"
    expect(search('root').map(who)).toEqual(['pay/root']);
  });

  it('matches words in any order and across fields', () => {
    expect(search('deployer payments').map(who)).toEqual(['pay/deployer']);
    expect(search('payments deployer').map(who)).toEqual(['pay/deployer']);
  });

  it('matches letters regardless of case and accents in other scripts', () => {
    expect(search('MÜLLER').map(who)).toEqual(['mul/Jörg']);
    expect(search('jörg').map(who)).toEqual(['mul/Jörg']);
    expect(search('müller')[0]!.highlights.label).toEqual([6, 12]);
  });

  it('returns nothing when nothing matches', () => {
    expect(search('zebra')).toEqual([]);
  });

  it('ranks match quality before frecency: a whole field, then a word start, then inside a word', () => {
    const list = [
      account({ key: 'inside', label: 'Reprod', accountId: '111111111111', signIns: [iam('a', 50, 0)] }),
      account({ key: 'start', label: 'Production', accountId: '222222222222', signIns: [iam('b', 10, 0)] }),
      account({ key: 'whole', label: 'Other', alias: 'prod', signIns: [iam('c', 0)] }),
    ];
    expect(search('prod', list).map((r) => r.entry.account.key)).toEqual(['whole', 'start', 'inside']);
  });

  it('orders equally good matches by frecency, then by label', () => {
    const list = [
      account({ key: 'b-rare', label: 'Billing B', accountId: '111111111111', signIns: [iam('x', 1, 80)] }),
      account({ key: 'c-none', label: 'Billing C', accountId: '222222222222', signIns: [iam('x')] }),
      account({ key: 'a-none', label: 'Billing A', accountId: '333333333333', signIns: [iam('x')] }),
      account({ key: 'd-often', label: 'Billing D', accountId: '444444444444', signIns: [iam('x', 9, 0)] }),
    ];
    expect(search('billing', list).map((r) => r.entry.account.key)).toEqual([
      'd-often',
      'b-rare',
      'a-none',
      'c-none',
    ]);
  });

  it('tolerates a typo in a longer word but puts exact matches first', () => {
    const list = [
      account({ key: 'typo', label: 'Paymnets', accountId: '111111111111', signIns: [iam('x', 9, 0)] }),
      account({ key: 'exact', label: 'Payments', accountId: '222222222222', signIns: [iam('x')] }),
    ];
    expect(search('payments', list).map((r) => r.entry.account.key)).toEqual(['exact', 'typo']);
  });

  it('highlights every matched word in every field it matches', () => {
    const [first] = search('pay admin');
    expect(who(first!)).toBe('pay/admin');
    expect(first!.highlights).toEqual({ label: [0, 3], alias: [0, 3], user: [0, 5] });
  });

  it('highlights a word whose parts span two fields', () => {
    const [first] = search('sandbox-2109');
    expect(first!.highlights).toEqual({ label: [0, 7], accountId: [0, 4] });
  });

  it('sorts labels with numbers in numeric order when nothing else decides', () => {
    const list = ['Env 10', 'Env 2', 'env 1'].map((label, i) =>
      account({ key: String(i), label, accountId: String(i).repeat(12) }),
    );
    expect(search('', list).map((r) => r.entry.account.label)).toEqual(['env 1', 'Env 2', 'Env 10']);
  });

  it('searches 10,000 sign-ins and keeps one index for every keystroke', () => {
    const index = buildIndex(manyAccounts(10_000));
    expect(index.entries).toHaveLength(10_000);
    const all = rank(index, '', NOW);
    expect(all).toHaveLength(10_000);
    expect(rank(index, '', NOW)).toBe(all); // the empty list is cached, not rebuilt
    const payments = rank(index, 'payments prod admin', NOW);
    expect(payments.length).toBeGreaterThan(0);
    for (const r of payments) {
      expect(r.entry.account.label).toMatch(/^Payments prod/);
      expect(r.entry.userName).toBe('admin');
    }
  });
});

describe('Identity Center and switch-role sign-ins', () => {
  const shared = account({
    key: 'shr',
    accountId: '333333333333',
    label: 'Shared services',
    signIns: [
      sso('https://mycorp.awsapps.com/start', 'AdministratorAccess', 2, 3),
      switchRole('ops/ReadOnly', { displayName: 'Shared RO', colour: '#2ca02c' }, 6, 1),
      iam('operator'),
    ],
  });
  const list = [...accounts, shared];
  const kindOf = (r: SearchResult) => `${r.entry.account.key}/${r.entry.kind}`;

  it('finds a role by its name and marks it in the role field', () => {
    const results = search('administratoraccess', list);
    expect(results.map(kindOf)).toEqual(['shr/sso']);
    expect(results[0]!.highlights).toEqual({ role: [0, 19] });
    const readOnly = search('readonly', list);
    expect(readOnly.map(kindOf)).toEqual(['shr/switch']);
    expect(readOnly[0]!.highlights.role).toEqual([4, 12]); // "ReadOnly" after its path "ops/"
  });

  it('finds an Identity Center role by its portal and a switch role by its display name', () => {
    const byPortal = search('mycorp', list);
    expect(byPortal.map(kindOf)).toEqual(['shr/sso']);
    expect(byPortal[0]!.highlights).toEqual({ portal: [0, 6] }); // in "mycorp.awsapps.com"
    const byDisplay = search('shared ro', list);
    expect(byDisplay[0]!.entry.kind).toBe('switch');
    expect(byDisplay[0]!.highlights.display).toEqual([0, 6, 7, 9]);
  });

  it('ranks roles by frecency among equally good matches, like any sign-in', () => {
    expect(search('shared', list).map(kindOf)).toEqual(['shr/switch', 'shr/sso', 'shr/iam']);
  });

  it('does not find a role by the scheme or /start of its portal address', () => {
    expect(search('https', list)).toEqual([]);
  });
});

describe('the first screen (firstAccounts) and the ranking agree', () => {
  /** The accounts of the first `limit` distinct accounts in the empty query's ranking: the reference. */
  function reference(list: Parameters<typeof buildIndex>[0], limit: number) {
    const out: string[] = [];
    for (const r of rank(buildIndex(list), '', NOW)) {
      if (out.length >= limit) break;
      if (!out.includes(r.entry.account.key)) out.push(r.entry.account.key);
    }
    return out;
  }
  // Ties on frecency (never used), on label (two accounts share one, in other case) and on user name.
  const tied = manyAccounts(400).map((a, i) => ({
    ...a,
    label: i % 7 === 0 ? 'Shared label' : i % 11 === 0 ? 'shared LABEL' : a.label,
    signIns: i % 3 === 0 ? a.signIns.map((s) => ({ ...s, uses: 0, lastUsed: 0 })) : a.signIns,
  }));
  const unused = tied.map((a) => ({ ...a, signIns: a.signIns.map((s) => ({ ...s, uses: 0, lastUsed: 0 })) }));
  it.each([
    ['used and unused', tied, 40],
    ['used and unused, one account', tied, 1],
    ['never used (label and user decide)', unused, 40],
    ['more than there are', accounts, 40],
  ] as const)('%s', (_what, list, limit) => {
    const first = firstAccounts(list, limit, NOW).map((a) => a.key);
    expect(first).toEqual(reference(list, limit));
  });
});
