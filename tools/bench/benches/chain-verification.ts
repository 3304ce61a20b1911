import { availableParallelism } from 'node:os';
import { canonicalEventContent, chainHash, GENESIS_HASH, readStoredChain, type ChainLink } from '@zeren/events';
import { Client } from 'pg';
import { withClient } from '../bench-environment';
import { format, floorRow, ratioRow, checkRow, contextRow, type BenchResult } from '../report';
import type { BenchContext } from './bench-context';
import { nodeCpuUs, processCpu } from '../process-cpu';
import { clientSql, verifyTenantChain } from '../api';

/** The baseline hashes at least this many events (whole chains) before its rate is taken. */
const BASELINE_EVENTS = 200_000;
/** Chains verified side by side: the database reads one while Node hashes another. */
const PARALLEL_CHAINS = 2;
const FLOOR_EVENTS_PER_SECOND = 100_000;

/** CPU time of a connection's server process so far, in microseconds; null when it cannot be seen from here (an external server, no /proc). */
async function backendCpuUs(client: Client): Promise<() => number | null> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return () => {
    const cpu = processCpu(rows[0]!.pid);
    return cpu && cpu.seconds * 1e6;
  };
}

/**
 * The verifier's steps one at a time over whole chains, on one connection, in Node CPU time per
 * event: reading (the page queries, the driver decoding the rows, parsing each into a link),
 * canonical JSON, and sha256. The sha256 pass is also the baseline, timed by the clock: sha256 over
 * the canonical texts prepared beforehand, chained as the verifier chains them.
 */
async function measureSteps(ownerUrl: string, tenantIds: readonly string[]) {
  let events = 0;
  const cpuUs = { reading: 0, canonical: 0, hashing: 0 };
  let hashNs = 0n;
  await withClient(ownerUrl, async (client) => {
    for (const tenantId of tenantIds) {
      if (events >= BASELINE_EVENTS) break;
      let cpu = nodeCpuUs();
      const links: ChainLink[] = [];
      for await (const link of readStoredChain(clientSql(client), tenantId)) links.push(link);
      cpuUs.reading += nodeCpuUs() - cpu;
      cpu = nodeCpuUs();
      const canonical = links.map((link) => canonicalEventContent(link.content));
      cpuUs.canonical += nodeCpuUs() - cpu;
      cpu = nodeCpuUs();
      const begin = process.hrtime.bigint();
      let previous = GENESIS_HASH;
      for (const bytes of canonical) previous = chainHash(previous, bytes);
      hashNs += process.hrtime.bigint() - begin;
      cpuUs.hashing += nodeCpuUs() - cpu;
      events += canonical.length;
    }
  });
  return {
    events,
    hashSeconds: Number(hashNs) / 1e9,
    readingUs: cpuUs.reading / events,
    canonicalUs: cpuUs.canonical / events,
    hashUs: cpuUs.hashing / events,
  };
}

export async function chainVerificationBench(context: BenchContext): Promise<BenchResult> {
  const { log } = context;
  const dataSet = await context.dataSet('chain');
  const { rows } = await withClient(dataSet.ownerUrl, (client) => client.query<{ tenant_id: string; events: string }>('SELECT tenant_id, tenant_position AS events FROM tenant_chain_heads ORDER BY tenant_id'));
  const total = rows.reduce((sum, row) => sum + Number(row.events), 0);
  log(`bench 6: verifying ${rows.length} chains, ${total.toLocaleString('en')} events, ${PARALLEL_CHAINS} at a time`);

  const clients = Array.from({ length: PARALLEL_CHAINS }, () => new Client({ connectionString: dataSet.ownerUrl }));
  let verified = 0;
  let failures = 0;
  let next = 0;
  const ticker = setInterval(() => log(`  verified ${verified.toLocaleString('en')} events`), 5000);
  let seconds: number;
  let nodeUs: number;
  let postgresUs: number | null = null;
  try {
    await Promise.all(clients.map((client) => client.connect()));
    const backends = await Promise.all(clients.map(backendCpuUs));
    const backendsUs = () => {
      let sum = 0;
      for (const backend of backends) {
        const used = backend();
        if (used === null) return null;
        sum += used;
      }
      return sum;
    };
    const postgresBefore = backendsUs();
    const nodeBefore = nodeCpuUs();
    const started = process.hrtime.bigint();
    await Promise.all(
      clients.map(async (client) => {
        while (next < rows.length) {
          const result = await verifyTenantChain(clientSql(client), rows[next++]!.tenant_id);
          verified += result.verifiedEvents;
          if (!result.ok) failures += 1;
        }
      }),
    );
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
    nodeUs = (nodeCpuUs() - nodeBefore) / verified;
    const postgresAfter = backendsUs();
    if (postgresBefore !== null && postgresAfter !== null) postgresUs = (postgresAfter - postgresBefore) / verified;
  } finally {
    clearInterval(ticker);
    await Promise.all(clients.map((client) => client.end()));
  }
  const verifyRate = verified / seconds;

  log(`  baseline: sha256 over the canonical bytes of at least ${BASELINE_EVENTS.toLocaleString('en')} events; the verifier's other steps one at a time`);
  const steps = await measureSteps(
    dataSet.ownerUrl,
    rows.map((row) => row.tenant_id),
  );
  const baselineRate = steps.events / steps.hashSeconds;
  const cores = availableParallelism();
  const limits = [
    `One event costs the verifier ${format.micros(nodeUs)} of Node CPU in this run${postgresUs === null ? '' : ` and PostgreSQL ${format.micros(postgresUs)} of its own (the server processes' time: finding the rows and writing them out, the jsonb payloads as text)`}. ` +
      `Node's part runs on one thread, and ${FLOOR_EVENTS_PER_SECOND.toLocaleString('en')} events/s leaves it ${format.micros(1e6 / FLOOR_EVENTS_PER_SECOND)} per event` +
      (postgresUs === null ? '.' : `; on this machine's ${cores} cores, ${format.micros(nodeUs + postgresUs)} per event allows at most ${format.rate((cores * 1e6) / (nodeUs + postgresUs), 'events/s')} even if the work split perfectly and nothing else ran.`),
    `Step by step (Node CPU per event, the baseline's ${steps.events.toLocaleString('en')} events, one chain at a time): reading ${format.micros(steps.readingUs)}, canonical JSON ${format.micros(steps.canonicalUs)}, sha256 ${format.micros(steps.hashUs)}. ` +
      `Even with reading free, canonical JSON and sha256 alone allow ${format.rate(1e6 / (steps.canonicalUs + steps.hashUs), 'events/s')} on one thread` +
      (steps.canonicalUs > steps.hashUs
        ? `; and the baseline is the sha256 step itself, so with rebuilding the canonical JSON alone costing more than hashing it, one thread cannot reach half the baseline's rate.`
        : '.'),
  ];

  return {
    id: 'verify',
    title: '6. Chain verification',
    rows: [
      floorRow('events verified per second', verifyRate, FLOOR_EVENTS_PER_SECOND, 'events/s'),
      ratioRow('verifier vs sha256 of the same bytes', verifyRate, 'sha256 baseline', baselineRate, 0.5, 'events/s'),
      checkRow('every chain verifies', failures === 0 && verified === total, `${verified.toLocaleString('en')} of ${total.toLocaleString('en')} events, ${failures} chains failed`),
      contextRow('time for the whole log', `${seconds.toFixed(1)} s`, `baseline hashed ${steps.events.toLocaleString('en')} events in ${format.ms(steps.hashSeconds * 1e3)}`),
      contextRow('CPU per verified event', `Node ${format.micros(nodeUs)}${postgresUs === null ? '' : ` · PostgreSQL ${format.micros(postgresUs)}`}`),
      contextRow('one event step by step (Node CPU)', `reading ${format.micros(steps.readingUs)} · canonical JSON ${format.micros(steps.canonicalUs)} · sha256 ${format.micros(steps.hashUs)}`),
    ],
    notes: [
      `verifyTenantChain (apps/api/src/audit/chain-verification.ts, libs/events readStoredChain and ChainVerifier) over every district's chain, ${PARALLEL_CHAINS} chains at a time on separate connections; it reads the rows from PostgreSQL, rebuilds each event's canonical JSON from the stored columns and recomputes sha256(prev ‖ canonical).`,
      "The baseline is chainHash, the verifier's own sha256 step, over the same canonical text (prepared beforehand, not timed) in the same process: the UTF-8 bytes of prev ‖ canonical hashed event after event; what verification would cost if reading and serialising were free.",
      ...(verifyRate >= FLOOR_EVENTS_PER_SECOND && verifyRate >= 0.5 * baselineRate ? [] : limits),
    ],
  };
}
