import type { Decider } from '@zeren/domain';
import type { RecordedEvent } from '@zeren/events';
import type { InlineProjection } from '../commands/projection-registry';
import type { Sql } from '../database/sql';

export interface EvolvingProjectionSpec<State, Event> {
  name: string;
  tables: readonly string[];
  handles: readonly string[];
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>;
  /** The stored state of the record, locked for this transaction; undefined before its first event. */
  load(sql: Sql, event: RecordedEvent): Promise<State | undefined>;
  /** Writes the evolved state (and whatever else the event adds: check-ins, periods). */
  save(sql: Sql, event: RecordedEvent, before: State, after: State): Promise<void>;
}

/**
 * A projection whose row holds the aggregate's whole state: each event is applied with the
 * domain's evolve, so the read model cannot drift from the rules by re-implementing them in SQL,
 * and a rebuild from the log gives the same rows.
 */
export function evolvingProjection<State, Event>(spec: EvolvingProjectionSpec<State, Event>): InlineProjection {
  return {
    name: spec.name,
    tables: spec.tables,
    handles: spec.handles,
    async apply(sql: Sql, event: RecordedEvent, known?: { decider: object; state: unknown }): Promise<void> {
      // The appending command folded the same decider over the same stream: its state is the row's.
      const before = known?.decider === spec.decider ? (known.state as State) : ((await spec.load(sql, event)) ?? spec.decider.initialState());
      const after = spec.decider.evolve(before, { type: event.type, data: event.data } as Event);
      await spec.save(sql, event, before, after);
    },
  };
}
