import { ResponsibilityItemAddedV1, ResponsibilityListCreatedV1, type ResponsibilityListEvent } from '@zeren/events';
import { actingContext } from '../abilities/actor';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { createEvent } from '../shared/create-event';
import type { Decider, DecisionContext, Role } from '../shared/decider';
import { assertValid } from '../shared/domain-error';

export interface ResponsiblePerson {
  personId: string | null;
  name: string;
}

export interface ResponsibilityItem {
  itemId: string;
  title: string;
  content: string;
  /** 第一责任人. */
  firstResponsible: ResponsiblePerson;
}

export interface ExistingResponsibilityList {
  status: 'ACTIVE';
  version: number;
  listId: string;
  unitId: string;
  year: number;
  title: string;
  items: ResponsibilityItem[];
}

export type ResponsibilityListState = NotCreated | ExistingResponsibilityList;

export interface CreateResponsibilityList {
  type: 'CreateResponsibilityList';
  listId: string;
  unitId: string;
  year: number;
  title: string;
}
export interface AddResponsibilityItem extends ResponsibilityItem {
  type: 'AddResponsibilityItem';
}
export type ResponsibilityListCommand = CreateResponsibilityList | AddResponsibilityItem;

/** A unit's 责任清单 is set by its district. */
export const RESPONSIBILITY_LIST_COMMAND_ROLES: Record<ResponsibilityListCommand['type'], readonly Role[]> = {
  CreateResponsibilityList: ['district_admin'],
  AddResponsibilityItem: ['district_admin'],
};

const guard = new CommandGuard<ExistingResponsibilityList['status'], ResponsibilityListCommand['type']>({
  aggregate: 'ResponsibilityList',
  states: { NONE: '未建立', ACTIVE: '已建立' },
  commands: { CreateResponsibilityList: '建立责任清单', AddResponsibilityItem: '添加责任事项' },
});

function decide(state: ResponsibilityListState, command: ResponsibilityListCommand, given: DecisionContext): ResponsibilityListEvent[] {
  const context = actingContext(given);
  guard.requireRole(context, RESPONSIBILITY_LIST_COMMAND_ROLES[command.type], command.type);
  if (command.type === 'CreateResponsibilityList') {
    guard.requireState(state.status, ['NONE'], command.type);
    const { type: _type, ...created } = command;
    return [createEvent(ResponsibilityListCreatedV1, created)];
  }
  const list = guard.existing(state, command.type);
  assertValid([['itemId', !list.items.some((item) => item.itemId === command.itemId), 'the list already has this item']]);
  const { type: _type, ...item } = command;
  return [createEvent(ResponsibilityItemAddedV1, { listId: list.listId, ...item })];
}

function evolve(state: ResponsibilityListState, event: ResponsibilityListEvent): ResponsibilityListState {
  const version = state.version + 1;
  if (event.type === 'ResponsibilityListCreated') return { status: 'ACTIVE', version, ...event.data, items: [] };
  if (state.status === 'NONE') return { ...state, version };
  const { listId: _listId, ...item } = event.data;
  return { ...state, version, items: [...state.items, item] };
}

export const responsibilityListDecider: Decider<ResponsibilityListState, ResponsibilityListCommand, ResponsibilityListEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide,
  evolve,
};
