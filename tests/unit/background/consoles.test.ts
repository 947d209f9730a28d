// Console sessions in the background: who may report one, what a report must agree with, the live map
// under tab close, navigation and a worker restart, what the account store learns, and focusing a tab.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Consoles } from '../../../lib/background/consoles';
import { type Deps, handleMessage, type Sender } from '../../../lib/background/handlers';
import { Session } from '../../../lib/background/session';
import { CONSOLE_PING } from '../../../lib/console/run';
import { openSignpostDb } from '../../../lib/db';
import type { Reply } from '../../../lib/messages';
import type { Account } from '../../../lib/schema';
import { Store } from '../../../lib/store';

const EXT = 'signpost-test-id';
const ORIGIN = `chrome-extension://${EXT}/`;
const popup: Sender = { id: EXT, url: `${ORIGIN}popup.html` };
const ID = '111122223333';
const HOST = `${ID}-x7q2ab9c.us-east-1.console.aws.amazon.com`;
const at = (url: string, tabId = 7, frameId = 0): Sender => ({
  id: EXT,
  url,
  frameId,
  tab: { id: tabId, url },
});
const onConsole = (tabId = 7, host = HOST) => at(`https://${host}/console/home`, tabId);
const report = (fields: Record<string, unknown> = {}) => ({
  type: 'console.session',
  accountId: ID,
  ...fields,
});

/** A browser of tabs: each shows a console host (its script answers pings) or some other page (undefined). */
function setup() {
  let t = 1_000_000;
  let n = 0;
  const tabs = new Map<number, { host?: string; windowId: number; lastAccessed: number }>();
  const focused: string[] = [];
  /** Tabs whose page is too busy to answer a ping. */
  const busy = new Set<number>();
  const api = {
    create: async () => ({ id: 100 }),
    update: async (tabId: number, props: { url?: string; active?: boolean }) => {
      if (props.active) focused.push(`tab ${tabId}`);
      return {};
    },
    get: async (tabId: number) => {
      const tab = tabs.get(tabId);
      if (!tab) throw new Error(`No tab with id: ${tabId}.`);
      return { id: tabId, windowId: tab.windowId, lastAccessed: tab.lastAccessed };
    },
    sendMessage: async (tabId: number, message: unknown, options: { frameId: number }) => {
      if (busy.has(tabId)) return new Promise(() => {});
      const host = tabs.get(tabId)?.host;
      if (!host || options.frameId !== 0 || (message as { type: string }).type !== CONSOLE_PING)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      return host;
    },
  };
  const windows = { update: async (id: number) => void focused.push(`window ${id}`) };
  const make = (): Deps => ({
    store: new Store(openSignpostDb(), { now: () => t, newKey: () => `k${++n}` }),
    session: new Session(fakeBrowser.storage.session, () => t),
    consoles: { map: new Consoles(fakeBrowser.storage.session), tabs: api, windows },
    tabs: api,
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    now: () => t,
  });
  let deps = make();
  const ask = (message: unknown, sender: Sender = popup) => handleMessage(message, sender, deps);
  const value = async <T = never>(message: unknown, sender: Sender = popup): Promise<T> => {
    const reply = (await ask(message, sender)) as Reply;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  };
  const list = async () => (await value<{ accounts: Account[] }>({ type: 'accounts.list' })).accounts;
  return {
    ask,
    value,
    list,
    tabs,
    busy,
    focused,
    /** Opens (or navigates) a tab to a console host and has its page report; returns the tab id. */
    async open(tabId: number, fields: Record<string, unknown> = {}, host = HOST, windowId = 1) {
      t += 1000;
      tabs.set(tabId, { host, windowId, lastAccessed: t });
      return value(report(fields), onConsole(tabId, host));
    },
    signedIn: async () => (await value<{ keys: string[] }>({ type: 'consoles.list' })).keys,
    save: async (account: Record<string, unknown>) =>
      (await value<{ account: Account }>({ type: 'accounts.save', account })).account,
    learn: (learn: 'always' | 'ask' | 'never') =>
      value({ type: 'settings.save', settings: { learn, autoNextRoot: true, fillRememberedUser: true } }),
    restart: () => {
      deps = make();
    },
  };
}

describe('who may report a console session', () => {
  it.each([
    [
      'a sign-in page',
      at('https://signin.aws.amazon.com/signin'),
      'A sign-in page may not ask for console.session.',
    ],
    ['an extension page', popup, 'console.session is only for console pages.'],
    ['a console page inside a frame', at(`https://${HOST}/`, 7, 2), 'Signpost does not answer this sender.'],
    [
      'a lookalike console',
      at('https://console.aws.amazon.com.evil.test/'),
      'Signpost does not answer this sender.',
    ],
    [
      'a console host too deep',
      at('https://a.b.c.console.aws.amazon.com/'),
      'Signpost does not answer this sender.',
    ],
    ['plain http', at('http://console.aws.amazon.com/'), 'Signpost does not answer this sender.'],
    ['another extension', { ...onConsole(), id: 'other' }, 'Signpost does not answer this sender.'],
  ])('refuses %s', async (_name, sender, error) => {
    const s = setup();
    expect(await s.ask(report(), sender)).toEqual({ ok: false, error });
    expect(await s.signedIn()).toEqual([]);
  });

  it.each(['signin.query', 'accounts.list', 'consoles.list', 'consoles.focus', 'route.open'])(
    'a console page may send nothing but its session: not %s',
    async (type) => {
      const s = setup();
      const reply = await s.ask({ type, key: 'k1' }, onConsole());
      expect(reply).toEqual({ ok: false, error: `A console page may not ask for ${type}.` });
    },
  );

  it.each([
    ['a password field', { password: 'hunter2' }],
    ['a short account ID', { accountId: '1234' }],
    ['a boolean as a string', { multiSession: 'true' }],
    ['an alias that is no alias', { alias: '<b>x</b>' }],
    ['a huge principal', { principalArn: 'a'.repeat(1_000_000) }],
  ])('refuses a report of the wrong shape (%s) and records nothing', async (_name, fields) => {
    const s = setup();
    const reply = await s.ask(report(fields), onConsole());
    expect(reply.ok).toBe(false);
    expect(await s.signedIn()).toEqual([]);
  });

  it.each([
    ['a principal of another account', { principalArn: 'arn:aws:iam::999988887777:user/eve' }],
    ['a principal of another partition', { principalArn: `arn:aws-cn:iam::${ID}:user/eve` }],
    ['a sign-in endpoint of another partition', { signInEndpoint: 'signin.amazonaws.cn' }],
    ['a sign-in endpoint off AWS', { signInEndpoint: 'signin.aws.amazon.com.evil.test' }],
    ['a differentiator with a dot', { sessionDifferentiator: 'a.b' }],
  ])('refuses a report that disagrees with its page (%s)', async (_name, fields) => {
    const s = setup();
    await s.save({ accountId: ID, label: 'Acme' });
    const reply = await s.ask(report(fields), onConsole());
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Signpost refused it: /) });
    expect(await s.signedIn()).toEqual([]);
  });

  it('answers a console page nothing: the map never reaches a content script', async () => {
    const s = setup();
    await s.save({ accountId: ID, label: 'Acme' });
    expect(await s.ask(report({ alias: 'acme-prod' }), onConsole())).toEqual({ ok: true, value: {} });
  });
});

describe('the live map of console tabs', () => {
  it('lists each signed-in account once, the most recently used tab’s first', async () => {
    const s = setup();
    const acme = await s.save({ accountId: ID, label: 'Acme' });
    const other = await s.save({ accountId: '444455556666', label: 'Other' });
    await s.save({ accountId: '777788889999', label: 'Not signed in' });
    await s.open(1);
    await s.open(2, { accountId: '444455556666' }, '444455556666-q.eu-west-1.console.aws.amazon.com');
    await s.open(3);
    expect(await s.signedIn()).toEqual([acme.key, other.key]);
  });

  it.each([
    ['is closed', (tabs: Map<number, unknown>) => tabs.delete(1)],
    [
      'navigates off the console',
      (tabs: Map<number, { host?: string }>) => tabs.set(1, { ...tabs.get(1), host: undefined }),
    ],
    [
      'shows another session’s console host',
      (tabs: Map<number, { host?: string }>) =>
        tabs.set(1, { ...tabs.get(1), host: 'us-east-1.console.aws.amazon.com' }),
    ],
  ])('drops a tab that %s, even after the worker restarted', async (_name, change) => {
    const s = setup();
    await s.save({ accountId: ID, label: 'Acme' });
    await s.open(1);
    change(s.tabs as never);
    s.restart();
    expect(await s.signedIn()).toEqual([]);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).not.toContain('console:1');
  });

  it('keeps a tab whose page is too busy to answer, and answers without it waiting long', async () => {
    const s = setup();
    const acme = await s.save({ accountId: ID, label: 'Acme' });
    await s.open(1);
    s.busy.add(1);
    expect(await s.signedIn()).toEqual([acme.key]);
  });

  it('keeps its tabs when the service worker restarts', async () => {
    const s = setup();
    const acme = await s.save({ accountId: ID, label: 'Acme' });
    await s.open(1);
    s.restart();
    expect(await s.signedIn()).toEqual([acme.key]);
  });

  it('keeps the map out of the sign-in page’s answers', async () => {
    const s = setup();
    await s.save({ accountId: ID, alias: 'acme-prod', signIns: [{ type: 'iam', userName: 'alice' }] });
    await s.open(1, { principalArn: `arn:aws:iam::${ID}:user/alice` });
    const answer = await s.value(
      { type: 'signin.query' },
      at('https://444455556666.signin.aws.amazon.com/console', 9),
    );
    expect(JSON.stringify(answer)).not.toMatch(/111122223333|acme-prod|alice|console/);
  });
});

describe('bringing a signed-in account’s console to the front', () => {
  it('activates the account’s most recent console tab and focuses its window', async () => {
    const s = setup();
    const acme = await s.save({ accountId: ID, label: 'Acme' });
    await s.open(1, {}, HOST, 1);
    await s.open(2, {}, HOST, 5);
    expect(await s.value({ type: 'consoles.focus', key: acme.key })).toEqual({ focused: true });
    expect(s.focused).toEqual(['tab 2', 'window 5']);
  });

  it('says so, and focuses nothing, when the account has no console tab any more', async () => {
    const s = setup();
    const acme = await s.save({ accountId: ID, label: 'Acme' });
    await s.open(1);
    s.tabs.delete(1);
    expect(await s.value({ type: 'consoles.focus', key: acme.key })).toEqual({ focused: false });
    expect(s.focused).toEqual([]);
  });
});

describe('what the account store learns from a console', () => {
  const alice = { principalArn: `arn:aws:iam::${ID}:user/alice` };

  it('joins an alias-only account and the ID’s account into one (the import’s merge rules)', async () => {
    const s = setup();
    await s.save({ accountId: ID, label: 'By ID', signIns: [{ type: 'iam', userName: 'bob' }] });
    await s.save({ alias: 'acme-prod', tags: ['prod'] });
    await s.open(1, { alias: 'acme-prod' });
    const accounts = await s.list();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ accountId: ID, alias: 'acme-prod', label: 'By ID', tags: ['prod'] });
  });

  it('never folds two account IDs: an alias-only record is fine, a record with another ID is not', async () => {
    const s = setup();
    await s.save({ accountId: ID, label: 'Acme' });
    const other = await s.save({ accountId: '444455556666', alias: 'acme-prod', label: 'Other' });
    await s.open(1, { alias: 'acme-prod' });
    const accounts = await s.list();
    expect(accounts).toHaveLength(2);
    // AWS says the alias is this ID's now: it moves, and the other account keeps everything else.
    expect(accounts.find((a) => a.key === other.key)).toMatchObject({
      accountId: '444455556666',
      label: 'Other',
    });
    expect(accounts.find((a) => a.accountId === ID)?.alias).toBe('acme-prod');
  });

  it.each([
    ['always', 'an IAM user', alice, ['bob', 'alice']],
    ['ask', 'an IAM user', alice, ['bob']],
    ['never', 'an IAM user', alice, ['bob']],
    ['always', 'an assumed role', { principalArn: `arn:aws:sts::${ID}:assumed-role/Admin/alice` }, ['bob']],
    ['always', 'the root user', { principalArn: `arn:aws:iam::${ID}:root` }, ['bob']],
  ] as const)('learn %s, %s: sign-ins become %j', async (learn, _who, fields, users) => {
    const s = setup();
    await s.learn(learn);
    await s.save({ accountId: ID, signIns: [{ type: 'iam', userName: 'bob' }] });
    await s.open(1, fields);
    const [account] = await s.list();
    expect(account!.signIns.map((x) => (x.type === 'iam' ? x.userName : x.type))).toEqual(users);
  });

  it.each([
    ['always', 1],
    ['ask', 0],
    ['never', 0],
  ] as const)(
    'learn %s: an unknown account signed in as an IAM user is saved %i time(s)',
    async (learn, count) => {
      const s = setup();
      await s.learn(learn);
      await s.open(1, { alias: 'acme-prod', ...alice });
      expect(await s.list()).toHaveLength(count);
    },
  );

  it.each(['always', 'ask'] as const)(
    'learn %s joins the alias of an account already known',
    async (learn) => {
      const s = setup();
      await s.learn(learn);
      await s.save({ accountId: ID });
      await s.open(1, { alias: 'acme-prod' });
      expect((await s.list())[0]?.alias).toBe('acme-prod');
    },
  );

  it('learns nothing with learning off', async () => {
    const s = setup();
    await s.learn('never');
    await s.save({ accountId: ID });
    await s.open(1, { alias: 'acme-prod' });
    expect((await s.list())[0]?.alias).toBeUndefined();
  });

  it('does not count a console page load as a use of the sign-in', async () => {
    const s = setup();
    await s.save({ accountId: ID, signIns: [{ type: 'iam', userName: 'alice', uses: 3, lastUsed: 5 }] });
    await s.open(1, alice);
    await s.open(1, alice);
    expect((await s.list())[0]?.signIns[0]).toMatchObject({ uses: 3, lastUsed: 5 });
  });
});
