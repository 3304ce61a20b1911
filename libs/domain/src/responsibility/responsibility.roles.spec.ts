import { defineAbilityFor, isAllowed } from '../abilities';
import { actorFor, OTHER_TENANT_ID, TEST_TENANT_ID } from '../shared/decider-spec';
import { responsibilityActionsOf } from './responsibility.roles';

const UNIT_ID = 'b0000000-0000-4000-8000-000000000001';
const OTHER_UNIT_ID = 'b0000000-0000-4000-8000-000000000002';
const districtRecord = { tenantId: TEST_TENANT_ID, unitId: null };
const unitRecord = { tenantId: TEST_TENANT_ID, unitId: UNIT_ID };

describe('Responsibility permissions', () => {
  it('derive create and update from the deciders’ role tables', () => {
    expect(responsibilityActionsOf('city_inspector')).toEqual(['create', 'update']);
    expect(responsibilityActionsOf('district_admin')).toEqual(['create', 'update']);
    expect(responsibilityActionsOf('unit_officer')).toEqual(['update']);
    expect(responsibilityActionsOf('auditor')).toEqual([]);
  });

  it('let a district write its own records and a city inspector those of its districts only', () => {
    const district = defineAbilityFor(actorFor('district_admin'));
    expect(isAllowed(district, 'create', 'Responsibility', unitRecord)).toBe(true);
    expect(isAllowed(district, 'read', 'Responsibility', { ...unitRecord, tenantId: OTHER_TENANT_ID })).toBe(false);
    const city = defineAbilityFor(actorFor('city_inspector'), { cityTenantIds: [TEST_TENANT_ID] });
    expect(isAllowed(city, 'update', 'Responsibility', districtRecord)).toBe(true);
    expect(isAllowed(city, 'read', 'Responsibility', { ...districtRecord, tenantId: OTHER_TENANT_ID })).toBe(false);
  });

  it('let a unit officer read and report on its own unit’s records, and auditors only read', () => {
    const officer = defineAbilityFor(actorFor('unit_officer', { unitId: UNIT_ID }));
    expect(isAllowed(officer, 'update', 'Responsibility', unitRecord)).toBe(true);
    expect(isAllowed(officer, 'create', 'Responsibility', unitRecord)).toBe(false);
    expect(isAllowed(officer, 'read', 'Responsibility', { ...unitRecord, unitId: OTHER_UNIT_ID })).toBe(false);
    const auditor = defineAbilityFor(actorFor('auditor'));
    expect(isAllowed(auditor, 'read', 'Responsibility', districtRecord)).toBe(true);
    expect(isAllowed(auditor, 'update', 'Responsibility', districtRecord)).toBe(false);
  });
});
