import type { RecordedEvent } from '@zeren/events';
import type { ScopedTransactions } from '../database/scoped-transactions';
import type { Sql } from '../database/sql';
import { EVENT_COLUMNS, type EventRow, type EventStore, toRecordedEvent } from '../event-store/event-store';
import type { LiveEvent } from './live-events';

interface ReadPosition {
  transactionId: string;
  position: string;
}

/**
 * Follows the log from where it stood when this instance started, publishing committed events.
 * It reads like CheckpointedConsumer — (transaction_id, position) order, only transactions older
 * than the oldest one running — but keeps its position in memory: live notifications are for
 * whoever is connected now, so a restarted instance starts again from the head instead of
 * replaying what nobody is waiting for.
 */
export class LiveEventTail {
  private readPosition: ReadPosition | undefined;

  constructor(
    private readonly transactions: ScopedTransactions,
    private readonly store: EventStore,
    private readonly publish: (events: readonly LiveEvent[]) => void,
    private readonly batchSize = 500,
  ) {}

  /** Starts (or, with nobody listening, moves on) at the newest event every transaction can already see. */
  async skipToHead(): Promise<void> {
    this.readPosition = await this.transactions.runForAllTenants(async (sql) => {
      const [head] = await sql.query<{ transaction_id: string; position: string }>(
        // Ordered by the column, not the text alias: text puts '999' after '1000', and cannot use the index.
        `SELECT transaction_id::text AS transaction_id, position FROM events
          WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY events.transaction_id DESC, events.position DESC LIMIT 1`,
      );
      return head ? { transactionId: head.transaction_id, position: head.position } : { transactionId: '0', position: '0' };
    });
  }

  /** Publishes one batch; returns how many events it read (0 when caught up). */
  async pollOnce(): Promise<number> {
    const from = this.readPosition;
    if (!from) throw new Error('LiveEventTail.skipToHead() has not run');
    const events = await this.transactions.runForAllTenants(async (sql) => {
      const rows = await sql.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events
          WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
            AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY transaction_id, position
          LIMIT $3`,
        [from.transactionId, from.position, this.batchSize],
      );
      if (rows.length === 0) return [];
      const last = rows[rows.length - 1]!;
      this.readPosition = { transactionId: last.transaction_id, position: last.position };
      const recorded = rows.map((row) => this.store.upcast(toRecordedEvent(row)));
      return withFindingUnits(sql, recorded);
    });
    if (events.length > 0) this.publish(events);
    return events.length;
  }

  async pollUntilCaughtUp(): Promise<void> {
    while ((await this.pollOnce()) === this.batchSize) {
      // another full batch may follow
    }
  }
}

/**
 * Who may see a finding's event depends on the unit it is assigned to, which only its recording
 * and reassignments say. They are read from the log, so the feed needs no other area's tables.
 */
async function withFindingUnits(sql: Sql, events: readonly RecordedEvent[]): Promise<LiveEvent[]> {
  const findings = events.filter((event) => event.streamType === 'Finding');
  if (findings.length === 0) return events.map((event) => ({ event, unitId: null }));
  const assignments = await sql.query<{ tenant_id: string; stream_id: string; version: number; unit_id: string }>(
    `SELECT tenant_id, stream_id, version, coalesce(data->>'toUnitId', data->>'unitId') AS unit_id FROM events
      WHERE (tenant_id, stream_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
        AND type IN ('FindingRecorded', 'FindingReassigned')
      ORDER BY version`,
    [findings.map((event) => event.tenantId), findings.map((event) => event.streamId)],
  );
  const byFinding = new Map<string, typeof assignments>();
  for (const row of assignments) {
    const key = `${row.tenant_id}/${row.stream_id}`;
    byFinding.set(key, [...(byFinding.get(key) ?? []), row]);
  }
  // The last assignment at or before the event's version (rows are in version order).
  const unitAt = (event: RecordedEvent): string | null =>
    (byFinding.get(`${event.tenantId}/${event.streamId}`) ?? []).filter((row) => row.version <= event.version).at(-1)?.unit_id ?? null;
  return events.map((event) => ({ event, unitId: event.streamType === 'Finding' ? unitAt(event) : null }));
}
