// Parses AWS console URLs: `console.<partition host>`, `<region>.console…` and, with multi-session on,
// `<session differentiator>.<region>.console…`. Hosts are compared label by label, never by substring, so
// lookalikes such as `console.aws.amazon.com.evil.test` are not consoles.
import { isRegion, type Partition } from '../ids';

export interface ConsoleLocation {
  partition: Partition;
  region?: string;
  /** The multi-session label in front of the region (one session per host). */
  differentiator?: string;
}

const CONSOLE_SUFFIXES: readonly { partition: Partition; labels: readonly string[] }[] = [
  { partition: 'aws', labels: ['console', 'aws', 'amazon', 'com'] },
  { partition: 'aws-us-gov', labels: ['console', 'amazonaws-us-gov', 'com'] },
  { partition: 'aws-cn', labels: ['console', 'amazonaws', 'cn'] },
];

/** Content-script match patterns: the console hosts of the three partitions. `*.` matches any depth, so
 * parseConsoleUrl narrows it to a region, or a differentiator and a region, at run time. */
export const CONSOLE_MATCHES = [
  'https://console.aws.amazon.com/*',
  'https://*.console.aws.amazon.com/*',
  'https://console.amazonaws-us-gov.com/*',
  'https://*.console.amazonaws-us-gov.com/*',
  'https://console.amazonaws.cn/*',
  'https://*.console.amazonaws.cn/*',
];

// One DNS label: letters, digits and inner hyphens (hostnames reach us lowercased).
const DIFFERENTIATOR = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A region belongs to one partition: `us-gov-*` to GovCloud, `cn-*` to China, the rest (not ISO) to aws. */
function regionOf(partition: Partition, region: string): boolean {
  if (!isRegion(region)) return false;
  if (partition === 'aws-us-gov') return region.startsWith('us-gov-');
  if (partition === 'aws-cn') return region.startsWith('cn-');
  return !region.startsWith('us-gov-') && !region.startsWith('cn-') && !/^[a-z]{2}-iso/.test(region);
}

/**
 * Where a URL is if it is exactly a console host of a supported partition over plain https (default port,
 * no user info); undefined for everything else.
 */
export function parseConsoleUrl(input: string): ConsoleLocation | undefined {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') {
    return undefined;
  }
  const labels = url.hostname.split('.');
  for (const { partition, labels: suffix } of CONSOLE_SUFFIXES) {
    const head = labels.slice(0, -suffix.length);
    const tail = labels.slice(-suffix.length);
    if (tail.length !== suffix.length || tail.some((label, i) => label !== suffix[i])) continue;
    if (head.length === 0) return { partition };
    const region = head.at(-1)!;
    if (head.length > 2 || !regionOf(partition, region)) return undefined;
    if (head.length === 1) return { partition, region };
    const differentiator = head[0]!;
    return DIFFERENTIATOR.test(differentiator) ? { partition, region, differentiator } : undefined;
  }
  return undefined;
}
