import type { Decider } from '@zeren/domain';
import type { RecordedEvent } from '@zeren/events';
import type { InlineProjection, ProjectionRebuild } from '../commands/projection-registry';
import type { Sql } from '../database/sql';

/** What each event of a rebuild writes, collected in memory and written in bulk. */
export interface BulkRows<State> {
  add(event: RecordedEvent, before: State, after: State): void;
  readonly pendingRows: number;
  write(sql: Sql): Promise<void>;
}

export interface EvolvingProjectionSpec<State, Event> {
  name: string;
  tables: readonly string[];
  handles: readonly string[];
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>;
  /** The stored state of the record, locked for this transaction; undefined before its first event. */
  load(sql: Sql, event: RecordedEvent): Promise<State | undefined>;
  /** Writes the evolved state (and whatever else the event adds: check-ins, periods). */
  save(sql: Sql, event: RecordedEvent, before: State, after: State): Promise<void>;
  /** The rebuild's bulk path, if it has one: what save writes, collected from the states in memory and written many rows at a time. */
  bulkRows?: () => BulkRows<State>;
}

/**
 * A projection whose row holds the aggregate's whole state: each event is applied with the
 * domain's evolve, so the read model cannot drift from the rules by re-implementing them in SQL,
 * and a rebuild from the log gives the same rows.
 */
export function evolvingProjection<State, Event>(spec: EvolvingProjectionSpec<State, Event>): InlineProjection {
  const evolve = (before: State, event: RecordedEvent): State => spec.decider.evolve(before, { type: event.type, data: event.data } as Event);
  return {
    name: spec.name,
    tables: spec.tables,
    handles: spec.handles,
    async apply(sql: Sql, event: RecordedEvent, known?: { decider: object; state: unknown }): Promise<void> {
      // The appending command folded the same decider over the same stream: its state is the row's.
      const before = known?.decider === spec.decider ? (known.state as State) : ((await spec.load(sql, event)) ?? spec.decider.initialState());
      await spec.save(sql, event, before, evolve(before, event));
    },
    rebuild(): ProjectionRebuild {
      // Every stream's state stays in memory: a rebuild never reads a row back to evolve it.
      const states = new Map<string, State>();
      const rows = spec.bulkRows?.() ?? orderedSaves(spec.save);
      return {
        fold(event) {
          const stream = `${event.tenantId}/${event.streamId}`;
          const before = states.get(stream) ?? spec.decider.initialState();
          const after = evolve(before, event);
          states.set(stream, after);
          rows.add(event, before, after);
        },
        get pendingRows() {
          return rows.pendingRows;
        },
        write: (sql) => rows.write(sql),
      };
    },
  };
}

/** Without a bulk path, a rebuild still saves each event's state, in order, but from memory instead of after a load. */
function orderedSaves<State>(save: EvolvingProjectionSpec<State, unknown>['save']): BulkRows<State> {
  let pending: Array<{ event: RecordedEvent; before: State; after: State }> = [];
  return {
    add: (event, before, after) => void pending.push({ event, before, after }),
    get pendingRows() {
      return pending.length;
    },
    async write(sql) {
      const saves = pending;
      pending = [];
      for (const { event, before, after } of saves) await save(sql, event, before, after);
    },
  };
}
