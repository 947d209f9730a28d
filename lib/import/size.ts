// The largest import Signpost reads, checked before a byte of the file is read: a 70 MB file used to be
// read, parsed and previewed (34,000 accounts) and then die on the browser's raw messaging error.
import { t } from '../i18n';

/**
 * 20 MB. Ten thousand accounts, the most Signpost is built and tested for, export to about 6 MB, so this
 * leaves room for long notes; the import message for a Signpost export is about 0.6 of the file, far
 * below Chrome's 64 MB message limit. A CSV of bare account IDs grows about 3.6 times on the way (a
 * message a send failure now explains in words), and nobody keeps a million accounts.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const MB = 1024 * 1024;

/** Why a file of `size` bytes is not read, or undefined when it may be. */
export function checkImportSize(size: number): string | undefined {
  if (size <= MAX_IMPORT_BYTES) return undefined;
  // Rounded up, so a file just over the limit never reads as the limit itself.
  return t('importTooLarge', (Math.ceil((size / MB) * 10) / 10).toFixed(1), MAX_IMPORT_BYTES / MB);
}
