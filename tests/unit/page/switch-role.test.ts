// The Switch Role page, end to end through the real background: the person's submit is learned as a switch
// role from the boxes named account, roleName, displayName and color — and from nothing else of the form.
import { describe, expect, it } from 'vitest';
import { run } from '../../../lib/page/run';
import type { Account } from '../../../lib/schema';
import { background, type FakeBackground } from '../../fakes/background';
import { isUserEvent, notices, page, submit, until, type Win } from './fixtures';

const SWITCH_URL = 'https://signin.aws.amazon.com/switchrole?roleName=ReadOnly&account=acme-prod';
// AWS's form as the facts doc describes it: ids undocumented, so these have none Signpost could rely on.
const FORM = `
  <form method="post" action="/switchrole">
    <input type="hidden" name="csrf" value="csrf-secret-123">
    <input type="hidden" name="redirect_uri" value="https://console.aws.amazon.com/console/home?token=abc">
    <input name="account" value="acme-prod">
    <input name="roleName" value="ReadOnly">
    <input name="displayName" value="Prod read-only">
    <label><input type="radio" name="color" value="F2B0A9"> red</label>
    <label><input type="radio" name="color" value="99BCE3" checked> blue</label>
    <input type="password" name="mfa" value="123456">
    <button type="submit">Switch Role</button>
  </form>`;

async function accounts(s: FakeBackground): Promise<Account[]> {
  return ((await s.value({ type: 'accounts.list' })) as { accounts: Account[] }).accounts;
}

/** Names of the inputs whose value the script read. */
function valueReads(win: Win): string[] {
  const reads: string[] = [];
  const value = Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')!;
  Object.defineProperty(win.HTMLInputElement.prototype, 'value', {
    ...value,
    get(this: HTMLInputElement) {
      reads.push(this.name);
      return value.get!.call(this);
    },
  });
  return reads;
}

async function switchPage(url = SWITCH_URL, html = FORM, s = background()) {
  const win = page(url, html);
  const shown = notices(win);
  const send = s.sendFrom(() => win.location.href);
  const status = await run(win.document, win, send, Date.now, { isUserEvent, waitMs: 200 });
  const reads = valueReads(win);
  return { win, s, shown, status, reads, form: win.document.querySelector('form')! };
}

describe('the Switch Role page', () => {
  it('fills nothing and asks nothing until the person submits', async () => {
    const { s, status } = await switchPage();
    expect(status).toBeUndefined();
    expect(s.asked).toEqual([]);
  });

  it('learns the account, role, display name and chosen colour, with an Undo notice', async () => {
    const { win, s, shown, reads, form } = await switchPage();
    submit(win, form);
    await until(() => shown.text().length > 0);
    expect(s.asked.filter((r) => (r as { type: string }).type !== 'signin.done')).toEqual([
      {
        type: 'signin.learn',
        signIn: {
          type: 'switch',
          account: 'acme-prod',
          roleName: 'ReadOnly',
          displayName: 'Prod read-only',
          colour: '99BCE3',
        },
        confirmed: false,
      },
    ]);
    expect(JSON.stringify(s.asked)).not.toMatch(/csrf|token=abc|123456/);
    expect([...new Set(reads)].sort()).toEqual(['account', 'color', 'displayName', 'roleName']);
    expect(await accounts(s)).toMatchObject([
      {
        alias: 'acme-prod',
        signIns: [{ type: 'switch', roleName: 'ReadOnly', displayName: 'Prod read-only', colour: '#99bce3' }],
      },
    ]);
    expect(shown.text()).toEqual(['Signpost saved ReadOnly · acme-prod']);
    expect(win.document.documentElement.dataset.signpost).toBe('learned');
    shown.button('Undo')!.click();
    await until(() => shown.text()[0] === 'Signpost forgot that sign-in.');
    expect(await accounts(s)).toEqual([]);
  });

  it('an empty display name and no colour chosen are left out', async () => {
    const html = FORM.replace('value="Prod read-only"', 'value=" "').replace(' checked', '');
    const { win, s, form } = await switchPage(SWITCH_URL, html);
    submit(win, form);
    await until(() => s.asked.length > 0);
    expect(s.asked[0]).toMatchObject({
      signIn: {
        type: 'switch',
        account: 'acme-prod',
        roleName: 'ReadOnly',
        displayName: undefined,
        colour: undefined,
      },
    });
  });

  it.each([
    [
      'a submit the page’s own script made',
      (win: Win, form: HTMLFormElement) => form.dispatchEvent(new win.Event('submit', { bubbles: true })),
    ],
    [
      'a form without an account',
      (win: Win, form: HTMLFormElement) => {
        form.querySelector<HTMLInputElement>('[name=account]')!.value = '';
        submit(win, form);
      },
    ],
    [
      'a form without a role',
      (win: Win, form: HTMLFormElement) => {
        form.querySelector<HTMLInputElement>('[name=roleName]')!.remove();
        submit(win, form);
      },
    ],
  ])('learns nothing from %s', async (_name, act) => {
    const { win, s, form } = await switchPage();
    act(win, form);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(s.asked).toEqual([]);
  });

  it('with learning set to never, a submit learns nothing and shows nothing', async () => {
    const s = background();
    await s.value({
      type: 'settings.save',
      settings: { learn: 'never', autoNextRoot: true, fillRememberedUser: true },
    });
    const { win, shown, form } = await switchPage(SWITCH_URL, FORM, s);
    submit(win, form);
    await until(() => s.log.length > 1);
    expect([await accounts(s), shown.text()]).toEqual([[], []]);
  });

  it('the same form on the sign-in page is not a switch role', async () => {
    const { win, s, form } = await switchPage('https://signin.aws.amazon.com/signin', FORM);
    submit(win, form);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.asked.filter((r) => (r as { type: string }).type === 'signin.learn')).toEqual([]);
    expect(await accounts(s)).toEqual([]);
  });
});
