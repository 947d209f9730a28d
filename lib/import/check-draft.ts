// Validates one account an import describes, with the same rules a stored record must pass, and says
// what is wrong in plain words.
import { type AccountDraft, accountDraftSchema } from '../message-schemas';
import { accountSchema, explain } from '../schema';

export type CheckedDraft = { ok: true; draft: AccountDraft } | { ok: false; reason: string };

export function checkDraft(input: unknown): CheckedDraft {
  const parsed = accountDraftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: explain(parsed.error) };
  const draft = parsed.data;
  // The record rules (an identifier, one root, root only in aws, no duplicate user) live on accountSchema.
  const asRecord = accountSchema.safeParse({
    ...draft,
    key: draft.key ?? 'import',
    createdAt: draft.createdAt ?? 0,
    updatedAt: draft.updatedAt ?? 0,
    signIns: (draft.signIns ?? []).map((s) => ({ ...s, uses: s.uses ?? 0, lastUsed: s.lastUsed ?? 0 })),
  });
  if (!asRecord.success) return { ok: false, reason: explain(asRecord.error) };
  return { ok: true, draft };
}
