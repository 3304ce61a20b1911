import { FINDING_STATUSES, type InspectionStatus } from '@zeren/domain';
import { FINDING_BASIS_KINDS, FINDING_CATEGORIES, FINDING_SEVERITIES, INSPECTION_KINDS, INTERVIEW_KINDS, UNIT_KINDS, WARNING_LEVELS } from '@zeren/events';
import { useI18n } from '../i18n/locale';
import type { LabelGroup } from '../i18n/messages';

/** The values of the API's enums, from the libraries that define them, for pickers and filters. */
export { FINDING_BASIS_KINDS, FINDING_CATEGORIES, FINDING_SEVERITIES, FINDING_STATUSES, INSPECTION_KINDS, INTERVIEW_KINDS, UNIT_KINDS, WARNING_LEVELS };

/** The domain names the statuses as a type only; the order here is the lifecycle's. */
export const INSPECTION_STATUSES: readonly InspectionStatus[] = ['PLANNED', 'IN_PROGRESS', 'REPORT_ISSUED', 'CLOSED', 'CANCELLED'];

export interface LabelledOption<T extends string> {
  value: T;
  label: string;
}

/** Select options for enum values, labelled in the current language. */
export function useLabelledOptions(): <T extends string>(group: LabelGroup, values: readonly T[]) => LabelledOption<T>[] {
  const { label } = useI18n();
  return (group, values) => values.map((value) => ({ value, label: label(group, value) }));
}
