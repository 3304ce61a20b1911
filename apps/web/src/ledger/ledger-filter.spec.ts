import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER_FILTER, ledgerSearchParams, parseLedgerFilter, toFindingFilter } from './ledger-filter';

describe('the ledger filter', () => {
  it('survives a round trip through the query string (the URL and the export share it)', () => {
    const filter = { ...EMPTY_LEDGER_FILTER, statuses: ['IN_PROGRESS' as const, 'SUBMITTED' as const], overdue: true, search: '理论学习', deadlineFrom: '2026-01-01', order: 'DEADLINE_ASC' as const };
    expect(parseLedgerFilter(ledgerSearchParams(filter))).toEqual(filter);
    expect(ledgerSearchParams(filter).toString()).toBe('statuses=IN_PROGRESS%2CSUBMITTED&overdue=true&deadlineFrom=2026-01-01&search=%E7%90%86%E8%AE%BA%E5%AD%A6%E4%B9%A0&order=DEADLINE_ASC');
  });

  it('puts nothing in the query string for the empty filter', () => {
    expect(ledgerSearchParams(EMPTY_LEDGER_FILTER).toString()).toBe('');
  });

  it('asks the API only for the conditions that are set', () => {
    expect(toFindingFilter(EMPTY_LEDGER_FILTER)).toEqual({ tenantId: null, unitId: null, statuses: null, categories: null, severities: null, overdue: null, warningLevel: null, deadlineFrom: null, deadlineTo: null, search: null });
  });
});
