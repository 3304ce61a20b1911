import { Tag } from 'antd';
import type { FindingStatus, WarningLevel } from '../generated/graphql';
import { useI18n } from '../i18n/locale';

const STATUS_COLOURS: Record<FindingStatus, string> = {
  RECORDED: 'default',
  PLAN_SUBMITTED: 'cyan',
  IN_PROGRESS: 'processing',
  SUBMITTED: 'purple',
  DISTRICT_REVIEW_PASSED: 'geekblue',
  VERIFIED: 'success',
  WITHDRAWN: 'default',
};
const WARNING_COLOURS: Record<WarningLevel, string> = { GREEN: 'green', YELLOW: 'gold', RED: 'red' };

export function FindingStatusTag({ status }: { status: FindingStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="finding-status">
      {label('findingStatus', status)}
    </Tag>
  );
}

export function WarningTag({ level }: { level: WarningLevel | null }) {
  const { label } = useI18n();
  if (!level) return null;
  return <Tag color={WARNING_COLOURS[level]}>{label('warning', level)}</Tag>;
}
