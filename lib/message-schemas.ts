// The zod side of the message contract: every request Signpost's background accepts, by sender. A
// request's type everywhere (a handler's argument, a sender's `send`) is inferred from these schemas. The
// background imports the schemas; other contexts import only types (through lib/messages.ts), so zod stays
// out of their bundles.
import { z } from 'zod';
import { accountDraftSchema } from './draft';
import { draftsSchema } from './quick-parse';
import {
  accountIdSchema,
  accountSchema,
  aliasSchema,
  colourSchema,
  displayNameSchema,
  emailSchema,
  permissionSetSchema,
  roleNameSchema,
  settingsSchema,
  startUrlSchema,
  userNameSchema,
} from './schema';

/** Which sign-in of an account to open. */
export const signInTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('iam'), userName: userNameSchema }),
  z.object({ type: z.literal('root') }),
  z.object({ type: z.literal('sso'), startUrl: startUrlSchema, roleName: permissionSetSchema }),
  z.object({ type: z.literal('switch'), roleName: roleNameSchema }),
  /** The account's sign-in page with no user chosen. */
  z.object({ type: z.literal('account') }),
]);
export type SignInTarget = z.infer<typeof signInTargetSchema>;
/** A target that names one sign-in (what a use is counted on, or a delete removes). */
export type UserTarget = Exclude<SignInTarget, { type: 'account' }>;

/** A sign-in the person submitted by hand, as the sign-in page's script saw it: never a password. */
export const learnedSignInSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('root'), email: emailSchema }),
  z.strictObject({ type: z.literal('iam'), account: z.string().max(64), userName: userNameSchema }),
  /**
   * The Switch Role form's `account` (ID or alias), `roleName` and `displayName` boxes, and its `color`
   * (AWS posts it without `#`). Only from the switch-role page (the background checks).
   */
  z.strictObject({
    type: z.literal('switch'),
    account: z.string().max(64),
    roleName: roleNameSchema,
    displayName: displayNameSchema.optional(),
    /** Anything but a plain hex colour (with or without `#`) is dropped, not refused: it is only a colour. */
    colour: z
      .string()
      .regex(/^#?[0-9a-f]{6}$/i)
      .transform((s) => `#${s.replace('#', '')}`)
      .pipe(colourSchema)
      .optional()
      .catch(undefined),
  }),
]);
export type LearnedSignIn = z.infer<typeof learnedSignInSchema>;

/** What the sign-in page's script decided (also written to <html data-signpost>). */
export const pageStatusSchema = z.enum(['filled', 'no-match', 'unsupported-page', 'learned']);
export type PageStatus = z.infer<typeof pageStatusSchema>;

/** Messages only Signpost's extension pages (popup, options) may send. */
export const extensionRequestSchema = z.discriminatedUnion('type', [
  /**
   * Every account, or with `limit` only the accounts of the first `limit` sign-ins in the popup's order (its
   * first screen, painted before the whole list arrives).
   */
  z.object({ type: z.literal('accounts.list'), limit: z.number().int().positive().max(1000).optional() }),
  /**
   * Saves one account from a form. With `base` (the record as the editor opened it) it is an edit: the fields
   * the person changed are written onto the record as it is now (fields left out are cleared, frecency
   * kept), and a field that also changed since is refused. Without, the draft is merged into the record it
   * matches, or added.
   */
  z.object({ type: z.literal('accounts.save'), account: accountDraftSchema, base: accountSchema.optional() }),
  /** Takes back changes a reply reported (Undo of a delete): onto the records as they are now. */
  z.object({
    type: z.literal('accounts.revert'),
    revisions: z
      .array(z.object({ before: accountSchema.optional(), after: accountSchema.optional() }))
      .min(1)
      .max(10_000),
  }),
  z.object({ type: z.literal('accounts.delete'), keys: z.array(z.string()).min(1) }),
  /** Sign-ins of one account to remove, by their identity (`signInId`: `iam:alice`, `root`, `switch:Admin`…). */
  z.object({
    type: z.literal('signins.delete'),
    key: z.string(),
    signIns: z.array(z.string().max(1000)).min(1).max(1000),
  }),
  /** Merges many drafts (an import) in one transaction: given fields win, sign-ins and tags are unioned. */
  z.object({ type: z.literal('accounts.import'), accounts: draftsSchema }),
  z.object({ type: z.literal('settings.save'), settings: settingsSchema }),
  /** Accounts with a live console session (the popup's "signed in" marks). */
  z.object({ type: z.literal('consoles.list') }),
  /** Brings the account's most recent console tab, and its window, to the front. */
  z.object({ type: z.literal('consoles.focus'), key: z.string() }),
  z.object({
    type: z.literal('route.open'),
    key: z.string(),
    target: signInTargetSchema,
    /** Navigate this tab; without it a new tab opens. */
    tabId: z.number().int().optional(),
    active: z.boolean().default(true),
  }),
  /** What the content script decided in one tab (the popup's line about the sign-in page it opened on). */
  z.object({ type: z.literal('tab.state'), tabId: z.number().int().nonnegative() }),
]);

/**
 * Messages a content script on a sign-in page may send. The background checks the sender's URL and tab.
 * Strict: a field the contract does not name (a password, say) makes the whole message invalid.
 */
export const signInRequestSchema = z.discriminatedUnion('type', [
  /** "What do I fill here?" `account` is what the page's account box or host names, if anything. */
  z.strictObject({ type: z.literal('signin.query'), account: z.string().max(64).optional() }),
  /**
   * What the page decided (`state`, kept per tab for the popup) and whether it used this tab's pending
   * route. Without `state` it means the route was used, as it always has.
   */
  z.strictObject({
    type: z.literal('signin.done'),
    state: pageStatusSchema.optional(),
    routeUsed: z.boolean().optional(),
  }),
  /** The user submitted a sign-in by hand. Never carries a password. */
  z.strictObject({
    type: z.literal('signin.learn'),
    signIn: learnedSignInSchema,
    /** The user said yes in the "ask" notice. */
    confirmed: z.boolean().default(false),
  }),
  z.strictObject({ type: z.literal('signin.undo'), token: z.string().max(64) }),
]);

/**
 * Messages a content script on an access portal may send: the shortcut link its own address is
 * (`…/#/console?account_id=…&role_name=…`), and Undo. The portal itself (start URL, partition) is never taken
 * from a message: the background reads it from the sender's URL, and checks the account and role against
 * that URL's fragment when it has one.
 */
export const portalRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('portal.learn'),
    accountId: accountIdSchema,
    roleName: permissionSetSchema,
    confirmed: z.boolean().default(false),
  }),
  z.strictObject({ type: z.literal('portal.undo'), token: z.string().max(64) }),
]);

/**
 * The one message a content script on a console page may send: what its `awsc-session-data` meta says.
 * Strict, like the sign-in page's messages; the background checks the fields against the sender's host.
 */
export const consoleRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('console.session'),
    accountId: z.string().regex(/^\d{12}$/),
    alias: aliasSchema.optional(),
    principalArn: z.string().max(512).optional(),
    signInEndpoint: z.string().max(253).optional(),
    sessionDifferentiator: z.string().max(64).optional(),
    multiSession: z.boolean().optional(),
  }),
]);

export const requestSchema = z.union([
  extensionRequestSchema,
  signInRequestSchema,
  portalRequestSchema,
  consoleRequestSchema,
]);
export type ExtensionRequest = z.input<typeof extensionRequestSchema>;
export type SignInRequest = z.input<typeof signInRequestSchema>;
export type PortalRequest = z.input<typeof portalRequestSchema>;
export type ConsoleRequest = z.input<typeof consoleRequestSchema>;
export type Request = ExtensionRequest | SignInRequest | PortalRequest | ConsoleRequest;
export type ParsedRequest = z.output<typeof requestSchema>;
export type RequestType = ParsedRequest['type'];
/** A request of one type as a sender writes it (defaults may be left out). */
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
/** A request of one type as the background's handler receives it: parsed, defaults filled in. */
export type ParsedRequestOf<T extends RequestType> = Extract<ParsedRequest, { type: T }>;
