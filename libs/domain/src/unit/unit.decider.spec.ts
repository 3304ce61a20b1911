import type { UnitEvent } from '@zeren/events';
import { actorFor, contextFor, given, OTHER_TENANT_ID } from '../shared/decider-spec';
import { unitDecider, type DeactivateUnit, type UnitCommand } from './unit.decider';

const STREET_ID = 'b0000000-0000-4000-8000-000000000010';
const COMMUNITY_ID = 'b0000000-0000-4000-8000-000000000011';
const OTHER_STREET_ID = 'b0000000-0000-4000-8000-000000000012';
const PERSON_ID = 'a0000000-0000-4000-8000-0000000000a1';
const NOW = '2026-03-02T02:00:00.000Z';
const admin = contextFor(actorFor('district_admin'), NOW);

const created: UnitEvent = {
  type: 'UnitCreated',
  data: { unitId: COMMUNITY_ID, parentUnitId: STREET_ID, name: '江滨社区', kind: 'COMMUNITY' },
};
const deactivated: UnitEvent = { type: 'UnitDeactivated', data: { unitId: COMMUNITY_ID, reason: '撤并' } };
const deactivate: DeactivateUnit = { type: 'DeactivateUnit', reason: '撤并', activeChildUnitCount: 0, openFindingCount: 0 };

describe('Unit', () => {
  it('creates a unit in the tree', () => {
    const state = given(unitDecider)
      .when({ type: 'CreateUnit', unitId: COMMUNITY_ID, parentUnitId: STREET_ID, name: ' 江滨社区 ', kind: 'COMMUNITY' }, admin)
      .thenEmits([created]);
    expect(state).toEqual({
      status: 'ACTIVE',
      version: 1,
      unitId: COMMUNITY_ID,
      parentUnitId: STREET_ID,
      name: '江滨社区',
      kind: 'COMMUNITY',
      leader: null,
      head: null,
      liaison: null,
      deactivationReason: null,
    });
  });

  it('creates a top-level unit', () => {
    given(unitDecider)
      .when({ type: 'CreateUnit', unitId: STREET_ID, parentUnitId: null, name: '白杨街道', kind: 'STREET' }, admin)
      .thenEmits([{ type: 'UnitCreated', data: { unitId: STREET_ID, parentUnitId: null, name: '白杨街道', kind: 'STREET' } }]);
  });

  it('refuses a unit that is its own parent, a second creation, and unknown kinds', () => {
    given(unitDecider)
      .when({ type: 'CreateUnit', unitId: STREET_ID, parentUnitId: STREET_ID, name: '白杨街道', kind: 'STREET' }, admin)
      .thenFails('VALIDATION_FAILED', { fields: { parentUnitId: expect.any(String) } });
    given(unitDecider, [created])
      .when({ type: 'CreateUnit', unitId: COMMUNITY_ID, parentUnitId: null, name: 'x', kind: 'STREET' }, admin)
      .thenFails('INVALID_STATE', { currentState: 'ACTIVE', command: 'CreateUnit' });
    given(unitDecider)
      .when({ type: 'CreateUnit', unitId: STREET_ID, parentUnitId: null, name: '白杨', kind: 'VILLAGE' } as unknown as UnitCommand, admin)
      .thenFails('VALIDATION_FAILED', { fields: { kind: expect.any(String) } });
  });

  it('renames, keeping the previous name in the event', () => {
    const state = given(unitDecider, [created])
      .when({ type: 'RenameUnit', name: '江滨新社区' }, admin)
      .thenEmits([{ type: 'UnitRenamed', data: { unitId: COMMUNITY_ID, previousName: '江滨社区', name: '江滨新社区' } }]);
    expect(state).toMatchObject({ name: '江滨新社区', version: 2 });
    given(unitDecider, [created]).when({ type: 'RenameUnit', name: '江滨社区' }, admin).thenFails('VALIDATION_FAILED');
  });

  it('moves under another parent', () => {
    const state = given(unitDecider, [created])
      .when({ type: 'MoveUnit', toParentUnitId: OTHER_STREET_ID, toParentAncestorIds: [] }, admin)
      .thenEmits([{ type: 'UnitMoved', data: { unitId: COMMUNITY_ID, fromParentUnitId: STREET_ID, toParentUnitId: OTHER_STREET_ID } }]);
    expect(state).toMatchObject({ parentUnitId: OTHER_STREET_ID });
  });

  it('refuses moves that would make a cycle or change nothing', () => {
    const street: UnitEvent = { type: 'UnitCreated', data: { unitId: STREET_ID, parentUnitId: null, name: '白杨街道', kind: 'STREET' } };
    given(unitDecider, [street])
      .when({ type: 'MoveUnit', toParentUnitId: COMMUNITY_ID, toParentAncestorIds: [STREET_ID] }, admin)
      .thenFails('VALIDATION_FAILED', { fields: { toParentUnitId: expect.stringContaining('descendants') } });
    given(unitDecider, [street])
      .when({ type: 'MoveUnit', toParentUnitId: STREET_ID, toParentAncestorIds: [] }, admin)
      .thenFails('VALIDATION_FAILED');
    given(unitDecider, [created])
      .when({ type: 'MoveUnit', toParentUnitId: STREET_ID, toParentAncestorIds: [] }, admin)
      .thenFails('VALIDATION_FAILED', { fields: { toParentUnitId: 'the unit already has this parent' } });
  });

  it.each([
    ['AssignUnitLeader', 'UnitLeaderAssigned', 'leader'],
    ['AssignUnitHead', 'UnitHeadAssigned', 'head'],
    ['AssignUnitLiaison', 'UnitLiaisonAssigned', 'liaison'],
  ] as const)('%s names the person', (type, eventType, field) => {
    const state = given(unitDecider, [created])
      .when({ type, personId: PERSON_ID, name: '李华' }, admin)
      .thenEmits([{ type: eventType, data: { unitId: COMMUNITY_ID, personId: PERSON_ID, name: '李华' } }]);
    expect(state).toMatchObject({ [field]: { personId: PERSON_ID, name: '李华' } });
  });

  it('deactivates a unit with no active children and no open findings', () => {
    const state = given(unitDecider, [created]).when(deactivate, admin).thenEmits([deactivated]);
    expect(state).toMatchObject({ status: 'DEACTIVATED', deactivationReason: '撤并' });
    given(unitDecider, [created])
      .when({ ...deactivate, activeChildUnitCount: 2, openFindingCount: 1 }, admin)
      .thenFails('VALIDATION_FAILED', { fields: { activeChildUnitCount: expect.any(String), openFindingCount: expect.any(String) } });
  });

  it.each<UnitCommand>([
    { type: 'RenameUnit', name: '新名' },
    { type: 'MoveUnit', toParentUnitId: null, toParentAncestorIds: [] },
    { type: 'AssignUnitLiaison', personId: PERSON_ID, name: '李华' },
    deactivate,
  ])('refuses $type once deactivated', (command) => {
    const error = given(unitDecider, [created, deactivated])
      .when(command, admin)
      .thenFails('INVALID_STATE', { currentState: 'DEACTIVATED', command: command.type });
    expect(error.userMessage).toMatch(/^当前状态为「已停用」，不能/);
  });

  it('answers NOT_FOUND for a unit that was never created', () => {
    given(unitDecider).when({ type: 'RenameUnit', name: 'x' }, admin).thenFails('NOT_FOUND');
  });

  it.each(['city_inspector', 'unit_officer', 'auditor', 'platform_admin', 'service'] as const)('leaves the tree to the district office, not a %s', (role) => {
    given(unitDecider, [created]).when({ type: 'RenameUnit', name: '新名' }, contextFor(actorFor(role), NOW)).thenFails('NOT_ALLOWED');
  });

  it("refuses another district's admin", () => {
    given(unitDecider, [created])
      .when({ type: 'RenameUnit', name: '新名' }, contextFor(actorFor('district_admin'), NOW, OTHER_TENANT_ID))
      .thenFails('NOT_ALLOWED');
  });
});
