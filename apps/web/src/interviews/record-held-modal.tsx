import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { InterviewFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { FormModal } from '../shared/form-modal';
import { RecordInterviewHeldMutation } from './interviews.documents';

interface HeldValues {
  heldAt?: Dayjs;
  minutes: string;
  commitments?: Array<{ text: string; dueDate: Dayjs }>;
}

/** 记录约谈情况: the minutes and the commitments the interviewees made. */
export function RecordHeldModal({ interview, onClose, onReload }: { interview: InterviewFieldsFragment | null; onClose: () => void; onReload: () => void }) {
  const { t } = useI18n();
  const [record] = useMutation(RecordInterviewHeldMutation);
  return (
    <FormModal<HeldValues>
      open={interview !== null}
      title={t('interviews.recordMinutes')}
      width={680}
      initialValues={{ commitments: [{ text: '', dueDate: dayjs().add(30, 'day') }] }}
      onClose={onClose}
      onReload={onReload}
      onSubmit={(values) =>
        record({
          variables: {
            input: {
              id: interview!.id,
              expectedVersion: interview!.version,
              heldAt: values.heldAt ? values.heldAt.toISOString() : null,
              minutes: values.minutes.trim(),
              commitments: (values.commitments ?? []).filter((item) => item.text?.trim()).map((item) => ({ text: item.text.trim(), dueDate: item.dueDate.format('YYYY-MM-DD') })),
            },
          },
        })
      }
    >
      <Form.Item name="heldAt" label={t('interviews.heldAt')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(date) => date.isAfter(dayjs())} />
      </Form.Item>
      <Form.Item name="minutes" label={t('interviews.minutes')} rules={[{ required: true }]}>
        <Input.TextArea rows={5} />
      </Form.Item>
      <Form.List name="commitments">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'text']} label={t('interviews.commitment')} style={{ width: 380 }}>
                  <Input />
                </Form.Item>
                <Form.Item name={[field.name, 'dueDate']} label={t('interviews.dueDate')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '', dueDate: dayjs().add(30, 'day') })}>
              {t('interviews.addCommitment')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
