import { useMutation, useQuery } from '@apollo/client/react';
import { OPEN_FINDING_STATUSES } from '@zeren/domain';
import { FindingsQuery } from '../findings/findings.documents';
import { DatePicker, Form, Input, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { InterviewKind } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { INTERVIEW_KINDS, useLabelledOptions } from '../shared/enum-options';
import { FormModal } from '../shared/form-modal';
import { usePeople } from '../shared/use-people';
import { useTenancyNames } from '../shared/use-tenancy-names';
import { InterviewsQuery, ScheduleInterviewMutation } from './interviews.documents';


interface ScheduleValues {
  tenantId?: string;
  kind: InterviewKind;
  interviewerIds: string[];
  intervieweeIds: string[];
  reason: string;
  scheduledAt: Dayjs;
  place: string;
  confidential: boolean;
  findingIds?: string[];
}

export function ScheduleInterviewModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const options = useLabelledOptions();
  const { viewer } = useSignedIn();
  const tenancy = useTenancyNames();
  // A city inspector picks the district; everyone else schedules in their own.
  const [tenantId, setTenantId] = useState<string | null>(viewer.tenant?.id ?? null);
  const { people } = usePeople(tenantId);
  const [schedule] = useMutation(ScheduleInterviewMutation, { refetchQueries: [InterviewsQuery] });
  const openFindings = useQuery(FindingsQuery, { variables: { filter: { tenantId, statuses: [...OPEN_FINDING_STATUSES] }, first: 100 }, skip: !open });
  const interviewerOptions = [{ value: viewer.id, label: viewer.displayName }, ...people.filter((person) => person.id !== viewer.id && person.role !== 'unit_officer').map((person) => ({ value: person.id, label: person.displayName }))];
  const intervieweeOptions = people.filter((person) => person.role === 'unit_officer' || person.role === 'district_admin').map((person) => ({ value: person.id, label: person.displayName }));

  return (
    <FormModal<ScheduleValues>
      open={open}
      title={t('interviews.schedule')}
      width={640}
      initialValues={{ kind: 'REMINDER', confidential: false, interviewerIds: [viewer.id] }}
      onClose={onClose}
      onSubmit={(values) =>
        schedule({
          variables: {
            input: {
              tenantId,
              kind: values.kind,
              interviewerIds: values.interviewerIds,
              interviewees: values.intervieweeIds.map((personId) => ({ personId })),
              reason: values.reason.trim(),
              findingIds: values.findingIds ?? [],
              scheduledAt: values.scheduledAt.toISOString(),
              place: values.place.trim(),
              confidential: values.confidential,
            },
          },
        })
      }
    >
      {!viewer.tenant && (
        <Form.Item name="tenantId" label={t('inspections.tenant')} rules={[{ required: true }]}>
          <Select onChange={(value: string) => setTenantId(value)} options={tenancy.tenants.map((tenant) => ({ value: tenant.id, label: tenant.name }))} />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('interviews.kind')} rules={[{ required: true }]}>
        <Select options={options('interviewKind', INTERVIEW_KINDS)} />
      </Form.Item>
      <Form.Item name="intervieweeIds" label={t('interviews.interviewees')} rules={[{ required: true }]}>
        <Select mode="multiple" options={intervieweeOptions} optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="interviewerIds" label={t('interviews.interviewers')} rules={[{ required: true }]}>
        <Select mode="multiple" options={interviewerOptions} optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="reason" label={t('interviews.reason')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="findingIds" label={t('interviews.linkedFindings')}>
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={(openFindings.data?.findings.edges ?? []).map((edge) => ({ value: edge.node.id, label: `${edge.node.unit?.name ?? ''} · ${edge.node.title}` }))}
        />
      </Form.Item>
      <Form.Item name="scheduledAt" label={t('interviews.scheduledAt')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="place" label={t('interviews.place')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="confidential" label={t('interviews.confidential')} extra={t('interviews.confidentialHint')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
