import type { DataSource, QueryRunner } from 'typeorm';
import { PLATFORM_TENANT_ID } from '@zeren/events';
import type { Sql } from './sql';

/** The tenants one transaction may see and write; row-level security enforces it in the database. */
export interface TenantScope {
  tenantIds: readonly string[];
}

function asSql(runner: QueryRunner): Sql {
  return { query: (text, parameters) => runner.query(text, parameters as unknown[]) };
}

function setTenantScope(scope: TenantScope): (sql: Sql) => Promise<unknown> {
  return (sql) => sql.query(`SELECT set_config('zeren.tenant_ids', $1, true)`, [`{${scope.tenantIds.join(',')}}`]);
}

/**
 * Every database touch of a request runs in one transaction with its tenant scope set locally
 * (set_config(..., true)), so a pooled connection never carries one request's scope into another.
 */
export class ScopedTransactions {
  /** @param replica a streaming replica for reads that may lag the primary a little; the primary when absent. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly replica: DataSource = dataSource,
  ) {}

  /** On the primary: every command, and reads that must see the caller's own writes. */
  run<T>(scope: TenantScope, work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.transaction(this.dataSource, setTenantScope(scope), work);
  }

  /**
   * Read-only work that may run on the replica (lists, statistics, exports). The transaction is
   * READ ONLY on the primary too, so work that writes fails the same way with or without a replica.
   */
  read<T>(scope: TenantScope, work: (sql: Sql) => Promise<T>): Promise<T> {
    const setScope = setTenantScope(scope);
    return this.transaction(this.replica, async (sql) => {
      await sql.query('SET TRANSACTION READ ONLY');
      await setScope(sql);
    }, work);
  }

  /** Background jobs (consumers, scheduler, replay) work across every registered tenant. */
  runForAllTenants<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.transaction(
      this.dataSource,
      (sql) =>
        sql.query(
          `SELECT set_config('zeren.tenant_ids',
             (SELECT array_append(coalesce(array_agg(id), '{}'), $1::uuid) FROM tenants)::text, true)`,
          [PLATFORM_TENANT_ID],
        ),
      work,
    );
  }

  private async transaction<T>(dataSource: DataSource, setScope: (sql: Sql) => Promise<unknown>, work: (sql: Sql) => Promise<T>): Promise<T> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const sql = asSql(runner);
      try {
        await setScope(sql);
        const result = await work(sql);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      }
    } finally {
      await runner.release();
    }
  }
}
