// The edits the mutation corpus (mutations.ts) makes to a replica page: one small DOM operation per kind of
// change AWS could ship. `mutate` is self-contained (no imports, no outer names) so the Chromium e2e test
// (tests/e2e/corpus.e2e.test.ts) can run the same edits in the page from its source text.

export type Op =
  /** Give the element a new id; labels pointing at the old one follow it ('' removes both). */
  | ['rename', string, string]
  /** Set an attribute (null removes it) on every element matching. */
  | ['attr', string, string, string | null]
  /** Replace the text of every element matching (a translated label). */
  | ['text', string, string]
  /** Put the element inside a new wrapper (given as markup of one empty element). */
  | ['wrap', string, string]
  /** Insert markup before the element. */
  | ['before', string, string]
  | ['remove', string]
  /** Exchange the places of two elements (fields reordered). */
  | ['swap', string, string]
  /** Move the element to the end of another one. */
  | ['move', string, string]
  /** Hide each radio's label and show a button with role=radio in its place that clicks the radio. */
  | ['radioButtons', string];

export function mutate(doc: Document, ops: Op[]): void {
  const all = (selector: string) => [...doc.querySelectorAll<HTMLElement>(selector)];
  const one = (selector: string) => {
    const el = doc.querySelector<HTMLElement>(selector);
    if (!el) throw new Error(`mutation: nothing matches ${selector}`);
    return el;
  };
  const markup = (html: string) => {
    const template = doc.createElement('template');
    template.innerHTML = html;
    return template.content;
  };
  for (const op of ops) {
    if (op[0] === 'rename') {
      const el = one(op[1]);
      const labels = el.id ? all('label').filter((l) => l.getAttribute('for') === el.id) : [];
      for (const label of labels) {
        if (op[2]) label.setAttribute('for', op[2]);
        else label.removeAttribute('for');
      }
      if (op[2]) el.id = op[2];
      else el.removeAttribute('id');
    } else if (op[0] === 'attr') {
      for (const el of all(op[1])) {
        if (op[3] === null) el.removeAttribute(op[2]);
        else el.setAttribute(op[2], op[3]);
      }
    } else if (op[0] === 'text') {
      for (const el of all(op[1])) el.textContent = op[2];
    } else if (op[0] === 'wrap') {
      const el = one(op[1]);
      const wrapper = markup(op[2]).firstElementChild!;
      el.before(wrapper);
      wrapper.append(el);
    } else if (op[0] === 'before') {
      one(op[1]).before(markup(op[2]));
    } else if (op[0] === 'remove') {
      for (const el of all(op[1])) el.remove();
    } else if (op[0] === 'swap') {
      const a = one(op[1]);
      const b = one(op[2]);
      const mark = doc.createComment('');
      a.before(mark);
      b.before(a);
      mark.replaceWith(b);
    } else if (op[0] === 'move') {
      one(op[2]).append(one(op[1]));
    } else if (op[0] === 'radioButtons') {
      const buttons: HTMLElement[] = [];
      for (const radio of all(op[1]) as HTMLInputElement[]) {
        const holder = radio.closest('label') ?? radio;
        const button = doc.createElement('button');
        button.type = 'button';
        button.setAttribute('role', 'radio');
        button.setAttribute('aria-checked', String(radio.checked));
        button.textContent = (holder.querySelector('strong') ?? holder).textContent?.trim() ?? '';
        button.addEventListener('click', () => {
          radio.click();
          for (const b of buttons) b.setAttribute('aria-checked', String(b === button));
        });
        buttons.push(button);
        holder.before(button);
        holder.style.display = 'none';
      }
    }
  }
}
