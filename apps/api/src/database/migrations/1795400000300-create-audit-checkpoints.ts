import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from './row-security';

/**
 * Signed checkpoints of each tenant's chain head. Only the signature and the public key are
 * stored; the private key lives outside the database. Append-only like the events they vouch
 * for, so a checkpoint cannot be quietly withdrawn to hide a truncated or rewritten chain.
 */
export class CreateAuditCheckpoints1795400000300 implements MigrationInterface {
  name = 'CreateAuditCheckpoints1795400000300';

  async up(db: QueryRunner): Promise<void> {
    // The key id is part of the key so the same head can be signed again under a new key after a rotation.
    await db.query(`
      CREATE TABLE audit_checkpoints (
        tenant_id        uuid        NOT NULL,
        tenant_position  bigint      NOT NULL CHECK (tenant_position > 0),
        key_id           text        NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
        hash             bytea       NOT NULL CHECK (octet_length(hash) = 32),
        signed_at        timestamptz NOT NULL,
        public_key       text        NOT NULL CHECK (public_key LIKE '-----BEGIN PUBLIC KEY-----%'),
        signature        bytea       NOT NULL CHECK (octet_length(signature) = 64),
        PRIMARY KEY (tenant_id, tenant_position, key_id)
      )`);

    // zeren_refuse_event_change() names the events table in its message; this one names whichever table it guards.
    await db.query(`
      CREATE FUNCTION zeren_refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'ZR001';
      END $$`);
    await db.query(`CREATE TRIGGER audit_checkpoints_refuse_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
                    FOR EACH ROW EXECUTE FUNCTION zeren_refuse_append_only_change()`);
    await db.query(`CREATE TRIGGER audit_checkpoints_refuse_truncate BEFORE TRUNCATE ON audit_checkpoints
                    FOR EACH STATEMENT EXECUTE FUNCTION zeren_refuse_append_only_change()`);

    await enableTenantRowSecurity(db, 'audit_checkpoints');
    await db.query(`GRANT SELECT, INSERT ON audit_checkpoints TO zeren_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER audit_checkpoints_refuse_truncate ON audit_checkpoints`);
    await db.query(`DROP TABLE audit_checkpoints`);
    await db.query(`DROP FUNCTION zeren_refuse_append_only_change()`);
  }
}
