import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics count the status periods in force at an instant. Split by whether a period is still
 * current, each half is one index range per district (current: started by the instant; closed:
 * ended after it) carrying every column the counts read, so the count reads no table rows and no
 * periods of other instants.
 */
export class IndexStatistics1795400001000 implements MigrationInterface {
  name = 'IndexStatistics1795400001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX finding_status_periods_current ON finding_status_periods (tenant_id, valid_from)
        INCLUDE (finding_id, status, unit_id, inspection_id, deadline) WHERE valid_to IS NULL`);
    await db.query(`
      CREATE INDEX finding_status_periods_closed ON finding_status_periods (tenant_id, valid_to)
        INCLUDE (valid_from, finding_id, status, unit_id, inspection_id, deadline) WHERE valid_to IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX finding_status_periods_closed, finding_status_periods_current`);
  }
}
