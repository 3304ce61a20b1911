import type { Actor as DeciderActor } from '../shared/decider';
import { InvalidActorError, type Actor } from './actor';
import { FINDING_ACTIONS, INTERVIEW_ACTIONS, type AppAction } from './actions';
import { defineAbilityFor, isAllowed, permittedFields, tokenOperationsFor } from './ability';
import { PERSON_CONTACT_FIELDS, PERSON_PUBLIC_FIELDS, SUBJECT_CONDITION_FIELDS, type AppSubjectType, type SubjectRecords } from './subjects';

// 杭州 has two districts, 钱塘 (the tenant of the district-level actors) and 上城; 温州 has 鹿城.
const HANGZHOU = 'city-hangzhou';
const WENZHOU = 'city-wenzhou';
const QIANTANG = 'district-qiantang';
const SHANGCHENG = 'district-shangcheng';
const LUCHENG = 'district-lucheng';
const STREET = 'unit-street'; // the unit officer's unit
const OTHER_UNIT = 'unit-other';
const COLLEAGUE = 'person-colleague';
const STRANGER = 'person-stranger';

const user = (id: string, role: Actor['role'], where: Partial<Actor>): Actor => ({ kind: 'user', id, role, cityId: null, tenantId: null, unitId: null, ...where });
const token = (id: string, where: Partial<Actor>): Actor => ({ kind: 'service', id, role: 'service', cityId: HANGZHOU, tenantId: null, unitId: null, ...where });

const ACTORS = {
  platform: user('person-platform', 'platform_admin', {}),
  inspector: user('person-inspector', 'city_inspector', { cityId: HANGZHOU }),
  admin: user('person-admin', 'district_admin', { cityId: HANGZHOU, tenantId: QIANTANG }),
  officer: user('person-officer', 'unit_officer', { cityId: HANGZHOU, tenantId: QIANTANG, unitId: STREET }),
  auditor: user('person-auditor', 'auditor', { cityId: HANGZHOU, tenantId: QIANTANG }),
  reader: token('token-dashboard', { tenantId: QIANTANG, readOnly: true }),
  // An OA system's token that lists operations of every level: it gets only its district's.
  oa: token('token-oa', { tenantId: QIANTANG, readOnly: false, operations: ['checkIn', 'reviewPass', 'signOff', 'verifyChain', 'export', 'issue', 'create'] }),
  cityReader: token('token-big-screen', { readOnly: true }),
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;
const ACTOR_COLUMNS: ActorName[] = ['platform', 'inspector', 'admin', 'officer', 'auditor', 'reader', 'oa', 'cityReader'];

/** The API resolves a city's districts; every actor gets them, to show only city-level ones use them. */
const SCOPE = { cityTenantIds: [QIANTANG, SHANGCHENG] };
const abilityOf = (actor: Actor) => defineAbilityFor(actor, SCOPE);

interface Place {
  tenantId: string;
  cityId: string;
}
const PLACES: Array<[string, Place]> = [
  ['own district', { tenantId: QIANTANG, cityId: HANGZHOU }],
  ['same-city district', { tenantId: SHANGCHENG, cityId: HANGZHOU }],
  ['other-city district', { tenantId: LUCHENG, cityId: WENZHOU }],
];

// Records as the API would tag them, typed by the subject contract so fixture and contract cannot drift.
type Fixture = (at: Place) => object;
const city = (at: Place): SubjectRecords['City'] => ({ cityId: at.cityId });
const tenant = (at: Place): SubjectRecords['Tenant'] & { cityId: string } => ({ tenantId: at.tenantId, cityId: at.cityId });
const unit =
  (unitId: string) =>
  (at: Place): SubjectRecords['Unit'] => ({ tenantId: at.tenantId, unitId });
const person =
  (role: Actor['role']) =>
  (at: Place): SubjectRecords['Person'] => ({ id: COLLEAGUE, tenantId: at.tenantId, cityId: at.cityId, role });
const cityPerson = (at: Place): SubjectRecords['Person'] => ({ id: COLLEAGUE, tenantId: null, cityId: at.cityId, role: 'city_inspector' });
const inspection =
  (overrides: Partial<SubjectRecords['Inspection']>) =>
  (at: Place): SubjectRecords['Inspection'] => ({ tenantId: at.tenantId, kind: 'SELF_CHECK', level: 'DISTRICT', targetScope: 'UNITS', unitIds: [STREET], ...overrides });
const finding =
  (status: SubjectRecords['Finding']['status'], unitId = STREET) =>
  (at: Place): SubjectRecords['Finding'] => ({ tenantId: at.tenantId, unitId, status });
const evidence =
  (unitId: string) =>
  (at: Place): SubjectRecords['Evidence'] => ({ tenantId: at.tenantId, unitId });
const interview =
  (confidential: boolean) =>
  (at: Place): SubjectRecords['Interview'] => ({ tenantId: at.tenantId, confidential, participantIds: [STRANGER] });
const inDistrict = (at: Place): { tenantId: string } => ({ tenantId: at.tenantId });
const cityToken = (at: Place): SubjectRecords['ApiToken'] & { cityId: string } => ({ tenantId: null, cityId: at.cityId });
const statistics =
  (unitId: string | null) =>
  (at: Place): SubjectRecords['Statistics'] => ({ tenantId: at.tenantId, cityId: at.cityId, unitId });
const cityStatistics = (at: Place): SubjectRecords['Statistics'] => ({ tenantId: null, cityId: at.cityId, unitId: null });
const responsibility =
  (unitId: string | null) =>
  (at: Place): SubjectRecords['Responsibility'] => ({ tenantId: at.tenantId, unitId });

/**
 * The permission matrix. Each row: subject, action, which record, then per actor three answers for a
 * record in the own district (of 杭州), in another district of 杭州 and in a district of 温州:
 * Y allowed, . denied. A city's actors have no own district: their first column is 钱塘, also in 杭州.
 */
const MATRIX: Array<[AppSubjectType, AppAction, string, Fixture, string]> = [
  //                                                                          plt ins adm off aud rdr oa  cty
  ['City', 'read', 'its city', city,                                          'YYY YY. ... ... ... ... ... YY.'],
  ['City', 'create', 'a city', city,                                          'YYY ... ... ... ... ... ... ...'],
  ['Tenant', 'read', 'the district', tenant,                                  'YYY YY. Y.. Y.. Y.. Y.. Y.. YY.'],
  ['Tenant', 'create', 'a district', tenant,                                  'YYY ... ... ... ... ... ... ...'],
  ['Tenant', 'update', 'the district', tenant,                                'YYY ... ... ... ... ... ... ...'],
  ['Unit', 'read', 'the officer’s unit', unit(STREET),                        '... YY. Y.. Y.. Y.. Y.. Y.. YY.'],
  ['Unit', 'read', 'another unit', unit(OTHER_UNIT),                          '... YY. Y.. ... Y.. Y.. Y.. YY.'],
  ['Unit', 'create', 'a unit', unit(OTHER_UNIT),                              '... ... Y.. ... ... ... ... ...'],
  ['Unit', 'update', 'a unit', unit(OTHER_UNIT),                              '... ... Y.. ... ... ... ... ...'],
  ['Person', 'read', 'a unit officer', person('unit_officer'),                '... YY. Y.. Y.. Y.. Y.. Y.. YY.'],
  ['Person', 'read', 'a district admin', person('district_admin'),            'YYY YY. Y.. Y.. Y.. Y.. Y.. YY.'],
  ['Person', 'read', 'a city inspector', cityPerson,                          'YYY YY. ... ... ... ... ... ...'],
  ['Person', 'create', 'a unit officer', person('unit_officer'),              '... ... Y.. ... ... ... ... ...'],
  ['Person', 'create', 'a district admin', person('district_admin'),          'YYY ... Y.. ... ... ... ... ...'],
  ['Person', 'create', 'a city inspector', cityPerson,                        'YYY ... ... ... ... ... ... ...'],
  ['Person', 'update', 'a district admin', person('district_admin'),          'YYY ... Y.. ... ... ... ... ...'],
  ['Person', 'update', 'a platform admin', person('platform_admin'),          '... ... ... ... ... ... ... ...'],
  ['Inspection', 'read', 'targeting the officer’s unit', inspection({}),      '... YY. Y.. Y.. Y.. Y.. Y.. YY.'],
  ['Inspection', 'read', 'targeting another unit', inspection({ unitIds: [OTHER_UNIT] }), '... YY. Y.. ... Y.. Y.. Y.. YY.'],
  ['Inspection', 'read', 'of the whole district', inspection({ kind: 'PATROL', level: 'CITY', targetScope: 'DISTRICT', unitIds: [] }), '... YY. Y.. Y.. Y.. Y.. Y.. YY.'],
  ['Inspection', 'plan', 'a patrol', inspection({ kind: 'PATROL' }),          '... YY. Y.. ... ... ... ... ...'],
  ['Inspection', 'plan', 'a follow-up', inspection({ kind: 'FOLLOW_UP' }),    '... YY. Y.. ... ... ... ... ...'],
  ['Inspection', 'plan', 'a self-check', inspection({ kind: 'SELF_CHECK' }),  '... ... Y.. ... ... ... ... ...'],
  ['Inspection', 'update', 'run by the city', inspection({ level: 'CITY' }),  '... YY. ... ... ... ... ... ...'],
  ['Inspection', 'update', 'run by the district', inspection({}),             '... ... Y.. ... ... ... ... ...'],
  ['Finding', 'read', 'of the officer’s unit', finding('IN_PROGRESS'),        '... YY. Y.. Y.. Y.. Y.. Y.. YY.'],
  ['Finding', 'read', 'of another unit', finding('IN_PROGRESS', OTHER_UNIT),  '... YY. Y.. ... Y.. Y.. Y.. YY.'],
  ['Finding', 'record', 'a new one', finding('RECORDED'),                     '... YY. Y.. ... ... ... ... ...'],
  ['Finding', 'submitPlan', 'recorded', finding('RECORDED'),                  '... ... Y.. Y.. ... ... ... ...'],
  ['Finding', 'checkIn', 'in progress', finding('IN_PROGRESS'),               '... ... Y.. Y.. ... ... Y.. ...'],
  ['Finding', 'checkIn', 'of another unit', finding('IN_PROGRESS', OTHER_UNIT), '... ... Y.. ... ... ... Y.. ...'],
  ['Finding', 'submit', 'in progress', finding('IN_PROGRESS'),                '... ... Y.. Y.. ... ... ... ...'],
  ['Finding', 'reviewPass', 'submitted', finding('SUBMITTED'),                '... ... Y.. ... ... ... Y.. ...'],
  ['Finding', 'reviewPass', 'still in progress', finding('IN_PROGRESS'),      '... ... ... ... ... ... ... ...'],
  ['Finding', 'reviewReject', 'submitted', finding('SUBMITTED'),              '... ... Y.. ... ... ... ... ...'],
  ['Finding', 'signOff', 'passed by the district', finding('DISTRICT_REVIEW_PASSED'), '... YY. ... ... ... ... ... ...'],
  ['Finding', 'signOff', 'not yet reviewed', finding('SUBMITTED'),            '... ... ... ... ... ... ... ...'],
  ['Finding', 'reject', 'passed by the district', finding('DISTRICT_REVIEW_PASSED'), '... YY. ... ... ... ... ... ...'],
  ['Finding', 'requestExtension', 'in progress', finding('IN_PROGRESS'),      '... ... Y.. Y.. ... ... ... ...'],
  ['Finding', 'approveExtension', 'in progress', finding('IN_PROGRESS'),      '... YY. Y.. ... ... ... ... ...'],
  ['Finding', 'refuseExtension', 'in progress', finding('IN_PROGRESS'),       '... YY. Y.. ... ... ... ... ...'],
  ['Finding', 'reassign', 'in progress', finding('IN_PROGRESS'),              '... YY. Y.. ... ... ... ... ...'],
  ['Finding', 'withdraw', 'in progress', finding('IN_PROGRESS'),              '... YY. Y.. ... ... ... ... ...'],
  ['Finding', 'reopen', 'verified', finding('VERIFIED'),                      '... YY. Y.. ... ... ... ... ...'],
  ['Evidence', 'read', 'of the officer’s unit', evidence(STREET),             '... YY. Y.. Y.. Y.. Y.. Y.. YY.'],
  ['Evidence', 'read', 'of another unit', evidence(OTHER_UNIT),               '... YY. Y.. ... Y.. Y.. Y.. YY.'],
  ['Interview', 'read', 'open, naming others', interview(false),              '... YY. Y.. ... Y.. Y.. Y.. YY.'],
  ['Interview', 'read', 'confidential, naming others', interview(true),       '... ... ... ... ... ... ... ...'],
  ['Interview', 'schedule', 'open', interview(false),                         '... YY. Y.. ... ... ... ... ...'],
  ['Interview', 'schedule', 'confidential, naming others', interview(true),   '... ... ... ... ... ... ... ...'],
  ['Interview', 'recordMinutes', 'open', interview(false),                    '... YY. Y.. ... ... ... ... ...'],
  ['Interview', 'fulfilCommitment', 'open', interview(false),                 '... YY. Y.. ... ... ... ... ...'],
  ['Interview', 'cancel', 'open', interview(false),                           '... YY. Y.. ... ... ... ... ...'],
  ['AuditEvent', 'read', 'an event', inDistrict,                              '... YY. Y.. ... Y.. Y.. Y.. YY.'],
  ['AuditEvent', 'verifyChain', 'the chain', inDistrict,                      '... YY. Y.. ... Y.. ... Y.. ...'],
  ['AuditEvent', 'export', 'the chain', inDistrict,                           '... YY. ... ... Y.. ... ... ...'],
  ['ApiToken', 'read', 'a district token', inDistrict,                        '... ... Y.. ... Y.. ... ... ...'],
  ['ApiToken', 'issue', 'a district token', inDistrict,                       '... ... Y.. ... ... ... ... ...'],
  ['ApiToken', 'revoke', 'a district token', inDistrict,                      '... ... Y.. ... ... ... ... ...'],
  ['ApiToken', 'issue', 'a city token', cityToken,                            'YYY ... ... ... ... ... ... ...'],
  ['Checkpoint', 'read', 'a checkpoint', inDistrict,                          '... YY. Y.. ... Y.. Y.. Y.. YY.'],
  ['Statistics', 'read', 'the district’s figures', statistics(null),          '... YY. Y.. ... Y.. Y.. Y.. YY.'],
  ['Statistics', 'read', 'the officer’s unit’s figures', statistics(STREET),  '... YY. Y.. Y.. Y.. Y.. Y.. YY.'],
  ['Statistics', 'read', 'the city’s figures', cityStatistics,                '... YY. ... ... ... ... ... YY.'],
  ['Webhook', 'read', 'an endpoint', inDistrict,                              '... ... Y.. ... Y.. ... ... ...'],
  ['Webhook', 'create', 'an endpoint', inDistrict,                            '... ... Y.. ... ... ... ... ...'],
  ['Webhook', 'update', 'an endpoint', inDistrict,                            '... ... Y.. ... ... ... ... ...'],
  // 责任清单, 目标责任书, 重点工作项目, 分析研判月报告: which record and level is the decider's to judge.
  ['Responsibility', 'read', 'of the officer’s unit', responsibility(STREET), '... YY. Y.. Y.. Y.. Y.. Y.. YY.'],
  ['Responsibility', 'read', 'of the district itself', responsibility(null),  '... YY. Y.. ... Y.. Y.. Y.. YY.'],
  ['Responsibility', 'create', 'for a unit', responsibility(STREET),          '... YY. Y.. ... ... ... Y.. ...'],
  ['Responsibility', 'update', 'of the officer’s unit', responsibility(STREET), '... YY. Y.. Y.. ... ... ... ...'],
];

const cases = MATRIX.flatMap(([type, action, what, fixture, expected]) => {
  const answers = expected.split(' ');
  if (answers.length !== ACTOR_COLUMNS.length) throw new Error(`matrix row ${type} ${action} ${what} has ${answers.length} columns`);
  return ACTOR_COLUMNS.flatMap((name, column) =>
    PLACES.map(([placeName, place], index) => ({ name, action, type, what, placeName, record: fixture(place), allowed: answers[column]![index] === 'Y' })),
  );
});

describe('the permission matrix', () => {
  const abilities = Object.fromEntries(ACTOR_COLUMNS.map((name) => [name, abilityOf(ACTORS[name])])) as Record<ActorName, ReturnType<typeof abilityOf>>;

  it.each(cases)('$name may $action $type ($what) in the $placeName: $allowed', ({ name, action, type, record, allowed }) => {
    expect(isAllowed(abilities[name], action, type, record)).toBe(allowed);
  });
});

describe('field rules', () => {
  const colleague = { id: COLLEAGUE, tenantId: QIANTANG, cityId: HANGZHOU, role: 'unit_officer' };
  const allFields = [...PERSON_PUBLIC_FIELDS, ...PERSON_CONTACT_FIELDS];

  it('hides a colleague’s contact details from a unit officer, but not its own', () => {
    const officer = abilityOf(ACTORS.officer);
    expect(permittedFields(officer, 'read', 'Person', colleague, allFields)).toEqual([...PERSON_PUBLIC_FIELDS]);
    expect(isAllowed(officer, 'read', 'Person', colleague, 'phone')).toBe(false);
    expect(isAllowed(officer, 'read', 'Person', colleague, 'displayName')).toBe(true);
    const self = { ...colleague, id: ACTORS.officer.id };
    expect(permittedFields(officer, 'read', 'Person', self, allFields)).toEqual(allFields);
  });

  it('shows contact details to every other reader of people, who see them in the audit trail anyway', () => {
    for (const name of ['inspector', 'admin', 'auditor', 'reader'] as const) {
      expect(permittedFields(abilityOf(ACTORS[name]), 'read', 'Person', colleague, PERSON_CONTACT_FIELDS)).toEqual([...PERSON_CONTACT_FIELDS]);
    }
  });

  it('gives no field of a record the ability may not read at all', () => {
    expect(permittedFields(abilityOf(ACTORS.platform), 'read', 'Person', colleague, allFields)).toEqual([]);
  });
});

describe('confidential interviews', () => {
  const talk = (participantIds: string[], tenantId = QIANTANG) => ({ tenantId, confidential: true, participantIds });

  it('are read, with their minutes, by every person they name, whatever the role', () => {
    for (const name of ['inspector', 'admin', 'officer', 'auditor'] as const) {
      const ability = abilityOf(ACTORS[name]);
      expect(isAllowed(ability, 'read', 'Interview', talk([STRANGER, ACTORS[name].id]))).toBe(true);
      expect(isAllowed(ability, 'read', 'Interview', talk([STRANGER, ACTORS[name].id]), 'minutes')).toBe(true);
      expect(isAllowed(ability, 'read', 'Interview', talk([STRANGER]), 'minutes')).toBe(false);
    }
  });

  it('are run by the offices they name, and only those', () => {
    const admin = abilityOf(ACTORS.admin);
    for (const action of INTERVIEW_ACTIONS) {
      expect(isAllowed(admin, action, 'Interview', talk([ACTORS.admin.id, STRANGER]))).toBe(true);
      expect(isAllowed(admin, action, 'Interview', talk([COLLEAGUE, STRANGER]))).toBe(false);
    }
  });

  it('give a named interviewee sight of the talk but no say in it', () => {
    const officer = abilityOf(ACTORS.officer);
    const naming = talk([ACTORS.admin.id, ACTORS.officer.id]);
    expect(isAllowed(officer, 'read', 'Interview', naming)).toBe(true);
    for (const action of INTERVIEW_ACTIONS) expect(isAllowed(officer, action, 'Interview', naming)).toBe(false);
  });

  it('stay within the named person’s own scope', () => {
    const inspector = abilityOf(ACTORS.inspector);
    expect(isAllowed(inspector, 'read', 'Interview', talk([ACTORS.inspector.id], SHANGCHENG))).toBe(true);
    expect(isAllowed(inspector, 'read', 'Interview', talk([ACTORS.inspector.id], LUCHENG))).toBe(false);
    expect(isAllowed(abilityOf(ACTORS.officer), 'read', 'Interview', talk([ACTORS.officer.id], SHANGCHENG))).toBe(false);
  });

  it('are never read by a token, which names nobody', () => {
    const reader = abilityOf(ACTORS.reader);
    expect(isAllowed(reader, 'read', 'Interview', talk([ACTORS.reader.id]))).toBe(false);
  });

  it('deny a record without the confidential flag rather than guess', () => {
    expect(isAllowed(abilityOf(ACTORS.auditor), 'read', 'Interview', { tenantId: QIANTANG, participantIds: [] })).toBe(false);
  });
});

describe('API tokens', () => {
  const inProgress = { tenantId: QIANTANG, unitId: STREET, status: 'IN_PROGRESS' };

  it('take no action when read-only, whatever operations they list', () => {
    const readOnlyWithOperations = abilityOf({ ...ACTORS.reader, operations: ['checkIn'] });
    expect(isAllowed(readOnlyWithOperations, 'read', 'Finding', inProgress)).toBe(true);
    expect(isAllowed(readOnlyWithOperations, 'checkIn', 'Finding', inProgress)).toBe(false);
  });

  it('take only the listed operations, and only their scope level’s', () => {
    const cityWide = abilityOf({ ...ACTORS.cityReader, readOnly: false, operations: ['signOff', 'checkIn'] });
    const passed = { ...inProgress, status: 'DISTRICT_REVIEW_PASSED' };
    expect(isAllowed(cityWide, 'signOff', 'Finding', passed)).toBe(true);
    expect(isAllowed(cityWide, 'signOff', 'Finding', { ...passed, tenantId: LUCHENG })).toBe(false);
    expect(isAllowed(cityWide, 'checkIn', 'Finding', inProgress)).toBe(false);
  });

  it('list what each scope can be given: the workflow of its level, never administration', () => {
    expect(tokenOperationsFor('TENANT')).toEqual([
      ...FINDING_ACTIONS.filter((action) => !['reviewPass', 'reviewReject', 'signOff', 'reject'].includes(action)),
      'reviewPass',
      'reviewReject',
      'plan',
      'update',
      ...INTERVIEW_ACTIONS,
      'verifyChain',
      'create',
    ]);
    expect(tokenOperationsFor('CITY')).toEqual([
      'record',
      'approveExtension',
      'refuseExtension',
      'reassign',
      'withdraw',
      'reopen',
      'signOff',
      'reject',
      'plan',
      'update',
      ...INTERVIEW_ACTIONS,
      'verifyChain',
      'export',
      'create',
    ]);
  });

  it('reach the responsibility records of their scope: read-only ones read them, others write as their operations say', () => {
    const unitRecord = { tenantId: QIANTANG, unitId: STREET };
    const reader = abilityOf(ACTORS.reader);
    expect(isAllowed(reader, 'read', 'Responsibility', unitRecord)).toBe(true);
    expect(isAllowed(reader, 'read', 'Responsibility', { ...unitRecord, tenantId: SHANGCHENG })).toBe(false);
    expect(isAllowed(abilityOf({ ...ACTORS.reader, operations: ['create', 'update'] }), 'update', 'Responsibility', unitRecord)).toBe(false);
    const writer = abilityOf({ ...ACTORS.oa, operations: ['create', 'update'] });
    expect(isAllowed(writer, 'create', 'Responsibility', unitRecord)).toBe(true);
    expect(isAllowed(writer, 'update', 'Responsibility', unitRecord)).toBe(true);
    expect(isAllowed(writer, 'update', 'Responsibility', { ...unitRecord, tenantId: SHANGCHENG })).toBe(false);
    const cityWide = abilityOf({ ...ACTORS.cityReader, readOnly: false, operations: ['create'] });
    expect(isAllowed(cityWide, 'create', 'Responsibility', { tenantId: SHANGCHENG, unitId: null })).toBe(true);
    expect(isAllowed(cityWide, 'create', 'Responsibility', { tenantId: LUCHENG, unitId: null })).toBe(false);
    expect(isAllowed(cityWide, 'update', 'Responsibility', { tenantId: SHANGCHENG, unitId: null })).toBe(false);
  });
});

describe('notifications', () => {
  it('are read and marked read by their recipient only', () => {
    const officer = abilityOf(ACTORS.officer);
    expect(isAllowed(officer, 'read', 'Notification', { recipientId: ACTORS.officer.id })).toBe(true);
    expect(isAllowed(officer, 'update', 'Notification', { recipientId: ACTORS.officer.id })).toBe(true);
    expect(isAllowed(abilityOf(ACTORS.admin), 'read', 'Notification', { recipientId: ACTORS.officer.id })).toBe(false);
    expect(isAllowed(abilityOf(ACTORS.reader), 'read', 'Notification', { recipientId: ACTORS.reader.id })).toBe(false);
  });
});

describe('records and actors the model cannot place', () => {
  it('denies a record that was not tagged with its subject type', () => {
    const admin = abilityOf(ACTORS.admin);
    const row = { tenantId: QIANTANG, unitId: STREET, status: 'IN_PROGRESS' };
    expect(admin.can('read', row as never)).toBe(false);
    expect(isAllowed(admin, 'read', 'Finding', row)).toBe(true);
  });

  it('answers a bare type as "on some record", which is for menus only', () => {
    expect(abilityOf(ACTORS.admin).can('plan', 'Inspection')).toBe(true);
    expect(abilityOf(ACTORS.officer).can('plan', 'Inspection')).toBe(false);
    expect(abilityOf(ACTORS.platform).can('read', 'Finding')).toBe(false);
  });

  it.each<[string, Actor]>([
    ['a city inspector without a city', { ...ACTORS.inspector, cityId: null }],
    ['a city inspector inside a district', { ...ACTORS.inspector, tenantId: QIANTANG }],
    ['a district admin without a district', { ...ACTORS.admin, tenantId: null }],
    ['an auditor without a district', { ...ACTORS.auditor, tenantId: null }],
    ['a unit officer without a unit', { ...ACTORS.officer, unitId: null }],
    ['a token scoped to nothing', { ...ACTORS.reader, tenantId: null, cityId: null }],
    ['a person with a token’s role', { ...ACTORS.reader, kind: 'user' }],
    ['a token with a person’s role', { ...ACTORS.admin, kind: 'service' }],
  ])('refuses %s', (_, actor) => {
    expect(() => defineAbilityFor(actor, SCOPE)).toThrow(InvalidActorError);
  });
});

describe('the subject contract', () => {
  it('lists exactly the fields the rules read, subject by subject', () => {
    const everyWorkflowToken = { ...ACTORS.oa, operations: [...tokenOperationsFor('TENANT')] };
    const everyCityToken = { ...ACTORS.cityReader, readOnly: false, operations: [...tokenOperationsFor('CITY')] };
    const read = new Map<string, Set<string>>();
    for (const actor of [...Object.values(ACTORS), everyWorkflowToken, everyCityToken]) {
      for (const rule of abilityOf(actor).rules) {
        for (const type of [rule.subject].flat()) {
          const fields = read.get(type) ?? new Set<string>();
          Object.keys(rule.conditions ?? {}).forEach((field) => fields.add(field));
          read.set(type, fields);
        }
      }
    }
    const contract = Object.fromEntries(Object.entries(SUBJECT_CONDITION_FIELDS).map(([type, fields]) => [type, [...fields].sort()]));
    expect(Object.fromEntries([...read].map(([type, fields]) => [type, [...fields].sort()]))).toEqual(contract);
  });

  it('agrees with the deciders on who an actor is', () => {
    // Both files declare the shape until one re-exports the other; this fails to compile if they drift.
    const interchangeable: [Actor, DeciderActor] extends [DeciderActor, Actor] ? true : false = true;
    expect(interchangeable).toBe(true);
  });
});
