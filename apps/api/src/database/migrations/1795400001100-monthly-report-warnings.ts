import { PLATFORM_TENANT_ID } from '@zeren/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 分析研判月报告 warnings: a report's state now lists the colours the district was warned of. Rows
 * projected before are given the empty list their events fold to (none of them has a warning
 * event), so the live table equals a replay; the scheduler finds the reports still owed by index.
 */
export class MonthlyReportWarnings1795400001100 implements MigrationInterface {
  name = 'MonthlyReportWarnings1795400001100';

  async up(db: QueryRunner): Promise<void> {
    // Row-level security is forced on the table, for its owner too: open every tenant's scope.
    await db.query(
      `SELECT set_config('zeren.tenant_ids', (SELECT array_append(coalesce(array_agg(id), '{}'), $1::uuid) FROM tenants)::text, true)`,
      [PLATFORM_TENANT_ID],
    );
    await db.query(`
      UPDATE responsibility_records SET state = state || '{"warningsIssued": []}'::jsonb
       WHERE record_type = 'MonthlyReport' AND state->'warningsIssued' IS NULL`);
    await db.query(`
      CREATE INDEX responsibility_records_reports_owed ON responsibility_records ((state->>'dueDate'))
        WHERE record_type = 'MonthlyReport' AND status = 'DUE'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX responsibility_records_reports_owed`);
    await db.query(`UPDATE responsibility_records SET state = state - 'warningsIssued' WHERE record_type = 'MonthlyReport'`);
  }
}
