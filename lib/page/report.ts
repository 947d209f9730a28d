// The page report: the form skeleton of a sign-in page that Signpost could not fill, for a person to paste
// into a bug report. Tags, types, ids, names, autocomplete tokens, roles, label texts cut to 60 characters,
// visibility — never a value, other page text, a cookie, a token or the query string.
import { isShown } from './dom';
import { labelOf } from './names';

export const REPORT_LIMITS = { elements: 200, chars: 16_000, label: 60 } as const;
export const REPORT_REQUEST = 'signpost.pageReport';

const SKELETON = 'form, input, select, textarea, button, a, [role=button], [role=radio]';

/** Cut to 60 characters; an email address or a long number (an account ID) in a label is masked. */
const cut = (text: string | null, max: number = REPORT_LIMITS.label) =>
  text
    ? text
        .replace(/\S+@\S+/g, '…@…')
        .replace(/\d{6,}/g, '#')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, max)
    : undefined;

function describe(el: Element): Record<string, unknown> {
  const tag = el.tagName.toLowerCase();
  // Only controls carry a label; a form's or hidden input's text would be other page text.
  const labelled = tag !== 'form' && el.getAttribute('type') !== 'hidden';
  // JSON.stringify leaves out what is undefined: an empty id or label is not in the line at all.
  return {
    tag,
    type: cut(el.getAttribute('type')),
    id: cut(el.id),
    name: cut(el.getAttribute('name')),
    autocomplete: cut(el.getAttribute('autocomplete')),
    role: cut(el.getAttribute('role')),
    label: labelled ? cut(labelOf(el)) : undefined,
    visible: isShown(el),
    disabled: (el as HTMLInputElement).disabled === true || undefined,
  };
}

/**
 * The report as text: one JSON header line, then one line per element, stopping at 200 elements or 16 KB.
 * `status` is what Signpost decided on the page.
 */
export function pageReport(doc: Document, href: string, status: string | undefined): string {
  const url = new URL(href);
  const header = {
    signpost: 'page report',
    origin: url.origin,
    path: url.pathname,
    status: status ?? 'none',
    nextjs: doc.getElementById('__next') !== null,
    angularjs: doc.querySelector('[ng-app], [ng-model]') !== null,
  };
  const lines = [JSON.stringify(header)];
  let size = lines[0]!.length;
  const all = [...doc.querySelectorAll(SKELETON)];
  for (const el of all.slice(0, REPORT_LIMITS.elements)) {
    const line = JSON.stringify(describe(el));
    if (size + line.length + 1 > REPORT_LIMITS.chars) break;
    lines.push(line);
    size += line.length + 1;
  }
  if (lines.length - 1 < all.length)
    lines.push(JSON.stringify({ truncated: all.length - (lines.length - 1) }));
  return lines.join('\n');
}

/** Who may ask for the report: Signpost's own pages (the popup), never a page or another extension. */
export function mayAskForReport(
  message: unknown,
  sender: { id?: string; tab?: unknown },
  ownId: string,
): boolean {
  return (
    (message as { type?: unknown } | null)?.type === REPORT_REQUEST && sender.id === ownId && !sender.tab
  );
}
