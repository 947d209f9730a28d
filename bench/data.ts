// Made-up but realistically shaped data for the benchmark: sign-ins spread over accounts of one to three
// IAM users (some with a root email, an alias, tags), and `aws organizations list-accounts` output.
import type { AccountDraftInput } from '../lib/messages';

const DAY = 86_400_000;
const TEAMS = ['payments', 'search', 'identity', 'data', 'platform', 'mobile', 'billing', 'ml', 'security'];
const STAGES = ['prod', 'staging', 'dev', 'sandbox'];
const USERS = ['admin', 'deploy', 'readonly', 'alice', 'bob', 'ci-bot', 'operator'];

/** The account ID of the i-th generated account: spread out, always 12 digits. */
export function accountIdOf(i: number): string {
  return String(100000000000 + i * 7919).padStart(12, '0');
}

/** Drafts holding exactly `count` sign-ins (the popup's rows): IAM users, and a root email on every 7th account. */
export function signInDrafts(count: number, now = Date.now()): AccountDraftInput[] {
  const drafts: AccountDraftInput[] = [];
  let made = 0;
  for (let i = 0; made < count; i++) {
    const team = TEAMS[i % TEAMS.length]!;
    const stage = STAGES[Math.floor(i / TEAMS.length) % STAGES.length]!;
    const users = Math.min(1 + (i % 3), count - made);
    const signIns: NonNullable<AccountDraftInput['signIns']> = Array.from({ length: users }, (_, u) => ({
      type: 'iam' as const,
      userName: USERS[(i + u) % USERS.length]!,
      uses: (i * 13 + u) % 9,
      lastUsed: now - ((i * 7 + u) % 60) * DAY,
    }));
    made += users;
    if (i % 7 === 0 && made < count) {
      signIns.push({ type: 'root', email: `aws-${team}-${stage}-${i}@example.com`, uses: 0, lastUsed: 0 });
      made += 1;
    }
    drafts.push({
      accountId: accountIdOf(i),
      label: `${team[0]!.toUpperCase()}${team.slice(1)} ${stage} ${i}`,
      ...(i % 5 === 0 ? { alias: `${team}-${stage}-${i}` } : {}),
      ...(i % 4 === 0 ? { colour: '#1f77b4' } : {}),
      ...(i % 3 === 0 ? { tags: [team, stage] } : {}),
      signIns,
    });
  }
  return drafts;
}

/** `aws organizations list-accounts` output for `count` active accounts, as the CLI prints it. */
export function organizationsJson(count: number): string {
  const accounts = Array.from({ length: count }, (_, i) => {
    const id = String(200000000000 + i * 104729).padStart(12, '0');
    const team = TEAMS[i % TEAMS.length]!;
    return {
      Id: id,
      Arn: `arn:aws:organizations::111122223333:account/o-exampleorg1/${id}`,
      Email: `aws+${team}-${i}@example.com`,
      Name: `${team} workload ${i}`,
      Status: 'ACTIVE',
      JoinedMethod: i === 0 ? 'INVITED' : 'CREATED',
      JoinedTimestamp: '2024-03-14T09:26:53.589000+00:00',
    };
  });
  return JSON.stringify({ Accounts: accounts }, null, 4);
}
