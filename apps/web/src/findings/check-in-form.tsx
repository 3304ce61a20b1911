import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Button, DatePicker, Form, Input, InputNumber, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { FormModal } from '../shared/form-modal';
import { uploadEvidence } from './evidence-upload';
import { CheckInProgressMutation } from './finding-mutations.documents';
import { FindingQuery } from './findings.documents';

interface CheckInValues {
  percent: number;
  narrative: string;
  decreaseReason?: string;
  effectiveAt?: Dayjs;
}

export interface CheckInTarget {
  id: string;
  version: number;
  latestPercent: number | null;
}

/** 填报整改进展: progress, narrative, evidence files (uploaded first, referred to by sha256), and when it took effect. */
export function CheckInModal({ finding, open, onClose, onReload }: { finding: CheckInTarget; open: boolean; onClose: () => void; onReload: () => void }) {
  const { t } = useI18n();
  const { authorizedFetch } = useSession();
  const [checkIn] = useMutation(CheckInProgressMutation, { refetchQueries: [FindingQuery] });
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [percent, setPercent] = useState<number>(finding.latestPercent ?? 0);
  const decreasing = finding.latestPercent !== null && percent < finding.latestPercent;
  const uploading = files.some((file) => file.status === 'uploading');
  const close = (): void => {
    setFiles([]);
    onClose();
  };

  return (
    <FormModal<CheckInValues>
      open={open}
      title={t('finding.checkIn')}
      width={640}
      initialValues={{ percent: finding.latestPercent ?? 0 }}
      onClose={close}
      onReload={onReload}
      onSubmit={(values) =>
        checkIn({
          variables: {
            input: {
              id: finding.id,
              expectedVersion: finding.version,
              percent: values.percent,
              narrative: values.narrative.trim(),
              decreaseReason: decreasing ? (values.decreaseReason?.trim() ?? null) : null,
              evidence: files.flatMap((file) => (file.status === 'done' && typeof file.response === 'string' ? [file.response] : [])),
              effectiveAt: values.effectiveAt ? values.effectiveAt.toISOString() : null,
            },
          },
        })
      }
    >
      <Form.Item name="percent" label={t('finding.percent')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} addonAfter="%" onChange={(value) => setPercent(Number(value ?? 0))} />
      </Form.Item>
      <Form.Item name="narrative" label={t('finding.narrative')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      {decreasing && (
        <Form.Item name="decreaseReason" label={t('finding.decreaseReason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      <Form.Item name="effectiveAt" label={t('finding.effectiveAt')} extra={t('finding.lateHint')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(date) => date.isAfter(dayjs())} />
      </Form.Item>
      <Form.Item label={t('finding.evidence')}>
        <Upload
          multiple
          fileList={files}
          onChange={({ fileList }) => setFiles(fileList)}
          customRequest={({ file, onSuccess, onError }) => {
            uploadEvidence(authorizedFetch, file as File, finding.id).then(
              (uploaded) => onSuccess?.(uploaded.sha256),
              (error: unknown) => onError?.(error instanceof Error ? error : new Error(String(error))),
            );
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="evidence-upload">
            {uploading ? t('finding.uploading') : t('finding.upload')}
          </Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
