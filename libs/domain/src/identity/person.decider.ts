import {
  PasswordSetV1,
  PersonDeactivatedV1,
  PersonReactivatedV1,
  PersonRegisteredV1,
  PersonRoleChangedV1,
  type PasswordSet,
  type PersonDeactivated,
  type PersonReactivated,
  type PersonRegistered,
  type PersonRoleChanged,
} from '@zeren/events';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { createEvent } from '../shared/create-event';
import type { Decider, DecisionContext, Role } from '../shared/decider';
import { assertValid } from '../shared/domain-error';

export type PersonRole = Exclude<Role, 'service'>;
export type PersonStatus = 'ACTIVE' | 'DEACTIVATED';
export type PersonEvent = PersonRegistered | PersonRoleChanged | PersonDeactivated | PersonReactivated | PasswordSet;

export interface ExistingPerson {
  status: PersonStatus;
  version: number;
  personId: string;
  username: string;
  displayName: string;
  role: PersonRole;
  cityId: string | null;
  tenantId: string | null;
  unitId: string | null;
  passwordSetCount: number;
}
export type PersonState = NotCreated | ExistingPerson;

export interface RegisterPerson {
  type: 'RegisterPerson';
  personId: string;
  username: string;
  displayName: string;
  role: PersonRole;
  cityId: string | null;
  tenantId: string | null;
  unitId: string | null;
  email: string | null;
  phone: string | null;
}
export interface ChangePersonRole {
  type: 'ChangePersonRole';
  role: PersonRole;
  unitId: string | null;
}
export interface DeactivatePerson {
  type: 'DeactivatePerson';
  reason: string;
}
export interface ReactivatePerson {
  type: 'ReactivatePerson';
}
export interface SetPassword {
  type: 'SetPassword';
  reason: 'INITIAL' | 'CHANGED_BY_SELF' | 'RESET_BY_ADMIN';
}
export type PersonCommand = RegisterPerson | ChangePersonRole | DeactivatePerson | ReactivatePerson | SetPassword;

const guard = new CommandGuard<PersonStatus, PersonCommand['type']>({
  aggregate: 'Person',
  states: { NONE: '不存在', ACTIVE: '在用', DEACTIVATED: '已停用' },
  commands: {
    RegisterPerson: '新增人员',
    ChangePersonRole: '调整角色',
    DeactivatePerson: '停用账号',
    ReactivatePerson: '恢复账号',
    SetPassword: '设置密码',
  },
});

/**
 * Where a role lives: platform admins nowhere, city inspectors in a city, everyone else in one
 * district, and unit officers also in one unit. Returns field errors, empty when the shape fits.
 */
export function roleShapeProblems(role: PersonRole, where: { cityId: string | null; tenantId: string | null; unitId: string | null }): Array<readonly [string, boolean, string]> {
  const needsCity = role === 'city_inspector';
  const needsTenant = role === 'district_admin' || role === 'unit_officer' || role === 'auditor';
  return [
    ['cityId', needsCity ? where.cityId !== null : role === 'platform_admin' ? where.cityId === null : true, needsCity ? '市级督查人员须属于一个市' : '平台管理员不属于任何市'],
    ['tenantId', needsTenant ? where.tenantId !== null : where.tenantId === null, needsTenant ? '该角色须属于一个区县' : '该角色不属于区县'],
    ['unitId', role === 'unit_officer' ? where.unitId !== null : where.unitId === null, role === 'unit_officer' ? '单位联络员须属于一个单位' : '只有单位联络员属于单位'],
  ] as const;
}

export const personDecider: Decider<PersonState, PersonCommand, PersonEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),

  decide(state, command, context: DecisionContext): PersonEvent[] {
    if (command.type === 'RegisterPerson') {
      guard.requireState(state.status, ['NONE'], command.type);
      assertValid(roleShapeProblems(command.role, command));
      const { type: _type, ...data } = command;
      return [
        createEvent(PersonRegisteredV1, { ...data, username: data.username.toLowerCase() }),
        createEvent(PasswordSetV1, { personId: command.personId, reason: 'INITIAL' }),
      ];
    }
    const person = guard.existing(state, command.type);
    switch (command.type) {
      case 'ChangePersonRole':
        guard.requireState(person.status, ['ACTIVE'], command.type);
        assertValid(roleShapeProblems(command.role, { cityId: person.cityId, tenantId: person.tenantId, unitId: command.unitId }));
        if (person.personId === context.actor.id) throw guard.notAllowed(command.type, 'nobody changes their own role', '不能调整自己的角色');
        return [createEvent(PersonRoleChangedV1, { personId: person.personId, role: command.role, unitId: command.unitId })];
      case 'DeactivatePerson':
        guard.requireState(person.status, ['ACTIVE'], command.type);
        if (person.personId === context.actor.id) throw guard.notAllowed(command.type, 'nobody deactivates themselves', '不能停用自己的账号');
        return [createEvent(PersonDeactivatedV1, { personId: person.personId, reason: command.reason })];
      case 'ReactivatePerson':
        guard.requireState(person.status, ['DEACTIVATED'], command.type);
        return [createEvent(PersonReactivatedV1, { personId: person.personId })];
      case 'SetPassword':
        guard.requireState(person.status, ['ACTIVE'], command.type);
        return [createEvent(PasswordSetV1, { personId: person.personId, reason: command.reason })];
    }
  },

  evolve(state, event): PersonState {
    const version = state.version + 1;
    if (event.type === 'PersonRegistered') {
      const { personId, username, displayName, role, cityId, tenantId, unitId } = event.data;
      return { status: 'ACTIVE', version, personId, username, displayName, role, cityId, tenantId, unitId, passwordSetCount: 0 };
    }
    if (state.status === 'NONE') return { ...state, version };
    switch (event.type) {
      case 'PersonRoleChanged':
        return { ...state, version, role: event.data.role, unitId: event.data.unitId };
      case 'PersonDeactivated':
        return { ...state, version, status: 'DEACTIVATED' };
      case 'PersonReactivated':
        return { ...state, version, status: 'ACTIVE' };
      case 'PasswordSet':
        return { ...state, version, passwordSetCount: state.passwordSetCount + 1 };
    }
  },
};
