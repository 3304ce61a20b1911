import { Inject, Injectable } from '@nestjs/common';
import { ScopedTransactions } from '../database/scoped-transactions';
import type { Connection } from '../graphql/connection';
import { newestFirstPage } from './newest-first-page';
import { webhookEventId } from './webhook.projections';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookEndpointStatus } from './webhook.models';

interface EndpointRow {
  tenant_id: string;
  id: string;
  url: string;
  event_types: string[];
  description: string | null;
  status: WebhookEndpointStatus;
  created_at: Date;
  disabled_at: Date | null;
  version: number;
}

interface DeliveryRow {
  tenant_id: string;
  id: string;
  endpoint_id: string;
  event_tenant_position: string;
  event_type: string;
  stream_id: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  replay_of: string | null;
}

export type EndpointRecord = WebhookEndpoint & { tenantId: string };
export type DeliveryRecord = WebhookDelivery & { tenantId: string };

const ENDPOINT_COLUMNS = 'tenant_id, id, url, event_types, description, status, created_at, disabled_at, version';
const DELIVERY_COLUMNS = `tenant_id, id, endpoint_id, event_tenant_position, event_type, stream_id, status, attempts, next_attempt_at,
  last_attempt_at, last_status_code, last_error, delivered_at, created_at, replay_of`;

const toEndpoint = (row: EndpointRow): EndpointRecord => ({
  tenantId: row.tenant_id,
  id: row.id,
  url: row.url,
  eventTypes: row.event_types,
  description: row.description,
  status: row.status,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
  version: row.version,
});

const toDelivery = (row: DeliveryRow): DeliveryRecord => ({
  tenantId: row.tenant_id,
  id: row.id,
  endpointId: row.endpoint_id,
  eventId: webhookEventId(row.tenant_id, row.event_tenant_position),
  eventType: row.event_type,
  streamId: row.stream_id,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.status === WebhookDeliveryStatus.PENDING ? row.next_attempt_at : null,
  lastAttemptAt: row.last_attempt_at,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  deliveredAt: row.delivered_at,
  createdAt: row.created_at,
  replayOf: row.replay_of,
});

/**
 * Endpoints are read on the primary: an administrator lists them right after registering or
 * disabling one. Delivery lists go to the replica: the worker fills them asynchronously anyway,
 * so a replica's lag of a moment changes nothing a reader could rely on.
 */
@Injectable()
export class WebhooksRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  endpoints(tenantIds: readonly string[], id?: string): Promise<EndpointRecord[]> {
    return this.transactions.run({ tenantIds }, async (sql) => {
      const rows = await sql.query<EndpointRow>(
        `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE $1::uuid IS NULL OR id = $1 ORDER BY created_at DESC, id`,
        [id ?? null],
      );
      return rows.map(toEndpoint);
    });
  }

  /** On the primary: a replay decides on the delivery's current status. */
  delivery(tenantIds: readonly string[], id: string): Promise<DeliveryRecord | undefined> {
    return this.transactions.run({ tenantIds }, async (sql) => {
      const [row] = await sql.query<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_outbox WHERE id = $1`, [id]);
      return row ? toDelivery(row) : undefined;
    });
  }

  deliveries(
    endpoint: { tenantId: string; id: string },
    filter: { status: WebhookDeliveryStatus | null; first: number | undefined; after: string | null | undefined },
  ): Promise<Connection<WebhookDelivery>> {
    return this.transactions.read({ tenantIds: [endpoint.tenantId] }, (sql) =>
      newestFirstPage<DeliveryRow, WebhookDelivery>(
        sql,
        {
          from: 'webhook_outbox',
          where: 'tenant_id = $1 AND endpoint_id = $2 AND ($3::text IS NULL OR status = $3)',
          params: [endpoint.tenantId, endpoint.id, filter.status],
          columns: DELIVERY_COLUMNS,
        },
        filter,
        toDelivery,
      ),
    );
  }
}
