// Finds text a person cannot read whole in a rendered extension page: text clipped by its own box
// (overflow hidden or an ellipsis), text spilling past its box, controls that overlap their siblings, and a
// page wider than its window. Longer translations (German runs ~30 % longer than English) show up here first.
import type { Page } from 'puppeteer-core';

/**
 * Account facts a person typed (alias, root email, tags, a role's portal or display name) that the popup's
 * rows shorten with an ellipsis by design, in every language; only Signpost's own strings must fit.
 */
export const USER_DATA_ELLIPSIS = '.row__alias, .row__email, .row__tags, .row__portal, .row__display';

/** One problem per element, described as `<what>: "<its text>"` so a failure names the string to fix. */
export function layoutProblems(page: Page, exempt = USER_DATA_ELLIPSIS): Promise<string[]> {
  return page.evaluate((exempt) => {
    const problems: string[] = [];
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/)[0]}` : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return `${el.tagName.toLowerCase()}${cls} "${text}"`;
    };
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Visually hidden helpers (1 px, clipped) are for screen readers, which read them whole.
      return box.width > 2 && box.height > 2 && style.visibility !== 'hidden' && style.clip === 'auto';
    };
    const ownText = (el: Element) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());

    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el) || !ownText(el) || el.matches(exempt)) continue;
      const style = getComputedStyle(el);
      // One pixel of slack: subpixel layout rounds scrollWidth up.
      const wider = el.scrollWidth > el.clientWidth + 1;
      const taller = el.scrollHeight > el.clientHeight + 1;
      const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      if (wider && hides) problems.push(`clipped ${describe(el)}`);
      else if (wider && el.clientWidth > 0) problems.push(`spills out of its box ${describe(el)}`);
      else if (taller && style.overflowY === 'hidden') problems.push(`clipped at the bottom ${describe(el)}`);
    }

    // A placeholder is cut without any scrollWidth to show it: measure its text in its own font.
    const ruler = document.createElement('canvas').getContext('2d')!;
    for (const input of document.body.querySelectorAll<HTMLInputElement>(
      'input[placeholder], textarea[placeholder]',
    )) {
      if (!visible(input) || input.value || input.matches(exempt)) continue;
      const style = getComputedStyle(input, '::placeholder');
      ruler.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // The padding is the input's own; the ::placeholder style reports none.
      const box = getComputedStyle(input);
      const room =
        input.clientWidth - Number.parseFloat(box.paddingLeft) - Number.parseFloat(box.paddingRight);
      if (ruler.measureText(input.placeholder).width > room + 1) {
        problems.push(
          `placeholder cut off ${input.tagName.toLowerCase()}.${input.className} "${input.placeholder}"`,
        );
      }
    }

    // Sibling controls and text blocks must not sit on top of each other.
    const boxes = [
      ...document.body.querySelectorAll('button, a, input, select, textarea, label, h1, h2, h3, p'),
    ]
      .filter(visible)
      .filter((el) => getComputedStyle(el).position !== 'fixed');
    for (const el of boxes) {
      const siblings = [...(el.parentElement?.children ?? [])].filter((s) => s !== el && boxes.includes(s));
      const a = el.getBoundingClientRect();
      for (const sibling of siblings) {
        if (sibling.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) continue; // each pair once
        const b = sibling.getBoundingClientRect();
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 1 && overlapY > 1) problems.push(`overlaps ${describe(sibling)}: ${describe(el)}`);
      }
    }

    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      problems.push(`the page scrolls sideways (${root.scrollWidth} px wide in ${root.clientWidth} px)`);
    }
    return problems;
  }, exempt);
}
