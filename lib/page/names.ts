// What a form control is called: its accessible name (labels, aria-label, aria-labelledby) and its name
// attribute, folded so that case, spaces, hyphens and accents never decide a match.
import { WORDS, type WordList } from './words';

/** Lower case, without spaces, punctuation or accents: "IAM-Benutzername" and "iam benutzername" agree. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\p{P}\p{Z}\s]/gu, '')
    .toLowerCase();
}

const FOLDED = Object.fromEntries(
  Object.entries(WORDS).map(([list, words]) => [list, words.map(fold)]),
) as Record<WordList, string[]>;

/** Whether `text` contains one of the words of `list` (or, `exact`, is one of them). */
export function says(text: string, list: WordList, exact = false): boolean {
  const folded = fold(text);
  return folded !== '' && FOLDED[list].some((word) => (exact ? folded === word : folded.includes(word)));
}

/** An element's text without what form controls inside it hold (a textarea's text is its value). */
function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  for (const inner of copy.querySelectorAll('input, textarea, select, script, style')) inner.remove();
  return copy.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * The name a screen reader would give `el`: aria-labelledby, aria-label, a label pointing at its id, a
 * label around it, and for buttons their own text. Only label texts, never a box's value.
 */
export function labelOf(el: Element): string {
  const doc = el.ownerDocument;
  const parts: string[] = [];
  for (const id of el.getAttribute('aria-labelledby')?.split(/\s+/) ?? []) {
    if (id) parts.push(textOf(doc.getElementById(id)));
  }
  parts.push(el.getAttribute('aria-label')?.trim() ?? '');
  if (el.id) {
    for (const label of doc.querySelectorAll('label')) if (label.htmlFor === el.id) parts.push(textOf(label));
  }
  const around = el.closest('label');
  if (around) parts.push(textOf(around));
  if (/^(BUTTON|A)$/.test(el.tagName) || /^(button|radio)$/.test(el.getAttribute('role') ?? ''))
    parts.push(textOf(el));
  return [...new Set(parts.filter(Boolean))].join(' ');
}
