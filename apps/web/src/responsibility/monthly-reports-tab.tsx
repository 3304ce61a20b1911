import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { MonthlyReportsQuery as ReportsData } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { canAny } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { FormModal } from '../shared/form-modal';
import type { CycleScope } from './responsibility-page';
import { MonthlyReportsQuery, ScheduleMonthlyReportMutation, SubmitMonthlyReportMutation } from './responsibility.documents';
import { STANDING_COLOURS, WARNING_COLOURS } from './responsibility.labels';

type Report = ReportsData['monthlyReports'][number];

/** 分析研判月报告: the city sets each month's due date, the district submits; late and missing ones are flagged in three colours. */
export function MonthlyReportsTab({ scope }: { scope: CycleScope }) {
  const { t, label } = useI18n();
  const { viewer, ability } = useSignedIn();
  const { data, error, refetch } = useQuery(MonthlyReportsQuery, { variables: scope });
  const [schedule] = useMutation(ScheduleMonthlyReportMutation);
  const [submit] = useMutation(SubmitMonthlyReportMutation);
  const [scheduling, setScheduling] = useState(false);
  const [submitting, setSubmitting] = useState<Report | null>(null);
  const reload = (): void => void refetch();
  // The ability lets the city update these records too; only the district writes the report itself.
  const mayWrite = canAny(ability, 'update', 'Responsibility');

  return (
    <>
      <ApiErrorAlert error={error} onReload={reload} />
      {!viewer.tenant && canAny(ability, 'create', 'Responsibility') && (
        <Button type="primary" className="block-gap" onClick={() => setScheduling(true)} data-testid="schedule-report">
          {t('responsibility.scheduleReport')}
        </Button>
      )}
      <Table<Report>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.monthlyReports ?? []}
        data-testid="monthly-reports"
        columns={[
          { title: t('responsibility.month'), dataIndex: 'month' },
          { title: t('responsibility.dueDate'), dataIndex: 'dueDate' },
          { title: t('common.status'), dataIndex: 'status', render: (status: Report['status']) => label('monthlyReportStatus', status) },
          {
            title: t('responsibility.standing'),
            dataIndex: 'standing',
            render: (standing: Report['standing']) => <Tag color={STANDING_COLOURS[standing]}>{label('reportStanding', standing)}</Tag>,
          },
          {
            title: t('responsibility.warning'),
            dataIndex: 'warning',
            render: (warning: Report['warning']) => warning && <Tag color={WARNING_COLOURS[warning]}>{label('warning', warning)}</Tag>,
          },
          { title: t('responsibility.content'), dataIndex: 'content', ellipsis: true },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, report) =>
              report.status === 'DUE' &&
              viewer.tenant &&
              mayWrite && (
                <Button size="small" onClick={() => setSubmitting(report)}>
                  {t('responsibility.submitReport')}
                </Button>
              ),
          },
        ]}
      />
      <FormModal<{ month: string; dueDate: string }>
        open={scheduling}
        title={t('responsibility.scheduleReportTitle')}
        onClose={() => setScheduling(false)}
        onSubmit={async (values) => {
          await schedule({ variables: { input: { tenantId: scope.tenantId!, ...values } } });
          reload();
        }}
      >
        <Form.Item name="month" label={t('responsibility.monthFormat')} rules={[{ required: true }, { pattern: /^\d{4}-\d{2}$/, message: t('responsibility.formatMonth') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="dueDate" label={t('responsibility.dueDateFormat')} rules={[{ required: true }, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('responsibility.formatDate') }]}>
          <Input />
        </Form.Item>
      </FormModal>
      <FormModal<{ content: string }>
        open={submitting !== null}
        title={t('responsibility.submitReportTitle', { month: submitting?.month ?? '' })}
        onClose={() => setSubmitting(null)}
        onReload={reload}
        onSubmit={async ({ content }) => {
          await submit({ variables: { input: { id: submitting!.id, expectedVersion: submitting!.version, content, attachmentHashes: [] } } });
          reload();
        }}
      >
        <Form.Item name="content" label={t('responsibility.analysis')} rules={[{ required: true }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
      </FormModal>
    </>
  );
}
