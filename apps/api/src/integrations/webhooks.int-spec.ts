import { eventCatalogue } from '@zeren/events';
import { Client } from 'pg';
import { ProjectionRegistry } from '../commands/projection-registry';
import { replayProjections } from '../maintenance/projection-replay';
import { eventually } from '../../test/eventually';
import { startTestApp, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';
import { registerPerson, setUpTwoDistricts, type TwoDistricts } from '../../test/two-districts';
import { startWebhookReceiver, type ReceivedDelivery, type WebhookReceiver } from '../../test/webhook-receiver';

const MAX_ATTEMPTS = 4;
const PERSON_EVENTS = ['PersonRegistered', 'PasswordSet', 'PersonRoleChanged', 'PersonDeactivated'];
const UNIT = 'a0000000-0000-4000-8000-00000000a001';

const REGISTER = `mutation($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes status version } } }`;
const ENDPOINTS = '{ webhookEndpoints { id url status version } }';
const DELIVERIES = `query($endpointId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id eventId eventType streamId status attempts lastStatusCode lastError deliveredAt replayOf } } } }`;
const REPLAY = 'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id eventId status replayOf } }';
const DISABLE = 'mutation($id: ID!, $v: Int!) { disableWebhookEndpoint(id: $id, expectedVersion: $v, reason: "停用测试") { id status version } }';

interface DeliveryNode {
  id: string;
  eventId: string;
  eventType: string;
  streamId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  replayOf: string | null;
}

let app: TestApp;
let districts: TwoDistricts;
let receiver: WebhookReceiver;
let endpoint: { id: string; version: number };
let adminToken: string;

const gql = <T>(query: string, variables: Record<string, unknown> = {}, token = adminToken) => app.graphql<T>(query, variables, token);

async function data<T>(query: string, variables: Record<string, unknown> = {}, token = adminToken): Promise<T> {
  const result = await gql<T>(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function deliveries(variables: Record<string, unknown> = {}): Promise<DeliveryNode[]> {
  const page = await data<{ webhookDeliveries: { edges: Array<{ node: DeliveryNode }> } }>(DELIVERIES, { endpointId: endpoint.id, first: 100, ...variables });
  return page.webhookDeliveries.edges.map((edge) => edge.node);
}

/** The requests (of any outcome) for one person's stream, in arrival order. */
const requestsFor = (personId: string): ReceivedDelivery[] => receiver.requests.filter((request) => request.body.streamId === personId);

async function openDeliveries(): Promise<number> {
  return withOwner(app.database, async (owner) => {
    const { rows } = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_outbox WHERE status IN ('PENDING', 'IN_FLIGHT')`);
    return rows[0]!.n;
  });
}

beforeAll(async () => {
  app = await startTestApp({
    ZEREN_POLL_INTERVAL_MS: '50',
    ZEREN_WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    ZEREN_DELIVERY_RETRY_BASE_MS: '150',
    ZEREN_DELIVERY_RETRY_MAX_MS: '600',
  });
  districts = await setUpTwoDistricts(app.graphql, app.signIn);
  adminToken = districts.qiantangAdmin.token;
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver.close();
  await app.close();
});

describe('registering an endpoint', () => {
  it('shows the secret once, keeps it out of the events, and lets the runtime role write but not read it', async () => {
    const { registerWebhookEndpoint } = await data<{ registerWebhookEndpoint: { secret: string; endpoint: { id: string; url: string; eventTypes: string[]; status: string; version: number } } }>(REGISTER, {
      input: { url: receiver.url, eventTypes: PERSON_EVENTS, description: 'OA 督办系统' },
    });
    expect(registerWebhookEndpoint.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(registerWebhookEndpoint.endpoint).toMatchObject({ url: receiver.url, status: 'ACTIVE', version: 1, eventTypes: [...PERSON_EVENTS].sort() });
    receiver.secret = registerWebhookEndpoint.secret;
    endpoint = registerWebhookEndpoint.endpoint;

    const listed = await data<{ webhookEndpoints: Array<{ id: string }> }>(ENDPOINTS);
    expect(listed.webhookEndpoints.map((row) => row.id)).toEqual([endpoint.id]);

    await withOwner(app.database, async (owner) => {
      const { rows } = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE data::text LIKE '%' || $1 || '%' OR metadata::text LIKE '%' || $1 || '%'`, [receiver.secret]);
      expect(rows[0]!.n).toBe(0);
      const { rows: recorded } = await owner.query<{ type: string }>(`SELECT type FROM events WHERE stream_id = $1`, [endpoint.id]);
      expect(recorded.map((row) => row.type)).toEqual(['WebhookEndpointRegistered']);
    });
    const runtime = new Client({ connectionString: app.database.appUrl });
    await runtime.connect();
    try {
      await runtime.query('BEGIN');
      await runtime.query(`SELECT set_config('zeren.tenant_ids', $1, true)`, [`{${districts.qiantang}}`]);
      const { rows } = await runtime.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_secrets');
      expect(rows[0]!.n).toBe(1);
      await expect(runtime.query('SELECT secret FROM webhook_secrets')).rejects.toThrow(/permission denied/);
    } finally {
      await runtime.query('ROLLBACK');
      await runtime.end();
    }
  });

  it('is the district administrator’s to change; its auditor reads it; another district sees nothing', async () => {
    await registerPerson(app.graphql, adminToken, { username: 'qt.auditor', displayName: '审计', role: 'auditor', tenantId: districts.qiantang });
    const auditor = await app.signIn('qt.auditor', 'Demo-password-2026');
    const refused = await gql(REGISTER, { input: { url: receiver.url, eventTypes: ['PersonRegistered'] } }, auditor);
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await data<{ webhookEndpoints: Array<{ id: string }> }>(ENDPOINTS, {}, auditor)).webhookEndpoints.map((row) => row.id)).toEqual([endpoint.id]);
    const auditorDisables = await gql(DISABLE, { id: endpoint.id, v: 1 }, auditor);
    expect(auditorDisables.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const other = districts.zhongyuanAdmin.token;
    expect((await data<{ webhookEndpoints: unknown[] }>(ENDPOINTS, {}, other)).webhookEndpoints).toEqual([]);
    for (const [query, variables] of [
      [DELIVERIES, { endpointId: endpoint.id }],
      [DISABLE, { id: endpoint.id, v: 1 }],
    ] as const) {
      const result = await gql(query, variables, other);
      expect(result.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    }
  });

  it('refuses unknown event types and URLs that are not http(s)', async () => {
    const unknown = await gql(REGISTER, { input: { url: receiver.url, eventTypes: ['NoSuchEvent'] } });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { eventTypes: expect.stringContaining('NoSuchEvent') } });
    const ftp = await gql(REGISTER, { input: { url: 'ftp://127.0.0.1/hooks', eventTypes: ['PersonRegistered'] } });
    expect(ftp.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { url: expect.any(String) } });
  });
});

describe('delivering', () => {
  it('sends each event once, signed, and a stream’s events in order even while an earlier one is being retried', async () => {
    let unblocked = false;
    let later = '';
    // The first person's first event fails until another person's event has been delivered: other
    // streams are not held up, while this stream's later events wait for the retries to succeed.
    receiver.answer = (delivery) => {
      if (delivery.body.data['username'] === 'qt.first' && delivery.eventType === 'PersonRegistered' && !unblocked) return 503;
      if (delivery.body.streamId === later) unblocked = true;
      return 200;
    };
    const first = await registerPerson(app.graphql, adminToken, { username: 'qt.first', displayName: '第一位', role: 'unit_officer', tenantId: districts.qiantang, unitId: UNIT });
    await data('mutation($id: ID!) { changePersonRole(id: $id, role: auditor, expectedVersion: 2) { version } }', { id: first });
    await data('mutation($id: ID!) { deactivatePerson(id: $id, reason: "调离", expectedVersion: 3) { version } }', { id: first });
    later = await registerPerson(app.graphql, adminToken, { username: 'qt.later', displayName: '第二位', role: 'auditor', tenantId: districts.qiantang });

    await eventually(() => (requestsFor(first).filter((request) => request.answered === 200).length === 4 ? true : undefined), { what: 'four deliveries of the first stream' });
    const firstStream = requestsFor(first);
    expect(firstStream.slice(0, 1).map((request) => request.answered)).toEqual([503]);
    // Nothing of version 2 or later left before version 1 was delivered, and each version arrived once.
    const delivered = firstStream.filter((request) => request.answered === 200);
    expect(delivered.map((request) => request.body.version)).toEqual([1, 2, 3, 4]);
    const firstSuccess = firstStream.findIndex((request) => request.answered === 200);
    expect(firstStream.slice(0, firstSuccess).every((request) => request.body.version === 1)).toBe(true);
    // The other stream went through while the first one was failing.
    const laterDelivered = receiver.requests.findIndex((request) => request.body.streamId === later && request.answered === 200);
    expect(laterDelivered).toBeLessThan(receiver.requests.indexOf(firstStream[firstSuccess]!));

    for (const request of receiver.delivered()) {
      expect(request.signature.valid).toBe(true);
      expect(request.eventId).toBe(request.body.id);
      expect(request.eventId).toMatch(new RegExp(`^${districts.qiantang}:\\d+$`));
    }
    const ids = receiver.delivered().map((request) => request.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    const retried = (await deliveries()).find((node) => node.streamId === first && node.eventType === 'PersonRegistered')!;
    expect(retried.status).toBe('DELIVERED');
    expect(retried.attempts).toBeGreaterThan(1);
    // Retries of one delivery carry the same delivery id.
    expect(new Set(firstStream.filter((request) => request.body.version === 1).map((request) => request.deliveryId))).toEqual(new Set([retried.id]));
  });

  it('dead-letters after the configured attempts, which unblocks the stream, and replays on request', async () => {
    let broken = true;
    receiver.answer = (delivery) => (broken && delivery.body.data['username'] === 'qt.broken' ? 500 : 200);
    const person = await registerPerson(app.graphql, adminToken, { username: 'qt.broken', displayName: '失败', role: 'auditor', tenantId: districts.qiantang });

    const dead = await eventually(async () => (await deliveries({ status: 'DEAD' })).find((node) => node.streamId === person));
    expect(dead).toMatchObject({ eventType: 'PersonRegistered', attempts: MAX_ATTEMPTS, lastStatusCode: 500, lastError: expect.stringContaining('HTTP 500') });
    expect(requestsFor(person).filter((request) => request.body.version === 1)).toHaveLength(MAX_ATTEMPTS);
    // The next event of the stream (PasswordSet) was not held back for ever by the dead one.
    await eventually(() => (requestsFor(person).some((request) => request.body.version === 2 && request.answered === 200) ? true : undefined));

    broken = false;
    const replay = await data<{ replayWebhookDelivery: { id: string; eventId: string; replayOf: string } }>(REPLAY, { id: dead.id });
    expect(replay.replayWebhookDelivery).toMatchObject({ eventId: dead.eventId, replayOf: dead.id });
    expect(replay.replayWebhookDelivery.id).not.toBe(dead.id);
    const arrived = await eventually(() => receiver.delivered().find((request) => request.deliveryId === replay.replayWebhookDelivery.id));
    expect(arrived.eventId).toBe(dead.eventId);
    await eventually(async () => ((await deliveries()).find((node) => node.id === replay.replayWebhookDelivery.id)?.status === 'DELIVERED' ? true : undefined));
    // The replay is on the endpoint's record.
    await withOwner(app.database, async (owner) => {
      const { rows } = await owner.query<{ type: string }>(`SELECT type FROM events WHERE stream_id = $1 ORDER BY version`, [endpoint.id]);
      expect(rows.map((row) => row.type)).toEqual(['WebhookEndpointRegistered', 'WebhookDeliveryReplayed']);
    });

    const unknown = await gql(REPLAY, { id: 'a0000000-0000-4000-8000-0000000000ff' });
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const foreign = await gql(REPLAY, { id: dead.id }, districts.zhongyuanAdmin.token);
    expect(foreign.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('delivers nothing for a command that rolled back', async () => {
    receiver.answer = () => 200;
    // The account insert after the append fails (the user name is taken), so the whole command rolls back.
    const refused = await gql('mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', {
      input: { username: 'qt.first', displayName: '回滚测试', role: 'auditor', tenantId: districts.qiantang, initialPassword: 'Demo-password-2026' },
    });
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    await eventually(async () => ((await openDeliveries()) === 0 ? true : undefined), { what: 'an empty queue' });
    expect(receiver.requests.filter((request) => request.body.data['displayName'] === '回滚测试')).toEqual([]);
    await withOwner(app.database, async (owner) => {
      const { rows } = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_outbox WHERE body LIKE '%回滚测试%'`);
      expect(rows[0]!.n).toBe(0);
    });
  });

  it('pages the deliveries newest first without overlap', async () => {
    const all = await deliveries();
    const firstPage = await data<{ webhookDeliveries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: DeliveryNode }> } }>(DELIVERIES, {
      endpointId: endpoint.id,
      first: 3,
    });
    expect(firstPage.webhookDeliveries.totalCount).toBe(all.length);
    expect(firstPage.webhookDeliveries.pageInfo.hasNextPage).toBe(true);
    const secondPage = await data<{ webhookDeliveries: { edges: Array<{ node: DeliveryNode }> } }>(DELIVERIES, {
      endpointId: endpoint.id,
      first: 100,
      after: firstPage.webhookDeliveries.pageInfo.endCursor,
    });
    const ids = [...firstPage.webhookDeliveries.edges, ...secondPage.webhookDeliveries.edges].map((edge) => edge.node.id);
    expect(ids).toEqual(all.map((node) => node.id));
    const bad = await gql(DELIVERIES, { endpointId: endpoint.id, after: 'bm90LWEtY3Vyc29y' });
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('queues nothing again when the projections are rebuilt from the log', async () => {
    const count = () => withOwner(app.database, async (owner) => (await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_outbox')).rows[0]!.n);
    const before = await count();
    const report = await withOwner(app.database, (owner) => replayProjections(owner, eventCatalogue, app.server.app.get(ProjectionRegistry).all()));
    expect(report.differences.find((difference) => difference.table === 'webhook_endpoints')).toEqual({ table: 'webhook_endpoints', onlyLive: 0, onlyRebuilt: 0 });
    expect(await count()).toBe(before);
  });
});

describe('disabling an endpoint', () => {
  it('needs the current version, then stops deliveries', async () => {
    const stale = await gql(DISABLE, { id: endpoint.id, v: 1 });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
    const disabled = await data<{ disableWebhookEndpoint: { status: string; version: number } }>(DISABLE, { id: endpoint.id, v: 2 });
    expect(disabled.disableWebhookEndpoint).toEqual({ id: endpoint.id, status: 'DISABLED', version: 3 });

    const person = await registerPerson(app.graphql, adminToken, { username: 'qt.after', displayName: '停用之后', role: 'auditor', tenantId: districts.qiantang });
    expect((await deliveries()).filter((node) => node.streamId === person)).toEqual([]);
    const again = await gql(DISABLE, { id: endpoint.id, v: 3 });
    expect(again.errors![0]!.extensions!.code).toBe('INVALID_STATE');
  });
});
