// What the options page's models share: the dependencies, the accounts and settings as the background last
// listed them, the notice line, and how to read an error's reason.
import type { Signal } from '@preact/signals';
import type { ExtensionRequest, Send } from '../messages';
import type { Account, Settings } from '../schema';

export interface OptionsDeps {
  send: Send<ExtensionRequest>;
  /** Saves `text` as a file called `fileName` (a Blob and an object URL in the page). */
  download: (fileName: string, text: string) => void;
  now?: () => number;
  /** Resolves after the page has painted, so "Reading…" shows before a long parse. */
  nextPaint?: () => Promise<void>;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** Puts back what the action removed. */
  undo?: () => Promise<void>;
}

/** What the editor, settings and import models read and write of the page's state. */
export interface OptionsCore {
  send: Send<ExtensionRequest>;
  now: () => number;
  accounts: Signal<Account[]>;
  settings: Signal<Settings>;
  notice: Signal<Notice | undefined>;
  /** Reads the accounts and settings again (after a write). */
  load: () => Promise<void>;
}

/** An error's reason in words. */
export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
