import { canonicalEventContent, chainHash, GENESIS_HASH, readStoredChain } from '@zeren/events';
import { Client } from 'pg';
import { withClient } from '../bench-environment';
import { format, floorRow, ratioRow, checkRow, contextRow, type BenchResult } from '../report';
import type { BenchContext } from './bench-context';
import { verifyTenantChain, type Sql } from '../api';

/** The baseline hashes at least this many events (whole chains) before its rate is taken. */
const BASELINE_EVENTS = 200_000;
/** Chains verified side by side: the database reads one while Node hashes another. */
const PARALLEL_CHAINS = 2;

function sqlOf(client: Client): Sql {
  return { query: async <Row>(text: string, parameters?: unknown[]) => (await client.query(text, parameters)).rows as Row[] };
}

export async function chainVerificationBench(context: BenchContext): Promise<BenchResult> {
  const { log } = context;
  const dataSet = await context.dataSet('chain');
  const { rows } = await withClient(dataSet.ownerUrl, (client) => client.query<{ tenant_id: string; events: string }>('SELECT tenant_id, tenant_position AS events FROM tenant_chain_heads ORDER BY tenant_id'));
  const total = rows.reduce((sum, row) => sum + Number(row.events), 0);
  log(`bench 6: verifying ${rows.length} chains, ${total.toLocaleString('en')} events, ${PARALLEL_CHAINS} at a time`);

  let verified = 0;
  let failures = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const ticker = setInterval(() => log(`  verified ${verified.toLocaleString('en')} events`), 5000);
  try {
    await Promise.all(
      Array.from({ length: PARALLEL_CHAINS }, async () => {
        const client = new Client({ connectionString: dataSet.ownerUrl });
        await client.connect();
        try {
          while (next < rows.length) {
            const result = await verifyTenantChain(sqlOf(client), rows[next++]!.tenant_id);
            verified += result.verifiedEvents;
            if (!result.ok) failures += 1;
          }
        } finally {
          await client.end();
        }
      }),
    );
  } finally {
    clearInterval(ticker);
  }
  const verifySeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const verifyRate = verified / verifySeconds;

  // Baseline: the same canonical bytes, read and serialised beforehand, hashed in a chain in this process.
  log(`  baseline: sha256 over the canonical bytes of at least ${BASELINE_EVENTS.toLocaleString('en')} events`);
  let hashed = 0;
  let hashNanoseconds = 0n;
  await withClient(dataSet.ownerUrl, async (client) => {
    for (const row of rows) {
      if (hashed >= BASELINE_EVENTS) break;
      const canonical: string[] = [];
      for await (const link of readStoredChain(sqlOf(client), row.tenant_id)) canonical.push(canonicalEventContent(link.content));
      const begin = process.hrtime.bigint();
      let previous = GENESIS_HASH;
      for (const bytes of canonical) previous = chainHash(previous, bytes);
      hashNanoseconds += process.hrtime.bigint() - begin;
      hashed += canonical.length;
    }
  });
  const baselineRate = hashed / (Number(hashNanoseconds) / 1e9);

  return {
    id: 'verify',
    title: '6. Chain verification',
    rows: [
      floorRow('events verified per second', verifyRate, 100_000, 'events/s'),
      ratioRow('verifier vs sha256 of the same bytes', verifyRate, 'sha256 baseline', baselineRate, 0.5, 'events/s'),
      checkRow('every chain verifies', failures === 0 && verified === total, `${verified.toLocaleString('en')} of ${total.toLocaleString('en')} events, ${failures} chains failed`),
      contextRow('time for the whole log', `${verifySeconds.toFixed(1)} s`, `baseline hashed ${hashed.toLocaleString('en')} events in ${format.ms(Number(hashNanoseconds) / 1e6)}`),
    ],
    notes: [
      `verifyTenantChain (apps/api/src/audit/chain-verification.ts, libs/events ChainVerifier) over every district's chain, ${PARALLEL_CHAINS} chains at a time on separate connections; it reads the rows from PostgreSQL, rebuilds each event's canonical JSON and recomputes sha256(prev ‖ canonical).`,
      'The baseline hashes the same canonical bytes (prepared beforehand, not timed) with node:crypto in the same process: what verification would cost if reading and serialising were free.',
    ],
  };
}
