import { PaperClipOutlined } from '@ant-design/icons';
import { List, Tag, Typography } from 'antd';
import type { FindingQuery } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { formatInstant } from '../shared/format';
import { EvidenceLink } from './evidence-link';

type CheckIn = NonNullable<FindingQuery['finding']>['checkIns']['edges'][number]['node'];

/** Every progress report, newest first (as the API lists them), with its evidence files. */
export function CheckInList({ findingId, checkIns }: { findingId: string; checkIns: CheckIn[] }) {
  const { t } = useI18n();
  return (
    <List<CheckIn>
      size="small"
      data-testid="check-ins"
      dataSource={checkIns}
      locale={{ emptyText: t('common.none') }}
      renderItem={(checkIn) => (
        <List.Item>
          <List.Item.Meta
            title={
              <>
                {checkIn.percent}% · {formatInstant(checkIn.checkedInAt)}
                {checkIn.late && (
                  <Tag color="orange" className="late-tag">
                    {t('finding.late')}
                  </Tag>
                )}
              </>
            }
            description={
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{checkIn.narrative}</div>
                {checkIn.evidence.map((file) => (
                  <div key={file.sha256}>
                    <PaperClipOutlined /> <EvidenceLink findingId={findingId} sha256={file.sha256} name={file.filename ?? file.sha256.slice(0, 12)} />
                    <Typography.Text type="secondary"> {file.size ? `${Math.ceil(file.size / 1024)} KB` : ''}</Typography.Text>
                  </div>
                ))}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
