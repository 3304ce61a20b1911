import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventCatalogue } from '@zeren/events';
import { freePort, type ServerProcess } from '@zeren/testing';
import { ProjectionRegistry } from '../../src/commands/projection-registry';
import { verifyTenantChain } from '../../src/audit/chain-verification';
import { clientSql } from '../../src/database/client-sql';
import { loadConfig } from '../../src/config/app-config';
import { JsonLogger } from '../../src/logging/json-logger';
import { replayProjections } from '../../src/maintenance/projection-replay';
import { startServer } from '../../src/server';
import type { DistrictWorld } from '../fixtures/district';
import { TEST_ADMIN_PASSWORD, TEST_JWT_SECRET } from '../test-app';
import { APP_DB_PASSWORD, startApiProcess } from './api-process';
import { createPgCluster, type PgCluster } from './pg-cluster';
import { CHECK_IN, httpGraphQL, plannedFindings, signInWith, type PlannedFinding } from './rectification-world';

const CLIENTS = Number(process.env["RELIABILITY_CLIENTS"] ?? 1000);
const API_KILLS = 10;
const DATABASE_CRASHES = 3;

const folder = mkdtempSync(join(tmpdir(), 'zeren-crash-'));
let cluster: PgCluster;
let api: ServerProcess;
let apiPort: number;
let world: DistrictWorld;
let findings: PlannedFinding[];
/** Every check-in the API acknowledged: idempotency key → the version it answered. */
const acknowledged = new Map<string, { findingId: string; version: number }>();
const figures = { sent: 0, retried: 0, kills: 0, databaseCrashes: 0, inFlightAtCrash: 0, unexpectedExits: 0 };
/** Check-ins sent and not yet answered, at any moment. */
let inFlight = 0;
const log = (message: string): void => void process.stdout.write(`[crash] ${new Date().toISOString()} ${message}\n`);
const RETRY_FOR_MS = 300_000;
/** Ten restarts with a thousand clients each: longer than one ordinary test. */
const RUNS_TIMEOUT_MS = 15 * 60_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  cluster = createPgCluster(join(folder, 'cluster'), await freePort());
  cluster.start();
  apiPort = await freePort();
  api = await startApiProcess(cluster, join(folder, 'app'), apiPort);
  const call = httpGraphQL(api.url);
  ({ world, findings } = await plannedFindings(call, signInWith(call), CLIENTS, 16));
  log(`${findings.length} findings planned`);
});

afterAll(async () => {
  await api?.stop();
  cluster?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * One client per finding: checks in once with its key, retrying the very same request (same key,
 * same expected version) through any failure until the API acknowledges it.
 */
async function checkInUntilAcknowledged(finding: PlannedFinding, run: number): Promise<void> {
  const key = `crash-run-${run}-${finding.id}`;
  const input = { id: finding.id, expectedVersion: finding.version, percent: 10 + run, narrative: `第${run}次进展 ${key}`, idempotencyKey: key };
  const giveUpAt = Date.now() + RETRY_FOR_MS;
  for (let attempt = 0; ; attempt++) {
    if (Date.now() > giveUpAt) throw new Error(`${key}: not acknowledged after ${RETRY_FOR_MS} ms of retries`);
    figures.sent++;
    if (attempt > 0) figures.retried++;
    inFlight++;
    const result = await httpGraphQL(`http://127.0.0.1:${apiPort}`)<{ checkInProgress: { version: number } }>(CHECK_IN, { input }, world.officerA.token)
      .catch(() => undefined)
      .finally(() => inFlight--);
    if (result?.data?.checkInProgress) {
      finding.version = result.data.checkInProgress.version;
      acknowledged.set(key, { findingId: finding.id, version: finding.version });
      return;
    }
    const code = result?.errors?.[0]?.extensions?.code;
    // Anything but "down" or "not yet": the command itself was wrong, and no retry fixes that.
    if (code && !['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'HTTP_502', 'HTTP_503'].includes(String(code))) throw new Error(`${key}: ${JSON.stringify(result?.errors)}`);
    await sleep(200 + Math.random() * 300);
  }
}

/** The API exiting by itself (not by the test's kill) is restarted, as a supervisor would, and counted. */
async function restartIfExited(): Promise<void> {
  if (api.child.exitCode === null && api.child.signalCode === null) return;
  figures.unexpectedExits++;
  log(`API exited by itself: ${api.output().slice(-600)}`);
  api = await startApiProcess(cluster, join(folder, 'app'), apiPort);
}

async function crashRun(run: number, crash: () => Promise<void>): Promise<void> {
  let done = false;
  const before = acknowledged.size;
  const clients = Promise.all(findings.map((finding) => checkInUntilAcknowledged(finding, run))).finally(() => (done = true));
  // A random point of the run, by progress rather than by time, so the crash lands mid-stream
  // however fast the machine is: anywhere from before the first answer to near the last.
  const crashAfter = Math.floor(Math.random() * 0.9 * findings.length);
  while (acknowledged.size - before < crashAfter && !done) await sleep(2);
  await sleep(Math.random() * 20);
  figures.inFlightAtCrash += inFlight;
  log(`run ${run}: crashing with ${inFlight} check-ins in flight, ${acknowledged.size - before} of this run acknowledged`);
  const crashed = Date.now();
  await crash();
  log(`run ${run}: back up after ${Date.now() - crashed} ms`);
  while (!done) {
    await restartIfExited();
    await Promise.race([clients, sleep(500)]);
  }
  await clients;
  log(`run ${run}: all ${findings.length} acknowledged ${Date.now() - crashed} ms after the crash`);
}

describe(`${CLIENTS} concurrent check-ins with idempotency keys through crashes`, () => {
  it(`loses no acknowledged check-in when the API is SIGKILLed at random moments (${API_KILLS} runs)`, async () => {
    for (let run = 0; run < API_KILLS; run++) {
      await crashRun(run, async () => {
        await api.stop('SIGKILL');
        figures.kills++;
        api = await startApiProcess(cluster, join(folder, 'app'), apiPort);
      });
    }
    expect(acknowledged.size).toBe(API_KILLS * CLIENTS);
  }, RUNS_TIMEOUT_MS);

  it(`loses no acknowledged check-in when PostgreSQL stops in immediate mode (${DATABASE_CRASHES} runs)`, async () => {
    for (let run = API_KILLS; run < API_KILLS + DATABASE_CRASHES; run++) {
      await crashRun(run, async () => {
        cluster.stopImmediately();
        figures.databaseCrashes++;
        await sleep(500);
        cluster.start();
      });
    }
    expect(acknowledged.size).toBe((API_KILLS + DATABASE_CRASHES) * CLIENTS);
    // The API rides out a database restart on its own: it reconnects rather than exiting.
    expect(figures.unexpectedExits).toBe(0);
  }, RUNS_TIMEOUT_MS);

  it('holds every acknowledged check-in exactly once, no half-applied command, a verifying chain and projections equal to a rebuild', async () => {
    log(`${acknowledged.size} acknowledged check-ins, ${figures.sent} requests (${figures.retried} retries), ${figures.kills} API kills, ${figures.databaseCrashes} PostgreSQL crashes, ${figures.inFlightAtCrash} check-ins in flight at the crashes, ${figures.unexpectedExits} unexpected API exits`);
    await api.stop();
    const owner = new Client({ connectionString: cluster.url('zeren') });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ key: string; stream_id: string; version: number; recorded: boolean }>(`
        SELECT e.metadata->>'idempotencyKey' AS key, e.stream_id, e.version,
               EXISTS (SELECT 1 FROM idempotency_records r WHERE r.tenant_id = e.tenant_id AND r.key = e.metadata->>'idempotencyKey') AS recorded
          FROM events e WHERE e.metadata->>'idempotencyKey' LIKE 'crash-run-%'`);
      const stored = new Map<string, { findingId: string; version: number }>();
      for (const row of rows) {
        expect(stored.has(row.key)).toBe(false);
        stored.set(row.key, { findingId: row.stream_id, version: row.version });
        // The command's event and its idempotency answer commit together or not at all.
        expect(row.recorded).toBe(true);
      }
      expect(stored).toEqual(acknowledged);

      const gaps = await owner.query(`SELECT stream_id FROM events GROUP BY tenant_id, stream_id HAVING max(version) <> count(*) OR min(version) <> 1`);
      expect(gaps.rows).toEqual([]);
      const { rows: tenants } = await owner.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM events');
      for (const { tenant_id } of tenants) expect(await verifyTenantChain(clientSql(owner), tenant_id)).toMatchObject({ ok: true, failure: null });

      // An in-process app on the same database, for the projections its modules register.
      const config = loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: cluster.url('zeren'),
        ZEREN_APP_DB_PASSWORD: APP_DB_PASSWORD,
        ZEREN_JWT_SECRET: TEST_JWT_SECRET,
        ZEREN_BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
        ZEREN_DATA_DIR: join(folder, 'app'),
        ZEREN_LOG_LEVEL: 'error',
      });
      const inProcess = await startServer(config, new JsonLogger('error'));
      try {
        const report = await replayProjections(owner, eventCatalogue, inProcess.app.get(ProjectionRegistry).all());
        expect(report.events).toBeGreaterThan(acknowledged.size);
        for (const difference of report.differences) expect(difference).toEqual({ table: difference.table, onlyLive: 0, onlyRebuilt: 0 });
      } finally {
        await inProcess.close();
      }
    } finally {
      await owner.end();
    }
  });
});
