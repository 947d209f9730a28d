// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Request } from '../../../lib/messages';
import { type Account, DEFAULT_SETTINGS } from '../../../lib/schema';
import { account, iam, NOW } from './fixtures';
import { renderPopup } from './render-popup';

const data = account({
  key: 'data',
  accountId: '210987654321',
  label: 'Data lake',
  signIns: [iam('analyst')],
});

/** A background that saves drafts the way accounts.save answers: the stored record. */
function saving(request: Request) {
  if (request.type !== 'accounts.save') throw new Error(`unexpected ${request.type}`);
  const draft = request.account;
  const saved: Account = {
    key: 'new',
    partition: (draft.partition ?? 'aws') as Account['partition'],
    accountId: draft.accountId,
    alias: draft.alias,
    tags: [],
    signIns: (draft.signIns ?? []).map((s) =>
      s.type === 'iam'
        ? { type: 'iam', userName: s.userName, uses: 0, lastUsed: 0 }
        : { ...s, uses: 0, lastUsed: 0 },
    ),
    createdAt: NOW,
    updatedAt: NOW,
  };
  return { account: saved, merged: false, settings: DEFAULT_SETTINGS };
}

function field(container: HTMLElement, label: string): HTMLInputElement {
  const wrapper = [...container.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label));
  return wrapper!.querySelector('input')!;
}

describe('popup: no accounts yet', () => {
  it('explains that Signpost learns as you sign in and offers Import and Add', async () => {
    const popup = await renderPopup([]);
    const text = popup.container.textContent ?? '';
    expect(text).toContain('No AWS accounts yet');
    expect(text).toContain('Signpost learns as you sign in');
    expect(popup.listbox()).toBeNull();
    await popup.click(popup.button('Import…')!);
    expect(popup.deps.openOptions).toHaveBeenCalledWith('import');
    expect(popup.deps.close).toHaveBeenCalledOnce();
  });

  it('opens quick add from the Add button', async () => {
    const popup = await renderPopup([]);
    const addButtons = [...popup.container.querySelectorAll('button')].filter(
      (b) => b.textContent === 'Add account',
    );
    await popup.click(addButtons[0]!);
    expect(popup.container.querySelector('form')).not.toBeNull();
    expect(document.activeElement).toBe(field(popup.container, 'Account ID, alias or sign-in URL'));
  });
});

describe('popup: no match', () => {
  it('offers to add a typed account ID and carries it into quick add', async () => {
    const popup = await renderPopup([data]);
    await popup.type('1111-2222-3333');
    expect(popup.container.textContent).toContain('Nothing matches “1111-2222-3333”.');
    await popup.click(popup.button('Add 1111-2222-3333')!);
    expect(field(popup.container, 'Account ID, alias or sign-in URL').value).toBe('1111-2222-3333');
    expect(document.activeElement).toBe(field(popup.container, 'IAM user name'));
  });

  it('offers nothing to add when the text is not an account, and says what can be searched', async () => {
    const popup = await renderPopup([data]);
    await popup.type('no such thing');
    expect(popup.button(/^Add no such/)).toBeUndefined();
    expect(popup.container.textContent).toContain('Search by label, alias, account ID');
  });

  it('opens quick add when Enter is pressed on an addable query with no results', async () => {
    const popup = await renderPopup([data]);
    await popup.type('new-alias');
    await popup.press('Enter');
    expect(field(popup.container, 'Account ID, alias or sign-in URL').value).toBe('new-alias');
  });
});

describe('popup: quick add', () => {
  async function openAdd(reply = saving) {
    const popup = await renderPopup([data], { reply });
    await popup.click(popup.button('Add account')!);
    const form = popup.container.querySelector('form')!;
    const fill = async (accountText: string, userName = '') => {
      await act(async () => {
        const a = field(popup.container, 'Account ID, alias or sign-in URL');
        const u = field(popup.container, 'IAM user name');
        a.value = accountText;
        a.dispatchEvent(new Event('input', { bubbles: true }));
        u.value = userName;
        u.dispatchEvent(new Event('input', { bubbles: true }));
      });
    };
    const submit = async () => {
      await popup.click(popup.container.querySelector('button[type="submit"]')!);
    };
    return { popup, form, fill, submit };
  }

  it.each([
    ['', '', 'Enter an account ID, alias or sign-in URL.'],
    ['12345', '', 'An account ID is exactly 12 digits, like 1234-5678-9012.'],
    ['https://signin.aws.amazon.com/', '', 'That URL does not name an account.'],
    ['123456789012', 'bad name!', 'An IAM user name is 1 to 64 letters'],
  ])('shows an inline message for %j / %j and saves nothing', async (accountText, userName, message) => {
    const { popup, fill, submit } = await openAdd();
    await fill(accountText, userName);
    await submit();
    const error = popup.container.querySelector('.field__error')!;
    expect(error.textContent).toContain(message);
    const invalid = popup.container.querySelector('[aria-invalid="true"]')!;
    expect(invalid.getAttribute('aria-describedby')).toBe(error.id);
    expect(popup.requests.some((r) => r.type === 'accounts.save')).toBe(false);
  });

  it('saves a pasted sign-in URL with a user name and shows the new sign-in', async () => {
    const { popup, fill, submit } = await openAdd();
    await fill('https://123456789012.signin.aws.amazon.com/console', 'admin');
    await submit();
    expect(popup.requests.at(-1)).toEqual({
      type: 'accounts.save',
      account: { partition: 'aws', accountId: '123456789012', signIns: [{ type: 'iam', userName: 'admin' }] },
    });
    expect(popup.search().value).toBe('1234-5678-9012');
    expect(popup.options().map((o) => o.getAttribute('aria-label'))).toEqual(['1234-5678-9012, admin']);
    expect(popup.container.querySelector('[role="status"]')!.textContent).toBe(
      'Saved admin · 1234-5678-9012.',
    );
    // The search shows the new account with its text selected: the next keystroke starts a new search.
    const box = popup.search();
    expect([document.activeElement, box.selectionStart, box.selectionEnd]).toEqual([
      box,
      0,
      box.value.length,
    ]);
  });

  it('opens an empty form from + when the search names no account', async () => {
    const popup = await renderPopup([data], { reply: saving });
    await popup.type('no such thing');
    await popup.click(popup.button('Add account')!);
    expect(popup.container.querySelector('h1')!.textContent).toBe('Add an account');
    expect(field(popup.container, 'Account ID, alias or sign-in URL').value).toBe('');
  });

  it('+ on a search naming a saved account says it adds a user to it, and says so once saved', async () => {
    const withBob = { ...data, signIns: [...data.signIns, iam('bob')] };
    const popup = await renderPopup([data], { reply: () => ({ account: withBob, merged: true }) });
    await popup.type('2109-8765-4321');
    await popup.click(popup.button('Add account')!);
    expect(popup.container.querySelector('h1')!.textContent).toBe('Add a user to Data lake');
    expect(document.activeElement).toBe(field(popup.container, 'IAM user name'));
    await act(async () => {
      const u = field(popup.container, 'IAM user name');
      u.value = 'bob';
      u.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.click(popup.container.querySelector('button[type="submit"]')!);
    expect(popup.container.querySelector('[role="status"]')!.textContent).toBe('Added bob to Data lake.');
  });

  it('an account ID typed as the user name is not saved as one until the person says so', async () => {
    const { popup, fill, submit } = await openAdd();
    await fill('2109-8765-4321', '1111-2222-3333');
    await submit();
    expect(popup.container.querySelector('.field__error')!.textContent).toContain(
      'That looks like an account ID, not an IAM user name.',
    );
    expect(popup.requests.some((r) => r.type === 'accounts.save')).toBe(false);
    await submit();
    expect(popup.requests.at(-1)).toMatchObject({
      type: 'accounts.save',
      account: { accountId: '210987654321', signIns: [{ type: 'iam', userName: '1111-2222-3333' }] },
    });
  });

  it('shows the background’s reason when it refuses to save, and stays in the form', async () => {
    const { popup, fill, submit } = await openAdd(() => {
      throw new Error('That alias already belongs to another account.');
    });
    await fill('prod');
    await submit();
    expect(popup.container.querySelector('[role="alert"]')!.textContent).toBe(
      'That alias already belongs to another account.',
    );
    expect(popup.container.querySelector('form')).not.toBeNull();
  });

  it('goes back to the list with Escape or Cancel', async () => {
    const { popup } = await openAdd();
    await popup.press('Escape', {}, field(popup.container, 'IAM user name'));
    expect(popup.container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(popup.search());
    expect(popup.deps.close).not.toHaveBeenCalled();
    await popup.click(popup.button('Add account')!);
    await popup.click(popup.button('Cancel')!);
    expect(popup.options()).toHaveLength(1);
  });
});
