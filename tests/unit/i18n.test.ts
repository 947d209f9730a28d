// Every user-visible string goes through t() and the English catalogue (public/_locales/en/messages.json):
// a key used in code exists there, and components and the content script spell out no text of their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n';
import english from '../../public/_locales/en/messages.json';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const SOURCES = [
  ...files('components', /\.tsx$/),
  ...files('lib', /\.tsx?$/),
  ...files('entrypoints', /\.tsx?$/),
];
const UI = [...files('components', /\.tsx$/), ...files('lib/page', /\.ts$/)];

describe('strings', () => {
  it('every t() key used in the code is in the English catalogue', () => {
    const used = new Set<string>();
    for (const file of SOURCES) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'(\w+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });

  it('every English key is used by the code or the manifest (no dead strings for translators)', () => {
    // Keys reach t() as literals, directly or through a table (`label: 'colourRed'`), and the manifest
    // names its own as __MSG_key__; a key that appears nowhere is one nobody sees.
    const code = [...SOURCES, 'wxt.config.ts'].map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = Object.keys(english).filter(
      (key) => !new RegExp(`['"\`]${key}['"\`]|__MSG_${key}__`).test(code),
    );
    expect(unused).toEqual([]);
  });

  it('every catalogue message has text', () => {
    for (const [key, value] of Object.entries(english)) expect(value.message.trim(), key).not.toBe('');
  });

  it.each(UI)('%s spells out no user-visible text of its own', (file) => {
    const source = readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    // JSX text between tags, and the attributes people read or hear, must come from t().
    // Text right after an element's opening or closing tag (`<p class="x">Text<`, `</b> more <`).
    const jsxText = [...source.matchAll(/<\/?[a-z][\w-]*(?:\s[^<>]*?)?>\s*([A-Za-z][^<>{}]*?)\s*</g)].map(
      (m) => m[1],
    );
    const attributes = [
      ...source.matchAll(
        /\b(?:aria-label|title|placeholder|alt|aria-description)=["']([^"']*[A-Za-z][^"']*)["']/g,
      ),
    ].map((m) => m[1]);
    // The content script builds its notice with DOM calls rather than JSX.
    const dom = [
      ...source.matchAll(
        /(?:textContent|innerText|ariaLabel|title)\s*=\s*['"`]([^'"`]*[A-Za-z][^'"`]*)['"`]/g,
      ),
      ...source.matchAll(
        /setAttribute\(\s*'(?:aria-label|title|placeholder)',\s*['"`]([^'"`]*[A-Za-z][^'"`]*)['"`]/g,
      ),
    ].map((m) => m[1]);
    expect([...jsxText, ...attributes, ...dom]).toEqual([]);
  });

  it('t() fills $1, $2… as the browser does', () => {
    expect(t('pageNoticeSaved', 'alice · Prod')).toBe('Signpost saved alice · Prod');
  });
});
