import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { SessionViewer } from '../graphql/apollo-client';
import { asOfInstant } from './dashboard-page';
import { dashboardScopeOf, statisticsScope } from './dashboard-scope';

const viewer = (patch: Partial<SessionViewer>): SessionViewer => ({ id: 'p1', displayName: '王建华', role: 'city_inspector', unitId: null, tenantIds: ['t1', 't2'], city: { id: 'c1', name: '杭州市', code: '330100' }, tenant: null, ...patch });

describe('the dashboard scope', () => {
  it('ranks a city inspector’s districts, or one district’s units once picked', () => {
    const inspector = viewer({});
    expect(statisticsScope(dashboardScopeOf(inspector)!)).toEqual({ cityId: 'c1' });
    expect(statisticsScope(dashboardScopeOf(inspector, 't2')!)).toEqual({ tenantId: 't2' });
  });

  it('shows district people their district and a unit officer its unit', () => {
    const tenant = { id: 't1', name: '钱塘区', code: '330114', cityId: 'c1' };
    expect(dashboardScopeOf(viewer({ role: 'district_admin', tenant }))).toEqual({ kind: 'district', tenantId: 't1' });
    expect(dashboardScopeOf(viewer({ role: 'unit_officer', tenant, unitId: 'u1' }))).toEqual({ kind: 'unit', unitId: 'u1' });
  });

  it('has nothing for the platform', () => {
    expect(dashboardScopeOf(viewer({ role: 'platform_admin', city: null }))).toBeNull();
  });
});

describe('the as-of instant', () => {
  const now = dayjs('2026-03-10T10:00:00');

  it('is now (null) for today or no choice, and the end of a past day otherwise', () => {
    expect(asOfInstant(null, now)).toBeNull();
    expect(asOfInstant(now.startOf('day'), now)).toBeNull();
    expect(asOfInstant(dayjs('2026-03-01'), now)).toBe(dayjs('2026-03-01').endOf('day').toISOString());
  });
});
