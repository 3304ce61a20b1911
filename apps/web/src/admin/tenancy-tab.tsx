import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Col, Form, Input, Row, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { canAny } from '../permissions/ability';
import { FormModal } from '../shared/form-modal';
import { TenancyQuery } from '../shared/tenancy.documents';
import { CreateCityMutation, CreateTenantMutation } from './admin.documents';

/** Cities and their districts: the platform creates both (then the district's first administrator under 人员). */
export function TenancyTab() {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const { data, loading } = useQuery(TenancyQuery);
  const [createCity] = useMutation(CreateCityMutation, { refetchQueries: [TenancyQuery] });
  const [createTenant] = useMutation(CreateTenantMutation, { refetchQueries: [TenancyQuery] });
  const [dialog, setDialog] = useState<'city' | 'tenant' | null>(null);
  const cities = data?.cities ?? [];
  const mayManage = canAny(ability, 'manage', 'Tenant');
  return (
    <>
      {mayManage && (
        <Space className="block-gap">
          <Button onClick={() => setDialog('city')}>{t('admin.createCity')}</Button>
          <Button type="primary" onClick={() => setDialog('tenant')} disabled={cities.length === 0}>
            {t('admin.createTenant')}
          </Button>
        </Space>
      )}
      <Row gutter={[16, 16]}>
        {cities.map((city) => (
          <Col key={city.id} xs={24} lg={12}>
            <Card title={`${city.name}（${city.code}）`} size="small" loading={loading && !data}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={(data?.tenants ?? []).filter((tenant) => tenant.cityId === city.id)}
                columns={[
                  { title: t('common.name'), dataIndex: 'name' },
                  { title: t('common.code'), dataIndex: 'code' },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <FormModal<{ name: string; code: string }>
        open={dialog === 'city'}
        title={t('admin.createCity')}
        onClose={() => setDialog(null)}
        onSubmit={(input) => createCity({ variables: { input } })}
      >
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('common.code')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
          <Input maxLength={6} />
        </Form.Item>
      </FormModal>
      <FormModal<{ cityId: string; name: string; code: string }>
        open={dialog === 'tenant'}
        title={t('admin.createTenant')}
        onClose={() => setDialog(null)}
        onSubmit={(input) => createTenant({ variables: { input } })}
      >
        <Form.Item name="cityId" label={t('admin.city')} rules={[{ required: true }]}>
          <Select options={cities.map((city) => ({ value: city.id, label: city.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('common.code')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
          <Input maxLength={6} />
        </Form.Item>
      </FormModal>
    </>
  );
}
