// Promise: a page gets only what it needs. A content script receives at most the sign-ins of the one account
// its page is for (or its own tab's pending route); every message is validated and its sender checked, and
// every refusal is a plain sentence that changes nothing.
//
// Level: unit, the real background (handlers, store, session) over fake IndexedDB. Extends
// tests/unit/background/handlers.test.ts where it has holes; does not repeat its cases.
import { describe, expect, it } from 'vitest';
import type { Sender } from '../../lib/background/handlers';
import { extensionRequestSchema, signInRequestSchema } from '../../lib/message-schemas';
import { background, snapshot } from '../fakes/background';
import { contentScript, FOREIGN_SENDERS, POPUP } from '../fakes/senders';

const A_HOST = 'https://acme-prod.signin.aws.amazon.com/console';
const A_ID_HOST = 'https://111111111111.signin.aws.amazon.com/console';
const B_HOST = 'https://222222222222.signin.aws.amazon.com/console';
const MAIN = 'https://signin.aws.amazon.com/signin';
/** Everything about B that must never reach a page that is not B's. */
const B_SECRETS = /222222222222|mallory|secret-other|Secret other|b-root@other\.example|B's notes/;

async function seeded() {
  const bg = background();
  const a = await bg.value<{ account: { key: string } }>({
    type: 'accounts.save',
    account: {
      accountId: '111111111111',
      alias: 'acme-prod',
      label: 'Prod',
      tags: ['pci'],
      notes: "A's notes",
      signIns: [
        { type: 'iam', userName: 'alice' },
        { type: 'root', email: 'a-root@acme.example' },
      ],
    },
  });
  const b = await bg.value<{ account: { key: string } }>({
    type: 'accounts.save',
    account: {
      accountId: '222222222222',
      alias: 'secret-other',
      label: 'Secret other',
      notes: "B's notes",
      signIns: [
        { type: 'iam', userName: 'mallory' },
        { type: 'root', email: 'b-root@other.example' },
      ],
    },
  });
  return { bg, a: a.account.key, b: b.account.key };
}

describe('the background refuses senders that are not Signpost’s own pages or a top-frame sign-in page', () => {
  it.each(FOREIGN_SENDERS)('refuses %s, and changes nothing', async (_, sender) => {
    const { bg } = await seeded();
    const before = await snapshot();
    for (const message of [
      { type: 'signin.query', account: '222222222222' },
      { type: 'signin.learn', signIn: { type: 'iam', account: '333333333333', userName: 'eve' } },
    ]) {
      expect(await bg.ask(message, sender)).toEqual({
        ok: false,
        error: 'Signpost does not answer this sender.',
      });
    }
    expect(await snapshot()).toBe(before);
  });
});

const PAGE_TYPES = extensionRequestSchema.options.map((o) => o.shape.type.value);
const CONTENT_TYPES = signInRequestSchema.options.map((o) => o.shape.type.value);

describe('each side may send only its own messages', () => {
  it.each(PAGE_TYPES)('a sign-in page asking for %s is refused and nothing changes', async (type) => {
    const { bg, a } = await seeded();
    const before = await snapshot();
    const reply = await bg.ask(
      {
        type,
        key: a,
        keys: [a],
        accounts: [],
        account: {},
        settings: {},
        target: { type: 'root' },
        userNames: [],
      },
      contentScript(A_HOST),
    );
    expect(reply).toEqual({ ok: false, error: `A sign-in page may not ask for ${type}.` });
    expect(await snapshot()).toBe(before);
    expect(bg.opened).toEqual([]);
  });

  it.each(CONTENT_TYPES)('an extension page sending %s is refused', async (type) => {
    const { bg } = await seeded();
    const before = await snapshot();
    expect(await bg.ask({ type, token: 'token-1' })).toEqual({
      ok: false,
      error: `${type} is only for sign-in pages.`,
    });
    expect(await snapshot()).toBe(before);
  });
});

describe('messages of the wrong shape get a plain refusal and change nothing', () => {
  const long = 'a'.repeat(65);
  it.each<[string, unknown, string | RegExp, Sender?]>([
    [
      'signin.query: an account name longer than any ID or alias',
      { type: 'signin.query', account: long },
      /^Signpost did not understand/,
      contentScript(MAIN),
    ],
    [
      'signin.query: a field the contract does not name',
      { type: 'signin.query', tabId: 8 },
      /^Signpost did not understand/,
      contentScript(MAIN),
    ],
    [
      'signin.learn: not an email',
      { type: 'signin.learn', signIn: { type: 'root', email: 'not-an-email' } },
      /not an email address/,
      contentScript(MAIN),
    ],
    [
      'signin.learn: not an IAM user name',
      { type: 'signin.learn', signIn: { type: 'iam', account: '111111111111', userName: 'a b' } },
      /IAM user name/,
      contentScript(MAIN),
    ],
    [
      'signin.learn: the account box holds neither an ID nor an alias',
      { type: 'signin.learn', signIn: { type: 'iam', account: '1234', userName: 'eve' } },
      'The account box does not hold an account ID or alias.',
      contentScript(MAIN),
    ],
    [
      'signin.learn: a sign-in type that does not exist',
      { type: 'signin.learn', signIn: { type: 'sso', account: '111111111111' } },
      /^Signpost did not understand/,
      contentScript(MAIN),
    ],
    [
      'signin.undo: a token longer than any Signpost makes',
      { type: 'signin.undo', token: long },
      /^Signpost did not understand/,
      contentScript(MAIN),
    ],
    [
      'accounts.revert: a record that fails validation',
      {
        type: 'accounts.revert',
        revisions: [{ before: { key: 'x', partition: 'aws', accountId: '12', createdAt: 0, updatedAt: 0 } }],
      },
      /12 digits/,
    ],
    [
      'accounts.revert: nothing to take back',
      { type: 'accounts.revert', revisions: [] },
      /^Signpost did not understand/,
    ],
    [
      'accounts.save: an edit whose base is another account',
      {
        type: 'accounts.save',
        account: { key: 'key-1', accountId: '111111111111' },
        base: { key: 'key-2', partition: 'aws', accountId: '222222222222', createdAt: 0, updatedAt: 0 },
      },
      'An edit must be saved onto the account it was opened from.',
    ],
    ['accounts.delete: no keys', { type: 'accounts.delete', keys: [] }, /^Signpost did not understand/],
    [
      'signins.delete: an account that does not exist',
      { type: 'signins.delete', key: 'gone', signIns: ['iam:alice'] },
      'That account no longer exists.',
    ],
    [
      'route.open: an account that does not exist',
      { type: 'route.open', key: 'gone', target: { type: 'iam', userName: 'alice' } },
      'That account no longer exists.',
    ],
    [
      'route.open: a user name that cannot exist',
      { type: 'route.open', key: 'key-1', target: { type: 'iam', userName: '../../x' } },
      /IAM user name/,
    ],
    [
      'settings.save: a learn mode that does not exist',
      {
        type: 'settings.save',
        settings: { learn: 'sometimes', autoNextRoot: true, fillRememberedUser: true },
      },
      /^Signpost did not understand/,
    ],
    [
      'accounts.import: one bad row among good ones',
      { type: 'accounts.import', accounts: [{ accountId: '555555555555' }, { accountId: '5' }] },
      /12 digits/,
    ],
  ])('%s', async (_, message, error, sender = POPUP) => {
    const { bg } = await seeded();
    const before = await snapshot();
    const reply = await bg.ask(message, sender);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      if (typeof error === 'string') expect(reply.error).toBe(error);
      else expect(reply.error).toMatch(error);
    }
    expect(await snapshot()).toBe(before);
    expect(bg.opened).toEqual([]);
  });

  it('route.open to an account known only by its root email (no sign-in page) is refused, no tab opened', async () => {
    const { bg } = await seeded();
    const { account } = await bg.value<{ account: { key: string } }>({
      type: 'accounts.save',
      account: { signIns: [{ type: 'root', email: 'only-root@example.com' }] },
    });
    expect(await bg.ask({ type: 'route.open', key: account.key, target: { type: 'account' } })).toEqual({
      ok: false,
      error: 'This account has no account ID or alias yet, so it has no sign-in page.',
    });
    expect(bg.opened).toEqual([]);
  });
});

describe('least disclosure: what a sign-in page is told', () => {
  it('account A’s page gets A’s user names and display fields only: no root email, notes, tags or usage', async () => {
    const { bg } = await seeded();
    const answer = await bg.value<Record<string, unknown>>(
      { type: 'signin.query' },
      contentScript(A_ID_HOST),
    );
    expect(answer).toEqual({
      settings: { autoNextRoot: true, fillRememberedUser: true, learn: 'always' },
      account: { accountId: '111111111111', alias: 'acme-prod', label: 'Prod', userNames: ['alice'] },
    });
  });

  it.each([
    ['A’s alias host, the page asking about B by ID', A_HOST, '222222222222'],
    ['A’s ID host, the page asking about B by alias', A_ID_HOST, 'secret-other'],
    ['A’s ID host, the page asking about B with dashes', A_ID_HOST, '2222-2222-2222'],
  ])('%s: the host decides, B is not disclosed', async (_, url, asked) => {
    const { bg } = await seeded();
    const answer = await bg.value({ type: 'signin.query', account: asked }, contentScript(url));
    expect(JSON.stringify(answer)).not.toMatch(B_SECRETS);
  });

  it('a regional host with no account box: nothing about any account', async () => {
    const { bg } = await seeded();
    const answer = await bg.value(
      { type: 'signin.query' },
      contentScript('https://eu-west-1.signin.aws.amazon.com/oauth'),
    );
    expect(answer).not.toHaveProperty('account');
  });

  it('a pending route goes only to its own tab, whatever the other tab’s page asks', async () => {
    const { bg, b } = await seeded();
    await bg.value({ type: 'route.open', key: b, target: { type: 'iam', userName: 'mallory' }, tabId: 5 });
    for (const url of [MAIN, A_HOST, B_HOST]) {
      const answer = await bg.value({ type: 'signin.query' }, contentScript(url, 6));
      expect(answer).not.toHaveProperty('route');
    }
  });

  it('the notice of a sign-in learned on A’s page is not shown on B’s page in the same tab', async () => {
    const { bg } = await seeded();
    await bg.value(
      { type: 'signin.learn', signIn: { type: 'iam', account: 'acme-prod', userName: 'new-user' } },
      contentScript(A_HOST, 9),
    );
    const onB = await bg.value({ type: 'signin.query' }, contentScript(B_HOST, 9));
    expect(onB).not.toHaveProperty('notice');
    expect(JSON.stringify(onB)).not.toMatch(/acme-prod|Prod|new-user|111111111111/);
    // The next page that is about A (its MFA page, another of its pages) still shows it.
    const onMfa = await bg.value(
      { type: 'signin.query' },
      contentScript('https://signin.aws.amazon.com/mfa', 9),
    );
    expect(onMfa).toMatchObject({ notice: { label: 'new-user · Prod' } });
  });

  it('a person who types B’s ID into the box on A’s alias page does not make A’s alias B’s', async () => {
    const { bg } = await seeded();
    await bg.value(
      { type: 'signin.learn', signIn: { type: 'iam', account: '222222222222', userName: 'eve' } },
      contentScript(A_HOST),
    );
    // A's page still gets A, never B's user names.
    const onA = await bg.value({ type: 'signin.query' }, contentScript(A_HOST));
    expect(onA).toMatchObject({ account: { accountId: '111111111111', alias: 'acme-prod' } });
    expect(JSON.stringify(onA)).not.toMatch(/mallory|eve|222222222222/);
    // The sign-in is learned for the account the box named.
    const onB = await bg.value<{ account: { userNames: string[]; alias?: string } }>(
      { type: 'signin.query' },
      contentScript(B_HOST),
    );
    expect(onB.account).toMatchObject({
      alias: 'secret-other',
      userNames: expect.arrayContaining(['eve', 'mallory']),
    });
  });

  it('a person who types B’s alias into the box on A’s ID page does not take B’s alias', async () => {
    const { bg } = await seeded();
    await bg.value(
      { type: 'signin.learn', signIn: { type: 'iam', account: 'secret-other', userName: 'eve' } },
      contentScript(A_ID_HOST),
    );
    const onA = await bg.value({ type: 'signin.query' }, contentScript(A_ID_HOST));
    expect(onA).toMatchObject({ account: { alias: 'acme-prod', userNames: ['alice'] } });
    const list = await bg.value<{ accounts: { accountId?: string; alias?: string }[] }>({
      type: 'accounts.list',
    });
    expect(list.accounts.map((x) => [x.accountId, x.alias]).sort()).toEqual([
      ['111111111111', 'acme-prod'],
      ['222222222222', 'secret-other'],
    ]);
  });

  it('an alias host and an ID box still link when neither is known as another account', async () => {
    const { bg } = await seeded();
    await bg.value(
      { type: 'signin.learn', signIn: { type: 'iam', account: '333333333333', userName: 'carol' } },
      contentScript('https://new-team.signin.aws.amazon.com/console'),
    );
    const answer = await bg.value(
      { type: 'signin.query' },
      contentScript('https://new-team.signin.aws.amazon.com/console'),
    );
    expect(answer).toMatchObject({
      account: { accountId: '333333333333', alias: 'new-team', userNames: ['carol'] },
    });
  });
});
