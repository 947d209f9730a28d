// Learning Identity Center sign-ins from an access portal's shortcut link and switch roles from the Switch
// Role form, at the background: who may report them, what is checked against the sender's own address, the
// learn setting, Undo, and the merge rules (a learn never joins two records).
import { describe, expect, it } from 'vitest';
import type { Account, Settings } from '../../../lib/schema';
import { background, type FakeBackground } from '../../fakes/background';
import { contentScript } from '../../fakes/senders';

const PORTAL = 'https://d-1234567890.awsapps.com/start';
const link = (start: string, account = '123456789012', role = 'AdminAccess') =>
  `${start}/#/console?account_id=${account}&role_name=${role}`;
/** A portal link's report; confirmed by default (a portal the person has not used yet is asked about first). */
const portalLearn = (accountId = '123456789012', roleName = 'AdminAccess', confirmed = true) => ({
  type: 'portal.learn',
  accountId,
  roleName,
  confirmed,
});
const SWITCH_PAGE = 'https://signin.aws.amazon.com/switchrole';
const switchLearn = (signIn: Record<string, unknown>, confirmed = false) => ({
  type: 'signin.learn',
  signIn: { type: 'switch', account: 'acme-prod', roleName: 'ReadOnly', ...signIn },
  confirmed,
});

async function accounts(s: FakeBackground): Promise<Account[]> {
  return ((await s.value({ type: 'accounts.list' })) as { accounts: Account[] }).accounts;
}

async function setLearn(s: FakeBackground, learn: Settings['learn']) {
  await s.value({ type: 'settings.save', settings: { learn, autoNextRoot: true, fillRememberedUser: true } });
}

describe('an access portal’s shortcut link is learned as an Identity Center sign-in', () => {
  it.each([
    [link(PORTAL), 'aws', PORTAL],
    [link('https://my-corp.awsapps.com/start'), 'aws', 'https://my-corp.awsapps.com/start'],
    [
      link('https://start.us-gov-home.awsapps.com/directory/corp'),
      'aws-us-gov',
      'https://start.us-gov-home.awsapps.com/directory/corp',
    ],
    [
      link('https://start.us-gov-west-1.us-gov-home.awsapps.com/directory/corp'),
      'aws-us-gov',
      'https://start.us-gov-west-1.us-gov-home.awsapps.com/directory/corp',
    ],
    [
      link('https://ssoins-1234567890abcdef.portal.eu-west-1.app.aws'),
      'aws',
      'https://ssoins-1234567890abcdef.portal.eu-west-1.app.aws',
    ],
    [
      'https://ssoins-1234567890abcdef.portal.us-east-1.app.aws/#/console?account_id=123456789012&role_name=AdminAccess',
      'aws',
      'https://ssoins-1234567890abcdef.portal.us-east-1.app.aws',
    ],
  ])('%s', async (url, partition, startUrl) => {
    const s = background();
    const reply = await s.value(portalLearn(), contentScript(url));
    expect(reply).toEqual({
      outcome: 'saved',
      token: expect.any(String),
      label: 'AdminAccess · 1234-5678-9012',
    });
    expect(await accounts(s)).toMatchObject([
      {
        partition,
        accountId: '123456789012',
        signIns: [{ type: 'sso', startUrl, roleName: 'AdminAccess', uses: 1 }],
      },
    ]);
  });

  it('joins the account of that ID in the portal’s partition, and nothing else', async () => {
    const s = background();
    await s.value({ type: 'accounts.save', account: { accountId: '123456789012', label: 'Prod' } });
    await s.value({ type: 'accounts.save', account: { alias: 'acme-prod', label: 'Alias only' } });
    await s.value({
      type: 'accounts.save',
      account: { partition: 'aws-us-gov', accountId: '123456789012', label: 'Gov' },
    });
    const reply = await s.value(portalLearn(), contentScript(link(PORTAL)));
    expect(reply).toMatchObject({ outcome: 'updated', label: 'AdminAccess · Prod' });
    const list = await accounts(s);
    expect(list).toHaveLength(3);
    expect(list.find((a) => a.label === 'Prod')?.signIns).toMatchObject([{ type: 'sso', startUrl: PORTAL }]);
    expect(list.filter((a) => a.label !== 'Prod').flatMap((a) => a.signIns)).toEqual([]);
  });

  it('the same link again counts a use and says nothing changed', async () => {
    const s = background();
    await s.value(portalLearn(), contentScript(link(PORTAL)));
    expect(await s.value(portalLearn(), contentScript(link(PORTAL)))).toEqual({
      outcome: 'unchanged',
      label: 'AdminAccess · 1234-5678-9012',
    });
    expect((await accounts(s))[0]!.signIns).toMatchObject([{ uses: 2 }]);
  });

  it('the portal is the sender’s address; the account and role are the message’s', async () => {
    // Chromium reports the address a single-page portal loaded with, not the link it has moved to since.
    const s = background();
    const reply = await s.value(
      portalLearn('999999999999', 'ReadOnly'),
      contentScript(`https://start.us-gov-home.awsapps.com/directory/corp/#/`),
    );
    expect(reply).toMatchObject({ outcome: 'saved', label: 'ReadOnly · 9999-9999-9999' });
    expect(await accounts(s)).toMatchObject([
      {
        partition: 'aws-us-gov',
        accountId: '999999999999',
        signIns: [
          {
            type: 'sso',
            startUrl: 'https://start.us-gov-home.awsapps.com/directory/corp',
            roleName: 'ReadOnly',
          },
        ],
      },
    ]);
  });

  it.each([
    ['an account that is not 12 digits', portalLearn('12345')],
    ['a role that is not a permission set name', portalLearn('123456789012', 'Admin Access')],
  ])('refuses %s, and stores nothing', async (_name, message) => {
    const s = background();
    expect((await s.ask(message, contentScript(link(PORTAL)))).ok).toBe(false);
    expect(await accounts(s)).toEqual([]);
  });

  it.each([
    link('https://d-1234567890.awsapps.com.evil.test/start'),
    link('https://a.b.awsapps.com/start'),
    link('https://start.evil.awsapps.com/directory/corp'),
    link('https://ssoins-xyz.portal.eu-west-1.app.aws'),
    link('https://ssoins-1234567890abcdef.portal.cn-north-1.app.aws'),
    link('https://ssoins-1234567890abcdef.portal.moon-1.app.aws'),
    link('http://d-1234567890.awsapps.com/start'),
    link('https://d-1234567890.awsapps.com:8443/start'),
    link('https://x@d-1234567890.awsapps.com/start'),
    link('https://d-1234567890.awsapps.com/begin'),
  ])('a lookalike or altered portal address gets nothing: %s', async (url) => {
    const s = background();
    expect(await s.ask(portalLearn(), contentScript(url))).toEqual({
      ok: false,
      error: 'Signpost does not answer this sender.',
    });
    expect(await accounts(s)).toEqual([]);
  });

  it('a portal inside a frame gets nothing', async () => {
    const s = background();
    expect((await s.ask(portalLearn(), contentScript(link(PORTAL), 7, 2))).ok).toBe(false);
    expect(await accounts(s)).toEqual([]);
  });

  it.each([
    ['a portal page may not ask what to fill', { type: 'signin.query' }, link(PORTAL)],
    ['a portal page may not ask for the accounts', { type: 'accounts.list' }, link(PORTAL)],
    ['a sign-in page may not report a portal link', portalLearn(), 'https://signin.aws.amazon.com/signin'],
    ['a console page may not report a portal link', portalLearn(), 'https://console.aws.amazon.com/'],
  ])('%s', async (_name, message, url) => {
    const s = background();
    const reply = await s.ask(message, contentScript(url));
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/may not ask for|only for access portal pages/);
  });

  it('an extension page may not pose as a portal', async () => {
    expect(await background().ask(portalLearn())).toEqual({
      ok: false,
      error: 'portal.learn is only for access portal pages.',
    });
  });

  it('a message with a field the contract does not name is refused whole', async () => {
    const s = background();
    const reply = await s.ask(
      { ...portalLearn(), startUrl: 'https://evil.test' },
      contentScript(link(PORTAL)),
    );
    expect(reply.ok).toBe(false);
    expect(await accounts(s)).toEqual([]);
  });

  it('learning set to never: nothing; ask: nothing until confirmed', async () => {
    const s = background();
    await setLearn(s, 'never');
    expect(await s.value(portalLearn(), contentScript(link(PORTAL)))).toEqual({ outcome: 'off' });
    expect(
      await s.value(portalLearn('123456789012', 'AdminAccess', true), contentScript(link(PORTAL))),
    ).toEqual({ outcome: 'off' });
    await setLearn(s, 'ask');
    expect(
      await s.value(portalLearn('123456789012', 'AdminAccess', false), contentScript(link(PORTAL))),
    ).toEqual({ outcome: 'ask' });
    expect(await accounts(s)).toEqual([]);
    expect(
      await s.value(portalLearn('123456789012', 'AdminAccess', true), contentScript(link(PORTAL))),
    ).toMatchObject({ outcome: 'saved' });
    expect(await accounts(s)).toHaveLength(1);
  });

  it('a link into a portal none of the saved roles uses is asked about, even when learning is always', async () => {
    // Anyone can send a shortcut link into their own portal naming the person's account: opening it is not
    // signing in. A portal the person already uses is learned from as the setting says.
    const s = background();
    const theirs = link('https://attacker-corp.awsapps.com/start');
    expect(await s.value(portalLearn('123456789012', 'AdminAccess', false), contentScript(theirs))).toEqual({
      outcome: 'ask',
    });
    expect(await accounts(s)).toEqual([]);
    await s.value(portalLearn('111111111111', 'ReadOnly', true), contentScript(link(PORTAL)));
    expect(
      await s.value(portalLearn('222222222222', 'AdminAccess', false), contentScript(link(PORTAL))),
    ).toMatchObject({ outcome: 'saved' });
    expect((await accounts(s)).map((a) => a.accountId).sort()).toEqual(['111111111111', '222222222222']);
  });

  it('Undo takes the learned sign-in back, once', async () => {
    const s = background();
    await s.value({ type: 'accounts.save', account: { accountId: '123456789012', label: 'Prod' } });
    const { token } = await s.value<{ token: string }>(portalLearn(), contentScript(link(PORTAL)));
    expect(await s.value({ type: 'portal.undo', token }, contentScript(link(PORTAL)))).toEqual({
      undone: true,
    });
    expect(await accounts(s)).toMatchObject([{ label: 'Prod', signIns: [] }]);
    expect(await s.value({ type: 'portal.undo', token }, contentScript(link(PORTAL)))).toEqual({
      undone: false,
    });
  });
});

describe('the Switch Role form’s submit is learned as a switch role', () => {
  it('on the account the form names (alias), with its display name and a hex colour', async () => {
    const s = background();
    await s.value({ type: 'accounts.save', account: { alias: 'acme-prod', label: 'Prod' } });
    const reply = await s.value(
      switchLearn({ displayName: 'Prod RO', colour: 'F2B0A9' }),
      contentScript(SWITCH_PAGE),
    );
    expect(reply).toMatchObject({ outcome: 'updated', label: 'ReadOnly · Prod' });
    expect(await accounts(s)).toMatchObject([
      {
        alias: 'acme-prod',
        signIns: [{ type: 'switch', roleName: 'ReadOnly', displayName: 'Prod RO', colour: '#f2b0a9' }],
      },
    ]);
  });

  it.each([
    ['https://signin.amazonaws-us-gov.com/switchrole', 'aws-us-gov'],
    ['https://signin.amazonaws.cn/switchrole/', 'aws-cn'],
  ])('on %s, in its partition, by account ID, a role with a path', async (url, partition) => {
    const s = background();
    await s.value(
      switchLearn({ account: '1234-5678-9012', roleName: '/team/ops/Deploy' }),
      contentScript(url),
    );
    expect(await accounts(s)).toMatchObject([
      { partition, accountId: '123456789012', signIns: [{ type: 'switch', roleName: 'team/ops/Deploy' }] },
    ]);
  });

  it('a colour that is not plain hex is left out; the rest is learned', async () => {
    const s = background();
    await s.value(switchLearn({ colour: 'red; background:url(x)' }), contentScript(SWITCH_PAGE));
    const [account] = await accounts(s);
    expect(account!.signIns).toEqual([
      { type: 'switch', roleName: 'ReadOnly', uses: 1, lastUsed: expect.any(Number) },
    ]);
  });

  it('a new display name replaces the stored one; an empty box keeps it', async () => {
    const s = background();
    await s.value(switchLearn({ displayName: 'Old' }), contentScript(SWITCH_PAGE));
    expect(await s.value(switchLearn({}), contentScript(SWITCH_PAGE))).toMatchObject({
      outcome: 'unchanged',
    });
    expect((await accounts(s))[0]!.signIns).toMatchObject([{ displayName: 'Old', uses: 2 }]);
    expect(await s.value(switchLearn({ displayName: 'New' }), contentScript(SWITCH_PAGE))).toMatchObject({
      outcome: 'updated',
    });
    expect((await accounts(s))[0]!.signIns).toMatchObject([{ displayName: 'New', uses: 3 }]);
  });

  it('never joins two records and never moves an identifier', async () => {
    const s = background();
    await s.value({ type: 'accounts.save', account: { alias: 'acme-prod', label: 'Alias' } });
    await s.value({ type: 'accounts.save', account: { accountId: '123456789012', label: 'ID' } });
    await s.value(switchLearn({}), contentScript('https://123456789012.signin.aws.amazon.com/switchrole'));
    const list = await accounts(s);
    expect(list).toHaveLength(2);
    expect(list.find((a) => a.label === 'Alias')?.accountId).toBeUndefined();
    expect(list.find((a) => a.label === 'Alias')?.signIns).toMatchObject([{ type: 'switch' }]);
    expect(list.find((a) => a.label === 'ID')?.signIns).toEqual([]);
  });

  it.each([
    [
      'from the sign-in page, not the Switch Role page',
      switchLearn({}),
      'https://signin.aws.amazon.com/signin',
    ],
    ['a role name AWS would not take', switchLearn({ roleName: 'Read Only' }), SWITCH_PAGE],
    ['an account box that is neither ID nor alias', switchLearn({ account: '12345' }), SWITCH_PAGE],
    ['a form field Signpost does not read', switchLearn({ csrf: 'secret-token' }), SWITCH_PAGE],
    ['an empty display name', switchLearn({ displayName: '' }), SWITCH_PAGE],
  ])('refuses %s, and stores nothing', async (_name, message, url) => {
    const s = background();
    expect((await s.ask(message, contentScript(url))).ok).toBe(false);
    expect(await accounts(s)).toEqual([]);
  });

  it('learning set to never learns nothing', async () => {
    const s = background();
    await setLearn(s, 'never');
    expect(await s.value(switchLearn({}, true), contentScript(SWITCH_PAGE))).toEqual({ outcome: 'off' });
    expect(await accounts(s)).toEqual([]);
  });
});
