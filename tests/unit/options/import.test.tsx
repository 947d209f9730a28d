// @vitest-environment happy-dom
// Import through the page: choose a file, see what would change (rejected rows by line and reason),
// confirm in one message; a file that cannot be read changes nothing and says why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseFile, click, renderOptions, type } from './render-options';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');

const EXISTING = [
  {
    key: 'prod',
    accountId: '222222222222',
    label: 'Production',
    signIns: [{ type: 'iam' as const, userName: 'alice', uses: 4, lastUsed: 9 }],
  },
  {
    key: 'staging',
    accountId: '666666666666',
    label: 'Staging',
    tags: ['staging', 'ci'],
    signIns: [{ type: 'iam' as const, userName: 'deploy' }],
  },
];

describe('import preview', () => {
  it('shows counts, lists and each rejected row with its line and reason, and writes nothing yet', async () => {
    const page = await renderOptions({ seed: EXISTING });
    await chooseFile(page.field('Import file'), 'accounts.csv', fixture('accounts.csv'));
    expect(page.text(page.root.querySelector('.preview__title'))).toBe('Preview of accounts.csv');
    expect(page.text(page.root.querySelector('.preview__format'))).toBe('Read as: CSV.');
    expect(page.all('.count').map(page.text)).toEqual(['3 new', '1 updated', '1 unchanged', '2 rejected']);
    expect(page.all('.preview__item--rejected').map(page.text)).toEqual([
      'Line 7 12345 is neither an account ID (12 digits) nor an alias.',
      'Line 8 No account ID, alias or root email.',
    ]);
    expect(page.text(page.root.querySelector('.preview__warning'))).toBe(
      'Columns Signpost does not use were ignored: Owner.',
    );
    const updated = page.all('.preview__group')[2]!;
    expect(page.text(updated)).toMatch(
      /Line 2 Production .*alias: acme-prod.*adds users bob.*root email root\+prod@example.com.*adds tags prod, critical/,
    );
    expect(page.sent.map((r) => r.type)).not.toContain('accounts.import');
    expect((await page.store.list()).accounts).toHaveLength(2);
  });

  it('imports on Confirm with one accounts.import message and reports the result', async () => {
    const page = await renderOptions({ seed: EXISTING });
    await chooseFile(page.field('Import file'), 'accounts.csv', fixture('accounts.csv'));
    await click(page.button('Confirm import (3 new, 1 updated)'));
    expect(page.sent.filter((r) => r.type === 'accounts.import')).toHaveLength(1);
    expect(page.text(page.root.querySelector('.import__done'))).toBe(
      'Import finished: 3 added, 1 updated, 1 unchanged.',
    );
    expect(page.rows()).toEqual(['GovCloud', 'Legacy, old', 'Marketing site', 'Production', 'Staging']);
    const prod = (await page.store.list()).accounts.find((a) => a.key === 'prod')!;
    expect(prod.signIns.map((s) => (s.type === 'iam' ? `${s.userName}:${s.uses}` : s.type))).toEqual([
      'alice:4',
      'bob:0',
      'root',
    ]);
  });

  it('changes nothing for a file it cannot read, and says why', async () => {
    const page = await renderOptions({ seed: EXISTING });
    const before = await page.store.list();
    await chooseFile(
      page.field('Import file'),
      'broken.json',
      '{\n  "Accounts": [\n    {"Id": "111111111111",\n  ]\n}',
    );
    const alert = page.root.querySelector('[role="alert"]');
    expect(page.text(alert)).toBe(
      'Nothing was imported from broken.json. This file is not valid JSON: the error is on line 4.',
    );
    expect(page.has('.preview')).toBe(false);
    expect(page.sent.map((r) => r.type)).toEqual(['accounts.list']);
    expect(await page.store.list()).toEqual(before);
  });

  it('imports nothing from a credentials file and shows none of its secrets', async () => {
    const page = await renderOptions();
    await chooseFile(page.field('Import file'), 'credentials', fixture('aws-credentials.ini'));
    expect(page.all('.preview__item--rejected').map(page.text)).toEqual([
      'Line 1 This looks like a credentials file; Signpost never stores access keys. Nothing here was imported.',
      'Line 5 This looks like a credentials file; Signpost never stores access keys. Nothing here was imported.',
    ]);
    expect(page.button('Confirm import').disabled).toBe(true);
    expect(page.text(page.root.querySelector('.preview'))).toMatch(/every row was rejected/);
    expect(document.body.innerHTML).not.toMatch(/AKIA|EXAMPLEKEY|SESSIONTOKEN/);
  });

  it('keeps the labels a user chose when importing an AWS config, filling only what is missing', async () => {
    const page = await renderOptions({ seed: EXISTING });
    await chooseFile(page.field('Import file'), 'config', fixture('aws-config.ini'));
    // Staging only gains its switch role; the roles are what the import adds, never a rename.
    expect(page.all('.count').map(page.text)).toEqual(['2 new', '2 updated', '0 unchanged', '3 rejected']);
    const updated = page.text(page.all('.preview__group')[2]);
    expect(updated).toMatch(
      /Lines 11, 17 Production .*Default region: eu-west-1.*adds Identity Center role AdministratorAccess on corp.*adds Identity Center role ReadOnlyAccess on corp/,
    );
    expect(updated).toMatch(/Line 23 Staging .*adds switch role Deploy/);
    expect(page.text(page.all('.preview__group')[1])).toMatch(/Line 30 gov .*switch role Operator/);
    await click(page.button(/^Confirm import/));
    const accounts = (await page.store.list()).accounts;
    expect(accounts.map((a) => [a.label, a.region]).sort()).toEqual([
      ['Production', 'eu-west-1'],
      ['Staging', undefined],
      ['gov', 'us-gov-west-1'],
      ['team.dotted', undefined],
    ]);
  });

  it('restores a Signpost export, and applies its settings only when asked', async () => {
    const page = await renderOptions();
    await chooseFile(page.field('Import file'), 'backup.json', fixture('signpost-export.json'));
    const apply = page.field('Also apply the settings saved in this file');
    expect(apply.checked).toBe(false);
    await click(apply);
    await click(page.button('Confirm import (3 new, 0 updated)'));
    expect(await page.store.settings()).toEqual({
      learn: 'ask',
      autoNextRoot: false,
      fillRememberedUser: true,
    });
    expect(page.text(page.root.querySelector('.import__done'))).toMatch(
      /The settings from the file were applied\.$/,
    );
    const restored = (await page.store.list()).accounts.find(
      (a) => a.key === '3f2c1a9e-1b7d-4c55-9a61-0c1d2e3f4a5b',
    );
    expect(restored?.signIns[0]).toEqual({
      type: 'iam',
      userName: 'alice',
      uses: 42,
      lastUsed: 1746350000000,
    });
  });

  it('reads pasted text the same way', async () => {
    const page = await renderOptions();
    await type(page.field('File contents'), 'account,user\n111122223333,alice\n');
    await click(page.button('Preview pasted text'));
    expect(page.text(page.root.querySelector('.preview__title'))).toBe('Preview of pasted text');
    expect(page.all('.count').map(page.text)[0]).toBe('1 new');
  });

  it('Cancel drops the preview and writes nothing', async () => {
    const page = await renderOptions();
    await chooseFile(page.field('Import file'), 'org.json', fixture('organizations.json'));
    await click(page.button('Cancel'));
    expect(page.has('.preview')).toBe(false);
    expect((await page.store.list()).accounts).toEqual([]);
  });

  it('says nothing changed when the background refuses the import', async () => {
    const page = await renderOptions({
      seed: EXISTING,
      fail: { 'accounts.import': 'The database is closed.' },
    });
    await chooseFile(page.field('Import file'), 'org.json', fixture('organizations.json'));
    await click(page.button(/^Confirm import/));
    expect(page.text(page.root.querySelector('[role="alert"]'))).toBe(
      'Nothing was imported from org.json. Signpost could not save the import, so nothing changed: The database is closed.',
    );
    expect((await page.store.list()).accounts).toHaveLength(2);
  });

  it('shows the first 100 rejected rows and all of them on request', async () => {
    const page = await renderOptions();
    const rows = Array.from({ length: 150 }, (_, i) => `bad-${i}!`).join('\n');
    await chooseFile(
      page.field('Import file'),
      'many.csv',
      `account,label\n111122223333,ok\n${rows.replace(/\n/g, ',x\n')},x\n`,
    );
    expect(page.all('.preview__item--rejected')).toHaveLength(100);
    await click(page.button('Show all 150'));
    expect(page.all('.preview__item--rejected')).toHaveLength(150);
    expect(page.text(page.all('.preview__item--rejected')[149])).toMatch(/^Line 152 /);
  });
});
