// Frecency: how often and how recently a sign-in was used, as one score. Shared by the store (updates),
// the popup and the omnibox (ranking), so every entry point orders sign-ins the same way.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Use counts saturate here: fifty sign-ins a day for five years. Past it a count is not evidence of anything
 * but a hand-edited or hostile import file, and log2 of it would pin that account to the top.
 */
export const MAX_USES = 100_000;

/** How far in the future a last use may be and still count as recent: clocks of two machines disagree. */
export const CLOCK_SKEW = 5 * 60_000;

/** Weight of the most recent use by age, in the spirit of Firefox's frecency buckets. */
function recencyWeight(age: number): number {
  if (age < 4 * HOUR) return 100;
  if (age < DAY) return 80;
  if (age < 7 * DAY) return 60;
  if (age < 30 * DAY) return 40;
  if (age < 90 * DAY) return 20;
  return 10;
}

export interface Frecency {
  uses: number;
  lastUsed: number;
}

/**
 * Higher is better; never-used sign-ins score 0. A last use further in the future than CLOCK_SKEW is not
 * believed (a file dated 2096 would otherwise stay "used just now" for seventy years): it weighs as old.
 */
export function frecencyScore(f: Frecency, now = Date.now()): number {
  if (f.uses <= 0 || f.lastUsed <= 0) return 0;
  const age = f.lastUsed > now + CLOCK_SKEW ? Number.POSITIVE_INFINITY : Math.max(0, now - f.lastUsed);
  return Math.log2(1 + Math.min(f.uses, MAX_USES)) * recencyWeight(age);
}

/** The frecency after one more use at `now`; a last use beyond the clock skew is replaced, not kept. */
export function recordUse(f: Frecency, now = Date.now()): Frecency {
  const lastUsed = f.lastUsed > now + CLOCK_SKEW ? now : Math.max(f.lastUsed, now);
  return { uses: Math.min(f.uses + 1, MAX_USES), lastUsed };
}

/**
 * What an imported sign-in may claim: uses up to MAX_USES, a last use no later than the import itself (a
 * file cannot say it was used tomorrow). Fields the file left out stay out.
 */
export function importedFrecency<T extends Partial<Frecency>>(f: T, now: number): T {
  const capped = { ...f };
  if (f.uses !== undefined) capped.uses = Math.min(f.uses, MAX_USES);
  if (f.lastUsed !== undefined) capped.lastUsed = Math.min(f.lastUsed, now);
  return capped;
}

/** Combines what two copies of one sign-in know (import, merge): neither loses uses nor recency. */
export function mergeFrecency(a: Frecency, b: Frecency): Frecency {
  return { uses: Math.max(a.uses, b.uses), lastUsed: Math.max(a.lastUsed, b.lastUsed) };
}
