import { useMutation } from '@apollo/client/react';
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { UnitFieldsFragment, UnitKind } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { canAny, canOn } from '../permissions/ability';
import { UNIT_KINDS, useLabelledOptions } from '../shared/enum-options';
import { FormModal } from '../shared/form-modal';
import { UnitsQuery } from '../shared/units.documents';
import { usePeople } from '../shared/use-people';
import { useUnits } from '../shared/use-units';
import { unitTree, type UnitNode } from './unit-tree';
import { AssignUnitLiaisonMutation, CreateUnitMutation, DeactivateUnitMutation } from './units.documents';

type Dialog = { kind: 'create' } | { kind: 'liaison'; unit: UnitFieldsFragment } | { kind: 'deactivate'; unit: UnitFieldsFragment } | null;

/** 单位: the district's units as a tree; the district office creates them and names their liaisons. */
export function UnitsTab() {
  const { t, label } = useI18n();
  const options = useLabelledOptions();
  const { ability } = useSignedIn();
  const { units, loading } = useUnits(undefined, true);
  const { people } = usePeople();
  const refetchQueries = [UnitsQuery];
  const [create] = useMutation(CreateUnitMutation, { refetchQueries });
  const [assignLiaison] = useMutation(AssignUnitLiaisonMutation, { refetchQueries });
  const [deactivate] = useMutation(DeactivateUnitMutation, { refetchQueries });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = (): void => setDialog(null);
  const mayUpdate = (unit: UnitFieldsFragment): boolean => canOn(ability, 'update', 'Unit', { tenantId: unit.tenantId, unitId: unit.id });

  return (
    <>
      {canAny(ability, 'create', 'Unit') && (
        <Space className="block-gap">
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="create-unit">
            {t('admin.createUnit')}
          </Button>
        </Space>
      )}
      <Table<UnitNode>
        // Remounted when the units arrive, so that every branch starts expanded.
        key={units.length}
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={unitTree(units)}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('admin.unitKind'), dataIndex: 'kind', render: (kind: string) => label('unitKind', kind) },
          { title: t('admin.liaison'), key: 'liaison', render: (_, unit) => unit.liaison?.name ?? '—' },
          { title: t('admin.leader'), key: 'leader', render: (_, unit) => unit.leader?.name ?? '—' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: string) => (status === 'ACTIVE' ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.deactivated')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, unit) =>
              unit.status === 'ACTIVE' &&
              mayUpdate(unit) && (
                <Space>
                  <Button size="small" onClick={() => setDialog({ kind: 'liaison', unit })}>
                    {t('admin.assignLiaison')}
                  </Button>
                  <Button size="small" danger onClick={() => setDialog({ kind: 'deactivate', unit })}>
                    {t('admin.deactivate')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <FormModal<{ name: string; kind: UnitKind; parentId?: string }>
        open={dialog?.kind === 'create'}
        title={t('admin.createUnit')}
        onClose={close}
        onSubmit={(values) => create({ variables: { input: { name: values.name.trim(), kind: values.kind, parentId: values.parentId ?? null } } })}
      >
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.unitKind')} rules={[{ required: true }]}>
          <Select options={options('unitKind', UNIT_KINDS)} />
        </Form.Item>
        <Form.Item name="parentId" label={t('admin.parentUnit')}>
          <Select allowClear options={units.filter((unit) => unit.status === 'ACTIVE').map((unit) => ({ value: unit.id, label: unit.name }))} />
        </Form.Item>
      </FormModal>
      <FormModal<{ personId: string }>
        open={dialog?.kind === 'liaison'}
        title={`${t('admin.assignLiaison')} · ${dialog?.kind === 'liaison' ? dialog.unit.name : ''}`}
        onClose={close}
        onSubmit={({ personId }) => (dialog?.kind === 'liaison' ? assignLiaison({ variables: { input: { id: dialog.unit.id, expectedVersion: dialog.unit.version, personId } } }) : Promise.resolve())}
      >
        <Form.Item name="personId" label={t('admin.liaison')} rules={[{ required: true }]}>
          <Select options={people.filter((person) => person.role === 'unit_officer').map((person) => ({ value: person.id, label: person.displayName }))} />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string }>
        open={dialog?.kind === 'deactivate'}
        title={`${t('admin.deactivate')} · ${dialog?.kind === 'deactivate' ? dialog.unit.name : ''}`}
        onClose={close}
        onSubmit={({ reason }) => (dialog?.kind === 'deactivate' ? deactivate({ variables: { input: { id: dialog.unit.id, expectedVersion: dialog.unit.version, reason: reason.trim() } } }) : Promise.resolve())}
      >
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
