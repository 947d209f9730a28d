// Reads a CSV header row: which column holds what (any order, any case, a few common spellings) and
// which delimiter the file uses.

export type CsvField =
  | 'account'
  | 'alias'
  | 'label'
  | 'user'
  | 'email'
  | 'tags'
  | 'partition'
  | 'region'
  | 'colour'
  | 'notes'
  | 'landingPath';

// A Map, not an object literal: a header named `constructor` must not find Object.prototype's.
const NAMES = new Map<string, CsvField>(
  Object.entries({
    account: 'account',
    accountid: 'account',
    accountnumber: 'account',
    id: 'account',
    alias: 'alias',
    accountalias: 'alias',
    label: 'label',
    name: 'label',
    accountname: 'label',
    user: 'user',
    users: 'user',
    username: 'user',
    usernames: 'user',
    iamuser: 'user',
    iamusers: 'user',
    email: 'email',
    rootemail: 'email',
    root: 'email',
    tags: 'tags',
    tag: 'tags',
    partition: 'partition',
    region: 'region',
    colour: 'colour',
    color: 'colour',
    notes: 'notes',
    note: 'notes',
    landingpage: 'landingPath',
    landingpath: 'landingPath',
    landing: 'landingPath',
  } satisfies Record<string, CsvField>),
);

const DELIMITERS = [',', '\t', ';', '|'] as const;

export function csvField(header: string): CsvField | undefined {
  return NAMES.get(
    header
      .trim()
      .toLowerCase()
      .replace(/[^a-z]/g, ''),
  );
}

function identifies(fields: (CsvField | undefined)[]): boolean {
  return fields.some((f) => f === 'account' || f === 'alias' || f === 'email');
}

/** The delimiter and columns of a header row, or undefined when it names no account column. */
export function csvHeaderInfo(line: string): { delimiter: string } | undefined {
  let best: { delimiter: string; known: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const fields = line.split(delimiter).map((h) => csvField(h.replace(/^"|"$/g, '')));
    const known = fields.filter(Boolean).length;
    if (identifies(fields) && (!best || known > best.known)) best = { delimiter, known };
  }
  return best && { delimiter: best.delimiter };
}
