// Validates one account an import describes, with the rules a stored record must pass, and says what is
// wrong in plain words. The field rules are accountDraftSchema's; the record rules below mirror
// accountSchema's (a property test holds them equal), run directly because parsing every row twice
// doubled the time to read 10,000 accounts.

import type { AccountDraft } from '../draft';
import { t } from '../i18n';
import { parseDraft } from '../quick-parse';
import { explain } from '../schema';
import { signInId } from '../sign-in-kinds';
import { parseStartUrl } from '../targets';

export type CheckedDraft = { ok: true; draft: AccountDraft } | { ok: false; reason: string };

function recordProblem(draft: AccountDraft): string | undefined {
  const signIns = draft.signIns ?? [];
  const roots = signIns.filter((s) => s.type === 'root').length;
  if (!draft.accountId && !draft.alias && roots === 0) return t('importNoAccount');
  if (roots > 1) return t('importTwoRoots');
  if (roots > 0 && draft.partition !== 'aws') return t('importRootNotHere');
  const seen = new Set<string>();
  for (const s of signIns) {
    if (s.type === 'root') continue;
    const id = signInId(s);
    if (seen.has(id))
      return s.type === 'iam' ? t('importUserTwice', s.userName) : t('importRoleTwice', s.roleName);
    seen.add(id);
    if (s.type !== 'sso') continue;
    if (!draft.accountId) return t('importSsoNeedsId');
    const portal = parseStartUrl(s.startUrl);
    if (typeof portal !== 'string' && portal.partition !== draft.partition) {
      return t('importPortalPartition', s.startUrl);
    }
  }
  return undefined;
}

export function checkDraft(input: unknown): CheckedDraft {
  const parsed = parseDraft(input);
  if (!parsed.success) return { ok: false, reason: explain(parsed.error) };
  const problem = recordProblem(parsed.data);
  return problem ? { ok: false, reason: problem } : { ok: true, draft: parsed.data };
}
