import { PLATFORM_TENANT_ID, type EventRegistry } from '@zeren/events';
import type { Client } from 'pg';
import type { InlineProjection } from '../commands/projection-registry';
import type { Sql } from '../database/sql';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from '../event-store/event-store';
import { EventStore } from '../event-store/event-store';

export interface ReplayReport {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Per table: rows only in the live table, rows only in the rebuilt one. */
  differences: Array<{ table: string; onlyLive: number; onlyRebuilt: number }>;
}

const BATCH = 5000;

function asSql(client: Client): Sql {
  return { query: async <Row>(text: string, parameters?: unknown[]) => (await client.query(text, parameters)).rows as Row[] };
}

/**
 * Rebuilds every inline projection from the event log into a scratch schema (tables LIKE the live
 * ones, put first on the search path so the projections' unqualified SQL writes there), then
 * compares them with the live tables row by row. Runs as the owner, across every tenant.
 */
export async function replayProjections(
  owner: Client,
  registry: EventRegistry,
  projections: readonly InlineProjection[],
  log: (message: string) => void = () => undefined,
): Promise<ReplayReport> {
  const store = new EventStore(registry);
  const schema = `replay_${Date.now()}`;
  const tables = [...new Set(projections.flatMap((projection) => projection.tables))];
  const byType = new Map<string, InlineProjection[]>();
  for (const projection of projections) for (const type of projection.handles) byType.set(type, [...(byType.get(type) ?? []), projection]);

  await owner.query(`CREATE SCHEMA ${schema}`);
  try {
    for (const table of tables) await owner.query(`CREATE TABLE ${schema}.${table} (LIKE public.${table} INCLUDING ALL)`);
    const started = process.hrtime.bigint();
    let events = 0;
    await owner.query('BEGIN');
    await owner.query(`SELECT set_config('search_path', $1, true)`, [`${schema}, public`]);
    await owner.query(`SELECT set_config('zeren.tenant_ids', (SELECT array_append(coalesce(array_agg(id), '{}'), $1::uuid) FROM public.tenants)::text, true)`, [PLATFORM_TENANT_ID]);
    const sql = asSql(owner);
    let after = 0n;
    for (;;) {
      // Global position order replays each tenant's chain in order, which is all projections rely on.
      const { rows } = await owner.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM public.events WHERE position > $1 ORDER BY position LIMIT $2`, [after.toString(), BATCH]);
      for (const row of rows) {
        const event = store.upcast(toRecordedEvent(row));
        for (const projection of byType.get(event.type) ?? []) await projection.apply(sql, event);
      }
      events += rows.length;
      if (rows.length < BATCH) break;
      after = BigInt(rows[rows.length - 1]!.position);
      log(`replayed ${events} events`);
    }
    await owner.query('COMMIT');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const differences: ReplayReport['differences'] = [];
    for (const table of tables) {
      const { rows } = await owner.query<{ only_live: number; only_rebuilt: number }>(`
        SELECT (SELECT count(*)::int FROM (SELECT * FROM public.${table} EXCEPT ALL SELECT * FROM ${schema}.${table}) live) AS only_live,
               (SELECT count(*)::int FROM (SELECT * FROM ${schema}.${table} EXCEPT ALL SELECT * FROM public.${table}) rebuilt) AS only_rebuilt`);
      differences.push({ table, onlyLive: rows[0]!.only_live, onlyRebuilt: rows[0]!.only_rebuilt });
    }
    return { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : events, differences };
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await owner.query(`DROP SCHEMA ${schema} CASCADE`);
  }
}
