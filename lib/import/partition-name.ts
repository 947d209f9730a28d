// The name people know a partition by, for messages.
import { t } from '../i18n';
import type { Partition } from '../ids';

export function partitionName(partition: Partition): string {
  if (partition === 'aws-us-gov') return t('partitionGovCloud');
  if (partition === 'aws-cn') return t('partitionChina');
  return t('partitionStandard');
}
