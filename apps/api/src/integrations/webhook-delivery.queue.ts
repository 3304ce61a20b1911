import type { Sql } from '../database/sql';
import { claimDue, type DeliveryOutcome, type DeliveryQueue, type LeasedDelivery, type RetryPolicy } from './delivery-queue';
import { webhookEventId } from './webhook.projections';
import { DELIVERY_ID_HEADER, EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature';

export interface WebhookDelivery extends LeasedDelivery {
  eventId: string;
  eventType: string;
  body: string;
  url: string;
  secret: string;
}

/**
 * A stream's deliveries to one endpoint go in stream order: a delivery waits while an earlier
 * version of its stream is still open (pending or in flight) for the same endpoint; one that was
 * delivered or dead-lettered no longer holds the next back.
 */
const IN_STREAM_ORDER = `NOT EXISTS (
  SELECT 1 FROM webhook_outbox earlier
   WHERE earlier.tenant_id = o.tenant_id AND earlier.endpoint_id = o.endpoint_id AND earlier.stream_id = o.stream_id
     AND earlier.stream_version < o.stream_version AND earlier.status IN ('PENDING', 'IN_FLIGHT'))`;

const RESPONSE_EXCERPT = 300;

export class WebhookDeliveryQueue implements DeliveryQueue<WebhookDelivery> {
  readonly name = 'webhooks';
  readonly table = 'webhook_outbox';
  /** Longer than a POST may take, so a live delivery is never claimed twice. */
  private readonly leaseMs: number;

  constructor(
    readonly policy: RetryPolicy,
    private readonly timeoutMs: number,
  ) {
    this.leaseMs = timeoutMs * 2 + 30_000;
  }

  async claim(sql: Sql, limit: number): Promise<WebhookDelivery[]> {
    const claimed = await claimDue<{ event_tenant_position: string; event_type: string; body: string }>(sql, this.table, {
      limit,
      leaseMs: this.leaseMs,
      condition: IN_STREAM_ORDER,
      returning: 'o.event_tenant_position, o.event_type, o.body',
    });
    if (claimed.length === 0) return [];
    const secrets = await sql.query<{ delivery_id: string; url: string; secret: string }>(
      'SELECT * FROM zeren_webhook_signing_secrets($1::uuid[], $2::uuid[], $3::uuid[])',
      [claimed.map((row) => row.tenant_id), claimed.map((row) => row.id), claimed.map((row) => row.lease_id)],
    );
    const signing = new Map(secrets.map((row) => [row.delivery_id, row]));
    // A row without a secret belongs to an endpoint disabled meanwhile; the disabling cancels it.
    return claimed.flatMap((row) => {
      const endpoint = signing.get(row.id);
      if (!endpoint) return [];
      return [
        {
          tenantId: row.tenant_id,
          id: row.id,
          leaseId: row.lease_id,
          attempts: row.attempts,
          eventId: webhookEventId(row.tenant_id, row.event_tenant_position),
          eventType: row.event_type,
          body: row.body,
          url: endpoint.url,
          secret: endpoint.secret,
        },
      ];
    });
  }

  async deliver(delivery: WebhookDelivery): Promise<DeliveryOutcome> {
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Zeren-Webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(delivery.secret, delivery.body, Math.floor(Date.now() / 1000)),
          [EVENT_ID_HEADER]: delivery.eventId,
          [DELIVERY_ID_HEADER]: delivery.id,
          [EVENT_TYPE_HEADER]: delivery.eventType,
        },
        body: delivery.body,
        // A redirect could downgrade to http or point inside the network; receivers give their final URL.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text().catch(() => '');
      if (response.status >= 200 && response.status < 300) return { delivered: true, statusCode: response.status };
      return { delivered: false, statusCode: response.status, error: `HTTP ${response.status}: ${text.slice(0, RESPONSE_EXCERPT)}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { delivered: false, statusCode: null, error: cause?.code ?? cause?.message ?? (error as Error).message };
    }
  }
}
