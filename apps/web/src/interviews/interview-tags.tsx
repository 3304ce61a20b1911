import { LockOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { InterviewFieldsFragment, InterviewStatus } from '../generated/graphql';
import { useI18n } from '../i18n/locale';

const STATUS_COLOURS: Record<InterviewStatus, string> = { SCHEDULED: 'blue', HELD: 'green', CANCELLED: 'default' };

export function InterviewStatusTag({ interview }: { interview: InterviewFieldsFragment }) {
  const { t, label } = useI18n();
  return (
    <>
      <Tag color={STATUS_COLOURS[interview.status]}>{label('interviewStatus', interview.status)}</Tag>
      {interview.confidential && (
        <Tag icon={<LockOutlined />} color="purple">
          {t('interviews.confidential')}
        </Tag>
      )}
    </>
  );
}
