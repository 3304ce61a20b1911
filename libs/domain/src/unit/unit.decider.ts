import {
  UnitCreatedV1,
  UnitDeactivatedV1,
  UnitHeadAssignedV1,
  UnitLeaderAssignedV1,
  UnitLiaisonAssignedV1,
  UnitMovedV1,
  UnitRenamedV1,
  type UnitEvent,
  type UnitKind,
} from '@zeren/events';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { createEvent } from '../shared/create-event';
import type { Decider, DecisionContext, Role } from '../shared/decider';
import { assertValid } from '../shared/domain-error';

export type UnitStatus = 'ACTIVE' | 'DEACTIVATED';

export interface UnitPerson {
  personId: string;
  name: string;
}

export interface ExistingUnit {
  status: UnitStatus;
  version: number;
  unitId: string;
  parentUnitId: string | null;
  name: string;
  kind: UnitKind;
  leader: UnitPerson | null;
  head: UnitPerson | null;
  liaison: UnitPerson | null;
  deactivationReason: string | null;
}

export type UnitState = NotCreated | ExistingUnit;

export interface CreateUnit {
  type: 'CreateUnit';
  unitId: string;
  parentUnitId: string | null;
  name: string;
  kind: UnitKind;
}
export interface RenameUnit {
  type: 'RenameUnit';
  name: string;
}
export interface MoveUnit {
  type: 'MoveUnit';
  toParentUnitId: string | null;
  /** Every ancestor of the new parent, from the caller's unit tree; needed to refuse cycles. */
  toParentAncestorIds: readonly string[];
}
export interface AssignUnitLeader {
  type: 'AssignUnitLeader';
  personId: string;
  name: string;
}
export interface AssignUnitHead {
  type: 'AssignUnitHead';
  personId: string;
  name: string;
}
export interface AssignUnitLiaison {
  type: 'AssignUnitLiaison';
  personId: string;
  name: string;
}
export interface DeactivateUnit {
  type: 'DeactivateUnit';
  reason: string;
  /** From the caller's projections: a unit with active children or open findings stays active. */
  activeChildUnitCount: number;
  openFindingCount: number;
}

export type UnitCommand =
  | CreateUnit
  | RenameUnit
  | MoveUnit
  | AssignUnitLeader
  | AssignUnitHead
  | AssignUnitLiaison
  | DeactivateUnit;

/** Only the district office manages its unit tree. */
export const UNIT_COMMAND_ROLES: Record<UnitCommand['type'], readonly Role[]> = {
  CreateUnit: ['district_admin'],
  RenameUnit: ['district_admin'],
  MoveUnit: ['district_admin'],
  AssignUnitLeader: ['district_admin'],
  AssignUnitHead: ['district_admin'],
  AssignUnitLiaison: ['district_admin'],
  DeactivateUnit: ['district_admin'],
};

const guard = new CommandGuard<UnitStatus, UnitCommand['type']>({
  aggregate: 'Unit',
  states: { NONE: '未创建', ACTIVE: '启用', DEACTIVATED: '已停用' },
  commands: {
    CreateUnit: '创建单位',
    RenameUnit: '修改单位名称',
    MoveUnit: '调整上级单位',
    AssignUnitLeader: '指定分管领导',
    AssignUnitHead: '指定主要负责人',
    AssignUnitLiaison: '指定联络员',
    DeactivateUnit: '停用单位',
  },
});

function decide(state: UnitState, command: UnitCommand, context: DecisionContext): UnitEvent[] {
  guard.requireRole(context, UNIT_COMMAND_ROLES[command.type], command.type);
  if (command.type === 'CreateUnit') {
    guard.requireState(state.status, ['NONE'], command.type);
    assertValid([['parentUnitId', command.parentUnitId !== command.unitId, 'a unit cannot be its own parent']]);
    const { unitId, parentUnitId, name, kind } = command;
    return [createEvent(UnitCreatedV1, { unitId, parentUnitId, name, kind })];
  }

  const unit = guard.existing(state, command.type);
  guard.requireState(unit.status, ['ACTIVE'], command.type);
  const { unitId } = unit;
  switch (command.type) {
    case 'RenameUnit': {
      const event = createEvent(UnitRenamedV1, { unitId, previousName: unit.name, name: command.name });
      assertValid([['name', event.data.name !== unit.name, 'the new name equals the current name']]);
      return [event];
    }
    case 'MoveUnit': {
      const { toParentUnitId, toParentAncestorIds } = command;
      assertValid([
        ['toParentUnitId', toParentUnitId !== unit.parentUnitId, 'the unit already has this parent'],
        [
          'toParentUnitId',
          toParentUnitId !== unitId && !toParentAncestorIds.includes(unitId),
          'a unit cannot be moved under itself or one of its descendants',
        ],
      ]);
      return [createEvent(UnitMovedV1, { unitId, fromParentUnitId: unit.parentUnitId, toParentUnitId })];
    }
    case 'AssignUnitLeader':
      return [createEvent(UnitLeaderAssignedV1, { unitId, personId: command.personId, name: command.name })];
    case 'AssignUnitHead':
      return [createEvent(UnitHeadAssignedV1, { unitId, personId: command.personId, name: command.name })];
    case 'AssignUnitLiaison':
      return [createEvent(UnitLiaisonAssignedV1, { unitId, personId: command.personId, name: command.name })];
    case 'DeactivateUnit':
      assertValid([
        ['activeChildUnitCount', command.activeChildUnitCount === 0, 'deactivate or move the child units first'],
        ['openFindingCount', command.openFindingCount === 0, 'reassign or close its open findings first'],
      ]);
      return [createEvent(UnitDeactivatedV1, { unitId, reason: command.reason })];
  }
}

function evolve(state: UnitState, event: UnitEvent): UnitState {
  const version = state.version + 1;
  if (event.type === 'UnitCreated') {
    return {
      status: 'ACTIVE',
      version,
      ...event.data,
      leader: null,
      head: null,
      liaison: null,
      deactivationReason: null,
    };
  }
  if (state.status === 'NONE') return { ...state, version };
  switch (event.type) {
    case 'UnitRenamed':
      return { ...state, version, name: event.data.name };
    case 'UnitMoved':
      return { ...state, version, parentUnitId: event.data.toParentUnitId };
    case 'UnitLeaderAssigned':
      return { ...state, version, leader: { personId: event.data.personId, name: event.data.name } };
    case 'UnitHeadAssigned':
      return { ...state, version, head: { personId: event.data.personId, name: event.data.name } };
    case 'UnitLiaisonAssigned':
      return { ...state, version, liaison: { personId: event.data.personId, name: event.data.name } };
    case 'UnitDeactivated':
      return { ...state, version, status: 'DEACTIVATED', deactivationReason: event.data.reason };
  }
}

export const unitDecider: Decider<UnitState, UnitCommand, UnitEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide,
  evolve,
};
