import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { MonthlyReportsQuery as ReportsData } from '../generated/graphql';
import { canAny } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { FormModal } from '../shared/form-modal';
import type { CycleScope } from './responsibility-page';
import { MonthlyReportsQuery, ScheduleMonthlyReportMutation, SubmitMonthlyReportMutation } from './responsibility.documents';
import { REPORT_STATUS_LABELS, STANDING_LABELS, WARNING_LABELS } from './responsibility.labels';

type Report = ReportsData['monthlyReports'][number];

/** 分析研判月报告: the city sets each month's due date, the district submits; late and missing ones are flagged in three colours. */
export function MonthlyReportsTab({ scope }: { scope: CycleScope }) {
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
          布置月报告
        </Button>
      )}
      <Table<Report>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.monthlyReports ?? []}
        data-testid="monthly-reports"
        columns={[
          { title: '月份', dataIndex: 'month' },
          { title: '截止日期', dataIndex: 'dueDate' },
          { title: '状态', dataIndex: 'status', render: (status: Report['status']) => REPORT_STATUS_LABELS[status] },
          { title: '报送情况', dataIndex: 'standing', render: (standing: Report['standing']) => <Tag color={STANDING_LABELS[standing].color}>{STANDING_LABELS[standing].text}</Tag> },
          { title: '预警', dataIndex: 'warning', render: (warning: Report['warning']) => warning && <Tag color={WARNING_LABELS[warning].color}>{WARNING_LABELS[warning].text}</Tag> },
          { title: '内容', dataIndex: 'content', ellipsis: true },
          {
            title: '操作',
            key: 'actions',
            render: (_, report) =>
              report.status === 'DUE' &&
              viewer.tenant &&
              mayWrite && (
                <Button size="small" onClick={() => setSubmitting(report)}>
                  报送
                </Button>
              ),
          },
        ]}
      />
      <FormModal<{ month: string; dueDate: string }>
        open={scheduling}
        title="布置分析研判月报告"
        onClose={() => setScheduling(false)}
        onSubmit={async (values) => {
          await schedule({ variables: { input: { tenantId: scope.tenantId!, ...values } } });
          reload();
        }}
      >
        <Form.Item name="month" label="月份（YYYY-MM）" rules={[{ required: true }, { pattern: /^\d{4}-\d{2}$/, message: '格式为 YYYY-MM' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="dueDate" label="截止日期（YYYY-MM-DD）" rules={[{ required: true }, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }]}>
          <Input />
        </Form.Item>
      </FormModal>
      <FormModal<{ content: string }>
        open={submitting !== null}
        title={`报送 ${submitting?.month ?? ''} 分析研判月报告`}
        onClose={() => setSubmitting(null)}
        onReload={reload}
        onSubmit={async ({ content }) => {
          await submit({ variables: { input: { id: submitting!.id, expectedVersion: submitting!.version, content, attachmentHashes: [] } } });
          reload();
        }}
      >
        <Form.Item name="content" label="研判内容" rules={[{ required: true }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
      </FormModal>
    </>
  );
}
