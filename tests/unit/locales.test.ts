// Every translated catalogue (public/_locales/<lang>/messages.json) matches the English one key for key and
// placeholder for placeholder: a missing key shows English mid-sentence, an extra one is dead, and a lost
// `$1` drops the account name from the sentence the person reads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string }>;

const ROOT = 'public/_locales';
const read = (lang: string): Catalogue => JSON.parse(readFileSync(join(ROOT, lang, 'messages.json'), 'utf8'));
const english = read('en');
const LOCALES = readdirSync(ROOT).filter((lang) => lang !== 'en');

/** The positional placeholders a message uses, as the browser fills them (`$$` is a literal dollar). */
function placeholders(message: string): string[] {
  return [...new Set([...message.replace(/\$\$/g, '').matchAll(/\$[1-9]/g)].map((m) => m[0]))].sort();
}

describe.each(LOCALES)('the %s catalogue', (lang) => {
  const catalogue = read(lang);

  it('has exactly the English keys: none missing, none extra', () => {
    const missing = Object.keys(english).filter((key) => !(key in catalogue));
    const extra = Object.keys(catalogue).filter((key) => !(key in english));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('uses the same placeholders as English in every message', () => {
    const differing = Object.keys(english)
      .filter((key) => key in catalogue)
      .map((key) => ({
        key,
        en: placeholders(english[key]!.message),
        translated: placeholders(catalogue[key]!.message),
      }))
      .filter((row) => row.en.join() !== row.translated.join());
    expect(differing).toEqual([]);
  });

  it('has no empty message', () => {
    const empty = Object.entries(catalogue)
      .filter(([, value]) => !value.message?.trim())
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('names the extension within the Chrome Web Store limits (name ≤ 75, description ≤ 132 characters)', () => {
    expect(catalogue.extName?.message.length).toBeLessThanOrEqual(75);
    expect(catalogue.extDescription?.message.length).toBeLessThanOrEqual(132);
    expect(catalogue.extName?.message).not.toBe(english.extName!.message);
    expect(catalogue.extDescription?.message).not.toBe(english.extDescription!.message);
  });
});

describe.each(['en', ...LOCALES])('the %s catalogue', (lang) => {
  it("names its own language for the pages' lang attribute", () => {
    expect(read(lang).htmlLang?.message).toBe(lang);
  });
});

describe('the locale list', () => {
  it('covers the translations issue 19 promises', () => {
    expect(LOCALES).toEqual(expect.arrayContaining(['de', 'ja']));
  });
});

describe('placeholders()', () => {
  it.each([
    ['Saved $1.', ['$1']],
    ['$1 of $2 accounts match', ['$1', '$2']],
    ['$2 件中 $1 件', ['$1', '$2']],
    ['costs $$1', []],
    ['no placeholder', []],
  ])('reads %j as %j', (message, expected) => {
    expect(placeholders(message)).toEqual(expected);
  });
});
