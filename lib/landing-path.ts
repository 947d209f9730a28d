// Reads an account's landing page (`/s3`, `cloudwatch/home?region=eu-west-1#alarms`) into a path below
// /console, a query and a fragment. Dot segments are resolved after percent-decoding, so neither
// `../../federation` nor `%2e%2e/` can take a sign-in URL out of /console.

export interface LandingPath {
  /** Decoded path segments below /console; empty for the console's home. */
  segments: string[];
  /** The query without its `?`, as written. */
  query: string;
  /** The fragment without its `#`, as written. */
  fragment: string;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function decoded(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * The landing page's parts, or undefined when its path climbs above /console or does not decode. A
 * leading `console/` is the console itself (`/console/home` and `home` land on the same page).
 */
export function resolveLandingPath(input: string): LandingPath | undefined {
  const [beforeFragment, fragment] = splitOnce(input.trim(), '#');
  const [rawPath, query] = splitOnce(beforeFragment, '?');
  const path = decoded(rawPath);
  if (path === undefined) return undefined;
  // Browsers read a backslash as a slash in https URLs, so it separates segments here too.
  const parts = path.split(/[/\\]/).filter((part) => part !== '');
  if (parts[0] === 'console') parts.shift();
  const segments: string[] = [];
  for (const part of parts) {
    if (part === '.') continue;
    if (part === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(part);
  }
  return { segments, query, fragment };
}
