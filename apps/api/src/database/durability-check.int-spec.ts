import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { JsonLogger } from '../logging/json-logger';
import { startServer } from '../server';
import { createTestDatabase, withOwner } from '../../test/test-database';
import { TEST_ADMIN_PASSWORD, TEST_JWT_SECRET } from '../../test/test-app';

function startAgainst(ownerUrl: string, appUrl: string | undefined, dataDir: string): Promise<unknown> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: ownerUrl,
    ...(appUrl ? { DATABASE_APP_URL: appUrl } : { ZEREN_APP_DB_PASSWORD: 'durability-test-app-password' }),
    ZEREN_JWT_SECRET: TEST_JWT_SECRET,
    ZEREN_BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    ZEREN_DATA_DIR: dataDir,
    ZEREN_LOG_LEVEL: 'error',
  });
  return startServer(config, new JsonLogger('error'));
}

describe('the API refuses to start on a PostgreSQL that could lose acknowledged commits', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zeren-durability-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // fsync=off needs a server of its own: test/reliability/durability.reliability-spec.ts.
  it('refuses a database whose synchronous_commit is off, under a stable code, and starts once it is back on', async () => {
    const database = await createTestDatabase();
    try {
      await withOwner(database, (client) => client.query(`ALTER DATABASE ${database.name} SET synchronous_commit = off`));
      await expect(startAgainst(database.ownerUrl, database.appUrl, join(dataDir, database.name))).rejects.toMatchObject({
        code: 'UNSAFE_DATABASE_SETTINGS',
        settings: ['synchronous_commit=off'],
      });
      await withOwner(database, (client) => client.query(`ALTER DATABASE ${database.name} RESET synchronous_commit`));
      const running = (await startAgainst(database.ownerUrl, database.appUrl, join(dataDir, database.name))) as { close(): Promise<void> };
      await running.close();
    } finally {
      await database.drop();
    }
  });
});
