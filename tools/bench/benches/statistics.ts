import { findingDecider, rectificationFigures, rectificationFiguresBy, type FindingState, type FindingSummary } from '@zeren/domain';
import type { FindingEvent } from '@zeren/events';
import { withClient } from '../bench-environment';
import type { BenchDataSet } from '../datagen/bench-data-set';
import { graphql, signedInPerson } from '../graphql-session';
import { latencySummary } from '../measure';
import { ceilingRow, checkRow, contextRow, format, type BenchResult, type FigureRow } from '../report';
import type { BenchContext } from './bench-context';

const SAMPLES = 30;
const WARM_UP = 5;
/** A past instant inside the data: the end of March 2026, China time. */
const PAST = new Date('2026-03-31T15:59:59.000Z');

const STATISTICS = `query Statistics($cityId: ID!, $asOf: DateTime) {
  rectificationStatistics(scope: { cityId: $cityId }, asOf: $asOf) { asOf recorded rate overdue }
  districtRanking(cityId: $cityId, asOf: $asOf) { id rank rate overdue }
}`;

interface StatisticsAnswer {
  rectificationStatistics: { asOf: string; recorded: number; rate: number | null; overdue: number };
  districtRanking: Array<{ id: string; rank: number; rate: number | null; overdue: number }>;
}

/** Every finding of the city folded from its events up to `asOf` with the domain's own evolve. */
async function summariesFromEvents(dataSet: BenchDataSet, tenantIds: readonly string[], asOf: Date): Promise<FindingSummary[]> {
  const rows = await withClient(dataSet.ownerUrl, async (client) =>
    (
      await client.query<{ tenant_id: string; stream_id: string; type: string; data: unknown }>(
        `SELECT tenant_id, stream_id, type, data FROM events
          WHERE tenant_id = ANY($1::uuid[]) AND stream_type = 'Finding' AND recorded_at <= $2
          ORDER BY tenant_id, stream_id, version`,
        [tenantIds, asOf],
      )
    ).rows,
  );
  const states = new Map<string, { tenantId: string; state: FindingState }>();
  for (const row of rows) {
    const entry = states.get(row.stream_id) ?? { tenantId: row.tenant_id, state: findingDecider.initialState() };
    entry.state = findingDecider.evolve(entry.state, { type: row.type, data: row.data } as FindingEvent);
    states.set(row.stream_id, entry);
  }
  return [...states.values()].flatMap(({ tenantId, state }) =>
    state.status === 'NONE'
      ? []
      : [{ state: state.status, deadline: state.deadline, recordedAt: state.recordedAt, verifiedAt: state.verifiedAt, withdrawnAt: state.withdrawnAt, unitId: state.unitId, tenantId, inspectionId: state.inspectionId }],
  );
}

const sameRate = (left: number | null, right: number | null) => (left === null || right === null ? left === right : Math.abs(left - right) < 1e-9);

async function compareWithEvents(dataSet: BenchDataSet, tenantIds: readonly string[], answer: StatisticsAnswer): Promise<{ ok: boolean; detail: string }> {
  const asOf = new Date(answer.rectificationStatistics.asOf);
  const summaries = await summariesFromEvents(dataSet, tenantIds, asOf);
  const city = rectificationFigures(summaries, asOf);
  const byDistrict = rectificationFiguresBy(summaries, asOf, (summary) => summary.tenantId);
  const stats = answer.rectificationStatistics;
  const cityOk = stats.recorded === city.recorded && stats.overdue === city.overdue && sameRate(stats.rate, city.rectificationRate);
  const districtsOk = answer.districtRanking.every((district) => {
    const expected = byDistrict.get(district.id);
    return expected ? district.overdue === expected.overdue && sameRate(district.rate, expected.rectificationRate) : district.rate === null;
  });
  return {
    ok: cityOk && districtsOk,
    detail: `API ${stats.recorded} recorded, rate ${stats.rate?.toFixed(4)}, ${stats.overdue} overdue; from events ${city.recorded}, ${city.rectificationRate?.toFixed(4)}, ${city.overdue}; ${answer.districtRanking.length} districts ${districtsOk ? 'equal' : 'differ'}`,
  };
}

export async function statisticsBench(context: BenchContext): Promise<BenchResult> {
  const { log } = context;
  const dataSet = await context.dataSet('large');
  const city = dataSet.generator.layout.cities[0]!;
  const tenantIds = city.districts.map((district) => district.tenantId);
  const findings = context.scale === 1 ? '3,000' : `${Math.round(3000 * context.scale).toLocaleString('en')}`;
  log(`bench 3: statistics of ${city.name}, ${tenantIds.length} districts × ${findings} findings, as a city inspector`);
  const token = await signedInPerson(dataSet.server.url, { username: 'bench.inspector', role: 'city_inspector', cityId: city.cityId });
  const rows: FigureRow[] = [];
  for (const [label, asOf] of [['current', null], [`asOf ${PAST.toISOString().slice(0, 10)}`, PAST.toISOString()]] as const) {
    const latencies: number[] = [];
    let answer: StatisticsAnswer | undefined;
    // The first requests warm the connection pool and PostgreSQL's caches; they are not measured.
    for (let warmUp = 0; warmUp < WARM_UP; warmUp += 1) await graphql<StatisticsAnswer>(dataSet.server.url, STATISTICS, { cityId: city.cityId, asOf }, token);
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      const begin = process.hrtime.bigint();
      answer = await graphql<StatisticsAnswer>(dataSet.server.url, STATISTICS, { cityId: city.cityId, asOf }, token);
      latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
    }
    const { p50, p99 } = latencySummary(latencies);
    log(`  ${label}: p50 ${format.ms(p50)}, p99 ${format.ms(p99)}; recomputing from events`);
    const comparison = await compareWithEvents(dataSet, tenantIds, answer!);
    rows.push(
      ceilingRow(`${label}: rate, overdue and ranking (p99 of ${SAMPLES})`, p99, 100, format.ms, `p50 ${format.ms(p50)}`),
      checkRow(`${label}: equal to the figures recomputed from events`, comparison.ok, comparison.detail),
    );
  }
  rows.push(contextRow('data', `${tenantIds.length} districts × ${findings} findings`, `${dataSet.events.toLocaleString('en')} events in the database`));
  return {
    id: 'statistics',
    title: '3. Statistics',
    rows,
    notes: [
      'One GraphQL request (rectificationStatistics for the city and districtRanking) through the real API as a city inspector, sequentially, timed at the client over loopback.',
      'Where the time goes: two SQL statements per request (the city figures and the ranking), each reading the periods of finding_status_periods in force at the instant from two covering partial indexes and counting them by district, status and one bucket (signed off on time, or the warning colour on the instant\'s date in China time) in a hash aggregate; Node only turns the counts into figures. An earlier form joined every period to its finding and sorted them for five filtered counts: three times slower at this size. The count still grows with the city\'s findings: keeping the counts up to date in the projection would make it constant.',
      'The check folds every Finding stream of the city from the events table with the domain decider up to the answer\'s asOf and applies libs/domain rectificationFigures, for the city and for each district.',
    ],
  };
}
