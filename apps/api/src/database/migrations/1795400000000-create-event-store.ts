import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from './row-security';

/**
 * The append-only event log, its per-tenant hash chain, the append function, tenant scoping for
 * row-level security, idempotency records and consumer checkpoints.
 */
export class CreateEventStore1795400000000 implements MigrationInterface {
  name = 'CreateEventStore1795400000000';

  async up(db: QueryRunner): Promise<void> {
    // The runtime role: no login until start-up gives it a password, never owner, never BYPASSRLS.
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zeren_app') THEN
          CREATE ROLE zeren_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
        END IF;
      END $$`);
    await db.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    await db.query(`GRANT USAGE ON SCHEMA public TO zeren_app`);
    await db.query(`GRANT SELECT ON schema_migrations TO zeren_app`);

    // The tenants a request may touch, set per transaction with set_config(..., true); unset sees nothing.
    await db.query(`
      CREATE FUNCTION zeren_scope_tenant_ids() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(nullif(current_setting('zeren.tenant_ids', true), ''), '{}')::uuid[]
      $$`);

    await db.query(`
      CREATE TABLE events (
        tenant_id        uuid        NOT NULL,
        tenant_position  bigint      NOT NULL CHECK (tenant_position > 0),
        position         bigint      GENERATED ALWAYS AS IDENTITY,
        stream_type      text        NOT NULL,
        stream_id        uuid        NOT NULL,
        version          integer     NOT NULL CHECK (version > 0),
        type             text        NOT NULL,
        schema_version   integer     NOT NULL CHECK (schema_version > 0),
        data             jsonb       NOT NULL,
        metadata         jsonb       NOT NULL,
        recorded_at      timestamptz NOT NULL,
        effective_at     timestamptz,
        transaction_id   xid8        NOT NULL DEFAULT pg_current_xact_id(),
        prev_hash        bytea       NOT NULL CHECK (octet_length(prev_hash) = 32),
        hash             bytea       NOT NULL CHECK (octet_length(hash) = 32),
        PRIMARY KEY (tenant_id, tenant_position),
        CONSTRAINT events_stream_version UNIQUE (tenant_id, stream_id, version)
      )`);
    await db.query(`CREATE UNIQUE INDEX events_position ON events (position)`);
    await db.query(`CREATE INDEX events_transaction_order ON events (transaction_id, position)`);
    await db.query(`CREATE INDEX events_tenant_type_time ON events (tenant_id, type, recorded_at)`);
    await db.query(`CREATE INDEX events_tenant_time ON events (tenant_id, recorded_at)`);
    await db.query(`CREATE INDEX events_tenant_actor_time ON events (tenant_id, (metadata->>'actorId'), recorded_at)`);

    // Each tenant's chain head; its row lock serialises appends per tenant.
    await db.query(`
      CREATE TABLE tenant_chain_heads (
        tenant_id       uuid   PRIMARY KEY,
        tenant_position bigint NOT NULL,
        hash            bytea  NOT NULL
      )`);

    // Append-only, even for the table owner: changes are refused by trigger as well as by grants.
    await db.query(`
      CREATE FUNCTION zeren_refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is refused', TG_OP USING ERRCODE = 'ZR001';
      END $$`);
    await db.query(`CREATE TRIGGER events_refuse_update_delete BEFORE UPDATE OR DELETE ON events
                    FOR EACH ROW EXECUTE FUNCTION zeren_refuse_event_change()`);
    await db.query(`CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events
                    FOR EACH STATEMENT EXECUTE FUNCTION zeren_refuse_event_change()`);

    /*
     * One round trip per append: locks the tenant's chain head (which also gives the transaction
     * its xid before the positions are drawn, so consumers ordering by (transaction_id, position)
     * never pass over it), checks the stream version, links and inserts the events.
     * p_events: [{type, schemaVersion, data, metadata, recordedAt, effectiveAt, canonical}], where
     * canonical is libs/events' canonicalEventContent of the event; the hash is computed here.
     */
    await db.query(`
      CREATE FUNCTION zeren_append(
        p_tenant_id uuid, p_stream_type text, p_stream_id uuid, p_expected_version integer, p_events jsonb
      ) RETURNS TABLE (out_position bigint, out_tenant_position bigint, out_version integer, out_prev_hash bytea, out_hash bytea, out_transaction_id xid8)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_head_position bigint;
        v_head_hash     bytea;
        v_actual        integer;
        v_event         jsonb;
        v_hash          bytea;
      BEGIN
        IF NOT p_tenant_id = ANY (zeren_scope_tenant_ids()) THEN
          RAISE EXCEPTION 'tenant % is outside this transaction''s scope', p_tenant_id USING ERRCODE = 'ZR403';
        END IF;
        IF jsonb_typeof(p_events) <> 'array' OR jsonb_array_length(p_events) = 0 THEN
          RAISE EXCEPTION 'nothing to append' USING ERRCODE = '22023';
        END IF;

        INSERT INTO tenant_chain_heads AS h (tenant_id, tenant_position, hash)
          VALUES (p_tenant_id, 0, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
          ON CONFLICT (tenant_id) DO NOTHING;
        SELECT h.tenant_position, h.hash INTO v_head_position, v_head_hash
          FROM tenant_chain_heads h WHERE h.tenant_id = p_tenant_id FOR UPDATE;

        SELECT coalesce(max(e.version), 0) INTO v_actual
          FROM events e WHERE e.tenant_id = p_tenant_id AND e.stream_id = p_stream_id;
        IF v_actual <> p_expected_version THEN
          RAISE EXCEPTION 'stream % is at version %, expected %', p_stream_id, v_actual, p_expected_version
            USING ERRCODE = 'ZR409', DETAIL = json_build_object('expected', p_expected_version, 'actual', v_actual)::text;
        END IF;

        FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
          v_head_position := v_head_position + 1;
          v_actual := v_actual + 1;
          v_hash := sha256(v_head_hash || convert_to(v_event->>'canonical', 'UTF8'));
          INSERT INTO events AS e (tenant_id, tenant_position, stream_type, stream_id, version, type, schema_version,
                                   data, metadata, recorded_at, effective_at, prev_hash, hash)
            VALUES (p_tenant_id, v_head_position, p_stream_type, p_stream_id, v_actual, v_event->>'type',
                    (v_event->>'schemaVersion')::integer, v_event->'data', v_event->'metadata',
                    (v_event->>'recordedAt')::timestamptz, (v_event->>'effectiveAt')::timestamptz, v_head_hash, v_hash)
            RETURNING e.position, e.tenant_position, e.version, e.prev_hash, e.hash, e.transaction_id
            INTO out_position, out_tenant_position, out_version, out_prev_hash, out_hash, out_transaction_id;
          v_head_hash := v_hash;
          RETURN NEXT;
        END LOOP;

        UPDATE tenant_chain_heads SET tenant_position = v_head_position, hash = v_head_hash WHERE tenant_id = p_tenant_id;
      END $$`);

    // The wake-up poller's only view of the log: how far it reaches, never what it holds.
    await db.query(`
      CREATE FUNCTION zeren_latest_position() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp AS $$ SELECT coalesce(max(position), 0) FROM events $$`);

    // A retried mutation finds its first answer here; written in the same transaction as its events.
    await db.query(`
      CREATE TABLE idempotency_records (
        tenant_id     uuid        NOT NULL,
        key           text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        request_hash  bytea       NOT NULL,
        response      jsonb       NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, key)
      )`);

    // Where each asynchronous consumer has read up to, in (transaction_id, position) order.
    await db.query(`
      CREATE TABLE consumer_checkpoints (
        consumer        text        PRIMARY KEY,
        transaction_id  xid8        NOT NULL,
        position        bigint      NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);

    for (const table of ['events', 'tenant_chain_heads', 'idempotency_records']) {
      await enableTenantRowSecurity(db, table);
    }
    await db.query(`GRANT SELECT ON events, tenant_chain_heads TO zeren_app`);
    await db.query(`GRANT SELECT, INSERT ON idempotency_records TO zeren_app`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON consumer_checkpoints TO zeren_app`);
    await db.query(`REVOKE ALL ON FUNCTION zeren_append(uuid, text, uuid, integer, jsonb) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION zeren_append(uuid, text, uuid, integer, jsonb) TO zeren_app`);
    await db.query(`GRANT EXECUTE ON FUNCTION zeren_scope_tenant_ids() TO zeren_app`);
    await db.query(`REVOKE ALL ON FUNCTION zeren_latest_position() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION zeren_latest_position() TO zeren_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE consumer_checkpoints, idempotency_records, tenant_chain_heads`);
    await db.query(`DROP TRIGGER events_refuse_truncate ON events`);
    await db.query(`DROP TABLE events`);
    await db.query(`DROP FUNCTION zeren_append(uuid, text, uuid, integer, jsonb)`);
    await db.query(`DROP FUNCTION zeren_latest_position()`);
    await db.query(`DROP FUNCTION zeren_refuse_event_change()`);
    await db.query(`DROP FUNCTION zeren_scope_tenant_ids()`);
  }
}
