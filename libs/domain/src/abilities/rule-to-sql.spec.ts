import { createMongoAbility, type MongoQuery } from '@casl/ability';
import type { Actor } from './actor';
import { defineAbilityFor, type AppAbility } from './ability';
import { abilityToSqlWhere, UnmappedConditionError, UnsupportedConditionError } from './rule-to-sql';

const HANGZHOU = 'city-hangzhou';
const QIANTANG = 'district-qiantang';
const SHANGCHENG = 'district-shangcheng';
const STREET = 'unit-street';
const ME = 'person-me';

const actor = (role: Actor['role'], where: Partial<Actor>): Actor => ({ kind: role === 'service' ? 'service' : 'user', id: ME, role, cityId: HANGZHOU, tenantId: null, unitId: null, ...where });
const abilityOf = (someone: Actor) => defineAbilityFor(someone, { cityTenantIds: [QIANTANG, SHANGCHENG] });

const FINDING_COLUMNS = { tenantId: 'f.tenant_id', unitId: 'f.unit_id', status: 'f.status' };
const INTERVIEW_COLUMNS = { tenantId: 'i.tenant_id', confidential: 'i.confidential', participantIds: 'i.participant_ids' };

/** An ability with hand-written rules, for the translation's own cases (the model grants no `cannot`). */
const rules = (...raw: Array<{ conditions?: Record<string, unknown>; inverted?: boolean }>): AppAbility =>
  createMongoAbility<AppAbility>(raw.map(({ conditions, inverted }) => ({ action: 'read', subject: 'Finding', inverted, ...(conditions && { conditions: conditions as MongoQuery }) })));

describe('reading findings, as SQL, role by role', () => {
  it.each<[string, Actor, string, unknown[]]>([
    ['a platform admin reads none', actor('platform_admin', { cityId: null }), 'FALSE', []],
    ['a city inspector reads its city’s districts', actor('city_inspector', {}), 'f.tenant_id = ANY ($1)', [[QIANTANG, SHANGCHENG]]],
    ['a district admin reads its district', actor('district_admin', { tenantId: QIANTANG }), 'f.tenant_id = $1', [QIANTANG]],
    ['a unit officer reads its unit', actor('unit_officer', { tenantId: QIANTANG, unitId: STREET }), '(f.tenant_id = $1 AND f.unit_id = $2)', [QIANTANG, STREET]],
    ['an auditor reads its district', actor('auditor', { tenantId: QIANTANG }), 'f.tenant_id = $1', [QIANTANG]],
    ['a district token reads its district', actor('service', { tenantId: QIANTANG, readOnly: true }), 'f.tenant_id = $1', [QIANTANG]],
    ['a city token reads its city’s districts', actor('service', { readOnly: true }), 'f.tenant_id = ANY ($1)', [[QIANTANG, SHANGCHENG]]],
  ])('%s', (_, someone, sql, params) => {
    expect(abilityToSqlWhere(abilityOf(someone), 'read', 'Finding', FINDING_COLUMNS)).toEqual({ sql, params });
  });

  it('numbers its parameters after the caller’s own', () => {
    const officer = abilityOf(actor('unit_officer', { tenantId: QIANTANG, unitId: STREET }));
    expect(abilityToSqlWhere(officer, 'read', 'Finding', FINDING_COLUMNS, 4)).toEqual({ sql: '(f.tenant_id = $4 AND f.unit_id = $5)', params: [QIANTANG, STREET] });
  });

  it('carries a stage gate into the query', () => {
    const inspector = abilityOf(actor('city_inspector', {}));
    expect(abilityToSqlWhere(inspector, 'signOff', 'Finding', FINDING_COLUMNS)).toEqual({
      sql: '(f.tenant_id = ANY ($1) AND f.status = ANY ($2))',
      params: [[QIANTANG, SHANGCHENG], ['DISTRICT_REVIEW_PASSED']],
    });
  });
});

describe('other subjects, as SQL', () => {
  it('lists a confidential interview only to the people it names: array membership is = ANY (column)', () => {
    const admin = abilityOf(actor('district_admin', { tenantId: QIANTANG }));
    expect(abilityToSqlWhere(admin, 'read', 'Interview', INTERVIEW_COLUMNS)).toEqual({
      sql: '((i.tenant_id = $1 AND $2 = ANY (i.participant_ids)) OR (i.tenant_id = $3 AND i.confidential = $4))',
      params: [QIANTANG, ME, QIANTANG, false],
    });
  });

  it('reads people by public fields and the officer itself by id, fields aside', () => {
    const officer = abilityOf(actor('unit_officer', { tenantId: QIANTANG, unitId: STREET }));
    expect(abilityToSqlWhere(officer, 'read', 'Person', { id: 'p.id', tenantId: 'p.tenant_id' })).toEqual({
      sql: '(p.id = $1 OR p.tenant_id = $2)',
      params: [ME, QIANTANG],
    });
  });

  it('writes null as IS NULL and lists as = ANY', () => {
    const platform = abilityOf(actor('platform_admin', { cityId: null }));
    expect(abilityToSqlWhere(platform, 'issue', 'ApiToken', { tenantId: 't.tenant_id' })).toEqual({ sql: 't.tenant_id IS NULL', params: [] });
    expect(abilityToSqlWhere(platform, 'read', 'Person', { role: 'p.role' })).toEqual({
      sql: 'p.role = ANY ($1)',
      params: [['city_inspector', 'district_admin']],
    });
  });

  it('gives TRUE for an unconditional rule', () => {
    expect(abilityToSqlWhere(abilityOf(actor('platform_admin', { cityId: null })), 'read', 'Tenant', {})).toEqual({ sql: 'TRUE', params: [] });
  });
});

describe('the translation itself', () => {
  it('bounds a permitting rule by every later forbidding one, null-safely', () => {
    const ability = rules({ conditions: { tenantId: QIANTANG } }, { conditions: { status: 'WITHDRAWN' }, inverted: true });
    expect(abilityToSqlWhere(ability, 'read', 'Finding', FINDING_COLUMNS)).toEqual({
      sql: '(f.tenant_id = $1 AND ((f.status = $2) IS NOT TRUE))',
      params: [QIANTANG, 'WITHDRAWN'],
    });
  });

  it('lets a forbidding rule defined earlier (lower priority) not bound a later permitting one', () => {
    const ability = rules({ conditions: { status: 'WITHDRAWN' }, inverted: true }, { conditions: { tenantId: QIANTANG } });
    expect(abilityToSqlWhere(ability, 'read', 'Finding', FINDING_COLUMNS)).toEqual({ sql: 'f.tenant_id = $1', params: [QIANTANG] });
  });

  it('negates a whole multi-field forbidding rule and bounds an unconditional permission with it', () => {
    const ability = rules({}, { conditions: { tenantId: QIANTANG, unitId: { $ne: null } }, inverted: true });
    expect(abilityToSqlWhere(ability, 'read', 'Finding', FINDING_COLUMNS)).toEqual({
      sql: '((f.tenant_id = $1 AND f.unit_id IS NOT NULL) IS NOT TRUE)',
      params: [QIANTANG],
    });
  });

  it('gives FALSE when an unconditional forbidding rule overrides everything before it', () => {
    const ability = rules({ conditions: { tenantId: QIANTANG } }, { inverted: true });
    expect(abilityToSqlWhere(ability, 'read', 'Finding', FINDING_COLUMNS)).toEqual({ sql: 'FALSE', params: [] });
  });

  it('writes $ne null-safely and $all of several values as each one present', () => {
    const ability = rules({ conditions: { status: { $ne: 'WITHDRAWN' }, participantIds: { $all: ['a', 'b'] } } });
    expect(abilityToSqlWhere(ability, 'read', 'Finding', { status: 'f.status', participantIds: 'f.watcher_ids' })).toEqual({
      sql: '(f.status IS DISTINCT FROM $1 AND ($2 = ANY (f.watcher_ids) AND $3 = ANY (f.watcher_ids)))',
      params: ['WITHDRAWN', 'a', 'b'],
    });
  });

  it('refuses a field it was given no column for, rather than drop the condition', () => {
    const officer = abilityOf(actor('unit_officer', { tenantId: QIANTANG, unitId: STREET }));
    expect(() => abilityToSqlWhere(officer, 'read', 'Finding', { tenantId: 'f.tenant_id' })).toThrow(UnmappedConditionError);
  });

  it('refuses operators and values it does not translate', () => {
    expect(() => abilityToSqlWhere(rules({ conditions: { deadline: { $lt: '2026-01-01' } } }), 'read', 'Finding', { deadline: 'f.deadline' })).toThrow(UnsupportedConditionError);
    expect(() => abilityToSqlWhere(rules({ conditions: { basis: { kind: 'LAW' } } }), 'read', 'Finding', { basis: 'f.basis' })).toThrow(UnsupportedConditionError);
    expect(() => abilityToSqlWhere(rules({ conditions: { unitId: { $in: [STREET, null] } } }), 'read', 'Finding', FINDING_COLUMNS)).toThrow(UnsupportedConditionError);
  });
});
