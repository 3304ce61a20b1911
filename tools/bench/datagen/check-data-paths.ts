import { PLATFORM_TENANT_ID } from '@zeren/events';
import { withClient, type BenchPostgres } from '../bench-environment';
import type { DataPlan } from './city-data-generator';
import { buildDataSet } from './bench-data-set';

/** The projection tables whose rows come from district events only (the platform chain's differ by its first administrator). */
const DISTRICT_TABLES = ['units', 'inspections', 'findings', 'finding_check_ins', 'finding_status_periods', 'interviews', 'interview_commitments'];

const PLAN: DataPlan = { seed: 7, cities: [{ districts: 3, findingsPerDistrict: 160 }], longFindingEvents: 30 };

/** Per district chain its head, and per table a digest of every row, in a fixed order. */
async function fingerprint(ownerUrl: string): Promise<Record<string, string>> {
  return withClient(ownerUrl, async (client) => {
    const result: Record<string, string> = {};
    const heads = await client.query<{ tenant_id: string; tenant_position: string; hash: Buffer }>(
      'SELECT tenant_id, tenant_position, hash FROM tenant_chain_heads WHERE tenant_id <> $1 ORDER BY tenant_id',
      [PLATFORM_TENANT_ID],
    );
    for (const head of heads.rows) result[`chain ${head.tenant_id}`] = `${head.tenant_position}:${head.hash.toString('hex')}`;
    for (const table of DISTRICT_TABLES) {
      const { rows } = await client.query<{ digest: string | null; count: number }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*)::int AS count FROM ${table} t`);
      result[`table ${table}`] = `${rows[0]!.count} rows, ${rows[0]!.digest}`;
    }
    return result;
  });
}

/**
 * `npm run bench -- datagen-check`: the same small data set written through the product's append
 * path and through the bulk path must give the same chains (head position and hash of every
 * district) and the same projection rows.
 */
export async function checkDataPaths(postgres: BenchPostgres, log: (message: string) => void): Promise<boolean> {
  const fingerprints: Array<Record<string, string>> = [];
  for (const path of ['append', 'bulk'] as const) {
    log(`writing the check data set through the ${path} path`);
    const dataSet = await buildDataSet(postgres, PLAN, path, log);
    try {
      fingerprints.push(await fingerprint(dataSet.ownerUrl));
    } finally {
      await dataSet.close();
    }
  }
  const [append, bulk] = fingerprints as [Record<string, string>, Record<string, string>];
  const keys = [...new Set([...Object.keys(append), ...Object.keys(bulk)])].sort();
  const differing = keys.filter((key) => append[key] !== bulk[key]);
  for (const key of keys) log(`  ${append[key] === bulk[key] ? 'same' : 'DIFFERENT'}  ${key}: ${append[key] ?? '—'}${append[key] === bulk[key] ? '' : ` / bulk ${bulk[key] ?? '—'}`}`);
  log(differing.length === 0 ? `the append and bulk paths gave identical chains and rows (${keys.length} compared)` : `${differing.length} of ${keys.length} differ`);
  return differing.length === 0;
}
