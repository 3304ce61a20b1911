import type { FindingCategory, FindingFilter, FindingOrder, FindingSeverity, FindingStatus, WarningLevel } from '../generated/graphql';

/** The ledger's filter as the page, its URL and the Excel export share it. */
export interface LedgerFilter {
  tenantId: string | null;
  unitId: string | null;
  statuses: FindingStatus[];
  categories: FindingCategory[];
  severities: FindingSeverity[];
  overdue: boolean;
  warningLevel: WarningLevel | null;
  deadlineFrom: string | null;
  deadlineTo: string | null;
  search: string | null;
  order: FindingOrder;
}

export const EMPTY_LEDGER_FILTER: LedgerFilter = {
  tenantId: null,
  unitId: null,
  statuses: [],
  categories: [],
  severities: [],
  overdue: false,
  warningLevel: null,
  deadlineFrom: null,
  deadlineTo: null,
  search: null,
  order: 'RECORDED_AT_DESC',
};

const list = <T extends string>(value: string | null): T[] => (value ? (value.split(',').filter(Boolean) as T[]) : []);

/** Reads the filter from the page's query string (what a shared link or the back button carries). */
export function parseLedgerFilter(params: URLSearchParams): LedgerFilter {
  return {
    tenantId: params.get('tenantId'),
    unitId: params.get('unitId'),
    statuses: list<FindingStatus>(params.get('statuses')),
    categories: list<FindingCategory>(params.get('categories')),
    severities: list<FindingSeverity>(params.get('severities')),
    overdue: params.get('overdue') === 'true',
    warningLevel: (params.get('warningLevel') as WarningLevel | null) ?? null,
    deadlineFrom: params.get('deadlineFrom'),
    deadlineTo: params.get('deadlineTo'),
    search: params.get('search'),
    order: (params.get('order') as FindingOrder | null) ?? EMPTY_LEDGER_FILTER.order,
  };
}

/** The filter as a query string: only what is set, lists comma-separated. Used for the URL and for GET /api/ledger.xlsx. */
export function ledgerSearchParams(filter: LedgerFilter): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | null | undefined): void => {
    if (value) params.set(key, value);
  };
  put('tenantId', filter.tenantId);
  put('unitId', filter.unitId);
  put('statuses', filter.statuses.join(','));
  put('categories', filter.categories.join(','));
  put('severities', filter.severities.join(','));
  put('overdue', filter.overdue ? 'true' : null);
  put('warningLevel', filter.warningLevel);
  put('deadlineFrom', filter.deadlineFrom);
  put('deadlineTo', filter.deadlineTo);
  put('search', filter.search);
  if (filter.order !== EMPTY_LEDGER_FILTER.order) put('order', filter.order);
  return params;
}

/** The GraphQL filter of the findings query. */
export function toFindingFilter(filter: LedgerFilter): FindingFilter {
  return {
    tenantId: filter.tenantId,
    unitId: filter.unitId,
    statuses: filter.statuses.length ? filter.statuses : null,
    categories: filter.categories.length ? filter.categories : null,
    severities: filter.severities.length ? filter.severities : null,
    overdue: filter.overdue ? true : null,
    warningLevel: filter.warningLevel,
    deadlineFrom: filter.deadlineFrom,
    deadlineTo: filter.deadlineTo,
    search: filter.search,
  };
}
