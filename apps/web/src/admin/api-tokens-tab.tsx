import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { tokenOperationsFor } from '@zeren/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { ApiTokenFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { canAny, canOn } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { FormModal } from '../shared/form-modal';
import { formatInstant } from '../shared/format';
import { useTenancyNames } from '../shared/use-tenancy-names';
import { ApiTokensQuery, IssueApiTokenMutation, RevokeApiTokenMutation } from './admin.documents';

interface IssueValues {
  name: string;
  scopeId?: string;
  readOnly: boolean;
  operations?: string[];
  expiresAt: Dayjs;
}

/** The secret appears once, in this dialog; nothing can show it again. */
function IssuedTokenModal({ token, onClose }: { token: string | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={token !== null} title={t('admin.issueToken')} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden>
      <Alert type="warning" showIcon title={t('admin.tokenShownOnce')} className="block-gap" />
      <Typography.Paragraph copyable={{ text: token ?? '' }} code data-testid="issued-token">
        {token}
      </Typography.Paragraph>
    </Modal>
  );
}

function IssueTokenModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (token: string) => void }) {
  const { t } = useI18n();
  const { viewer } = useSignedIn();
  const tenancy = useTenancyNames();
  const [issue] = useMutation(IssueApiTokenMutation, { refetchQueries: [ApiTokensQuery] });
  const [readOnly, setReadOnly] = useState(true);
  // A district administrator issues for its district; the platform for a city.
  const scopeIsCity = viewer.role === 'platform_admin';
  return (
    <FormModal<IssueValues>
      open={open}
      title={t('admin.issueToken')}
      initialValues={{ readOnly: true, expiresAt: dayjs().add(90, 'day'), scopeId: viewer.tenant?.id }}
      onClose={onClose}
      onSubmit={async (values) => {
        const result = await issue({
          variables: {
            input: {
              name: values.name.trim(),
              tenantId: scopeIsCity ? null : (values.scopeId ?? null),
              cityId: scopeIsCity ? (values.scopeId ?? null) : null,
              readOnly: values.readOnly,
              operations: values.readOnly ? [] : (values.operations ?? []),
              expiresAt: values.expiresAt.endOf('day').toISOString(),
            },
          },
        });
        if (result.data) onIssued(result.data.issueApiToken.token);
      }}
    >
      <Form.Item name="name" label={t('admin.tokenName')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="scopeId" label={t('admin.scope')} rules={[{ required: true }]}>
        <Select options={(scopeIsCity ? tenancy.cities : tenancy.tenants).map((place) => ({ value: place.id, label: place.name }))} />
      </Form.Item>
      <Form.Item name="readOnly" label={t('admin.readOnly')} valuePropName="checked">
        <Switch onChange={setReadOnly} />
      </Form.Item>
      {!readOnly && (
        <Form.Item name="operations" label={t('admin.operations')} rules={[{ required: true }]}>
          <Select mode="multiple" options={tokenOperationsFor(scopeIsCity ? 'CITY' : 'TENANT').map((operation) => ({ value: operation, label: operation }))} />
        </Form.Item>
      )}
      <Form.Item name="expiresAt" label={t('admin.expiresAt')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(date) => date.isBefore(dayjs(), 'day') || date.isAfter(dayjs().add(365, 'day'))} />
      </Form.Item>
    </FormModal>
  );
}

export function ApiTokensTab() {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const tenancy = useTenancyNames();
  const { data, loading, error, refetch } = useQuery(ApiTokensQuery);
  const [revoke] = useMutation(RevokeApiTokenMutation);
  const [issuing, setIssuing] = useState(false);
  const [issuedToken, setIssuedToken] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenFieldsFragment | null>(null);
  const subjectOf = (token: ApiTokenFieldsFragment) => ({ tenantId: token.scopeTenantId });

  return (
    <>
      <Space className="block-gap">
        {canAny(ability, 'issue', 'ApiToken') && (
          <Button type="primary" onClick={() => setIssuing(true)} data-testid="issue-token">
            {t('admin.issueToken')}
          </Button>
        )}
      </Space>
      <ApiErrorAlert error={error} onReload={() => void refetch()} />
      <Table<ApiTokenFieldsFragment>
        rowKey="id"
        size="middle"
        loading={loading && !data}
        dataSource={data?.apiTokens ?? []}
        pagination={false}
        columns={[
          { title: t('admin.tokenName'), dataIndex: 'name' },
          { title: t('admin.scope'), key: 'scope', render: (_, token) => tenancy.nameOf(token.scopeTenantId ?? token.scopeCityId) ?? '—' },
          {
            title: t('admin.operations'),
            key: 'operations',
            render: (_, token) => (token.readOnly ? <Tag>{t('admin.readOnly')}</Tag> : token.operations.map((operation) => <Tag key={operation}>{operation}</Tag>)),
          },
          { title: t('admin.expiresAt'), dataIndex: 'expiresAt', render: formatInstant },
          { title: t('admin.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatInstant },
          {
            title: t('common.status'),
            key: 'status',
            render: (_, token) => (token.revokedAt ? <Tag color="red">{t('admin.revoked')}</Tag> : <Tag color="green">{t('admin.active')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, token) =>
              !token.revokedAt &&
              canOn(ability, 'revoke', 'ApiToken', subjectOf(token)) && (
                <Button size="small" danger onClick={() => setRevoking(token)}>
                  {t('admin.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <IssueTokenModal open={issuing} onClose={() => setIssuing(false)} onIssued={setIssuedToken} />
      <IssuedTokenModal token={issuedToken} onClose={() => setIssuedToken(null)} />
      <FormModal<{ reason: string }>
        open={revoking !== null}
        title={`${t('admin.revoke')} · ${revoking?.name ?? ''}`}
        onClose={() => setRevoking(null)}
        onReload={() => void refetch()}
        onSubmit={({ reason }) => revoke({ variables: { id: revoking!.id, reason, expectedVersion: revoking!.version } })}
      >
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
