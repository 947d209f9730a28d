import preact from '@preact/preset-vite';
import type { PluginOption } from 'vite';
import { defineConfig } from 'wxt';
import { CONSOLE_MATCHES, SIGNIN_MATCHES } from './lib/hosts';
import { PORTAL_MATCHES } from './lib/targets';

// Rendered by scripts/make-icons.mjs.
const ICONS = {
  16: 'icons/icon-16.png',
  32: 'icons/icon-32.png',
  48: 'icons/icon-48.png',
  128: 'icons/icon-128.png',
};

// Extension pages and the service worker load only Signpost's own files and may not open any connection:
// Signpost makes no network request of its own, and this makes that a rule the browser enforces
// (tests/security/no-secrets-no-network.e2e.test.ts). `wxt dev` keeps WXT's policy (its reload socket).
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'";

// The content script is an unlisted script registered here for three sets of hosts (see entrypoints/inpage.ts
// for why), top frame only: on the sign-in hosts it starts at once to have its answer ready (it fills after
// DOMContentLoaded); on the console hosts it reads the session meta once <head> is parsed; on the access
// portals it reads the page's own address once the page can show a notice.
const CONTENT_SCRIPTS = [
  { matches: SIGNIN_MATCHES, js: ['inpage.js'], run_at: 'document_start', all_frames: false },
  { matches: CONSOLE_MATCHES, js: ['inpage.js'], run_at: 'document_end', all_frames: false },
  { matches: PORTAL_MATCHES, js: ['inpage.js'], run_at: 'document_end', all_frames: false },
];
const CONTENT_SCRIPT_NAMES = new Set(CONTENT_SCRIPTS.flatMap((c) => c.js.map((f) => f.replace(/\.js$/, ''))));

/**
 * The popup's code is one classic script (entrypoints/popup-app.tsx, which runs WXT's plugins itself), so the
 * module scripts WXT adds to every HTML page (its plugin loader and Vite's modulepreload polyfill) would be two
 * more requests for nothing: the popup page goes without them.
 */
function popupWithoutModules(): PluginOption {
  return {
    name: 'signpost:popup-without-modules',
    // `wxt dev` keeps them: there they carry its reload client.
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) =>
        ctx.path.endsWith('/popup/index.html')
          ? html.replace(/\s*<script type="module"[^>]*><\/script>/g, '')
          : html,
    },
  };
}

export default defineConfig({
  // Parallel checkouts/agents can build side by side by pointing this elsewhere.
  outDir: process.env.SIGNPOST_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // wxt dev would launch a browser through web-ext; on a headless machine that crashes.
  // A git-ignored web-ext.config.ts can turn it back on locally.
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact(), popupWithoutModules()] }),
  // The sources zip Firefox reviewers get: the code and how to build it, not test or demo output.
  zip: {
    excludeSources: ['tests/e2e/screenshots/**', 'demo-out/**', 'bench/results.*', 'web-ext.config.ts'],
  },
  hooks: {
    // The content script uses the browser's own promise-based API (chrome.* in Chrome MV3, browser.* in
    // Firefox) instead of webextension-polyfill: the polyfill would take 2.8 KB of its 8 KB gzipped budget
    // for the two calls it makes (runtime.sendMessage, i18n.getMessage). Every other context keeps it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => CONTENT_SCRIPT_NAMES.has(e.name))) return;
      const alias = config.resolve?.alias ?? [];
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...list],
      };
      // WXT wraps an unlisted script's main() in a logger that logs nothing in a production build yet ships
      // its messages; the content script's budget is better spent. The script's exported main() is called
      // as it is.
      config.plugins = [
        {
          name: 'signpost:bare-unlisted-script',
          enforce: 'pre',
          load(id) {
            const entry = /^\0virtual:wxt-unlisted-script-entrypoint\?(.+)$/.exec(id)?.[1];
            return entry && `import { main } from ${JSON.stringify(entry)};\nmain();\n`;
          },
        },
        ...(config.plugins ?? []),
      ];
    },
  },
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: the popup may read the current tab's URL, to route there when it is an AWS page.
    // Firefox grants the omnibox with its manifest key and rejects it as a permission.
    permissions: browser === 'firefox' ? ['storage', 'activeTab'] : ['storage', 'omnibox', 'activeTab'],
    omnibox: { keyword: 'aws' },
    // The organization's account directory, deployed by policy (docs/admin.md); Firefox reads policies.json.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    content_scripts: CONTENT_SCRIPTS,
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    icons: ICONS,
    action: { default_title: '__MSG_actionTitle__', default_icon: ICONS },
    // WXT writes the popup into MV2's browser_action before it converts `action`, which then loses its icon.
    ...(browser === 'firefox' ? { browser_action: { default_icon: ICONS } } : {}),
    // Opens the popup. The Firefox build is MV2, where only _execute_browser_action opens it (_execute_action
    // would be an ordinary command nothing listens to); WXT does not rename it.
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandOpenPopup__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'signpost@signpost.dev',
              // 140 (an ESR) is the first to know data_collection_permissions; storage.session needs 115.
              strict_min_version: '140.0',
              // Signpost collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
