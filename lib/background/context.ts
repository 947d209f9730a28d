// What every message handler works with: who sent the message, the background's dependencies, the
// context of one message, and the refusal a handler throws.
import type { ConsoleLocation, SignInLocation } from '../hosts';
import type { ParsedRequestOf, RequestType } from '../message-schemas';
import type { Store } from '../store';
import type { Focuser } from './console-handlers';
import type { Consoles } from './consoles';
import type { Session } from './session';

export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface Tabs {
  create(props: { url: string; active: boolean }): Promise<{ id?: number }>;
  update(tabId: number, props: { url: string }): Promise<unknown>;
}

export interface Deps {
  store: Store;
  session: Session;
  tabs: Tabs;
  /** This extension's id and the origin of its pages (`chrome-extension://<id>/`). */
  extensionId: string;
  extensionOrigin: string;
  /** The live map of console tabs, and the tab and window calls that read it and bring a tab forward. */
  consoles?: Focuser & { map: Consoles };
  now?: () => number;
  newToken?: () => string;
}

/** A refusal in plain words: its text reaches the sender as it is. */
export class Refused extends Error {}

/**
 * Handlers for the request types `K`: each receives its request as its schema parsed it, and what it
 * resolves with is its reply's type (lib/messages.ts infers Responses from them).
 */
export type HandlersFor<K extends RequestType> = {
  [T in K]: (request: ParsedRequestOf<T>, ctx: Ctx) => Promise<unknown>;
};

/** What a handler knows of one message: the dependencies, the sender's tab and URL, and its place. */
export interface Ctx extends Deps {
  now: () => number;
  tabId: number;
  url: string;
  loc?: SignInLocation;
  consoleLoc?: ConsoleLocation;
}
