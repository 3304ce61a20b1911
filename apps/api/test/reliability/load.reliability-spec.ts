import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, type ServerProcess } from '@zeren/testing';
import type { DistrictWorld } from '../fixtures/district';
import { recordFindingInput, startedInspection } from '../fixtures/rectification';
import { startApiProcess } from './api-process';
import { createPgCluster, type PgCluster } from './pg-cluster';
import { httpGraphQL, signInWith } from './rectification-world';
import { setUpDistrictWorld } from '../fixtures/district';

/** The part of autocannon's programmatic API used here (the package ships no types). */
interface LoadRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (request: LoadRequest) => LoadRequest;
  onResponse?: (status: number, body: string) => void;
}
interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: { url: string; connections: number; duration: number; overallRate?: number; timeout?: number; requests: LoadRequest[] }) => Promise<LoadResult>;

const LOAD_SECONDS = Number(process.env['LOAD_SECONDS'] ?? 300);
const WARM_UP_SECONDS = 20;
const CONNECTIONS = 16;
/** The API process's in-flight bound (ZEREN_MAX_IN_FLIGHT): twice the steady connections. */
const MAX_IN_FLIGHT = 2 * CONNECTIONS;

const folder = mkdtempSync(join(tmpdir(), 'zeren-load-'));
let cluster: PgCluster;
let api: ServerProcess;
let world: DistrictWorld;
let inspectionId: string;
/** Findings whose recording the API acknowledged (2xx with data). */
const acknowledged = new Set<string>();
const graphqlErrors = { count: 0 };

beforeAll(async () => {
  cluster = createPgCluster(join(folder, 'cluster'), await freePort());
  cluster.start();
  api = await startApiProcess(cluster, join(folder, 'app'), await freePort(), { ZEREN_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT), ZEREN_RETRY_AFTER_SECONDS: '1' });
  const call = httpGraphQL(api.url);
  world = await setUpDistrictWorld(call, signInWith(call));
  inspectionId = await startedInspection(call, world.districtAdmin.token, { kind: 'SELF_CHECK', unitIds: [world.unitA, world.unitB] });
});
afterAll(async () => {
  await api?.stop();
  cluster?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const rssBytes = (): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${api.child.pid}/status`, 'utf8'))![1]) * 1024;

/** Three reads (the ledger, the statistics, the viewer) to one write (a new finding with an idempotency key). */
function mixedRequests(): LoadRequest[] {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${world.districtAdmin.token}` };
  const read = (query: string): LoadRequest => ({
    method: 'POST',
    path: '/graphql',
    headers,
    body: JSON.stringify({ query }),
    onResponse: (status, body) => {
      if (status === 200 && body.includes('"errors"')) graphqlErrors.count++;
    },
  });
  return [
    read('{ findings(first: 20) { totalCount edges { node { id status deadline warningLevel } } } }'),
    read('{ viewer { id role } }'),
    read('{ findings(first: 5, filter: { overdue: true }) { totalCount } }'),
    {
      method: 'POST',
      path: '/graphql',
      headers,
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({
          query: 'mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }',
          variables: { input: recordFindingInput({ inspectionId, unitId: world.unitA, idempotencyKey: randomUUID() }) },
        }),
      }),
      onResponse: (status, body) => {
        if (status !== 200) return;
        const parsed = JSON.parse(body) as { data?: { recordFinding?: { id: string } }; errors?: unknown };
        if (parsed.data?.recordFinding) acknowledged.add(parsed.data.recordFinding.id);
        else graphqlErrors.count++;
      },
    },
  ];
}

const errorRate = (result: LoadResult): number => (result.non2xx + result.errors + result.timeouts) / Math.max(1, result.requests.total);

describe('load on loopback', () => {
  let capacity = 0;

  it(`holds mixed read/write load at the measured capacity for ${LOAD_SECONDS} s: errors < 0.1 %, memory growth < 10 %`, async () => {
    const warmUp = await autocannon({ url: api.url, connections: CONNECTIONS, duration: WARM_UP_SECONDS, requests: mixedRequests() });
    capacity = Math.floor(warmUp.requests.average);
    const rssAfterWarmUp = rssBytes();
    graphqlErrors.count = 0;
    const sustained = await autocannon({ url: api.url, connections: CONNECTIONS, duration: LOAD_SECONDS, overallRate: capacity, requests: mixedRequests() });
    const growth = (rssBytes() - rssAfterWarmUp) / rssAfterWarmUp;
    process.stdout.write(
      `load: capacity ${capacity} req/s; ${LOAD_SECONDS} s at it: ${sustained.requests.total} requests, ${sustained.requests.average} req/s, p50 ${sustained.latency.p50} ms, p99 ${sustained.latency.p99} ms, ` +
        `error rate ${(errorRate(sustained) * 100).toFixed(3)} %, GraphQL errors ${graphqlErrors.count}, memory growth ${(growth * 100).toFixed(1)} %\n`,
    );
    expect(capacity).toBeGreaterThan(0);
    expect(errorRate(sustained) + graphqlErrors.count / sustained.requests.total).toBeLessThan(0.001);
    expect(growth).toBeLessThan(0.1);
  });

  it('sheds load with 503 at twice the capacity, recovers within 30 s, and loses no acknowledged write', async () => {
    const overload = await autocannon({ url: api.url, connections: 8 * CONNECTIONS, duration: 20, overallRate: 2 * capacity, timeout: 30, requests: mixedRequests() });
    const shed = overload.statusCodeStats['503']?.count ?? 0;
    const started = Date.now();
    let recoveredAfterMs: number | undefined;
    while (Date.now() - started < 30_000) {
      const probe = await httpGraphQL(api.url)<{ viewer: { id: string } }>('{ viewer { id } }', {}, world.districtAdmin.token);
      if (probe.data?.viewer) {
        recoveredAfterMs = Date.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    process.stdout.write(`load: at 2x (${2 * capacity} req/s offered, ${8 * CONNECTIONS} connections) ${overload.requests.total} requests, ${shed} shed with 503, recovered after ${recoveredAfterMs} ms\n`);
    expect(shed).toBeGreaterThan(0);
    expect(Object.keys(overload.statusCodeStats).filter((status) => !['200', '503'].includes(status))).toEqual([]);
    expect(recoveredAfterMs).toBeLessThan(30_000);

    const owner = new Client({ connectionString: cluster.url('zeren') });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ count: number }>(`SELECT count(DISTINCT stream_id)::int AS count FROM events WHERE type = 'FindingRecorded' AND stream_id = ANY($1::uuid[])`, [[...acknowledged]]);
      expect(rows[0]!.count).toBe(acknowledged.size);
      process.stdout.write(`load: ${acknowledged.size} acknowledged writes, all present\n`);
    } finally {
      await owner.end();
    }
  });
});
