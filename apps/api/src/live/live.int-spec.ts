import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DueWarningsJob } from '../findings/warnings/due-warnings.job';
import { eventually } from '../../test/eventually';
import { expectData, setUpDistrictWorld, type Account, type DistrictWorld } from '../../test/fixtures/district';
import { daysFromToday, recordedFinding, startedInspection } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';
import { LiveEvents } from './live-events';

let app: TestApp;
let world: DistrictWorld;
let inspectionId: string;
const clients: Client[] = [];

interface Change {
  findingId: string;
  tenantId: string;
  unitId: string | null;
  type: string;
  version: number;
  actorId: string;
  data: Record<string, unknown>;
}
interface Notice {
  findingId: string;
  tenantId: string;
  unitId: string;
  level: string;
  deadline: string;
  daysRemaining: number;
}

const FINDING_CHANGED = 'subscription($findingId: ID, $tenantId: ID) { findingChanged(findingId: $findingId, tenantId: $tenantId) { findingId tenantId unitId type version actorId data } }';
const WARNING_ISSUED = 'subscription($tenantId: ID) { warningIssued(tenantId: $tenantId) { findingId tenantId unitId level deadline daysRemaining } }';

function connect(token: string): Client {
  const client = createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

/** Subscribes and collects what arrives, and the errors, until the test ends. */
function subscribe<T>(account: Account, query: string, variables: Record<string, unknown> = {}): { received: T[]; errors: unknown[] } {
  const received: T[] = [];
  const errors: unknown[] = [];
  connect(account.token).subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) received.push(...Object.values(result.data));
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { received, errors };
}

/** Waits until this many subscriptions are registered on the server, so nothing is published before them. */
async function subscribed(count: number): Promise<void> {
  const live = app.server.app.get(LiveEvents);
  await eventually(() => (live.subscriberCount >= count ? true : undefined), { what: `${count} live subscriptions` });
}

async function change(mutation: string, inputType: string, input: Record<string, unknown>, account: Account): Promise<number> {
  const data = await expectData<Record<string, { version: number }>>(app.graphql, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { version } }`, { input }, account.token);
  return data[mutation]!.version;
}

const submitPlan = (findingId: string, account: Account): Promise<number> =>
  change('submitRectificationPlan', 'SubmitRectificationPlanInput', { id: findingId, expectedVersion: 1, measures: '制定学习计划', responsiblePerson: { name: '王明' }, plannedCompletionDate: daysFromToday(20) }, account);
const checkIn = (findingId: string, version: number, account: Account): Promise<number> =>
  change('checkInProgress', 'CheckInProgressInput', { id: findingId, expectedVersion: version, percent: 40, narrative: '已开展两次集体学习' }, account);

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  inspectionId = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA, world.unitB] });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app.close();
});

describe('findingChanged over graphql-ws', () => {
  it('delivers a check-in to the district, the city and the unit, and to no other unit or district', async () => {
    const findingA = (await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitA })).id;
    const findingB = (await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitB })).id;
    const otherInspection = await startedInspection(app.graphql, world.otherCityAdmin.token, { unitIds: [world.otherCityUnit] });
    const otherFinding = (await recordedFinding(app.graphql, world.otherCityAdmin.token, { inspectionId: otherInspection, unitId: world.otherCityUnit })).id;

    const before = app.server.app.get(LiveEvents).subscriberCount;
    const admin = subscribe<Change>(world.districtAdmin, FINDING_CHANGED);
    const inspector = subscribe<Change>(world.cityInspector, FINDING_CHANGED);
    const officerA = subscribe<Change>(world.officerA, FINDING_CHANGED);
    const officerB = subscribe<Change>(world.officerB, FINDING_CHANGED);
    const otherCity = subscribe<Change>(world.otherCityAdmin, FINDING_CHANGED);
    const onlyB = subscribe<Change>(world.districtAdmin, FINDING_CHANGED, { findingId: findingB });
    await subscribed(before + 6);

    // The unit officer of unit A reports on its finding…
    const planned = await submitPlan(findingA, world.officerA);
    await checkIn(findingA, planned, world.officerA);
    // …then the others act, so each subscriber's own events show that A's came (in order) or did not.
    await submitPlan(findingB, world.officerB);
    await submitPlan(otherFinding, world.otherCityAdmin);

    const seen = (subscriber: { received: Change[] }) => subscriber.received.map((change) => `${change.findingId}:${change.type}`);
    const a = [`${findingA}:RectificationPlanSubmitted`, `${findingA}:ProgressCheckedIn`];
    const b = [`${findingB}:RectificationPlanSubmitted`];
    await eventually(() => (admin.received.length >= 3 && officerB.received.length >= 1 && otherCity.received.length >= 1 && onlyB.received.length >= 1 ? true : undefined), {
      what: 'the changes to reach their subscribers',
    });
    expect(seen(admin)).toEqual([...a, ...b]);
    expect(seen(inspector)).toEqual([...a, ...b]);
    expect(seen(officerB)).toEqual(b);
    expect(seen(otherCity)).toEqual([`${otherFinding}:RectificationPlanSubmitted`]);
    expect(seen(onlyB)).toEqual(b);
    await eventually(() => (officerA.received.length >= 2 ? true : undefined), { what: 'officer A’s own changes' });
    expect(seen(officerA)).toEqual(a);

    const checkedIn = admin.received[1]!;
    expect(checkedIn).toMatchObject({ tenantId: world.tenantId, unitId: world.unitA, version: 3, actorId: world.officerA.id, data: expect.objectContaining({ percent: 40 }) });
    for (const subscriber of [admin, inspector, officerA, officerB, otherCity, onlyB]) expect(subscriber.errors).toEqual([]);
  });

  it('follows a finding to the unit it is reassigned to', async () => {
    const finding = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitA });
    const before = app.server.app.get(LiveEvents).subscriberCount;
    const officerA = subscribe<Change>(world.officerA, FINDING_CHANGED, { findingId: finding.id });
    const officerB = subscribe<Change>(world.officerB, FINDING_CHANGED, { findingId: finding.id });
    await subscribed(before + 2);
    await change('reassignFinding', 'ReassignFindingInput', { id: finding.id, expectedVersion: 1, toUnitId: world.unitB, reason: '职责调整' }, world.districtAdmin);
    await change('submitRectificationPlan', 'SubmitRectificationPlanInput', { id: finding.id, expectedVersion: 2, measures: '制定学习计划', responsiblePerson: { name: '王明' }, plannedCompletionDate: daysFromToday(20) }, world.officerB);
    await eventually(() => (officerB.received.length >= 2 ? true : undefined), { what: 'the new unit’s officer to see the finding' });
    expect(officerB.received.map((change) => [change.type, change.unitId])).toEqual([
      ['FindingReassigned', world.unitB],
      ['RectificationPlanSubmitted', world.unitB],
    ]);
    expect(officerA.received).toEqual([]);
  });
});

describe('warningIssued over graphql-ws', () => {
  it('delivers a 三色预警 to the district and the unit warned, not to another unit or district', async () => {
    const before = app.server.app.get(LiveEvents).subscriberCount;
    const admin = subscribe<Notice>(world.districtAdmin, WARNING_ISSUED, { tenantId: world.tenantId });
    const officerB = subscribe<Notice>(world.officerB, WARNING_ISSUED);
    const officerA = subscribe<Notice>(world.officerA, WARNING_ISSUED);
    const sibling = subscribe<Notice>(world.siblingAdmin, WARNING_ISSUED);
    await subscribed(before + 4);
    const due = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitB, deadlineInDays: 5 });
    await app.server.app.get(DueWarningsJob).runDueWarnings();

    await eventually(() => (admin.received.some((notice) => notice.findingId === due.id) && officerB.received.length > 0 ? true : undefined), { what: 'the warning' });
    expect(admin.received.find((notice) => notice.findingId === due.id)).toEqual({
      findingId: due.id,
      tenantId: world.tenantId,
      unitId: world.unitB,
      level: 'YELLOW',
      deadline: due.deadline,
      daysRemaining: 5,
    });
    expect(officerB.received.map((notice) => notice.findingId)).toEqual([due.id]);
    // Unit A's findings are two months from their deadlines: nothing is due for them, and B's is not theirs.
    expect(officerA.received).toEqual([]);
    expect(sibling.received).toEqual([]);
  });
});

describe('connecting', () => {
  /** Opens a raw graphql-transport-ws connection and answers how the server closed it. */
  function closeCodeFor(connectionParams: Record<string, unknown> | undefined): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', ...(connectionParams ? { payload: connectionParams } : {}) })));
      socket.on('message', (message) => reject(new Error(`expected the connection to be refused, got ${String(message)}`)));
      socket.on('close', (code) => resolve(code));
      socket.on('error', reject);
    });
  }

  it('refuses a connection without a valid Bearer token (4403 Forbidden)', async () => {
    expect(await closeCodeFor(undefined)).toBe(4403);
    expect(await closeCodeFor({ authorization: 'Bearer not-a-token' })).toBe(4403);
    expect(await closeCodeFor({ authorization: world.districtAdmin.token })).toBe(4403);
  });

  /** The errors a document is refused with before it runs. */
  function refusal(query: string): Promise<unknown[]> {
    const client = connect(world.districtAdmin.token);
    return new Promise((resolve) => {
      client.subscribe({ query }, { next: () => undefined, error: (errors) => resolve(errors as unknown[]), complete: () => resolve([]) });
    });
  }

  it('takes subscriptions only: queries and mutations belong to HTTP', async () => {
    expect(await refusal('{ viewer { id } }')).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('answers a document that does not parse as an error of that operation, keeping the connection', async () => {
    expect(await refusal('subscription { findingChanged {')).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }) })]);
  });

  it('applies the limits of HTTP to documents sent over the socket', async () => {
    const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: type`).join(' ');
    expect(await refusal(`subscription { findingChanged { ${aliases} } }`)).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_MANY_ALIASES' }) }),
    ]);
  });
});
