// @vitest-environment happy-dom
// Identity Center and switch-role sign-ins on the options page: listed with their kind, added, edited and
// removed in the editor with the schema's messages, deleted with Undo, and kept by an edit of anything else.
import { describe, expect, it } from 'vitest';
import { validateRoles } from '../../../lib/options/role-form';
import { signInWho } from '../../../lib/sign-in-kinds';
import { click, leave, renderOptions, settle, type } from './render-options';

const SEED = [
  {
    key: 'shr',
    accountId: '123456789012',
    label: 'Shared services',
    signIns: [
      { type: 'iam' as const, userName: 'operator' },
      {
        type: 'sso' as const,
        startUrl: 'https://mycorp.awsapps.com/start',
        roleName: 'AdministratorAccess',
        uses: 4,
        lastUsed: 9,
      },
      {
        type: 'switch' as const,
        roleName: 'ops/ReadOnly',
        displayName: 'Shared RO',
        colour: '#2ca02c',
        uses: 2,
        lastUsed: 7,
      },
    ],
  },
  { key: 'ali', alias: 'legacy-app', label: 'Legacy' },
];

const inRow = (page: Awaited<ReturnType<typeof renderOptions>>, key: string) =>
  page.all('.account').find((li) => li.querySelector(`#account-${key}`))!;

describe('options: the account row', () => {
  it('lists each role with its kind and its portal or display name', async () => {
    const page = await renderOptions({ seed: SEED });
    const signIns = [...inRow(page, 'shr').querySelectorAll('.signin')].map((li) => page.text(li));
    expect(signIns).toEqual([
      'operator ×',
      'Identity Center AdministratorAccess mycorp.awsapps.com ×',
      'switch role ops/ReadOnly Shared RO ×',
    ]);
  });

  it('deletes a role and brings it back, usage and all, with Undo', async () => {
    const page = await renderOptions({ seed: SEED });
    await click(page.button('Delete sign-in AdministratorAccess (mycorp.awsapps.com) of Shared services'));
    let shared = (await page.store.list()).accounts.find((a) => a.key === 'shr')!;
    expect(shared.signIns.map((s) => s.type)).toEqual(['iam', 'switch']);
    await click(page.button('Undo'));
    shared = (await page.store.list()).accounts.find((a) => a.key === 'shr')!;
    expect(shared.signIns.find((s) => s.type === 'sso')).toMatchObject({ uses: 4, lastUsed: 9 });
  });
});

describe('options: the editor', () => {
  it('opens with the roles in their boxes, and an edit of the label keeps them and their usage', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=shr' });
    expect(page.field('Start URL').value).toBe('https://mycorp.awsapps.com/start');
    expect(page.field('Permission set').value).toBe('AdministratorAccess');
    expect(page.field('Role name (with its path, if any)').value).toBe('ops/ReadOnly');
    expect(page.field('Display name (optional)').value).toBe('Shared RO');
    expect(page.field('Colour (optional)').value).toBe('#2ca02c');
    await type(page.field('Label'), 'Shared');
    await click(page.button('Save'));
    const shared = (await page.store.list()).accounts.find((a) => a.key === 'shr')!;
    expect(shared.label).toBe('Shared');
    expect(shared.signIns).toEqual([
      { type: 'iam', userName: 'operator', uses: 0, lastUsed: 0 },
      {
        type: 'sso',
        startUrl: 'https://mycorp.awsapps.com/start',
        roleName: 'AdministratorAccess',
        uses: 4,
        lastUsed: 9,
      },
      {
        type: 'switch',
        roleName: 'ops/ReadOnly',
        displayName: 'Shared RO',
        colour: '#2ca02c',
        uses: 2,
        lastUsed: 7,
      },
    ]);
  });

  it('adds an Identity Center role, reading the start URL as people paste it', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=shr' });
    await click(page.button('Remove role AdministratorAccess'));
    await click(page.button('Add Identity Center role'));
    await type(page.field('Start URL'), 'd-1234567890.awsapps.com/start/#/');
    await type(page.field('Permission set'), 'ViewOnly');
    await click(page.button('Save'));
    const shared = (await page.store.list()).accounts.find((a) => a.key === 'shr')!;
    expect(shared.signIns.filter((s) => s.type === 'sso')).toEqual([
      {
        type: 'sso',
        startUrl: 'https://d-1234567890.awsapps.com/start',
        roleName: 'ViewOnly',
        uses: 0,
        lastUsed: 0,
      },
    ]);
  });

  it('adds a switch role to an account known by its alias', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=ali' });
    await click(page.button('Add switch role'));
    await type(page.field('Role name (with its path, if any)'), '/team/Deployer');
    await type(page.field('Display name (optional)'), 'Legacy deploy');
    await type(page.field('Colour (optional)'), '#FF7F0E');
    await click(page.button('Save'));
    const legacy = (await page.store.list()).accounts.find((a) => a.key === 'ali')!;
    expect(legacy.signIns).toEqual([
      {
        type: 'switch',
        roleName: 'team/Deployer',
        displayName: 'Legacy deploy',
        colour: '#ff7f0e',
        uses: 0,
        lastUsed: 0,
      },
    ]);
    expect(page.text(inRow(page, 'ali').querySelector('.signin'))).toBe(
      'switch role team/Deployer Legacy deploy ×',
    );
  });

  it.each([
    ['Start URL', 'https://d-1234567890.awsapps.com.evil.test/start', /^That is not an AWS access portal/],
    ['Start URL', 'http://d-1234567890.awsapps.com/start', /^A start URL begins with https:\/\/\.$/],
    ['Start URL', 'https://mycorp.awsapps.com/start/extra', /^An access portal address ends in \/start/],
    ['Permission set', 'Admin Access', /^A permission set name is 1 to 32 letters, digits or \+/],
  ])('an Identity Center role\'s %s "%s" gets the schema\'s message', async (name, value, message) => {
    const page = await renderOptions({ seed: SEED, hash: '#account=ali' });
    await type(page.field('Account ID'), '4444-5555-6666');
    await click(page.button('Add Identity Center role'));
    const box = page.field(name);
    await type(box, value);
    await leave(box);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(page.messageFor(box)).toMatch(message);
  });

  it('refuses an Identity Center role without an account ID, or with a portal in another partition', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=ali' });
    await click(page.button('Add Identity Center role'));
    await type(page.field('Start URL'), 'https://mycorp.awsapps.com/start');
    await type(page.field('Permission set'), 'Admin');
    await click(page.button('Save'));
    expect(page.messageFor(page.field('Start URL'))).toBe(
      'An Identity Center sign-in needs the account ID: the portal link names the account by it.',
    );
    await type(page.field('Account ID'), '4444-5555-6666');
    await settle(() => {
      const select = page.field('Partition') as unknown as HTMLSelectElement;
      select.value = 'aws-us-gov';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(page.messageFor(page.field('Start URL'))).toMatch(/^This access portal is in another partition/);
    const legacy = (await page.store.list()).accounts.find((a) => a.key === 'ali')!;
    expect(legacy.signIns).toEqual([]);
  });

  it('marks a switch role listed twice (in any case), a bad role name, display name and colour', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=shr' });
    await click(page.button('Add switch role'));
    const names = page.all<HTMLInputElement>('.role--switch input[id$="-roleName"]');
    await type(names[1]!, 'OPS/readonly');
    await click(page.button('Save'));
    expect(page.messageFor(names[1]!)).toBe(
      'OPS/readonly is listed twice (role names do not depend on case).',
    );
    await type(names[1]!, 'ops//Admin');
    expect(page.messageFor(names[1]!)).toMatch(/^A role name is 1 to 64 letters/);
    const colours = page.all<HTMLInputElement>('.role--switch input[id$="-colour"]');
    await type(colours[1]!, 'green');
    expect(page.messageFor(colours[1]!)).toBe('A colour is written #rrggbb, like #1f77b4.');
  });
});

describe('options: the editor saves only what the person changed, roles included', () => {
  it('a role imported elsewhere while the editor is open survives a Save that removes another role', async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=shr' });
    await page.store.importDrafts([
      {
        partition: 'aws',
        accountId: '123456789012',
        signIns: [{ type: 'sso', startUrl: 'https://other.awsapps.com/start', roleName: 'Billing' }],
      },
    ]);
    await click(page.button('Remove role ops/ReadOnly'));
    await click(page.button('Save'));
    const shared = (await page.store.list()).accounts.find((a) => a.key === 'shr')!;
    expect(shared.signIns.map((s) => `${s.type}:${signInWho(s)}`)).toEqual([
      'iam:operator',
      'sso:AdministratorAccess',
      'sso:Billing',
    ]);
  });

  it("a switch role's display name changed here and elsewhere: Save is refused, the store kept", async () => {
    const page = await renderOptions({ seed: SEED, hash: '#account=shr' });
    await page.store.importDrafts([
      {
        partition: 'aws',
        accountId: '123456789012',
        signIns: [{ type: 'switch', roleName: 'ops/ReadOnly', displayName: 'Renamed elsewhere' }],
      },
    ]);
    await type(page.field('Display name (optional)'), 'Renamed here');
    await click(page.button('Save'));
    expect(page.text(page.root.querySelector('.editor__error'))).toMatch(/changed since you opened it/);
    const shared = (await page.store.list()).accounts.find((a) => a.key === 'shr')!;
    expect(shared.signIns.find((s) => s.type === 'switch')).toMatchObject({
      displayName: 'Renamed elsewhere',
    });
  });
});

describe('validateRoles', () => {
  const aws = { partition: 'aws' as const, hasAccountId: true };
  it('skips rows left empty and makes the sign-ins of the others', () => {
    expect(
      validateRoles(
        [
          { type: 'switch', startUrl: '', roleName: ' ', displayName: '', colour: '' },
          {
            type: 'sso',
            startUrl: 'mycorp.awsapps.com/start',
            roleName: 'Admin',
            displayName: '',
            colour: '',
          },
        ],
        aws,
      ),
    ).toEqual({
      errors: {},
      signIns: [{ type: 'sso', startUrl: 'https://mycorp.awsapps.com/start', roleName: 'Admin' }],
    });
  });

  it('allows one permission set in two portals, not twice in one', () => {
    const row = (startUrl: string, roleName: string) => ({
      type: 'sso' as const,
      startUrl,
      roleName,
      displayName: '',
      colour: '',
    });
    const two = validateRoles(
      [row('https://a.awsapps.com/start', 'Admin'), row('https://b.awsapps.com/start', 'Admin')],
      aws,
    );
    expect(two.errors).toEqual({});
    const twice = validateRoles(
      [row('https://a.awsapps.com/start', 'Admin'), row('a.awsapps.com/start/', 'admin')],
      aws,
    );
    expect(twice.errors).toEqual({
      'role:1:roleName': 'admin is listed twice (role names do not depend on case).',
    });
  });
});
