// The console content script's logic: once the page's DOM is parsed, read the session meta and tell the
// background which account this console tab is signed in to. It writes nothing to the page and reads
// nothing but the meta; a page whose meta is missing or makes no sense sends nothing.
import type { ConsoleRequest, Send } from '../messages';
import { domReady } from '../page/wait';
import { readSessionMeta } from './session-meta';

/** The background's "are you still a console page, and on which host?" (see lib/background/consoles.ts). */
export const CONSOLE_PING = 'console.ping';

type OnMessage = {
  addListener(listener: (message: unknown, sender: unknown, reply: (host: string) => void) => void): void;
};

/** Answers the background's ping with this page's host, and nothing else. */
export function answerPings(onMessage: OnMessage, host: string): void {
  onMessage.addListener((message, _sender, reply) => {
    if ((message as { type?: unknown } | null)?.type === CONSOLE_PING) reply(host);
  });
}

/** Reports this console page's session; resolves true when one was sent. */
export async function runConsole(doc: Document, send: Send<ConsoleRequest>): Promise<boolean> {
  // The match patterns reach any depth of subdomain; the background checks the host exactly (lib/console/
  // hosts.ts) and ignores a report from anywhere else, so the script does not carry that parser too.
  await domReady(doc, doc);
  const session = readSessionMeta(doc);
  if (!session) return false;
  try {
    await send({ type: 'console.session', ...session });
    return true;
  } catch {
    // A background that refuses (or is being updated) is no business of the console page.
    return false;
  }
}
