import { Button, Space, Table, Tag } from 'antd';
import { useSignedIn } from '../auth/session-context';
import type { InterviewFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { canOn } from '../permissions/ability';
import { formatInstant } from '../shared/format';
import { InterviewDetails } from './interview-details';
import { interviewSubject } from './interview-subject';
import { InterviewStatusTag } from './interview-tags';

export interface InterviewListProps {
  interviews: InterviewFieldsFragment[];
  loading: boolean;
  nameOf: (id: string) => string | undefined;
  onRecordHeld: (interview: InterviewFieldsFragment) => void;
  onCancel: (interview: InterviewFieldsFragment) => void;
  onReload: () => void;
}

export function InterviewList({ interviews, loading, nameOf, onRecordHeld, onCancel, onReload }: InterviewListProps) {
  const { t, label } = useI18n();
  const { ability } = useSignedIn();
  return (
    <Table<InterviewFieldsFragment>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={interviews}
      pagination={false}
      data-testid="interview-list"
      expandable={{ expandedRowRender: (interview) => <InterviewDetails interview={interview} nameOf={nameOf} onReload={onReload} /> }}
      columns={[
        { title: t('interviews.scheduledAt'), dataIndex: 'scheduledAt', render: formatInstant, width: 150 },
        { title: t('interviews.kind'), dataIndex: 'kind', render: (kind: string) => label('interviewKind', kind), width: 100 },
        { title: t('interviews.interviewees'), key: 'interviewees', render: (_, interview) => interview.interviewees.map((person) => person.name).join('、') },
        { title: t('interviews.reason'), dataIndex: 'reason', ellipsis: true },
        { title: t('interviews.place'), dataIndex: 'place', ellipsis: true, width: 180 },
        {
          title: t('common.status'),
          key: 'status',
          width: 170,
          render: (_, interview) => (
            <>
              <InterviewStatusTag interview={interview} />
              {interview.overdueCommitmentCount > 0 && <Tag color="red">{`${t('dashboard.overdue')} ${interview.overdueCommitmentCount}`}</Tag>}
            </>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 200,
          render: (_, interview) =>
            interview.status === 'SCHEDULED' && (
              <Space>
                {canOn(ability, 'recordMinutes', 'Interview', interviewSubject(interview)) && (
                  <Button size="small" type="primary" onClick={() => onRecordHeld(interview)}>
                    {t('interviews.recordMinutes')}
                  </Button>
                )}
                {canOn(ability, 'cancel', 'Interview', interviewSubject(interview)) && (
                  <Button size="small" onClick={() => onCancel(interview)}>
                    {t('interviews.cancel')}
                  </Button>
                )}
              </Space>
            ),
        },
      ]}
    />
  );
}
