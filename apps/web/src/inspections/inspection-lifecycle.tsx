import { useMutation } from '@apollo/client/react';
import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { InspectionFieldsFragment, InspectionStatus } from '../generated/graphql';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/locale';
import { FormModal } from '../shared/form-modal';
import { CancelInspectionMutation, CloseInspectionMutation, IssueInspectionReportMutation, StartInspectionMutation } from './inspections.documents';

type Step = 'start' | 'issueReport' | 'close' | 'cancel';

/** The next step of an inspection from each status, for the office that runs it. */
const STEPS: Record<InspectionStatus, Step[]> = { PLANNED: ['start', 'cancel'], IN_PROGRESS: ['issueReport'], REPORT_ISSUED: ['close'], CLOSED: [], CANCELLED: [] };
const LABELS: Record<Step, MessageKey> = { start: 'inspections.start', issueReport: 'inspections.issueReport', close: 'inspections.close', cancel: 'inspections.cancel' };

export function InspectionLifecycle({ inspection, onReload }: { inspection: InspectionFieldsFragment; onReload: () => void }) {
  const { t } = useI18n();
  const [start] = useMutation(StartInspectionMutation);
  const [issueReport] = useMutation(IssueInspectionReportMutation);
  const [close] = useMutation(CloseInspectionMutation);
  const [cancel] = useMutation(CancelInspectionMutation);
  const [step, setStep] = useState<Step | null>(null);
  const change = { id: inspection.id, expectedVersion: inspection.version };
  const perform = (values: { text?: string }): Promise<unknown> => {
    const text = values.text?.trim() ?? '';
    if (step === 'start') return start({ variables: { input: change } });
    if (step === 'issueReport') return issueReport({ variables: { input: { ...change, summary: text } } });
    if (step === 'close') return close({ variables: { input: change } });
    return cancel({ variables: { input: { ...change, reason: text } } });
  };
  return (
    <>
      <Space>
        {STEPS[inspection.status].map((next) => (
          <Button key={next} danger={next === 'cancel'} onClick={() => setStep(next)}>
            {t(LABELS[next])}
          </Button>
        ))}
      </Space>
      <FormModal<{ text?: string }> open={step !== null} title={step ? t(LABELS[step]) : ''} onClose={() => setStep(null)} onReload={onReload} onSubmit={perform}>
        {(step === 'issueReport' || step === 'cancel') && (
          <Form.Item name="text" label={step === 'cancel' ? t('common.reason') : t('inspections.reportSummary')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
      </FormModal>
    </>
  );
}
