import { describe, expect, it } from 'vitest';
import { navKeyOf } from './navigation';
import { recordPath } from './notification-bell';

describe('navigation', () => {
  it('keeps a finding page under the ledger and a detail page under its list', () => {
    expect(navKeyOf('/findings/abc')).toBe('/ledger');
    expect(navKeyOf('/inspections/abc')).toBe('/inspections');
    expect(navKeyOf('/')).toBe('/');
    expect(navKeyOf('/unknown')).toBe('/');
  });

  it('opens a notification at its record', () => {
    expect(recordPath('Finding', 'f1')).toBe('/findings/f1');
    expect(recordPath('Interview', 'i1')).toBe('/interviews');
    expect(recordPath('MonthlyReport', 'r1')).toBe('/responsibility');
    expect(recordPath('Unit', 'u1')).toBeNull();
  });
});
