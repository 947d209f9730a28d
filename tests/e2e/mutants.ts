// Mutation-corpus variants (tests/unit/page/mutations.ts) in real Chromium: the script the replica server runs
// after a page renders (it notes the boxes the replica means, then applies the variant's edits with the same
// `mutate` the unit suite uses), how to configure the server for a variant, and what the page shows after.
import type { Page } from 'puppeteer-core';
import { mutate } from '../unit/page/mutate';
import { CORPUS, type Mutant, TARGETS } from '../unit/page/mutations';
import type { ReplicaServer } from './server';

/** The corpus variant of `replica` called `name`; throws when the corpus no longer has it. */
export function mutant(replica: Mutant['replica'], name: string): Mutant {
  const found = CORPUS.find((m) => m.replica === replica && m.name === name);
  if (!found) throw new Error(`The mutation corpus has no "${name}" for ${replica}.`);
  return found;
}

/** Page script: keep the boxes and the radio/submit the replica means (found before the edits) and every
 * text box's value, on `window.__mutant`, then mutate. `mutate` is self-contained, so its source runs as is. */
export function mutantScript(m: Mutant): string {
  return `(() => {
  const meant = {};
  for (const [role, selector] of Object.entries(${JSON.stringify(TARGETS[m.replica])}))
    meant[role] = document.querySelector(selector);
  const texts = [...document.querySelectorAll('input')].filter((i) => !/radio|checkbox|hidden/.test(i.type));
  window.__mutant = { meant, texts, before: texts.map((i) => i.value) };
  (${mutate.toString()})(document, ${JSON.stringify(m.ops)});
})();`;
}

/** Page script for a page that renders late and re-mounts: each render is edited as it lands, seen by
 * `rendered` (a selector the edits make match nothing). Its observer is made before Signpost's (which waits
 * for DOMContentLoaded), so Signpost only ever sees the edited form. */
export function lateMutantScript(m: Mutant, rendered: string): string {
  return `(() => {
  const edit = ${mutate.toString()};
  new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(rendered)})) edit(document, ${JSON.stringify(m.ops)});
  }).observe(document, { childList: true, subtree: true });
})();`;
}

/** Serves `m`: its replica's variant for its page kind, mutated once rendered; submits stay on the page.
 * With `late`, the form renders `late.lateMs` after load and re-mounts once (see `lateMutantScript`). */
export function serveMutant(
  server: ReplicaServer,
  m: Mutant,
  late?: { lateMs: number; remountMs: number; rendered: string },
): void {
  const [page, variant] = m.replica.split('-') as ['main' | 'iam', 'classic' | 'redesigned'];
  server.reset();
  server.configure({
    [page]: variant,
    stayOnSubmit: true,
    ...(late
      ? { lateMs: late.lateMs, remountMs: late.remountMs, afterRender: lateMutantScript(m, late.rendered) }
      : { afterRender: mutantScript(m) }),
  });
}

export interface Played {
  /** `<html data-signpost>`. */
  status: string | undefined;
  /** Main page: the box holds `email` and Root is chosen. IAM page: the replica's own model submitted the
   * account and user name (its submit control, found before the edits, is clicked). */
  filled: boolean;
  /** Text boxes not meant for any value whose value changed, plus one if a meant box changed without a fill. */
  stray: number;
}

/** Judges a mutated page once Signpost has decided (call after `signpostState`). */
export function judge(page: Page, want: { email: string } | { account: string; userName: string }) {
  return page.evaluate((want): Played => {
    type Box = HTMLInputElement | null;
    const w = window as unknown as {
      __mutant: { meant: Record<string, Box>; texts: HTMLInputElement[]; before: string[] };
      __replica: { submitted: Record<string, unknown> | null };
    };
    const { meant, texts, before } = w.__mutant;
    const boxes = [meant.box, meant.account, meant.userName].filter(Boolean);
    const changed = (box: HTMLInputElement) => box.value !== before[texts.indexOf(box)];
    const stray = texts.filter((box) => !boxes.includes(box) && changed(box)).length;
    let filled: boolean;
    if ('email' in want) filled = meant.box?.value === want.email && meant.radio?.checked === true;
    else {
      meant.submit?.click();
      const sent = w.__replica.submitted;
      filled = sent?.account === want.account && sent?.username === want.userName;
    }
    const status = document.documentElement.dataset.signpost;
    const meantChanged = boxes.some((box) => box && changed(box));
    return {
      status,
      filled: filled && status === 'filled',
      stray: stray + (!filled && meantChanged ? 1 : 0),
    };
  }, want);
}
