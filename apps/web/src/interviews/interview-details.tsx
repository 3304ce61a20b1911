import { useMutation } from '@apollo/client/react';
import { Button, Descriptions, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../auth/session-context';
import type { InterviewFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { canOn } from '../permissions/ability';
import { FormModal } from '../shared/form-modal';
import { formatDate, formatInstant } from '../shared/format';
import { interviewSubject } from './interview-subject';
import { FulfilCommitmentMutation } from './interviews.documents';

type Commitment = InterviewFieldsFragment['commitments'][number];

/** The minutes and commitments of a held interview; commitments can be marked fulfilled. */
export function InterviewDetails({ interview, nameOf, onReload }: { interview: InterviewFieldsFragment; nameOf: (id: string) => string | undefined; onReload: () => void }) {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const [fulfil] = useMutation(FulfilCommitmentMutation);
  const [fulfilling, setFulfilling] = useState<Commitment | null>(null);
  const mayFulfil = canOn(ability, 'fulfilCommitment', 'Interview', interviewSubject(interview));
  return (
    <>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('interviews.interviewers')}>{interview.interviewerIds.map((id) => nameOf(id) ?? id.slice(0, 8)).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('interviews.heldAt')}>{formatInstant(interview.heldAt)}</Descriptions.Item>
        <Descriptions.Item label={t('interviews.reason')} span={2}>
          {interview.reason}
        </Descriptions.Item>
        {interview.findingIds.length > 0 && (
          <Descriptions.Item label={t('interviews.linkedFindings')} span={2}>
            {interview.findingIds.map((id, index) => (
              <Link key={id} to={`/findings/${id}`} style={{ marginRight: 12 }}>
                {t('finding.title')} {index + 1}
              </Link>
            ))}
          </Descriptions.Item>
        )}
        {interview.minutes && (
          <Descriptions.Item label={t('interviews.minutes')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{interview.minutes}</Typography.Paragraph>
          </Descriptions.Item>
        )}
      </Descriptions>
      {interview.commitments.length > 0 && (
        <List<Commitment>
          size="small"
          header={<strong>{t('interviews.commitments')}</strong>}
          dataSource={interview.commitments}
          renderItem={(commitment) => (
            <List.Item
              actions={[
                commitment.fulfilledAt ? (
                  <Tag color="green" key="state">
                    {t('interviews.fulfilled')} {formatDate(commitment.fulfilledAt)}
                  </Tag>
                ) : (
                  mayFulfil && (
                    <Button key="fulfil" size="small" onClick={() => setFulfilling(commitment)}>
                      {t('interviews.fulfil')}
                    </Button>
                  )
                ),
              ]}
            >
              <List.Item.Meta
                title={commitment.text}
                description={
                  <>
                    {t('interviews.dueDate')}：{formatDate(commitment.dueDate)} {commitment.overdue && <Tag color="red">{t('dashboard.overdue')}</Tag>}
                    {commitment.note && <div>{commitment.note}</div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <FormModal<{ note: string }>
        open={fulfilling !== null}
        title={`${t('interviews.fulfil')} · ${fulfilling?.text ?? ''}`}
        onClose={() => setFulfilling(null)}
        onReload={onReload}
        onSubmit={({ note }) => fulfil({ variables: { input: { id: interview.id, expectedVersion: interview.version, commitmentId: fulfilling!.id, note: note.trim() } } })}
      >
        <Form.Item name="note" label={t('interviews.fulfilNote')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
