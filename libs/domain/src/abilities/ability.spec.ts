import type { Actor } from '../shared/decider';
import { abilityToSqlWhere, UnmappedConditionError } from './ability-sql';
import { asSubject, defineAbilityFor, type AppAction, type AppSubjectType } from './ability';

const CITY = 'c0000000-0000-4000-8000-000000000001';
const OTHER_CITY = 'c0000000-0000-4000-8000-000000000002';
const OWN = 'd0000000-0000-4000-8000-000000000001';
const SAME_CITY = 'd0000000-0000-4000-8000-000000000002';
const OTHER_CITY_TENANT = 'd0000000-0000-4000-8000-000000000003';
const UNIT = 'a0000000-0000-4000-8000-000000000001';
const OTHER_UNIT = 'a0000000-0000-4000-8000-000000000002';
const ME = 'e0000000-0000-4000-8000-000000000001';

const actors: Record<string, Actor> = {
  platform: { kind: 'user', id: ME, role: 'platform_admin', cityId: null, tenantId: null, unitId: null },
  inspector: { kind: 'user', id: ME, role: 'city_inspector', cityId: CITY, tenantId: null, unitId: null },
  admin: { kind: 'user', id: ME, role: 'district_admin', cityId: CITY, tenantId: OWN, unitId: null },
  officer: { kind: 'user', id: ME, role: 'unit_officer', cityId: CITY, tenantId: OWN, unitId: UNIT },
  auditor: { kind: 'user', id: ME, role: 'auditor', cityId: CITY, tenantId: OWN, unitId: null },
  reader: { kind: 'service', id: ME, role: 'service', cityId: CITY, tenantId: OWN, unitId: null, readOnly: true },
  oa: { kind: 'service', id: ME, role: 'service', cityId: CITY, tenantId: OWN, unitId: null, readOnly: false, operations: ['checkIn'] },
};
const ability = (name: string) => defineAbilityFor(actors[name]!, { cityTenantIds: [OWN, SAME_CITY] });

const finding = (tenantId: string, unitId = UNIT) => ({ tenantId, unitId, status: 'IN_PROGRESS' });

type Row = [actor: string, action: AppAction, type: AppSubjectType, record: Record<string, unknown>, allowed: boolean];

/** The permission matrix: each row one actor, action and instance, with the expected answer. */
const matrix: Row[] = [
  ['platform', 'create', 'Tenant', { tenantId: OWN, cityId: CITY }, true],
  ['platform', 'read', 'Finding', finding(OWN), false],
  ['platform', 'read', 'Interview', { tenantId: OWN, confidential: false, participantIds: [] }, false],
  ['platform', 'create', 'Person', { role: 'district_admin', tenantId: OWN }, true],
  ['platform', 'create', 'Person', { role: 'unit_officer', tenantId: OWN }, false],
  ['inspector', 'read', 'Finding', finding(OWN), true],
  ['inspector', 'read', 'Finding', finding(SAME_CITY), true],
  ['inspector', 'read', 'Finding', finding(OTHER_CITY_TENANT), false],
  ['inspector', 'signOff', 'Finding', finding(SAME_CITY), true],
  ['inspector', 'signOff', 'Finding', finding(OTHER_CITY_TENANT), false],
  ['inspector', 'checkIn', 'Finding', finding(OWN), false],
  ['inspector', 'read', 'Tenant', { tenantId: OTHER_CITY_TENANT, cityId: OTHER_CITY }, false],
  ['inspector', 'verifyChain', 'AuditEvent', { tenantId: SAME_CITY }, true],
  ['admin', 'read', 'Finding', finding(OWN, OTHER_UNIT), true],
  ['admin', 'read', 'Finding', finding(SAME_CITY), false],
  ['admin', 'signOff', 'Finding', finding(OWN), false],
  ['admin', 'reviewPass', 'Finding', finding(OWN), true],
  ['admin', 'create', 'Person', { role: 'unit_officer', tenantId: OWN }, true],
  ['admin', 'create', 'Person', { role: 'city_inspector', tenantId: null, cityId: CITY }, false],
  ['admin', 'create', 'Person', { role: 'auditor', tenantId: SAME_CITY }, false],
  ['admin', 'issue', 'ApiToken', { tenantId: OWN }, true],
  ['officer', 'read', 'Finding', finding(OWN), true],
  ['officer', 'read', 'Finding', finding(OWN, OTHER_UNIT), false],
  ['officer', 'checkIn', 'Finding', finding(OWN), true],
  ['officer', 'checkIn', 'Finding', finding(OWN, OTHER_UNIT), false],
  ['officer', 'reviewPass', 'Finding', finding(OWN), false],
  ['officer', 'read', 'AuditEvent', { tenantId: OWN }, false],
  ['officer', 'read', 'Interview', { tenantId: OWN, confidential: false, participantIds: [] }, false],
  ['officer', 'read', 'Interview', { tenantId: OWN, confidential: true, participantIds: [ME] }, true],
  ['auditor', 'read', 'AuditEvent', { tenantId: OWN }, true],
  ['auditor', 'read', 'Interview', { tenantId: OWN, confidential: true, participantIds: [] }, false],
  ['auditor', 'read', 'Interview', { tenantId: OWN, confidential: false, participantIds: [] }, true],
  ['auditor', 'checkIn', 'Finding', finding(OWN), false],
  ['reader', 'read', 'Finding', finding(OWN), true],
  ['reader', 'checkIn', 'Finding', finding(OWN), false],
  ['reader', 'read', 'Finding', finding(SAME_CITY), false],
  ['oa', 'checkIn', 'Finding', finding(OWN), true],
  ['oa', 'submit', 'Finding', finding(OWN), false],
];

describe('the ability model', () => {
  it.each(matrix)('%s may %s %s %j: %s', (actor, action, type, record, allowed) => {
    expect(ability(actor).can(action, asSubject(type, record))).toBe(allowed);
  });

  it('shows contact details only to administrators and the person themself', () => {
    const colleague = asSubject('Person', { id: 'someone-else', tenantId: OWN, role: 'unit_officer' });
    const self = asSubject('Person', { id: ME, tenantId: OWN, role: 'unit_officer' });
    expect(ability('officer').can('read', colleague, 'displayName')).toBe(true);
    expect(ability('officer').can('read', colleague, 'phone')).toBe(false);
    expect(ability('officer').can('read', self, 'phone')).toBe(true);
    expect(ability('admin').can('read', colleague, 'phone')).toBe(true);
  });
});

describe('rules as SQL', () => {
  const columns = { tenantId: 'f.tenant_id', unitId: 'f.unit_id' };

  it('limits a unit officer to its own unit', () => {
    expect(abilityToSqlWhere(ability('officer'), 'read', 'Finding', columns)).toEqual({
      sql: '((f.tenant_id = $1 AND f.unit_id = $2) AND NOT ((f.tenant_id IS NULL)))',
      params: [OWN, UNIT],
    });
  });

  it('limits a city inspector to its city’s districts, numbering parameters after the caller’s', () => {
    expect(abilityToSqlWhere(ability('inspector'), 'read', 'Finding', columns, 3)).toEqual({
      sql: '((f.tenant_id = ANY ($3)) AND NOT ((f.tenant_id IS NULL)))',
      params: [[OWN, SAME_CITY]],
    });
  });

  it('gives FALSE to a role with no permitting rule', () => {
    expect(abilityToSqlWhere(ability('platform'), 'read', 'Finding', columns).sql).toBe('FALSE');
  });

  it('translates confidential interviews: not confidential in scope, or naming the caller', () => {
    const where = abilityToSqlWhere(ability('auditor'), 'read', 'Interview', { tenantId: 'i.tenant_id', confidential: 'i.confidential', participantIds: 'i.participant_ids' });
    expect(where.sql).toBe('(((i.participant_ids @> $1) OR (i.tenant_id = $2 AND i.confidential = $3)) AND NOT ((i.tenant_id IS NULL)))');
    expect(where.params).toEqual([[ME], OWN, false]);
  });

  it('refuses to translate a condition on a field it was not given a column for', () => {
    expect(() => abilityToSqlWhere(ability('officer'), 'read', 'Finding', { tenantId: 'f.tenant_id' })).toThrow(UnmappedConditionError);
  });
});
