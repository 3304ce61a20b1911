import type { Decider, NotCreated } from '@zeren/domain';
import { RecordNotFoundError } from '../commands/command-errors';
import type { ScopedTransactions } from '../database/scoped-transactions';
import type { EventStore, StreamEvent } from '../event-store/event-store';
import type { StoredRecord } from './record-commands';

export interface FoldedRecord<State> {
  state: State;
  /** The events folded, oldest first; at least one. */
  events: StreamEvent[];
}

/**
 * A record as it stood at an instant: its events recorded up to then, folded through the domain's
 * own evolve, never through a projection, so it is the reference the projections are tested
 * against. The caller has already checked that the record is visible; NOT_FOUND when it did not
 * exist yet at that instant.
 */
export async function recordAsOf<State extends NotCreated | { status: string }, Event>(
  transactions: ScopedTransactions,
  store: EventStore,
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  record: StoredRecord & { type: string },
  asOf: Date,
): Promise<FoldedRecord<Exclude<State, NotCreated>>> {
  const events = await transactions.read({ tenantIds: [record.tenantId] }, (sql) => store.readStream(sql, record.tenantId, record.id, { asOf }), { singleStatement: true });
  const state = events.reduce((folded, event) => decider.evolve(folded, { type: event.type, data: event.data } as Event), decider.initialState());
  if (state.status === 'NONE') throw new RecordNotFoundError(record.type, record.id);
  return { state: state as Exclude<State, NotCreated>, events };
}
