import { Tag } from 'antd';
import type { InspectionStatus } from '../generated/graphql';
import { useI18n } from '../i18n/locale';

const COLOURS: Record<InspectionStatus, string> = { PLANNED: 'default', IN_PROGRESS: 'processing', REPORT_ISSUED: 'gold', CLOSED: 'green', CANCELLED: 'default' };

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  const { label } = useI18n();
  return <Tag color={COLOURS[status]}>{label('inspectionStatus', status)}</Tag>;
}
