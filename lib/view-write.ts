// The service worker's side of the popup's view (lib/view.ts): the records a write puts into `meta`, in the
// same transaction as the chunks it changes, so the view is never older or newer than the accounts.
import type { IDBPObjectStore } from 'idb';
import type { SignpostDB } from './db';
import type { Account } from './schema';
import { firstAccounts } from './search';
import {
  checkState,
  decodeAccounts,
  encodeAccounts,
  FIRST_SCREEN,
  VIEW_CHUNK_PREFIX,
  VIEW_FORMAT,
  VIEW_STATE_KEY,
  type ViewChunk,
  type ViewState,
  viewChunkKey,
} from './view';
import { type NameOrder, VIEW_ORDER_KEY } from './view-order';

type Meta = IDBPObjectStore<SignpostDB, ('chunks' | 'meta')[], 'meta', 'readwrite'>;

export const allViewChunks = () => IDBKeyRange.bound(VIEW_CHUNK_PREFIX, `${VIEW_CHUNK_PREFIX}\uffff`);

/** Whether the view in `meta` is one this code writes (else the next write rebuilds it whole). */
export const viewIsCurrent = (raw: unknown) => checkState(raw) !== undefined;

/** Whether every chunk record the state lists is there, and no other (a torn view is written whole again). */
export function viewIsWhole(raw: unknown, keys: readonly IDBValidKey[]): boolean {
  const state = checkState(raw);
  if (!state || keys.length !== state.chunks.length) return false;
  const listed = new Set(state.chunks.map(viewChunkKey));
  return keys.every((k) => typeof k === 'string' && listed.has(k));
}

export interface ViewUpdate {
  /** The view on disk was missing or of another format: every view record is written anew. */
  rebuild: boolean;
  /** The valid accounts of every chunk this write puts (all chunks when the view is rebuilt). */
  chunks: Map<number, Account[]>;
  /** Chunks this write deletes. */
  deleted: number[];
  /** Every chunk with a sound shape after the write (damaged ones have no view). */
  present: number[];
  /** Every valid account after the write, in the store's order. */
  accounts: readonly Account[];
  problems: string[];
  now: number;
  /** The names' order to write, when the write changed the names (lib/view-order.ts). */
  order?: NameOrder;
  /** The order already on disk, when the write left it as it was. */
  previousOrder?: NameOrder;
}

/**
 * Whether a write leaves the view on disk as it is: it writes no chunk, and the view lists the same chunks
 * and problems (an import of a file already imported: its first screen is not ranked and written again).
 */
export function viewUnchanged(update: ViewUpdate, raw: unknown): boolean {
  const state = checkState(raw);
  // A names' order to write (none on disk yet, as after an update) is a change too.
  if (!state || update.rebuild || update.order || update.chunks.size > 0 || update.deleted.length > 0)
    return false;
  const present = [...update.present].sort((a, b) => a - b);
  const same = (a: readonly unknown[], b: readonly unknown[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  return same(present, state.chunks) && same(update.problems, state.problems);
}

/** Puts the view records a write changes; every request is queued on `meta` before this returns. */
export function writeView(meta: Meta, update: ViewUpdate): Promise<unknown>[] {
  const chunkRecord = (chunk: number, accounts: Account[]): ViewChunk => ({
    format: VIEW_FORMAT,
    chunk,
    accounts: encodeAccounts(accounts),
  });
  const writes: Promise<unknown>[] = [];
  if (update.rebuild) writes.push(meta.delete(allViewChunks()));
  for (const n of update.deleted) writes.push(meta.delete(viewChunkKey(n)));
  for (const [n, accounts] of update.chunks) writes.push(meta.put(chunkRecord(n, accounts), viewChunkKey(n)));
  const state: ViewState = {
    format: VIEW_FORMAT,
    chunks: [...update.present].sort((a, b) => a - b),
    first: encodeAccounts(firstAccounts(update.accounts, FIRST_SCREEN, update.now)),
    problems: update.problems,
  };
  writes.push(meta.put(state, VIEW_STATE_KEY));
  if (update.order) writes.push(meta.put(update.order, VIEW_ORDER_KEY));
  return writes;
}

/** A record's view after one use was counted: the chunk's record and the first screen, patched in place. */
export function patchedFirst(state: ViewState, first: Account[], next: Account, now: number): ViewState {
  // Only `next` scored higher, so the first screen is the old one with it, re-ranked and cut.
  const listed = first.some((a) => a.key === next.key);
  const accounts = listed ? first.map((a) => (a.key === next.key ? next : a)) : [...first, next];
  return { ...state, first: encodeAccounts(firstAccounts(accounts, FIRST_SCREEN, now)) };
}

/**
 * The view records to write when one use of `next` (on chunk `chunk`) was counted, as read in the same
 * transaction. No current view: nothing (the next full write rebuilds it). A view that does not hold the
 * account where the chunks do: its state is dropped, so the popup asks the worker and the worker rebuilds.
 */
export function patchView(
  meta: Meta,
  read: { state: unknown; chunk: unknown },
  chunk: number,
  next: Account,
  now: number,
): Promise<unknown>[] {
  const state = checkState(read.state);
  if (!state) return [];
  const record = read.chunk as Partial<ViewChunk> | undefined;
  const accounts =
    record?.format === VIEW_FORMAT && record.chunk === chunk ? decodeAccounts(record.accounts) : undefined;
  const first = decodeAccounts(state.first);
  if (!accounts || !first || !accounts.some((a) => a.key === next.key)) return [meta.delete(VIEW_STATE_KEY)];
  const patched: ViewChunk = {
    format: VIEW_FORMAT,
    chunk,
    accounts: encodeAccounts(accounts.map((a) => (a.key === next.key ? next : a))),
  };
  return [
    meta.put(patched, viewChunkKey(chunk)),
    meta.put(patchedFirst(state, first, next, now), VIEW_STATE_KEY),
  ];
}
