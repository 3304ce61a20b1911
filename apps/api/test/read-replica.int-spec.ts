import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql as post } from '@zeren/testing';
import { Client } from 'pg';
import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/database-bootstrap';
import { ScopedTransactions } from '../src/database/scoped-transactions';
import { JsonLogger } from '../src/logging/json-logger';
import { startServer, type RunningServer } from '../src/server';
import { eventually } from './eventually';
import { startPrimaryWithStandby, type PrimaryAndStandby } from './streaming-standby';
import { TEST_ADMIN_PASSWORD, TEST_JWT_SECRET, type GraphQLResponse } from './test-app';
import { registerPerson, setUpTwoDistricts, type TwoDistricts } from './two-districts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const APP_PASSWORD = 'zeren-app-replica-password';
const DELIVERY_COUNT = 'query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }';

let clusters: PrimaryAndStandby;
let server: RunningServer;
let receiver: WebhookReceiver;
let districts: TwoDistricts;
let endpointId: string;
const dataDir = mkdtempSync(join(tmpdir(), 'zeren-replica-app-'));

async function call<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
  const { status, body } = await post<T>(server.url, query, variables, token ? { authorization: `Bearer ${token}` } : {});
  return { status, ...(body as Omit<GraphQLResponse<T>, 'status'>) };
}

async function signIn(username: string, password: string): Promise<string> {
  const result = await call<{ signIn: { accessToken: string } }>('mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }', { input: { username, password } });
  return result.data!.signIn.accessToken;
}

async function onStandby<T>(text: string): Promise<T[]> {
  const client = new Client({ connectionString: clusters.standby.url('zeren') });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function deliveriesSeenByTheApi(): Promise<number> {
  const result = await call<{ webhookDeliveries: { totalCount: number } }>(DELIVERY_COUNT, { id: endpointId }, districts.qiantangAdmin.token);
  return result.data!.webhookDeliveries.totalCount;
}

beforeAll(async () => {
  clusters = await startPrimaryWithStandby();
  // The application's database is made on the primary after the base backup: the standby gets it by streaming.
  const owner = new Client({ connectionString: clusters.primary.url() });
  await owner.connect();
  await owner.query(`CREATE DATABASE zeren ENCODING 'UTF8' TEMPLATE template0`);
  await owner.end();
  await runMigrations(clusters.primary.url('zeren'), () => undefined);
  const zeren = new Client({ connectionString: clusters.primary.url('zeren') });
  await zeren.connect();
  await zeren.query(`ALTER ROLE zeren_app WITH LOGIN PASSWORD '${APP_PASSWORD}'`);
  await zeren.end();
  await clusters.caughtUp();

  const app = { user: 'zeren_app', password: APP_PASSWORD };
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: clusters.primary.url('zeren'),
    DATABASE_APP_URL: clusters.primary.url('zeren', app),
    DATABASE_REPLICA_URL: clusters.standby.url('zeren', app),
    ZEREN_JWT_SECRET: TEST_JWT_SECRET,
    ZEREN_BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    ZEREN_DATA_DIR: dataDir,
    ZEREN_LOG_LEVEL: 'error',
    ZEREN_POLL_INTERVAL_MS: '50',
  });
  server = await startServer(config, new JsonLogger('error'));
  receiver = await startWebhookReceiver();
  districts = await setUpTwoDistricts(call, signIn);
  const registered = await call<{ registerWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(
    'mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret endpoint { id } } }',
    { input: { url: receiver.url, eventTypes: ['PersonRegistered'] } },
    districts.qiantangAdmin.token,
  );
  endpointId = registered.data!.registerWebhookEndpoint.endpoint.id;
  receiver.secret = registered.data!.registerWebhookEndpoint.secret;
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await server?.close();
  await clusters?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('with DATABASE_REPLICA_URL', () => {
  it('runs read() on the standby and run() on the primary; read() cannot write', async () => {
    const transactions = server.app.get(ScopedTransactions);
    const where = (sql: { query: <Row>(text: string) => Promise<Row[]> }) => sql.query<{ replica: boolean; port: number }>('SELECT pg_is_in_recovery() AS replica, inet_server_port() AS port');
    expect(await transactions.read({ tenantIds: [districts.qiantang] }, where)).toEqual([{ replica: true, port: clusters.standby.port }]);
    expect(await transactions.run({ tenantIds: [districts.qiantang] }, where)).toEqual([{ replica: false, port: clusters.primary.port }]);
    await expect(
      transactions.read({ tenantIds: [districts.qiantang] }, (sql) => sql.query(`INSERT INTO idempotency_records (tenant_id, key, request_hash, response) VALUES ($1, 'k', '\\x00', '{}')`, [districts.qiantang])),
    ).rejects.toThrow(/read-only transaction/);
  });

  it('serves a list from the standby, which shows the primary’s writes once replayed, while writes go on at the primary', async () => {
    await registerPerson(call, districts.qiantangAdmin.token, { username: 'qt.first', displayName: '第一位', role: 'auditor', tenantId: districts.qiantang });
    await eventually(async () => ((await deliveriesSeenByTheApi()) === 1 ? true : undefined), { what: 'the first delivery on the replica' });

    // Freeze the standby: what the API lists now can only be the standby's view.
    await onStandby('SELECT pg_wal_replay_pause()');
    try {
      await registerPerson(call, districts.qiantangAdmin.token, { username: 'qt.second', displayName: '第二位', role: 'auditor', tenantId: districts.qiantang });
      const onPrimary = new Client({ connectionString: clusters.primary.url('zeren') });
      await onPrimary.connect();
      const { rows } = await onPrimary.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_outbox');
      await onPrimary.end();
      expect(rows[0]!.n).toBe(2);
      expect(await deliveriesSeenByTheApi()).toBe(1);
    } finally {
      await onStandby('SELECT pg_wal_replay_resume()');
    }
    await eventually(async () => ((await deliveriesSeenByTheApi()) === 2 ? true : undefined), { what: 'the second delivery on the replica' });
  });

  it('connects to the standby with its replica pool only', async () => {
    const pools = await onStandby<{ application_name: string }>(`SELECT DISTINCT application_name FROM pg_stat_activity WHERE usename = 'zeren_app'`);
    expect(pools.map((pool) => pool.application_name)).toEqual(['zeren-api-replica']);
  });
});
