// The shape every import parser returns, so the preview and the confirm step treat all formats alike.
import type { AccountDraft } from '../draft';
import type { Settings } from '../schema';

export type FillOnlyField = 'label' | 'region';

export type ImportFormat =
  | 'signpost'
  | 'organizations'
  | 'aws-config'
  | 'aws-credentials'
  | 'aesr'
  | 'csv'
  | 'unknown';

/** One account the file describes, with the line it starts on and anything dropped on the way in. */
export interface ImportRow {
  line: number;
  draft: AccountDraft;
  /** Plain-words remarks for the preview, e.g. a root email left out in GovCloud. Not rejections. */
  notes?: string[];
  /** Further lines merged into this row (AWS config profiles naming the same account). */
  lines?: number[];
  /**
   * Fields that only fill blanks: an account that already has one keeps its own. For names a file merely
   * suggests (an AWS CLI profile name, an Organizations account name) over the label a user chose.
   */
  fillOnly?: FillOnlyField[];
}

export interface ImportRejection {
  line: number;
  reason: string;
}

export interface ImportParse {
  format: ImportFormat;
  rows: ImportRow[];
  rejected: ImportRejection[];
  /** Set when the file as a whole cannot be read; then rows and rejected are empty and nothing may change. */
  error?: string;
  /** Remarks about the whole file (ignored columns, settings that did not validate). */
  warnings?: string[];
  /** Settings carried by a Signpost export. */
  settings?: Settings;
}
