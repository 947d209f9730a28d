// Sets values the way a person would, so that React, AngularJS and plain pages all register them.

/** Whether an event came from the person (the browser marks those trusted), not from a script (ours or the page's). */
export const trusted = (event: Event): boolean => event.isTrusted;

/** Text boxes Signpost may write to; a password box is never one of them. */
export function isWritable(el: Element | null | undefined): el is HTMLInputElement {
  return el?.tagName === 'INPUT' && /^(text|email|tel|search|)$/i.test(el.getAttribute('type') ?? '');
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

/** Chooses a radio button with a real click: only that changes it on the redesigned page. */
export function choose(radio: HTMLInputElement): void {
  if (radio.type === 'radio' && !radio.checked) radio.click();
}

/** Presses a button or link (classic IAM sign-in is an anchor). */
export function press(control: HTMLElement): void {
  control.click();
}

/** Moves the caret to a box without touching its value (the password box: for the password manager). */
export function focus(el: HTMLElement): void {
  el.focus();
}
