// Splits an INI file (AWS CLI config or credentials) into sections with their line numbers; each body
// is read by the `ini` package, which handles comments and quoting. Splitting first keeps line numbers
// and stops `ini` from nesting section names that contain dots (`[profile team.prod]`).
import { decode } from 'ini';

export interface IniSection {
  /** The name between the brackets, trimmed: `profile prod`, `default`, `sso-session corp`. */
  name: string;
  line: number;
  values: Record<string, string>;
}

const HEADER = /^\s*\[([^\]"{}[]+)\]\s*(?:[#;].*)?$/;

const SECRET_KEY = /secret|token|password|credential/i;
const PROFILE_KEYS = ['sso_account_id', 'role_arn', 'sso_session', 'sso_start_url', 'source_profile'];

/** Keys whose values are secrets (or lead to them): never read, never stored. */
export function isSecretKey(key: string): boolean {
  return key === 'aws_access_key_id' || SECRET_KEY.test(key);
}

/** A `~/.aws/credentials` file: sections holding keys, none of them a config profile. */
export function isCredentialsFile(sections: readonly IniSection[]): boolean {
  const profileLike = sections.some(
    (s) => s.name.startsWith('profile ') || PROFILE_KEYS.some((k) => Object.hasOwn(s.values, k)),
  );
  return !profileLike && sections.some((s) => Object.keys(s.values).some(isSecretKey));
}

export function isIniHeader(line: string): boolean {
  return HEADER.test(line);
}

export function iniSections(text: string): IniSection[] {
  const sections: IniSection[] = [];
  let current: { name: string; line: number; body: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const decoded = decode(current.body.join('\n')) as Record<string, unknown>;
    // No prototype: a key named `__proto__` or `constructor` is just a key here.
    const values: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(decoded)) {
      // Keys of nested blocks (`s3 =` followed by indented lines) come out flat; objects cannot occur.
      const key = k.trim().toLowerCase();
      // A secret's value is dropped here, as soon as it is read; only the fact that the key was there stays.
      if (isSecretKey(key)) values[key] = '';
      else if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') {
        values[key] = String(v).trim();
      }
    }
    sections.push({ name: current.name, line: current.line, values });
  };
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const header = HEADER.exec(raw);
    if (header) {
      flush();
      current = { name: header[1]!.trim().replace(/\s+/g, ' '), line: i + 1, body: [] };
    } else if (current) {
      current.body.push(raw);
    }
  });
  flush();
  return sections;
}
