import { actorFor, contextFor, given, play, TEST_CITY_ID, TEST_TENANT_ID } from '../shared/decider-spec';
import { personDecider, type RegisterPerson } from './person.decider';

const NOW = '2026-03-01T02:00:00.000Z';
const admin = contextFor(actorFor('district_admin'), NOW);
const personId = 'f0000000-0000-4000-8000-000000000001';
const unitId = 'a0000000-0000-4000-8000-000000000001';

const registerOfficer: RegisterPerson = {
  type: 'RegisterPerson',
  personId,
  username: 'Wang.Li',
  displayName: '王力',
  role: 'unit_officer',
  cityId: TEST_CITY_ID,
  tenantId: TEST_TENANT_ID,
  unitId,
  email: null,
  phone: null,
};

const registered = personDecider.decide(personDecider.initialState(), registerOfficer, admin);

describe('person decider', () => {
  it('registers a person with a lower-cased username and records that an initial password was set', () => {
    given(personDecider)
      .when(registerOfficer, admin)
      .thenEmits([
        {
          type: 'PersonRegistered',
          data: { personId, username: 'wang.li', displayName: '王力', role: 'unit_officer', cityId: TEST_CITY_ID, tenantId: TEST_TENANT_ID, unitId, email: null, phone: null },
        },
        { type: 'PasswordSet', data: { personId, reason: 'INITIAL' } },
      ]);
  });

  it('refuses a role that does not fit where the person belongs, naming each field', () => {
    const error = given(personDecider)
      .when({ ...registerOfficer, unitId: null }, admin)
      .thenFails('VALIDATION_FAILED');
    expect(error.details).toEqual({ fields: { unitId: '单位联络员须属于一个单位' } });
    given(personDecider)
      .when({ ...registerOfficer, role: 'city_inspector', tenantId: TEST_TENANT_ID, unitId: null }, admin)
      .thenFails('VALIDATION_FAILED', { fields: { tenantId: '该角色不属于区县' } });
  });

  it('refuses to register the same person twice', () => {
    given(personDecider, registered).when(registerOfficer, admin).thenFails('INVALID_STATE', { currentState: 'ACTIVE' });
  });

  it('changes a role, but never the actor’s own', () => {
    const state = given(personDecider, registered)
      .when({ type: 'ChangePersonRole', role: 'auditor', unitId: null }, admin)
      .thenEmits([{ type: 'PersonRoleChanged', data: { personId, role: 'auditor', unitId: null } }]);
    expect(state).toMatchObject({ role: 'auditor', unitId: null, version: 3 });
    given(personDecider, registered)
      .when({ type: 'ChangePersonRole', role: 'auditor', unitId: null }, contextFor(actorFor('district_admin', { id: personId }), NOW))
      .thenFails('NOT_ALLOWED');
  });

  it('deactivates and reactivates, and a deactivated person cannot get a new password', () => {
    const deactivated = play(personDecider, [[{ type: 'DeactivatePerson', reason: '调离' }, admin]], registered);
    given(personDecider, deactivated).when({ type: 'SetPassword', reason: 'RESET_BY_ADMIN' }, admin).thenFails('INVALID_STATE', { currentState: 'DEACTIVATED' });
    given(personDecider, deactivated)
      .when({ type: 'ReactivatePerson' }, admin)
      .thenEmits([{ type: 'PersonReactivated', data: { personId } }]);
  });
});
