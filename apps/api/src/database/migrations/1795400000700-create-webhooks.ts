import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from './row-security';

/** A delivery still to be sent (the worker's claim in integrations/delivery-queue.ts looks for these). */
const OPEN = `status IN ('PENDING', 'IN_FLIGHT')`;

/**
 * Webhooks: each district's endpoints (the inline projection of WebhookEndpoint streams), their
 * signing secrets, and the outbox of deliveries that the append transaction fills.
 *
 * The secret is needed in clear to sign (HMAC), so it cannot be hashed; it never enters an event,
 * and the runtime role may insert it but not read it back: only zeren_webhook_signing_secrets,
 * which hands a secret to the delivery worker holding a lease on a delivery to sign, reads it.
 */
export class CreateWebhooks1795400000700 implements MigrationInterface {
  name = 'CreateWebhooks1795400000700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoints (
        tenant_id    uuid        NOT NULL,
        id           uuid        NOT NULL,
        url          text        NOT NULL,
        event_types  text[]      NOT NULL,
        description  text,
        status       text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
        created_by   uuid        NOT NULL,
        created_at   timestamptz NOT NULL,
        disabled_at  timestamptz,
        version      integer     NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);

    await db.query(`
      CREATE TABLE webhook_secrets (
        tenant_id    uuid        NOT NULL,
        endpoint_id  uuid        NOT NULL,
        secret       text        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, endpoint_id),
        FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id)
      )`);

    /*
     * One row per (event, endpoint), or per replay. Keyed by the event's tenant position, never by
     * its global position (unique but unordered once distributed). stream_id and stream_version
     * keep a stream's deliveries to one endpoint in order; body is the exact JSON that is signed.
     */
    await db.query(`
      CREATE TABLE webhook_outbox (
        tenant_id              uuid        NOT NULL,
        id                     uuid        NOT NULL,
        endpoint_id            uuid        NOT NULL,
        event_tenant_position  bigint      NOT NULL,
        event_type             text        NOT NULL,
        stream_id              uuid        NOT NULL,
        stream_version         integer     NOT NULL,
        body                   text        NOT NULL,
        replay_of              uuid,
        status                 text        NOT NULL DEFAULT 'PENDING'
                                           CHECK (status IN ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'DEAD', 'CANCELLED')),
        attempts               integer     NOT NULL DEFAULT 0,
        next_attempt_at        timestamptz NOT NULL DEFAULT now(),
        lease_id               uuid,
        lease_until            timestamptz,
        last_attempt_at        timestamptz,
        last_status_code       integer,
        last_error             text,
        delivered_at           timestamptz,
        created_at             timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id)
      )`);
    // An event goes to an endpoint once (replays aside), however often the projection sees it.
    await db.query(`CREATE UNIQUE INDEX webhook_outbox_once ON webhook_outbox (tenant_id, endpoint_id, event_tenant_position) WHERE replay_of IS NULL`);
    await db.query(`CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at) WHERE ${OPEN}`);
    await db.query(`CREATE INDEX webhook_outbox_open_stream ON webhook_outbox (tenant_id, endpoint_id, stream_id, stream_version) WHERE ${OPEN}`);
    await db.query(`CREATE INDEX webhook_outbox_by_endpoint ON webhook_outbox (tenant_id, endpoint_id, created_at DESC, id DESC)`);

    for (const table of ['webhook_endpoints', 'webhook_secrets', 'webhook_outbox']) await enableTenantRowSecurity(db, table);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON webhook_endpoints, webhook_outbox TO zeren_app`);
    // Enough to see that a secret exists (and to count rows), never the secret itself.
    await db.query(`GRANT SELECT (tenant_id, endpoint_id, created_at), INSERT ON webhook_secrets TO zeren_app`);

    // A secret is handed out only with a delivery its caller holds the live lease of, to sign that delivery.
    await db.query(`
      CREATE FUNCTION zeren_webhook_signing_secrets(p_tenant_ids uuid[], p_delivery_ids uuid[], p_lease_ids uuid[])
      RETURNS TABLE (delivery_id uuid, url text, secret text)
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT o.id, e.url, s.secret
          FROM unnest(p_tenant_ids, p_delivery_ids, p_lease_ids) AS held (tenant_id, id, lease_id)
          JOIN webhook_outbox o ON o.tenant_id = held.tenant_id AND o.id = held.id AND o.lease_id = held.lease_id
                               AND o.status = 'IN_FLIGHT' AND o.lease_until > clock_timestamp()
          JOIN webhook_endpoints e ON e.tenant_id = o.tenant_id AND e.id = o.endpoint_id AND e.status = 'ACTIVE'
          JOIN webhook_secrets s ON s.tenant_id = o.tenant_id AND s.endpoint_id = o.endpoint_id
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION zeren_webhook_signing_secrets(uuid[], uuid[], uuid[]) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION zeren_webhook_signing_secrets(uuid[], uuid[], uuid[]) TO zeren_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION zeren_webhook_signing_secrets(uuid[], uuid[], uuid[])`);
    await db.query(`DROP TABLE webhook_outbox, webhook_secrets, webhook_endpoints`);
  }
}
