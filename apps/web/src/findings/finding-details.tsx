import { Descriptions, Progress, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { FindingDetailFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { formatDate, formatInstant } from '../shared/format';

export function FindingDetails({ finding, unitName }: { finding: FindingDetailFieldsFragment; unitName: string | undefined }) {
  const { t, label } = useI18n();
  return (
    <Descriptions bordered size="small" column={2} styles={{ label: { width: 104, whiteSpace: 'nowrap' } }} data-testid="finding-details">
      <Descriptions.Item label={t('finding.unit')}>{unitName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('finding.inspection')}>
        <Link to={`/inspections/${finding.inspectionId}`}>{t('common.view')}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('finding.category')}>{label('findingCategory', finding.category)}</Descriptions.Item>
      <Descriptions.Item label={t('finding.severity')}>{label('findingSeverity', finding.severity)}</Descriptions.Item>
      <Descriptions.Item label={t('finding.deadline')}>
        {formatDate(finding.deadline)}
        {finding.deadline !== finding.originalDeadline && <Typography.Text type="secondary">（{formatDate(finding.originalDeadline)}）</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('finding.recordedAt')}>{formatInstant(finding.recordedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('finding.progress')} span={2}>
        <Progress percent={finding.latestPercent ?? 0} size="small" style={{ maxWidth: 360 }} data-testid="finding-progress" />
      </Descriptions.Item>
      <Descriptions.Item label={t('finding.description')} span={2}>
        {finding.description}
      </Descriptions.Item>
      <Descriptions.Item label={t('finding.basis')} span={2}>
        <div>
          {label('basisKind', finding.basis.kind)} · {finding.basis.reference}
        </div>
        <Typography.Text type="secondary">{finding.basis.text}</Typography.Text>
      </Descriptions.Item>
      {finding.plan && (
        <Descriptions.Item label={t('finding.plan')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{finding.plan.measures}</div>
          <Typography.Text type="secondary">
            {t('finding.responsiblePerson')}：{finding.plan.responsiblePerson.name} · {t('finding.plannedCompletionDate')}：{formatDate(finding.plan.plannedCompletionDate)}
          </Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
