// Sets values the way a person would, so that React, AngularJS and plain pages all register them.

/** Whether an event came from the person (the browser marks those trusted), not from a script (ours or the page's). */
export const trusted = (event: Event): boolean => event.isTrusted;

const px = (value: string | undefined) => Number.parseFloat(value ?? '');

/** Whether an element in this chain hides what it holds from a person, whatever its own box says. */
function hides(node: Element, el: Element, win: Window): boolean {
  if ((node as HTMLElement).hidden || node.hasAttribute('inert')) return true;
  // A box hidden from assistive technology is not meant for the person either (honeypots use this).
  if (node.getAttribute('aria-hidden') === 'true') return true;
  if (node.tagName === 'DIALOG' && !node.hasAttribute('open')) return true;
  if (node.tagName === 'DETAILS' && node !== el && !node.hasAttribute('open')) {
    if (!node.querySelector(':scope > summary')?.contains(el)) return true;
  }
  const style = win.getComputedStyle(node);
  if (style.display === 'none' || /hidden|collapse/.test(style.visibility) || style.opacity === '0')
    return true;
  // Off-screen by position: the classic way to hide a decoy box while keeping it in the form.
  return px(style.left) <= -500 || px(style.top) <= -500;
}

/**
 * Whether a person can see `el`: nothing above it hides it, it is not off-screen, and it has a size. Where
 * the document has no layout (a DOM library in tests), sizes come from the styles alone.
 */
export function isShown(el: Element): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win || !el.isConnected || (el.tagName === 'INPUT' && /^hidden$/i.test(el.getAttribute('type') ?? '')))
    return false;
  for (let node: Element | null = el; node; node = node.parentElement) if (hides(node, el, win)) return false;
  const style = win.getComputedStyle(el);
  if (px(style.width) <= 1 || px(style.height) <= 1) return false;
  if (el.ownerDocument.documentElement.getBoundingClientRect().width === 0) return true;
  const rect = el.getBoundingClientRect();
  return rect.width > 1 && rect.height > 1 && rect.right > 0 && rect.bottom > 0;
}

/**
 * Text boxes Signpost may write to: a plain text box a person can see and type in. Never a password box, a
 * hidden, disabled, read-only, off-screen or zero-size one — whichever detector found it.
 */
export function isWritable(el: Element | null | undefined): el is HTMLInputElement {
  return isTextBox(el) && !el.disabled && !el.readOnly && isShown(el);
}

/** A plain text input, shown or not: what learning may read (the root email box hides behind the password step). */
export function isTextBox(el: Element | null | undefined): el is HTMLInputElement {
  return el?.tagName === 'INPUT' && /^(text|email|tel|search|)$/i.test(el.getAttribute('type') ?? '');
}

/** Whether a user-type choice is on: a radio input, or any element with role=radio (aria-checked). */
export function isChecked(el: Element | null | undefined): boolean {
  if (!el) return false;
  return (el as HTMLInputElement).type === 'radio'
    ? (el as HTMLInputElement).checked
    : el.getAttribute('aria-checked') === 'true';
}

/**
 * Writes `value` into a text box through the native value setter (frameworks track the last value they
 * saw through an own property on the node; going around it makes the change visible to them), then sends
 * bubbling `input` and `change`. Returns false, writing nothing, for anything but a plain text box.
 */
export function setValue(input: HTMLInputElement, value: string): boolean {
  if (!isWritable(input)) return false;
  const win = input.ownerDocument.defaultView as Window & typeof globalThis;
  Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  for (const type of ['input', 'change']) input.dispatchEvent(new win.Event(type, { bubbles: true }));
  return true;
}

/** Chooses a radio button (or role=radio control) with a real click: only that changes it on the redesigned page. */
export function choose(radio: HTMLElement): void {
  const isRadio = (radio as HTMLInputElement).type === 'radio' || radio.getAttribute('role') === 'radio';
  if (isRadio && !isChecked(radio)) radio.click();
}

/** Presses a button or link (classic IAM sign-in is an anchor). */
export function press(control: HTMLElement): void {
  control.click();
}

/** Moves the caret to a box without touching its value (the password box: for the password manager). */
export function focus(el: HTMLElement): void {
  el.focus();
}
