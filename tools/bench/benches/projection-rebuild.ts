import { eventCatalogue } from '@zeren/events';
import type { Client } from 'pg';
import { withClient } from '../bench-environment';
import { timed } from '../measure';
import { checkRow, contextRow, floorRow, format, ratioRow, type BenchResult, type FigureRow } from '../report';
import type { BenchContext } from './bench-context';
import { ProjectionRegistry, replayProjections } from '../api';

/**
 * Baseline: the rebuilt tables' rows loaded with COPY into empty tables of the same shape. The rows
 * are first written to files beside the cluster (not timed); server-side COPY needs a superuser,
 * which the embedded server gives. Returns the seconds the loading COPYs took, or why there are none.
 */
async function copyRows(owner: Client, tables: readonly string[]): Promise<{ seconds: number; rows: number } | { unavailable: string }> {
  const schema = `bench_copy_${Date.now()}`;
  try {
    const { rows } = await owner.query<{ data_directory: string }>('SHOW data_directory');
    const directory = rows[0]!.data_directory;
    await owner.query(`CREATE SCHEMA ${schema}`);
    let copied = 0;
    for (const table of tables) {
      await owner.query(`CREATE TABLE ${schema}.${table} (LIKE public.${table} INCLUDING ALL)`);
      const result = await owner.query(`COPY public.${table} TO '${directory}/${schema}_${table}.copy'`);
      copied += result.rowCount ?? 0;
    }
    const { seconds } = await timed(async () => {
      for (const table of tables) await owner.query(`COPY ${schema}.${table} FROM '${directory}/${schema}_${table}.copy'`);
    });
    for (const table of tables) await owner.query(`COPY (SELECT 1 WHERE false) TO '${directory}/${schema}_${table}.copy'`);
    return { seconds, rows: copied };
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  } finally {
    await owner.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

export async function projectionRebuildBench(context: BenchContext): Promise<BenchResult> {
  const { log } = context;
  const dataSet = await context.dataSet('base');
  const projections = dataSet.server.app.get(ProjectionRegistry).all();
  const tables = [...new Set(projections.flatMap((projection) => projection.tables))];
  log(`bench 5: replaying the base data set into fresh copies of ${tables.length} tables`);
  const report = await withClient(dataSet.ownerUrl, (owner) => replayProjections(owner, eventCatalogue, projections, (message) => log(`  ${message}`)));
  const copy = await withClient(dataSet.ownerUrl, (owner) => copyRows(owner, tables));
  const unequal = report.differences.filter((difference) => difference.onlyLive > 0 || difference.onlyRebuilt > 0);
  const rows: FigureRow[] = [floorRow('events replayed per second', report.eventsPerSecond, 20_000, 'events/s')];
  if ('seconds' in copy) {
    rows.push(ratioRow('replay vs COPY of the same rows', report.eventsPerSecond, 'COPY', report.events / copy.seconds, 0.1, 'events/s'));
  } else {
    rows.push(contextRow('replay vs COPY of the same rows', 'no baseline', `COPY unavailable: ${copy.unavailable}`));
  }
  rows.push(
    checkRow(
      'rebuilt tables equal the live ones',
      unequal.length === 0,
      unequal.length === 0 ? `${tables.length} tables, row for row` : unequal.map((difference) => `${difference.table}: ${difference.onlyLive} only live, ${difference.onlyRebuilt} only rebuilt`).join('; '),
    ),
    contextRow('replay time', `${report.seconds.toFixed(1)} s for ${report.events.toLocaleString('en')} events`, 'seconds' in copy ? `COPY: ${format.ms(copy.seconds * 1000)} for ${copy.rows.toLocaleString('en')} rows` : '—'),
  );
  return {
    id: 'rebuild',
    title: '5. Projection rebuild',
    rows,
    notes: [
      'replayProjections (apps/api/src/maintenance/projection-replay.ts) applies every inline projection, event by event in one transaction, into tables LIKE the live ones, then compares them with the live tables with EXCEPT ALL.',
      `Replayed over the base data set (${report.events.toLocaleString('en')} events: the generated ones and those the benchmarks before it appended through the product's own path), not a million: at the rate measured here a million events would take ${(1_000_000 / report.eventsPerSecond / 60).toFixed(0)} minutes, more than the whole run may. The rate per event does not depend on the log's length (the replay reads it in position order, 5,000 at a time).`,
      'Each event costs the projections one to four SQL statements, each a round trip to PostgreSQL: that, not hashing or parsing, is what limits the rate. Reaching 20,000 events/s needs projections that fold many events in memory and write each table in bulk (COPY or multi-row statements) during a rebuild — a change to the projection interface, not made here.',
    ],
  };
}
