import type { RecordedEvent } from '@zeren/events';
import type { Sql } from '../database/sql';
import { EVENT_COLUMNS, type EventRow, type EventStore, toRecordedEvent } from '../event-store/event-store';
import type { RecordEvent } from './record-event.model';

/** One record's stream, optionally only up to a version or up to an instant (a record shown as of the past). */
export interface RecordStreamRef {
  tenantId: string;
  streamId: string;
  upToVersion?: number | null;
  /** Only events recorded at or before this instant. */
  asOf?: Date | null;
}

/**
 * The events of several records in one statement (a page of records asking for their history),
 * in version order per record, upcast to their current schema; row-level security limits tenants.
 */
export async function readRecordEvents(sql: Sql, store: EventStore, refs: readonly RecordStreamRef[]): Promise<RecordedEvent[][]> {
  if (refs.length === 0) return [];
  // The reference columns are named apart from the event's, which EVENT_COLUMNS lists unqualified.
  const rows = await sql.query<EventRow & { ref: string }>(
    `SELECT ${EVENT_COLUMNS}, r.ref FROM events e
       JOIN unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[]) WITH ORDINALITY AS r(ref_tenant_id, ref_stream_id, up_to, as_of, ref)
         ON e.tenant_id = r.ref_tenant_id AND e.stream_id = r.ref_stream_id
        AND (r.up_to IS NULL OR e.version <= r.up_to) AND (r.as_of IS NULL OR e.recorded_at <= r.as_of)
      ORDER BY r.ref, e.version`,
    [refs.map((ref) => ref.tenantId), refs.map((ref) => ref.streamId), refs.map((ref) => ref.upToVersion ?? null), refs.map((ref) => ref.asOf ?? null)],
  );
  const byRef: RecordedEvent[][] = refs.map(() => []);
  for (const row of rows) byRef[Number(row.ref) - 1]!.push(store.upcast(toRecordedEvent(row)));
  return byRef;
}

export function toRecordEvent(event: RecordedEvent): RecordEvent {
  return {
    position: event.position.toString(),
    streamId: event.streamId,
    streamType: event.streamType,
    version: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    actorId: event.metadata.actorId,
    actorRole: event.metadata.actorRole,
    recordedAt: event.recordedAt,
    effectiveAt: event.effectiveAt,
    data: event.data,
    hash: event.hash.toString('hex'),
  };
}
