// Nothing lost, nothing folded: every write that acts on a copy read earlier (Undo in the page, the options
// editor, Undo on the options page) is tested with a second writer between its read and its write, and
// learning and importing are tested against records that must stay two. Through the real background.
import { describe, expect, it } from 'vitest';
import type { Revision } from '../../lib/revise';
import type { Account } from '../../lib/schema';
import { signInWho } from '../../lib/sign-in-kinds';
import { background } from '../fakes/background';
import { contentScript } from '../fakes/senders';

type Bg = ReturnType<typeof background>;
const ACCOUNT_PAGE = (label: string) => `https://${label}.signin.aws.amazon.com/console`;
const list = async (bg: Bg) => (await bg.value<{ accounts: Account[] }>({ type: 'accounts.list' })).accounts;
const users = (a: Account | undefined) =>
  (a?.signIns ?? []).map((s) => (s.type === 'root' ? `root:${s.email}` : signInWho(s))).sort();
const byId = async (bg: Bg, id: string) => (await list(bg)).find((a) => a.accountId === id);

async function learn(bg: Bg, page: string, account: string, userName: string, tabId: number) {
  return bg.value<{ outcome: string; token?: string }>(
    { type: 'signin.learn', signIn: { type: 'iam', account, userName } },
    contentScript(page, tabId),
  );
}

async function save(bg: Bg, account: unknown, base?: Account) {
  return bg.value<{ account: Account }>({ type: 'accounts.save', account, ...(base ? { base } : {}) });
}

describe('Undo in the page takes back exactly what that sign-in added', () => {
  it('a learn in another tab between the learn and its Undo survives', async () => {
    const bg = background();
    await save(bg, {
      accountId: '111111111111',
      label: 'Prod',
      signIns: [{ type: 'iam', userName: 'carol' }],
    });
    const first = await learn(bg, ACCOUNT_PAGE('111111111111'), '111111111111', 'alice', 1);
    bg.advance(1000);
    await learn(bg, ACCOUNT_PAGE('111111111111'), '111111111111', 'bob', 2);
    expect(
      await bg.value(
        { type: 'signin.undo', token: first.token },
        contentScript(ACCOUNT_PAGE('111111111111'), 1),
      ),
    ).toEqual({
      undone: true,
    });
    const account = await byId(bg, '111111111111');
    expect(users(account)).toEqual(['bob', 'carol']);
    expect(account?.label).toBe('Prod');
  });

  it('an account the learn created stays when another tab added to it before the Undo', async () => {
    const bg = background();
    const first = await learn(bg, ACCOUNT_PAGE('222222222222'), '222222222222', 'alice', 1);
    await learn(bg, ACCOUNT_PAGE('222222222222'), '222222222222', 'bob', 2);
    await bg.value(
      { type: 'signin.undo', token: first.token },
      contentScript(ACCOUNT_PAGE('222222222222'), 1),
    );
    expect(users(await byId(bg, '222222222222'))).toEqual(['bob']);
  });

  it('an account the learn created, untouched since, is gone after Undo', async () => {
    const bg = background();
    const first = await learn(bg, ACCOUNT_PAGE('222222222222'), '222222222222', 'alice', 1);
    await bg.value(
      { type: 'signin.undo', token: first.token },
      contentScript(ACCOUNT_PAGE('222222222222'), 1),
    );
    expect(await list(bg)).toEqual([]);
  });
});

describe('the options editor writes only the fields the person changed', () => {
  it('a user learned while the editor was open survives the save', async () => {
    const bg = background();
    const opened = (
      await save(bg, {
        accountId: '111111111111',
        label: 'Prod',
        signIns: [{ type: 'iam', userName: 'alice' }],
      })
    ).account;
    await learn(bg, ACCOUNT_PAGE('111111111111'), '111111111111', 'dave', 3);
    await save(
      bg,
      {
        key: opened.key,
        accountId: '111111111111',
        label: 'Production',
        signIns: [{ type: 'iam', userName: 'alice' }],
      },
      opened,
    );
    const account = await byId(bg, '111111111111');
    expect(account?.label).toBe('Production');
    expect(users(account)).toEqual(['alice', 'dave']);
  });

  it('a user the person removed is removed, whatever was learned meanwhile', async () => {
    const bg = background();
    const opened = (
      await save(bg, {
        accountId: '111111111111',
        signIns: [
          { type: 'iam', userName: 'alice' },
          { type: 'iam', userName: 'bob' },
        ],
      })
    ).account;
    await learn(bg, ACCOUNT_PAGE('111111111111'), '111111111111', 'dave', 3);
    await save(
      bg,
      { key: opened.key, accountId: '111111111111', signIns: [{ type: 'iam', userName: 'bob' }] },
      opened,
    );
    expect(users(await byId(bg, '111111111111'))).toEqual(['bob', 'dave']);
  });

  it('a field changed in both places is refused in plain words and nothing is written', async () => {
    const bg = background();
    const opened = (await save(bg, { accountId: '111111111111', label: 'Prod' })).account;
    await save(bg, { key: opened.key, accountId: '111111111111', label: 'Other tab' }, opened);
    const reply = await bg.ask({
      type: 'accounts.save',
      account: { key: opened.key, accountId: '111111111111', label: 'This tab' },
      base: opened,
    });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/changed since you opened it.*reload/) });
    expect((await byId(bg, '111111111111'))?.label).toBe('Other tab');
  });

  it('an account deleted while the editor was open is not brought back by Save', async () => {
    const bg = background();
    const opened = (await save(bg, { accountId: '111111111111', label: 'Prod' })).account;
    await bg.value({ type: 'accounts.delete', keys: [opened.key] });
    const reply = await bg.ask({
      type: 'accounts.save',
      account: { key: opened.key, accountId: '111111111111', label: 'Renamed' },
      base: opened,
    });
    expect(reply).toEqual({
      ok: false,
      error: 'This account was deleted since you opened it. Nothing was saved.',
    });
    expect(await list(bg)).toEqual([]);
  });
});

describe('Undo on the options page puts back what was deleted, onto what is there now', () => {
  it('Undo of a sign-in delete keeps a user learned in between', async () => {
    const bg = background();
    const { key } = (
      await save(bg, {
        accountId: '111111111111',
        signIns: [
          { type: 'iam', userName: 'alice' },
          { type: 'iam', userName: 'bob' },
        ],
      })
    ).account;
    const { revisions } = await bg.value<{ revisions: Revision[] }>({
      type: 'signins.delete',
      key,
      signIns: ['iam:alice'],
    });
    await learn(bg, ACCOUNT_PAGE('111111111111'), '111111111111', 'dave', 3);
    await bg.value({ type: 'accounts.revert', revisions });
    expect(users(await byId(bg, '111111111111'))).toEqual(['alice', 'bob', 'dave']);
  });

  it('Undo of an account delete joins the account learned again in between, losing neither', async () => {
    const bg = background();
    const { key } = (
      await save(bg, {
        accountId: '111111111111',
        label: 'Prod',
        signIns: [{ type: 'iam', userName: 'alice' }],
      })
    ).account;
    const { revisions } = await bg.value<{ revisions: Revision[] }>({ type: 'accounts.delete', keys: [key] });
    await learn(bg, ACCOUNT_PAGE('111111111111'), '111111111111', 'erin', 4);
    await bg.value({ type: 'accounts.revert', revisions });
    const all = await list(bg);
    expect(all).toHaveLength(1);
    expect(users(all[0])).toEqual(['alice', 'erin']);
    expect(all[0]?.label).toBe('Prod');
  });
});

describe('learning never joins two accounts Signpost knows', () => {
  it('on an alias page, signing in with another known account’s ID learns for that account only', async () => {
    const bg = background();
    await save(bg, { alias: 'acme-prod', signIns: [{ type: 'iam', userName: 'ann' }] });
    await save(bg, { accountId: '222222222222', signIns: [{ type: 'iam', userName: 'ben' }] });
    await learn(bg, ACCOUNT_PAGE('acme-prod'), '222222222222', 'ben2', 5);
    const all = await list(bg);
    expect(all).toHaveLength(2);
    expect(users(all.find((a) => a.alias === 'acme-prod'))).toEqual(['ann']);
    expect(all.find((a) => a.alias === 'acme-prod')?.accountId).toBeUndefined();
    expect(users(await byId(bg, '222222222222'))).toEqual(['ben', 'ben2']);
    // The alias page still offers only its own account's users.
    const answer = await bg.value<{ account?: { userNames: string[] } }>(
      { type: 'signin.query' },
      contentScript(ACCOUNT_PAGE('acme-prod'), 6),
    );
    expect(answer.account?.userNames).toEqual(['ann']);
  });

  it('an alias nobody holds is added to the account whose ID was typed on its page', async () => {
    const bg = background();
    await save(bg, { accountId: '222222222222' });
    await learn(bg, ACCOUNT_PAGE('new-alias'), '222222222222', 'ben', 5);
    expect(await byId(bg, '222222222222')).toMatchObject({ alias: 'new-alias' });
  });

  it('an account that has an alias does not get a second one from a page', async () => {
    const bg = background();
    await save(bg, { accountId: '222222222222', alias: 'kept' });
    await learn(bg, ACCOUNT_PAGE('other-alias'), '222222222222', 'ben', 5);
    expect(await byId(bg, '222222222222')).toMatchObject({ alias: 'kept' });
    expect((await list(bg)).map((a) => a.alias)).toEqual(['kept']);
  });
});

describe('imports never fold two account IDs, and a key never overwrites another account', () => {
  it.each([
    [
      'a row naming one account’s alias and another’s root email, with no ID',
      [{ alias: 'first', signIns: [{ type: 'root', email: 'second@example.com' }] }],
      /two different accounts \(111111111111 and 222222222222\)/,
    ],
    [
      'an entry whose key belongs to an account with another ID',
      [{ key: 'key-1', accountId: '333333333333', label: 'Imposter' }],
      /key belongs to another account \(111111111111\)/,
    ],
    [
      'an entry whose key belongs to an account in another partition',
      [{ key: 'key-1', partition: 'aws-cn', accountId: '111111111111' }],
      /another partition/,
    ],
  ])('%s is refused and changes nothing', async (_, accounts, error) => {
    const bg = background();
    await save(bg, { accountId: '111111111111', alias: 'first', signIns: [{ type: 'iam', userName: 'a' }] });
    await save(bg, { accountId: '222222222222', signIns: [{ type: 'root', email: 'second@example.com' }] });
    const before = await list(bg);
    const reply = await bg.ask({ type: 'accounts.import', accounts });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(await list(bg)).toEqual(before);
  });
});
