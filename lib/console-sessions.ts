// Where the console sessions are recorded (storage.session, one `console:<tab>` key per tab; the service
// worker's lib/background/consoles.ts writes and checks them) and which account a session is of. Kept apart
// so the popup can read the record for its first paint without loading the worker's code.
import type { Partition } from './ids';

export const CONSOLE_KEY_PREFIX = 'console:';

/** What a recorded session says about whose console it is. */
export interface SessionRef {
  partition: Partition;
  accountId: string;
  alias?: string;
}

/** Whether a console session is of this account: by ID when the account has one, else by alias. */
export function sessionOf(
  account: { partition: Partition; accountId?: string; alias?: string },
  entry: SessionRef,
): boolean {
  if (account.partition !== entry.partition) return false;
  if (account.accountId) return account.accountId === entry.accountId;
  return account.alias !== undefined && account.alias === entry.alias;
}

/** The sessions as recorded, unchecked (a tab may have left its console since; the worker checks). */
export async function recordedSessions(area: {
  get(keys: null): Promise<Record<string, unknown>>;
}): Promise<SessionRef[]> {
  const all = await area.get(null);
  return Object.entries(all).flatMap(([key, value]) => {
    const v = value as Partial<SessionRef> | null;
    return key.startsWith(CONSOLE_KEY_PREFIX) &&
      typeof v?.accountId === 'string' &&
      typeof v.partition === 'string'
      ? [
          {
            partition: v.partition,
            accountId: v.accountId,
            ...(typeof v.alias === 'string' ? { alias: v.alias } : {}),
          },
        ]
      : [];
  });
}
