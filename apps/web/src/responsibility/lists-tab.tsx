import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Form, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../auth/session-context';
import type { ResponsibilityListsQuery as ListsData } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { canAny } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { FormModal } from '../shared/form-modal';
import { UnitSelect } from '../shared/unit-select';
import { useUnits } from '../shared/use-units';
import type { CycleScope } from './responsibility-page';
import { AddResponsibilityItemMutation, CreateResponsibilityListMutation, ResponsibilityListFindingsQuery, ResponsibilityListsQuery } from './responsibility.documents';

type ResponsibilityList = ListsData['responsibilityLists'][number];

/** The findings raised against each item of one list, loaded when the list is opened. */
function CitingFindings({ listId, itemId }: { listId: string; itemId: string }) {
  const { t } = useI18n();
  const { data } = useQuery(ResponsibilityListFindingsQuery, { variables: { id: listId } });
  const findings = data?.responsibilityList.items.find((item) => item.id === itemId)?.findings ?? [];
  if (findings.length === 0) return null;
  return (
    <Space wrap data-testid="citing-findings">
      {t('responsibility.citingFindings')}
      {findings.map((finding) => (
        <Link key={finding.id} to={`/findings/${finding.id}`}>
          <Tag color="red">{finding.title}</Tag>
        </Link>
      ))}
    </Space>
  );
}

/** 责任清单: one per unit, its items with their 第一责任人 and the findings citing them. */
export function ListsTab({ scope }: { scope: CycleScope }) {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const { data, error, refetch } = useQuery(ResponsibilityListsQuery, { variables: scope });
  const { nameOf } = useUnits(scope.tenantId);
  const [create] = useMutation(CreateResponsibilityListMutation);
  const [addItem] = useMutation(AddResponsibilityItemMutation);
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<ResponsibilityList | null>(null);
  const mayWrite = canAny(ability, 'create', 'Responsibility');
  const reload = (): void => void refetch();
  const lists = data?.responsibilityLists ?? [];

  return (
    <>
      <ApiErrorAlert error={error} onReload={reload} />
      {mayWrite && (
        <Button type="primary" className="block-gap" onClick={() => setCreating(true)} data-testid="create-list">
          {t('responsibility.createList')}
        </Button>
      )}
      {lists.length === 0 && <Empty description={t('responsibility.noLists')} />}
      {lists.map((list) => (
        <Card
          key={list.id}
          className="block-gap"
          title={`${nameOf(list.unitId) ?? ''} · ${list.title}`}
          data-testid="responsibility-list"
          extra={mayWrite && <Button onClick={() => setAdding(list)}>{t('responsibility.addItem')}</Button>}
        >
          <List
            dataSource={list.items}
            locale={{ emptyText: t('responsibility.noItems') }}
            renderItem={(item) => (
              <List.Item>
                <List.Item.Meta title={t('responsibility.itemWithFirstResponsible', { title: item.title, name: item.firstResponsible.name })} description={item.content} />
                <CitingFindings listId={list.id} itemId={item.id} />
              </List.Item>
            )}
          />
        </Card>
      ))}
      <FormModal<{ unitId: string; title: string }>
        open={creating}
        title={t('responsibility.createList')}
        initialValues={{ title: t('responsibility.defaultListTitle', { year: scope.year }) }}
        onClose={() => setCreating(false)}
        onSubmit={async (values) => {
          await create({ variables: { input: { ...values, tenantId: scope.tenantId, year: scope.year } } });
          reload();
        }}
      >
        <Form.Item name="unitId" label={t('responsibility.unit')} rules={[{ required: true }]}>
          <UnitSelect tenantId={scope.tenantId} data-testid="list-unit" />
        </Form.Item>
        <Form.Item name="title" label={t('common.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </FormModal>
      <FormModal<{ title: string; content: string; name: string }>
        open={adding !== null}
        title={t('responsibility.addItem')}
        onClose={() => setAdding(null)}
        onReload={reload}
        onSubmit={async ({ title, content, name }) => {
          await addItem({ variables: { input: { id: adding!.id, expectedVersion: adding!.version, title, content, firstResponsible: { name } } } });
          reload();
        }}
      >
        <Form.Item name="title" label={t('responsibility.item')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label={t('responsibility.content')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="name" label={t('responsibility.firstResponsible')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
