// One helper for every user-visible string: the browser's message catalogue. Unit tests have no i18n API,
// so there the English catalogue is the fallback; builds leave it out (the content script must stay small,
// and in the extension the browser always has the catalogue).
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';
import testCatalogue from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

// `import.meta.env.MODE` is a constant in builds, so the bundler drops the catalogue there.
const catalogue: Record<string, { message: string }> | undefined =
  import.meta.env.MODE === 'test' ? testCatalogue : undefined;

/** WXT types getMessage from the catalogue as it was at the last `wxt prepare`; any key of ours is valid. */
type I18n = { getMessage(key: string, substitutions?: string[]): string };

/** Fills `$1`…`$9` the way the browser does; `$$` is a literal dollar sign. */
function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
}

/**
 * The localised message `key`, with `subs` in place of `$1`, `$2`…; the key itself if it is unknown. The
 * content script's version (lib/page/tell.ts): it asks the browser every time, and stays small.
 */
export function message(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  try {
    const message = (browser.i18n as unknown as I18n | undefined)?.getMessage(key, strings);
    if (message) return message;
  } catch {
    // No i18n API here (a unit test, a page served outside the extension): use the English catalogue.
  }
  const fallback = catalogue?.[key]?.message;
  return fallback === undefined ? key : substitute(fallback, strings);
}

/** Messages already looked up on this page, by key and substitutions (a page's catalogue never changes). */
const known = new Map<string, string>();

/**
 * `message`, remembered: the popup and the options page render the same labels for every row, and each
 * lookup goes through the polyfill to the browser.
 */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const id = subs.length ? `${key}\u0000${subs.join('\u0000')}` : key;
  let text = known.get(id);
  if (text === undefined) {
    text = message(key, ...subs);
    known.set(id, text);
  }
  return text;
}
