import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from './row-security';

/**
 * 单位: the unit tree of each district, the inline projection of the Unit streams. ancestor_ids
 * (root first, nearest parent last) is kept by the projection so subtree queries and the cycle
 * check of MoveUnit need no recursive query.
 */
export class CreateUnits1795400000400 implements MigrationInterface {
  name = 'CreateUnits1795400000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE units (
        tenant_id            uuid        NOT NULL,
        id                   uuid        NOT NULL,
        parent_unit_id       uuid,
        name                 text        NOT NULL,
        kind                 text        NOT NULL,
        status               text        NOT NULL CHECK (status IN ('ACTIVE', 'DEACTIVATED')),
        leader_person_id     uuid,
        leader_name          text,
        head_person_id       uuid,
        head_name            text,
        liaison_person_id    uuid,
        liaison_name         text,
        deactivation_reason  text,
        ancestor_ids         uuid[]      NOT NULL,
        version              integer     NOT NULL,
        created_at           timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX units_parent ON units (tenant_id, parent_unit_id)`);
    await db.query(`CREATE INDEX units_ancestors ON units USING gin (ancestor_ids)`);
    await enableTenantRowSecurity(db, 'units');
    await db.query(`GRANT SELECT, INSERT, UPDATE ON units TO zeren_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE units`);
  }
}
