// The popup's read-model ("view") of the accounts store: what the popup shows and searches, kept in the
// store's `meta` object store in a columnar layout (arrays of strings and numbers clone from IndexedDB several
// times faster than one object per account) and written by the service worker in the same transaction as the
// account chunks it mirrors (lib/chunks.ts), so the popup can read it itself, with the worker stopped, and a
// read after a write's commit sees that write. Records:
// - `view`: the state: the format, which chunks have a view record, the first screen's accounts (so the popup
//   paints before it reads the rest) and the problems the last full read found;
// - `view/<chunk>`: one per account chunk, its valid accounts.
// Everything read back is checked here (shapes, not zod: the worker validated every account it wrote), and
// anything torn, older or odd is refused: the popup then asks the worker, as before, and the worker rebuilds.
import type { Account } from './schema';

/** Bumped whenever the layout below changes: a view of another format is ignored and rebuilt. */
export const VIEW_FORMAT = 1;
export { DB_NAME, VIEW_STATE_KEY } from './view-open';
export const VIEW_CHUNK_PREFIX = 'view/';
/** Sign-ins on the popup's first screen: more than a screenful at 200% zoom or on a tall popup. */
export const FIRST_SCREEN = 40;

export const viewChunkKey = (chunk: number) => `${VIEW_CHUNK_PREFIX}${chunk}`;

/** The account fields the popup uses that are strings (absent: undefined). Notes are left out. */
const TEXT = ['key', 'partition', 'accountId', 'alias', 'label', 'colour', 'region', 'landingPath'] as const;
/** The strings a sign-in may carry besides its type; a new kind adds its fields here. */
const SIGN_IN_TEXT = ['userName', 'email', 'startUrl', 'roleName', 'displayName', 'colour'] as const;
type Column = (string | undefined)[];

/** Accounts in columns. Sign-ins are in their own columns; account i has sign-ins from[i] to from[i + 1]. */
export interface ViewColumns {
  text: Record<(typeof TEXT)[number], Column>;
  tags: string[][];
  createdAt: number[];
  updatedAt: number[];
  managed: boolean[];
  from: number[];
  signIns: {
    type: string[];
    text: Record<(typeof SIGN_IN_TEXT)[number], Column>;
    uses: number[];
    lastUsed: number[];
  };
}

export interface ViewChunk {
  format: number;
  chunk: number;
  accounts: ViewColumns;
}

export interface ViewState {
  format: number;
  /** The chunks that have a view record, in the store's order. */
  chunks: number[];
  /** The accounts of the first FIRST_SCREEN sign-ins, ranked when the view was written. */
  first: ViewColumns;
  problems: string[];
}

export function encodeAccounts(accounts: readonly Account[]): ViewColumns {
  const text = Object.fromEntries(TEXT.map((f) => [f, [] as Column])) as ViewColumns['text'];
  const signInText = Object.fromEntries(
    SIGN_IN_TEXT.map((f) => [f, [] as Column]),
  ) as ViewColumns['signIns']['text'];
  const out: ViewColumns = {
    text,
    tags: [],
    createdAt: [],
    updatedAt: [],
    managed: [],
    from: [0],
    signIns: { type: [], text: signInText, uses: [], lastUsed: [] },
  };
  for (const a of accounts) {
    for (const f of TEXT) text[f].push(a[f]);
    out.tags.push(a.tags);
    out.createdAt.push(a.createdAt);
    out.updatedAt.push(a.updatedAt);
    out.managed.push(a.managed === true);
    for (const s of a.signIns) {
      out.signIns.type.push(s.type);
      for (const f of SIGN_IN_TEXT)
        signInText[f].push((s as Record<string, unknown>)[f] as string | undefined);
      out.signIns.uses.push(s.uses);
      out.signIns.lastUsed.push(s.lastUsed);
    }
    out.from.push(out.signIns.type.length);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Reading back: shape checks only, each a plain loop (a full zod parse of 10,000 accounts takes ~100 ms).

const PARTITIONS = new Set(['aws', 'aws-us-gov', 'aws-cn']);
const COLOUR = /^#[0-9a-f]{6}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function column(v: unknown, n: number, optional: boolean): v is Column {
  if (!Array.isArray(v) || v.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const s = v[i];
    if (typeof s !== 'string' && !(optional && s === undefined)) return false;
  }
  return true;
}

function numbers(v: unknown, n: number): v is number[] {
  if (!Array.isArray(v) || v.length !== n) return false;
  for (let i = 0; i < n; i++) if (!isCount(v[i])) return false;
  return true;
}

/** The accounts in `columns`, or undefined when anything is not as encodeAccounts writes it. */
export function decodeAccounts(columns: unknown): Account[] | undefined {
  if (!isObject(columns) || !isObject(columns.text) || !isObject(columns.signIns)) return undefined;
  const { text, tags, createdAt, updatedAt, managed, from, signIns } = columns;
  const keys = text.key;
  if (!Array.isArray(keys)) return undefined;
  const n = keys.length;
  for (const f of TEXT) if (!column(text[f], n, f !== 'key' && f !== 'partition')) return undefined;
  if (!numbers(createdAt, n) || !numbers(updatedAt, n) || !numbers(from, n + 1)) return undefined;
  if (!Array.isArray(tags) || tags.length !== n || !Array.isArray(managed) || managed.length !== n)
    return undefined;
  const sType = signIns.type;
  const sText = signIns.text;
  if (!Array.isArray(sType) || !isObject(sText)) return undefined;
  const m = sType.length;
  if (!column(sType, m, false) || !numbers(signIns.uses, m) || !numbers(signIns.lastUsed, m))
    return undefined;
  for (const f of SIGN_IN_TEXT) if (!column(sText[f], m, true)) return undefined;
  const t = text as ViewColumns['text'];
  const st = sText as ViewColumns['signIns']['text'];
  const uses = signIns.uses as number[];
  const lastUsed = signIns.lastUsed as number[];
  if (from[0] !== 0 || from[n] !== m) return undefined;
  const accounts: Account[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const partition = t.partition[i]!;
    const colour = t.colour[i];
    const tagList = tags[i];
    if (!keys[i] || !PARTITIONS.has(partition) || (colour !== undefined && !COLOUR.test(colour)))
      return undefined;
    if (!column(tagList, (tagList as unknown[] | undefined)?.length ?? -1, false)) return undefined;
    if (typeof managed[i] !== 'boolean' || from[i + 1]! < from[i]!) return undefined;
    const list: Account['signIns'] = [];
    for (let j = from[i]!; j < from[i + 1]!; j++) {
      const type = sType[j];
      // Every kind names its user or role by one of these; a sign-in with none could not be shown or routed.
      const named =
        type === 'iam'
          ? st.userName[j] !== undefined
          : type === 'root'
            ? st.email[j] !== undefined
            : type === 'sso'
              ? st.startUrl[j] !== undefined && st.roleName[j] !== undefined
              : type === 'switch' && st.roleName[j] !== undefined;
      const signInColour = st.colour[j];
      if (!named || (signInColour !== undefined && !COLOUR.test(signInColour))) return undefined;
      // One object shape for every sign-in and account (absent fields undefined): building 10,000 objects
      // whose keys vary took twice as long.
      list.push({
        type,
        userName: st.userName[j],
        email: st.email[j],
        startUrl: st.startUrl[j],
        roleName: st.roleName[j],
        displayName: st.displayName[j],
        colour: signInColour,
        uses: uses[j],
        lastUsed: lastUsed[j],
      } as unknown as Account['signIns'][number]);
    }
    accounts[i] = {
      key: keys[i],
      partition,
      accountId: t.accountId[i],
      alias: t.alias[i],
      label: t.label[i],
      colour,
      region: t.region[i],
      landingPath: t.landingPath[i],
      tags: tagList,
      signIns: list,
      createdAt: createdAt[i],
      updatedAt: updatedAt[i],
      managed: managed[i] ? true : undefined,
    } as Account;
  }
  return accounts;
}

/** The state record, or undefined when it is missing, of another format or not shaped as written. */
export function checkState(raw: unknown): ViewState | undefined {
  if (!isObject(raw) || raw.format !== VIEW_FORMAT) return undefined;
  const { chunks, problems } = raw;
  if (!Array.isArray(chunks) || !chunks.every((c) => Number.isInteger(c))) return undefined;
  if (!Array.isArray(problems) || !problems.every((p) => typeof p === 'string')) return undefined;
  return raw as unknown as ViewState;
}

/**
 * Every account of the view, in the store's order, from the state and the chunk records read in one
 * transaction; undefined when they do not match (a chunk missing, one too many, one damaged).
 */
export function decodeView(stateRaw: unknown, chunkRecords: readonly unknown[]): Account[] | undefined {
  const state = checkState(stateRaw);
  if (!state || chunkRecords.length !== state.chunks.length) return undefined;
  const byChunk = new Map<number, unknown>();
  for (const r of chunkRecords) {
    if (!isObject(r) || r.format !== VIEW_FORMAT || typeof r.chunk !== 'number') return undefined;
    byChunk.set(r.chunk, r.accounts);
  }
  const out: Account[] = [];
  for (const chunk of state.chunks) {
    if (!byChunk.has(chunk)) return undefined;
    const accounts = decodeAccounts(byChunk.get(chunk));
    if (!accounts) return undefined;
    for (const a of accounts) out.push(a);
  }
  return out;
}
