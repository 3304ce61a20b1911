import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { assertDurableSettings } from './durability-check';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres';
import { loadOrCreateLocalSecrets } from './local-secrets';
import { migrations } from './migrations';

export interface DatabaseConnections {
  /** Owner: migrations and maintenance only. */
  ownerUrl: string;
  /** Runtime: the non-owner role every request uses, under row-level security. */
  appUrl: string;
  embedded: EmbeddedPostgresHandle | undefined;
}

type Log = (message: string) => void;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database when it is missing; a role that cannot reach the maintenance database is fine if it exists. */
export async function ensureDatabaseExists(adminUrl: string, database: string): Promise<boolean> {
  const exists = await withClient(withDatabase(adminUrl, database), async () => true).catch((error: { code?: string }) => {
    if (error.code === '3D000') return false;
    throw error;
  });
  if (exists) return false;
  return withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${database}" ENCODING 'UTF8' TEMPLATE template0`);
    return true;
  });
}

/** Session advisory lock held while migrating (the wake-up leader and the jobs use 7_101_001…). */
export const MIGRATION_LOCK_KEY = 7_101_000;

/**
 * Applies the pending migrations. Instances starting together take turns under an advisory lock,
 * so the second finds the first's work done instead of failing halfway through the same DDL.
 */
export function runMigrations(ownerUrl: string, log: Log): Promise<string[]> {
  return withClient(ownerUrl, async (lock) => {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return applyMigrations(ownerUrl, log);
  });
}

async function applyMigrations(ownerUrl: string, log: Log): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    logging: false,
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    for (const migration of applied) log(`migration applied: ${migration.name}`);
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Gives the runtime role its login; its password comes from configuration, never from the database. */
async function enableAppRole(ownerUrl: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ literal: string }>('SELECT quote_literal($1) AS literal', [password]);
    await client.query(`ALTER ROLE zeren_app WITH LOGIN PASSWORD ${rows[0]!.literal}`);
  });
}

/**
 * Brings the database to a state the API can run on: the server (embedded unless DATABASE_URL
 * is given), the database, the migrations and the runtime role's login.
 */
export async function prepareDatabase(config: AppConfig, log: Log): Promise<DatabaseConnections> {
  let embedded: EmbeddedPostgresHandle | undefined;
  let adminUrl: string;
  let appPassword = config.appDbPassword;
  if (config.databaseUrl) {
    adminUrl = config.databaseUrl;
  } else {
    const secrets = loadOrCreateLocalSecrets(config.dataDir);
    appPassword ??= secrets.appDbPassword;
    log(`starting embedded PostgreSQL in ${config.dataDir} on port ${config.embeddedPgPort}`);
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      superuserPassword: secrets.superuserPassword,
    });
    adminUrl = withDatabase(embedded.adminUrl, config.databaseName);
  }
  const ownerUrl = adminUrl;
  const created = await ensureDatabaseExists(withDatabase(adminUrl, 'postgres'), new URL(ownerUrl).pathname.slice(1));
  if (created) log(`database created: ${new URL(ownerUrl).pathname.slice(1)}`);
  await assertDurableSettings(ownerUrl);
  await runMigrations(ownerUrl, log);
  let appUrl = config.databaseAppUrl;
  if (!appUrl) {
    if (!appPassword) {
      throw new Error('Set DATABASE_APP_URL, or ZEREN_APP_DB_PASSWORD for the zeren_app role, when DATABASE_URL is set');
    }
    await enableAppRole(ownerUrl, appPassword);
    appUrl = withCredentials(ownerUrl, 'zeren_app', appPassword);
  }
  return { ownerUrl, appUrl, embedded };
}
