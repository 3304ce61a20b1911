export type Role = 'platform_admin' | 'city_inspector' | 'district_admin' | 'unit_officer' | 'auditor' | 'service';

export interface Actor {
  kind: 'user' | 'service';
  id: string;
  role: Role;
  cityId: string | null;
  tenantId: string | null;
  unitId: string | null;
  /** Service accounts (API tokens): only reads… */
  readOnly?: boolean;
  /** …or only the operations named here. */
  operations?: readonly string[];
}

/** Everything a decision may depend on besides state and command; time only ever comes from here. */
export interface DecisionContext {
  actor: Actor;
  now: Date;
  /** The tenant whose stream is being decided on. */
  tenantId: string;
}

export interface Decider<State, Command, Event> {
  initialState(): State;
  decide(state: State, command: Command, context: DecisionContext): Event[];
  /** Total and deterministic: state derives from events only, so folding to any instant is time travel. */
  evolve(state: State, event: Event): State;
  /**
   * Event types that only tell people something (a 三色预警 the scheduler sends): a command read
   * before one of them is not stale for it, and is decided on the state after it. Any other event
   * since the version the client read is a CONFLICT.
   */
  readonly noticeEvents?: readonly string[];
}

export function fold<State, Event>(
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
