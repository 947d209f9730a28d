// zod schemas for every record Signpost keeps; the record types are inferred from them.
import { z } from 'zod';
import { MAX_USES } from './frecency';
import {
  isAccountId,
  isAlias,
  isEmail,
  isRegion,
  isUserName,
  normaliseAccountId,
  normaliseAlias,
  PARTITIONS,
} from './ids';
import { resolveLandingPath } from './landing-path';
import { hasUnsafeText, stripUnsafeText, type TextKind } from './safe-text';
import { signInId } from './sign-in-kinds';
import { isPermissionSetName, isRoleName, normaliseRoleName, parseStartUrl } from './targets';

// Extension pages forbid eval by CSP; zod would otherwise try `new Function` once and log a violation.
z.config({ jitless: true });

export const partitionSchema = z.enum(PARTITIONS as [string, ...string[]], {
  error: 'Partition must be aws, aws-us-gov or aws-cn.',
}) as unknown as z.ZodType<import('./ids').Partition>;

export const accountIdSchema = z
  .string({ error: 'Account ID is missing.' })
  .transform(normaliseAccountId)
  .refine(isAccountId, { error: 'An account ID is exactly 12 digits, like 1234-5678-9012.' });

export const aliasSchema = z
  .string({ error: 'Alias is missing.' })
  .transform(normaliseAlias)
  .superRefine((s, ctx) => {
    const problem = /^\d{12}$/.test(s)
      ? 'An alias cannot be a 12-digit number; that is an account ID.'
      : s.length < 3 || s.length > 63
        ? 'An alias is 3 to 63 characters long.'
        : !isAlias(s)
          ? 'An alias uses lowercase letters, digits and single hyphens, and starts and ends with a letter or digit.'
          : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const userNameSchema = z
  .string({ error: 'User name is missing.' })
  .transform((s) => s.trim())
  .refine(isUserName, {
    error: 'An IAM user name is 1 to 64 letters, digits or + = , . @ _ - characters.',
  });

export const emailSchema = z
  .string({ error: 'Email is missing.' })
  .transform((s) => s.trim())
  .refine(isEmail, { error: 'That is not an email address (expected name@example.com).' });

export const regionSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine(isRegion, { error: 'A region looks like eu-west-1 or us-gov-west-1.' });

export const colourSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => /^#[0-9a-f]{6}$/.test(s), { error: 'A colour is written #rrggbb, like #1f77b4.' });

const START_URL_PROBLEMS = {
  'not-url': 'A start URL is a web address, like https://d-1234567890.awsapps.com/start.',
  'not-https': 'A start URL begins with https://.',
  'not-portal':
    'That is not an AWS access portal: a start URL is https://<directory or name>.awsapps.com/start, https://start.us-gov-home.awsapps.com/directory/<name> or https://ssoins-<16 hex>.portal.<region>.app.aws.',
  path: 'An access portal address ends in /start (GovCloud: /directory/<name>); take out the rest of the path.',
} as const;

/** An Identity Center start URL, stored in its one normalised form. */
export const startUrlSchema = z.string({ error: 'Start URL is missing.' }).transform((s, ctx) => {
  const parsed = parseStartUrl(s);
  if (typeof parsed !== 'string') return parsed.url;
  ctx.addIssue({ code: 'custom', message: START_URL_PROBLEMS[parsed] });
  return z.NEVER;
});

/** An Identity Center permission set's name (`sso_role_name`). */
export const permissionSetSchema = z
  .string({ error: 'Role name is missing.' })
  .transform((s) => s.trim())
  .refine(isPermissionSetName, {
    error: 'A permission set name is 1 to 32 letters, digits or + = , . @ _ - characters.',
  });

/** An IAM role to switch to: its name, after its path when it has one (`division/team/ReadOnly`). */
export const roleNameSchema = z
  .string({ error: 'Role name is missing.' })
  .transform(normaliseRoleName)
  .refine(isRoleName, {
    error:
      'A role name is 1 to 64 letters, digits or + = , . @ _ - characters, after an optional path such as division/team/.',
  });

const BROKEN_TEXT = 'control characters or broken Unicode (a lone surrogate)';

export const tagSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s.length >= 1 && s.length <= 32 && !/[,\s]/.test(s), {
    error: 'A tag is 1 to 32 characters with no spaces or commas.',
  })
  .refine((s) => !hasUnsafeText(s, 'line'), { error: `A tag cannot contain ${BROKEN_TEXT}.` });

export const tagsSchema = z.array(tagSchema).transform((tags) => [...new Set(tags)]);

export const labelSchema = z
  .string()
  .trim()
  .max(100, { error: 'A label is at most 100 characters.' })
  .refine((s) => !hasUnsafeText(s, 'line'), { error: `A label cannot contain ${BROKEN_TEXT}.` });

export const notesSchema = z
  .string()
  .max(2000, { error: 'Notes are at most 2,000 characters.' })
  .refine((s) => !hasUnsafeText(s, 'lines'), {
    error: `Notes cannot contain ${BROKEN_TEXT}; line breaks and tabs are fine.`,
  });

/** The name the console shows for a switched-to role (AWS allows 64 characters). */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'A display name cannot be empty.' })
  .max(64, { error: 'A display name is at most 64 characters.' })
  .refine((s) => !hasUnsafeText(s, 'line'), { error: `A display name cannot contain ${BROKEN_TEXT}.` });

function decodes(s: string): boolean {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

/** A landing path in the shape the console takes (before resolveLandingPath checks it stays inside). */
export const isLandingPathShape = (s: string) =>
  /^\/?[\w\-./#?=&%]*$/.test(s) && !s.includes('//') && decodes(s);

export const landingPathSchema = z
  .string()
  .transform((s) => s.trim())
  .refine(isLandingPathShape, {
    error: 'A landing page is a console path such as /s3 or /ec2/home.',
    abort: true,
  })
  .refine((s) => resolveLandingPath(s) !== undefined, {
    error: 'A landing page must stay inside the console: take out the ".." that climbs above /console.',
  });

/**
 * Stored records are read with repairs rather than refused: characters an earlier version let in are
 * stripped, so the record still loads (and the popup and omnibox never see them).
 */
function repaired<T extends z.ZodType<unknown, string>>(schema: T, kind: TextKind) {
  return z
    .string()
    .transform((s) => stripUnsafeText(s, kind))
    .pipe(schema);
}

const storedTagsSchema = z
  .array(z.string())
  .transform((tags) => tags.map((tag) => stripUnsafeText(tag, 'line')).filter((tag) => tag.trim()))
  .pipe(tagsSchema);

/** A use count: counts above MAX_USES (an import claiming a billion uses) saturate there. */
export const usesSchema = z
  .number()
  .int()
  .nonnegative()
  .transform((n) => Math.min(n, MAX_USES));

const frecency = {
  /** How many times this sign-in was routed to or learned. */
  uses: usesSchema,
  /** Epoch milliseconds of the last use; 0 when never used. Beyond the clock skew, frecency reads it as old. */
  lastUsed: z.number().nonnegative(),
};

export const iamSignInSchema = z.object({ type: z.literal('iam'), userName: userNameSchema, ...frecency });
export const rootSignInSchema = z.object({ type: z.literal('root'), email: emailSchema, ...frecency });
/** An Identity Center permission set in one account, reached through the access portal at `startUrl`. */
export const ssoSignInSchema = z.object({
  type: z.literal('sso'),
  startUrl: startUrlSchema,
  roleName: permissionSetSchema,
  ...frecency,
});
/** A role to switch to in this account from a session in another (AWS's Switch Role form). */
export const switchSignInSchema = z.object({
  type: z.literal('switch'),
  roleName: roleNameSchema,
  displayName: repaired(displayNameSchema, 'line').optional(),
  /** The colour the console shows for the switched role (aws-extend-switch-roles' `color`). */
  colour: colourSchema.optional(),
  ...frecency,
});
export const signInSchema = z.discriminatedUnion('type', [
  iamSignInSchema,
  rootSignInSchema,
  ssoSignInSchema,
  switchSignInSchema,
]);

/**
 * What makes a record with valid fields an invalid account (accountSchema's record rules), in its words; the
 * quick path for records already in their stored form (lib/quick-parse.ts) runs the same rules.
 */
export function recordProblems(
  account: Pick<Account, 'partition' | 'accountId' | 'alias' | 'signIns'>,
): string[] {
  const problems: string[] = [];
  const hasRoot = account.signIns.some((s) => s.type === 'root');
  if (!account.accountId && !account.alias && !hasRoot) {
    problems.push('An account needs an account ID, an alias or a root email.');
  }
  if (account.signIns.filter((s) => s.type === 'root').length > 1) {
    problems.push('An account has one root user email at most.');
  }
  if (hasRoot && account.partition !== 'aws') {
    problems.push('Root users cannot sign in to the console in GovCloud or China; use an IAM user there.');
  }
  const seen = new Set<string>();
  for (const s of account.signIns) {
    const k = signInId(s);
    if (s.type !== 'root' && seen.has(k)) {
      const what = s.type === 'iam' ? `User name ${s.userName}` : `Role ${s.roleName}`;
      problems.push(`${what} is listed twice.`);
    }
    seen.add(k);
    if (s.type !== 'sso') continue;
    if (!account.accountId) {
      problems.push(
        'An Identity Center sign-in needs the account ID: the portal link names the account by it.',
      );
    }
    const portal = parseStartUrl(s.startUrl);
    if (typeof portal !== 'string' && portal.partition !== account.partition) {
      problems.push(`The access portal ${s.startUrl} is in another partition than this account.`);
    }
  }
  return problems;
}

export const accountSchema = z
  .object({
    /** Internal key: stable across alias changes. */
    key: z.string().min(1),
    partition: partitionSchema,
    accountId: accountIdSchema.optional(),
    alias: aliasSchema.optional(),
    label: repaired(labelSchema, 'line').optional(),
    colour: colourSchema.optional(),
    tags: storedTagsSchema.default([]),
    notes: repaired(notesSchema, 'lines').optional(),
    region: regionSchema.optional(),
    /** A landing path an earlier version let climb out of /console is dropped, not the whole account. */
    landingPath: landingPathSchema.optional().catch(undefined),
    signIns: z.array(signInSchema).default([]),
    createdAt: z.number().nonnegative(),
    updatedAt: z.number().nonnegative(),
    /** Deployed by the person's organization through policy (lib/background/managed.ts): read-only but colour. */
    managed: z.literal(true).optional(),
  })
  .superRefine((account, ctx) => {
    for (const message of recordProblems(account)) ctx.addIssue({ code: 'custom', message });
  });

export type SignIn = z.infer<typeof signInSchema>;
export type IamSignIn = z.infer<typeof iamSignInSchema>;
export type RootSignIn = z.infer<typeof rootSignInSchema>;
export type SsoSignIn = z.infer<typeof ssoSignInSchema>;
export type SwitchSignIn = z.infer<typeof switchSignInSchema>;
export type Account = z.infer<typeof accountSchema>;
export type AccountInput = z.input<typeof accountSchema>;

export const settingsSchema = z.object({
  /** What to do when the user signs in by hand: save (with an Undo notice), ask first, or never. */
  learn: z.enum(['always', 'ask', 'never']).default('always'),
  /** On a root route, press Next after filling the email. */
  autoNextRoot: z.boolean().default(true),
  /** On an account's IAM page without a route, fill the most recently used user name. */
  fillRememberedUser: z.boolean().default(true),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** A sign-in chosen in the popup or omnibox, remembered for its tab until the page fills it. */
export const pendingRouteSchema = z.object({
  tabId: z.number().int(),
  partition: partitionSchema,
  accountKey: z.string(),
  accountId: accountIdSchema.optional(),
  alias: aliasSchema.optional(),
  signIn: z.discriminatedUnion('type', [
    z.object({ type: z.literal('iam'), userName: userNameSchema }),
    z.object({ type: z.literal('root'), email: emailSchema }),
    z.object({ type: z.literal('account') }),
  ]),
  createdAt: z.number(),
  expiresAt: z.number(),
});
export type PendingRoute = z.infer<typeof pendingRouteSchema>;

/** Turns a zod error into one plain sentence a user can act on. */
export function explain(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.filter((p) => typeof p === 'string').join(' ');
      return issue.message.startsWith('Invalid') && where ? `${where}: ${issue.message}` : issue.message;
    })
    .filter((m, i, all) => all.indexOf(m) === i)
    .join(' ');
}
