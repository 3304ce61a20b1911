import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, graphql as post, startServerProcess, type ServerProcess } from '@zeren/testing';
import { eventually } from '../../test/eventually';
import { expectData, setUpDistrictWorld, type DistrictWorld, type GraphQLCall } from '../../test/fixtures/district';
import { recordedFinding, startedInspection } from '../../test/fixtures/rectification';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink';
import { subscribe, type LiveSubscription } from '../../test/subscription-client';
import { TEST_ADMIN_PASSWORD, TEST_JWT_SECRET } from '../../test/test-app';
import { createTestDatabase, withOwner, type TestDatabase } from '../../test/test-database';
import { PEOPLE_PASSWORD, registerPerson } from '../../test/two-districts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/webhook-receiver';

/**
 * Two API processes — the built server, as deployed — on one PostgreSQL. Everything that happens
 * once per cluster (webhook deliveries, notifications and their e-mails, the 三色预警 scheduler)
 * must happen exactly once however the work falls between them, and a subscriber connected to one
 * instance must hear of what was committed through the other.
 */
const MAIN = join(__dirname, '../../../../dist/api/apps/api/src/main.js');
const FINDINGS = 6;
/** Long enough for several polls, wake-ups and warning rounds on both instances. */
const SETTLE_MS = 3000;

let database: TestDatabase;
let sink: SmtpSink;
let receiver: WebhookReceiver;
const instances: ServerProcess[] = [];
const dataDirs: string[] = [];
let world: DistrictWorld;
let liaison: { id: string; token: string };
let inspectionId: string;
let notificationsOnB: LiveSubscription<{ kind: string; recordId: string }>;
let findingChangesOnB: LiveSubscription<{ findingId: string; type: string }>;
const recorded: string[] = [];

const callOn =
  (instance: () => ServerProcess): GraphQLCall =>
  async <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const { status, body } = await post<T>(instance().url, query, variables, token ? { authorization: `Bearer ${token}` } : {});
    return { status, ...(body as { data?: T; errors?: [] }) };
  };
const callA = callOn(() => instances[0]!);
const callB = callOn(() => instances[1]!);

async function signInOn(call: GraphQLCall, username: string, password: string): Promise<string> {
  const data = await expectData<{ signIn: { accessToken: string } }>(call, 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }', { input: { username, password } }, '');
  return data.signIn.accessToken;
}

async function startInstance(): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zeren-instance-'));
  dataDirs.push(dataDir);
  return startServerProcess({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    DATABASE_URL: database.ownerUrl,
    DATABASE_APP_URL: database.appUrl,
    ZEREN_JWT_SECRET: TEST_JWT_SECRET,
    ZEREN_BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    ZEREN_DATA_DIR: dataDir,
    ZEREN_SEED_DEMO: 'never',
    ZEREN_LOG_LEVEL: 'warn',
    ZEREN_POLL_INTERVAL_MS: '50',
    ZEREN_WARNING_INTERVAL_MS: '1000',
    ZEREN_SMTP_URL: sink.url,
    ZEREN_MAIL_FROM: 'zeren@qiantang.gov.cn',
  });
}

async function recordFindings(count: number, through: (index: number) => GraphQLCall): Promise<void> {
  for (let index = 0; index < count; index++) {
    const finding = await recordedFinding(through(recorded.length), world.districtAdmin.token, { inspectionId, unitId: world.unitA, deadlineInDays: 5, title: `整改问题${recorded.length + 1}` });
    recorded.push(finding.id);
  }
}

/** Waits until everything due for the findings so far arrived, then a while longer, and checks nothing arrived twice. */
async function expectEachOnce(): Promise<void> {
  const findings = recorded.length;
  const deliveredOf = (type: string) => receiver.delivered().filter((request) => request.eventType === type);
  await eventually(() => (deliveredOf('FindingRecorded').length >= findings && deliveredOf('WarningIssued').length >= findings ? true : undefined), { timeoutMs: 30_000, what: 'the webhook deliveries' });
  await sink.waitForMessages(2 * findings, 30_000);
  await notificationsOnB.waitFor(2 * findings, 30_000);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

  // Webhooks: one delivery per event, one event per finding and type.
  const delivered = receiver.delivered();
  expect(new Set(delivered.map((request) => request.eventId)).size).toBe(delivered.length);
  for (const type of ['FindingRecorded', 'WarningIssued']) {
    expect(deliveredOf(type).map((request) => request.body.streamId).sort()).toEqual([...recorded].sort());
  }
  // Notifications and e-mails: an assignment and a (yellow) warning per finding, each once.
  expect(sink.messages).toHaveLength(2 * findings);
  expect(new Set(sink.messages.map((mail) => mail.subject)).size).toBe(2 * findings);
  expect(notificationsOnB.values).toHaveLength(2 * findings);
  const inbox = await expectData<{ notifications: { totalCount: number } }>(callB, '{ notifications(first: 1) { totalCount } }', {}, liaison.token);
  expect(inbox.notifications.totalCount).toBe(2 * findings);
  // The scheduler warned each finding once, whichever instance held the round.
  const warnings = await withOwner(database, async (owner) => (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'WarningIssued'`)).rows[0]!.n);
  expect(warnings).toBe(findings);
}

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`build the server first: node tools/build/build-api.mjs (${MAIN} is missing)`);
  database = await createTestDatabase();
  sink = await startSmtpSink();
  receiver = await startWebhookReceiver();
  instances.push(...(await Promise.all([startInstance(), startInstance()])));

  world = await setUpDistrictWorld(callA, (username, password) => signInOn(callA, username, password));
  const id = await registerPerson(callA, world.districtAdmin.token, {
    username: 'qt.liaison',
    displayName: '河庄联络员',
    role: 'unit_officer',
    tenantId: world.tenantId,
    unitId: world.unitA,
    email: 'liaison@hezhuang.gov.cn',
  });
  liaison = { id, token: await signInOn(callB, 'qt.liaison', PEOPLE_PASSWORD) };
  await expectData(callB, 'mutation($input: AssignUnitPersonInput!) { assignUnitLiaison(input: $input) { id } }', { input: { id: world.unitA, expectedVersion: 1, personId: id } }, world.districtAdmin.token);
  const endpoint = await expectData<{ registerWebhookEndpoint: { secret: string } }>(
    callB,
    'mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }',
    { input: { url: receiver.url, eventTypes: ['FindingRecorded', 'WarningIssued'] } },
    world.districtAdmin.token,
  );
  receiver.secret = endpoint.registerWebhookEndpoint.secret;
  inspectionId = await startedInspection(callA, world.districtAdmin.token, { unitIds: [world.unitA] });
  notificationsOnB = await subscribe(instances[1]!.url, liaison.token, 'subscription { notificationReceived { kind recordId } }');
  findingChangesOnB = await subscribe(instances[1]!.url, world.districtAdmin.token, 'subscription { findingChanged { findingId type } }');
}, 180_000);

afterAll(async () => {
  await notificationsOnB?.close();
  await findingChangesOnB?.close();
  for (const instance of instances) await instance.stop();
  await receiver?.close();
  await sink?.close();
  await database?.drop();
  for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('two API instances on one PostgreSQL', () => {
  it('deliver every webhook, notification and e-mail exactly once, and the scheduler warns once, with commands through both', async () => {
    await recordFindings(FINDINGS, (index) => (index % 2 === 0 ? callA : callB));
    await expectEachOnce();
  }, 120_000);

  it('let a subscriber on one instance hear of events committed through the other', async () => {
    const throughA = recorded.filter((_, index) => index % 2 === 0);
    await eventually(() => (throughA.every((id) => findingChangesOnB.values.some((change) => change.findingId === id && change.type === 'FindingRecorded')) ? true : undefined));
    expect(notificationsOnB.values.filter((notification) => throughA.includes(notification.recordId)).map((notification) => notification.kind).sort()).toEqual(
      throughA.flatMap(() => ['ASSIGNMENT', 'WARNING']).sort(),
    );
  });

  it('carry on exactly once when one of them stops', async () => {
    expect(await instances[0]!.stop()).toBe(0);
    await recordFindings(2, () => callB);
    await expectEachOnce();
  }, 120_000);
});
