import { useMutation } from '@apollo/client/react';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FindingsQuery } from '../findings/findings.documents';
import { RecordFindingMutation } from '../findings/finding-mutations.documents';
import type { FindingBasisKind, FindingCategory, FindingSeverity, InspectionFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { FINDING_BASIS_KINDS, FINDING_CATEGORIES, FINDING_SEVERITIES, useLabelledOptions } from '../shared/enum-options';
import { ResponsibilityItemSelect } from '../responsibility/responsibility-item-select';
import { FormModal } from '../shared/form-modal';
import { UnitSelect } from '../shared/unit-select';


interface RecordValues {
  unitId: string;
  title: string;
  description: string;
  category: FindingCategory;
  severity: FindingSeverity;
  basisKind: FindingBasisKind;
  basisReference: string;
  basisText: string;
  deadline: Dayjs;
}

/**
 * 依据: a 责任清单 item of the district, picked from the unit's lists (its content becomes the basis
 * text), or a rule, named and quoted by hand.
 */
function BasisFields({ tenantId }: { tenantId: string }) {
  const { t } = useI18n();
  const options = useLabelledOptions();
  const form = Form.useFormInstance<RecordValues>();
  const kind = Form.useWatch('basisKind', form);
  const unitId = Form.useWatch('unitId', form);
  return (
    <>
      <Form.Item name="basisKind" label={t('finding.basisKind')}>
        <Select options={options('basisKind', FINDING_BASIS_KINDS)} onChange={() => form.setFieldValue('basisReference', undefined)} />
      </Form.Item>
      {kind === 'RESPONSIBILITY_ITEM' ? (
        <Form.Item name="basisReference" label={t('finding.basisItem')} rules={[{ required: true }]}>
          <ResponsibilityItemSelect tenantId={tenantId} unitId={unitId ?? null} year={dayjs().year()} onItemChosen={(item) => form.setFieldValue('basisText', item.content)} />
        </Form.Item>
      ) : (
        <Form.Item name="basisReference" label={t('finding.basisReference')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="basisText" label={t('finding.basisText')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

/** 登记问题 in an inspection: against one unit, with its basis (依据) and a deadline from today on. */
export function RecordFindingModal({ inspection, open, onClose }: { inspection: InspectionFieldsFragment; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [record] = useMutation(RecordFindingMutation, { refetchQueries: [FindingsQuery] });
  const options = useLabelledOptions();
  return (
    <FormModal<RecordValues>
      open={open}
      title={t('inspections.recordFinding')}
      width={680}
      initialValues={{ category: 'RESPONSIBILITY', severity: 'MINOR', basisKind: 'RESPONSIBILITY_ITEM', deadline: dayjs().add(30, 'day') }}
      onClose={onClose}
      onSubmit={(values) =>
        record({
          variables: {
            input: {
              inspectionId: inspection.id,
              unitId: values.unitId,
              title: values.title.trim(),
              description: values.description.trim(),
              category: values.category,
              severity: values.severity,
              basis: { kind: values.basisKind, reference: values.basisReference.trim(), text: values.basisText.trim() },
              deadline: values.deadline.format('YYYY-MM-DD'),
            },
          },
        })
      }
    >
      <Form.Item name="unitId" label={t('finding.unit')} rules={[{ required: true }]}>
        <UnitSelect tenantId={inspection.tenantId} />
      </Form.Item>
      <Form.Item name="title" label={t('finding.title')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t('finding.description')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="category" label={t('finding.category')}>
        <Select options={options('findingCategory', FINDING_CATEGORIES)} />
      </Form.Item>
      <Form.Item name="severity" label={t('finding.severity')}>
        <Select options={options('findingSeverity', FINDING_SEVERITIES)} />
      </Form.Item>
      <BasisFields tenantId={inspection.tenantId} />
      <Form.Item name="deadline" label={t('finding.deadline')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(date) => date.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
