import { withClient } from '../bench-environment';
import { SeededRandom } from '../datagen/seeded-random';
import type { BenchDataSet } from '../datagen/bench-data-set';
import { graphql, signedInPerson } from '../graphql-session';
import { latencySummary } from '../measure';
import { ceilingRow, contextRow, format, type BenchResult } from '../report';
import { messageGist, recordStatements } from '../statement-recorder';
import type { BenchContext } from './bench-context';

const SAMPLES = 500;
/** Reconstructions before the measured ones: the first run compiles the path (JIT), as in the statistics bench. */
const WARM_UP = 20;

const FINDING_AS_OF = `query FindingAsOf($id: ID!, $asOf: DateTime) { finding(id: $id, asOf: $asOf) { id asOf status checkInCount } }`;

export interface TimeTravelFigures {
  p50: number;
  p99: number;
  events: number;
  /** The messages one reconstruction sends PostgreSQL, by their statements' first words. */
  roundTrips: string[];
}

/** The 200-event finding, read through the API as of random instants within its life. */
export async function measureTimeTravel(dataSet: BenchDataSet, username: string, log: (message: string) => void): Promise<TimeTravelFigures> {
  const target = dataSet.generator.layout.longFinding;
  if (!target) throw new Error('the data set has no long finding');
  const { first, last, events } = await withClient(dataSet.ownerUrl, async (client) => {
    const { rows } = await client.query<{ first: Date; last: Date; events: number }>(
      `SELECT min(recorded_at) AS first, max(recorded_at) AS last, count(*)::int AS events FROM events WHERE tenant_id = $1 AND stream_id = $2`,
      [target.tenantId, target.findingId],
    );
    return rows[0]!;
  });
  const token = await signedInPerson(dataSet.server.url, { username, role: 'district_admin', tenantId: target.tenantId });
  const recorded = await recordStatements(() => graphql(dataSet.server.url, FINDING_AS_OF, { id: target.findingId, asOf: last.toISOString() }, token));
  // The request's own messages: the background pollers of the same process are left out.
  const roundTrips = recorded.filter((message) => !/consumer_checkpoints|webhook_outbox|notification_outbox|scheduler/i.test(message.text)).map(messageGist);
  log(`  one reconstruction is ${roundTrips.length} round trips: ${roundTrips.join(' ')}`);
  const random = new SeededRandom(4);
  for (let warmUp = 0; warmUp < WARM_UP; warmUp += 1) await graphql(dataSet.server.url, FINDING_AS_OF, { id: target.findingId, asOf: last.toISOString() }, token);
  const latencies: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const asOf = new Date(first.getTime() + Math.floor(random.next() * (last.getTime() - first.getTime() + 1))).toISOString();
    const begin = process.hrtime.bigint();
    await graphql(dataSet.server.url, FINDING_AS_OF, { id: target.findingId, asOf }, token);
    latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
    if ((sample + 1) % 100 === 0) log(`  ${sample + 1} of ${SAMPLES} reconstructions`);
  }
  return { ...latencySummary(latencies), events, roundTrips };
}

export async function timeTravelBench(context: BenchContext): Promise<BenchResult> {
  const dataSet = await context.dataSet('base');
  context.log('bench 4: one finding as of random instants');
  const figures = await measureTimeTravel(dataSet, 'bench.timetravel', context.log);
  return {
    id: 'time-travel',
    title: '4. Time travel',
    rows: [
      ceilingRow(`finding as of a random instant (p99 of ${SAMPLES})`, figures.p99, 10),
      contextRow('p50', format.ms(figures.p50)),
      contextRow('events in the finding', String(figures.events)),
    ],
    notes: [
      'GraphQL finding(id, asOf) through the real API as the district administrator, one request at a time, timed at the client over loopback: the stream read up to the instant and folded with the domain decider (apps/api/src/records/time-travel.ts).',
      `One reconstruction is ${figures.roundTrips.length} round trips to PostgreSQL, each a whole transaction in one message: ${figures.roundTrips.join(' ')} — the finding as the caller may see it (row-level security and the read ability), then its events up to the instant. The stream is read with only what the fold needs (version, type, schema version, data, recorded time): not the hashes, metadata and positions, a third of the bytes. The rest is HTTP, GraphQL and the fold of the events in Node.`,
      `The first ${WARM_UP} reconstructions are not measured (they compile the path). The tail is the collector: the benchmark's client, the server and its background pollers share one Node process, whose young-generation collections (every ~100 ms at this rate, 4–6 ms each, measured with --trace-gc) stall the requests that meet them; no memory is retained (a full collection after 500 requests frees all but ~1 MB).`,
    ],
  };
}
