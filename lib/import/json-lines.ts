// Finds the line each element of a JSON array starts on, so a rejected entry can be reported by line.
// JSON.parse keeps no positions; this single pass over the text (strings and escapes aware) does.

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * 1-based start lines of the elements of the array under `key` in the top-level object, or of the
 * top-level array when `key` is undefined. Meant for text JSON.parse has accepted.
 */
export function arrayElementLines(text: string, key?: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let lastString: string | undefined;
  let target = -1;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) {
        inString = false;
        if (depth === 1) lastString = text.slice(stringStart, i);
      }
      continue;
    }
    if (isSpace(c)) continue;
    if (depth === target && expectValue && c !== 93) {
      lines.push(line);
      expectValue = false;
    }
    if (c === QUOTE) {
      inString = true;
      stringStart = i + 1;
    } else if (c === 123) {
      depth++;
    } else if (c === 91) {
      depth++;
      const isTarget = key === undefined ? depth === 1 : depth === 2 && lastString === key;
      if (target < 0 && isTarget) {
        target = depth;
        expectValue = true;
      }
    } else if (c === 125 || c === 93) {
      if (depth === target) return lines;
      depth--;
    } else if (c === 44 && depth === target) {
      expectValue = true;
    }
  }
  return lines;
}

/** The 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === NEWLINE) line++;
  return line;
}
