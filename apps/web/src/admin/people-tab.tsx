import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { PersonFieldsFragment, Role } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { canAny, canOn } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { FormModal } from '../shared/form-modal';
import { PeopleQuery } from '../shared/people.documents';
import { ChangePersonRoleMutation, DeactivatePersonMutation, ReactivatePersonMutation, RegisterPersonMutation } from './admin.documents';
import { useTenancyNames } from '../shared/use-tenancy-names';
import { UnitSelect } from '../shared/unit-select';
import { useUnits } from '../shared/use-units';

const ROLES: readonly Role[] = ['platform_admin', 'city_inspector', 'district_admin', 'unit_officer', 'auditor'];

interface RegisterValues {
  username: string;
  displayName: string;
  role: Role;
  placeId?: string;
  unitId?: string;
  email?: string;
  phone?: string;
  initialPassword: string;
}

/** Where a new person of this role belongs: a city for inspectors, a district for district roles. */
function placeOf(role: Role, placeId: string | undefined, viewerTenantId: string | null): { cityId: string | null; tenantId: string | null } {
  if (role === 'platform_admin') return { cityId: null, tenantId: null };
  if (role === 'city_inspector') return { cityId: placeId ?? null, tenantId: null };
  return { cityId: null, tenantId: placeId ?? viewerTenantId };
}

function RegisterPersonModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, label } = useI18n();
  const { viewer, ability } = useSignedIn();
  const tenancy = useTenancyNames();
  const [register] = useMutation(RegisterPersonMutation, { refetchQueries: [PeopleQuery] });
  const [role, setRole] = useState<Role | undefined>();
  const tenantId = viewer.tenant?.id ?? null;
  // The platform's rule names roles only; a district's also names its own district.
  const roles = ROLES.filter((candidate) => canOn(ability, 'create', 'Person', { role: candidate, tenantId, unitId: null }));
  const needsPlace = viewer.role === 'platform_admin' && (role === 'city_inspector' || role === 'district_admin');
  return (
    <FormModal<RegisterValues>
      open={open}
      title={t('admin.createPerson')}
      onClose={onClose}
      onSubmit={(values) =>
        register({
          variables: {
            input: {
              username: values.username.trim(),
              displayName: values.displayName.trim(),
              role: values.role,
              ...placeOf(values.role, values.placeId, tenantId),
              unitId: values.role === 'unit_officer' ? (values.unitId ?? null) : null,
              email: values.email || null,
              phone: values.phone || null,
              initialPassword: values.initialPassword,
            },
          },
        })
      }
    >
      <Form.Item name="username" label={t('auth.username')} rules={[{ required: true }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
        <Select onChange={(value: Role) => setRole(value)} options={roles.map((value) => ({ value, label: label('role', value) }))} />
      </Form.Item>
      {needsPlace && (
        <Form.Item name="placeId" label={role === 'city_inspector' ? t('admin.city') : t('admin.tenant')} rules={[{ required: true }]}>
          <Select
            options={(role === 'city_inspector' ? tenancy.cities : tenancy.tenants).map((place) => ({ value: place.id, label: place.name }))}
          />
        </Form.Item>
      )}
      {role === 'unit_officer' && (
        <Form.Item name="unitId" label={t('admin.unit')} rules={[{ required: true }]}>
          <UnitSelect />
        </Form.Item>
      )}
      <Form.Item name="email" label={t('admin.email')}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('admin.phone')}>
        <Input />
      </Form.Item>
      <Form.Item name="initialPassword" label={t('admin.initialPassword')} extra={t('auth.passwordHint')} rules={[{ required: true }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

function DeactivateModal({ person, onClose }: { person: PersonFieldsFragment | null; onClose: () => void }) {
  const { t } = useI18n();
  const [deactivate] = useMutation(DeactivatePersonMutation);
  const { refetch } = useQuery(PeopleQuery);
  return (
    <FormModal<{ reason: string }>
      open={person !== null}
      title={`${t('admin.deactivate')} · ${person?.displayName ?? ''}`}
      onClose={onClose}
      onReload={() => void refetch()}
      onSubmit={({ reason }) => deactivate({ variables: { id: person!.id, reason, expectedVersion: person!.version } })}
    >
      <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** 调整角色 within the district: the roles its administrator may give, a unit for a liaison. */
function ChangeRoleModal({ person, onClose }: { person: PersonFieldsFragment | null; onClose: () => void }) {
  const { t, label } = useI18n();
  const { ability } = useSignedIn();
  const [changeRole] = useMutation(ChangePersonRoleMutation);
  const { refetch } = useQuery(PeopleQuery);
  const [role, setRole] = useState<Role | undefined>(person?.role);
  const roles = person ? ROLES.filter((candidate) => candidate !== person.role && canOn(ability, 'update', 'Person', { ...person, role: candidate })) : [];
  return (
    <FormModal<{ role: Role; unitId?: string }>
      open={person !== null}
      title={`${t('admin.changeRole')} · ${person?.displayName ?? ''}`}
      onClose={onClose}
      onReload={() => void refetch()}
      onSubmit={(values) => changeRole({ variables: { id: person!.id, role: values.role, unitId: values.role === 'unit_officer' ? (values.unitId ?? null) : null, expectedVersion: person!.version } })}
    >
      <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
        <Select onChange={(value: Role) => setRole(value)} options={roles.map((value) => ({ value, label: label('role', value) }))} />
      </Form.Item>
      {role === 'unit_officer' && (
        <Form.Item name="unitId" label={t('admin.unit')} rules={[{ required: true }]}>
          <UnitSelect tenantId={person?.tenantId} />
        </Form.Item>
      )}
    </FormModal>
  );
}

export function PeopleTab() {
  const { t, label } = useI18n();
  const { ability } = useSignedIn();
  const { data, loading, error, refetch } = useQuery(PeopleQuery);
  const [reactivate, reactivation] = useMutation(ReactivatePersonMutation);
  const [registering, setRegistering] = useState(false);
  const [deactivating, setDeactivating] = useState<PersonFieldsFragment | null>(null);
  const [changingRole, setChangingRole] = useState<PersonFieldsFragment | null>(null);
  const tenancy = useTenancyNames();
  const units = useUnits();
  const people = data?.people ?? [];
  const mayUpdate = (person: PersonFieldsFragment): boolean => canOn(ability, 'update', 'Person', { ...person });

  return (
    <>
      <Space className="block-gap">
        {canAny(ability, 'create', 'Person') && (
          <Button type="primary" onClick={() => setRegistering(true)} data-testid="create-person">
            {t('admin.createPerson')}
          </Button>
        )}
      </Space>
      <ApiErrorAlert error={error ?? reactivation.error} onReload={() => void refetch()} />
      <Table<PersonFieldsFragment>
        rowKey="id"
        size="middle"
        loading={loading && !data}
        dataSource={people}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('admin.displayName'), dataIndex: 'displayName' },
          { title: t('admin.role'), dataIndex: 'role', render: (role: Role) => label('role', role) },
          {
            title: t('admin.scope'),
            key: 'place',
            render: (_, person) => units.nameOf(person.unitId) ?? tenancy.nameOf(person.tenantId ?? person.cityId) ?? '—',
          },
          { title: t('admin.phone'), dataIndex: 'phone', render: (phone: string | null) => phone ?? '—' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: string) => (status === 'ACTIVE' ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.deactivated')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, person) =>
              mayUpdate(person) &&
              (person.status === 'ACTIVE' ? (
                <Space>
                  {person.tenantId && (
                    <Button size="small" onClick={() => setChangingRole(person)}>
                      {t('admin.changeRole')}
                    </Button>
                  )}
                  <Button size="small" danger onClick={() => setDeactivating(person)}>
                    {t('admin.deactivate')}
                  </Button>
                </Space>
              ) : (
                <Button size="small" onClick={() => void reactivate({ variables: { id: person.id, expectedVersion: person.version } }).catch(() => undefined)}>
                  {t('admin.reactivate')}
                </Button>
              )),
          },
        ]}
      />
      <RegisterPersonModal open={registering} onClose={() => setRegistering(false)} />
      <DeactivateModal person={deactivating} onClose={() => setDeactivating(null)} />
      {changingRole && <ChangeRoleModal person={changingRole} onClose={() => setChangingRole(null)} />}
    </>
  );
}
