import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from './row-security';

/**
 * The annual responsibility cycle: 责任清单, 目标责任书, 重点工作项目 plans and 分析研判月报告, the
 * inline projection of their streams. Each row holds its aggregate's whole state (jsonb) as the
 * domain's evolve left it, plus the columns lists filter on: the stream type, the unit (null for a
 * district's own record), the year and the status.
 */
export class CreateResponsibility1795400000900 implements MigrationInterface {
  name = 'CreateResponsibility1795400000900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE responsibility_records (
        tenant_id    uuid        NOT NULL,
        id           uuid        NOT NULL,
        record_type  text        NOT NULL CHECK (record_type IN ('ResponsibilityList', 'TargetLetter', 'KeyProjectPlan', 'MonthlyReport')),
        unit_id      uuid,
        year         integer     NOT NULL,
        status       text        NOT NULL,
        state        jsonb       NOT NULL,
        version      integer     NOT NULL,
        created_at   timestamptz NOT NULL,
        updated_at   timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX responsibility_records_year ON responsibility_records (tenant_id, record_type, year, unit_id)`);
    await enableTenantRowSecurity(db, 'responsibility_records');
    await db.query(`GRANT SELECT, INSERT, UPDATE ON responsibility_records TO zeren_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE responsibility_records`);
  }
}
