// Identity Center and switch-role targets in Chromium, against replicas served on AWS's real host names:
// routing a role goes to AWS's exact shortcut link or switch-role link; the access portal's shortcut
// link teaches Signpost the Identity Center sign-in (with Undo), also when the single-page portal changes
// its fragment, while lookalike portals get nothing; the Switch Role form's submit teaches the role, its
// display name and colour, and nothing else of the form; learning set to never learns nothing.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDraftInput } from '../../lib/messages';
import { currentSignpostState, type Harness, launchSignpost } from './harness';
import { PORTAL_HOSTS, PORTAL_LOOKALIKE_HOSTS } from './server';

const ACME = '111122223333';
const DATA = '444455556666';
const PORTAL = `https://${PORTAL_HOSTS.directory}/start`;
const link = (start: string, accountId: string, role: string) =>
  `${start}/#/console?account_id=${accountId}&role_name=${role}`;

let harness: Harness;

beforeAll(async () => {
  harness = await launchSignpost();
});

afterAll(async () => {
  await harness?.close();
});

afterEach(async () => {
  await harness.closeTabs();
  harness.server.reset();
  await seed([]);
  await setLearn('always');
});

interface StoredAccount {
  key: string;
  partition: string;
  accountId?: string;
  alias?: string;
  label?: string;
  signIns: Record<string, unknown>[];
}

const accounts = () => harness.accounts<StoredAccount>();
const seed = (drafts: AccountDraftInput[]) => harness.seed(drafts);

async function setLearn(learn: 'always' | 'ask' | 'never') {
  await harness.value({
    type: 'settings.save',
    settings: { learn, autoNextRoot: true, fillRememberedUser: true },
  });
}

/** Polls the stored accounts until `check` holds (a content script reports after its page loads). */
async function waitForAccounts(check: (list: StoredAccount[]) => boolean, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const list = await accounts();
    if (check(list)) return list;
    if (Date.now() > until) throw new Error(`Accounts stayed ${JSON.stringify(list)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ssoSignIns = (list: StoredAccount[]) =>
  list.flatMap((a) =>
    a.signIns.filter((s) => s.type === 'sso').map((s) => ({ ...s, accountId: a.accountId })),
  );

/**
 * Routes the one account's sign-in of `type` as the popup's Enter does (`route.open`, no tab: a new one opens)
 * and resolves with the tab once it is at `expected`. (This worktree's popup lists an account's Identity
 * Center and switch-role sign-ins only once the popup part of issue 15 is merged; the route is the same.)
 */
async function route(type: 'sso' | 'switch', expected: string): Promise<Page> {
  const [account] = await accounts();
  const signIn = account!.signIns.find((s) => s.type === type)!;
  const target =
    type === 'sso'
      ? { type, startUrl: signIn.startUrl, roleName: signIn.roleName }
      : { type, roleName: signIn.roleName };
  const opened = harness.waitForNewTab((url) => url === expected);
  await harness.value({ type: 'route.open', key: account!.key, target });
  return opened;
}

describe('routing a role lands on AWS’s exact link', () => {
  it('an Identity Center role opens the shortcut link, with the account’s region as the destination', async () => {
    await seed([
      {
        accountId: ACME,
        label: 'Acme',
        region: 'eu-west-1',
        signIns: [{ type: 'sso', startUrl: 'd-1234567890.awsapps.com/start/', roleName: 'PlatformAdmin' }],
      },
    ]);
    const expected =
      'https://d-1234567890.awsapps.com/start/#/console?account_id=111122223333&role_name=PlatformAdmin' +
      '&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1';
    const tab = await route('sso', expected);
    expect(tab.url()).toBe(expected);
    await tab.waitForSelector('#opening');
    expect(await tab.$eval('#opening', (p) => p.textContent)).toContain(
      'PlatformAdmin in account 111122223333',
    );
  });

  it('an Identity Center role of an account without a region opens the link without a destination', async () => {
    await seed([
      {
        accountId: DATA,
        label: 'Data',
        signIns: [
          { type: 'sso', startUrl: `https://${PORTAL_HOSTS.gov}/directory/corp`, roleName: 'Analyst' },
        ],
        partition: 'aws-us-gov',
      },
    ]);
    const expected = `https://${PORTAL_HOSTS.gov}/directory/corp/#/console?account_id=${DATA}&role_name=Analyst`;
    const tab = await route('sso', expected);
    expect(tab.url()).toBe(expected);
  });

  it('a switch role opens the switch-role link, and the form there is pre-filled from it', async () => {
    await seed([
      {
        alias: 'acme-prod',
        label: 'Acme prod',
        signIns: [{ type: 'switch', roleName: 'ops/ReadOnly', displayName: 'Prod RO' }],
      },
    ]);
    const expected =
      'https://signin.aws.amazon.com/switchrole?roleName=ops%2FReadOnly&account=acme-prod&displayName=Prod+RO';
    const tab = await route('switch', expected);
    expect(tab.url()).toBe(expected);
    const form = await tab.$eval('form', (f) => ({
      account: (f.elements.namedItem('account') as HTMLInputElement).value,
      roleName: (f.elements.namedItem('roleName') as HTMLInputElement).value,
      displayName: (f.elements.namedItem('displayName') as HTMLInputElement).value,
    }));
    expect(form).toEqual({ account: 'acme-prod', roleName: 'ops/ReadOnly', displayName: 'Prod RO' });
  });
});

/**
 * A portal none of the saved roles uses is asked about first, whatever the learn setting (anyone can send a
 * link into their own portal): the person saves it from the notice.
 */
async function saveWhenAsked(page: Page) {
  await (await page.waitForSelector('aria/Save[role="button"]', { timeout: 5000 }))!.click();
}

describe('learning from the access portal', () => {
  it('a shortcut link into a new portal is asked about, saved, shown with Undo, and Undo takes it back', async () => {
    await seed([{ accountId: ACME, label: 'Acme', signIns: [] }]);
    const page = await harness.openPage(link(PORTAL, ACME, 'PlatformAdmin'));
    expect(await accounts()).toMatchObject([{ accountId: ACME, signIns: [] }]);
    await saveWhenAsked(page);
    const undo = await page.waitForSelector('aria/Undo[role="button"]', { timeout: 5000 });
    expect(ssoSignIns(await accounts())).toMatchObject([
      { type: 'sso', startUrl: PORTAL, roleName: 'PlatformAdmin', accountId: ACME },
    ]);
    expect(await currentSignpostState(page)).toBe('learned');
    await undo!.click();
    await waitForAccounts((list) => ssoSignIns(list).length === 0);
    expect(await accounts()).toMatchObject([{ accountId: ACME, label: 'Acme', signIns: [] }]);
  });

  it('the portal is a single-page app: a new link in the same page is learned too', async () => {
    harness.server.configure({ portalAccounts: [{ id: DATA, name: 'Data', role: 'Analyst' }] });
    const page = await harness.openPage(`${PORTAL}/#/`);
    await page.waitForSelector('a[href*="console"]');
    await page.click('a[href*="console"]');
    await saveWhenAsked(page);
    const list = await waitForAccounts((l) => ssoSignIns(l).length === 1);
    expect(ssoSignIns(list)).toMatchObject([{ roleName: 'Analyst', accountId: DATA, startUrl: PORTAL }]);
    expect(list).toMatchObject([{ partition: 'aws', accountId: DATA }]);
  });

  it('a portal the person already uses is learned from at once, as the setting says', async () => {
    await seed([
      { accountId: ACME, label: 'Acme', signIns: [{ type: 'sso', startUrl: PORTAL, roleName: 'ReadOnly' }] },
    ]);
    const page = await harness.openPage(link(PORTAL, DATA, 'Analyst'));
    await page.waitForSelector('aria/Undo[role="button"]', { timeout: 5000 });
    expect(ssoSignIns(await accounts())).toMatchObject([
      { accountId: ACME, roleName: 'ReadOnly' },
      { accountId: DATA, roleName: 'Analyst', startUrl: PORTAL },
    ]);
  });

  it.each([
    [`https://${PORTAL_HOSTS.govRegional}/directory/corp`, 'aws-us-gov'],
    [`https://${PORTAL_HOSTS.dualStack}`, 'aws'],
    [`https://${PORTAL_HOSTS.custom}/start`, 'aws'],
  ])('%s is learned in its partition', async (start, partition) => {
    await saveWhenAsked(await harness.openPage(link(start, ACME, 'ReadOnly')));
    const list = await waitForAccounts((l) => ssoSignIns(l).length === 1);
    expect(list).toMatchObject([
      { partition, accountId: ACME, signIns: [{ startUrl: start, roleName: 'ReadOnly' }] },
    ]);
  });

  it.each(PORTAL_LOOKALIKE_HOSTS)(
    'a lookalike portal (%s) gets nothing and its page is untouched',
    async (host) => {
      const path = host.startsWith('start.') ? '/directory/corp' : host.includes('.portal.') ? '' : '/start';
      const page = await harness.openPage(link(`https://${host}${path}`, ACME, 'PlatformAdmin'));
      await page.waitForSelector('#opening');
      // Long enough for the script to have reported, had it been a portal (a real one answers within this).
      await new Promise((r) => setTimeout(r, 500));
      expect(await accounts()).toEqual([]);
      expect(await currentSignpostState(page)).toBeUndefined();
      expect(await page.$('signpost-notice')).toBeNull();
    },
  );

  it('with learning set to never, a shortcut link learns nothing and shows nothing', async () => {
    await setLearn('never');
    const page = await harness.openPage(link(PORTAL, ACME, 'PlatformAdmin'));
    await page.waitForSelector('#opening');
    await new Promise((r) => setTimeout(r, 500));
    expect(await accounts()).toEqual([]);
    expect(await page.$('signpost-notice')).toBeNull();
  });
});

describe('learning from the Switch Role form', () => {
  const SWITCH =
    'https://signin.aws.amazon.com/switchrole?roleName=Deploy&account=acme-prod&displayName=Acme%20deploy';

  it('learns the account, role, display name and chosen colour — and nothing else of the form', async () => {
    await seed([{ alias: 'acme-prod', label: 'Acme prod', signIns: [] }]);
    harness.server.configure({ stayOnSubmit: true });
    const page = await harness.openPage(SWITCH);
    await page.click('input[name=color][value="B7CA9D"]');
    await page.click('#sr_submit');
    const list = await waitForAccounts((l) => l[0]?.signIns.length === 1);
    expect(list).toMatchObject([
      {
        alias: 'acme-prod',
        label: 'Acme prod',
        signIns: [
          { type: 'switch', roleName: 'Deploy', displayName: 'Acme deploy', colour: '#b7ca9d', uses: 1 },
        ],
      },
    ]);
    expect(Object.keys(list[0]!.signIns[0]!).sort()).toEqual(
      ['colour', 'displayName', 'lastUsed', 'roleName', 'type', 'uses'].sort(),
    );
    expect(JSON.stringify(list)).not.toMatch(/csrf|replica-csrf-7f3a9c|redirect/);
    await page.waitForSelector('aria/Undo[role="button"]', { timeout: 5000 });
  });

  it('the form posts on to the console, as AWS’s does, and the role is learned on a new account', async () => {
    const page = await harness.openPage(
      'https://signin.amazonaws-us-gov.com/switchrole?roleName=Audit&account=123456789012',
    );
    await Promise.all([page.waitForNavigation(), page.click('#sr_submit')]);
    expect(new URL(page.url()).hostname).toBe('console.amazonaws-us-gov.com');
    expect(await harness.server.waitForSubmission((s) => s.page === 'switchrole')).toMatchObject({
      fields: { account: '123456789012', roleName: 'Audit' },
    });
    const list = await waitForAccounts((l) => l.length === 1);
    expect(list).toMatchObject([
      {
        partition: 'aws-us-gov',
        accountId: '123456789012',
        signIns: [{ type: 'switch', roleName: 'Audit' }],
      },
    ]);
  });

  it('with learning set to never, a submit learns nothing', async () => {
    await setLearn('never');
    harness.server.configure({ stayOnSubmit: true });
    const page = await harness.openPage(SWITCH);
    await page.click('#sr_submit');
    await page.waitForFunction(() => (window as { __replica?: { submitted: unknown } }).__replica?.submitted);
    await new Promise((r) => setTimeout(r, 500));
    expect(await accounts()).toEqual([]);
  });
});
