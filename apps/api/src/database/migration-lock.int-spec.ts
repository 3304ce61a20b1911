import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MIGRATION_LOCK_KEY, runMigrations } from './database-bootstrap';
import { migrations } from './migrations';

const adminUrl = process.env['ZEREN_TEST_ADMIN_URL']!;
const name = `zeren_migrate_${randomBytes(6).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

async function onAdmin(statement: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

beforeAll(() => onAdmin(`CREATE DATABASE ${name}`));
afterAll(() => onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

describe('migrating from several instances at once', () => {
  it('applies every migration exactly once while three instances start together', async () => {
    const logs: string[][] = [[], [], []];
    const applied = await Promise.all(logs.map((log) => runMigrations(url.toString(), (line) => log.push(line))));
    expect(applied.map((names) => names.length).sort((a, b) => a - b)).toEqual([0, 0, migrations.length]);
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM schema_migrations');
      expect(rows[0]!.count).toBe(migrations.length);
      // The lock is a session lock: nothing holds it once the instances are done.
      const { rows: lock } = await client.query<{ free: boolean }>('SELECT pg_try_advisory_lock($1) AS free', [MIGRATION_LOCK_KEY]);
      expect(lock[0]!.free).toBe(true);
    } finally {
      await client.end();
    }
  });
});
