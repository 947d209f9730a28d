// Guards the built Chrome manifest: exactly the permissions we mean to ask for, host access only through the
// sign-in, console and access-portal content scripts (top frame, exactly their hosts), and the icons it names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entrySizes, hasUiFramework } from '../../bench/sizes';
import { CONSOLE_MATCHES, parseConsoleUrl, parseSignInUrl, SIGNIN_MATCHES } from '../../lib/hosts';
import { PORTAL_MATCHES, parseStartUrl } from '../../lib/targets';
import { EXTENSION_DIR } from './harness';

/** The one place that says which API permissions the Chrome build may ask for. */
const EXPECTED_PERMISSIONS = ['storage', 'omnibox', 'activeTab'];
const ICON_SIZES = ['16', '32', '48', '128'];

interface ContentScript {
  matches: string[];
  js?: string[];
  all_frames?: boolean;
  match_about_blank?: boolean;
  match_origin_as_fallback?: boolean;
  world?: string;
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  permissions?: string[];
  content_scripts?: ContentScript[];
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
};
const contentScripts = manifest.content_scripts ?? [];
/** The script whose matches include `pattern` (the sign-in or the console script). */
const scriptWith = (scripts: ContentScript[], pattern: string) =>
  scripts.find((s) => s.matches.includes(pattern));
const matches = scriptWith(contentScripts, SIGNIN_MATCHES[0]!)?.matches ?? [];
const consoleMatches = scriptWith(contentScripts, CONSOLE_MATCHES[0]!)?.matches ?? [];
const portalMatches = scriptWith(contentScripts, PORTAL_MATCHES[0]!)?.matches ?? [];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the built manifest', () => {
  it('asks for exactly the expected permissions', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...EXPECTED_PERMISSIONS].sort());
  });

  it.each([
    'host_permissions',
    'optional_host_permissions',
    'optional_permissions',
    'externally_connectable',
  ])('has no %s', (key) => {
    expect(manifest[key]).toBeUndefined();
  });

  it('has three content scripts: on exactly the sign-in hosts, the console hosts and the portal hosts', () => {
    expect(contentScripts).toHaveLength(3);
    expect(matches).toHaveLength(SIGNIN_MATCHES.length);
    expect(new Set(matches)).toEqual(new Set(SIGNIN_MATCHES));
    expect(consoleMatches).toHaveLength(CONSOLE_MATCHES.length);
    expect(new Set(consoleMatches)).toEqual(new Set(CONSOLE_MATCHES));
    expect(new Set(portalMatches)).toEqual(new Set(['https://*.awsapps.com/*', 'https://*.app.aws/*']));
    expect(new Set(contentScripts.flatMap((c) => c.js ?? []))).toEqual(new Set(['inpage.js']));
  });

  // Every host a portal pattern reaches is AWS's own domain; the script and the background narrow it to a
  // start URL's host (parseStartUrl) before anything is learned.
  it.each([
    ['https://*.awsapps.com/*', 'https://d-1234567890.awsapps.com/start'],
    ['https://*.app.aws/*', 'https://ssoins-1234567890abcdef.portal.eu-west-1.app.aws'],
  ])('%s reaches an access portal that parseStartUrl accepts', (pattern, example) => {
    expect(portalMatches).toContain(pattern);
    expect(parseStartUrl(example)).toMatchObject({ url: example });
  });

  it.each([0, 1, 2])('runs content script %i in the top frame only, in its isolated world', (i) => {
    const script = contentScripts[i]!;
    expect(script.all_frames ?? false).toBe(false);
    expect(script.match_about_blank ?? false).toBe(false);
    expect(script.match_origin_as_fallback ?? false).toBe(false);
    expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
  });

  it.each(matches)('%s matches only https sign-in hosts that parseSignInUrl accepts', (pattern) => {
    const match = /^https:\/\/([^/]+)\/\*$/.exec(pattern);
    expect(match, 'an https pattern for every path of one host').not.toBeNull();
    const host = match![1]!.replace('*', 'eu-west-1');
    expect(parseSignInUrl(`https://${host}/`)).toBeDefined();
  });

  const CONSOLE_REGION: Record<string, string> = {
    'aws.amazon.com': 'us-east-1',
    'amazonaws-us-gov.com': 'us-gov-west-1',
    'amazonaws.cn': 'cn-north-1',
  };
  it.each(consoleMatches)('%s matches only https console hosts that parseConsoleUrl accepts', (pattern) => {
    const match = /^https:\/\/([^/]+)\/\*$/.exec(pattern);
    expect(match, 'an https pattern for every path of one host').not.toBeNull();
    const region = CONSOLE_REGION[match![1]!.replace(/^(?:\*\.)?console\./, '')]!;
    expect(parseConsoleUrl(`https://${match![1]!.replace('*', region)}/`)).toBeDefined();
  });

  it.each(ICON_SIZES)('has a %s px icon for the extension and the toolbar button', (size) => {
    const path = manifest.icons?.[size];
    expect(path).toBeDefined();
    expect(manifest.action?.default_icon?.[size]).toBe(path);
    const file = join(EXTENSION_DIR, path!);
    expect(existsSync(file)).toBe(true);
    expect(pngSize(file)).toEqual([Number(size), Number(size)]);
  });
});

describe('how people reach Signpost (manifest entries)', () => {
  it('answers the omnibox keyword "aws"', () => {
    expect(manifest.omnibox).toEqual({ keyword: 'aws' });
  });

  it('opens the popup with a changeable shortcut, Alt+Shift+A by default', () => {
    const commands = manifest.commands as Record<
      string,
      { suggested_key?: { default?: string }; description?: string }
    >;
    expect(Object.keys(commands)).toEqual(['_execute_action']);
    expect(commands._execute_action?.suggested_key?.default).toBe('Alt+Shift+A');
    expect(commands._execute_action?.description).toBe('__MSG_commandOpenPopup__');
  });

  it('names itself from the locale catalogue, which has every __MSG_ key the manifest uses', () => {
    const text = readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8');
    const keys = [...text.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(keys).toEqual(expect.arrayContaining(['extName', 'extDescription']));
    const catalogue = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'));
    for (const key of keys) expect(catalogue, key).toHaveProperty(key);
    expect(manifest.default_locale).toBe('en');
  });
});

/** The English text of a `__MSG_key__` value, as the Chrome Web Store shows it. */
function resolved(value: unknown): string {
  const catalogue = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'));
  const key = /^__MSG_(\w+)__$/.exec(String(value))?.[1];
  return key ? catalogue[key].message : String(value);
}

/** Every script the extension ships, as one text: what the permissions below must be used by. */
function bundles(): string {
  const files = readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.js'),
  );
  return files.map((f) => readFileSync(join(EXTENSION_DIR, f), 'utf8')).join('\n');
}

// The API each permission unlocks, as it appears in the built code. A permission with no use is a
// rejection reason in the Chrome Web Store's review ("request the narrowest permissions").
const PERMISSION_USES: Record<string, RegExp> = {
  storage: /\.storage\.(session|managed|local)\b/,
  omnibox: /\.omnibox\.onInput(Changed|Entered)\b/,
  // activeTab lets the popup read the current tab's URL, which it asks for with tabs.query.
  activeTab: /\.tabs\.query\(/,
};

describe('shaped for the Chrome Web Store', () => {
  it('has a name of at most 75 characters and a description of at most 132, in English', () => {
    const name = resolved(manifest.name);
    const description = resolved(manifest.description);
    expect(name.length).toBeGreaterThan(0);
    expect(name.length).toBeLessThanOrEqual(75);
    expect(description.length).toBeGreaterThan(0);
    expect(description.length, description).toBeLessThanOrEqual(132);
  });

  it.each(EXPECTED_PERMISSIONS)('uses the %s permission it asks for', (permission) => {
    expect(PERMISSION_USES[permission], `a known use of ${permission}`).toBeDefined();
    expect(bundles()).toMatch(PERMISSION_USES[permission]!);
  });

  it('ships the managed storage schema it names, a valid object schema', () => {
    const schemaPath = (manifest.storage as { managed_schema?: string } | undefined)?.managed_schema;
    expect(schemaPath).toBe('managed_schema.json');
    const schema = JSON.parse(readFileSync(join(EXTENSION_DIR, schemaPath!), 'utf8'));
    expect(schema).toMatchObject({ type: 'object', properties: { directory: { type: 'string' } } });
  });
});

describe('the built Firefox manifest', () => {
  const dir = join(EXTENSION_DIR, '..', 'firefox-mv2');
  const firefox = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    browser_specific_settings?: { gecko?: Record<string, unknown>; gecko_android?: Record<string, unknown> };
    permissions?: string[];
    content_scripts?: ContentScript[];
  };

  it('carries a gecko id, minimum versions and declares that it collects no data', () => {
    expect(firefox.browser_specific_settings?.gecko).toEqual({
      id: 'signpost@signpost.dev',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(firefox.browser_specific_settings?.gecko_android).toEqual({ strict_min_version: '142.0' });
  });

  it('opens the popup with the same shortcut, under the MV2 name Firefox gives that command', () => {
    expect(firefox.commands).toEqual({
      _execute_browser_action: {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandOpenPopup__',
      },
    });
  });

  it('asks for the same permissions less omnibox (Firefox grants it through the omnibox key)', () => {
    expect([...(firefox.permissions ?? [])].sort()).toEqual(
      EXPECTED_PERMISSIONS.filter((p) => p !== 'omnibox').sort(),
    );
    expect(firefox.omnibox).toEqual({ keyword: 'aws' });
  });

  it('injects the content scripts on exactly the same sign-in, console and portal hosts, top frame only', () => {
    const scripts = firefox.content_scripts ?? [];
    expect(scripts).toHaveLength(3);
    expect(new Set(scriptWith(scripts, SIGNIN_MATCHES[0]!)?.matches)).toEqual(new Set(SIGNIN_MATCHES));
    expect(new Set(scriptWith(scripts, CONSOLE_MATCHES[0]!)?.matches)).toEqual(new Set(CONSOLE_MATCHES));
    expect(new Set(scriptWith(scripts, PORTAL_MATCHES[0]!)?.matches)).toEqual(new Set(PORTAL_MATCHES));
    for (const script of scripts) expect(script.all_frames ?? false).toBe(false);
  });
});

describe('the budgets a change could break without anyone running the bench', () => {
  // bench/sizes.ts measures each file gzipped on its own, as the browser reads it; the same numbers the
  // bench reports, checked on every npm test.
  const sizes = entrySizes(EXTENSION_DIR);

  it('the content script (sign-in, console and portal hosts share one file) is at most 8 KB gzipped, with no UI framework', () => {
    const content = sizes.filter((s) => s.entry.startsWith('content:'));
    expect(content.map((s) => s.entry)).toEqual(['content:inpage.js']);
    expect(content[0]!.gzip).toBeLessThanOrEqual(8 * 1024);
    expect(
      hasUiFramework(
        EXTENSION_DIR,
        content[0]!.js.map((f) => f.file),
      ),
    ).toBe(false);
  });

  it('the popup (JS and CSS) is at most 40 KB gzipped', () => {
    expect(sizes.find((s) => s.entry === 'popup.html')!.gzip).toBeLessThanOrEqual(40 * 1024);
  });

  it('the popup page loads two files: its one deferred classic script and its stylesheet', () => {
    // Each request to the extension's own files costs the popup's main thread a task before its first rows
    // (README, "Performance"): a build that splits the popup into modules again, or a WXT that adds its
    // module scripts back to the page, fails here rather than only in the bench.
    const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
    const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map(([tag]) => tag.replace(/\s+/g, ' '));
    expect(tags).toEqual([
      '<script src="/popup-app.js" defer>',
      expect.stringMatching(/^<link rel="stylesheet" crossorigin href="\/assets\/popup-[\w-]+\.css">$/),
    ]);
  });
});
