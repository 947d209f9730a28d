// @vitest-environment happy-dom
// A file over the import size limit is refused before a byte of it is read, with a plain sentence, and
// nothing changes.
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../lib/import/size';
import { renderOptions, settle } from './render-options';

describe('import size limit', () => {
  it('refuses a 70 MB file before reading it, says why, and changes nothing', async () => {
    const page = await renderOptions({ seed: [{ key: 'prod', accountId: '222222222222' }] });
    const before = await page.store.list();
    let read = false;
    const huge = {
      name: 'huge.csv',
      size: 70 * 1024 * 1024,
      text: async () => {
        read = true;
        return 'account\n111111111111\n';
      },
    };
    const input = page.field('Import file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [huge], configurable: true });
    await settle(() => input.dispatchEvent(new Event('change', { bubbles: true })));
    expect(page.text(page.root.querySelector('[role="alert"]'))).toBe(
      'Nothing was imported from huge.csv. This file is 70.0 MB; Signpost imports files of up to 20 MB. Split it into smaller files and import them one by one.',
    );
    expect(read).toBe(false);
    expect(page.has('.preview')).toBe(false);
    expect(page.sent.map((r) => r.type)).toEqual(['accounts.list']);
    expect(await page.store.list()).toEqual(before);
  });

  it('reads a file of exactly the limit', async () => {
    const page = await renderOptions();
    const input = page.field('Import file') as HTMLInputElement;
    const file = { name: 'edge.csv', size: MAX_IMPORT_BYTES, text: async () => 'account\n111111111111\n' };
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await settle(() => input.dispatchEvent(new Event('change', { bubbles: true })));
    expect(page.text(page.root.querySelector('.preview__title'))).toBe('Preview of edge.csv');
  });
});
