import { rmSync } from 'node:fs';
import { eventCatalogue } from '@zeren/events';
import { Client } from 'pg';
import { startBenchApp, withClient, type BenchPostgres } from '../bench-environment';
import { CityDataGenerator, type DataPlan, type GeneratedCommit, type GeneratedDistrict } from './city-data-generator';
import { appendCommits, BulkEventWriter } from './event-sinks';
import { EventStore, projectTenantChain, ProjectionRegistry, rebuiltProjections, ScopedTransactions, type RunningServer } from '../api';

/** How many still-open findings per district are kept for the write benchmarks. */
const OPEN_FINDINGS_KEPT = 40;
/** Connections loading districts side by side on the bulk path. */
const BULK_WRITERS = 3;

export interface BenchDataSet {
  server: RunningServer;
  ownerUrl: string;
  generator: CityDataGenerator;
  districts: Array<Pick<GeneratedDistrict, 'tenantId' | 'cityId' | 'openFindings'>>;
  events: number;
  close(): Promise<void>;
}

/** Runs work in a transaction of the client. */
async function inTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * A running application on its own database filled with generated data: through the product's
 * append path (`append`) or, for large data sets, the bulk path that gives the same rows (`bulk`):
 * the platform chain (cities and districts) through the append path too, then each district's
 * events written in bulk and its projections built by the rebuild's code (projectTenantChain)
 * into the live tables.
 */
export async function buildDataSet(postgres: BenchPostgres, plan: DataPlan, path: 'append' | 'bulk', log: (message: string) => void): Promise<BenchDataSet> {
  const { server, ownerUrl, dataDir } = await startBenchApp(postgres, `zeren_bench_${path}`);
  const generator = new CityDataGenerator(plan);
  const districts: BenchDataSet['districts'] = [];
  const keep = (district: GeneratedDistrict) =>
    districts.push({ tenantId: district.tenantId, cityId: district.cityId, openFindings: district.openFindings.slice(0, OPEN_FINDINGS_KEPT) });
  let events = 0;
  const count = (commits: readonly GeneratedCommit[]) => commits.reduce((sum, commit) => sum + commit.events.length, 0);
  const started = Date.now();
  const progress = () => log(`  data: ${districts.length}/${generator.totalDistricts} districts, ${events.toLocaleString('en')} events, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const services = {
    transactions: server.app.get(ScopedTransactions),
    store: server.app.get(EventStore),
    projections: server.app.get(ProjectionRegistry),
  };
  events += await appendCommits(services, [generator.platformCommits()], 1);

  if (path === 'append') {
    const batch: GeneratedCommit[][] = [];
    for (const district of generator.districts()) {
      keep(district);
      batch.push(district.commits);
      if (batch.length === 8) {
        events += await appendCommits(services, batch.splice(0), 8);
        progress();
      }
    }
    events += await appendCommits(services, batch, 8);
  } else {
    // The notification consumer would otherwise chase the whole data set while it is loaded.
    await withClient(ownerUrl, (client) => client.query(`UPDATE consumer_checkpoints SET transaction_id = '18446744073709551615', position = 9223372036854775807`));
    const projections = rebuiltProjections(services.projections.all());
    // Districts are independent chains: a few connections load them side by side.
    const source = generator.districts();
    const worker = async () => {
      const owner = new Client({ connectionString: ownerUrl });
      await owner.connect();
      try {
        const writer = new BulkEventWriter(owner, eventCatalogue);
        for (let next = source.next(); !next.done; next = source.next()) {
          const district = next.value;
          keep(district);
          await writer.write(district.commits);
          // Committed first: the projections are built from the log, as a rebuild builds them.
          await writer.flush();
          await inTransaction(owner, () => projectTenantChain(owner, services.store, projections, district.tenantId));
          events += count(district.commits);
          if (districts.length % 10 === 0) progress();
        }
      } finally {
        await owner.end();
      }
    };
    await Promise.all(Array.from({ length: BULK_WRITERS }, worker));
    await withClient(ownerUrl, (client) => client.query(`UPDATE consumer_checkpoints SET (transaction_id, position) = (SELECT max(transaction_id), max(position) FROM events)`));
  }
  progress();
  await withClient(ownerUrl, (client) => client.query('VACUUM ANALYZE'));
  return {
    server,
    ownerUrl,
    generator,
    districts,
    events,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
