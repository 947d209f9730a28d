// The import preview: what confirming would add, change and leave alone, by the store's merge rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../lib/import/parse';
import { planImport } from '../../../lib/import/plan';
import type { Account } from '../../../lib/schema';
import { signInWho } from '../../../lib/sign-in-kinds';

const NOW = 1_750_000_000_000;

function account(fields: Partial<Account> & { key: string }): Account {
  return { partition: 'aws', tags: [], signIns: [], createdAt: 1, updatedAt: 1, ...fields };
}

const summary = (plan: ReturnType<typeof planImport>) => ({
  new: plan.new.map((e) => e.account.accountId ?? e.account.alias),
  updated: plan.updated.map((e) => e.account.key),
  unchanged: plan.unchanged.map((e) => e.account.key),
  rejected: plan.rejected.map((r) => r.line),
});

describe('planImport', () => {
  const existing = [
    account({
      key: 'prod',
      accountId: '222222222222',
      label: 'Production',
      signIns: [{ type: 'iam', userName: 'Alice', uses: 5, lastUsed: 9 }],
    }),
    account({
      key: 'staging',
      accountId: '666666666666',
      label: 'Staging',
      tags: ['staging', 'ci'],
      signIns: [{ type: 'iam', userName: 'deploy', uses: 0, lastUsed: 0 }],
    }),
  ];

  it('sorts the CSV fixture into new, updated, unchanged and rejected', () => {
    const plan = planImport(
      existing,
      parseImport(readFileSync('tests/fixtures/import/accounts.csv', 'utf8')),
      NOW,
    );
    expect(summary(plan)).toEqual({
      new: ['acme-marketing', '888888888888', '333333333333'],
      updated: ['prod'],
      unchanged: ['staging'],
      rejected: [7, 8],
    });
  });

  it('merges user names case-insensitively, keeping the spelling and the frecency already known', () => {
    const plan = planImport(existing, parseImport('account,user\n222222222222,alice;bob\n'), NOW);
    expect(plan.updated[0]!.account.signIns).toEqual([
      { type: 'iam', userName: 'Alice', uses: 5, lastUsed: 9 },
      { type: 'iam', userName: 'bob', uses: 0, lastUsed: 0 },
    ]);
    expect(plan.updated[0]!.before).toBe(existing[0]);
  });

  it('makes one new account of several rows that name it, listing all their lines', () => {
    const plan = planImport([], parseImport('account,user\n111111111111,a\n111111111111,b\n'), NOW);
    expect(plan.new).toHaveLength(1);
    expect(plan.new[0]!.lines).toEqual([2, 3]);
    expect(plan.new[0]!.account.signIns.map(signInWho)).toEqual(['a', 'b']);
  });

  it('finds nothing to change when the same Organizations file is imported twice', () => {
    const parse = parseImport(readFileSync('tests/fixtures/import/organizations.json', 'utf8'));
    const first = planImport([], parse, NOW);
    const second = planImport(
      first.new.map((e) => e.account),
      parse,
      NOW + 1000,
    );
    expect(first.new).toHaveLength(4);
    expect(second.new).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.unchanged).toHaveLength(4);
  });

  it('folds an alias-only record into the account whose ID the file links it to', () => {
    const byAlias = account({
      key: 'by-alias',
      alias: 'acme-prod',
      signIns: [{ type: 'iam', userName: 'carol', uses: 1, lastUsed: 2 }],
    });
    const plan = planImport(
      [...existing, byAlias],
      parseImport('account,alias\n222222222222,acme-prod\n'),
      NOW,
    );
    expect(plan.updated).toHaveLength(1);
    const entry = plan.updated[0]!;
    expect(entry.account.key).toBe('prod');
    expect(entry.account.alias).toBe('acme-prod');
    expect(entry.folded).toEqual([byAlias]);
    expect(entry.account.signIns.map((s) => s.type === 'iam' && s.userName)).toEqual(['Alice', 'carol']);
  });

  it('shows the notes of a row on its account', () => {
    const plan = planImport(
      [],
      parseImport(readFileSync('tests/fixtures/import/organizations.json', 'utf8')),
      NOW,
    );
    const gov = plan.new.find((e) => e.account.partition === 'aws-us-gov');
    expect(gov?.notes[0]).toMatch(/Root email root\+gov@example.com left out/);
  });

  it('keeps the parse rejections, in line order, and plans nothing for a broken file', () => {
    const plan = planImport(existing, parseImport('{"format":"signpost",'), NOW);
    expect(summary(plan)).toEqual({ new: [], updated: [], unchanged: [], rejected: [] });
  });

  it('restores a Signpost export with its keys and timestamps', () => {
    const plan = planImport(
      [],
      parseImport(readFileSync('tests/fixtures/import/signpost-export.json', 'utf8')),
      NOW,
    );
    expect(plan.new.map((e) => [e.account.key, e.account.createdAt, e.account.updatedAt])).toEqual([
      ['3f2c1a9e-1b7d-4c55-9a61-0c1d2e3f4a5b', 1700000000000, 1746350000000],
      ['8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d', 1710000000000, 1745000000000],
      ['c0ffee00-0000-4000-8000-000000000001', 1720000000000, 1720000000000],
    ]);
  });

  it.each([
    ['an AWS config profile', '[profile prod-admin]\nsso_account_id = 222222222222\nregion = us-east-1\n'],
    ['an Organizations account name', '{"Accounts":[{"Id":"222222222222","Name":"prod-admin"}]}'],
  ])('keeps the label a user chose over %s, and fills it where there is none', (_, text) => {
    const labelled = account({
      key: 'prod',
      accountId: '222222222222',
      label: 'Production',
      region: 'eu-west-1',
    });
    const kept = planImport([labelled], parseImport(text), NOW);
    expect(kept.updated).toEqual([]);
    expect(kept.unchanged.map((e) => e.account)).toEqual([labelled]);
    expect(kept.drafts[0]!.label).toBeUndefined();

    const bare = account({ key: 'prod', accountId: '222222222222' });
    const filled = planImport([bare], parseImport(text), NOW);
    expect(filled.updated[0]!.account.label).toBe('prod-admin');
  });

  it('lets a CSV label, which the user wrote, rename an account', () => {
    const plan = planImport(existing, parseImport('account,label\n222222222222,Prod EU\n'), NOW);
    expect(plan.updated[0]!.account.label).toBe('Prod EU');
    expect(plan.updated[0]!.before?.label).toBe('Production');
  });
});
