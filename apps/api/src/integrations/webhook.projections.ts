import type { RecordedEvent, WebhookDeliveryReplayed, WebhookEndpointDisabled, WebhookEndpointRegistered } from '@zeren/events';
import type { InlineProjection } from '../commands/projection-registry';
import type { Sql } from '../database/sql';

/** The id receivers de-duplicate on: tenant and tenant position, which stay unique and ordered however the log is distributed. */
export function webhookEventId(tenantId: string, tenantPosition: bigint | string): string {
  return `${tenantId}:${tenantPosition}`;
}

/**
 * The JSON a receiver gets. Metadata (actor, request ids, client) stays inside: integrations get
 * the business fact, and the audit trail is where the who-and-how is read.
 */
export function webhookBody(event: RecordedEvent): string {
  return JSON.stringify({
    id: webhookEventId(event.tenantId, event.tenantPosition),
    type: event.type,
    schemaVersion: event.schemaVersion,
    tenantId: event.tenantId,
    streamType: event.streamType,
    streamId: event.streamId,
    version: event.version,
    recordedAt: event.recordedAt.toISOString(),
    effectiveAt: event.effectiveAt?.toISOString() ?? null,
    data: event.data,
  });
}

/** webhook_endpoints, from the WebhookEndpoint streams. */
export const webhookEndpointsProjection: InlineProjection = {
  name: 'webhook-endpoints',
  tables: ['webhook_endpoints'],
  handles: ['WebhookEndpointRegistered', 'WebhookEndpointDisabled', 'WebhookDeliveryReplayed'],

  async apply(sql: Sql, event: RecordedEvent): Promise<void> {
    switch (event.type) {
      case 'WebhookEndpointRegistered': {
        const data = event.data as WebhookEndpointRegistered['data'];
        await sql.query(
          `INSERT INTO webhook_endpoints (tenant_id, id, url, event_types, description, status, created_by, created_at, version)
           VALUES ($1, $2, $3, $4, $5, 'ACTIVE', $6, $7, $8)`,
          [event.tenantId, data.endpointId, data.url, data.eventTypes, data.description, event.metadata.actorId, event.recordedAt, event.version],
        );
        return;
      }
      case 'WebhookEndpointDisabled': {
        const data = event.data as WebhookEndpointDisabled['data'];
        await sql.query(`UPDATE webhook_endpoints SET status = 'DISABLED', disabled_at = $3, version = $4 WHERE tenant_id = $1 AND id = $2`, [
          event.tenantId,
          data.endpointId,
          event.recordedAt,
          event.version,
        ]);
        return;
      }
      case 'WebhookDeliveryReplayed': {
        const data = event.data as WebhookDeliveryReplayed['data'];
        await sql.query(`UPDATE webhook_endpoints SET version = $3 WHERE tenant_id = $1 AND id = $2`, [event.tenantId, data.endpointId, event.version]);
        return;
      }
    }
  },
};

/**
 * The webhook outbox, written in the transaction that appends the events, so an event is queued
 * for delivery exactly when it commits: a command that rolls back never delivers. Registered after
 * webhookEndpointsProjection, so an endpoint sees the events that follow its registration.
 *
 * It is a queue of side effects, not a read model: it owns no tables to rebuild (a rebuild must
 * not send the history again), and every insert is keyed so that applying an event twice, as a
 * rebuild does, queues nothing new.
 */
export function webhookOutboxProjection(eventTypes: readonly string[]): InlineProjection {
  return {
    name: 'webhook-outbox',
    tables: [],
    handles: eventTypes,

    async apply(sql: Sql, event: RecordedEvent): Promise<void> {
      if (event.type === 'WebhookDeliveryReplayed') {
        const data = event.data as WebhookDeliveryReplayed['data'];
        await sql.query(
          `INSERT INTO webhook_outbox (tenant_id, id, endpoint_id, event_tenant_position, event_type, stream_id, stream_version, body, replay_of)
           SELECT tenant_id, $3, endpoint_id, event_tenant_position, event_type, stream_id, stream_version, body, id
             FROM webhook_outbox WHERE tenant_id = $1 AND id = $2
           ON CONFLICT (tenant_id, id) DO NOTHING`,
          [event.tenantId, data.originalDeliveryId, data.deliveryId],
        );
        return;
      }
      if (event.type === 'WebhookEndpointDisabled') {
        // Whatever is not yet confirmed is called off; a POST already on its way may still arrive.
        const data = event.data as WebhookEndpointDisabled['data'];
        await sql.query(
          `UPDATE webhook_outbox SET status = 'CANCELLED', lease_id = NULL, lease_until = NULL
            WHERE tenant_id = $1 AND endpoint_id = $2 AND status IN ('PENDING', 'IN_FLIGHT')`,
          [event.tenantId, data.endpointId],
        );
      }
      await sql.query(
        `INSERT INTO webhook_outbox (tenant_id, id, endpoint_id, event_tenant_position, event_type, stream_id, stream_version, body)
         SELECT e.tenant_id, gen_random_uuid(), e.id, $2, $3, $4, $5, $6
           FROM webhook_endpoints e
          WHERE e.tenant_id = $1 AND e.status = 'ACTIVE' AND $3 = ANY (e.event_types)
         ON CONFLICT (tenant_id, endpoint_id, event_tenant_position) WHERE replay_of IS NULL DO NOTHING`,
        [event.tenantId, event.tenantPosition.toString(), event.type, event.streamId, event.version, webhookBody(event)],
      );
    },
  };
}
