import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { eventCatalogue } from '@zeren/events';
import type { Client } from 'pg';
import { withClient } from '../bench-environment';
import { timed } from '../measure';
import { checkRow, contextRow, floorRow, format, ratioRow, type BenchResult, type FigureRow } from '../report';
import type { BenchContext } from './bench-context';
import { nodeCpuUs, processCpu, type ProcessCpu } from '../process-cpu';
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

/**
 * CPU seconds so far of the PostgreSQL processes this process started (the embedded server; those
 * that ended count through their parent's cutime), without the data set's API server's own
 * connections; null when they cannot be seen from here (an external server, no /proc).
 */
function postgresCpuSeconds(): number | null {
  const processes: Array<ProcessCpu & { pid: number; title: string }> = [];
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number)) {
      const cpu = processCpu(pid);
      const title = cpu && commandLine(pid);
      // A process that ended while it was being read is left out.
      if (cpu && title !== null) processes.push({ ...cpu, pid, title });
    }
  } catch {
    return null;
  }
  const ours = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const candidate of processes) {
      if (ours.has(candidate.pid) || !ours.has(candidate.parent)) continue;
      ours.add(candidate.pid);
      grew = true;
    }
  }
  const server = processes.filter((candidate) => candidate.pid !== process.pid && ours.has(candidate.pid) && !candidate.title.startsWith('postgres: zeren_app'));
  return server.length > 0 ? server.reduce((sum, candidate) => sum + candidate.seconds + candidate.endedChildrenSeconds, 0) : null;
}

function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
}

export async function projectionRebuildBench(context: BenchContext): Promise<BenchResult> {
  const { log } = context;
  const dataSet = await context.dataSet('chain');
  const projections = dataSet.server.app.get(ProjectionRegistry).all();
  const tables = [...new Set(projections.flatMap((projection) => projection.tables))];
  log(`bench 5: replaying the million-event data set into fresh copies of ${tables.length} tables`);
  const nodeBefore = nodeCpuUs();
  const postgresBefore = postgresCpuSeconds();
  const report = await withClient(dataSet.ownerUrl, (owner) => replayProjections(owner, eventCatalogue, projections, (message) => log(`  ${message}`)));
  const postgresAfter = postgresCpuSeconds();
  const nodeUs = (nodeCpuUs() - nodeBefore) / report.events;
  const postgresUs = postgresBefore !== null && postgresAfter !== null ? ((postgresAfter - postgresBefore) * 1e6) / report.events : null;
  const cores = availableParallelism();
  const copy = await withClient(dataSet.ownerUrl, (owner) => copyRows(owner, tables));
  const unequal = report.differences.filter((difference) => difference.onlyLive > 0 || difference.onlyRebuilt > 0);
  const rows: FigureRow[] = [
    contextRow('data', `${dataSet.districts.length} districts`, `${report.events.toLocaleString('en')} events in the log`),
    floorRow('events replayed per second', report.eventsPerSecond, 20_000, 'events/s'),
  ];
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
    contextRow('CPU per replayed event', `Node ${format.micros(nodeUs)}${postgresUs === null ? '' : ` · PostgreSQL ${format.micros(postgresUs)}`}`),
  );
  return {
    id: 'rebuild',
    title: '5. Projection rebuild',
    rows,
    notes: [
      'replayProjections (apps/api/src/maintenance/projection-replay.ts) replays every chain from its first event, in chain order, into tables LIKE the live ones (indexes included), two connections taking whole chains side by side; then it compares them with the live tables with EXCEPT ALL (not timed). The findings projection, nearly all the events, folds its streams in memory with the domain\'s evolve and writes each table\'s rows many to a statement (INSERT … SELECT FROM unnest, the statement the live path sends with one row); units and inspections save each event\'s state from memory, one statement each; the other projections apply each event as the append path does; the webhook outbox, a side effect, does not run.',
      `The live tables of this data set were built by the bulk data path with the same code (projectTenantChain), so here equality shows the replay is deterministic; that it gives what the product's append path gives is shown by \`npm run bench -- datagen-check\` (see the preface) and apps/api/src/maintenance/projection-replay.int-spec.ts.`,
      `What limits the rate is CPU, not round trips: one event cost ${format.micros(nodeUs)} of Node CPU (parsing the event rows, folding, serialising the rows' parameters; the event loop is one thread)` +
        (postgresUs === null
          ? ', and PostgreSQL the rest of the cores inserting the rows into tables with all their indexes.'
          : ` and ${format.micros(postgresUs)} of PostgreSQL's (reading the events, inserting ${'seconds' in copy ? copy.rows.toLocaleString('en') : 'the'} rows into tables with all their indexes, and the comparison after; every server process but the API server's connections); on this machine's ${cores} cores ${format.micros(nodeUs + postgresUs)} per event allows at most ${format.rate((cores * 1e6) / (nodeUs + postgresUs), 'events/s')} even if the work split perfectly and nothing else ran.`) +
        ' Work from other processes on the machine comes straight off the measured rate (see the load average at the end).',
      'The COPY baseline loads the same rows from files on the server, table after table on one connection, into tables of the same shape; its rate in events/s is the replayed events over the COPY time.',
    ],
  };
}
