// Builds `aws organizations list-accounts` output of any size (the 10,000-account file is generated, not
// committed). Deterministic: account i always has the same ID, name and email.

export interface OrgFixtureOptions {
  /** Every nth account is in GovCloud (0: none). */
  govEvery?: number;
  /** Every nth account is suspended (0: none). */
  suspendedEvery?: number;
}

export function organizationsAccount(i: number, options: OrgFixtureOptions = {}) {
  const id = String(100_000_000_000 + i * 7919).padStart(12, '0');
  const gov = options.govEvery ? i % options.govEvery === 0 : false;
  const partition = gov ? 'aws-us-gov' : 'aws';
  return {
    Id: id,
    Arn: `arn:${partition}:organizations::100000000000:account/o-fixture1234/${id}`,
    Email: `aws+account-${i}@example.com`,
    Name: `Workload ${i} (${i % 3 === 0 ? 'prod' : 'dev'})`,
    Status: options.suspendedEvery && i % options.suspendedEvery === 0 ? 'SUSPENDED' : 'ACTIVE',
    JoinedMethod: 'CREATED',
    JoinedTimestamp: '2023-04-01T12:00:00.000000+00:00',
  };
}

/** The JSON text the AWS CLI prints (four-space indentation). */
export function organizationsFixture(count: number, options: OrgFixtureOptions = {}): string {
  const accounts = Array.from({ length: count }, (_, i) => organizationsAccount(i + 1, options));
  return JSON.stringify({ Accounts: accounts }, null, 4);
}
