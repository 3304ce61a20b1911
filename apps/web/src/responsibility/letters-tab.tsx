import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Form, Input, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { TargetLettersQuery as LettersData } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { canAny } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { FormModal } from '../shared/form-modal';
import { UnitSelect } from '../shared/unit-select';
import { useUnits } from '../shared/use-units';
import type { CycleScope } from './responsibility-page';
import { DraftTargetLetterMutation, SignTargetLetterMutation, TargetLettersQuery } from './responsibility.documents';

type Letter = LettersData['targetLetters'][number];

interface SignValues {
  issuerName: string;
  issuerTitle: string;
  recipientName: string;
  recipientTitle: string;
  signedOn: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 目标责任书 of the year: the city signs with the district, the district with each unit; units yet to sign are named. */
export function LettersTab({ scope }: { scope: CycleScope }) {
  const { t, label } = useI18n();
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
        <Alert className="block-gap" type="warning" showIcon message={t('responsibility.unsignedUnits', { count: unsigned.length, units: unsigned.map((unit) => unit.name).join(t('responsibility.separator')) })} data-testid="unsigned-units" />
      )}
      {canAny(ability, 'create', 'Responsibility') && (
        <Button type="primary" className="block-gap" onClick={() => setDrafting(true)} data-testid="draft-letter">
          {t('responsibility.draftLetter')}
        </Button>
      )}
      <Table<Letter>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.targetLetters ?? []}
        data-testid="target-letters"
        columns={[
          { title: t('responsibility.level'), dataIndex: 'level', render: (value: Letter['level']) => label('targetLetterLevel', value) },
          {
            title: t('responsibility.recipient'),
            key: 'recipient',
            render: (_, letter) => (letter.unitId ? (nameOf(letter.unitId) ?? letter.unitId) : t('responsibility.thisDistrict')),
          },
          { title: t('responsibility.terms'), dataIndex: 'terms', render: (terms: string[]) => terms.join(t('responsibility.termSeparator')) },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: Letter['status']) => <Tag color={status === 'SIGNED' ? 'green' : 'default'}>{label('targetLetterStatus', status)}</Tag>,
          },
          {
            title: t('responsibility.signatories'),
            key: 'signatories',
            render: (_, letter) => letter.signatories.map((s) => `${s.title} ${s.name}`).join(t('responsibility.separator')),
          },
          { title: t('responsibility.signedOn'), dataIndex: 'signedOn' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, letter) =>
              letter.status === 'DRAFT' &&
              canAny(ability, 'update', 'Responsibility') && (
                <Button size="small" onClick={() => setSigning(letter)}>
                  {t('responsibility.sign')}
                </Button>
              ),
          },
        ]}
      />
      <FormModal<{ unitId?: string; terms: string }>
        open={drafting}
        title={t('responsibility.draftLetter')}
        onClose={() => setDrafting(false)}
        onSubmit={async ({ unitId, terms }) => {
          const lines = terms.split('\n').map((line) => line.trim()).filter(Boolean);
          await draft({ variables: { input: { tenantId: scope.tenantId, year: scope.year, level, unitId: unitId ?? null, terms: lines } } });
          reload();
        }}
      >
        {level === 'DISTRICT_UNIT' && (
          <Form.Item name="unitId" label={t('responsibility.recipientUnit')} rules={[{ required: true }]}>
            <UnitSelect tenantId={scope.tenantId} data-testid="letter-unit" />
          </Form.Item>
        )}
        <Form.Item name="terms" label={t('responsibility.termsOnePerLine')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </FormModal>
      <FormModal<SignValues>
        open={signing !== null}
        title={t('responsibility.signLetter')}
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
          <Form.Item name="issuerName" label={t('responsibility.issuerSignatory')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="issuerTitle" label={t('responsibility.signatoryTitle')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="recipientName" label={t('responsibility.recipientSignatory')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="recipientTitle" label={t('responsibility.signatoryTitle')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="signedOn" label={t('responsibility.signedOn')} rules={[{ required: true }, { pattern: DATE, message: t('responsibility.formatDate') }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
