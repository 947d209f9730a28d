// Console hosts of the three partitions, label by label: the bare, regional and multi-session forms are
// consoles; lookalikes, other schemes, ports, user info and extra labels are not.
import { describe, expect, it } from 'vitest';
import { CONSOLE_MATCHES, parseConsoleUrl } from '../../../lib/hosts';

describe('console hosts', () => {
  it.each([
    ['https://console.aws.amazon.com/console/home', { partition: 'aws' }],
    ['https://us-east-1.console.aws.amazon.com/ec2/home', { partition: 'aws', region: 'us-east-1' }],
    [
      'https://123456789012-x7q2ab9c.eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1',
      {
        partition: 'aws',
        region: 'eu-west-1',
        differentiator: '123456789012-x7q2ab9c',
        accountId: '123456789012',
      },
    ],
    ['https://CONSOLE.AWS.Amazon.com/', { partition: 'aws' }],
    ['https://console.aws.amazon.com:443/', { partition: 'aws' }],
    ['https://console.amazonaws-us-gov.com/', { partition: 'aws-us-gov' }],
    [
      'https://us-gov-west-1.console.amazonaws-us-gov.com/',
      { partition: 'aws-us-gov', region: 'us-gov-west-1' },
    ],
    [
      'https://210987654321-abc.us-gov-east-1.console.amazonaws-us-gov.com/',
      {
        partition: 'aws-us-gov',
        region: 'us-gov-east-1',
        differentiator: '210987654321-abc',
        accountId: '210987654321',
      },
    ],
    ['https://console.amazonaws.cn/', { partition: 'aws-cn' }],
    ['https://cn-north-1.console.amazonaws.cn/', { partition: 'aws-cn', region: 'cn-north-1' }],
    [
      'https://111122223333-q.cn-northwest-1.console.amazonaws.cn/',
      {
        partition: 'aws-cn',
        region: 'cn-northwest-1',
        differentiator: '111122223333-q',
        accountId: '111122223333',
      },
    ],
  ])('%s is a console', (url, expected) => {
    expect(parseConsoleUrl(url)).toEqual(expected);
  });

  it.each([
    ['a lookalike suffix', 'https://console.aws.amazon.com.evil.test/'],
    ['a lookalike label', 'https://console-aws.amazon.com/'],
    ['a lookalike in front', 'https://evilconsole.aws.amazon.com/'],
    ['too many labels', 'https://a.b.c.console.aws.amazon.com/'],
    ['three labels in front', 'https://x.y.us-east-1.console.aws.amazon.com/'],
    ['a non-region label', 'https://acme.console.aws.amazon.com/'],
    ['a differentiator without a region', 'https://abc-123.def.console.aws.amazon.com/'],
    ['a differentiator that is no DNS label', 'https://-abc.us-east-1.console.aws.amazon.com/'],
    ['a GovCloud region on the aws console', 'https://us-gov-west-1.console.aws.amazon.com/'],
    ['an aws region on the China console', 'https://us-east-1.console.amazonaws.cn/'],
    ['an ISO region', 'https://us-iso-east-1.console.aws.amazon.com/'],
    ['plain http', 'http://console.aws.amazon.com/'],
    ['another port', 'https://console.aws.amazon.com:8443/'],
    ['user info', 'https://me@console.aws.amazon.com/'],
    ['user and password', 'https://me:pw@us-east-1.console.aws.amazon.com/'],
    ['a sign-in host', 'https://signin.aws.amazon.com/'],
    ['the partition host alone', 'https://aws.amazon.com/console/'],
    ['not a URL', 'console.aws.amazon.com'],
    ['empty', ''],
  ])('%s is not a console: %s', (_why, url) => {
    expect(parseConsoleUrl(url)).toBeUndefined();
  });

  const REGION_OF: Record<string, string> = {
    'aws.amazon.com': 'us-east-1',
    'amazonaws-us-gov.com': 'us-gov-west-1',
    'amazonaws.cn': 'cn-north-1',
  };
  it.each(CONSOLE_MATCHES)('match pattern %s covers only hosts the parser narrows down', (pattern) => {
    const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)![1]!;
    const region = REGION_OF[host.replace(/^(?:\*\.)?console\./, '')]!;
    expect(parseConsoleUrl(`https://${host.replace('*', region)}/`)).toBeDefined();
  });
});
