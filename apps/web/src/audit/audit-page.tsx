import { useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEventFilter } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { CursorPager, useCursorPages } from '../shared/cursor-pager';
import { DistrictSelect, useDefaultDistrict } from '../shared/district-select';
import { PageHeader } from '../shared/page-header';
import { showsSpinner } from '../shared/query-state';
import { usePeople } from '../shared/use-people';
import { AuditEventsTable } from './audit-events-table';
import { AuditEventsQuery } from './audit.documents';
import { EVENT_TYPES } from './event-type-options';
import { VerifyChain } from './verify-chain';

const PAGE_SIZE = 50;

interface Filters {
  tenantId: string | null;
  actorId: string | null;
  types: string[];
  streamId: string;
  range: [Dayjs | null, Dayjs | null] | null;
}

const EMPTY: Filters = { tenantId: null, actorId: null, types: [], streamId: '', range: null };

function toApiFilter(filters: Filters): AuditEventFilter {
  return {
    tenantId: filters.tenantId,
    actorId: filters.actorId,
    types: filters.types.length > 0 ? filters.types : null,
    streamId: filters.streamId.trim() || null,
    from: filters.range?.[0]?.startOf('day').toISOString() ?? null,
    to: filters.range?.[1]?.endOf('day').toISOString() ?? null,
  };
}

/** 审计: the events of the districts the viewer may audit, by actor, type, record and time; and 验证链. */
export default function AuditPage() {
  const { t, label } = useI18n();
  const defaultDistrict = useDefaultDistrict();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const pages = useCursorPages();
  // Every person of the viewer's scope, city inspectors included: they act in the districts' chains too.
  const { people, nameOf } = usePeople();
  const events = useQuery(AuditEventsQuery, { variables: { filter: toApiFilter(filters), order: 'NEWEST_FIRST', first: PAGE_SIZE, after: pages.after } });
  const change = (patch: Partial<Filters>): void => {
    setFilters((current) => ({ ...current, ...patch }));
    pages.reset();
  };
  const { data, error, refetch } = events;
  const connection = data?.auditEvents;

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card title={t('audit.verifyChain')} className="block-gap" size="small">
        <VerifyChain tenantId={filters.tenantId ?? defaultDistrict} />
      </Card>
      <Card title={t('audit.events')} size="small">
        <div className="filters" data-testid="audit-filters">
          <DistrictSelect value={filters.tenantId} onChange={(tenantId) => change({ tenantId, actorId: null })} allowAll />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 160 }}
            placeholder={t('audit.actor')}
            value={filters.actorId ?? undefined}
            onChange={(actorId: string | undefined) => change({ actorId: actorId ?? null })}
            options={people.map((person) => ({ value: person.id, label: person.displayName }))}
          />
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('audit.type')}
            value={filters.types}
            onChange={(types: string[]) => change({ types })}
            options={EVENT_TYPES.map((type) => ({ value: type, label: label('eventType', type) }))}
            optionFilterProp="label"
          />
          <Input.Search allowClear style={{ width: 300 }} placeholder={t('audit.record')} onSearch={(streamId) => change({ streamId })} />
          <DatePicker.RangePicker value={filters.range} onChange={(range) => change({ range })} />
          <Space>
            <Button onClick={() => change(EMPTY)}>{t('common.reset')}</Button>
          </Space>
        </div>
        <ApiErrorAlert error={error} onReload={() => void refetch()} />
        <AuditEventsTable events={connection?.edges.map((edge) => edge.node) ?? []} loading={showsSpinner(events)} nameOf={nameOf} />
        <CursorPager pages={pages} pageSize={PAGE_SIZE} totalCount={connection?.totalCount ?? 0} hasNextPage={connection?.pageInfo.hasNextPage ?? false} endCursor={connection?.pageInfo.endCursor ?? null} />
      </Card>
    </>
  );
}
