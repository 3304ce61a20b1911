import {
  canonicalEventContent,
  type EventMetadata,
  type EventRegistry,
  type PendingEvent,
  type RecordedEvent,
} from '@zeren/events';
import type { Sql } from '../database/sql';
import { translateAppendError } from './event-store.errors';

export interface AppendRequest {
  tenantId: string;
  streamId: string;
  /** The version the caller read; 0 for a new stream. */
  expectedVersion: number;
  events: readonly PendingEvent[];
  metadata: EventMetadata;
  /** Defaults to now; one instant for every event of the command. */
  recordedAt?: Date;
}

export interface AppendResult {
  nextExpectedVersion: number;
  /** The events exactly as stored, for the inline projections of the same transaction. */
  recorded: RecordedEvent[];
}

export interface EventRow {
  position: string;
  tenant_position: string;
  tenant_id: string;
  stream_type: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
  effective_at: Date | null;
  transaction_id: string;
  prev_hash: Buffer;
  hash: Buffer;
}

export const EVENT_COLUMNS = `position, tenant_position, tenant_id, stream_type, stream_id, version, type, schema_version,
  data, metadata, recorded_at, effective_at, transaction_id, prev_hash, hash`;

/** What folding a stream needs of each event (a decision, time travel): not its place in the chain, its hashes or metadata. */
export type StreamEvent = Pick<RecordedEvent, 'version' | 'type' | 'schemaVersion' | 'data' | 'recordedAt'>;

type StreamEventRow = Pick<EventRow, 'version' | 'type' | 'schema_version' | 'data' | 'recorded_at'>;

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    position: BigInt(row.position),
    tenantPosition: BigInt(row.tenant_position),
    tenantId: row.tenant_id,
    streamType: row.stream_type,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    effectiveAt: row.effective_at,
    transactionId: BigInt(row.transaction_id),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The append-only log. Appends validate each payload against its published schema, compute the
 * canonical bytes the chain hashes, and hand everything to zeren_append in one statement.
 * Reads upcast old payload versions to the current one.
 */
export class EventStore {
  constructor(private readonly registry: EventRegistry) {}

  async append(sql: Sql, request: AppendRequest): Promise<AppendResult> {
    const tenantId = request.tenantId.toLowerCase();
    const streamId = request.streamId.toLowerCase();
    const recordedAt = (request.recordedAt ?? new Date()).toISOString();
    // Round-tripped through JSON so what is hashed is exactly what jsonb will hand back.
    const metadata = JSON.parse(JSON.stringify(request.metadata)) as EventMetadata;
    let streamType: string | undefined;
    const payload = request.events.map((event, index) => {
      const validated = this.registry.validate(event.type, event.data);
      if (streamType && streamType !== validated.streamType) {
        throw new Error(`One append may not mix stream types (${streamType}, ${validated.streamType})`);
      }
      streamType = validated.streamType;
      const data: unknown = JSON.parse(JSON.stringify(validated.data));
      const effectiveAt = event.effectiveAt ? event.effectiveAt.toISOString() : null;
      const canonical = canonicalEventContent({
        tenantId,
        streamType,
        streamId,
        version: request.expectedVersion + index + 1,
        type: event.type,
        schemaVersion: validated.schemaVersion,
        data,
        metadata,
        recordedAt,
        effectiveAt,
      });
      return { type: event.type, schemaVersion: validated.schemaVersion, data, metadata, recordedAt, effectiveAt, canonical };
    });
    if (!streamType) throw new Error('Nothing to append');

    let rows: Array<{
      out_position: string;
      out_tenant_position: string;
      out_version: number;
      out_prev_hash: Buffer;
      out_hash: Buffer;
      out_transaction_id: string;
    }>;
    try {
      rows = await sql.query(`SELECT * FROM zeren_append($1, $2, $3, $4, $5::jsonb)`, [
        tenantId,
        streamType,
        streamId,
        request.expectedVersion,
        JSON.stringify(payload),
      ]);
    } catch (error) {
      throw translateAppendError(error, streamId, tenantId);
    }
    const recorded = rows.map((row, index): RecordedEvent => {
      const event = payload[index]!;
      return {
        position: BigInt(row.out_position),
        tenantPosition: BigInt(row.out_tenant_position),
        tenantId,
        streamType: streamType!,
        streamId,
        version: row.out_version,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata,
        recordedAt: new Date(recordedAt),
        effectiveAt: event.effectiveAt ? new Date(event.effectiveAt) : null,
        transactionId: BigInt(row.out_transaction_id),
        prevHash: row.out_prev_hash,
        hash: row.out_hash,
      };
    });
    return { nextExpectedVersion: recorded[recorded.length - 1]!.version, recorded };
  }

  /**
   * A stream's events in version order; with asOf, only those recorded at or before that instant.
   * Only what a fold needs is read: a third of the bytes to send and decode of the whole rows.
   */
  async readStream(sql: Sql, tenantId: string, streamId: string, options: { asOf?: Date } = {}): Promise<StreamEvent[]> {
    const rows = await sql.query<StreamEventRow>(
      `SELECT version, type, schema_version, data, recorded_at FROM events
        WHERE tenant_id = $1 AND stream_id = $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3)
        ORDER BY version`,
      [tenantId, streamId, options.asOf ?? null],
    );
    return rows.map((row) => this.upcast({ version: row.version, type: row.type, schemaVersion: row.schema_version, data: row.data, recordedAt: row.recorded_at }));
  }

  /** A tenant's events in chain order after a tenant position. */
  async readTenantEvents(sql: Sql, tenantId: string, afterTenantPosition: bigint, limit: number): Promise<RecordedEvent[]> {
    const rows = await sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE tenant_id = $1 AND tenant_position > $2
        ORDER BY tenant_position LIMIT $3`,
      [tenantId, afterTenantPosition.toString(), limit],
    );
    return rows.map((row) => this.upcast(toRecordedEvent(row)));
  }

  upcast<Event extends Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>>(event: Event): Event {
    const data = this.registry.upcast(event.type, event.schemaVersion, event.data);
    return data === event.data ? event : { ...event, data };
  }
}
