import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../src/database/database-bootstrap';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../src/database/embedded-postgres';
import { freePort } from '@zeren/testing';
import { TEST_APP_PASSWORD, TEMPLATE_DATABASE } from './test-constants';

declare global {
  var __ZEREN_TEST_PG__: EmbeddedPostgresHandle | undefined;
}

/**
 * One PostgreSQL for the whole run: the embedded one in a throw-away folder, or the server named by
 * DATABASE_URL. Migrations run once into a template database that every test file clones.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'zeren-test-pg-'));
    const handle = await startEmbeddedPostgres({ dataDir, port: await freePort(), superuserPassword: 'zeren-test', ephemeral: true });
    globalThis.__ZEREN_TEST_PG__ = handle;
    adminUrl = handle.adminUrl;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await runMigrations(templateUrl.toString(), () => undefined);
  const owner = new Client({ connectionString: templateUrl.toString() });
  await owner.connect();
  try {
    await owner.query(`ALTER ROLE zeren_app WITH LOGIN PASSWORD '${TEST_APP_PASSWORD}'`);
  } finally {
    await owner.end();
  }
  process.env['ZEREN_TEST_ADMIN_URL'] = adminUrl;
}
