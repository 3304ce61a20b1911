import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@zeren/testing';
import { JsonLogger, loadConfig, startEmbeddedPostgres, startServer, type EmbeddedPostgresHandle, type RunningServer } from './api';

export const BENCH_ADMIN_PASSWORD = 'Platform-bench-2026';
const APP_ROLE_PASSWORD = 'zeren-bench-app-role-2026';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * One PostgreSQL for the whole run, so every figure and its baseline share a server: the embedded
 * one in a fresh throw-away folder, or the server DATABASE_URL names (a superuser connection).
 * Every data set gets its own database on it.
 */
export class BenchPostgres {
  private readonly databases: string[] = [];

  private constructor(
    readonly adminUrl: string,
    private readonly embedded: EmbeddedPostgresHandle | undefined,
    private readonly dataDir: string | undefined,
  ) {}

  static async start(log: (message: string) => void): Promise<BenchPostgres> {
    const external = process.env['DATABASE_URL'];
    if (external) {
      log('PostgreSQL: the server named by DATABASE_URL');
      return new BenchPostgres(withDatabase(external, 'postgres'), undefined, undefined);
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'zeren-bench-pg-'));
    log(`PostgreSQL: embedded, fresh cluster in ${dataDir}`);
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), superuserPassword: 'zeren-bench', ephemeral: true });
    return new BenchPostgres(embedded.adminUrl, embedded, dataDir);
  }

  async version(): Promise<string> {
    return withClient(this.adminUrl, async (client) => (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version);
  }

  /** An empty database with a name starting with `prefix`; its owner URL. */
  async createDatabase(prefix: string): Promise<string> {
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    await withClient(this.adminUrl, (client) => client.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`));
    this.databases.push(name);
    return withDatabase(this.adminUrl, name);
  }

  async stop(): Promise<void> {
    if (this.embedded) {
      await this.embedded.stop();
      if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
      return;
    }
    await withClient(this.adminUrl, async (client) => {
      for (const name of this.databases) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  }
}

/** The real application (migrations, Nest, GraphQL, auth, RLS) on a fresh database of the bench server. */
export async function startBenchApp(postgres: BenchPostgres, prefix: string): Promise<{ server: RunningServer; ownerUrl: string; dataDir: string }> {
  const ownerUrl = await postgres.createDatabase(prefix);
  const dataDir = mkdtempSync(join(tmpdir(), 'zeren-bench-app-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATABASE_URL: ownerUrl,
    ZEREN_APP_DB_PASSWORD: APP_ROLE_PASSWORD,
    ZEREN_BOOTSTRAP_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    ZEREN_DATA_DIR: dataDir,
    ZEREN_LOG_LEVEL: 'error',
    // Sixteen clients share it, as an operator would size it for that load.
    ZEREN_DB_POOL_SIZE: '20',
    ZEREN_SIGN_IN_ATTEMPTS_PER_MINUTE: '10000',
    // No deadline-warning round in the middle of a measurement; the data's deadlines are long past.
    ZEREN_WARNING_INTERVAL_MS: '86400000',
  });
  const server = await startServer(config, new JsonLogger('error'));
  return { server, ownerUrl, dataDir };
}
