// A strict check of omnibox markup, written apart from lib/omnibox.ts so it is an independent oracle:
// Chromium parses every suggestion's description as XML 1.0 (all of them as one document), so anything
// this refuses would blank the whole list.

const TAGS = new Set(['match', 'dim', 'url']);

/** XML 1.0's Char production. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function lonelySurrogate(text: string): boolean {
  try {
    encodeURIComponent(text);
    return false;
  } catch {
    return true;
  }
}

/** Why `text` holds a character no XML 1.0 document may hold (plain text too: a NUL cuts it), if it does. */
export function xmlCharProblem(text: string): string | undefined {
  if (lonelySurrogate(text)) return 'a lone surrogate';
  for (const char of text) {
    if (!isXmlChar(char.codePointAt(0)!)) return `character U+${char.codePointAt(0)!.toString(16)}`;
  }
  return undefined;
}

/** Why `description` is not well-formed omnibox markup, or undefined when it is. */
export function xmlProblem(description: string): string | undefined {
  const characters = xmlCharProblem(description);
  if (characters) return characters;
  const open: string[] = [];
  for (const [token, close, name] of description.matchAll(/<(\/?)([^<>]*)>|[<&][^;<&]*;?/g)) {
    if (token.startsWith('&')) {
      const ref = /^&(?:#(\d+)|#x([0-9a-f]+)|amp|lt|gt|quot|apos);$/i.exec(token);
      if (!ref) return `bad reference ${token}`;
      const code = ref[1] ? Number(ref[1]) : ref[2] ? Number.parseInt(ref[2], 16) : 0x20;
      if (!isXmlChar(code)) return `reference to a forbidden character ${token}`;
    } else if (!name || !TAGS.has(name)) return `stray markup ${token}`;
    else if (close && open.pop() !== name) return `unbalanced </${name}>`;
    else if (!close) open.push(name);
  }
  return open.length ? `unclosed <${open.at(-1)}>` : undefined;
}
