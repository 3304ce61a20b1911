import { rmSync } from 'node:fs';
import { eventCatalogue } from '@zeren/events';
import { Client } from 'pg';
import { startBenchApp, withClient, type BenchPostgres } from '../bench-environment';
import { CityDataGenerator, type DataPlan, type GeneratedCommit, type GeneratedDistrict } from './city-data-generator';
import { appendCommits, BulkEventWriter } from './event-sinks';
import { EventStore, ProjectionRegistry, ScopedTransactions, type RunningServer } from '../api';

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

/**
 * A running application on its own database filled with generated data: through the product's
 * append path (`append`) or the bulk path that gives the same rows (`bulk`, for large data sets).
 */
export async function buildDataSet(
  postgres: BenchPostgres,
  plan: DataPlan,
  path: 'append' | 'bulk',
  log: (message: string) => void,
  /** false: events only, no projections (for benchmarks that read nothing else). */
  withProjections = true,
): Promise<BenchDataSet> {
  const { server, ownerUrl, dataDir } = await startBenchApp(postgres, `zeren_bench_${path}`);
  const generator = new CityDataGenerator(plan);
  const districts: BenchDataSet['districts'] = [];
  const keep = (district: GeneratedDistrict) =>
    districts.push({ tenantId: district.tenantId, cityId: district.cityId, openFindings: district.openFindings.slice(0, OPEN_FINDINGS_KEPT) });
  let events = 0;
  const count = (commits: readonly GeneratedCommit[]) => commits.reduce((sum, commit) => sum + commit.events.length, 0);
  const started = Date.now();
  const progress = () => log(`  data: ${districts.length}/${generator.totalDistricts} districts, ${events.toLocaleString('en')} events, ${((Date.now() - started) / 1000).toFixed(0)} s`);

  if (path === 'append') {
    const services = {
      transactions: server.app.get(ScopedTransactions),
      store: server.app.get(EventStore),
      projections: server.app.get(ProjectionRegistry),
    };
    events += await appendCommits(services, [generator.platformCommits()], 1);
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
    const openWriter = async () => {
      const owner = new Client({ connectionString: ownerUrl });
      await owner.connect();
      return BulkEventWriter.open(owner, eventCatalogue, withProjections ? server.app.get(ProjectionRegistry).all() : [], tenantIds);
    };
    const tenantIds = generator.layout.cities.flatMap((city) => city.districts.map((district) => district.tenantId));
    // The notification consumer would otherwise chase the whole data set while it is loaded.
    await withClient(ownerUrl, (client) => client.query(`UPDATE consumer_checkpoints SET transaction_id = '18446744073709551615', position = 9223372036854775807`));
    const platformWriter = await openWriter();
    const platform = generator.platformCommits();
    await platformWriter.write(platform);
    await platformWriter.close();
    events += count(platform);
    // Districts are independent chains: a few connections load them side by side.
    const source = generator.districts();
    const worker = async () => {
      const writer = await openWriter();
      try {
        for (let next = source.next(); !next.done; next = source.next()) {
          keep(next.value);
          await writer.write(next.value.commits);
          events += count(next.value.commits);
          if (districts.length % 10 === 0) progress();
        }
      } finally {
        await writer.close();
      }
    };
    await Promise.all(Array.from({ length: BULK_WRITERS }, worker));
    if (withProjections) {
      await withClient(ownerUrl, (client) => client.query(`UPDATE consumer_checkpoints SET (transaction_id, position) = (SELECT max(transaction_id), max(position) FROM events)`));
    }
    await withClient(ownerUrl, (client) => client.query('VACUUM ANALYZE'));
  }
  progress();
  if (path === 'append') await withClient(ownerUrl, (client) => client.query('VACUUM ANALYZE'));
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
