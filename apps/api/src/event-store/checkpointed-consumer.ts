import type { RecordedEvent } from '@zeren/events';
import type { ScopedTransactions } from '../database/scoped-transactions';
import type { Sql } from '../database/sql';
import { EVENT_COLUMNS, type EventRow, type EventStore, toRecordedEvent } from './event-store';

export interface EventHandler {
  /** Names the checkpoint; renaming a handler makes it start from the beginning. */
  readonly name: string;
  /** Runs in the checkpoint's transaction: database work here commits exactly once with it. */
  handle(events: readonly RecordedEvent[], sql: Sql): Promise<void>;
}

/**
 * Reads committed events in (transaction_id, position) order, only from transactions older than
 * the oldest still running (pg_snapshot_xmin), so an event whose transaction commits after a later
 * one is never passed over: every event still to come has a transaction id at or above that horizon.
 */
export class CheckpointedConsumer {
  constructor(
    private readonly transactions: ScopedTransactions,
    private readonly store: EventStore,
    private readonly handler: EventHandler,
    private readonly batchSize = 500,
  ) {}

  get name(): string {
    return this.handler.name;
  }

  /** Handles one batch; returns how many events it handled (0 when caught up). */
  pollOnce(): Promise<number> {
    return this.transactions.runForAllTenants(async (sql) => {
      await sql.query(
        `INSERT INTO consumer_checkpoints (consumer, transaction_id, position) VALUES ($1, '0', 0)
           ON CONFLICT (consumer) DO NOTHING`,
        [this.handler.name],
      );
      // The row lock makes several instances of one consumer take turns instead of doubling work.
      const [checkpoint] = await sql.query<{ transaction_id: string; position: string }>(
        `SELECT transaction_id, position FROM consumer_checkpoints WHERE consumer = $1 FOR UPDATE`,
        [this.handler.name],
      );
      const rows = await sql.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events
          WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
            AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY transaction_id, position
          LIMIT $3`,
        [checkpoint!.transaction_id, checkpoint!.position, this.batchSize],
      );
      if (rows.length === 0) return 0;
      await this.handler.handle(
        rows.map((row) => this.store.upcast(toRecordedEvent(row))),
        sql,
      );
      const last = rows[rows.length - 1]!;
      await sql.query(
        `UPDATE consumer_checkpoints SET transaction_id = $2::xid8, position = $3, updated_at = now() WHERE consumer = $1`,
        [this.handler.name, last.transaction_id, last.position],
      );
      return rows.length;
    });
  }

  async pollUntilCaughtUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.pollOnce();
      total += handled;
      if (handled < this.batchSize) return total;
    }
  }
}
