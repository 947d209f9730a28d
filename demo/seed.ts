// The playground's sample accounts: every partition, aliases, several IAM users and a root email, as the
// extension's own `accounts.import` message takes them. None of these accounts exists.
import type { AccountDraftInput } from '../lib/messages';

const DAY = 86_400_000;

export function sampleAccounts(now = Date.now()): AccountDraftInput[] {
  return [
    {
      accountId: '123456789012',
      alias: 'acme-prod',
      label: 'Acme production',
      colour: '#d62728',
      tags: ['prod'],
      signIns: [
        { type: 'iam', userName: 'alice', uses: 14, lastUsed: now - DAY },
        { type: 'iam', userName: 'deploy-bot', uses: 3, lastUsed: now - 9 * DAY },
        { type: 'root', email: 'aws-prod@acme.example', uses: 1, lastUsed: now - 60 * DAY },
      ],
    },
    {
      accountId: '234567890123',
      alias: 'acme-staging',
      label: 'Acme staging',
      colour: '#ff7f0e',
      tags: ['staging'],
      signIns: [
        { type: 'iam', userName: 'alice', uses: 8, lastUsed: now - 2 * DAY },
        { type: 'iam', userName: 'bob', uses: 2, lastUsed: now - 20 * DAY },
      ],
    },
    {
      accountId: '345678901234',
      label: 'Data lake',
      colour: '#2ca02c',
      tags: ['analytics'],
      signIns: [{ type: 'iam', userName: 'analyst', uses: 5, lastUsed: now - 3 * DAY }],
    },
    {
      partition: 'aws-us-gov',
      accountId: '456789012345',
      label: 'GovCloud workloads',
      colour: '#1f77b4',
      tags: ['gov'],
      signIns: [{ type: 'iam', userName: 'operator', uses: 2, lastUsed: now - 12 * DAY }],
    },
    {
      partition: 'aws-cn',
      accountId: '567890123456',
      alias: 'acme-cn',
      label: 'Acme China',
      tags: ['cn'],
      signIns: [{ type: 'iam', userName: 'ops-cn', uses: 1, lastUsed: now - 30 * DAY }],
    },
    {
      label: 'Personal sandbox',
      colour: '#9467bd',
      signIns: [{ type: 'root', email: 'me@example.com', uses: 1, lastUsed: now - 90 * DAY }],
    },
  ];
}
