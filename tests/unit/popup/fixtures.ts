// Account records for the popup and search tests: a hand-written few, and a generated 10,000.
import { type Account, DEFAULT_SETTINGS } from '../../../lib/schema';
import { firstAccounts } from '../../../lib/search';

const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 0, 15, 12);

type Partial2 = Omit<Partial<Account>, 'signIns'> & { signIns?: Account['signIns'] };

export function account(fields: Partial2 & { key: string }): Account {
  return {
    partition: 'aws',
    tags: [],
    signIns: [],
    createdAt: NOW - 100 * DAY,
    updatedAt: NOW - 100 * DAY,
    ...fields,
  };
}

export function iam(userName: string, uses = 0, daysAgo = 0): Account['signIns'][number] {
  return { type: 'iam', userName, uses, lastUsed: uses > 0 ? NOW - daysAgo * DAY : 0 };
}

export function root(email: string, uses = 0, daysAgo = 0): Account['signIns'][number] {
  return { type: 'root', email, uses, lastUsed: uses > 0 ? NOW - daysAgo * DAY : 0 };
}

export function sso(startUrl: string, roleName: string, uses = 0, daysAgo = 0): Account['signIns'][number] {
  return { type: 'sso', startUrl, roleName, uses, lastUsed: uses > 0 ? NOW - daysAgo * DAY : 0 };
}

export function switchRole(
  roleName: string,
  extra: { displayName?: string; colour?: string } = {},
  uses = 0,
  daysAgo = 0,
): Account['signIns'][number] {
  return { type: 'switch', roleName, ...extra, uses, lastUsed: uses > 0 ? NOW - daysAgo * DAY : 0 };
}

/** `count` sign-ins spread over accounts of one to three users, some with aliases and tags. */
export function manyAccounts(count: number): Account[] {
  const accounts: Account[] = [];
  const teams = ['payments', 'search', 'identity', 'data', 'platform', 'mobile', 'billing', 'ml'];
  const stages = ['prod', 'staging', 'dev', 'sandbox'];
  const users = ['admin', 'deploy', 'readonly', 'alice', 'bob', 'ci-bot'];
  let made = 0;
  for (let i = 0; made < count; i++) {
    const team = teams[i % teams.length]!;
    const stage = stages[Math.floor(i / teams.length) % stages.length]!;
    const n = Math.min(1 + (i % 3), count - made);
    accounts.push(
      account({
        key: `k${i}`,
        accountId: String(100000000000 + i * 7919).padStart(12, '0'),
        alias: i % 2 === 0 ? `${team}-${stage}-${i}` : undefined,
        label: `${team[0]!.toUpperCase()}${team.slice(1)} ${stage} ${i}`,
        tags: i % 5 === 0 ? [team, stage] : [],
        colour: i % 4 === 0 ? '#1f77b4' : undefined,
        signIns: Array.from({ length: n }, (_, u) =>
          iam(users[(i + u) % users.length]!, (i * 13 + u) % 7, i % 40),
        ),
      }),
    );
    made += n;
  }
  return accounts;
}

/** The worker's answer to `accounts.list` over `accounts`: the first screen's when a limit is asked. */
export function listReply(accounts: Account[], request: { limit?: number }) {
  const some = request.limit === undefined ? accounts : firstAccounts(accounts, request.limit, NOW);
  return { accounts: some, problems: [], settings: DEFAULT_SETTINGS, complete: some === accounts };
}

/** The popup's browser around it, doing nothing: no tab, no clipboard, no options page; the fixtures' clock. */
export const QUIET_BROWSER = {
  activeTab: async () => undefined,
  ownTab: async () => undefined,
  close: () => {},
  copy: async () => {},
  openOptions: async () => {},
  now: () => NOW,
};
