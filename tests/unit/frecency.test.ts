// Frecency against counts and times a file may claim: a billion uses or a last use in 2096 must not pin a
// sign-in to the top of the popup and the omnibox, where Enter goes to the first.
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW, frecencyScore, importedFrecency, MAX_USES, recordUse } from '../../lib/frecency';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;
/** Someone's own favourite: used 200 times, an hour ago. */
const own = { uses: 200, lastUsed: NOW - HOUR };

describe('frecency of claimed values', () => {
  it.each([
    ['a billion uses, last used long ago', { uses: 1e9, lastUsed: NOW - YEAR }],
    ['a few uses, last used in 2096', { uses: 5, lastUsed: NOW + 70 * YEAR }],
    ['MAX_USES, last used just past the clock skew', { uses: MAX_USES, lastUsed: NOW + CLOCK_SKEW + 1 }],
  ])('%s ranks below an account the person uses', (_name, claimed) => {
    expect(frecencyScore(claimed, NOW)).toBeLessThan(frecencyScore(own, NOW));
  });

  it('a last use within the clock skew still counts as recent', () => {
    expect(frecencyScore({ uses: 200, lastUsed: NOW + CLOCK_SKEW }, NOW)).toBe(frecencyScore(own, NOW));
  });

  it.each([
    ['a future last use is replaced by now', { uses: 3, lastUsed: NOW + YEAR }, { uses: 4, lastUsed: NOW }],
    ['a past one moves to now', { uses: 3, lastUsed: NOW - HOUR }, { uses: 4, lastUsed: NOW }],
    ['a slightly ahead clock is kept', { uses: 3, lastUsed: NOW + 1000 }, { uses: 4, lastUsed: NOW + 1000 }],
    ['the count saturates', { uses: MAX_USES, lastUsed: NOW }, { uses: MAX_USES, lastUsed: NOW }],
  ])('one more use: %s', (_name, before, after) => {
    expect(recordUse(before, NOW)).toEqual(after);
  });

  it.each([
    [
      'a last use after the import is the import time',
      { uses: 2, lastUsed: NOW + YEAR },
      { uses: 2, lastUsed: NOW },
    ],
    ['uses above MAX_USES are MAX_USES', { uses: 1e9, lastUsed: 5 }, { uses: MAX_USES, lastUsed: 5 }],
    ['sane values are kept', { uses: 12, lastUsed: NOW - HOUR }, { uses: 12, lastUsed: NOW - HOUR }],
  ])('imported: %s', (_name, claimed, kept) => {
    expect(importedFrecency(claimed, NOW)).toEqual(kept);
  });
});
