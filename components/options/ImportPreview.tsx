// What an import would do, before it does it: counts, then the new, updated, unchanged and rejected rows
// (each rejection with its line and reason). Nothing is written until Confirm.
import { useState } from 'preact/hooks';
import { displayLabel } from '../../lib/account';
import { type MessageKey, t } from '../../lib/i18n';
import { formatAccountId } from '../../lib/ids';
import type { ImportPlan, PlanEntry } from '../../lib/import/plan';
import type { ImportFormat, ImportRejection } from '../../lib/import/types';
import { describeChanges } from '../../lib/options/changes';
import { addedRoles } from '../../lib/options/role-words';
import type { Settings } from '../../lib/schema';

export interface ImportPreviewProps {
  name: string;
  format: ImportFormat;
  plan: ImportPlan;
  warnings: readonly string[];
  /** Settings in the file that differ from the current ones. */
  fileSettings?: Settings | undefined;
  applySettings: boolean;
  onApplySettings: (on: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Long lists show this many rows until the user asks for all. */
export const PREVIEW_ROWS = 100;

const FORMAT_NAMES: Record<ImportFormat, MessageKey> = {
  signpost: 'importFormatSignpost',
  organizations: 'importFormatOrganizations',
  'aws-config': 'importFormatConfig',
  'aws-credentials': 'importFormatCredentials',
  aesr: 'importFormatAesr',
  csv: 'importFormatCsv',
  unknown: 'importFormatUnknown',
};

function linesText(lines: readonly number[]): string {
  return lines.length === 1 ? t('importLine', lines[0]!) : t('importLines', lines.join(', '));
}

function Capped<T>({
  items,
  render,
}: {
  items: readonly T[];
  render: (item: T) => preact.ComponentChildren;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, PREVIEW_ROWS);
  return (
    <>
      <ul class="preview__list">{shown.map(render)}</ul>
      {shown.length < items.length ? (
        <button type="button" class="button button--quiet" onClick={() => setAll(true)}>
          {t('importShowAll', items.length.toLocaleString('en'))}
        </button>
      ) : null}
    </>
  );
}

function accountLine(entry: PlanEntry, detail: readonly string[]) {
  const a = entry.account;
  const ids = [a.alias, a.accountId && formatAccountId(a.accountId)].filter(Boolean).join(' · ');
  return (
    <li key={a.key} class="preview__item">
      <span class="preview__line">{linesText(entry.lines)}</span>
      <span class="preview__name">{displayLabel(a)}</span>
      {ids && a.label ? <span class="preview__ids">{ids}</span> : null}
      {[...detail, ...entry.notes].map((d) => (
        <span key={d} class="preview__note">
          {d}
        </span>
      ))}
    </li>
  );
}

function signInSummary(entry: PlanEntry): string[] {
  const users = entry.account.signIns.flatMap((s) => (s.type === 'iam' ? [s.userName] : []));
  const root = entry.account.signIns.some((s) => s.type === 'root');
  const parts = [];
  if (users.length) parts.push(t('importUsers', users.join(', ')));
  if (root) parts.push(t('importWithRoot'));
  parts.push(...addedRoles([], entry.account.signIns));
  return parts;
}

function rejectionLine(r: ImportRejection, i: number) {
  return (
    <li key={`${r.line}:${i}`} class="preview__item preview__item--rejected">
      <span class="preview__line">{t('importLine', r.line)}</span>
      <span class="preview__reason">{r.reason}</span>
    </li>
  );
}

export function ImportPreview(props: ImportPreviewProps) {
  const { plan } = props;
  const changes = plan.new.length + plan.updated.length;
  const counts: [MessageKey, number][] = [
    ['importCountNew', plan.new.length],
    ['importCountUpdated', plan.updated.length],
    ['importCountUnchanged', plan.unchanged.length],
    ['importCountRejected', plan.rejected.length],
  ];
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title" class="preview__title">
        {t('importPreviewTitle', props.name)}
      </h3>
      <p class="preview__format">{t('importDetected', t(FORMAT_NAMES[props.format]))}</p>
      <ul class="preview__counts" aria-label={t('importSummary')}>
        {counts.map(([key, n]) => (
          <li key={key} class={`count count--${key}`}>
            <strong>{n.toLocaleString('en')}</strong> {t(key)}
          </li>
        ))}
      </ul>
      {props.warnings.map((w) => (
        <p key={w} class="preview__warning">
          {w}
        </p>
      ))}
      {plan.rejected.length > 0 ? (
        <details class="preview__group" open>
          <summary>{t('importRejectedHeading', plan.rejected.length.toLocaleString('en'))}</summary>
          <p class="field__hint">{t('importRejectedHint')}</p>
          <Capped
            items={plan.rejected.map((r, i) => [r, i] as const)}
            render={([r, i]) => rejectionLine(r, i)}
          />
        </details>
      ) : null}
      {plan.new.length > 0 ? (
        <details class="preview__group" open={plan.new.length <= 20}>
          <summary>{t('importNewHeading', plan.new.length.toLocaleString('en'))}</summary>
          <Capped items={plan.new} render={(e) => accountLine(e, signInSummary(e))} />
        </details>
      ) : null}
      {plan.updated.length > 0 ? (
        <details class="preview__group" open={plan.updated.length <= 20}>
          <summary>{t('importUpdatedHeading', plan.updated.length.toLocaleString('en'))}</summary>
          <Capped
            items={plan.updated}
            render={(e) =>
              accountLine(e, [
                ...(e.before ? describeChanges(e.before, e.account) : []),
                ...e.folded.map((f) => t('importFolded', displayLabel(f))),
              ])
            }
          />
        </details>
      ) : null}
      {plan.unchanged.length > 0 ? (
        <details class="preview__group">
          <summary>{t('importUnchangedHeading', plan.unchanged.length.toLocaleString('en'))}</summary>
          <Capped items={plan.unchanged} render={(e) => accountLine(e, [])} />
        </details>
      ) : null}
      {props.fileSettings ? (
        <label class="check preview__settings">
          <input
            type="checkbox"
            checked={props.applySettings}
            onChange={(e) => props.onApplySettings(e.currentTarget.checked)}
          />
          {t('importApplySettings')}
        </label>
      ) : null}
      <div class="preview__actions">
        <button
          type="button"
          class="button button--primary"
          disabled={changes === 0 && !(props.fileSettings && props.applySettings)}
          onClick={props.onConfirm}
        >
          {changes === 0
            ? t('importConfirmNothing')
            : t(
                'importConfirm',
                plan.new.length.toLocaleString('en'),
                plan.updated.length.toLocaleString('en'),
              )}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('optionsCancel')}
        </button>
      </div>
      {changes === 0 ? (
        <p class="field__hint">
          {plan.unchanged.length > 0 ? t('importNothingToChange') : t('importAllRejected')}
        </p>
      ) : null}
    </section>
  );
}
