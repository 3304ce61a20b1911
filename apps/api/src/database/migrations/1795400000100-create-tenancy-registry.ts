import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cities and districts (tenants): small reference tables every instance reads to resolve scopes.
 * They hold no business data, so they are not tenant-scoped; they are projections of the
 * platform chain's City and Tenant events.
 */
export class CreateTenancyRegistry1795400000100 implements MigrationInterface {
  name = 'CreateTenancyRegistry1795400000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cities (
        id          uuid        PRIMARY KEY,
        name        text        NOT NULL,
        code        text        NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL,
        version     integer     NOT NULL
      )`);
    await db.query(`
      CREATE TABLE tenants (
        id          uuid        PRIMARY KEY,
        city_id     uuid        NOT NULL REFERENCES cities (id),
        name        text        NOT NULL,
        code        text        NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL,
        version     integer     NOT NULL
      )`);
    await db.query(`CREATE INDEX tenants_city ON tenants (city_id)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON cities, tenants TO zeren_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE tenants, cities`);
  }
}
