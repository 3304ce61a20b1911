import { QueryFailedError, type DataSource, type QueryRunner } from 'typeorm';
import { PLATFORM_TENANT_ID } from '@zeren/events';
import { isUuid } from '@zeren/domain';
import type { Sql } from './sql';
import { StatementBatch, STATEMENT_SEPARATOR, type StatementClient } from './statement-batch';

/** The tenants one transaction may see and write; row-level security enforces it in the database. */
export interface TenantScope {
  tenantIds: readonly string[];
}

export class InvalidTenantScopeError extends Error {
  constructor(value: string) {
    super(`A tenant scope lists tenant ids only, not ${JSON.stringify(value)}`);
    this.name = 'InvalidTenantScopeError';
  }
}

/**
 * The scope as a SQL literal, so opening the transaction and setting the scope go to PostgreSQL as
 * one simple-protocol round trip (a parameterised statement cannot share a message with another).
 * Only ids that are uuids reach the text, so nothing from outside can end the literal.
 */
function scopeLiteral(scope: TenantScope): string {
  for (const id of scope.tenantIds) if (!isUuid(id)) throw new InvalidTenantScopeError(id);
  return `'{${scope.tenantIds.join(',')}}'`;
}

export interface TransactionOptions {
  /** The work asks exactly one statement: the transaction is then one round trip (a second is refused). */
  singleStatement?: boolean;
}

/** Opens a transaction with its tenant scope: two statements, sent with the transaction's first. */
const opening = (start: string, scope: string): string => [start, `SELECT set_config('zeren.tenant_ids', ${scope}, true)`].join(STATEMENT_SEPARATOR);

/**
 * Every database touch of a request runs in one transaction with its tenant scope set locally
 * (set_config(..., true)), so a pooled connection never carries one request's scope into another.
 * A request's statements are its latency: the transaction and its scope travel with the first
 * statement, and writes nobody reads the answer of travel with the next statement or the COMMIT.
 */
export class ScopedTransactions {
  /** @param replica a streaming replica for reads that may lag the primary a little; the primary when absent. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly replica: DataSource = dataSource,
  ) {}

  /** On the primary: every command, and reads that must see the caller's own writes. */
  async run<T>(scope: TenantScope, work: (sql: Sql) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.transaction(this.dataSource, opening('START TRANSACTION', scopeLiteral(scope)), work, options);
  }

  /** One statement's rows on the primary, the whole transaction one round trip: a record looked up by id. */
  lookup<Row>(scope: TenantScope, text: string, parameters: unknown[]): Promise<Row[]> {
    return this.run(scope, (sql) => sql.query<Row>(text, parameters), { singleStatement: true });
  }

  /**
   * Read-only work that may run on the replica (lists, statistics, exports). The transaction is
   * READ ONLY on the primary too, so work that writes fails the same way with or without a replica.
   */
  async read<T>(scope: TenantScope, work: (sql: Sql) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.transaction(this.replica, opening('START TRANSACTION READ ONLY', scopeLiteral(scope)), work, options);
  }

  /** Background jobs (consumers, scheduler, replay) work across every registered tenant. */
  runForAllTenants<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const everyTenant = `(SELECT array_append(coalesce(array_agg(id), '{}'), '${PLATFORM_TENANT_ID}'::uuid) FROM tenants)::text`;
    return this.transaction(this.dataSource, opening('START TRANSACTION', everyTenant), work);
  }

  private async transaction<T>(dataSource: DataSource, begin: string, work: (sql: Sql) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const runner = dataSource.createQueryRunner();
    // The driver's own client (TypeORM answers a message of several statements with nothing),
    // failing with TypeORM's error as every other query does.
    const client = (await runner.connect()) as StatementClient;
    const batch = new StatementBatch(
      {
        query: (text, parameters) =>
          client.query(text, parameters).catch((error: Error) => {
            throw new QueryFailedError(text, parameters, error);
          }),
      },
      begin,
      options.singleStatement,
    );
    let broken: Error | undefined;
    try {
      const result = await work(batch);
      await batch.commit();
      return result;
    } catch (error) {
      // ROLLBACK outside a transaction (a failed COMMIT already ended it) is only a warning. A
      // connection that cannot even roll back is not given back to the pool for reuse.
      if (batch.started) {
        await runner.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      }
      throw error;
    } finally {
      await (broken ? (runner as QueryRunner & { releasePostgresConnection(error: Error): Promise<void> }).releasePostgresConnection(broken) : runner.release());
    }
  }
}
