// Which characters a label, a note or a tag may hold, and the repair for text stored before that rule:
// one control character or a lone surrogate in one label blanks every omnibox suggestion (Chromium
// parses them as one XML document), and a NUL cuts a suggestion short.

/** C0 controls other than tab, LF and CR: not allowed anywhere in XML 1.0. */
const C0 = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F';
/** Tab, LF, CR: fine in notes, not in a one-line label or tag. */
const LINE_BREAKS = '\\t\\n\\r';
/** DEL and the C1 controls: valid XML, but invisible and never meant in a name. */
const C1 = '\\u007F-\\u009F';
/** U+FFFE and U+FFFF are not characters at all (and not valid XML). */
const NON_CHARACTERS = '\\uFFFE\\uFFFF';
/** Half of a UTF-16 pair without its other half: not a character, and not valid XML. */
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

const ONE_LINE = new RegExp(`[${C0}${LINE_BREAKS}${C1}${NON_CHARACTERS}]|${LONE_SURROGATE}`, 'g');
const MULTI_LINE = new RegExp(`[${C0}${C1}${NON_CHARACTERS}]|${LONE_SURROGATE}`, 'g');
const NOT_XML = new RegExp(`[${C0}${NON_CHARACTERS}]|${LONE_SURROGATE}`, 'g');

export type TextKind = 'line' | 'lines';

function pattern(kind: TextKind): RegExp {
  const re = kind === 'line' ? ONE_LINE : MULTI_LINE;
  re.lastIndex = 0;
  return re;
}

/** True when `text` holds a control character (line breaks allowed in 'lines'), a lone surrogate or U+FFFE/F. */
export function hasUnsafeText(text: string, kind: TextKind): boolean {
  return pattern(kind).test(text);
}

/** `text` without the characters hasUnsafeText objects to: the repair for records stored before the rule. */
export function stripUnsafeText(text: string, kind: TextKind): string {
  return text.replace(pattern(kind), '');
}

/** `text` without the characters XML 1.0 forbids, for anything handed to an XML parser (the omnibox). */
export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML, '');
}
