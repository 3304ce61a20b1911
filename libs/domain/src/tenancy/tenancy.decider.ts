import { CityCreatedV1, TenantCreatedV1, type CityCreated, type TenantCreated } from '@zeren/events';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { createEvent } from '../shared/create-event';
import type { Decider } from '../shared/decider';

/** Cities and districts are created once by the platform operator; their chains hold nothing else yet. */
export interface ExistingCity {
  status: 'ACTIVE';
  version: number;
  cityId: string;
  name: string;
  code: string;
}
export type CityState = NotCreated | ExistingCity;
export interface CreateCity {
  type: 'CreateCity';
  cityId: string;
  name: string;
  code: string;
}

export interface ExistingTenant {
  status: 'ACTIVE';
  version: number;
  tenantId: string;
  cityId: string;
  name: string;
  code: string;
}
export type TenantState = NotCreated | ExistingTenant;
export interface CreateTenant {
  type: 'CreateTenant';
  tenantId: string;
  cityId: string;
  name: string;
  code: string;
}

const cityGuard = new CommandGuard<'ACTIVE', 'CreateCity'>({
  aggregate: 'City',
  states: { NONE: '不存在', ACTIVE: '已建立' },
  commands: { CreateCity: '新建市' },
});
const tenantGuard = new CommandGuard<'ACTIVE', 'CreateTenant'>({
  aggregate: 'Tenant',
  states: { NONE: '不存在', ACTIVE: '已建立' },
  commands: { CreateTenant: '新建区县' },
});

export const cityDecider: Decider<CityState, CreateCity, CityCreated> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide(state, command) {
    cityGuard.requireState(state.status, ['NONE'], command.type);
    return [createEvent(CityCreatedV1, { cityId: command.cityId, name: command.name, code: command.code })];
  },
  evolve: (state, event) => ({ status: 'ACTIVE', version: state.version + 1, ...event.data }),
};

export const tenantDecider: Decider<TenantState, CreateTenant, TenantCreated> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide(state, command) {
    tenantGuard.requireState(state.status, ['NONE'], command.type);
    return [createEvent(TenantCreatedV1, { tenantId: command.tenantId, cityId: command.cityId, name: command.name, code: command.code })];
  },
  evolve: (state, event) => ({ status: 'ACTIVE', version: state.version + 1, ...event.data }),
};
