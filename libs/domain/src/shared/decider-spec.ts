import type { Actor, Decider, DecisionContext, Role } from './decider';
import { fold } from './decider';
import { DomainError, type DomainErrorCode } from './domain-error';

/** Fixtures and a given / when / then harness for decider specs; not exported from the library. */
export const TEST_CITY_ID = 'c0000000-0000-4000-8000-000000000001';
export const TEST_TENANT_ID = 'd0000000-0000-4000-8000-000000000001';
export const OTHER_TENANT_ID = 'd0000000-0000-4000-8000-000000000002';

const ACTOR_IDS: Record<Role, string> = {
  platform_admin: 'e0000000-0000-4000-8000-000000000000',
  city_inspector: 'e0000000-0000-4000-8000-000000000001',
  district_admin: 'e0000000-0000-4000-8000-000000000002',
  unit_officer: 'e0000000-0000-4000-8000-000000000003',
  auditor: 'e0000000-0000-4000-8000-000000000004',
  service: 'e0000000-0000-4000-8000-000000000005',
};

/** City inspectors and platform admins belong to no tenant; everyone else to the test tenant. */
export function actorFor(role: Role, overrides: Partial<Actor> = {}): Actor {
  return {
    kind: role === 'service' ? 'service' : 'user',
    id: ACTOR_IDS[role],
    role,
    cityId: role === 'platform_admin' ? null : TEST_CITY_ID,
    tenantId: role === 'city_inspector' || role === 'platform_admin' ? null : TEST_TENANT_ID,
    unitId: null,
    ...overrides,
  };
}

export function contextFor(actor: Actor, now: string | Date, tenantId = TEST_TENANT_ID): DecisionContext {
  return { actor, now: typeof now === 'string' ? new Date(now) : now, tenantId };
}

export interface Then<State, Event> {
  /** Asserts exactly these events and returns the state after them. */
  thenEmits(expected: Event[]): State;
  /** Asserts a DomainError with this code (and details containing `details`) and returns it. */
  thenFails(code: DomainErrorCode, details?: Record<string, unknown>): DomainError;
}

export function given<State, Command, Event>(decider: Decider<State, Command, Event>, events: readonly Event[] = []) {
  const state = fold(decider, events);
  return {
    state,
    when(command: Command, context: DecisionContext): Then<State, Event> {
      return {
        thenEmits(expected) {
          const emitted = decider.decide(state, command, context);
          expect(emitted).toEqual(expected);
          return emitted.reduce(decider.evolve, state);
        },
        thenFails(code, details) {
          let emitted: Event[];
          try {
            emitted = decider.decide(state, command, context);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            const domainError = error as DomainError;
            expect(domainError.code).toBe(code);
            if (details) expect(domainError.details).toMatchObject(details);
            return domainError;
          }
          throw new Error(`Expected ${code}, but the command emitted ${JSON.stringify(emitted)}`);
        },
      };
    },
  };
}

/** Runs commands one after another through decide and evolve, returning every event emitted. */
export function play<State, Command, Event>(
  decider: Decider<State, Command, Event>,
  steps: ReadonlyArray<readonly [Command, DecisionContext]>,
  history: readonly Event[] = [],
): Event[] {
  const events = [...history];
  for (const [command, context] of steps) {
    events.push(...decider.decide(fold(decider, events), command, context));
  }
  return events;
}
