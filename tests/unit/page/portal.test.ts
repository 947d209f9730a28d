// The access portal's script, end to end through the real background (tests/fakes/background.ts): a
// shortcut link is learned with an Undo notice, a hashchange to another link learns that one, and a portal
// page that is not a link, a lookalike host or a frame gets nothing — and the page itself is never read.
import { describe, expect, it } from 'vitest';
import { accountDraftSchema } from '../../../lib/draft';
import { runPortal } from '../../../lib/page/portal';
import type { Account } from '../../../lib/schema';
import { background, type FakeBackground } from '../../fakes/background';
import { notices, page, until, type Win } from './fixtures';

const LINK = 'https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=AdminAccess';
// A portal page with things on it a script must leave alone.
const PORTAL_HTML =
  '<form><input name="username" value="alice@corp.example"><input type="password" value="hunter2"></form>' +
  '<div id="accounts">Prod 123456789012</div>';

const SEED = 'Already signed in through this portal';

/** The accounts the test is about (the seed of `usingPortal` left out). */
async function accounts(s: FakeBackground): Promise<Account[]> {
  const { accounts } = (await s.value({ type: 'accounts.list' })) as { accounts: Account[] };
  return accounts.filter((a) => a.label !== SEED);
}

/** A person who already uses the portal (another account's role on it): its links are learned as set. */
async function usingPortal(): Promise<FakeBackground> {
  const s = background();
  await s.deps.store.save(
    accountDraftSchema.parse({
      accountId: '999999999999',
      label: SEED,
      signIns: [{ type: 'sso', startUrl: 'https://d-1234567890.awsapps.com/start', roleName: 'Seed' }],
    }),
  );
  return s;
}

/** Records every way the script could read the page: queries, input values, text. */
function watchReads(win: Win): string[] {
  const reads: string[] = [];
  for (const name of [
    'querySelector',
    'querySelectorAll',
    'getElementById',
    'getElementsByTagName',
  ] as const) {
    const original = win.Document.prototype[name] as (...args: unknown[]) => unknown;
    (win.Document.prototype as unknown as Record<string, unknown>)[name] = function (
      this: Document,
      ...args: unknown[]
    ) {
      reads.push(name);
      return original.apply(this, args);
    };
  }
  const value = Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')!;
  Object.defineProperty(win.HTMLInputElement.prototype, 'value', {
    ...value,
    get(this: HTMLInputElement) {
      reads.push(`value of ${this.name || this.type}`);
      return value.get!.call(this);
    },
  });
  return reads;
}

function portal(url: string, s = background()) {
  const win = page(url, PORTAL_HTML);
  const shown = notices(win);
  const reads = watchReads(win);
  const started = runPortal(win.document, win, s.sendFrom(() => win.location.href) as never, 8000);
  return { win, s, shown, reads, started };
}

describe('on an access portal, a shortcut link is learned', () => {
  it('with a notice naming the role and account, and Undo takes it back', async () => {
    const { win, s, shown, reads } = portal(LINK, await usingPortal());
    await until(() => shown.text().length > 0);
    expect(shown.text()).toEqual(['Signpost saved AdminAccess · 1234-5678-9012']);
    expect(win.document.documentElement.dataset.signpost).toBe('learned');
    expect(await accounts(s)).toMatchObject([
      { accountId: '123456789012', signIns: [{ type: 'sso', roleName: 'AdminAccess' }] },
    ]);
    shown.button('Undo')!.click();
    await until(() => shown.text()[0] !== 'Signpost saved AdminAccess · 1234-5678-9012');
    expect(shown.text()).toEqual(['Signpost forgot that sign-in.']);
    expect(await accounts(s)).toEqual([]);
    // Its own address only: no query of the page, no box's value.
    expect(reads).toEqual([]);
  });

  it('a new link in the same page (the portal is a single-page app) is learned too', async () => {
    const { win, s, shown } = portal('https://d-1234567890.awsapps.com/start/#/', await usingPortal());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(s.asked).toEqual([]);
    win.location.hash = '#/console?account_id=210987654321&role_name=ReadOnly';
    await until(() => shown.text().length > 0);
    expect(await accounts(s)).toMatchObject([
      { accountId: '210987654321', signIns: [{ roleName: 'ReadOnly' }] },
    ]);
  });

  // A portal none of the saved roles uses is asked about whatever the setting (a crafted link must not
  // learn silently); with learning set to ask, every portal is.
  it.each([
    [
      'a link into a portal the person has not used yet asks first, even with learning set to always',
      'always',
    ],
    ['with learning set to ask, the notice asks first and Save learns it', 'ask'],
  ] as const)('%s', async (_, learn) => {
    const s = background();
    if (learn === 'ask')
      await s.value({
        type: 'settings.save',
        settings: { learn, autoNextRoot: true, fillRememberedUser: true },
      });
    const { shown } = portal(LINK, s);
    await until(() => shown.text().length > 0);
    expect(shown.text()).toEqual(['Save AdminAccess · 123456789012 in Signpost?']);
    expect(await accounts(s)).toEqual([]);
    shown.button('Save')!.click();
    await until(() => shown.text()[0]?.startsWith('Signpost saved'));
    expect(await accounts(s)).toHaveLength(1);
  });

  it('with learning set to never, nothing is learned and nothing is shown', async () => {
    const s = background();
    await s.value({
      type: 'settings.save',
      settings: { learn: 'never', autoNextRoot: true, fillRememberedUser: true },
    });
    const { win, shown } = portal(LINK, s);
    await until(() => s.log.length > 1);
    expect([await accounts(s), shown.text(), win.document.documentElement.dataset.signpost]).toEqual([
      [],
      [],
      undefined,
    ]);
  });
});

describe('anywhere else, the page gets nothing', () => {
  it.each([
    'https://d-1234567890.awsapps.com.evil.test/start/#/console?account_id=123456789012&role_name=AdminAccess',
    'https://a.b.awsapps.com/start/#/console?account_id=123456789012&role_name=AdminAccess',
    'https://ssoins-xyz.portal.eu-west-1.app.aws/#/console?account_id=123456789012&role_name=AdminAccess',
    'https://d-1234567890.awsapps.com/elsewhere/#/console?account_id=123456789012&role_name=AdminAccess',
  ])('%s', async (url) => {
    const { win, s, shown, reads } = portal(url);
    await until(() => s.log.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(s.log.map((l) => l.reply.ok)).toEqual([false]);
    expect([await accounts(s), shown.text(), win.document.documentElement.dataset.signpost]).toEqual([
      [],
      [],
      undefined,
    ]);
    expect(reads).toEqual([]);
  });

  it('a portal inside a frame', async () => {
    const win = page(LINK, PORTAL_HTML);
    Object.defineProperty(win, 'top', { value: {} });
    const s = background();
    expect(runPortal(win.document, win, s.sendFrom(() => win.location.href) as never)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(s.asked).toEqual([]);
  });

  it('a portal page that is not a shortcut link, or a link missing its role', async () => {
    const { win, s } = portal('https://d-1234567890.awsapps.com/start/#/?account_id=123456789012');
    win.location.hash = '#/console?account_id=123456789012';
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(s.asked).toEqual([]);
  });
});
