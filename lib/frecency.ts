// Frecency: how often and how recently a sign-in was used, as one score. Shared by the store (updates),
// the popup and the omnibox (ranking), so every entry point orders sign-ins the same way.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

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

/** Higher is better; never-used sign-ins score 0. */
export function frecencyScore(f: Frecency, now = Date.now()): number {
  if (f.uses <= 0 || f.lastUsed <= 0) return 0;
  return Math.log2(1 + f.uses) * recencyWeight(Math.max(0, now - f.lastUsed));
}

/** The frecency after one more use at `now`. */
export function recordUse(f: Frecency, now = Date.now()): Frecency {
  return { uses: f.uses + 1, lastUsed: Math.max(f.lastUsed, now) };
}

/** Combines what two copies of one sign-in know (import, merge): neither loses uses nor recency. */
export function mergeFrecency(a: Frecency, b: Frecency): Frecency {
  return { uses: Math.max(a.uses, b.uses), lastUsed: Math.max(a.lastUsed, b.lastUsed) };
}
