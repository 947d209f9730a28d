// Account drafts: an account as a user, a form or an import describes it, before the store makes it a
// record. The options form, the importers, the console learner and the accounts.save / accounts.import
// messages share these schemas; merge rules live in lib/merge.ts.
import { z } from 'zod';
import {
  accountIdSchema,
  aliasSchema,
  colourSchema,
  displayNameSchema,
  emailSchema,
  labelSchema,
  landingPathSchema,
  notesSchema,
  partitionSchema,
  permissionSetSchema,
  regionSchema,
  roleNameSchema,
  startUrlSchema,
  tagsSchema,
  userNameSchema,
  usesSchema,
} from './schema';

const draftFrecency = {
  uses: usesSchema.optional(),
  lastUsed: z.number().nonnegative().optional(),
};

/** A sign-in as a form or an import gives it; frecency is optional (a Signpost export carries it). */
export const signInDraftSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('iam'), userName: userNameSchema, ...draftFrecency }),
  z.object({ type: z.literal('root'), email: emailSchema, ...draftFrecency }),
  z.object({
    type: z.literal('sso'),
    startUrl: startUrlSchema,
    roleName: permissionSetSchema,
    ...draftFrecency,
  }),
  z.object({
    type: z.literal('switch'),
    roleName: roleNameSchema,
    displayName: displayNameSchema.optional(),
    colour: colourSchema.optional(),
    ...draftFrecency,
  }),
]);

/**
 * An account as a user, a form or an import describes it: key, timestamps and frecency are optional.
 * Fields left out mean "keep what is there" when a draft is merged into an existing record.
 */
export const accountDraftSchema = z.object({
  key: z.string().min(1).max(64).optional(),
  partition: partitionSchema.default('aws'),
  accountId: accountIdSchema.optional(),
  alias: aliasSchema.optional(),
  label: labelSchema.optional(),
  colour: colourSchema.optional(),
  tags: tagsSchema.optional(),
  notes: notesSchema.optional(),
  region: regionSchema.optional(),
  landingPath: landingPathSchema.optional(),
  signIns: z.array(signInDraftSchema).optional(),
  createdAt: z.number().nonnegative().optional(),
  updatedAt: z.number().nonnegative().optional(),
});
export type AccountDraft = z.infer<typeof accountDraftSchema>;
export type AccountDraftInput = z.input<typeof accountDraftSchema>;
export type SignInDraft = z.infer<typeof signInDraftSchema>;
