import { useMutation, useQuery } from '@apollo/client/react';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { mayPlanInspection } from '@zeren/domain';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { InspectionKind } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { INSPECTION_KINDS } from '../shared/enum-options';
import { FormModal } from '../shared/form-modal';
import { splitNames } from '../shared/format';
import { UnitSelect } from '../shared/unit-select';
import { useTenancyNames } from '../shared/use-tenancy-names';
import { InspectionsQuery, PlanInspectionMutation } from './inspections.documents';


interface PlanValues {
  tenantId?: string;
  title: string;
  kind: InspectionKind;
  followUpOfId?: string;
  scope: 'DISTRICT' | 'UNITS';
  unitIds?: string[];
  period: [Dayjs, Dayjs];
  team: string;
}

/** The kinds this role may plan (the shared rule); 回头看 when it may plan any kind it would re-check. */
export function plannableKinds(role: Parameters<typeof mayPlanInspection>[0]): InspectionKind[] {
  const direct = INSPECTION_KINDS.filter((kind) => kind !== 'FOLLOW_UP' && mayPlanInspection(role, kind, null));
  return direct.length > 0 ? [...direct, 'FOLLOW_UP'] : [];
}

export function PlanInspectionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, label } = useI18n();
  const { viewer } = useSignedIn();
  const tenancy = useTenancyNames();
  const [plan] = useMutation(PlanInspectionMutation, { refetchQueries: [InspectionsQuery] });
  const [kind, setKind] = useState<InspectionKind | undefined>();
  const [scope, setScope] = useState<'DISTRICT' | 'UNITS'>('UNITS');
  const [tenantId, setTenantId] = useState<string | null>(viewer.tenant?.id ?? null);
  const previous = useQuery(InspectionsQuery, { variables: { filter: { tenantId }, first: 100 }, skip: kind !== 'FOLLOW_UP' });
  const followUpCandidates = (previous.data?.inspections.edges ?? []).map((edge) => edge.node).filter((inspection) => inspection.kind !== 'FOLLOW_UP' && mayPlanInspection(viewer.role, 'FOLLOW_UP', inspection.kind));

  return (
    <FormModal<PlanValues>
      open={open}
      title={t('inspections.create')}
      width={640}
      initialValues={{ scope: 'UNITS', team: viewer.displayName }}
      onClose={onClose}
      onSubmit={(values) =>
        plan({
          variables: {
            input: {
              tenantId,
              title: values.title.trim(),
              kind: values.kind,
              followUpOfId: values.kind === 'FOLLOW_UP' ? (values.followUpOfId ?? null) : null,
              target: { scope: values.scope, unitIds: values.scope === 'UNITS' ? (values.unitIds ?? []) : [] },
              periodStart: values.period[0].format('YYYY-MM-DD'),
              periodEnd: values.period[1].format('YYYY-MM-DD'),
              team: splitNames(values.team).map((name) => ({ name })),
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
      <Form.Item name="title" label={t('common.title')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('inspections.kind')} rules={[{ required: true }]}>
        <Select onChange={(value: InspectionKind) => setKind(value)} options={plannableKinds(viewer.role).map((value) => ({ value, label: label('inspectionKind', value) }))} />
      </Form.Item>
      {kind === 'FOLLOW_UP' && (
        <Form.Item name="followUpOfId" label={t('inspections.followUpOf')} rules={[{ required: true }]}>
          <Select options={followUpCandidates.map((inspection) => ({ value: inspection.id, label: inspection.title }))} />
        </Form.Item>
      )}
      <Form.Item name="scope" label={t('inspections.target')}>
        <Radio.Group onChange={(event) => setScope(event.target.value as 'DISTRICT' | 'UNITS')}>
          <Radio value="DISTRICT">{t('inspections.targetDistrict')}</Radio>
          <Radio value="UNITS">{t('inspections.targetUnits')}</Radio>
        </Radio.Group>
      </Form.Item>
      {scope === 'UNITS' && (
        <Form.Item name="unitIds" label={t('inspections.targetUnits')} rules={[{ required: true }]}>
          <UnitSelect mode="multiple" tenantId={tenantId} />
        </Form.Item>
      )}
      <Form.Item name="period" label={t('inspections.period')} rules={[{ required: true }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item name="team" label={t('inspections.team')} extra={t('inspections.teamHint')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
