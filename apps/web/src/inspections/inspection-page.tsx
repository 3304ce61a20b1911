import { useQuery } from '@apollo/client/react';
import { INSPECTION_RUNNER_ROLE } from '@zeren/domain';
import { Button, Card, Descriptions, Space, Spin } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useSignedIn } from '../auth/session-context';
import { FindingsTable } from '../findings/findings-table';
import { FindingsQuery } from '../findings/findings.documents';
import { useI18n } from '../i18n/locale';
import { canOn } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { formatDate, formatInstant } from '../shared/format';
import { PageHeader } from '../shared/page-header';
import { useTenancyNames } from '../shared/use-tenancy-names';
import { useUnits } from '../shared/use-units';
import { InspectionLifecycle } from './inspection-lifecycle';
import { InspectionStatusTag } from './inspection-status-tag';
import { inspectionSubject } from './inspection-subject';
import { InspectionQuery } from './inspections.documents';
import { RecordFindingModal } from './record-finding-modal';

/** 检查详情: the inspection, its next step for the office running it, and the findings it recorded. */
export default function InspectionPage() {
  const { inspectionId = '' } = useParams();
  const { t, label } = useI18n();
  const { viewer, ability } = useSignedIn();
  const tenancy = useTenancyNames();
  const { data, error, refetch } = useQuery(InspectionQuery, { variables: { id: inspectionId } });
  const inspection = data?.inspection;
  const units = useUnits(inspection?.tenantId);
  const findings = useQuery(FindingsQuery, { variables: { filter: { inspectionId }, first: 100 } });
  const [recording, setRecording] = useState(false);
  if (!inspection) return error ? <ApiErrorAlert error={error} onReload={() => void refetch()} /> : <Spin />;

  const runs = viewer.role === INSPECTION_RUNNER_ROLE[inspection.level] && canOn(ability, 'update', 'Inspection', inspectionSubject(inspection));
  const mayRecord = (inspection.status === 'IN_PROGRESS' || inspection.status === 'REPORT_ISSUED') && runs && canOn(ability, 'record', 'Finding', { tenantId: inspection.tenantId, unitId: inspection.target.unitIds[0] ?? '', status: 'RECORDED' });
  const targets = inspection.target.scope === 'DISTRICT' ? t('inspections.targetDistrict') : inspection.target.unitIds.map((id) => units.nameOf(id) ?? '—').join('、');
  return (
    <>
      <PageHeader title={<Space>{inspection.title}<InspectionStatusTag status={inspection.status} /></Space>} extra={runs && <InspectionLifecycle inspection={inspection} onReload={() => void refetch()} />} />
      <Card className="block-gap">
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('inspections.kind')}>{label('inspectionKind', inspection.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('inspections.level')}>{label('inspectionLevel', inspection.level)}</Descriptions.Item>
          <Descriptions.Item label={t('inspections.tenant')}>{tenancy.nameOf(inspection.tenantId) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('inspections.period')}>
            {formatDate(inspection.periodStart)} ~ {formatDate(inspection.periodEnd)}
          </Descriptions.Item>
          <Descriptions.Item label={t('inspections.team')}>{inspection.team.map((member) => member.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('finding.recordedAt')}>{formatInstant(inspection.plannedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('inspections.target')} span={3}>
            {targets}
          </Descriptions.Item>
          {inspection.reportSummary && (
            <Descriptions.Item label={t('inspections.reportSummary')} span={3}>
              {inspection.reportSummary}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={t('inspections.findings')}
        extra={
          mayRecord && (
            <Button type="primary" onClick={() => setRecording(true)} data-testid="record-finding">
              {t('inspections.recordFinding')}
            </Button>
          )
        }
      >
        <ApiErrorAlert error={findings.error} onReload={() => void findings.refetch()} />
        <FindingsTable findings={findings.data?.findings.edges.map((edge) => edge.node) ?? []} loading={findings.loading && !findings.data} />
      </Card>
      <RecordFindingModal inspection={inspection} open={recording} onClose={() => setRecording(false)} />
    </>
  );
}
