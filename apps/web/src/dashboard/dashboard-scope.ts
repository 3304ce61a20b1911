import type { SessionViewer } from '../graphql/apollo-client';

/** What the dashboard shows a viewer: a city's districts, a district's units, or one unit. */
export type DashboardScope =
  | { kind: 'city'; cityId: string; districtId: string | null }
  | { kind: 'district'; tenantId: string }
  | { kind: 'unit'; unitId: string };

/**
 * A city inspector sees its city ranked by district (or, having picked one, that district's
 * units); district people see their district's units; a unit officer its own unit.
 */
export function dashboardScopeOf(viewer: SessionViewer, pickedDistrict: string | null = null): DashboardScope | null {
  if (viewer.role === 'unit_officer' && viewer.unitId) return { kind: 'unit', unitId: viewer.unitId };
  if (viewer.tenant) return { kind: 'district', tenantId: viewer.tenant.id };
  if (viewer.city) return { kind: 'city', cityId: viewer.city.id, districtId: pickedDistrict };
  return null;
}

/** The statistics scope argument of the API for a dashboard scope. */
export function statisticsScope(scope: DashboardScope): { cityId?: string; tenantId?: string; unitId?: string } {
  if (scope.kind === 'unit') return { unitId: scope.unitId };
  if (scope.kind === 'district') return { tenantId: scope.tenantId };
  return scope.districtId ? { tenantId: scope.districtId } : { cityId: scope.cityId };
}
