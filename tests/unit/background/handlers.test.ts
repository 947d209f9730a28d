import { describe, expect, it } from 'vitest';
import { HANDLED_TYPES } from '../../../lib/background/handlers';
import { ROUTE_TTL } from '../../../lib/background/session';
import {
  consoleRequestSchema,
  extensionRequestSchema,
  portalRequestSchema,
  signInRequestSchema,
} from '../../../lib/message-schemas';
import { background, type FakeBackground } from '../../fakes/background';
import { contentScript } from '../../fakes/senders';

async function seed(s: FakeBackground) {
  const a: { account: { key: string } } = await s.value({
    type: 'accounts.save',
    account: {
      accountId: '111111111111',
      alias: 'acme-prod',
      label: 'Prod',
      signIns: [
        { type: 'iam', userName: 'alice' },
        { type: 'iam', userName: 'bob' },
        { type: 'root', email: 'root@acme.example' },
      ],
    },
  });
  const b: { account: { key: string } } = await s.value({
    type: 'accounts.save',
    account: {
      accountId: '222222222222',
      label: 'Secret other',
      signIns: [{ type: 'iam', userName: 'mallory' }],
    },
  });
  return { a: a.account.key, b: b.account.key };
}

describe('the background checks who is asking', () => {
  // Senders that are neither Signpost's pages nor a sign-in page: tests/security/least-disclosure.unit.test.ts
  // refuses every one in tests/fakes/senders.ts's FOREIGN_SENDERS.

  it.each([
    'accounts.list',
    'accounts.delete',
    'accounts.import',
    'settings.save',
    'route.open',
    'accounts.revert',
  ])('a sign-in page may not ask for %s', async (type) => {
    const s = background();
    await seed(s);
    const reply = await s.ask(
      { type, keys: ['key-1'] },
      contentScript('https://signin.aws.amazon.com/signin'),
    );
    expect(reply).toEqual({ ok: false, error: `A sign-in page may not ask for ${type}.` });
  });

  it('an extension page may not pose as a sign-in page', async () => {
    const s = background();
    expect(await s.ask({ type: 'signin.learn', signIn: { type: 'root', email: 'a@b.io' } })).toEqual({
      ok: false,
      error: 'signin.learn is only for sign-in pages.',
    });
  });

  it.each([
    ['no type', {}],
    ['an unknown type', { type: 'accounts.drop' }],
    ['null', null],
    ['a string', 'accounts.list'],
    ['a bad account ID', { type: 'accounts.save', account: { accountId: '12' } }],
  ])('refuses a message of the wrong shape (%s) with a plain reason', async (_name, message) => {
    const s = background();
    const reply = await s.ask(message);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^Signpost did not understand that request: ./);
  });

  it('a malformed save changes nothing', async () => {
    const s = background();
    await seed(s);
    await s.ask({ type: 'accounts.save', account: { accountId: '333333333333', alias: '--bad' } });
    const list: { accounts: unknown[] } = await s.value({ type: 'accounts.list' });
    expect(list.accounts).toHaveLength(2);
  });

  it('every message type in the contract has exactly one handler', () => {
    const types = [
      ...extensionRequestSchema.options,
      ...signInRequestSchema.options,
      ...portalRequestSchema.options,
      ...consoleRequestSchema.options,
    ].map((o) => o.shape.type.value);
    expect([...HANDLED_TYPES].sort()).toEqual([...types].sort());
  });
});

describe('least disclosure: a sign-in page learns only about its own account', () => {
  it('on account A’s page, asking about account B returns A only', async () => {
    const s = background();
    await seed(s);
    const answer = await s.value(
      { type: 'signin.query', account: '222222222222' },
      contentScript('https://acme-prod.signin.aws.amazon.com/console'),
    );
    expect(answer).toMatchObject({ account: { accountId: '111111111111', userNames: ['alice', 'bob'] } });
    expect(JSON.stringify(answer)).not.toMatch(/mallory|222222222222|Secret other|root@acme/);
  });

  it('on the main page without a route and without an account box, nothing is disclosed', async () => {
    const s = background();
    await seed(s);
    const answer = await s.value(
      { type: 'signin.query' },
      contentScript('https://signin.aws.amazon.com/signin'),
    );
    expect(answer).toEqual({ settings: { autoNextRoot: true, fillRememberedUser: true, learn: 'always' } });
  });

  it('another partition’s account with the same ID is not disclosed', async () => {
    const s = background();
    await seed(s);
    const answer = await s.value(
      { type: 'signin.query' },
      contentScript('https://111111111111.signin.amazonaws.cn/console'),
    );
    expect(answer).not.toHaveProperty('account');
  });

  it('user names come most used first', async () => {
    const s = background();
    const { a } = await seed(s);
    await s.value({ type: 'route.open', key: a, target: { type: 'iam', userName: 'bob' } });
    const answer: { account: { userNames: string[] } } = await s.value(
      { type: 'signin.query' },
      contentScript('https://111111111111.signin.aws.amazon.com/console', 1),
    );
    expect(answer.account.userNames).toEqual(['bob', 'alice']);
  });
});

describe('routes', () => {
  it('opens the account URL in a new tab and that tab’s page is told what to fill', async () => {
    const s = background();
    const { a } = await seed(s);
    const opened: { url: string; tabId: number } = await s.value({
      type: 'route.open',
      key: a,
      target: { type: 'iam', userName: 'alice' },
    });
    expect(opened).toEqual({ url: 'https://111111111111.signin.aws.amazon.com/console', tabId: 100 });
    const answer = await s.value({ type: 'signin.query' }, contentScript(opened.url, opened.tabId));
    expect(answer).toMatchObject({ route: { type: 'iam', account: '111111111111', userName: 'alice' } });
  });

  it('the route is for its own tab only', async () => {
    const s = background();
    const { a } = await seed(s);
    await s.value({ type: 'route.open', key: a, target: { type: 'iam', userName: 'alice' }, tabId: 5 });
    const other = await s.value(
      { type: 'signin.query' },
      contentScript('https://signin.aws.amazon.com/signin', 6),
    );
    expect(other).not.toHaveProperty('route');
  });

  it('survives the service worker stopping between the click and the page load', async () => {
    const s = background();
    const { a } = await seed(s);
    await s.value({ type: 'route.open', key: a, target: { type: 'root' }, tabId: 5 });
    s.restart();
    const answer = await s.value(
      { type: 'signin.query' },
      contentScript('https://signin.aws.amazon.com/signin', 5),
    );
    expect(answer).toMatchObject({ route: { type: 'root', email: 'root@acme.example' } });
  });

  it('is cleared once the page has used it, and expires if it never does', async () => {
    const s = background();
    const { a } = await seed(s);
    const page = contentScript('https://signin.aws.amazon.com/signin', 5);
    await s.value({ type: 'route.open', key: a, target: { type: 'root' }, tabId: 5 });
    await s.value({ type: 'signin.done' }, page);
    expect(await s.value({ type: 'signin.query' }, page)).not.toHaveProperty('route');
    await s.value({ type: 'route.open', key: a, target: { type: 'root' }, tabId: 5 });
    s.advance(ROUTE_TTL + 1);
    expect(await s.value({ type: 'signin.query' }, page)).not.toHaveProperty('route');
  });

  it('root routes exist only in the aws partition, and say so', async () => {
    const s = background();
    const gov: { account: { key: string } } = await s.value({
      type: 'accounts.save',
      account: {
        partition: 'aws-us-gov',
        accountId: '333333333333',
        signIns: [{ type: 'iam', userName: 'x' }],
      },
    });
    expect(await s.ask({ type: 'route.open', key: gov.account.key, target: { type: 'root' } })).toEqual({
      ok: false,
      error: 'Root users cannot sign in to the console in GovCloud or China; use an IAM user.',
    });
    expect(s.opened).toEqual([]);
  });

  it('counts a use of the routed sign-in', async () => {
    const s = background();
    const { a } = await seed(s);
    await s.value({ type: 'route.open', key: a, target: { type: 'iam', userName: 'bob' } });
    const list: { accounts: { key: string; signIns: { uses: number }[] }[] } = await s.value({
      type: 'accounts.list',
    });
    expect(list.accounts.find((x) => x.key === a)!.signIns.map((x) => x.uses)).toEqual([0, 1, 0]);
  });
});

describe('learning a sign-in made by hand', () => {
  const iamLearn = (account: string, userName: string) => ({
    type: 'signin.learn',
    signIn: { type: 'iam', account, userName },
  });

  it('saves a new IAM sign-in and offers Undo', async () => {
    const s = background();
    const page = contentScript('https://signin.aws.amazon.com/signin?client_id=x');
    const reply: { outcome: string; token: string } = await s.value(
      iamLearn('4444-5555-6666', 'carol'),
      page,
    );
    expect(reply).toMatchObject({ outcome: 'saved', label: 'carol · 4444-5555-6666' });
    await s.value({ type: 'signin.undo', token: reply.token }, page);
    const list: { accounts: unknown[] } = await s.value({ type: 'accounts.list' });
    expect(list.accounts).toEqual([]);
  });

  it('an alias host with an account ID in the box links the two', async () => {
    const s = background();
    await s.value({ type: 'accounts.save', account: { accountId: '444455556666', label: 'Staging' } });
    await s.value(
      iamLearn('444455556666', 'carol'),
      contentScript('https://acme-staging.signin.aws.amazon.com/console'),
    );
    const list: { accounts: unknown[] } = await s.value({ type: 'accounts.list' });
    expect(list.accounts).toEqual([
      expect.objectContaining({ accountId: '444455556666', alias: 'acme-staging', label: 'Staging' }),
    ]);
  });

  it('learns a root email on the main page, but not in GovCloud', async () => {
    const s = background();
    const root = { type: 'signin.learn', signIn: { type: 'root', email: 'owner@acme.example' } };
    expect(await s.value(root, contentScript('https://signin.aws.amazon.com/signin'))).toMatchObject({
      outcome: 'saved',
    });
    expect(await s.ask(root, contentScript('https://signin.amazonaws-us-gov.com/signin'))).toEqual({
      ok: false,
      error: 'Root users sign in only in the aws partition.',
    });
  });

  it('with learning set to ask, nothing is saved until the user confirms', async () => {
    const s = background();
    await s.value({
      type: 'settings.save',
      settings: { learn: 'ask', autoNextRoot: true, fillRememberedUser: true },
    });
    const page = contentScript('https://123456789012.signin.aws.amazon.com/console');
    expect(await s.value(iamLearn('123456789012', 'dave'), page)).toEqual({ outcome: 'ask' });
    expect(((await s.value({ type: 'accounts.list' })) as { accounts: unknown[] }).accounts).toEqual([]);
    expect(await s.value({ ...iamLearn('123456789012', 'dave'), confirmed: true }, page)).toMatchObject({
      outcome: 'saved',
    });
  });

  it('with learning off, nothing is saved', async () => {
    const s = background();
    await s.value({
      type: 'settings.save',
      settings: { learn: 'never', autoNextRoot: true, fillRememberedUser: true },
    });
    const page = contentScript('https://123456789012.signin.aws.amazon.com/console');
    expect(await s.value({ ...iamLearn('123456789012', 'dave'), confirmed: true }, page)).toEqual({
      outcome: 'off',
    });
    expect(((await s.value({ type: 'accounts.list' })) as { accounts: unknown[] }).accounts).toEqual([]);
  });

  it('the next page in the tab shows the notice once; the page that learned it does not get it again', async () => {
    const s = background();
    const iamPage = contentScript('https://123456789012.signin.aws.amazon.com/console', 9);
    await s.value(iamLearn('123456789012', 'erin'), iamPage);
    expect(await s.value({ type: 'signin.query' }, iamPage)).not.toHaveProperty('notice');
    const mfa = contentScript('https://signin.aws.amazon.com/mfa', 9);
    expect(await s.value({ type: 'signin.query' }, mfa)).toMatchObject({
      notice: { label: 'erin · 1234-5678-9012' },
    });
    expect(await s.value({ type: 'signin.query' }, mfa)).not.toHaveProperty('notice');
  });

  it('a learn message carrying anything more (a password) is refused and nothing is stored', async () => {
    const s = background();
    const reply = await s.ask(
      {
        type: 'signin.learn',
        signIn: { type: 'iam', account: '123456789012', userName: 'x', password: 'hunter2' },
      },
      contentScript('https://123456789012.signin.aws.amazon.com/console'),
    );
    expect(reply.ok).toBe(false);
    const list: { accounts: unknown[] } = await s.value({ type: 'accounts.list' });
    expect(list.accounts).toEqual([]);
  });
});

describe('the popup’s first screen', () => {
  it('with a limit, lists only the accounts of the first sign-ins, in the order of the whole list', async () => {
    const s = background();
    for (let i = 0; i < 30; i++) {
      await s.value({
        type: 'accounts.save',
        account: {
          accountId: String(100000000000 + i),
          label: `Account ${String(i).padStart(2, '0')}`,
          signIns: [{ type: 'iam', userName: 'u' }],
        },
      });
    }
    const list: { accounts: { key: string; label: string }[] } = await s.value({ type: 'accounts.list' });
    const used = list.accounts.find((a) => a.label === 'Account 29')!;
    await s.value({ type: 'route.open', key: used.key, target: { type: 'iam', userName: 'u' } });
    const first: { accounts: { label: string }[]; complete: boolean } = await s.value({
      type: 'accounts.list',
      limit: 5,
    });
    expect(first.complete).toBe(false);
    expect(first.accounts.map((a) => a.label)).toEqual([
      'Account 29',
      'Account 00',
      'Account 01',
      'Account 02',
      'Account 03',
    ]);
    const all: { accounts: unknown[]; complete: boolean } = await s.value({
      type: 'accounts.list',
      limit: 100,
    });
    expect([all.accounts.length, all.complete]).toEqual([30, true]);
  });
});
