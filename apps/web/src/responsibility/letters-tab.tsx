import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Form, Input, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { TargetLettersQuery as LettersData } from '../generated/graphql';
import { canAny } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { FormModal } from '../shared/form-modal';
import { UnitSelect } from '../shared/unit-select';
import { useUnits } from '../shared/use-units';
import type { CycleScope } from './responsibility-page';
import { DraftTargetLetterMutation, SignTargetLetterMutation, TargetLettersQuery } from './responsibility.documents';
import { LETTER_STATUS_LABELS, LEVEL_LABELS } from './responsibility.labels';

type Letter = LettersData['targetLetters'][number];

interface SignValues {
  issuerName: string;
  issuerTitle: string;
  recipientName: string;
  recipientTitle: string;
  signedOn: string;
}

const DATE = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' };

/** 目标责任书 of the year: the city signs with the district, the district with each unit; units yet to sign are named. */
export function LettersTab({ scope }: { scope: CycleScope }) {
  const { viewer, ability } = useSignedIn();
  const { data, error, refetch } = useQuery(TargetLettersQuery, { variables: scope, skip: !scope.tenantId });
  const { nameOf } = useUnits(scope.tenantId);
  const [draft] = useMutation(DraftTargetLetterMutation);
  const [sign] = useMutation(SignTargetLetterMutation);
  const [drafting, setDrafting] = useState(false);
  const [signing, setSigning] = useState<Letter | null>(null);
  const reload = (): void => void refetch();
  // The city keeps its letters with districts; a district those with its units.
  const level = viewer.tenant ? 'DISTRICT_UNIT' : 'CITY_DISTRICT';
  const unsigned = data?.unitsWithoutSignedLetter ?? [];

  return (
    <>
      <ApiErrorAlert error={error} onReload={reload} />
      {unsigned.length > 0 && (
        <Alert className="block-gap" type="warning" showIcon message={`尚未签订目标责任书的单位（${unsigned.length}）：${unsigned.map((unit) => unit.name).join('、')}`} data-testid="unsigned-units" />
      )}
      {canAny(ability, 'create', 'Responsibility') && (
        <Button type="primary" className="block-gap" onClick={() => setDrafting(true)} data-testid="draft-letter">
          起草目标责任书
        </Button>
      )}
      <Table<Letter>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.targetLetters ?? []}
        data-testid="target-letters"
        columns={[
          { title: '层级', dataIndex: 'level', render: (value: Letter['level']) => LEVEL_LABELS[value] },
          { title: '承接方', key: 'recipient', render: (_, letter) => (letter.unitId ? (nameOf(letter.unitId) ?? letter.unitId) : '本区') },
          { title: '责任条款', dataIndex: 'terms', render: (terms: string[]) => terms.join('；') },
          { title: '状态', dataIndex: 'status', render: (status: Letter['status']) => <Tag color={status === 'SIGNED' ? 'green' : 'default'}>{LETTER_STATUS_LABELS[status]}</Tag> },
          { title: '签订人', key: 'signatories', render: (_, letter) => letter.signatories.map((s) => `${s.title} ${s.name}`).join('、') },
          { title: '签订日期', dataIndex: 'signedOn' },
          {
            title: '操作',
            key: 'actions',
            render: (_, letter) =>
              letter.status === 'DRAFT' &&
              canAny(ability, 'update', 'Responsibility') && (
                <Button size="small" onClick={() => setSigning(letter)}>
                  签订
                </Button>
              ),
          },
        ]}
      />
      <FormModal<{ unitId?: string; terms: string }>
        open={drafting}
        title="起草目标责任书"
        onClose={() => setDrafting(false)}
        onSubmit={async ({ unitId, terms }) => {
          const lines = terms.split('\n').map((line) => line.trim()).filter(Boolean);
          await draft({ variables: { input: { tenantId: scope.tenantId, year: scope.year, level, unitId: unitId ?? null, terms: lines } } });
          reload();
        }}
      >
        {level === 'DISTRICT_UNIT' && (
          <Form.Item name="unitId" label="承接单位" rules={[{ required: true }]}>
            <UnitSelect tenantId={scope.tenantId} data-testid="letter-unit" />
          </Form.Item>
        )}
        <Form.Item name="terms" label="责任条款（每行一条）" rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </FormModal>
      <FormModal<SignValues>
        open={signing !== null}
        title="签订目标责任书"
        initialValues={{ signedOn: dayjs().format('YYYY-MM-DD') }}
        onClose={() => setSigning(null)}
        onReload={reload}
        onSubmit={async (values) => {
          const signatories = [
            { party: 'ISSUER' as const, name: values.issuerName, title: values.issuerTitle },
            { party: 'RECIPIENT' as const, name: values.recipientName, title: values.recipientTitle },
          ];
          await sign({ variables: { input: { id: signing!.id, expectedVersion: signing!.version, signatories, signedOn: values.signedOn } } });
          reload();
        }}
      >
        <Space>
          <Form.Item name="issuerName" label="发出方签订人" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="issuerTitle" label="职务" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="recipientName" label="承接方签订人" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="recipientTitle" label="职务" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="signedOn" label="签订日期" rules={[{ required: true }, DATE]}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
