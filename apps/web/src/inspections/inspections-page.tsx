import { useQuery } from '@apollo/client/react';
import { Button, Card, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../auth/session-context';
import type { InspectionFieldsFragment, InspectionKind, InspectionStatus } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { CursorPager, useCursorPages } from '../shared/cursor-pager';
import { DistrictSelect } from '../shared/district-select';
import { INSPECTION_KINDS, INSPECTION_STATUSES, useLabelledOptions } from '../shared/enum-options';
import { formatDate } from '../shared/format';
import { PageHeader } from '../shared/page-header';
import { showsSpinner } from '../shared/query-state';
import { useTenancyNames } from '../shared/use-tenancy-names';
import { InspectionStatusTag } from './inspection-status-tag';
import { InspectionsQuery } from './inspections.documents';
import { PlanInspectionModal, plannableKinds } from './plan-inspection-modal';

const PAGE_SIZE = 20;

/** 检查: the inspections of the viewer's scope; planning for those whose role may plan some kind. */
export default function InspectionsPage() {
  const { t, label } = useI18n();
  const options = useLabelledOptions();
  const { viewer } = useSignedIn();
  const tenancy = useTenancyNames();
  const pages = useCursorPages();
  const [tenantId, setTenantId] = useState<string | null>(null);
  const [kinds, setKinds] = useState<InspectionKind[]>([]);
  const [statuses, setStatuses] = useState<InspectionStatus[]>([]);
  const [search, setSearch] = useState('');
  const [planning, setPlanning] = useState(false);
  const filter = { tenantId, kinds: kinds.length ? kinds : null, statuses: statuses.length ? statuses : null, search: search || null };
  const inspections = useQuery(InspectionsQuery, { variables: { filter, first: PAGE_SIZE, after: pages.after } });
  const { data, error, refetch } = inspections;
  const connection = data?.inspections;
  const refilter = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    pages.reset();
  };

  return (
    <>
      <PageHeader
        title={t('inspections.title')}
        extra={
          plannableKinds(viewer.role).length > 0 && (
            <Button type="primary" onClick={() => setPlanning(true)} data-testid="plan-inspection">
              {t('inspections.create')}
            </Button>
          )
        }
      />
      <Card>
        <div className="filters">
          <DistrictSelect value={tenantId} onChange={refilter(setTenantId)} allowAll />
          <Select mode="multiple" allowClear style={{ minWidth: 180 }} placeholder={t('inspections.kind')} value={kinds} onChange={refilter(setKinds)} options={options('inspectionKind', INSPECTION_KINDS)} />
          <Select mode="multiple" allowClear style={{ minWidth: 180 }} placeholder={t('common.status')} value={statuses} onChange={refilter(setStatuses)} options={options('inspectionStatus', INSPECTION_STATUSES)} />
          <Input.Search allowClear style={{ width: 240 }} placeholder={t('ledger.keyword')} onSearch={refilter(setSearch)} />
        </div>
        <ApiErrorAlert error={error} onReload={() => void refetch()} />
        <Table<InspectionFieldsFragment>
          rowKey="id"
          loading={showsSpinner(inspections)}
          dataSource={connection?.edges.map((edge) => edge.node) ?? []}
          pagination={false}
          data-testid="inspections-table"
          columns={[
            { title: t('common.title'), dataIndex: 'title', render: (title: string, inspection) => <Link to={`/inspections/${inspection.id}`}>{title}</Link> },
            { title: t('inspections.kind'), dataIndex: 'kind', width: 110, render: (kind: string) => label('inspectionKind', kind) },
            { title: t('inspections.level'), dataIndex: 'level', width: 80, render: (level: string) => label('inspectionLevel', level) },
            { title: t('inspections.tenant'), dataIndex: 'tenantId', width: 100, render: (id: string) => tenancy.nameOf(id) ?? '—' },
            { title: t('inspections.period'), key: 'period', width: 210, render: (_, inspection) => `${formatDate(inspection.periodStart)} ~ ${formatDate(inspection.periodEnd)}` },
            { title: t('common.status'), dataIndex: 'status', width: 100, render: (status: InspectionStatus) => <InspectionStatusTag status={status} /> },
          ]}
        />
        <CursorPager pages={pages} pageSize={PAGE_SIZE} totalCount={connection?.totalCount ?? 0} hasNextPage={connection?.pageInfo.hasNextPage ?? false} endCursor={connection?.pageInfo.endCursor ?? null} />
      </Card>
      <PlanInspectionModal open={planning} onClose={() => setPlanning(false)} />
    </>
  );
}
