// Which characters of a search result to mark: the matched ranges of each word, per field, merged, with
// account ID offsets moved onto its dashed form. Also the field layout of the search haystack.
import type uFuzzy from '@leeoniya/ufuzzy';
import type { SearchIndex } from './search';

/**
 * The searchable fields, in haystack order. Highlights for `accountId` are offsets in its dashed form.
 * `user` is an IAM user name (or `root`), `role` an Identity Center or switch role, `portal` its access
 * portal's short name (lib/sign-in-links.ts portalName), `display` a switch role's display name.
 */
export const FIELDS = [
  'label',
  'alias',
  'accountId',
  'user',
  'email',
  'role',
  'portal',
  'display',
  'tags',
] as const;
export type Field = (typeof FIELDS)[number];

/** Per field, flat `[start, end, start, end, …]` offsets of the matched characters. */
export type Highlights = Partial<Record<Field, number[]>>;

// The unit separator is not a letter or digit, so uFuzzy sees a word boundary between fields and
// fuzzy insertions (letters and digits only) never run from one field into the next.
export const SEP = '\u001f';
export const NFIELDS = FIELDS.length;

/** The account ID is shown as 1234-5678-9012: digit i sits at i + floor(i / 4). */
function dashed(offset: number): number {
  return offset + Math.floor(offset / 4);
}

function addRange(out: Highlights, field: Field, from: number, to: number): void {
  const ranges = out[field] ?? [];
  out[field] = ranges;
  if (field === 'accountId') {
    ranges.push(dashed(from), dashed(to - 1) + 1);
  } else {
    ranges.push(from, to);
  }
}

/** Sorts and merges overlapping ranges (several words may mark the same characters). */
function normalise(ranges: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of pairs) {
    if (out.length > 0 && from <= out[out.length - 1]!) {
      out[out.length - 1] = Math.max(out[out.length - 1]!, to);
    } else {
      out.push(from, to);
    }
  }
  return out;
}

/**
 * uFuzzy's info() gives matched ranges. Each field is tried on its own first, so a word found in both the
 * label and the alias is marked in both; a word whose parts span fields is mapped back from the haystack.
 */
export function highlight(
  fuzzy: uFuzzy,
  index: SearchIndex,
  entry: number,
  words: readonly string[],
): Highlights {
  const out: Highlights = {};
  const text = index.haystack[entry]!;
  const fields = text.split(SEP);
  const base = entry * (NFIELDS + 1);
  for (const word of words) {
    const inFields = fuzzy.filter(fields, word);
    if (inFields && inFields.length > 0) {
      const info = fuzzy.info(inFields, fields, word);
      info.idx.forEach((f, k) => {
        const ranges = info.ranges[k]!;
        for (let r = 0; r < ranges.length; r += 2) addRange(out, FIELDS[f]!, ranges[r]!, ranges[r + 1]!);
      });
      continue;
    }
    const ranges = fuzzy.info([entry], index.haystack as string[], word).ranges[0] ?? [];
    for (let r = 0; r < ranges.length; r += 2) {
      for (let f = 0; f < NFIELDS; f++) {
        const fieldStart = index.starts[base + f]!;
        const fieldEnd = index.starts[base + f + 1]! - 1;
        const from = Math.max(ranges[r]!, fieldStart);
        const to = Math.min(ranges[r + 1]!, fieldEnd);
        if (from < to) addRange(out, FIELDS[f]!, from - fieldStart, to - fieldStart);
      }
    }
  }
  for (const field of FIELDS) {
    if (out[field]) out[field] = normalise(out[field]);
  }
  return out;
}
