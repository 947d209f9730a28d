// @vitest-environment happy-dom
// The options page while something else writes: a sign-in learned in another tab (or an import in another
// window) between the moment the page read an account and the moment it writes it must survive the
// editor's Save and the page's Undo; a field changed on both sides is refused with a plain message.
import { describe, expect, it } from 'vitest';
import { signInWho } from '../../../lib/sign-in-kinds';
import { click, renderOptions, type } from './render-options';

const SEED = [
  {
    key: 'pay',
    accountId: '123456789012',
    label: 'Payments production',
    signIns: [
      { type: 'iam' as const, userName: 'admin' },
      { type: 'iam' as const, userName: 'ops' },
    ],
  },
];

type Page = Awaited<ReturnType<typeof renderOptions>>;

/** Another tab's write: the same background and store, not through this page. */
async function learnElsewhere(page: Page, userName: string) {
  await page.store.importDrafts([
    { partition: 'aws', accountId: '123456789012', signIns: [{ type: 'iam', userName }] },
  ]);
}

const users = async (page: Page) =>
  (await page.store.list()).accounts.find((a) => a.key === 'pay')?.signIns.map(signInWho);

describe('the editor saves only what the person changed', () => {
  it('a user learned elsewhere while the editor is open is still there after Save', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=pay' });
    await learnElsewhere(page, 'carol');
    await type(page.field('Label'), 'Payments (prod)');
    await click(page.button('Remove user ops'));
    await click(page.button('Save'));
    expect(await users(page)).toEqual(['admin', 'carol']);
    expect((await page.store.list()).accounts[0]?.label).toBe('Payments (prod)');
  });

  it('a label changed elsewhere and here: Save is refused in plain words, the form and the store kept', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=pay' });
    await page.store.importDrafts([
      { partition: 'aws', accountId: '123456789012', label: 'Renamed elsewhere' },
    ]);
    await type(page.field('Label'), 'Renamed here');
    await click(page.button('Save'));
    expect(page.text(page.root.querySelector('.editor__error'))).toMatch(
      /This account changed since you opened it .* reload/,
    );
    expect(page.field('Label').value).toBe('Renamed here');
    expect((await page.store.list()).accounts[0]?.label).toBe('Renamed elsewhere');
  });
});

describe('Undo on the options page keeps what was written since', () => {
  it('Undo of a sign-in delete brings it back next to a user learned in between', async () => {
    const page = await renderOptions({ seed: SEED });
    await click(page.button('Delete sign-in ops of Payments production'));
    await learnElsewhere(page, 'dave');
    await click(page.button('Undo'));
    expect(await users(page)).toEqual(['admin', 'dave', 'ops']);
  });

  it('Undo of an account delete joins the account learned again in between', async () => {
    const page = await renderOptions({ seed: SEED });
    await click(page.button('Delete Payments production'));
    await learnElsewhere(page, 'erin');
    await click(page.button('Undo'));
    const { accounts } = await page.store.list();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.signIns.map((s) => (s.type === 'iam' ? s.userName : '')).sort()).toEqual([
      'admin',
      'erin',
      'ops',
    ]);
    expect(accounts[0]?.label).toBe('Payments production');
  });
});
