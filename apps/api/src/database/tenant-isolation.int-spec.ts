import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { appTransactions, createTestDatabase, withOwner, type TestDatabase } from '../../test/test-database';
import { probeMetadata, probeRegistry, registerTenants } from '../../test/probe-events';
import { EventStore } from '../event-store/event-store';
import type { ScopedTransactions } from './scoped-transactions';

/** Credentials, registries and bookkeeping that are deliberately not tenant-scoped (see their migrations). */
const NOT_TENANT_TABLES = ['accounts', 'sessions', 'api_token_credentials', 'cities', 'tenants', 'consumer_checkpoints', 'schema_migrations'];

let database: TestDatabase;
let dataSource: DataSource;
let transactions: ScopedTransactions;
const store = new EventStore(probeRegistry);
const tenantA = randomUUID();
const tenantB = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
  // Fewer connections than concurrent requests, so connections are reused between tenants.
  ({ dataSource, transactions } = await appTransactions(database, 4));
  await withOwner(database, (owner) => registerTenants(owner, [tenantA, tenantB]));
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

async function tenantTables(): Promise<Array<{ table: string; rls: boolean; forced: boolean; pk: string[] }>> {
  return withOwner(database, async (owner) => {
    const { rows } = await owner.query<{ table: string; rls: boolean; forced: boolean; pk: string[] }>(`
      SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
             ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS pk
        FROM pg_class c
        JOIN pg_namespace ns ON ns.oid = c.relnamespace AND ns.nspname = 'public'
        LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
       WHERE c.relkind = 'r'
         AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
       ORDER BY c.relname`);
    return rows.filter((row) => !NOT_TENANT_TABLES.includes(row.table));
  });
}

describe('row-level security, from the catalogue', () => {
  it('is enabled and forced on every table that has a tenant_id, and tenant_id leads its primary key', async () => {
    const tables = await tenantTables();
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(['events', 'idempotency_records', 'people', 'tenant_chain_heads']));
    for (const table of tables) {
      expect({ table: table.table, rls: table.rls, forced: table.forced, leading: table.pk[0] }).toEqual({ table: table.table, rls: true, forced: true, leading: 'tenant_id' });
    }
  });

  it('runs the API as a role that is not the owner, not superuser and cannot bypass RLS', async () => {
    const [role] = await dataSource.query<Array<{ rolsuper: boolean; rolbypassrls: boolean; owns: number }>>(
      `SELECT rolsuper, rolbypassrls, (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns FROM pg_roles r WHERE rolname = current_user`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0 });
  });

  it('shows no rows of any tenant table to a transaction without a scope', async () => {
    await transactions.run({ tenantIds: [tenantA] }, (sql) =>
      store.append(sql, { tenantId: tenantA, streamId: randomUUID(), expectedVersion: 0, events: [{ type: 'ProbeRecorded', data: { note: 'a' } }], metadata: probeMetadata }),
    );
    for (const { table } of await tenantTables()) {
      const [row] = await transactions.run({ tenantIds: [] }, (sql) => sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`));
      expect({ table, rows: row!.n }).toEqual({ table, rows: 0 });
    }
  });

  it('refuses writes into another tenant', async () => {
    const write = transactions.run({ tenantIds: [tenantA] }, (sql) =>
      sql.query(`INSERT INTO idempotency_records (tenant_id, key, request_hash, response) VALUES ($1, 'k', '\\x00', '{}')`, [tenantB]),
    );
    await expect(write).rejects.toThrow(/row-level security/);
  });
});

describe('pooled connections', () => {
  it('never carry one request’s tenant scope into another, even when requests fail mid-transaction', async () => {
    const streams = { [tenantA]: randomUUID(), [tenantB]: randomUUID() };
    for (const tenant of [tenantA, tenantB]) {
      await transactions.run({ tenantIds: [tenant] }, (sql) =>
        store.append(sql, { tenantId: tenant, streamId: streams[tenant]!, expectedVersion: 0, events: [{ type: 'ProbeRecorded', data: { note: tenant } }], metadata: probeMetadata }),
      );
    }
    const requests = Array.from({ length: 2000 }, (_, i) => {
      const tenant = i % 2 === 0 ? tenantA : tenantB;
      const failMidway = i % 7 === 0;
      // A statement PostgreSQL refuses leaves the transaction aborted on that connection until the rollback.
      const failInSql = i % 11 === 0;
      return transactions
        .run({ tenantIds: [tenant] }, async (sql) => {
          const rows = await sql.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM events');
          if (failMidway) throw new Error('boom');
          if (failInSql) await sql.query('SELECT 1 / 0');
          return rows.map((row) => row.tenant_id);
        })
        .then(
          (seen) => ({ tenant, seen, failed: false }),
          () => ({ tenant, seen: [] as string[], failed: true }),
        );
    });
    const outcomes = await Promise.all(requests);
    const failing = Array.from({ length: 2000 }, (_, i) => i).filter((i) => i % 7 === 0 || i % 11 === 0);
    expect(outcomes.filter((o) => o.failed)).toHaveLength(failing.length);
    for (const outcome of outcomes.filter((o) => !o.failed)) expect(outcome.seen).toEqual([outcome.tenant]);
    // After all that, a connection with no scope still sees nothing.
    const [leftover] = await dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM events');
    expect(leftover!.n).toBe(0);
  });
});
