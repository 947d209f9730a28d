// @vitest-environment happy-dom
// The account editor and list: inline validation next to the box, saving, deleting with Undo, bulk
// selection, sign-ins, settings and export, as a user sees them.
import { describe, expect, it } from 'vitest';
import { check, click, leave, NOW, renderOptions, settle, type } from './render-options';

const SEED = [
  {
    key: 'pay',
    accountId: '123456789012',
    alias: 'payments-prod',
    label: 'Payments production',
    tags: ['pci'],
    signIns: [
      { type: 'iam' as const, userName: 'admin', uses: 7, lastUsed: 5 },
      { type: 'root' as const, email: 'owner@example.com' },
    ],
  },
  {
    key: 'data',
    accountId: '210987654321',
    label: 'Data lake',
    signIns: [{ type: 'iam' as const, userName: 'analyst' }],
  },
  { key: 'sandbox', alias: 'sandbox-team', label: 'Sandbox', tags: ['dev'] },
];

describe('inline validation', () => {
  it.each([
    ['Account ID', '12345', 'An account ID is exactly 12 digits, like 1234-5678-9012.'],
    ['Account ID', '1234-5678-901x', 'An account ID is exactly 12 digits, like 1234-5678-9012.'],
    [
      'Account alias',
      'My Alias',
      'An alias uses lowercase letters, digits and single hyphens, and starts and ends with a letter or digit.',
    ],
    ['Account alias', '123456789012', 'An alias cannot be a 12-digit number; that is an account ID.'],
    ['Default region', 'europe', 'A region looks like eu-west-1 or us-gov-west-1.'],
    ['Landing page', 'https://evil.example//x', 'A landing page is a console path such as /s3 or /ec2/home.'],
    ['Root user email', 'owner-at-example', 'That is not an email address (expected name@example.com).'],
    [
      'Label',
      'Prod\u0001',
      'A label cannot contain control characters or broken Unicode (a lone surrogate).',
    ],
    [
      'Notes',
      'half \uD800 pair',
      'Notes cannot contain control characters or broken Unicode (a lone surrogate); line breaks and tabs are fine.',
    ],
    [
      'Tags',
      'prod b\u0000ad',
      'The tag “bad” holds a control character or broken Unicode (a lone surrogate); type it again.',
    ],
    [
      'Tags',
      'prod this-tag-is-much-too-long-to-be-a-tag-at-all',
      'The tag “this-tag-is-much-too-long-to-be-a-tag-at-all” is too long: a tag is 1 to 32 characters with no spaces or commas.',
    ],
  ])('%s "%s" shows "%s" next to the box once the user leaves it', async (name, value, message) => {
    const page = await renderOptions();
    await click(page.button('Add account'));
    const box = page.field(name);
    await type(box, value);
    expect(box.getAttribute('aria-invalid')).toBeNull();
    await leave(box);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(page.messageFor(box)).toBe(message);
  });

  it('keeps an account ID in a message on one line (a browser would break it after a dash)', async () => {
    const page = await renderOptions();
    await click(page.button('Add account'));
    const box = page.field('Account ID');
    await type(box, '12345');
    await leave(box);
    const message = page.all(`[id="${box.getAttribute('aria-describedby')}"] .whole`);
    expect(message.map((el) => el.textContent)).toEqual(['1234-5678-9012']);
  });

  it('clears the message as soon as the value is fixed', async () => {
    const page = await renderOptions();
    await click(page.button('Add account'));
    const box = page.field('Account ID');
    await type(box, '1234');
    await leave(box);
    await type(box, '1234 5678 9012');
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(page.messageFor(box)).toBe('');
  });

  it('shows every problem on Save, sends nothing, and needs an account ID, alias or root email', async () => {
    const page = await renderOptions();
    await click(page.button('Add account'));
    await type(page.field('Label'), 'Nameless');
    await click(page.button('Save'));
    expect(page.messageFor(page.field('Account ID'))).toBe(
      'Enter an account ID, an alias or a root user email, so Signpost knows which account this is.',
    );
    expect(page.sent.map((r) => r.type)).not.toContain('accounts.save');
  });

  it('refuses a root email in GovCloud, next to the email box', async () => {
    const page = await renderOptions();
    await click(page.button('Add account'));
    await type(page.field('Account ID'), '111122223333');
    await settle(() => {
      const select = page.field('Partition') as unknown as HTMLSelectElement;
      select.value = 'aws-us-gov';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await type(page.field('Root user email'), 'root@example.com');
    await click(page.button('Save'));
    expect(page.messageFor(page.field('Root user email'))).toMatch(
      /^Root users cannot sign in to the console in GovCloud or China/,
    );
    expect(page.sent.map((r) => r.type)).not.toContain('accounts.save');
  });

  it('marks a user name listed twice (in any case) on the second box', async () => {
    const page = await renderOptions();
    await click(page.button('Add account'));
    await type(page.field('Account ID'), '111122223333');
    await click(page.button('Add IAM user'));
    await click(page.button('Add IAM user'));
    await type(page.field('IAM user name 1'), 'alice');
    await type(page.field('IAM user name 2'), 'Alice');
    await click(page.button('Save'));
    expect(page.messageFor(page.field('IAM user name 1'))).toBe('');
    expect(page.messageFor(page.field('IAM user name 2'))).toBe(
      'Alice is listed twice (user names do not depend on case).',
    );
  });
});

describe('adding and editing', () => {
  it('adds an account with users, colour and tags, and lists it', async () => {
    const page = await renderOptions({ seed: SEED });
    await click(page.button('Add account'));
    await type(page.field('Label'), 'Search staging');
    await type(page.field('Account ID'), '4444-5555-6666');
    await click(page.button('Add IAM user'));
    await type(page.field('IAM user name 1'), 'deployer');
    await check(page.field('Green'));
    await type(page.field('Tags'), 'search, staging');
    await click(page.button('Save'));
    expect(page.rows()).toContain('Search staging');
    const { accounts } = await page.store.list();
    expect(accounts.find((a) => a.label === 'Search staging')).toMatchObject({
      accountId: '444455556666',
      colour: '#2ca02c',
      tags: ['search', 'staging'],
      signIns: [{ type: 'iam', userName: 'deployer', uses: 0, lastUsed: 0 }],
    });
    expect(page.text(page.root.querySelector('.notice'))).toMatch(/Saved Search staging\./);
  });

  it('opens the account named in #account=<key> with its values, and saves an edit keeping usage', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=pay' });
    expect(page.field('Label').value).toBe('Payments production');
    expect(page.field('Account ID').value).toBe('123456789012');
    expect(page.field('IAM user name 1').value).toBe('admin');
    expect(page.field('Root user email').value).toBe('owner@example.com');
    await type(page.field('Label'), 'Payments (prod)');
    await click(page.button('Save'));
    expect(page.rows()).toContain('Payments (prod)');
    const { accounts } = await page.store.list();
    expect(accounts.find((a) => a.key === 'pay')?.signIns[0]).toEqual({
      type: 'iam',
      userName: 'admin',
      uses: 7,
      lastUsed: 5,
    });
  });

  it('says so when #account=<key> names an account that is gone', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=nope' });
    expect(page.has('.editor')).toBe(false);
    expect(page.text(page.root.querySelector('.notice'))).toMatch(/no longer exists/);
  });

  it('removes a user in the editor, and Cancel leaves the account as it was', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=data' });
    await click(page.button('Remove user analyst'));
    expect(page.all('.users input')).toHaveLength(0);
    await click(page.button('Cancel'));
    expect(page.has('.editor')).toBe(false);
    const { accounts } = await page.store.list();
    expect(accounts.find((a) => a.key === 'data')?.signIns).toHaveLength(1);
  });

  it('shows the background refusal above the buttons and keeps the form', async () => {
    const page = await renderOptions({ seed: SEED, fail: { 'accounts.save': 'The disk is full.' } });
    await click(page.button('Add account'));
    await type(page.field('Account ID'), '444455556666');
    await click(page.button('Save'));
    expect(page.text(page.root.querySelector('.editor__error'))).toBe('The disk is full.');
    expect(page.field('Account ID').value).toBe('444455556666');
  });
});

describe('filter, delete and undo', () => {
  it('filters by any word of label, ID, user, email or tag', async () => {
    const page = await renderOptions({ seed: SEED });
    expect(page.rows()).toEqual(['Data lake', 'Payments production', 'Sandbox']);
    await type(page.field('Filter accounts'), 'pci admin');
    expect(page.rows()).toEqual(['Payments production']);
    await type(page.field('Filter accounts'), '2109-8765');
    expect(page.rows()).toEqual(['Data lake']);
    await type(page.field('Filter accounts'), 'nothing-like-this');
    expect(page.text(page.all('.list__empty')[0])).toBe('No account matches “nothing-like-this”.');
  });

  it('deletes one account and puts it back, unchanged, with Undo', async () => {
    const page = await renderOptions({ seed: SEED });
    const before = (await page.store.list()).accounts.find((a) => a.key === 'pay');
    await click(page.button('Delete Payments production'));
    expect(page.rows()).toEqual(['Data lake', 'Sandbox']);
    expect(page.text(page.root.querySelector('.notice__text'))).toBe('Deleted Payments production.');
    await click(page.button('Undo'));
    expect(page.rows()).toEqual(['Data lake', 'Payments production', 'Sandbox']);
    expect((await page.store.list()).accounts.find((a) => a.key === 'pay')).toEqual(before);
  });

  it('bulk-deletes the selected accounts and restores them all with Undo', async () => {
    const page = await renderOptions({ seed: SEED });
    await check(page.field('Select Data lake'));
    await check(page.field('Select Sandbox'));
    await click(page.button('Delete selected (2)'));
    expect(page.rows()).toEqual(['Payments production']);
    expect(page.sent.filter((r) => r.type === 'accounts.delete')).toEqual([
      { type: 'accounts.delete', keys: ['data', 'sandbox'] },
    ]);
    await click(page.button('Undo'));
    expect(page.rows()).toEqual(['Data lake', 'Payments production', 'Sandbox']);
  });

  it('"Select all" selects only what the filter shows', async () => {
    const page = await renderOptions({ seed: SEED });
    await type(page.field('Filter accounts'), 'dev');
    await check(page.field(/^Select all 1 shown$/));
    expect(page.button(/^Delete selected/).textContent).toBe('Delete selected (1)');
    expect(page.model.selected.value).toEqual(new Set(['sandbox']));
  });

  it('deletes one sign-in and brings it back with Undo', async () => {
    const page = await renderOptions({ seed: SEED });
    await click(page.button('Delete sign-in root of Payments production'));
    let pay = (await page.store.list()).accounts.find((a) => a.key === 'pay');
    expect(pay?.signIns.map((s) => s.type)).toEqual(['iam']);
    await click(page.button('Undo'));
    pay = (await page.store.list()).accounts.find((a) => a.key === 'pay');
    expect(pay?.signIns.map((s) => s.type)).toEqual(['iam', 'root']);
  });
});

describe('settings and export', () => {
  it('saves a setting as soon as it changes, and says so', async () => {
    const page = await renderOptions();
    await check(page.field(/^Ask me first/));
    await check(page.field(/^Press Next for me/), false);
    expect(page.sent.filter((r) => r.type === 'settings.save').at(-1)).toEqual({
      type: 'settings.save',
      settings: { learn: 'ask', autoNextRoot: false, fillRememberedUser: true },
    });
    expect(await page.store.settings()).toEqual({
      learn: 'ask',
      autoNextRoot: false,
      fillRememberedUser: true,
    });
    expect(page.text(page.root.querySelector('.settings__status'))).toBe('Settings saved.');
  });

  it('puts the setting back and says why when it cannot be saved', async () => {
    const page = await renderOptions({ fail: { 'settings.save': 'Storage is locked.' } });
    await check(page.field(/^Never/));
    expect(page.field(/^Remember it/).checked).toBe(true);
    expect(page.text(page.root.querySelector('.settings__status'))).toBe(
      'The setting was not saved: Storage is locked.',
    );
  });

  it('exports everything as signpost-export-<date>.json', async () => {
    const page = await renderOptions({ seed: SEED });
    await click(page.button('Export'));
    expect(page.downloads).toHaveLength(1);
    const { fileName, text } = page.downloads[0]!;
    expect(fileName).toMatch(/^signpost-export-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ format: 'signpost', version: 2, exportedAt: new Date(NOW).toISOString() });
    expect(doc.accounts.map((a: { key: string }) => a.key).sort()).toEqual(['data', 'pay', 'sandbox']);
  });
});

describe('keyboard', () => {
  const pressEscape = (el: Element) =>
    settle(() => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));

  it('a new account opens on the Account ID box, the one a person has in hand', async () => {
    const page = await renderOptions({ seed: SEED });
    await click(page.button('Add account'));
    expect(document.activeElement).toBe(page.field('Account ID'));
  });

  it('Escape closes an unchanged editor and puts focus back on the Edit button that opened it', async () => {
    const page = await renderOptions({ seed: SEED });
    const edit = page.button('Edit Data lake');
    edit.focus();
    await click(edit);
    expect(document.activeElement).toBe(page.field('Account ID'));
    await pressEscape(page.field('Account ID'));
    expect(page.has('.editor')).toBe(false);
    expect(document.activeElement).toBe(page.button('Edit Data lake'));
  });

  it('Escape on a changed form asks first: Escape again keeps editing, Discard changes throws it away', async () => {
    const page = await renderOptions({ seed: SEED });
    await click(page.button('Add account'));
    await type(page.field('Account ID'), '1111-2222-3333');
    await pressEscape(page.field('Account ID'));
    expect(page.text(page.all('.editor__discard')[0])).toContain('Discard your changes to this account?');
    expect(document.activeElement).toBe(page.button('Discard changes'));
    await pressEscape(page.button('Discard changes'));
    expect([page.has('.editor__discard'), page.field('Account ID').value]).toEqual([false, '1111-2222-3333']);
    await pressEscape(page.field('Account ID'));
    await click(page.button('Discard changes'));
    expect(page.has('.editor')).toBe(false);
    expect(page.rows()).toHaveLength(SEED.length);
  });
});

describe('an empty list', () => {
  it('offers no selection or bulk delete, only the way to add or import', async () => {
    const page = await renderOptions({ seed: [] });
    expect(page.has('.list__bulk input[type="checkbox"]')).toBe(false);
    expect(page.all('.list__bulk button')).toEqual([]);
    expect(page.text(page.all('.list__empty')[0])).not.toBe('');
  });
});
