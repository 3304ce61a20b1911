import { assertValid, FINDING_STATUSES, isUuid } from '@zeren/domain';
import { FINDING_CATEGORIES, FINDING_SEVERITIES, INSPECTION_KINDS, WARNING_LEVELS } from '@zeren/events';
import { queryValue } from '../../http/query-value';
import { FindingOrder, type FindingFilter } from '../finding.models';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const KNOWN_PARAMETERS = new Set(['tenantId', 'unitId', 'inspectionId', 'statuses', 'categories', 'severities', 'inspectionKinds', 'overdue', 'warningLevel', 'deadlineFrom', 'deadlineTo', 'search', 'order']);
const MAX_SEARCH_LENGTH = 200;

export interface LedgerExportQuery {
  filter: FindingFilter;
  order: FindingOrder;
}

type Parameters = Record<string, unknown>;

/** One query-string value: a repeated parameter is a mistake, not a list (lists are comma-separated). */
const single = (parameters: Parameters, name: string): string | undefined => queryValue(parameters[name]);

function list(parameters: Parameters, name: string): string[] {
  return single(parameters, name)?.split(',').filter(Boolean) ?? [];
}

/**
 * The ledger filter of GET /api/ledger.xlsx, in the same words as the web page's URL and the
 * GraphQL FindingFilter. Anything unknown or malformed is refused with the field it concerns,
 * rather than ignored: an export silently wider than asked for would mislead whoever reads it.
 */
export function parseLedgerExportQuery(parameters: Parameters): LedgerExportQuery {
  const statuses = list(parameters, 'statuses');
  const categories = list(parameters, 'categories');
  const severities = list(parameters, 'severities');
  const inspectionKinds = list(parameters, 'inspectionKinds');
  const ids = ['tenantId', 'unitId', 'inspectionId'] as const;
  const dates = ['deadlineFrom', 'deadlineTo'] as const;
  const overdue = single(parameters, 'overdue');
  const warningLevel = single(parameters, 'warningLevel');
  const order = single(parameters, 'order') ?? FindingOrder.RECORDED_AT_DESC;
  const search = single(parameters, 'search');
  const oneOf = (values: readonly string[], allowed: readonly string[]): boolean => values.every((value) => allowed.includes(value));
  assertValid([
    ...Object.keys(parameters).map((name) => [name, KNOWN_PARAMETERS.has(name), 'unknown parameter'] as const),
    ...Object.entries(parameters).map(([name, value]) => [name, typeof value === 'string', 'give the parameter once; lists are comma-separated'] as const),
    ...ids.map((name) => [name, single(parameters, name) === undefined || isUuid(single(parameters, name)!), 'must be an id'] as const),
    ...dates.map((name) => [name, single(parameters, name) === undefined || DATE.test(single(parameters, name)!), 'must be a date, YYYY-MM-DD'] as const),
    ['statuses', oneOf(statuses, FINDING_STATUSES), `each one of ${FINDING_STATUSES.join(', ')}`],
    ['categories', oneOf(categories, FINDING_CATEGORIES), `each one of ${FINDING_CATEGORIES.join(', ')}`],
    ['severities', oneOf(severities, FINDING_SEVERITIES), `each one of ${FINDING_SEVERITIES.join(', ')}`],
    ['inspectionKinds', oneOf(inspectionKinds, INSPECTION_KINDS), `each one of ${INSPECTION_KINDS.join(', ')}`],
    ['overdue', overdue === undefined || overdue === 'true' || overdue === 'false', 'must be true or false'],
    ['warningLevel', warningLevel === undefined || oneOf([warningLevel], WARNING_LEVELS), `one of ${WARNING_LEVELS.join(', ')}`],
    ['order', oneOf([order], Object.values(FindingOrder)), `one of ${Object.values(FindingOrder).join(', ')}`],
    ['search', (search?.length ?? 0) <= MAX_SEARCH_LENGTH, `at most ${MAX_SEARCH_LENGTH} characters`],
  ]);
  const filter = {
    tenantId: single(parameters, 'tenantId') ?? null,
    unitId: single(parameters, 'unitId') ?? null,
    inspectionId: single(parameters, 'inspectionId') ?? null,
    statuses: statuses.length ? statuses : null,
    categories: categories.length ? categories : null,
    severities: severities.length ? severities : null,
    inspectionKinds: inspectionKinds.length ? inspectionKinds : null,
    overdue: overdue === undefined ? null : overdue === 'true',
    warningLevel: warningLevel ?? null,
    deadlineFrom: single(parameters, 'deadlineFrom') ?? null,
    deadlineTo: single(parameters, 'deadlineTo') ?? null,
    search: search ?? null,
  } as FindingFilter;
  return { filter, order: order as FindingOrder };
}
