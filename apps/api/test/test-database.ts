import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ScopedTransactions } from '../src/database/scoped-transactions';
import { TEMPLATE_DATABASE, TEST_APP_PASSWORD } from './test-constants';


export interface TestDatabase {
  name: string;
  /** Owner (superuser in the embedded set-up): for arranging and for tampering. */
  ownerUrl: string;
  /** The runtime role, under row-level security. */
  appUrl: string;
  drop(): Promise<void>;
}

function urlFor(base: string, database: string, credentials?: { user: string; password: string }): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  if (credentials) {
    url.username = credentials.user;
    url.password = credentials.password;
  }
  return url.toString();
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env['ZEREN_TEST_ADMIN_URL'];
  if (!adminUrl) throw new Error('ZEREN_TEST_ADMIN_URL is not set: run these tests through the API jest config');
  const name = `zeren_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    ownerUrl: urlFor(adminUrl, name),
    appUrl: urlFor(adminUrl, name, { user: 'zeren_app', password: TEST_APP_PASSWORD }),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The API's own transaction helper over a pool of the runtime role. */
export async function appTransactions(database: TestDatabase, poolSize = 10): Promise<{ transactions: ScopedTransactions; dataSource: DataSource }> {
  const dataSource = await new DataSource({ type: 'postgres', url: database.appUrl, extra: { max: poolSize } }).initialize();
  return { transactions: new ScopedTransactions(dataSource), dataSource };
}

export async function withOwner<T>(database: TestDatabase, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
