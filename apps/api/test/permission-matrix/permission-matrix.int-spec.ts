import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { eventually } from '../eventually';
import { recordedFinding } from '../fixtures/rectification';
import { setUpTwoCities, type DistrictRecords, type TwoCities } from '../fixtures/two-cities';
import { subscribe, type LiveSubscription } from '../subscription-client';
import { startTestApp, type GraphQLResponse, type TestApp } from '../test-app';
import { withOwner } from '../test-database';
import { PEOPLE_PASSWORD } from '../two-districts';
import { CREDENTIALS, MATRIX, POSITIONS, ROLES, type Credential, type MatrixRole, type MatrixRow, type Outcome, type Position, type Target } from './permission-matrix.table';

let app: TestApp;
let world: TwoCities;
let tokens: Record<MatrixRole | Credential, string | undefined>;
const notificationIds = {} as Record<Position, string>;
const deliveryIds = {} as Record<Position, string>;

interface Case {
  operation: string;
  row: MatrixRow;
  caller: MatrixRole | Credential;
  position: Position;
  expected: Outcome;
}

/** Every operation × every role × every position, and every operation for each caller without a valid identity. */
function cases(filter: (row: MatrixRow) => boolean): Case[] {
  return Object.entries(MATRIX)
    .filter(([, row]) => filter(row))
    .flatMap(([operation, row]) => [
      ...ROLES.flatMap((role) => POSITIONS.map((position) => ({ operation, row, caller: role, position, expected: row.expected(role, position) }))),
      ...CREDENTIALS.map((caller) => ({
        operation,
        row,
        caller,
        position: 'own' as const,
        expected: (caller === 'anonymous' && row.public ? 'ALLOWED' : 'UNAUTHENTICATED') as Outcome,
      })),
    ]);
}

const recordsAt = (position: Position): DistrictRecords => world[position];
let uniqueCounter = 0;

function targetOf(c: Case): Target {
  const unique = `${++uniqueCounter}${Date.now().toString(36)}`;
  return {
    role: ROLES.includes(c.caller as MatrixRole) ? (c.caller as MatrixRole) : 'district_admin',
    records: recordsAt(c.position),
    world,
    unique,
    notificationId: notificationIds[c.position],
    deliveryId: deliveryIds[c.position],
    freshRefreshToken: async () => {
      const signedIn = await app.graphql<{ signIn: { refreshToken: string } }>(
        'mutation($input: SignInInput!) { signIn(input: $input) { refreshToken } }',
        { input: { username: 'qt.auditor', password: PEOPLE_PASSWORD } },
      );
      return signedIn.data!.signIn.refreshToken;
    },
    versionOf: (id) =>
      withOwner(app.database, async (owner) => (await owner.query<{ version: number }>('SELECT max(version)::int AS version FROM events WHERE stream_id = $1', [id])).rows[0]!.version),
  };
}

/** An answer that carries nothing: null, an empty list or an empty page. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'edges' in value) return (value as { edges: unknown[] }).edges.length === 0;
  return false;
}

function outcomeOf(operation: string, response: GraphQLResponse<Record<string, unknown>>): Outcome | `ERROR ${string}` {
  const code = response.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return 'UNAUTHENTICATED';
  if (code === 'FORBIDDEN') return 'FORBIDDEN';
  if (code === 'NOT_FOUND') return 'HIDDEN';
  // A server error or a malformed case says nothing about authorisation: it fails the test as such.
  if (code === 'INTERNAL_SERVER_ERROR' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') return `ERROR ${code}: ${response.errors![0]!.message}`;
  if (code) return 'ALLOWED';
  return isEmpty(response.data?.[operation]) ? 'HIDDEN' : 'ALLOWED';
}

/** Ids of records the caller may not read (other districts', and for a unit officer another unit's finding): none may appear anywhere in an answer's data. */
function foreignIds(caller: MatrixRole | Credential): Set<string> {
  const business = (records: DistrictRecords): string[] => [
    records.unitId,
    records.otherUnitId,
    records.personId,
    records.officerId,
    records.districtInspectionId,
    ...(records.cityInspectionId ? [records.cityInspectionId] : []),
    ...Object.values(records.findings).map((finding) => finding.id),
    records.otherUnitFindingId,
    records.interviewId,
    records.webhookEndpointId,
    records.apiTokenId,
    ...Object.values(records.responsibility),
  ];
  const district = (records: DistrictRecords): string[] => [records.tenantId, records.adminId, ...business(records)];
  switch (caller) {
    case 'platform_admin':
      return new Set(POSITIONS.flatMap((position) => business(recordsAt(position))));
    case 'city_inspector':
    case 'service_city_operations':
      return new Set(district(world.otherCity));
    case 'unit_officer':
      return new Set([world.own.otherUnitFindingId, ...district(world.sibling), ...district(world.otherCity)]);
    default:
      return new Set([...district(world.sibling), ...district(world.otherCity)]);
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Result {
  case: string;
  expected: Outcome;
  actual: string;
  leaked?: string[];
  detail?: string;
}

async function runCase(c: Case): Promise<Result> {
  const variables = c.row.variables ? await c.row.variables(targetOf(c)) : {};
  const response = await app.graphql<Record<string, unknown>>(c.row.document, variables, tokens[c.caller]);
  const actual = outcomeOf(c.operation, response);
  const leaked = JSON.stringify(response.data ?? null).match(UUID)?.filter((id) => foreignIds(c.caller).has(id)) ?? [];
  return {
    case: `${c.operation} as ${c.caller} in ${c.position}`,
    expected: c.expected,
    actual,
    ...(leaked.length > 0 && { leaked }),
    ...(actual !== c.expected && { detail: JSON.stringify(response.errors?.[0] ?? response.data).slice(0, 300) }),
  };
}

/** Cases run a few at a time: enough to keep the one app busy without starving the machine. */
async function runAll(all: Case[], concurrency = 8): Promise<Result[]> {
  const results: Result[] = [];
  for (let i = 0; i < all.length; i += concurrency) {
    results.push(...(await Promise.all(all.slice(i, i + concurrency).map(runCase))));
  }
  return results;
}

function report(results: Result[]): { unauthorised: Result[]; leaks: Result[]; mismatches: Result[] } {
  return {
    // Zero tolerance: something the table does not allow that got through.
    unauthorised: results.filter((r) => r.actual === 'ALLOWED' && r.expected !== 'ALLOWED'),
    leaks: results.filter((r) => r.leaked),
    mismatches: results.filter((r) => r.actual !== r.expected),
  };
}

beforeAll(async () => {
  // Warnings every second, so the warning subscription has something to carry.
  app = await startTestApp({ ZEREN_WARNING_INTERVAL_MS: '1000' });
  world = await setUpTwoCities(app.graphql, app.signIn, app.url, 'http://127.0.0.1:9/hook');
  tokens = {
    platform_admin: world.platformToken,
    city_inspector: world.cityInspector.token,
    district_admin: world.districtAdmin.token,
    unit_officer: world.officerA.token,
    auditor: world.auditor.token,
    service_read_only: world.readOnlyToken,
    service_operations: world.operationsToken,
    service_city_operations: world.cityOperationsToken,
    anonymous: undefined,
    expired_access_token: world.expiredToken,
    revoked_api_token: world.revokedToken,
  };
  // Every district has a signed checkpoint for its readers to list.
  for (const [admin, records] of [[world.districtAdmin, world.own], [world.siblingAdmin, world.sibling], [world.otherCityAdmin, world.otherCity]] as const) {
    const signed = await app.graphql('mutation($id: ID!) { signChainHead(tenantId: $id) { tenantId } }', { id: records.tenantId }, admin.token);
    expect(signed.errors).toBeUndefined();
  }
  // Notifications and webhook deliveries are made in the background from the fixtures' events; the
  // district office is told that the fixtures' monthly report is overdue (the warnings run every second).
  await withOwner(app.database, async (owner) => {
    for (const position of POSITIONS) {
      const records = recordsAt(position);
      notificationIds[position] = await eventually(
        async () => (await owner.query<{ id: string }>('SELECT id FROM notifications WHERE tenant_id = $1 AND recipient_id = $2 LIMIT 1', [records.tenantId, records.officerId])).rows[0]?.id,
        { what: `a notification in ${position}` },
      );
      await eventually(
        async () => (await owner.query('SELECT id FROM notifications WHERE tenant_id = $1 AND recipient_id = $2 AND record_type = $3 LIMIT 1', [records.tenantId, records.adminId, 'MonthlyReport'])).rows[0],
        { what: `a monthly report warning to the district office in ${position}` },
      );
      deliveryIds[position] = await eventually(
        async () => (await owner.query<{ id: string }>('SELECT id FROM webhook_outbox WHERE tenant_id = $1 AND endpoint_id = $2 LIMIT 1', [records.tenantId, records.webhookEndpointId])).rows[0]?.id,
        { what: `a webhook delivery in ${position}` },
      );
    }
  });
}, 180_000);

afterAll(() => app.close());

describe('the permission matrix', () => {
  it('has one row for every query, mutation and subscription of the committed schema, and no other', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '../../schema.graphql'), 'utf8'));
    const operations = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));
    expect(Object.keys(MATRIX).sort()).toEqual(operations.sort());
    for (const [operation, row] of Object.entries(MATRIX)) {
      const kind = schema.getQueryType()!.getFields()[operation] ? 'query' : schema.getMutationType()!.getFields()[operation] ? 'mutation' : 'subscription';
      expect({ operation, kind: row.kind }).toEqual({ operation, kind });
    }
  });

  it('answers every query and mutation, for every role in its own, a sibling and another city’s district, exactly as the table says', async () => {
    const results = [
      ...(await runAll(cases((row) => row.kind !== 'subscription' && !row.last && !row.current))),
      ...(await runAll(cases((row) => row.current === true), 1)),
    ];
    const { unauthorised, leaks, mismatches } = report(results);
    expect(unauthorised).toEqual([]);
    expect(leaks).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(results.length).toBe((Object.values(MATRIX).filter((row) => row.kind !== 'subscription' && !row.last).length) * (ROLES.length * POSITIONS.length + CREDENTIALS.length));
  }, 170_000);

  it('delivers live events only to those the table lets read them, and refuses subscribers without a valid identity', async () => {
    const subscriptionCases = cases((row) => row.kind === 'subscription');
    const opened = await Promise.all(
      subscriptionCases.map(async (c) => {
        try {
          const variables = c.row.variables ? await c.row.variables(targetOf(c)) : {};
          return { c, live: await subscribe<Record<string, unknown>>(app.url, tokens[c.caller] ?? '', c.row.document, variables) };
        } catch {
          return { c, live: null as LiveSubscription<Record<string, unknown>> | null };
        }
      }),
    );
    // One finding due in three days in each district's unit: its recording, its officer's notification and its warning.
    await Promise.all(
      [world.districtAdmin.token, world.siblingAdmin.token, world.otherCityAdmin.token].map((token, i) => {
        const records = recordsAt(POSITIONS[i]!);
        return recordedFinding(app.graphql, token, { inspectionId: records.districtInspectionId, unitId: records.unitId, deadlineInDays: 3, title: '约谈制度未落实' });
      }),
    );
    const awaited = opened.filter(({ c, live }) => live && c.expected === 'ALLOWED');
    await eventually(() => (awaited.every(({ live }) => live!.values.length > 0) ? true : undefined), { timeoutMs: 20_000, what: 'live events for every allowed subscriber' }).catch(() => undefined);
    // Time for anything that should not arrive to arrive anyway.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const results: Result[] = opened.map(({ c, live }) => {
      const actual: Outcome = !live ? 'UNAUTHENTICATED' : live.values.length > 0 ? 'ALLOWED' : 'HIDDEN';
      const leaked = JSON.stringify(live?.values ?? []).match(UUID)?.filter((id) => foreignIds(c.caller).has(id)) ?? [];
      return { case: `${c.operation} as ${c.caller} in ${c.position}`, expected: c.expected, actual, ...(leaked.length > 0 && { leaked }) };
    });
    await Promise.all(opened.map(({ live }) => live?.close()));
    const { unauthorised, leaks, mismatches } = report(results);
    expect(unauthorised).toEqual([]);
    expect(leaks).toEqual([]);
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('signs out every caller with an identity, and no one without', async () => {
    const { mismatches } = report(await runAll(cases((row) => row.last === true)));
    expect(mismatches).toEqual([]);
  });
});

describe('reaching another district’s ids', () => {
  /** The same district with every id replaced by one that exists nowhere: what "does not exist" answers. */
  const ghostOf = (records: DistrictRecords): DistrictRecords =>
    JSON.parse(JSON.stringify(records).replace(UUID, (_, offset: number) => `6c1e0f3a-1111-4111-8111-${String(offset).padStart(12, '0')}`)) as DistrictRecords;
  type Probe = { path: string; query: string; variables: (foreign: DistrictRecords, own: DistrictRecords) => Record<string, unknown> };

  /** Direct lookups, time travel and nested scopes: each must answer exactly as for an id that does not exist. */
  const LOOKUPS: Probe[] = [
    { path: 'finding', query: 'query($id: ID!) { finding(id: $id) { id } }', variables: (f) => ({ id: f.findings.RECORDED.id }) },
    { path: 'finding as of now', query: 'query($id: ID!, $at: DateTime) { finding(id: $id, asOf: $at) { id } }', variables: (f) => ({ id: f.findings.RECORDED.id, at: new Date().toISOString() }) },
    { path: 'inspection', query: 'query($id: ID!) { inspection(id: $id) { id } }', variables: (f) => ({ id: f.districtInspectionId }) },
    { path: 'interview', query: 'query($id: ID!) { interview(id: $id) { id } }', variables: (f) => ({ id: f.interviewId }) },
    { path: 'unit', query: 'query($id: ID!) { unit(id: $id) { id } }', variables: (f) => ({ id: f.unitId }) },
    { path: 'person', query: 'query($id: ID!) { person(id: $id) { id } }', variables: (f) => ({ id: f.personId }) },
    { path: 'statistics of a unit', query: 'query($id: ID) { rectificationStatistics(scope: { unitId: $id }) { recorded } }', variables: (f) => ({ id: f.unitId }) },
    { path: 'statistics of an inspection', query: 'query($id: ID) { rectificationStatistics(scope: { inspectionId: $id }) { recorded } }', variables: (f) => ({ id: f.districtInspectionId }) },
    { path: 'webhook deliveries', query: 'query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }', variables: (f) => ({ id: f.webhookEndpointId }) },
    { path: 'responsibility list', query: 'query($id: ID!) { responsibilityList(id: $id) { id } }', variables: (f) => ({ id: f.responsibility.listId }) },
    { path: 'key project plan', query: 'query($id: ID!) { keyProjectPlan(id: $id) { id } }', variables: (f) => ({ id: f.responsibility.planId }) },
  ];

  /** Connections, filters and search: an empty page (or none of the other district's rows). */
  const LISTS: Probe[] = [
    { path: 'findings by inspection', query: 'query($id: ID) { findings(filter: { inspectionId: $id }) { totalCount edges { node { id } } } }', variables: (f) => ({ id: f.districtInspectionId }) },
    { path: 'findings by unit', query: 'query($id: ID) { findings(filter: { unitId: $id }) { totalCount edges { node { id } } } }', variables: (f) => ({ id: f.unitId }) },
    { path: 'findings by district', query: 'query($id: ID) { findings(filter: { tenantId: $id }) { totalCount edges { node { id } } } }', variables: (f) => ({ id: f.tenantId }) },
    { path: 'findings as of now by unit', query: 'query($id: ID, $at: DateTime!) { findingsAsOf(asOf: $at, filter: { unitId: $id }) { totalCount edges { node { id } } } }', variables: (f) => ({ id: f.unitId, at: new Date().toISOString() }) },
    { path: 'inspection follow-ups', query: 'query($id: ID) { inspections(filter: { followUpOfId: $id }) { totalCount edges { node { id } } } }', variables: (f) => ({ id: f.districtInspectionId }) },
    { path: 'interviews by finding', query: 'query($id: ID) { interviews(filter: { findingId: $id }) { totalCount edges { node { id } } } }', variables: (f) => ({ id: f.findings.RECORDED.id }) },
    { path: 'interviews by unit', query: 'query($id: ID) { interviews(filter: { unitId: $id }) { totalCount edges { node { id } } } }', variables: (f) => ({ id: f.unitId }) },
    { path: 'audit trail of a stream', query: 'query($id: ID) { auditEvents(filter: { streamId: $id }) { totalCount edges { node { streamId } } } }', variables: (f) => ({ id: f.findings.RECORDED.id }) },
    { path: 'audit trail by actor', query: 'query($id: ID) { auditEvents(filter: { actorId: $id }) { totalCount edges { node { streamId } } } }', variables: (f) => ({ id: f.adminId }) },
    { path: 'people of a unit', query: 'query($id: ID) { people(unitId: $id) { id } }', variables: (f) => ({ id: f.unitId }) },
    { path: 'units of a district', query: 'query($id: ID) { units(tenantId: $id, includeDeactivated: true) { id } }', variables: (f) => ({ id: f.tenantId }) },
  ];

  const SCHEDULE = 'mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }';
  const interviewInput = (own: DistrictRecords, overrides: Record<string, unknown>): Record<string, unknown> => ({
    tenantId: own.tenantId,
    kind: 'REMINDER',
    interviewerIds: [own.adminId],
    interviewees: [{ personId: own.officerId, unitId: own.unitId }],
    reason: '越权关联',
    scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    place: '会议室',
    confidential: false,
    ...overrides,
  });

  /** Writes that name the other district's records inside one's own: refused before anything is written. */
  const WRITES: Probe[] = [
    {
      path: 'reassign to its unit',
      query: 'mutation($input: ReassignFindingInput!) { reassignFinding(input: $input) { id } }',
      variables: (f, o) => ({ input: { id: o.findings.RECORDED.id, expectedVersion: o.findings.RECORDED.version, toUnitId: f.unitId, reason: '越权改派' } }),
    },
    {
      path: 'record in its inspection',
      query: 'mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }',
      variables: (f, o) => ({ input: { ...recordFindingInputFor(f.districtInspectionId, o.unitId) } }),
    },
    {
      path: 'record against its unit',
      query: 'mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }',
      variables: (f, o) => ({ input: { ...recordFindingInputFor(o.districtInspectionId, f.unitId) } }),
    },
    {
      path: 'cite its responsibility item',
      query: 'mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }',
      variables: (f, o) => ({
        input: { ...recordFindingInputFor(o.districtInspectionId, o.unitId), basis: { kind: 'RESPONSIBILITY_ITEM', reference: f.responsibility.itemId, text: '依据' } },
      }),
    },
    {
      path: 'inspect its units',
      query: 'mutation($input: PlanInspectionInput!) { planInspection(input: $input) { id } }',
      variables: (f, o) => ({
        input: { tenantId: o.tenantId, title: '越权检查', kind: 'SELF_CHECK', target: { scope: 'UNITS', unitIds: [f.unitId] }, periodStart: '2026-12-07', periodEnd: '2026-12-30', team: [{ name: '组长' }] },
      }),
    },
    {
      path: 'name its person as unit head',
      query: 'mutation($input: AssignUnitPersonInput!) { assignUnitHead(input: $input) { id } }',
      variables: (f, o) => ({ input: { id: o.otherUnitId, personId: f.personId, expectedVersion: 1 } }),
    },
    {
      path: 'link its finding to a 约谈',
      query: SCHEDULE,
      variables: (f, o) => ({ input: interviewInput(o, { findingIds: [f.findings.RECORDED.id] }) }),
    },
    {
      path: 'interview its person',
      query: SCHEDULE,
      variables: (f, o) => ({ input: interviewInput(o, { interviewees: [{ personId: f.personId, unitId: f.otherUnitId }] }) }),
    },
  ];

  function recordFindingInputFor(inspectionId: string, unitId: string): Record<string, unknown> {
    return {
      inspectionId,
      unitId,
      title: '越权登记',
      description: '不应被登记',
      category: 'STUDY',
      severity: 'MINOR',
      basis: { kind: 'RULE', reference: '第1项', text: '依据' },
      deadline: '2026-12-31',
    };
  }

  /** Who asks, and whose records: a district's staff reach for a sibling district's and another city's, a city for another city's. */
  const askers = (): Array<{ who: string; token: string; own: DistrictRecords; foreign: DistrictRecords; writes: boolean }> => [
    { who: 'district admin → sibling district', token: world.districtAdmin.token, own: world.own, foreign: world.sibling, writes: true },
    { who: 'district admin → other city', token: world.districtAdmin.token, own: world.own, foreign: world.otherCity, writes: true },
    { who: 'unit officer → other city', token: world.officerA.token, own: world.own, foreign: world.otherCity, writes: false },
    { who: 'city inspector → other city', token: world.cityInspector.token, own: world.own, foreign: world.otherCity, writes: false },
    { who: 'district token → other city', token: world.operationsToken, own: world.own, foreign: world.otherCity, writes: true },
    { who: 'city token → other city', token: world.cityOperationsToken, own: world.own, foreign: world.otherCity, writes: true },
  ];

  it('answers a direct lookup, a time-travel lookup or a nested scope of another district’s record exactly like a missing one', async () => {
    const answers = [];
    for (const asker of askers()) {
      for (const probe of LOOKUPS) {
        const foreign = await app.graphql(probe.query, probe.variables(asker.foreign, asker.own), asker.token);
        const missing = await app.graphql(probe.query, probe.variables(ghostOf(asker.foreign), asker.own), asker.token);
        answers.push({ asker: asker.who, path: probe.path, foreign: [foreign.errors?.[0]?.extensions?.code ?? 'answered', foreign.errors?.[0]?.message], missing: [missing.errors?.[0]?.extensions?.code ?? 'answered', missing.errors?.[0]?.message] });
      }
    }
    for (const answer of answers) expect(answer).toEqual({ ...answer, foreign: answer.missing });
    expect(answers.every((answer) => answer.foreign[0] === 'NOT_FOUND')).toBe(true);
  });

  it('lists none of another district’s records through connections, filters or search', async () => {
    const foreignIds = (records: DistrictRecords) => new Set([records.tenantId, records.unitId, records.otherUnitId, records.personId, records.officerId, ...Object.values(records.findings).map((f) => f.id), records.interviewId]);
    for (const asker of askers()) {
      for (const probe of LISTS) {
        const result = await app.graphql<Record<string, unknown>>(probe.query, probe.variables(asker.foreign, asker.own), asker.token);
        expect({ asker: asker.who, path: probe.path, errors: result.errors, empty: isEmpty(Object.values(result.data ?? {})[0]) }).toEqual({ asker: asker.who, path: probe.path, errors: undefined, empty: true });
      }
      // Search over everything the caller sees: the fixtures gave every district a finding of the same title.
      const search = await app.graphql<{ findings: { edges: Array<{ node: { id: string; tenantId: string } }> } }>(
        'query { findings(first: 100, filter: { search: "理论学习中心组" }) { edges { node { id tenantId } } } }',
        {},
        asker.token,
      );
      const found = search.data!.findings.edges.map((edge) => edge.node);
      expect(found.length).toBeGreaterThan(0);
      expect({ asker: asker.who, foreign: found.filter((finding) => foreignIds(asker.foreign).has(finding.id) || finding.tenantId === asker.foreign.tenantId) }).toEqual({ asker: asker.who, foreign: [] });
    }
  });

  it('refuses writes in one’s own district that name another district’s records as if they did not exist, and writes nothing', async () => {
    const countEvents = () => withOwner(app.database, async (owner) => (await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE type NOT IN ('WarningIssued', 'MonthlyReportWarningIssued')")).rows[0]!.n);
    const before = await countEvents();
    const answers = [];
    for (const asker of askers().filter((a) => a.writes)) {
      for (const probe of WRITES) {
        const foreign = await app.graphql(probe.query, probe.variables(asker.foreign, asker.own), asker.token);
        const missing = await app.graphql(probe.query, probe.variables(ghostOf(asker.foreign), asker.own), asker.token);
        const answer = (result: GraphQLResponse<unknown>) => [result.errors?.[0]?.extensions?.code ?? 'WRITTEN', result.errors?.[0]?.message];
        answers.push({ asker: asker.who, path: probe.path, foreign: answer(foreign), missing: answer(missing) });
      }
    }
    for (const answer of answers) expect(answer).toEqual({ ...answer, foreign: answer.missing });
    expect(answers.filter((answer) => answer.foreign[0] === 'WRITTEN')).toEqual([]);
    // Webhook deliveries, notifications and warnings are written in the background; the event log is not.
    expect(await countEvents()).toBe(before);
  });
});
