import { useQuery } from '@apollo/client/react';
import { Card } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { FindingsTable } from '../findings/findings-table';
import { FindingsQuery } from '../findings/findings.documents';
import { useI18n } from '../i18n/locale';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { CursorPager, useCursorPages } from '../shared/cursor-pager';
import { PageHeader } from '../shared/page-header';
import { showsSpinner } from '../shared/query-state';
import { ExportButton } from './export-button';
import { ledgerSearchParams, parseLedgerFilter, toFindingFilter, type LedgerFilter } from './ledger-filter';
import { LedgerFilters } from './ledger-filters';

const PAGE_SIZE = 20;

/** 整改台账: every finding the viewer may see, filtered, sorted and paged; the filter lives in the URL. */
export default function LedgerPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = parseLedgerFilter(params);
  const pages = useCursorPages();
  const findings = useQuery(FindingsQuery, {
    variables: { filter: toFindingFilter(filter), orderBy: filter.order, first: PAGE_SIZE, after: pages.after },
  });
  const change = (patch: Partial<LedgerFilter>): void => {
    setParams(ledgerSearchParams({ ...filter, ...patch }), { replace: true });
    pages.reset();
  };
  const { data, error, refetch } = findings;
  const connection = data?.findings;
  return (
    <>
      <PageHeader title={t('ledger.title')} extra={<ExportButton filter={filter} />} />
      <Card>
        <LedgerFilters filter={filter} onChange={change} />
        <ApiErrorAlert error={error} onReload={() => void refetch()} />
        <FindingsTable findings={connection?.edges.map((edge) => edge.node) ?? []} loading={showsSpinner(findings)} order={filter.order} onOrderChange={(order) => change({ order })} />
        <CursorPager pages={pages} pageSize={PAGE_SIZE} totalCount={connection?.totalCount ?? 0} hasNextPage={connection?.pageInfo.hasNextPage ?? false} endCursor={connection?.pageInfo.endCursor ?? null} />
      </Card>
    </>
  );
}
