// Landing pages in built sign-in URLs: the path stays under /console on the account's own host, and a
// query or fragment stays a query or fragment, in every partition.
import { describe, expect, it } from 'vitest';
import { accountSignInUrl } from '../../lib/hosts';
import type { Partition } from '../../lib/ids';

const HOSTS: [Partition, string][] = [
  ['aws', 'signin.aws.amazon.com'],
  ['aws-us-gov', 'signin.amazonaws-us-gov.com'],
  ['aws-cn', 'signin.amazonaws.cn'],
];

// [landing page, account region, what follows https://<account>.<sign-in host>]
const CASES: [string, string | undefined, string][] = [
  ['/s3', undefined, '/console/s3'],
  ['ec2/home', 'eu-west-1', '/console/ec2/home?region=eu-west-1'],
  ['cloudwatch/home#alarms', undefined, '/console/cloudwatch/home#alarms'],
  ['cloudwatch/home#alarms', 'eu-west-1', '/console/cloudwatch/home?region=eu-west-1#alarms'],
  [
    'cloudwatch/home?region=us-east-1#alarms:',
    'eu-west-1',
    '/console/cloudwatch/home?region=us-east-1#alarms:',
  ],
  ['ec2/home?tab=instances', 'eu-west-1', '/console/ec2/home?tab=instances&region=eu-west-1'],
  ['/console/home', undefined, '/console/home'],
  ['s3/../ec2/./home', undefined, '/console/ec2/home'],
  ['s3/buckets/my%20bucket', undefined, '/console/s3/buckets/my%20bucket'],
  // Stored before the rule: climbing out of /console is left out, the route lands on /console.
  ['../../federation', 'eu-west-1', '/console?region=eu-west-1'],
  ['%2e%2e/%2E%2E/oauth', undefined, '/console'],
  ['.%2e/oauth', undefined, '/console'],
  ['s3%2f..%2f..%2foauth', undefined, '/console'],
  ['s3\\..\\..\\oauth', undefined, '/console'],
  ['/console/../../oauth?x=1#y', undefined, '/console'],
  ['%252e%252e/oauth', undefined, '/console/%252e%252e/oauth'],
];

describe.each(HOSTS)('landing pages in %s (%s)', (partition, host) => {
  it.each(CASES)('%j with region %s → %s', (landingPath, region, tail) => {
    const url = accountSignInUrl({ partition, account: '123456789012', landingPath, region });
    expect(url).toBe(`https://123456789012.${host}${tail}`);
    const parsed = new URL(url);
    expect(parsed.host).toBe(`123456789012.${host}`);
    expect(parsed.pathname === '/console' || parsed.pathname.startsWith('/console/')).toBe(true);
  });
});
