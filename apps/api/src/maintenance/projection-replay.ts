import { PLATFORM_TENANT_ID, type EventRegistry } from '@zeren/events';
import { Client } from 'pg';
import type { InlineProjection, ProjectionRebuild } from '../commands/projection-registry';
import { EventStore } from '../event-store/event-store';
import { clientSql } from '../database/client-sql';

export interface ReplayReport {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Per table: rows only in the live table, rows only in the rebuilt one. */
  differences: Array<{ table: string; onlyLive: number; onlyRebuilt: number }>;
}

const READ_BATCH = 5000;
/** Rows a bulk fold may hold before they are written (memory); a chain's rows are written at its end in any case. */
const PENDING_ROWS_LIMIT = 50_000;

/** The projections a rebuild runs: those owning tables. The others are side effects (the webhook outbox), which must not run again. */
export function rebuiltProjections(projections: readonly InlineProjection[]): InlineProjection[] {
  return projections.filter((projection) => projection.tables.length > 0);
}

/**
 * Projects one tenant's chain from its first event, in chain order, into the tables the search
 * path finds first, which must hold none of the tenant's rows yet. A projection with a bulk fold
 * takes the events in memory and writes each table's rows in bulk (at the chain's end, or sooner
 * when it holds many); the others apply each event as the append path does. Either way each
 * projection sees the chain in order, and none reads another's tables, so the tables end as
 * applying the events one by one would leave them. Runs in the caller's transaction (the tenant
 * scope it sets is local to it); memory holds one tenant's streams at most.
 */
export async function projectTenantChain(
  owner: Client,
  store: EventStore,
  projections: readonly InlineProjection[],
  tenantId: string,
  pendingRowsLimit = PENDING_ROWS_LIMIT,
): Promise<number> {
  const sql = clientSql(owner);
  await sql.query(`SELECT set_config('zeren.tenant_ids', $1, true)`, [`{${tenantId}}`]);
  const folds = new Map<InlineProjection, ProjectionRebuild>();
  for (const projection of projections) {
    const fold = projection.rebuild?.();
    if (fold) folds.set(projection, fold);
  }
  const byType = new Map<string, InlineProjection[]>();
  for (const projection of projections) for (const type of projection.handles) byType.set(type, [...(byType.get(type) ?? []), projection]);

  let events = 0;
  for (let after = 0n; ; ) {
    const batch = await store.readTenantEvents(sql, tenantId, after, READ_BATCH);
    for (const event of batch) {
      for (const projection of byType.get(event.type) ?? []) {
        const fold = folds.get(projection);
        if (!fold) await projection.apply(sql, event);
        else {
          fold.fold(event);
          if (fold.pendingRows >= pendingRowsLimit) await fold.write(sql);
        }
      }
    }
    events += batch.length;
    if (batch.length < READ_BATCH) break;
    after = batch[batch.length - 1]!.tenantPosition;
  }
  for (const fold of folds.values()) await fold.write(sql);
  return events;
}

/** Connections replaying chains side by side: while one waits for PostgreSQL, Node folds another's events. */
const REPLAY_CONNECTIONS = 2;

/** Another connection as the same role to the same database. */
async function connectLike(client: Client): Promise<Client> {
  const { host, port, user, password, database, ssl } = client;
  const another = new Client({ host, port, user, password, database, ssl });
  await another.connect();
  return another;
}

/**
 * Rebuilds every inline projection from the event log into a scratch schema (tables LIKE the live
 * ones, put first on the search path so the projections' unqualified SQL writes there), then
 * compares them with the live tables row by row. Runs as the owner, across every tenant: the
 * owner's connection and another like it each take whole chains, in a transaction of their own.
 */
export async function replayProjections(
  owner: Client,
  registry: EventRegistry,
  projections: readonly InlineProjection[],
  log: (message: string) => void = () => undefined,
  pendingRowsLimit = PENDING_ROWS_LIMIT,
): Promise<ReplayReport> {
  const store = new EventStore(registry);
  const schema = `replay_${Date.now()}`;
  const rebuilt = rebuiltProjections(projections);
  const tables = [...new Set(rebuilt.flatMap((projection) => projection.tables))];
  const connections = [owner];

  await owner.query(`CREATE SCHEMA ${schema}`);
  try {
    for (const table of tables) await owner.query(`CREATE TABLE ${schema}.${table} (LIKE public.${table} INCLUDING ALL)`);
    const { rows: tenants } = await owner.query<{ id: string }>('SELECT id FROM public.tenants ORDER BY id');
    // Every chain: the platform's and each district's; each is replayed in its order, and they are independent.
    const chains = [PLATFORM_TENANT_ID, ...tenants.map((tenant) => tenant.id)];
    while (connections.length < REPLAY_CONNECTIONS) connections.push(await connectLike(owner));
    const started = process.hrtime.bigint();
    let events = 0;
    let next = 0;
    let failed = false;
    const replayChains = async (client: Client): Promise<void> => {
      await client.query('BEGIN');
      try {
        await client.query(`SELECT set_config('search_path', $1, true)`, [`${schema}, public`]);
        while (!failed && next < chains.length) {
          const replayed = await projectTenantChain(client, store, rebuilt, chains[next++]!, pendingRowsLimit);
          if (Math.floor((events + replayed) / 100_000) > Math.floor(events / 100_000)) log(`replayed ${(events + replayed).toLocaleString('en')} events`);
          events += replayed;
        }
        await client.query('COMMIT');
      } catch (error) {
        failed = true;
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    };
    const outcomes = await Promise.allSettled(connections.map(replayChains));
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const differences: ReplayReport['differences'] = [];
    for (const table of tables) {
      const { rows } = await owner.query<{ only_live: number; only_rebuilt: number }>(`
        SELECT (SELECT count(*)::int FROM (SELECT * FROM public.${table} EXCEPT ALL SELECT * FROM ${schema}.${table}) live) AS only_live,
               (SELECT count(*)::int FROM (SELECT * FROM ${schema}.${table} EXCEPT ALL SELECT * FROM public.${table}) rebuilt) AS only_rebuilt`);
      differences.push({ table, onlyLive: rows[0]!.only_live, onlyRebuilt: rows[0]!.only_rebuilt });
    }
    return { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : events, differences };
  } finally {
    for (const helper of connections.slice(1)) await helper.end();
    await owner.query(`DROP SCHEMA ${schema} CASCADE`);
  }
}
