import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from './row-security';

/**
 * People and API tokens (projections of their events, under row-level security), and the
 * credentials behind them. Credentials are looked up before any tenant scope exists (that is what
 * sign-in is for), so they are not tenant-scoped; they hold only hashes and never enter an event.
 */
export class CreateIdentity1795400000200 implements MigrationInterface {
  name = 'CreateIdentity1795400000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE people (
        tenant_id      uuid        NOT NULL,
        id             uuid        NOT NULL,
        username       text        NOT NULL,
        display_name   text        NOT NULL,
        role           text        NOT NULL,
        city_id        uuid,
        home_tenant_id uuid,
        unit_id        uuid,
        email          text,
        phone          text,
        status         text        NOT NULL,
        version        integer     NOT NULL,
        created_at     timestamptz NOT NULL,
        updated_at     timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX people_unit ON people (tenant_id, unit_id)`);
    await db.query(`
      CREATE TABLE api_tokens (
        tenant_id       uuid        NOT NULL,
        id              uuid        NOT NULL,
        name            text        NOT NULL,
        scope_kind      text        NOT NULL CHECK (scope_kind IN ('TENANT', 'CITY')),
        scope_tenant_id uuid,
        scope_city_id   uuid,
        read_only       boolean     NOT NULL,
        operations      text[]      NOT NULL,
        expires_at      timestamptz NOT NULL,
        revoked_at      timestamptz,
        issued_by       uuid        NOT NULL,
        issued_at       timestamptz NOT NULL,
        version         integer     NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    for (const table of ['people', 'api_tokens']) {
      await enableTenantRowSecurity(db, table);
      await db.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO zeren_app`);
    }

    await db.query(`
      CREATE TABLE accounts (
        username             text        PRIMARY KEY,
        person_id            uuid        NOT NULL UNIQUE,
        tenant_id            uuid        NOT NULL,
        password_hash        text        NOT NULL,
        failed_attempts      integer     NOT NULL DEFAULT 0,
        locked_until         timestamptz,
        password_changed_at  timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE sessions (
        id            uuid        PRIMARY KEY,
        family_id     uuid        NOT NULL,
        person_id     uuid        NOT NULL,
        refresh_hash  bytea       NOT NULL UNIQUE,
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        rotated_at    timestamptz,
        revoked_at    timestamptz,
        user_agent    text
      )`);
    await db.query(`CREATE INDEX sessions_family ON sessions (family_id)`);
    await db.query(`CREATE INDEX sessions_person ON sessions (person_id)`);
    await db.query(`
      CREATE TABLE api_token_credentials (
        token_id      uuid        PRIMARY KEY,
        tenant_id     uuid        NOT NULL,
        secret_hash   bytea       NOT NULL,
        last_used_at  timestamptz
      )`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON accounts, sessions, api_token_credentials TO zeren_app`);

    // Authenticating a token happens before any scope exists: this function opens exactly the
    // token's own tenant for its one statement (the setting is local to that statement's transaction).
    await db.query(`
      CREATE FUNCTION zeren_api_token_for_authentication(p_token_id uuid)
      RETURNS TABLE (secret_hash bytea, last_used_at timestamptz, tenant_id uuid, name text, scope_kind text, scope_tenant_id uuid,
                     scope_city_id uuid, read_only boolean, operations text[], expires_at timestamptz, revoked_at timestamptz)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE v_tenant uuid;
      BEGIN
        SELECT c.tenant_id INTO v_tenant FROM api_token_credentials c WHERE c.token_id = p_token_id;
        IF v_tenant IS NULL THEN RETURN; END IF;
        PERFORM set_config('zeren.tenant_ids', '{' || v_tenant || '}', true);
        RETURN QUERY
          SELECT c.secret_hash, c.last_used_at, t.tenant_id, t.name, t.scope_kind, t.scope_tenant_id, t.scope_city_id,
                 t.read_only, t.operations, t.expires_at, t.revoked_at
            FROM api_token_credentials c JOIN api_tokens t ON t.tenant_id = c.tenant_id AND t.id = c.token_id
           WHERE c.token_id = p_token_id;
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION zeren_api_token_for_authentication(uuid) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION zeren_api_token_for_authentication(uuid) TO zeren_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION zeren_api_token_for_authentication(uuid)`);
    await db.query(`DROP TABLE api_token_credentials, sessions, accounts, api_tokens, people`);
  }
}
